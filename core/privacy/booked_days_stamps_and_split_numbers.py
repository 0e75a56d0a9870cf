"""Dates, phone numbers, SSNs and plan ids in the forms round 21's outside tester typed and
found stored raw (r21d).

Dates: an ordinal day after "put me down for" / "I'm down for" ("they put me down for the
twenty-third"), a European day and month with the trailing dot after a preposition ("mein
Termin ist am 18.11."), an ISO date with its time ("appt: 2024-11-18T07:30"), a month and a
day after "procedure day" ("my procedure day 11/18"), and a date in the call-back form's "good
time to call" answer ("any day but my procedure day 11/18": staff need the time, not the
date). Numbers: a phone split by words inside one sentence ("my number is 608 555 and then
0137"), an SSN whose groups are split by different signs ("ssn 512 44-8830"), a Medi-Cal
Benefits Identification Card number (8 figures, a letter, 5 figures: "BIC 91234567A95012").
Split over messages: a day alone after a message that was a month alone ("November" / "18"),
a year after a message that was a month and a day ("April 9" / "1939": the same date in one
message is masked whole, year and all), an SSN in bare groups ("do you need my social" /
"512" / "44-8830"; "44" / "8832").

A date of birth's cue is no part of the date: "my birthday is the 14th of March" keeps
"birthday is the" (`masked_birth_date`).

Each pattern is gated (core/privacy/gates.py) on a word or a substring every match needs, so
the common message pays for none of them.
"""

from __future__ import annotations

import re

from core.privacy.gates import gated
from core.privacy.identifiers import DATE_MARK, ID_MARK, PHONE_MARK, SSN_MARK
from core.privacy.number_words import ORDINAL_WORD

_DAY_NUMBER = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH_NUMBER = r"(?:0?[1-9]|1[0-2])"
_ORDINAL_WORD = ORDINAL_WORD  # core/privacy/number_words.py: one list (round 25, r25m)
_ORDINAL = rf"(?:{_DAY_NUMBER}(?:st|nd|rd|th)|{_ORDINAL_WORD})"
# Where the day's clause ends: "the twenty-third, right?", "the 23rd at 7"; "down for the
# third time", "in for the 2nd opinion" go on and stay.
_CLAUSE_END = (
    r"(?=\s*(?:[,.;:!?)]|$|\s+(?:at|and|but|so|then|i|she|he|we|they|is|right|correct|ok|okay|"
    r"of\s+(?:next|this|the)\s+month|in\s+the\s+(?:morning|afternoon|evening))\b))"
)

# date-020 (round 21): "they put me down for the twenty-third", "I'm down for the 23rd", "she
# is pencilled in for the fifth": a booking said as being put down / in for a day. The verb
# of being booked comes first, so "down for the third time" (no clause end) and "in for the
# night" (no ordinal) stay.
BOOKED_DOWN_DAY = gated(
    re.compile(
        r"(?P<cue>\b(?:down|pencil+ed\s+in|slotted\s+in|signed\s+up|booked\s+in|set\s+up|"
        r"scheduled\s+in|in)\s+for\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?the\s+)"
        rf"{_ORDINAL}{_CLAUSE_END}",
        re.IGNORECASE,
    ),
    needles="\\d",
    words=(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
        "thirtieth"
    ),
)

# date-027 (round 21): "mein Termin ist am 18.11.", "vom 3.4. bis 7.4.", "on 18.11.": a
# European day and month with the trailing dot after a preposition of time (German, Dutch,
# French, Spanish, Italian; after an English one the month has two figures). The preposition
# is needed: "my INR was 2.5." and "cost 12.50." stay, as does "from 2.5. to 3".
TRAILING_DOT_DATE = gated(
    re.compile(
        r"(?P<cue>\b(?:am|vom|bis|zum|ab|seit|den|dem|termin|op|le|du|au|el|del|il|dal|al)\s+)"
        rf"{_DAY_NUMBER}\.{_MONTH_NUMBER}\.(?!\d)"
        r"|(?P<english>\b(?:on|from|since|until|till|by|before|after)\s+)"
        rf"{_DAY_NUMBER}\.(?:0[1-9]|1[0-2])\.(?!\d)",
        re.IGNORECASE,
    ),
    words="am vom bis zum ab seit den dem termin op le du au el del il dal al on from since "
    "until till by before after",
)

