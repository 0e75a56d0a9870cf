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
from collections.abc import Callable, Iterable, Iterator

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


def _word_gated(pattern: Searchable) -> bool:
    """A pattern whose gate asks for words only: it passes exactly when one of them is found."""
    return (
        isinstance(pattern, Gated)
        and bool(pattern.words)
        and not pattern.needles
        and not pattern.figure
    )


def which_may_match(patterns: Iterable[Searchable]) -> Callable[[str], tuple[int, ...]]:
    """A test of a text: which of `patterns` (their places in the order given, in that order)
    may match it? A loop that runs each of a group's patterns in turn (`names._cued`: fifteen
    cues) asks one question instead of one gate per pattern: each word of the group's gates
    names the patterns it opens (a bit each), the words found among the text's words open
    theirs, and the patterns whose gate is no word gate are always in (they ask their own
    gate when run). A pattern it leaves out would not have passed its gate; one it keeps did
    (a word gate), so the caller may run the bare pattern (`direct`). With `gates.OPEN` every
    pattern is in."""
    every = tuple(patterns)
    opened: dict[str, int] = {}
    always = 0
    for place, pattern in enumerate(every):
        if isinstance(pattern, Gated) and _word_gated(pattern):
            for word in pattern.words:
                opened[word] = opened.get(word, 0) | 1 << place
        else:
            always |= 1 << place
    union = frozenset(opened)
    places = range(len(every))
    everyone = tuple(places)
    chosen: dict[int, tuple[int, ...]] = {}  # at most one entry per set of patterns opened

    def which(text: str) -> tuple[int, ...]:
        if gates.OPEN:
            return everyone
        bits = always
        for word in union.intersection(words_of(text)):
            bits |= opened[word]
        found = chosen.get(bits)
        if found is None:
            found = chosen[bits] = tuple(p for p in places if bits >> p & 1)
        return found

    return which


def direct(pattern: Searchable) -> Callable[..., Iterator[re.Match[str]]]:
    """The `finditer` to call on a pattern `which_may_match` kept: the bare pattern's for a
    word gate (already answered), the gated one else."""
    if isinstance(pattern, Gated) and _word_gated(pattern):
        return pattern.pattern.finditer
    return pattern.finditer
