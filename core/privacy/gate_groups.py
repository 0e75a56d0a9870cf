"""Several gates asked together: one check where a module or a test would ask each gate in turn.

Why: each gate, even when it says no, costs a call and a look-up of the text's words in its own
set (~0.3-0.5 µs on a message of twenty words), and an ordinary message meets some ninety of
them. Two questions are asked of a group:

- `any_search(patterns)`: does any of these patterns match? `might_name` asks fifteen cue
  patterns and `_has_detail` seven others. The group's words (the union of its word gates'
  words) meet the text's words once; each pattern then asks only the few words found
  (measured: the fifteen name cues, 8.6 µs -> 2.9 on an ordinary message). The answer is
  `any(p.search(text) for p in patterns)`: a word gate passes exactly when one of its words is
  among the words found, and a pattern whose gate has needles or a figure keeps its own gate.
- `any_gate(*patterns)`: could any of a round module's patterns match? The union of the gates'
  own words, substrings and figure asks it once; when it says no, every gate of the module
  would have said no, no pattern runs and the module returns the text as it came (a module's
  rules only change the text after a gate said yes, so the later gates would have read the
  same text).

Both are built from the gates themselves (`Gated.words`, `.needles`, `.figure`), never from a
copied list, and honour `gates.OPEN` (the differential test opens every gate).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from core.privacy import gates
from core.privacy.gates import Gated, words_of

Searchable = Gated | re.Pattern[str]


def any_search(patterns: Iterable[Searchable]) -> Callable[[str], bool]:
    """A test of a text: does any of `patterns` match it (`search`, anywhere)?"""
    every = tuple(patterns)
    by_words: list[tuple[frozenset[str], Callable[[str], re.Match[str] | None]]] = []
    others: list[Callable[[str], re.Match[str] | None]] = []
    for pattern in every:
        if (
            isinstance(pattern, Gated)
            and pattern.words
            and not pattern.needles
            and not pattern.figure
        ):
            by_words.append((pattern.words, pattern.pattern.search))
        else:
            others.append(pattern.search)
    union = frozenset().union(*(words for words, _ in by_words))
    word_tests = tuple(by_words)
    other_tests = tuple(others)
    open_tests = tuple(p.search for p in every)

    def matches_any(text: str) -> bool:
        if gates.OPEN:  # the differential test: every pattern runs, as before
            return any(search(text) for search in open_tests)
        found = union.intersection(words_of(text))
        if found:
            for words, search in word_tests:
                if not words.isdisjoint(found) and search(text) is not None:
                    return True
        for search in other_tests:  # noqa: SIM110 (a loop, not any(): no generator per call)
            if search(text) is not None:
                return True
        return False

    return matches_any


def _union(patterns: Iterable[gates.Gated]) -> tuple[frozenset[str], tuple[str, ...], bool]:
    """The words, the needles (a needle holding another left out: the shorter one is found
    whenever it is) and whether a figure opens any of the gates."""
    patterns = list(patterns)
    words = frozenset().union(*(p.words for p in patterns))
    found = set().union(*(p.needles for p in patterns))
    needles = tuple(sorted(n for n in found if not any(m != n and m in n for m in found)))
    return words, needles, any(p.figure for p in patterns)


def any_gate(
    *patterns: gates.Gated, figured: tuple[gates.Gated, ...] = ()
) -> Callable[[str], bool]:
    """A check that says yes when any of the gates of `patterns` or `figured` would. The
    `figured` patterns are those every match of which holds an ASCII figure ([0-9] or `\\d`
    outside an optional part): their gates are asked only of a text that holds a figure."""
    words, needles, figure = _union(patterns)
    # An ASCII text holds no needle with an accent ("déc", "aoû"): those are not asked of it.
    ascii_needles = tuple(n for n in needles if n.isascii())
    late_words, late_needles, _ = _union(figured)
    late_isdisjoint = late_words.isdisjoint
    isdisjoint = words.isdisjoint

    def may_apply(text: str) -> bool:
        read = gates.reading(text)
        if gates.OPEN or not isdisjoint(read.words) or (figure and read.holds_figure()):
            return True
        fold = read.fold
        for needle in ascii_needles if fold.isascii() else needles:
            if needle in fold:
                return True
        if not figured or not read.holds_figure():
            return False
        if not late_isdisjoint(read.words):
            return True
        for needle in late_needles:  # noqa: SIM110 (a loop: no generator per call)
            if needle in fold:
                return True
        return False

    return may_apply
