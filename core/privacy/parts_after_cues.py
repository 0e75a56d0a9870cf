"""A detail sent one part a message, each part judged with only the message before it.

Why (round 23, r23s): an outside tester sent "my address is" / "812" / "Hemlock Dr",
"my number is 570" / "555" / "0148" and "her dob" / "4 2 32"; `redact_continuation(previous,
text)` sees one message and the one before it, so the parts after the first stayed raw. The
rules here read what the message before announces:

- a cue at its end (an address, a date of birth, a member id): the part that is all (or the
  start) of the next message goes ("my address is" / "812", "her dob" / "4 2 32");
- a part alone, raw or read back masked (a house number, a phone's area code or exchange, an
  SSN's or an id's mark): the next part of the same shape goes ("812" / "Hemlock Dr",
  "555" / "0148", "[phone removed]" / "0148", "[SSN removed]" / "44").

Each rule tests `text` first with an anchored pattern (a few characters read on an ordinary
message), then `previous`. Without a cue or a part before, short replies stay ("2", "3 days",
"4 2 32", "555 is my area code?").
"""

from __future__ import annotations

import re

from core.privacy.identifiers import (
    ADDRESS_MARK,
    DATE_MARK,
    ID_MARK,
    MONTH_NAME,
    PHONE_MARK,
    SSN_MARK,
)
from core.privacy.units_homes_and_streets_abroad import STREET_OPENING

# ------------------------------------------------------------------------------ date of birth

# dt24: "her dob" / "4 2 32": a cue of birth ending the message before.
_BIRTH_CUE_AT_END = re.compile(
    r"\b(?:dob|d\.o\.b|born|birthday|b-?day|birth\s*date|date\s+of\s+birth)\.?"
    r"(?:\s+(?:is|was|on|:))*\s*[:=-]?\s*$",
    re.IGNORECASE,
)
# A date written with spaces, which no one-message rule reads as a date ("4 2 32", "04 02 1932").
_SPACED_DATE_OPENING = re.compile(
    r"^\W*(?P<part>(?P<a>\d{1,2})\s+(?P<b>\d{1,2})\s+(?P<year>\d{2}|1[89]\d{2}|20\d{2}))(?![\w/.-])"
)


def _month_and_day(first: int, second: int) -> bool:
    """Can the two figures be a month and a day, in either order?"""
    return (1 <= first <= 12 and 1 <= second <= 31) or (1 <= second <= 12 and 1 <= first <= 31)


def date_after_birth_cue(previous: str, text: str) -> tuple[str, str] | None:
    """(a spaced date opening `text` when `previous` ended with a cue of birth; the mark)."""
    match = _SPACED_DATE_OPENING.match(text)
    if not match or not _month_and_day(int(match["a"]), int(match["b"])):
        return None
    if not _BIRTH_CUE_AT_END.search(previous):
        return None
    return match["part"], DATE_MARK


# Round 25 (r25f, round 24's date194): "my dads birthday is" / "feb" / "29th 1936": a month
# alone (the whole message) after a cue of birth is the birth date's month; the day and year
# in the next message are masked by the rules for a date. "may" alone stays (a word).
_MONTH_ALONE = re.compile(
    rf"^\W*(?:(?:in|on|of)\s+)?(?P<part>(?!may\b)(?:{MONTH_NAME})\.?)[\s,.!]*$", re.IGNORECASE
)

_BORN_IN_AT_END = re.compile(r"\b(?:born|birthday\s+is)\s+in\s*$", re.IGNORECASE)


def month_after_birth_cue(previous: str, text: str) -> tuple[str, str] | None:
    """(a month alone in `text` when `previous` ended with a cue of birth; the date's mark)."""
    match = _MONTH_ALONE.match(text)
    if not match or not (_BIRTH_CUE_AT_END.search(previous) or _BORN_IN_AT_END.search(previous)):
        return None
    return match["part"], DATE_MARK


# ------------------------------------------------------------------------------------ address

# ad12: "my address is" / "812" / "Hemlock Dr": a house number alone after a cue of where one
# lives ("what's the address" is a question, not a cue).
_ADDRESS_CUE_AT_END = re.compile(
    r"\b(?:address(?:\s+is)?|(?:live[sd]?|living|reside[sd]?|stay(?:s|ing)?)\s+(?:at|on)"
    r"|home\s+is)\s*[:=-]?\s*$",
    re.IGNORECASE,
)
_QUESTION = re.compile(r"^\W*(?:what|whats|what's|where|which|is|do|does|can)\b|\?", re.IGNORECASE)
_HOUSE_NUMBER_ALONE = re.compile(r"^\W*(?P<part>\d{1,5}[A-Za-z]?)[\s.,!]*$")
# The message before was a house number alone, raw or read back masked.
_NUMBER_OR_MARK_ALONE = re.compile(r"^\W*(?:\d{1,5}[A-Za-z]?|\[address removed\])[\s.,!]*$")


def house_number_after_cue(previous: str, text: str) -> tuple[str, str] | None:
    """(the house number that is all of `text` after a cue of an address; the mark)."""
    match = _HOUSE_NUMBER_ALONE.match(text)
    if not match or not _ADDRESS_CUE_AT_END.search(previous) or _QUESTION.search(previous):
        return None
    return match["part"], ADDRESS_MARK


def street_after_number_alone(previous: str, text: str) -> tuple[str, str] | None:
    """(the street opening `text` when `previous` was a house number alone; the mark)."""
    match = STREET_OPENING.match(text)
    if not match or not _NUMBER_OR_MARK_ALONE.match(previous):
        return None
    return match["part"], ADDRESS_MARK