# date-031 (round 21): "appt: 2024-11-18T07:30", "2024-11-18T07:30:00Z": an ISO date with its
# time (the "T" glued to the date hid it from the date patterns). The date and time go
# together: a time left after the mark ("T07:30") says nothing and reads as noise.
ISO_STAMP = gated(
    re.compile(
        r"(?<![\w/.-])\d{4}-\d{1,2}-\d{1,2}T\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?"
        r"(?:Z|[+-]\d{2}:?\d{2})?(?![\w-])",
        re.IGNORECASE,
    ),
    needles=":",
)

# callback-014 (round 21): "my procedure day 11/18", "surgery date is 12/3": a month and a day
# after an event's "day" or "date".
EVENT_DAY_DATE = gated(
    re.compile(
        r"(?P<cue>\b(?:procedure|surgery|operation|op|appointment|appt|scan|mri|injection|"
        r"vertebroplasty|kyphoplasty|discharge|admission|follow-?up)\s+(?:day|date)"
        r"(?:\s+(?:is|was|will\s+be|of))?\s*:?\s+(?:on\s+)?)"
        rf"{_MONTH_NUMBER}\s*[/-]\s*{_DAY_NUMBER}(?![\w/-])",
        re.IGNORECASE,
    ),
    words="day date",
)

# phone-014 (round 21): "my number is 608 555 and then 0137", "call 608, 555 then 0137": a
# phone's groups joined by "and then" / "then" / "and" / "followed by" inside one sentence,
# after a phone's cue; without a cue only the 3-3-4 groups of a US number.
_WORD_JOIN = r"\s*,?\s*(?:and\s+then|then|and|followed\s+by|plus)\s+"
_SIGN_JOIN = r"[\s.,-]+"
PHONE_JOINED_BY_WORDS = gated(
    re.compile(
        # Groups of figures, one word between two of them at least.
        rf"(?<![\w-])(?P<number>\d{{2,4}}(?:{_SIGN_JOIN}\d{{2,4}}){{0,2}}{_WORD_JOIN}\d{{2,4}}"
        rf"(?:(?:{_WORD_JOIN}|{_SIGN_JOIN})\d{{2,4}}){{0,2}})(?![\w-])",
        re.IGNORECASE,
    ),
    words="then and followed plus",
)
_GROUP = re.compile(r"\d+")
# A phone's cue in the words before the groups ("my number is", "call me on").
_PHONE_CUE_BEFORE = re.compile(
    r"\b(?:number|phone|cell|mobile|tel|telephone|call|text|reach|ring)\b[^.?!\d]{0,20}$",
    re.IGNORECASE,
)


def _masked_joined_phone(match: re.Match[str]) -> str:
    """PHONE_JOINED_BY_WORDS's replacement: the groups go when they hold 7, 10 or 11 figures
    after a phone's cue, or are 3-3-4 without one ("I take 100 mg and then 200" stays: six
    figures)."""
    groups = [len(group) for group in _GROUP.findall(match.group("number"))]
    if groups == [3, 3, 4]:
        return PHONE_MARK
    if sum(groups) in (7, 10, 11):
        start = match.start()
        if _PHONE_CUE_BEFORE.search(match.string, max(0, start - 40), start):
            return PHONE_MARK
    return match.group()


# ssn-010 (round 21): "ssn 512 44-8830", "social is 512-44 8830": an SSN's three groups after
# its cue, split by different signs (the SSN pattern wants one sign twice; the phone pattern
# took it as a phone).
SSN_MIXED_SIGNS = gated(
    re.compile(
        r"(?P<cue>\b(?:ssn|ss#|social(?:\s+security)?(?:\s+(?:number|no\.?|#))?)\b"
        r"[^.?!\d]{0,15}?)"
        r"(?<![\w-])\d{3}[\s.-]+\d{2}[\s.-]+\d{4}(?![\w-])",
        re.IGNORECASE,
    ),
    words="ssn ss social",
)

# health_plan-014 (round 21): "Medi-Cal BIC 91234567A95012": a Medi-Cal Benefits
# Identification Card number is 14 characters, the 9-character CIN (8 figures and a letter)
# and the card's issue date (5 figures). The shape alone is the id: no word or code is
# written that way.
MEDI_CAL_BIC = gated(
    re.compile(r"(?<![\w-])\d{8}[A-Za-z]\d{5}(?![\w-])"),
    needles="\\d",
)


