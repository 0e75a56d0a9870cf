"""Patterns that run only when the text holds a word every match of theirs needs.

Why: the redaction runs a hundred and more regular expressions over every message, and most
of them scan the whole text at every position although they can only match where a month, a
helper's word or a colon stands. A substring test in C on one case-folded copy costs a
fraction of such a scan, so a pattern wrapped here first asks whether one of the substrings
its matches need is there, and returns at once (no match, the text unchanged) when none is.

A gate must never hide a match: each one lists substrings at least one of which every match
contains (in case-folded form), and tests/test_redaction_gates.py checks that the redaction
with every gate open gives the same text on the corpus, the training messages and hostile
text built from the gates' own substrings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

# The one character `re.IGNORECASE` matches with a Latin letter that str.casefold keeps
# apart from it: the dotless i (U+0131 matches "i").
_DOTLESS_I = str.maketrans({"\u0131": "i"})

_FIGURE = re.compile(r"\d")
# Turned off by the differential test only: with every gate open the patterns run as before.
OPEN = False


def folded(text: str) -> str:
    """The text as the gates compare it, case-folded: the long s U+017F is "s"."""
    return text.casefold().translate(_DOTLESS_I)


def holds_any(folded_text: str, needles: tuple[str, ...]) -> bool:
    """Does the case-folded text hold one of the needles (each in lower case)?"""
    return OPEN or any(needle in folded_text for needle in needles)


class Gated:
    """A compiled pattern with the substrings its matches need; the same methods the
    redaction calls on a pattern (search, sub, finditer, fullmatch), skipped when no needed
    substring is in the text."""

    __slots__ = ("figure", "needles", "pattern")

    def __init__(self, pattern: re.Pattern[str], needles: tuple[str, ...], figure: bool) -> None:
        self.pattern = pattern
        self.needles = needles
        self.figure = figure  # a figure of any script (\d) lets it run too

    def may_match(self, text: str) -> bool:
        if self.figure and _FIGURE.search(text):
            return True
        return holds_any(folded(text), self.needles)

    def search(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.pattern.search(text, *bounds) if self.may_match(text) else None

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        return self.pattern.sub(repl, text) if self.may_match(text) else text

    def finditer(self, text: str, *bounds: int) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, *bounds) if self.may_match(text) else iter(())

    def fullmatch(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.pattern.fullmatch(text, *bounds) if self.may_match(text) else None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)  # flags, groupindex...


def gated(pattern: re.Pattern[str], needles: str) -> Gated:
    """`pattern`, run only when the text holds one of `needles` (space-separated; `\\d` for
    a figure of any script, which the patterns' \\d matches too)."""
    words = needles.split()
    return Gated(pattern, tuple(w for w in words if w != r"\d"), figure=r"\d" in words)
