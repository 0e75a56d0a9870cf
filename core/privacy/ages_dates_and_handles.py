"""Ages over 89, short dates and handles an outside tester found stored raw (round 15, r15n).

Each pattern sits behind a cheap substring test (`might_detail` for `_has_detail`, the words
tested in the passes) so the common message pays for none of them.
"""

from __future__ import annotations

import re

from core.privacy.identifiers import AGE_MARK, DATE_MARK, LINK_MARK
from core.privacy.names import unknown

_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_OLD_FIGURE = r"(?:9\d|1[01]\d)"
_ORDINAL_UNITS = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"

# "my aunt just had her ninety-sixth and broke her back", "dad's hundredth", "his hundred and
# first": an ordinal from 90 to 119 in words after a possessive (a birthday, said or not).
ORDINAL_AGE = re.compile(
    r"(?P<cue>\b(?:her|his|my|\w+['\u2019]s)\s+)"
    rf"(?P<age>ninetieth|ninety[\s-]{_ORDINAL_UNITS}"
    rf"|(?:(?:one|a)\s+)?hundred(?:th|(?:\s+and)?[\s-]{_ORDINAL_UNITS}|(?:\s+and)?[\s-]tenth))\b",
    re.IGNORECASE,
)
# "mi abuelita tiene noventa y tres, ¿es muy mayor?", "cumplió noventa y uno" (Spanish): an
# age over 89 after "tiene" / "cumplió" without "años"; "tiene noventa pesos" stays.
_SPANISH_UNITS = r"(?:uno|una|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)"
SPANISH_AGE = re.compile(
    r"(?P<cue>\b(?:tiene|ten[ií]a|cumpli[oó]|cumple|cumplir[aá]?)\s+)"
    rf"(?P<age>noventa(?:\s+y\s+{_SPANISH_UNITS})?|cien|ciento\s+{_SPANISH_UNITS})\b"
    r"(?=\s*(?:[,.;:!?¿¡)]|$|(?:años|anos|ya|y|pero|es|está|esta|hoy|ayer)\b))",
    re.IGNORECASE,
)
# "papa m gen 91 an", "manman m gen 95 ane" (Haitian Creole): a figure 90-119 after "gen"
# before "an" / "ane" (years).
CREOLE_AGE = re.compile(rf"(?P<cue>\bgen\s+){_OLD_FIGURE}(?=\s+(?:an|ane|lane)\b)", re.I)
# "Nana just celebrated 98 candles on her cake", "her 101st birthday": a figure 90-119 before
# "candles" / "birthday" after a possessive or a word of celebrating; "we bought 95 candles"
# and "a $95 birthday gift" stay.
CANDLES_AGE = re.compile(
    r"(?P<cue>\b(?:celebrated|celebrating|blew\s+out|her|his|my|their|had|turned|"
    r"\w+['\u2019]s)\s+)"
    rf"{_OLD_FIGURE}(?:st|nd|rd|th)?(?=\s+(?:candles|birthday|bday|b-day)\b)",
    re.IGNORECASE,
)

# "discharge was 11-02, still in pain", "admitted on 3/14", "surgery is on 12-9": a month and a
# day after a hospital event; "surgery was 2-3 hours" and "MRI in 1-2 weeks" stay.
EVENT_DATE = re.compile(
    r"(?P<cue>\b(?:discharged?|admitted|admission|surgery|operation|op|mri|ct|scan)\s+"
    r"(?:(?:was|is|will\s+be)\s+)?(?:on\s+)?)"
    rf"(?<![\w/.-])(?P<date>{_DAY}[-/]{_DAY})(?![\w/%-]|[.,]\d)"
    r"(?!\s*(?:hours?|hrs?|days?|weeks?|wks?|months?|times|minutes?|mins?|nights?|x\b))",
    re.IGNORECASE,
)
# "we had the MRI done the day after Christmas, 12/26, when will": a month/day between commas
# after a date's words; "rated it 9/10, awful" has no such word.
NAMED_DAY_DATE = re.compile(
    r"(?P<cue>\b(?:christmas|xmas|holiday|birthday|bday|appointment|appt|thanksgiving|"
    r"easter|day\s+(?:after|before)\s+\w+)\b[^,.?!\d]{0,20},\s*)"
    rf"(?P<date>{_DAY}/{_DAY})(?=\s*,)",
    re.IGNORECASE,
)
_DATE_WORDS = ("discharg", "admi", "surgery", "operation", "op ", "mri", "ct ", "scan")
_DAY_WORDS = ("day", "christmas", "xmas", "holiday", "appointment", "appt", "thanksgiving")


def _masked_date(match: re.Match[str]) -> str:
    """Keep the cue; mask the date when its two figures can be a day and a month."""
    first, second = (int(part) for part in re.split(r"[-/]", match.group("date")))
    if min(first, second) > 12 or (second == 10 and first <= 10):
        return match.group()  # "the appointment, 9/10, was awful": a score
    return match.group("cue") + DATE_MARK


