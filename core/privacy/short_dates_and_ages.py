"""Short dates, ages in other languages and shorthand, and handles (round 14, r14n).

Numbers, dates, ages and handles an outside tester found stored raw.

Each pattern sits behind a cheap substring test (`might_detail` for `_has_detail`, the
`*_GATE` words for the passes) so the common message pays for none of them. The redaction
calls `figure_passes` only when the text holds a figure and `word_passes` always.
"""

from __future__ import annotations

import re

from core.privacy.gates import gated
from core.privacy.identifiers import (
    AGE_MARK,
    DATE_MARK,
    EMAIL_MARK,
    ID_MARK,
    LINK_MARK,
    kept_reading,
)

_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_OLD_FIGURE = r"(?:9\d|1[01]\d)"

# "the appointment letter says 14/11 at 9:30", "the scan is on 3/12", "scheduled for 11/4",
# "can I come 14/11 at 10am": a day and month in figures after a cue of when, or before "at"
# and a time. A score ("my pain is 9/10"), a vertebra ("T12/L1"), "24/7", "50/50" and a
# fraction ("for 1/2 an hour") are no date (checked in `_masked_short_date`).
SHORT_DATE = re.compile(
    r"(?P<cue>\b(?:says|said|reads|is\s+on|was\s+on|on|for|scheduled(?:\s+(?:for|on))?"
    r"|booked(?:\s+(?:for|on))?|set\s+for|due(?:\s+on)?|moved\s+to)\s+)?"
    rf"(?<![\w/.-])(?P<date>{_DAY}/{_DAY})(?![\w/%]|[.,]\d)"
    r"(?P<time>\s+at\s+\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?(?![\w:/]))?",
    re.IGNORECASE,
)
_PAIN_BEFORE = re.compile(r"\b(?:pain|score|scale|rate[ds]?|level|hurts?)\b[^.?!]{0,20}$", re.I)
_FRACTION_AFTER = re.compile(
    r"\s*(?:an?\b|of\b|hours?|hrs?|cups?|tabs?|tablets?|pills?|doses?|miles?|inch|inches|"
    r"teaspoons?|tsp|tbsp|lbs?|pounds?|mg|ml|pt|the\b|min|mins|minutes?|days?|nights?|weeks?|"
    r"months?|times|sets|reps|steps|laps|blocks|flights)",
    re.IGNORECASE,
)
_NOT_DATES = frozenset({"24/7", "50/50", "20/20"})


def _masked_short_date(match: re.Match[str]) -> str:
    """SHORT_DATE's replacement: only with a cue of when or a time after it, when the two
    figures can be a day and a month, and the text around it speaks of no score or fraction."""
    cue, date, time = match.group("cue"), match.group("date"), match.group("time")
    first, second = (int(part) for part in date.split("/"))
    if not (cue or time) or date in _NOT_DATES or min(first, second) > 12:
        return match.group()
    if _PAIN_BEFORE.search(match.string[: match.start()]):
        return match.group()  # "pain score says 9/10"
    if not time and _FRACTION_AFTER.match(match.string, match.end()):
        return match.group()  # "for 1/2 an hour"
    if not cue and first < second <= 4:
        return match.group()  # "took 1/2 at 8": a fraction more often than a date
    if not time and first < second <= 4:
        return match.group()  # "for 3/4": a fraction more often than a date
    return (cue or "") + DATE_MARK + (time or "")