# -------------------------------------------------------------------------------------- phone

# ph07: "my number is 570" / "555" / "0148": a phone's last four after its area code or
# exchange alone (figures that start 2-9, as both do), or after the phone's mark alone.
_PHONE_HEAD_ALONE = re.compile(
    r"^\W*(?:\[phone removed\]|\(?[2-9]\d{2}\)?(?:[\s.-]*[2-9]\d{2})?)[\s.-]*$"
)
_LINE_OPENING = re.compile(r"^[\s.-]*(?P<part>\d{4})(?=[\s.,!]*$|\s+[^\W\d])")


# "my number is" / "570" / "555": a phone's area code (and exchange) alone after a cue of a
# phone at the end of the message before, and its exchange alone after the phone's mark alone.
_PHONE_CUE_AT_END = re.compile(
    r"(?<!room )(?<!bed )(?<!ward )(?<!case )(?<!order )"
    r"\b(?:(?:phone|cell|mobile|home|landline|contact|callback|call\s*back)\s+)?"
    r"(?:number|phone|cell|mobile|landline|#)(?:\s+is)?\s*[:=-]?\s*$"
    r"|\b(?:call|reach|text|ring)\s+(?:me|her|him|us)\s+(?:at|on)\s*:?\s*$",
    re.IGNORECASE,
)
_HEAD_OPENING = re.compile(r"^[^\w(]*(?P<part>\(?[2-9]\d{2}\)?(?:[\s.-]*\d{3})?)[\s.,-]*$")
_PHONE_MARK_ALONE = re.compile(r"^\W*\[phone removed\][\s.-]*$")


def phone_head_after_cue(previous: str, text: str) -> tuple[str, str] | None:
    """(a phone's area code or exchange that is all of `text`; the phone's mark)."""
    match = _HEAD_OPENING.match(text)
    if not match:
        return None
    if _PHONE_MARK_ALONE.match(previous) or (
        _PHONE_CUE_AT_END.search(previous) and not _QUESTION.search(previous)
    ):
        return match["part"], PHONE_MARK
    return None


def phone_line_after_head(previous: str, text: str) -> tuple[str, str] | None:
    """(the four figures opening `text` after a phone's head alone; the phone's mark)."""
    match = _LINE_OPENING.match(text)
    if not match or not _PHONE_HEAD_ALONE.match(previous):
        return None
    return match["part"], PHONE_MARK


# ------------------------------------------------------------------------------ SSN and ids

# "ssn" / "512" / "44" / "8830" read back (or chained) masked: "[SSN removed]" / "44".
_SSN_MARK_ALONE = re.compile(r"^\W*\[SSN removed\]\W*$")
_SSN_REST_ALONE = re.compile(r"^[\s-]*(?P<part>\d{2}(?:[\s.-]*\d{4})?|\d{4})[\s.,!]*$")


def ssn_rest_after_mark(previous: str, text: str) -> tuple[str, str] | None:
    """(an SSN's next group that is all of `text` after an SSN's mark alone; the mark)."""
    match = _SSN_REST_ALONE.match(text)
    if not match or not _SSN_MARK_ALONE.match(previous):
        return None
    return match["part"], SSN_MARK


# "my member id is" / "XKJ" / "4471 09": an id's first part alone after its cue (capitals, or
# with a figure), and its next groups alone after the id's mark alone.
_ID_CUE_AT_END = re.compile(
    r"\b(?:member|subscriber|policy|insurance|medicare|medicaid|group|plan|id)\s*"
    r"(?:id|number|no\.?|#)(?:\s+is)?\s*[:=-]?\s*$",
    re.IGNORECASE,
)
_ID_PART_ALONE = re.compile(
    r"^\W*(?P<part>(?=[A-Za-z\d]*\d)[A-Za-z\d]{2,16}(?:[\s-][A-Z\d]{1,8}){0,3}"
    r"|[A-Z\d]{2,8}(?:[\s-][A-Z\d]{1,8}){0,3})[\s.,!]*$"
)
_ID_MARK_ALONE = re.compile(r"^\W*\[ID removed\]\W*$")
_ID_GROUPS_ALONE = re.compile(
    r"^[\s-]*(?P<part>(?=[A-Z\d\s-]*\d)[A-Z\d]{1,8}(?:[\s-][A-Z\d]{1,8}){0,3})[\s.,!]*$"
)


def id_part_after_cue(previous: str, text: str) -> tuple[str, str] | None:
    """(an id's part that is all of `text` after an id's cue or its mark alone; the mark)."""
    match = _ID_PART_ALONE.match(text)
    if match and _ID_CUE_AT_END.search(previous) and not _QUESTION.search(previous):
        return match["part"], ID_MARK
    match = _ID_GROUPS_ALONE.match(text)
    if match and _ID_MARK_ALONE.match(previous):
        return match["part"], ID_MARK
    return None


def part_after_cue(previous: str, text: str) -> tuple[str, str] | None:
    """(the part of a detail `text` goes on with, its mark), by the rules above."""
    if len(text) > 60:
        return None
    return (
        date_after_birth_cue(previous, text)
        or month_after_birth_cue(previous, text)
        or house_number_after_cue(previous, text)
        or street_after_number_alone(previous, text)
        or phone_head_after_cue(previous, text)
        or phone_line_after_head(previous, text)
        or ssn_rest_after_mark(previous, text)
        or id_part_after_cue(previous, text)
    )
