"""Abbreviations that end in a full stop without ending the sentence.

Why (round 21, ordinary-058): "Is the Dr. on call at night?" was cut at "Dr." into two
questions, "Is the Dr." and "on call at night?", each stored and answered. A title
(Dr., Mr., Mrs., St., Prof.) is always followed by what it names, so its stop never ends a
sentence; a shortened word (etc., e.g., i.e., a.m., p.m., approx.) or an initial ("J.") ends
one only when a capital letter starts the next word ("at 7 a.m. Is that too early?").
"""

from __future__ import annotations

import re

# The sentence ends the splitter considers: . ! ? (and runs of them, closing quotes or
# brackets) followed by space, or line breaks.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+")

# Titles: never the end of a sentence (what they name follows).
_TITLE_WORDS = "dr drs mr mrs ms mx prof st ste mt rev fr sr sgt capt col gen lt hon"
TITLES = frozenset(_TITLE_WORDS.split())
# Shortened words and initials: the end of a sentence only before a capital letter.
_SHORTENED_WORDS = (
    "etc eg ie am pm approx appt dept hosp vs no nos min mins hr hrs wk wks mo mos yr yrs "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat "
    "sun ave rd blvd ln ft lb lbs oz tab tabs inc ltd co corp jr esp incl"
)
SHORTENED = frozenset(_SHORTENED_WORDS.split())
# The word before a full stop, with the dots inside it ("a.m", "e.g", "Dr").
_WORD_BEFORE_STOP = re.compile(r"(?:^|(?<=[\s(\"']))([A-Za-z](?:[A-Za-z]*|(?:\.[A-Za-z])*))\.$")


def ends_sentence(text: str, end: re.Match[str]) -> bool:
    """Does the sentence-end candidate `end` (a match of SENTENCE_END in `text`) end one?"""
    if "\n" in end.group():
        return True
    head = text[: end.start()]
    word = _WORD_BEFORE_STOP.search(head)
    if word is None:
        return True
    key = word.group(1).replace(".", "").lower()
    if key in TITLES:
        return False
    if key in SHORTENED or len(key) == 1:
        following = text[end.end() : end.end() + 1]
        return following.isupper()
    return True


def split_sentences(text: str) -> list[str]:
    """`text` cut at the ends of its sentences (not after an abbreviation's stop)."""
    parts: list[str] = []
    start = 0
    for end in SENTENCE_END.finditer(text):
        if ends_sentence(text, end):
            parts.append(text[start : end.start()])  # as re.split: the end itself dropped
            start = end.end()
    parts.append(text[start:])
    return parts