# "mẹ tôi sinh ngày 5 tháng 8 năm 1930" (Vietnamese: born on the 5th of August 1930): a day
# and a month in figures after "ngày" and "tháng", with the year after "năm" if any.
VIETNAMESE_DATE = re.compile(
    rf"\bngày\s+{_DAY}\s+tháng\s+(?:0?[1-9]|1[0-2])\b(?:\s+năm\s+\d{{4}}\b)?", re.IGNORECASE
)
# "he's nearly a hundred, is he too old", "almost a hundred and two", "she turned a hundred":
# a hundred after a word of about or of turning, where no noun follows ("a hundred questions",
# "nearly a hundred pages" stay).
_HUNDRED_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten)"
HUNDRED_AGE = re.compile(
    r"(?P<cue>\b(?:nearly|almost|about|over|past|turning|turned|turns|close\s+to|going\s+on|"
    r"(?:he|she)['\u2019]?s|(?:he|she)\s+is|i['\u2019]?m|i\s+am|be|now)\s+)"
    rf"(?:a|one)\s+hundred(?:\s+(?:and\s+)?{_HUNDRED_UNITS})?\b"
    r"(?=\s*(?:[,.;!?)]|$|(?:years?|yrs?|y/?o|now|already|soon|this|next|in|but|so|and|or|is|"
    r"too|lol)\b))",
    re.IGNORECASE,
)
# "mama ma dziewięćdziesiąt jeden lat", "ma sto dwa lata" (Polish): ninety and its units, or
# a hundred after "ma" / "skończył(a)", before "lat" / "lata"; "Sto lat!" (the song) stays.
_POLISH_UNITS = r"(?:jeden|dwa|trzy|cztery|pi[eę][cć]|sze[sś][cć]|siedem|osiem|dziewi[eę][cć])"
POLISH_AGE = re.compile(
    rf"\b(?P<age>dziewi[eę][cć]dziesi[aą]t(?:\s+{_POLISH_UNITS})?)(?=\s+lat[a]?\b)"
    rf"|(?P<cue>\b(?:ma|mia[łl][ao]?|sko[nń]czy[łl]?[ao]?|sko[nń]czy)\s+)"
    rf"(?P<sto>sto(?:\s+{_POLISH_UNITS})?)(?=\s+lat[a]?\b)",
    re.IGNORECASE,
)
# "mẹ tôi 94 tuổi" (Vietnamese), "ang lola ko ay 96 taong gulang na", "96 taon" (Tagalog): a
# figure from 90 to 119 before the language's word of years of age; "është 91 vjeç",
# "91 vjeçare" (Albanian, round 17).
YEARS_WORD_AGE = re.compile(
    rf"\b{_OLD_FIGURE}(?=\s*(?:tuổi|taong\s+gulang|taon|vje[çc](?:are?)?)\b)", re.IGNORECASE
)
# "in her late 90s, 97 I think" (round 17): a figure 90-119 right after a decade of the
# nineties is the age that decade was a guess of.
AGE_AFTER_DECADE = gated(
    re.compile(
        rf"(?P<cue>\b(?:90['\u2019]?s|nineties)[,;:\s]+(?:(?:maybe|about|like|around|probably|"
        rf"actually|i\s+think|exactly)\s+)?){_OLD_FIGURE}\b",
        re.IGNORECASE,
    ),
    needles="90s 90's 90\u2019s nineties",
)
# "meu avô tem noventa e dois anos", "tem cem anos" (Portuguese): Spanish's "noventa y" was
# read since round 5, Portuguese's "e" and "cem" were not.
_PORTUGUESE_UNITS = r"(?:um|uma|dois|duas|tr[eê]s|quatro|cinco|seis|sete|oito|nove)"
PORTUGUESE_AGE = re.compile(
    rf"\b(?:noventa\s+e\s+{_PORTUGUESE_UNITS}|cem|cento\s+e\s+{_PORTUGUESE_UNITS})"
    r"(?=\s+anos\b)",
    re.IGNORECASE,
)
# "93F with T8 compression fx", "91M", "a 96 yo M", "96 y/o F" (clinical shorthand): an age
# over 89 joined to the sex, or with "yo" between; "93 F outside" (a temperature) stays.
SHORTHAND_AGE = re.compile(
    rf"(?<![$\w.,/]){_OLD_FIGURE}(?:(?-i:[FM])|\s*(?:y/?o|yrs?|y\.o\.)\s*(?:[FM]|female|male))\b"
    r"(?!\s*(?:degrees|outside|out\b|fever|temp))",
    re.IGNORECASE,
)


def _is_shorthand_sex(match: re.Match[str]) -> bool:
    """A joined "93F" must be typed in capitals ("93m" may be metres, "95f" a thermometer's)."""
    value = match.group()
    return not value[-1].islower() or not value[:-1].isdigit()


def _masked_shorthand_age(match: re.Match[str]) -> str:
    """SHORTHAND_AGE's replacement: the age and the sex go together (a sex alone says little,
    but "[age removed]F" reads badly)."""
    return AGE_MARK if _is_shorthand_sex(match) else match.group()