# "my tiktok is spinewarriorbev", "insta: nanaknits": a handle with no figure after a social
# service and "is" / ":", when it is no English word ("my tiktok is private" stays).
SOCIAL_HANDLE = re.compile(
    r"(?P<head>\b(?:tiktok|tik\s+tok|instagram|insta|ig|facebook|fb|twitter|snapchat|snap)"
    r"(?:\s+(?:handle|name|account|username))?\s*(?::|\bis\b)\s*@?)"
    r"(?P<value>[^\W\d_]{4,30})\b(?![.@\'\u2019-])",
    re.IGNORECASE,
)
# "my Skype name is live:joe.b.mariani": a Skype id, "live:" and its name.
SKYPE_LIVE = re.compile(r"\blive:\.?[\w.-]*\w", re.IGNORECASE)
_SOCIAL_WORDS = ("tiktok", "tik tok", "insta", "ig:", "ig is", "facebook", "fb", "twitter", "snap")


def _masked_social_handle(match: re.Match[str]) -> str:
    """SOCIAL_HANDLE's replacement: the value goes only when it is in no list of words."""
    if not unknown(match.group("value"), slips=False):
        return match.group()
    return match.group("head") + LINK_MARK


def might_detail(text: str, lower: str) -> bool:
    """Could the text hold a round-15 detail without a figure (the gate of `_has_detail`)?
    "her ninety-sixth", "tiene noventa y tres", "my tiktok is spinewarriorbev", "live:x"."""
    if "live:" in lower:
        return True
    if any(word in lower for word in _SOCIAL_WORDS) and SOCIAL_HANDLE.search(text):
        return True
    if ("ninet" in lower or "hundred" in lower) and ORDINAL_AGE.search(text):
        return True
    return ("noventa" in lower or "cien" in lower) and SPANISH_AGE.search(text) is not None


def handle_passes(text: str, low: str) -> str:
    """A Skype "live:" id; a handle without a figure after a social service."""
    if "live:" in low:
        text = SKYPE_LIVE.sub(LINK_MARK, text)
    if any(word in low for word in _SOCIAL_WORDS):
        text = SOCIAL_HANDLE.sub(_masked_social_handle, text)
    return text


def date_passes(text: str, low: str) -> str:
    """Dates in figures after a hospital event or between commas after a day's words."""
    if any(word in low for word in _DATE_WORDS):
        text = EVENT_DATE.sub(_masked_date, text)
    if "/" in text and any(word in low for word in _DAY_WORDS):
        text = NAMED_DAY_DATE.sub(_masked_date, text)
    return text


def age_passes(text: str, low: str, digit: bool) -> str:
    """Ages over 89: an ordinal in words after a possessive, Spanish without "años"; with a
    figure, Haitian Creole "gen 91 an" and "98 candles"."""
    if "ninet" in low or "hundred" in low:
        text = ORDINAL_AGE.sub(lambda m: m.group("cue") + AGE_MARK, text)
    if "noventa" in low or "cien" in low:
        text = SPANISH_AGE.sub(lambda m: m.group("cue") + AGE_MARK, text)
    if not digit:
        return text
    if "gen" in low:
        text = CREOLE_AGE.sub(lambda m: m.group("cue") + AGE_MARK, text)
    if "candle" in low or "birthday" in low or "bday" in low or "b-day" in low:
        text = CANDLES_AGE.sub(lambda m: m.group("cue") + AGE_MARK, text)
    return text


# "how old is too old? my mum is" / "92. she has 3 fractures": a message ends with "<kin> is"
# or "she's" and the next one opens with an age over 89.
_AGE_CUE_AT_END = re.compile(
    r"(?:\b(?:mum|mom|mother|dad|father|nan|nana|gran|granny|grandma|grandmother|grandpa|"
    r"grandad|granddad|grandfather|grandparent|aunt|auntie|uncle|husband|wife|she|he|"
    r"patient|pt)\s+is|\b(?:she|he)['\u2019]?s|\bturned|\bturning|\baged?)\s*$",
    re.IGNORECASE,
)
OLD_AGE_OPENING = re.compile(
    rf"^\s*(?P<age>{_OLD_FIGURE})\b(?![.,]\d)"
    r"(?!\s*(?:%|percent|lbs?|pounds|kg|kilos?|mg|degrees|minutes?|mins?|days?|pages?|beats?))",
    re.IGNORECASE,
)


def age_after_cue(previous: str, text: str) -> tuple[str, str] | None:
    """(the age over 89 opening `text` after `previous` ended with "<kin> is"; its mark). The
    cheap test on `text` comes first, so most messages never search `previous`."""
    match = OLD_AGE_OPENING.match(text)
    if not match or not _AGE_CUE_AT_END.search(previous):
        return None
    return match.group("age"), AGE_MARK
