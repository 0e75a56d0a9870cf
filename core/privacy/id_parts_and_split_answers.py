"""Round 26 (helper r26p; round 26's hea478, spl244, spl245, spl251): an id given in numbered
parts, the parts after a masked start, and a street or an age sent a part per message.

Why: `redact_continuation(previous, text)` masks the first part after a cue, and the rules read
an id whole. Round 26's tester typed:

- "medicare number part 1: 1EG4" / "part 2: TE5MK73": a part of an id after "part <n>:"
  ("first part:", "second half:") holds letters and figures: it goes, in one message or the
  next (the cue "part 2:" is the id's own).
- "medicare number starts 4KT2" / "then UU8 and FJ33": after the part a rule masked, the
  parts joined to it by "and", a comma or "then" go too (a part holds a letter and a figure).
- "we live on" / "Larkspur Drive" / "number 41": a street opening the message after one that
  broke off with "live on", and a house number after a message that is a street alone.
- "she is" / "ninety" / "three": an age over 89 in words opening the message after one that
  broke off with "<kin> is" (the figures were read since round 15: "my mum is" / "92.").

Ordinary replies stay: "part 2: the recovery", "then 3 and 4", "number 2" after no street,
"ninety" after no cue ("ninety percent?").
"""

from __future__ import annotations

import re

from core.privacy.ages_dates_and_handles import _AGE_CUE_AT_END as AGE_CUE_AT_END
from core.privacy.gates import gated
from core.privacy.identifiers import ADDRESS_MARK, AGE_MARK, ID_MARK

# A chunk of an id: letters and figures, at least one of each.
_CHUNK = r"(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{2,11}(?![\w-])"
# "part 1: 1EG4", "second half: TE5MK73", "part two - 4KT2".
ID_PART = gated(
    re.compile(
        r"(?P<cue>\b(?i:(?:part|section|piece|half|chunk)\s*(?:\d|one|two|three|four)"
        r"|(?:first|second|third|fourth|last|next|other)\s+(?:part|half|bit|piece|chunk))"
        r"(?:\s+(?i:is))?\s*[:=\u2013-]\s*)"
        rf"(?P<part>{_CHUNK})"
    ),
    words="part section piece half chunk",
)
_MARKS = r"\[(?:ID|account|plan ID) removed\]"
# "[ID removed] and FJ33", "[ID removed], then UU8": parts joined to a masked part.
PART_AFTER_MARK = gated(
    re.compile(
        rf"(?P<before>{_MARKS}\s*(?:,\s*)?(?:(?i:and|&|\+|then|and\s+then|,\s*then)\s+))"
        rf"(?P<part>{_CHUNK})"
    ),
    needles="[id [account [plan",  # _MARKS' first words: "removed]" is in every mark
)
# The message before broke off with "live on" / "we're on" / "address is on".
_LIVE_ON_AT_END = re.compile(
    r"\b(?i:live[sd]?|living|stay(?:s|ing)?|reside[sd]?|we['\u2019]?re|i['\u2019]?m|house\s+is)"
    r"\s+(?i:on|off)\W*$"
)
_STREET_WORD = (
    r"(?i:street|st|avenue|ave|road|rd|place|pl|terrace|ter|lane|ln|drive|dr|court|ct|way|"
    r"blvd|boulevard|parkway|pkwy|circle|cir|trail|trl|highway|hwy|route|rte)\b\.?"
)
_STREET_OPENING = re.compile(
    rf"^\W*(?P<part>(?:\d{{1,5}}\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){{0,2}}"
    rf"(?:\s+{_STREET_WORD})?)(?=\W*$|\s*,)"
)
_STREET_ALONE = re.compile(
    rf"^\W*(?:\d{{1,5}}\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){{0,2}}\s+{_STREET_WORD}"
    r"\W*$"
)
_NUMBER_OPENING = re.compile(
    r"^\W*(?P<part>(?i:(?:house\s+)?(?:number|no\.?|#)\s*)\d{1,5}[A-Za-z]?)(?![\w/.-])"
)
_OLD_WORDS = re.compile(
    r"^\W*(?P<age>(?i:ninety(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"(?:a|one)\s+hundred(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|"
    r"ten))?))(?=\W*$|\s+(?i:years?|yrs?|and|this|next|in)\b)"
)


def masked(text: str) -> str:
    """The id parts this module describes, masked in one message."""
    text = ID_PART.sub(lambda m: m.group("cue") + ID_MARK, text)
    for _ in range(3):  # "[ID removed] and UU8 and FJ33"
        if "removed]" not in text:
            break
        changed = PART_AFTER_MARK.sub(lambda m: m.group("before") + ID_MARK, text)
        if changed == text:
            break
        text = changed
    return text


def part_after(previous: str, text: str) -> tuple[str, str] | None:
    """(the part of a detail opening `text` that `previous` announced; its mark), if any.
    The cheap test on `text` comes first."""
    street = _STREET_OPENING.match(text)
    if street and _LIVE_ON_AT_END.search(previous):
        return street.group("part"), ADDRESS_MARK
    number = _NUMBER_OPENING.match(text)
    if number and _STREET_ALONE.match(previous):
        return number.group("part"), ADDRESS_MARK
    age = _OLD_WORDS.match(text)
    if age and AGE_CUE_AT_END.search(previous):
        return age.group("age"), AGE_MARK
    return None