def figure_passes(text: str) -> str:
    """The passes whose matches hold figures (the caller runs them on text with a figure),
    before the phone and date patterns would take a part of them."""
    text = ISO_STAMP.sub(DATE_MARK, text)
    text = MEDI_CAL_BIC.sub(ID_MARK, text)
    text = SSN_MIXED_SIGNS.sub(lambda m: m.group("cue") + SSN_MARK, text)
    text = PHONE_JOINED_BY_WORDS.sub(_masked_joined_phone, text)
    if "." in text:  # cheap tests first: the cues are common words
        text = TRAILING_DOT_DATE.sub(
            lambda m: (m.group("cue") or m.group("english")) + DATE_MARK, text
        )
    if "/" in text or "-" in text:
        text = EVENT_DAY_DATE.sub(lambda m: m.group("cue") + DATE_MARK, text)
    return text


def day_passes(text: str) -> str:
    """The passes that may match without a figure ("the twenty-third")."""
    return BOOKED_DOWN_DAY.sub(lambda m: m.group("cue") + DATE_MARK, text)


def might_detail(text: str) -> bool:
    """Could the text hold a form of this module without a figure (`_has_detail`'s gate)?"""
    return BOOKED_DOWN_DAY.search(text) is not None


# Over-masked (round 21): "my birthday is the 14th of March" was stored "my [date removed]",
# "my date of birth is 06 06 1940" the same: the cue of birth is the patient's question's
# words, not the date. Its words before the date stay.
_BIRTH_CUE = re.compile(
    r"^(?:born(?:\s+on)?|(?:birthday|b-?day|bd)(?:\s+is)?|birth\s*date(?:\s+is)?|"
    r"date\s+of\s+birth(?:\s+is)?|dob|d\.o\.b\.?)[\s:,-]*(?:(?:is|was|on)\s+)?(?:the\s+)?",
    re.IGNORECASE,
)


def masked_birth_date(match: re.Match[str]) -> str:
    """BIRTH_DATE's replacement: the cue of birth stays, the date goes."""
    cue = _BIRTH_CUE.match(match.group())
    return (cue.group() if cue else "") + DATE_MARK


# callback-014 (round 21): the call-back form's "good time to call" answer is a time; a date
# in it ("any day but my procedure day 11/18", "not the 18th", "except Nov 18") is the
# patient's date, masked like the other details there. A month and a day with a slash, or
# an ordinal day (a time range "9-11", "after 5" and "1/2 day" stay).
_TIME_ANSWER_DATE = gated(
    re.compile(
        rf"(?<![\w/.:-]){_MONTH_NUMBER}\s*/\s*{_DAY_NUMBER}(?:\s*/\s*(?:\d{{4}}|\d{{2}}))?"
        # "9/10 am" is a time, "1/2 day" a fraction.
        r"(?![\w/:-])(?!\s*(?:am|pm|a\.m|p\.m|days?|hours?|hrs?|an?)\b)"
        rf"|(?:\bthe\s+)?\b{_DAY_NUMBER}(?:st|nd|rd|th)\b(?!\s+(?:floor|week|time|visit)\b)",
        re.IGNORECASE,
    ),
    needles="\\d",
)


def masked_dates_in_time_answer(text: str) -> str:
    """The call-back time answer with the dates in it masked (the caller redacts the rest)."""
    return _TIME_ANSWER_DATE.sub(DATE_MARK, text)


# Split over messages (pairwise: the message before is all the reader sees).
# split-011 (round 21): "Procedure on" / "November" / "18": a day alone, or with a year or a
# time, after a message that was a month alone ("may" only capitalised: "you may" / "2 more").
_MONTH_ALONE = re.compile(
    r"^\W*(?:(?:in|on|of|for|it'?s|its)\s+)?(?:january|february|march|april|june|july|august|"
    r"september|sept|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec"
    r"|(?-i:May))\.?\W*$",
    re.IGNORECASE,
)
_DAY_OPENING = re.compile(
    rf"^\W*(?:the\s+)?(?P<part>(?:{_DAY_NUMBER}(?:st|nd|rd|th)?|{_ORDINAL_WORD})"
    r"(?:,?\s+(?:18|19|20)\d{2})?)(?!\d)"
    r"(?=\W*$|\s*[,.;:!?]|\s+(?:at|and|i|we|is|was|please|pls|thanks|ok)\b)",
    re.IGNORECASE,
)


