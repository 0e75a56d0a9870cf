"""Ages over 89, short dates and handles an outside tester found stored raw (round 15, r15n).

Each pattern sits behind a cheap substring test (`might_detail` for `_has_detail`, the words
tested in the passes) so the common message pays for none of them.
"""

from __future__ import annotations

import re

from core.privacy.alternation import one_of
from core.privacy.gates import gated
from core.privacy.identifiers import AGE_MARK, DATE_MARK, LINK_MARK, NINETY
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
    # "admitted 04.11. at night" (round 16: raw): a European day and month, each with its dot.
    rf"(?<![\w/.-])(?P<date>{_DAY}[-/]{_DAY}|{_DAY}\.{_DAY}(?=\.(?:\s|$)))(?![\w/%-]|[.,]\d)"
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
    first, second = (int(part) for part in re.split(r"[-/.]", match.group("date")))
    if min(first, second) > 12 or (second == 10 and first <= 10):
        return match.group()  # "the appointment, 9/10, was awful": a score
    return match.group("cue") + DATE_MARK


# Round 16: ages over 89 said another way, each behind a word it needs.
# "turning the big 95", "hit the big 9-0", "turns the big one-oh-oh": a round birthday.
BIG_AGE = gated(
    re.compile(
        r"(?P<cue>\bthe\s+big\s+)(?:9\d|1[01]\d|9-?0|9-?oh|1-?0-?0|1-?oh-?oh|one[\s-]oh[\s-]oh"
        rf"|(?:one\s+|a\s+)?hundred|{NINETY}(?:[\s-]\w+)?)\b"
        r"(?!\s*(?:%|percent|min|minutes|hours|days|mg|lbs?|pounds|kg|miles|dollars|bucks))",
        re.IGNORECASE,
    ),
    words="big",
)
# "grann mwen gen katreven-douz an" (Haitian Creole: quatre-vingt-douze, 92): 90 to 99 in
# words before "an" / "ane" (years).
CREOLE_WORDED_AGE = gated(
    re.compile(
        r"\bkatreven[\s-](?:dis|onz|douz|tr[eè]z|kat[oò]z|katorz|kenz|s[eè]z|dis[eè]t|dizwit|"
        r"dizuit|dizn[eè]f)(?=\s+(?:an|ane|lane)\b)",
        re.IGNORECASE,
    ),
    words="katreven",
)
# "ông tôi chín mươi hai tuổi" (Vietnamese, "92 years old"): 90 to 99 in words, or a figure
# 90-119, before "tuổi" (years of age).
_VIETNAMESE_UNITS = (
    r"(?:m[oố]t|m[oộ]t|hai|ba|b[oố]n|t[uư]|n[aă]m|l[aă]m|s[aá]u|b[aả]y|t[aá]m|ch[ií]n)"
)
VIETNAMESE_AGE = gated(
    re.compile(
        rf"\b(?:ch[ií]n\s+m[uư][oơ]i(?:\s+{_VIETNAMESE_UNITS})?|m[oộ]t\s+tr[aă]m|{_OLD_FIGURE})"
        r"(?=\s+tu[oổ]i\b)",
        re.IGNORECASE,
    ),
    words="tuổi tuoi",
)
# "she's 9 decades old", "nine decades on this earth": nine decades or more of a life is an
# age over 89 ("8 decades" is not).
DECADES_AGE = gated(
    re.compile(r"\b(?:9|10|11|nine|ten|eleven)\s+decades\b", re.IGNORECASE),
    words="decades",
)
# Each with the substring it needs: one `in` test on the lower-cased text is cheaper than a
# gate's call, and most messages hold none of them.
_WORDED_AGES = (
    ("big", BIG_AGE),
    ("katreven", CREOLE_WORDED_AGE),
    ("tuổi", VIETNAMESE_AGE),
    ("tuoi", VIETNAMESE_AGE),
    ("decades", DECADES_AGE),
)
# "data urodzenia: dwunasty marca 1934" (Polish, round 16: the year alone masked): a day as
# an ordinal word before a month in the genitive, and the year after it.
_POLISH_MONTHS = (
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września wrzesnia "
    "października pazdziernika listopada grudnia"
)
_POLISH_ORDINAL = (
    r"(?:pierwsz|drug|trzec|czwart|pi[aą]t|sz[oó]st|si[oó]dm|[oó]sm|dziewi[aą]t|dziesi[aą]t|"
    r"jedenast|dwunast|trzynast|czternast|pi[eę]tnast|szesnast|siedemnast|osiemnast|"
    r"dziewi[eę]tnast|dwudziest|trzydziest)(?:y|i|ego|iego)"
)
# The months' stems, found in one scan of the lower-cased text (cheaper than the gate's words
# on a text no gate has read yet).
_POLISH_MONTH = re.compile(
    r"stycz|lutego|marca|kwietn|maja|czerw|lipca|sierpn|wrze|pa[zź]dziern|listopad|grudn"
)
POLISH_ORDINAL_DATE = gated(
    re.compile(
        rf"\b(?:(?:dwudziest|trzydziest)(?:y|ego)\s+)?{_POLISH_ORDINAL}\s+"
        rf"(?:{_POLISH_MONTHS.replace(' ', '|')})\b(?:\s+(?:19|20)\d{{2}}\b)?",
        re.IGNORECASE,
    ),
    words=_POLISH_MONTHS,
)


def polish_ordinal_dates(text: str, low: str) -> str:
    """ "dwunasty marca 1934": masked when the lower-cased text holds a Polish month."""
    return POLISH_ORDINAL_DATE.sub(DATE_MARK, text) if _POLISH_MONTH.search(low) else text


def _masked_worded_age(match: re.Match[str]) -> str:
    """The round-16 ages' replacement: a cue ("the big") stays, the age goes."""
    return (match.groupdict().get("cue") or "") + AGE_MARK


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


# Every substring one of `might_detail`'s tests below needs, and the Polish months' stems:
# one scan of the lower-cased text answers "none of them" for most messages (measured: 4.7 µs
# -> 0.5 on an ordinary message; twenty substring tests and two generators before).
_MIGHT_DETAIL_NEEDLES = re.compile(
    one_of(
        sorted(
            re.escape(needle)
            for needle in (
                "live:",
                *_SOCIAL_WORDS,
                "ninet",
                "hundred",
                *(needle for needle, _ in _WORDED_AGES),
                "noventa",
                "cien",
            )
        )
    )
    + "|"
    + _POLISH_MONTH.pattern
)


def might_detail(text: str, lower: str) -> bool:
    """Could the text hold a round-15 detail without a figure (the gate of `_has_detail`)?
    "her ninety-sixth", "tiene noventa y tres", "my tiktok is spinewarriorbev", "live:x"."""
    if _MIGHT_DETAIL_NEEDLES.search(lower) is None:
        return False
    if "live:" in lower:
        return True
    if any(word in lower for word in _SOCIAL_WORDS) and SOCIAL_HANDLE.search(text):
        return True
    if ("ninet" in lower or "hundred" in lower) and ORDINAL_AGE.search(text):
        return True
    if any(needle in lower and pattern.search(text) for needle, pattern in _WORDED_AGES):
        return True
    if _POLISH_MONTH.search(lower):
        return POLISH_ORDINAL_DATE.search(text) is not None
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
    for needle, pattern in _WORDED_AGES:
        if needle in low:
            text = pattern.sub(_masked_worded_age, text)
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