# "grandma.joy@hotmail send stuff there": an e-mail whose top-level domain was left off after
# a known provider.
_PROVIDER = (
    r"(?:gmail|googlemail|yahoo|icloud|hotmail|outlook|aol|comcast|verizon|sbcglobal|att|"
    r"protonmail|proton|msn|ymail|optonline|earthlink|gmx|zoho|live|me|mac|cox|charter)"
)
PROVIDER_ONLY_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w.+-]{{1,64}}@\s*{_PROVIDER}\b(?!\s*\.\s*\w)", re.IGNORECASE
)
# "blue cross card says XJH 4821 006", "aetna card reads W 2291 7734": an id after an insurer's
# card and "says / reads / shows" (its groups were read as a phone's).
INSURER_CARD_ID = re.compile(
    r"(?P<head>\b(?:blue\s*cross|blue\s*shield|bcbs|aetna|cigna|humana|united(?:\s*health\w*)?|"
    r"uhc|kaiser|anthem|medicaid|medicare|tricare|wellcare|insurance|insurer|member(?:ship)?|"
    r"health\s+plan|plan|id)\s+card\s+(?:says|said|reads|shows|has)\s*:?\s*)"
    # A first group of letters, or of two characters at least ("7 A K 2 dash ..." is an MBI's).
    r"(?P<id>(?=[A-Za-z\d -]*\d)(?:[A-Za-z]{1,4}|[A-Za-z\d]{2,12})"
    # Later groups of two characters or more with a figure ("7IO3 BL5 SQ21": "BL5" too).
    r"(?:[ -](?=[A-Za-z\d]{2})[A-Za-z]{0,3}\d[A-Za-z\d]*){0,4})(?![\w-])",
    re.IGNORECASE,
)


def _masked_insurer_card_id(match: re.Match[str]) -> str:
    """INSURER_CARD_ID's replacement: an id holds a letter or six figures at least ("her
    insurance card says 2024 on it" names a year)."""
    value = match.group("id")
    if any(ch.isalpha() for ch in value) or sum(ch.isdigit() for ch in value) >= 6:
        return match.group("head") + ID_MARK
    return match.group()


# "I paid w/ check #1187", "cheque number 004512", "check no. 2231": a check's number.
CHECK_NUMBER = re.compile(
    r"(?P<head>\b(?:check|cheque|chk)\s*(?:#|no\.?|num(?:ber)?\.?|nbr)\s*(?:is|was|:)?\s*)"
    r"(?P<number>\d{3,})\b",
    re.IGNORECASE,
)
# "placa del carro ZXK 8812", "matrícula 4821 HBK", "patente AB 123 CD": a plate after its
# Spanish cue, letters and figures with a space; "placa de 12 mm" (a dental plate) stays.
SPANISH_PLATE = re.compile(
    r"(?P<head>\b(?:placa|matr[ií]cula|patente)"
    r"(?:\s+(?:del|de\s+mi|de\s+su|de\s+la)\s+(?:carro|auto|coche|camioneta|moto|troca))?"
    r"\s*(?:es|:|n[uú]mero|#)?\s*)"
    r"(?!(?:de|del|en|la|el|es|y|mi)\b)"
    r"(?P<plate>[A-Za-z]{1,4}[\s-]?\d{2,5}(?:[\s-]?[A-Za-z]{1,3})?|\d{2,5}[\s-]?[A-Za-z]{2,4})"
    r"(?![\w-])(?<!\s(?:mm|cm|ml|mg))",
    re.IGNORECASE,
)
# "skype: grandpa.walt", "zoom is nana.rosa.k", "facetime: joy.m": a dotted handle after a
# service's name; "skype is fine" stays (no dot).
SERVICE_HANDLE = re.compile(
    r"(?P<head>\b(?:skype|zoom|facetime|whatsapp|telegram|signal|discord|insta(?:gram)?|"
    r"snapchat|snap|tiktok|twitter|facebook|fb|messenger|wechat|viber)\s*(?::|=|\bis\b)\s*)"
    r"(?P<value>[\w-]+(?:\.[\w-]+)+)(?![\w.@])",
    re.IGNORECASE,
)
# "mi usuario del portal es rgarza1950", "nombre de usuario: nana_rosa", "mi cuenta es
# rgarza.50" (Spanish): a user name after its cue, when shaped like one (a figure, "_", ".").
SPANISH_USER_NAME = re.compile(
    r"(?P<head>\b(?:nombre\s+de\s+usuario|usuario|cuenta)"
    r"(?:\s+(?:del?|en|para)\s+(?:la\s+|el\s+|mi\s+)?[^\W\d_]+)?\s*(?:es|:|=)\s*)"
    r"(?P<value>(?=[\w.-]*[^\W\d_])(?=[\w.-]*[\d_.])[\w.-]*\w)(?![\w@])",
    re.IGNORECASE,
)