def day_after_month_alone(previous: str, text: str) -> tuple[str, str] | None:
    """(the day opening `text` when `previous` was a month alone; the date's mark)."""
    match = _DAY_OPENING.match(text) if len(text) < 60 else None
    if not match or not _MONTH_ALONE.match(previous):
        return None
    return match.group("part"), DATE_MARK


# date-033 (round 21): "my birthday is" / "April 9" / "1939": a year opening the message
# after one that was a month and a day alone is that date's year, whatever the age (typed in
# one message, "April 9 1939" goes whole).
_MONTH_DAY_ALONE = re.compile(
    r"^\W*(?:(?:on|it'?s|its|born)\s+)?(?:the\s+)?"
    r"(?:(?:january|february|march|april|may|june|july|august|september|sept|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\.?\s+(?:the\s+)?"
    rf"(?:{_DAY_NUMBER}(?:st|nd|rd|th)?|{_ORDINAL_WORD})"
    rf"|(?:{_DAY_NUMBER}(?:st|nd|rd|th)?|{_ORDINAL_WORD})\s+(?:of\s+)?"
    r"(?:january|february|march|april|may|june|july|august|september|sept|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\.?"
    r"|\[date removed\])\W*$",
    re.IGNORECASE,
)
# The year ends its clause: "April 9" / "2000 steps a day" is a count.
_YEAR_OPENING = re.compile(
    r"^\W*(?P<year>(?:18|19|20)\d{2})(?!\w)"
    r"(?=\W*$|\s*[,.;:!?]|\s+(?:and|but|so|i|is|was|please|pls|thanks|ok)\b)",
    re.IGNORECASE,
)


def year_after_month_day(previous: str, text: str) -> tuple[str, str] | None:
    """(the year opening `text` when `previous` was a month and a day alone; the date's
    mark)."""
    match = _YEAR_OPENING.match(text)
    if not match or not _MONTH_DAY_ALONE.match(previous):
        return None
    return match.group("year"), DATE_MARK


# ssn-010 / split-006 (round 21): "do you need my social" / "512" / "44-8830"; "ssn 512" /
# "44" / "8832": an SSN sent in its groups, each a message of its own.
_SSN_NAMED = re.compile(
    r"\b(?:ssn|ss#|social(?:\s+security)?)\b(?!\s+(?:worker|media|services?))", re.IGNORECASE
)
# Round 25 (r25e, round 24's ssn268): "ok its 371": words of assent may come before the three.
_THREE_ALONE = re.compile(
    r"^\W*(?:(?:it'?s|its|it\s+is|ok|okay|sure|yes|yeah|so)[\s,]+){0,3}(?P<part>\d{3})\W*$",
    re.IGNORECASE,
)
_TWO_ALONE = re.compile(r"^\W*\d{2}\W*$")
_REST_AFTER_THREE = re.compile(r"^\s*(?P<part>[-\u2013]?\s*\d{2}[\s.-]+\d{4})(?![\w-])")
_FOUR_ALONE = re.compile(r"^\s*(?P<part>[-\u2013]?\s*\d{4})\W*$")


def ssn_groups_alone(previous: str, text: str) -> tuple[str, str] | None:
    """(an SSN's group in `text`; the SSN's mark): three figures alone after a message naming
    the SSN; its two and four after a message of three figures alone; its last four alone after
    a message of two figures alone (the 3-2-4 shape, one group a message)."""
    if len(text) > 40:
        return None
    three = _THREE_ALONE.match(text)
    if three and _SSN_NAMED.search(previous):
        return three.group("part"), SSN_MARK
    rest = _REST_AFTER_THREE.match(text)
    if rest and _THREE_ALONE.match(previous):
        return rest.group("part"), SSN_MARK
    two = _TWO_ALONE.match(text)  # "ok its 371" / "44" (round 25, r25e: ssn268's middle)
    if two and _THREE_ALONE.match(previous):
        return "".join(ch for ch in two.group() if ch.isdigit()), SSN_MARK
    four = _FOUR_ALONE.match(text)
    if four and _TWO_ALONE.match(previous):
        return four.group("part"), SSN_MARK
    return None
