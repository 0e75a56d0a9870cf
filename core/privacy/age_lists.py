"""Ages over 89 said as a list ("my parents (90 and 94)", "Ages 90, 91 and 93") and a worded age
said again after one was masked ("my father is ninety-two and mother ninety").

Why (round 25's outside tester, ag06, ag11, ag02, ag13): the age rules read one age after its
cue ("is", "aged", "age:"), and identifiers.AGE_AGAIN only a second figure once a first was
masked. A list of ages with no cue before its first ("(90 and 94)", "Ages 90, 91 and 93") was
stored raw, and so was a second age in words ("aged ninety-four and ninety one"). Safe Harbor
removes every age over 89, so each age of the list goes and the words between stay.

A list counts only where it is an age's: after "age(s)" / "aged", after people who have ages
("my parents", "mom and dad", "both"), or alone in brackets. Readings ("bp 90 and 94"), amounts
with a unit ("90 and 95 minutes"), rooms and pages ("rooms 90 and 94") stay.
"""

from __future__ import annotations

import re

from core.privacy.gates import gated
from core.privacy.identifiers import AGE_MARK, NINETY, READING_BEFORE

_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
# One age over 89: a figure from 90 to 119, or in words ("ninety", "ninety-one", "a hundred").
_ONE = (
    rf"(?:(?<![\w.,/])(?:9\d|1[01]\d)(?![\w%])(?![.,/:]\d)"
    rf"|\b(?:{NINETY}(?:[\s-]+{_UNIT})?|(?:a|one)\s+hundred(?:\s+and\s+{_UNIT})?)\b"
    # A worded number is whole: "ninety five minutes" is not "ninety" and a raw "five minutes".
    rf"(?![\s-]+(?:and\s+)?{_UNIT}\b))"
)
# What follows an amount, not an age ("90 and 95 minutes", "ninety-one percent").
_NOT_AFTER = (
    r"(?!\s*(?:%|percent|per\s+cent|min|mins|minutes|seconds|hours|hrs|days|weeks|months|mg|lbs?|"
    r"pounds|kg|miles|dollars|bucks|cents|degrees|meters|metres|feet|steps|people|patients|"
    r"times|pages|calls|over|/)\b)"
)
_JOIN = r"(?:\s*,\s*(?:and\s+|&\s*)?|\s*&\s*|\s+and\s+|\s+or\s+)"
_LIST = rf"{_ONE}(?:{_JOIN}{_ONE})+{_NOT_AFTER}"
# People who have ages, said as more than one ("my parents", "mom and dad", "the twins").
_PEOPLE = (
    r"(?:parents|grandparents|grand-parents|folks|in-laws|relatives|aunts|uncles|sisters|brothers|"
    r"twins|both|both\s+of\s+them|they|(?:mom|mum|mother|dad|father|grandma|grandpa|nana|papa)"
    r"\s+(?:and|&)\s+(?:mom|mum|mother|dad|father|grandma|grandpa|nana|papa))"
)
AGE_LIST = gated(
    re.compile(
        rf"(?P<cue>\bage[sd]?\b\s*(?:[:=-]\s*|(?:are|were|of)\s+|\s+)"
        rf"|\b{_PEOPLE}\b\s*(?:,\s*|:\s*|\(\s*|\s+(?:are|were|r|aged|now)\s+))"
        rf"(?P<list>{_LIST})"
        # Alone in brackets: "(90 and 94)", "(ninety and ninety-three)".
        rf"|(?P<bracket>\(\s*)(?P<alone>{_LIST})(?=\s*\))",
        re.IGNORECASE,
    ),
    needles=r"\d ninet nint nient hundred",
)
_ONE_ALONE = re.compile(_ONE, re.IGNORECASE)

# Round 25 (ag02, ag13): once an age over 89 is masked, an age over 89 in words standing alone
# in the same message is someone's age again: "aged ninety-four and ninety one", "my father
# is ninety-two and mother ninety". An amount stays ("the drive is ninety minutes").
WORDED_AGE_AGAIN = gated(
    re.compile(
        rf"\b{NINETY}(?:[\s-]+{_UNIT})?\b(?![\s-]+(?:and\s+)?{_UNIT}\b){_NOT_AFTER}"
        r"(?![\s-]+(?:and\s+a\s+half|year-olds|something|odd)\b)"
        # "a hundred" only where it ends the clause: "a hundred and one problems" stays.
        rf"|\b(?:a|one)\s+hundred(?:\s+and\s+{_UNIT})?\b(?=\s*(?:[,.;!?)]|$))",
        re.IGNORECASE,
    ),
    needles="ninet nint nient hundred",
)


# The numbers of things in brackets ("pages (90 and 94)", "rooms (101, 102)") are no ages.
_THINGS_BEFORE = re.compile(
    r"\b(?:rooms?|rms?|suites?|apts?|units?|beds?|floors?|levels?|pages?|pp?|routes?|exits?|"
    r"numbers?|nos?|scores?|readings?|results?|grades?|marks?|sizes?|buses|bus|gates?|lots?)"
    r"\.?\s*$",
    re.IGNORECASE,
)


def _masked_list(match: re.Match[str]) -> str:
    before = match.string[max(0, match.start() - 30) : match.start()]
    if READING_BEFORE.search(before) or (
        match.group("bracket") is not None and _THINGS_BEFORE.search(before)
    ):
        return match.group()
    group = "list" if match.group("list") is not None else "alone"
    head = match.group()[: match.start(group) - match.start()]
    return head + _ONE_ALONE.sub(AGE_MARK, match.group(group))


def _masked_again(match: re.Match[str]) -> str:
    before = match.string[max(0, match.start() - 30) : match.start()]
    return match.group() if READING_BEFORE.search(before) else AGE_MARK


# Cheap test first: a list needs two figures from 90 to 119, or a worded age.
_OLD_FIGURE = re.compile(r"9\d|1[01]\d")
_WORDED = ("ninet", "nint", "nient", "hundred")


def _might_list(text: str) -> bool:
    lower = text.lower()
    return any(word in lower for word in _WORDED) or len(_OLD_FIGURE.findall(text)) > 1


def masked(text: str) -> str:
    """The text with each age over 89 of a list of ages, and each worded age said again after a
    masked one, replaced by the age's mark (run only where identifiers.AGE_GATE found one)."""
    if _might_list(text):
        text = AGE_LIST.sub(_masked_list, text)
    if AGE_MARK in text:
        text = WORDED_AGE_AGAIN.sub(_masked_again, text)
    return text