# Cheap substring tests, on the lower-cased text: one of them is in every service's name.
_SERVICE_WORDS = (
    "skype", "zoom", "facetime", "whatsapp", "telegram", "signal", "discord", "insta", "snap",
    "tiktok", "twitter", "facebook", "fb", "messenger", "wechat", "viber",
)  # fmt: skip


def might_detail(text: str, lower: str) -> bool:
    """Could the text hold a round-14 detail without a figure or an @ (the gate of
    `_has_detail`)? "he's nearly a hundred", "dziewięćdziesiąt jeden lat", "skype: a.b"."""
    if "hundred" in lower and HUNDRED_AGE.search(text):
        return True
    if ("dziewi" in lower or "sto " in lower) and POLISH_AGE.search(text):
        return True
    if "anos" in lower and PORTUGUESE_AGE.search(text):
        return True
    if "." in text and any(word in lower for word in _SERVICE_WORDS):
        return SERVICE_HANDLE.search(text) is not None
    return ("usuario" in lower or "cuenta" in lower) and SPANISH_USER_NAME.search(text) is not None


def email_passes(text: str) -> str:
    """Before the handles: "grandma.joy@hotmail" (an "@hotmail" alone would read as one)."""
    return PROVIDER_ONLY_EMAIL.sub(EMAIL_MARK, text) if "@" in text else text


def id_passes(text: str, low: str) -> str:
    """Ids with figures, before the phones take their groups: an insurer card's id, a
    check's number, a Spanish plate."""
    if "card" in low:
        text = INSURER_CARD_ID.sub(_masked_insurer_card_id, text)
    if "check" in low or "cheque" in low or "chk" in low:
        text = CHECK_NUMBER.sub(lambda m: m.group("head") + ID_MARK, text)
    if "placa" in low or "matr" in low or "patente" in low:
        text = SPANISH_PLATE.sub(lambda m: m.group("head") + ID_MARK, text)
    return text


def handle_passes(text: str, low: str) -> str:
    """User names: a dotted handle after a service, a Spanish "usuario" / "cuenta"."""
    if "." in text and any(word in low for word in _SERVICE_WORDS):
        text = SERVICE_HANDLE.sub(lambda m: m.group("head") + LINK_MARK, text)
    if "usuario" in low or "cuenta" in low:
        text = SPANISH_USER_NAME.sub(lambda m: m.group("head") + LINK_MARK, text)
    return text


def date_passes(text: str, low: str) -> str:
    """Dates in figures: a day and month after a cue of when, a Vietnamese "ngày D tháng M"."""
    if "/" in text:
        text = SHORT_DATE.sub(_masked_short_date, text)
    if "tháng" in low:
        text = VIETNAMESE_DATE.sub(DATE_MARK, text)
    return text


def age_passes(text: str, low: str, digit: bool) -> str:
    """Ages over 89 in words of English, Polish and Portuguese; with a figure, before the
    years' word of Vietnamese or Tagalog, and in clinical shorthand ("93F")."""
    if "hundred" in low:
        text = HUNDRED_AGE.sub(lambda m: m.group("cue") + AGE_MARK, text)
    if "dziewi" in low or "sto " in low:
        text = POLISH_AGE.sub(lambda m: (m.group("cue") or "") + AGE_MARK, text)
    if "anos" in low:
        text = PORTUGUESE_AGE.sub(AGE_MARK, text)
    if not digit:
        return text
    if "tuổi" in low or "taon" in low or "vje" in low:
        text = YEARS_WORD_AGE.sub(AGE_MARK, text)
    text = AGE_AFTER_DECADE.sub(lambda m: m.group("cue") + AGE_MARK, text)
    return SHORTHAND_AGE.sub(kept_reading(_masked_shorthand_age), text)
