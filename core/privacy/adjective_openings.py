"""An adjective in -y that is also a first name, opening a sentence that goes on as an
adjective does: "Rusty on the details, how long is it again?", "Sunny and warm, can I walk?"
(issue 21, round 23, r23n: or71 and or88 were stored as "[name removed] on the details").

Why: the rules keep a capitalised word at a sentence's start that is also a word; the learned
scorer (learned_names.py) read these two as names, the way "Rusty here, my mom..." opens. The
two differ in what follows: a name goes on with "here", a verb, a surname or "and I"; an
adjective with its complement ("on the details", "with a chance of rain") or with another
adjective or word joined to it ("and warm", "and dry").

The word must end in -y and be an ordinary word ("rusty", "sunny", "windy") or a noun with -y
("sandy": sand, "misty": mist); before a preposition only an ordinary word counts, since a
name is also typed there ("Billy at the desk said").
"""

from __future__ import annotations

import re

from core.privacy import names

_PRONOUNS_WORDS = "i me we he she they my his her our you"
_PRONOUNS = frozenset(_PRONOUNS_WORDS.split())
_AND_WORD = re.compile(r"\s+(?:and|&|or|but)\s+(?P<word>[a-z]+)\b")
_PREPOSITION = re.compile(
    r"\s+(?:on|in|with|at|about|for)\s+(?:the|a|an|this|that|these|those|how|what|some|all|"
    r"any)\b"
)


def _denominal(lowered: str) -> bool:
    """A noun with -y: "sandy" (sand), "sunny" (sun, the consonant doubled)."""
    stem = lowered[:-1]
    doubled = len(stem) > 3 and stem[-1] == stem[-2]
    return names._ordinary(stem) or (doubled and names._ordinary(stem[:-1]))


def kept(text: str, start: int, end: int) -> bool:
    """Is the capitalised word at text[start:end], opening a sentence, an adjective in -y
    that the sentence goes on with as an adjective (see the module's doc)?"""
    word = text[start:end]
    lowered = word.lower()
    if len(lowered) < 4 or not lowered.endswith("y") or not word[0].isupper():
        return False
    before = text[:start].rstrip()
    if before and before[-1] not in ".!?\n:;":
        return False
    ordinary = names._ordinary(lowered)
    if _PREPOSITION.match(text, end):
        return ordinary
    joined = _AND_WORD.match(text, end)
    if joined is None:
        return False
    other = joined.group("word")
    return (
        (ordinary or _denominal(lowered))
        and other not in _PRONOUNS
        and names.ordinary(other)
        and not names._is_first(other)
    )
