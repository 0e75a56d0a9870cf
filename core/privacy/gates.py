r"""Patterns that run only when the text holds a word or a substring every match of theirs needs.

Why: the redaction runs a hundred and more regular expressions over every message, and most
of them scan the whole text at every position although they can only match where a month, a
helper's word or a colon stands. Looking a word up in the set of the message's words, or a
substring up in one case-folded copy, costs a fraction of such a scan; so a pattern wrapped
here first asks whether something its matches need is there, and returns at once (no match,
the text unchanged) when nothing is. Word gates are the sharper ones: "ten" as a word is
rare, "ten" inside "often" or "listen" is not.

A gate must never hide a match. Each one lists:
- `words`: whole words, for patterns whose match holds one of them between word boundaries
  (`\bten\b`): such a word is a maximal run of letters of the case-folded text;
- `needles`: substrings, at least one of which every match holds (case-folded);
- `figure`: a figure of any script lets the pattern run (for patterns that need `\d`).
tests/test_redaction_gates.py checks that the redaction with every gate open gives the same
text on the corpus, the training messages and hostile text built from the gates' own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from core.privacy.alternation import one_of

# The two characters `re.IGNORECASE` matches with a Latin letter that str.casefold keeps
# apart from it: the dotless i (U+0131 matches "i") and the dotted capital I (U+0130 matches
# "i", but casefolds to "i" and a combining dot: "pİn" held no word "pin" for a gate, so a
# gate hid the match of a pattern that reads "pin": found by cpu-a, 2026-12-05).
_TURKISH_I = str.maketrans({"\u0131": "i", "\u0130": "i"})
_FIGURE = re.compile(r"\d")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_ASCII_NOT_LETTERS = {i: " " for i in range(128) if not chr(i).isalpha()}
# Turned on by the differential test only: with every gate open the patterns run as before.
OPEN = False


class _Folded:
    """A text's case-folded copy, the set of its words and whether it holds a figure, made
    once for all the gates.

    The passes hand the same string on while none of them changes it, so the last text read
    is kept (one object, replaced whole: safe across threads). The words are made at once:
    nearly every text a gate reads meets a word gate (two thirds of the gates are). Whether
    the text holds a figure is asked by a dozen gates only, so it is found when first asked
    (`holds_figure`), not for every text read."""

    __slots__ = ("_figure", "fold", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        if text.isascii() or ("\u0131" not in text and "\u0130" not in text):
            self.fold = text.casefold()
        else:
            self.fold = text.translate(_TURKISH_I).casefold()
        # An ASCII text's words by one translation and a split: half the regex's cost, and
        # most messages are ASCII (the same words: a run of letters is a run of a-z there).
        fold = self.fold
        self.words = frozenset(
            fold.translate(_ASCII_NOT_LETTERS).split()
            if fold.isascii()
            else _LETTER_RUN.findall(fold)
        )
        self._figure: bool | None = None

    def holds_figure(self) -> bool:
        """Whether the text holds a figure of any script (found once, when first asked: two
        threads that ask at once find the same answer)."""
        figure = self._figure
        if figure is None:
            figure = self._figure = _FIGURE.search(self.text) is not None
        return figure


_LAST = _Folded("")
_BEFORE = _LAST


def _read(text: str) -> _Folded:
    """The text's folded reading: the last one or the one before (a third of the texts the
    gates are asked about alternate with the one before: a pass's lower-case copy and the
    text), else a new one."""
    global _LAST, _BEFORE
    last = _LAST
    if last.text is text:
        return last
    before = _BEFORE
    if before.text is not text:
        before = _Folded(text)
    _BEFORE, _LAST = last, before
    return before


def folded(text: str) -> str:
    """The text as the gates compare it, case-folded: the long s U+017F is "s"."""
    return _read(text).fold


def words_of(text: str) -> frozenset[str]:
    """The case-folded words (maximal runs of letters) of the text."""
    return _read(text).words


class Gated:
    """A compiled pattern with what its matches need; the methods the redaction calls on a
    pattern (search, sub, finditer, fullmatch), skipped when nothing needed is in the text.

    `may_match` is the one check the gate's kind needs, chosen once: the redaction asks about
    ninety gates per message, so what a check costs beyond its set lookup counted (a general
    check that tried every kind of reason cost four times a word gate's own; measured in
    bench/NOTES.md, "Gates that ask only their own question"). For the same reason the check
    and the four methods are closures made once per gate, over the pattern's own bound
    methods: a method that looked up `self.may_match` and `self.pattern` on every call cost a
    gate 207 ns against 146 (bench/NOTES.md, "Gates as closures")."""

    __slots__ = (
        "figure",
        "finder",
        "finditer",
        "fullmatch",
        "may_match",
        "needles",
        "pattern",
        "search",
        "sub",
        "words",
    )

    may_match: Callable[[str], bool]
    search: Callable[..., re.Match[str] | None]
    sub: Callable[[str | Callable[[re.Match[str]], str], str], str]
    finditer: Callable[..., Iterator[re.Match[str]]]
    fullmatch: Callable[..., re.Match[str] | None]

    def __init__(
        self,
        pattern: re.Pattern[str],
        needles: tuple[str, ...],
        words: frozenset[str],
        figure: bool,
    ) -> None:
        self.pattern = pattern
        self.needles = needles
        self.words = words
        self.figure = figure
        # Many needles are found faster by one scan for any of them (measured: 30 month
        # names, 1.7 µs against 4.7 for thirty substring tests); a few by substring tests.
        # Factored by leading letters (core/privacy/alternation.py): only presence counts.
        self.finder = (
            re.compile(one_of(sorted(map(re.escape, needles)))) if len(needles) > 4 else None
        )
        if figure or (words and needles):
            may_match = _any_reason_check(words, figure, self.finder, needles)
        elif words:
            may_match = _word_check(words)
        elif self.finder is not None:
            may_match = _scan_check(self.finder)
        else:
            may_match = _needle_check(needles)
        self.may_match = may_match
        search, sub, finditer, fullmatch = (
            pattern.search,
            pattern.sub,
            pattern.finditer,
            pattern.fullmatch,
        )

        def gated_search(text: str, *bounds: int) -> re.Match[str] | None:
            return search(text, *bounds) if may_match(text) else None

        def gated_sub(repl: str | Callable[[re.Match[str]], str], text: str) -> str:
            return sub(repl, text) if may_match(text) else text

        def gated_finditer(text: str, *bounds: int) -> Iterator[re.Match[str]]:
            return finditer(text, *bounds) if may_match(text) else iter(())

        def gated_fullmatch(text: str, *bounds: int) -> re.Match[str] | None:
            return fullmatch(text, *bounds) if may_match(text) else None

        self.search, self.sub = gated_search, gated_sub
        self.finditer, self.fullmatch = gated_finditer, gated_fullmatch

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)  # flags, groupindex...


def reading(text: str) -> _Folded:
    """The folded reading of the text: the last one when the text is the last one read."""
    read = _LAST
    return read if read.text is text else _read(text)


def _word_check(words: frozenset[str]) -> Callable[[str], bool]:
    """A word gate's check: one of its words is a word of the text."""
    isdisjoint = words.isdisjoint

    def has_word(text: str) -> bool:
        read = _LAST
        if read.text is not text:
            read = _read(text)
        return not isdisjoint(read.words) or OPEN

    return has_word


def _needle_check(needles: tuple[str, ...]) -> Callable[[str], bool]:
    """A gate of a few substrings: one of them is in the folded text."""

    def has_needle(text: str) -> bool:
        fold = reading(text).fold
        for needle in needles:  # a loop, not any(): no generator per call (measured)
            if needle in fold:
                return True
        return OPEN

    return has_needle


def _scan_check(finder: re.Pattern[str]) -> Callable[[str], bool]:
    """A gate of many substrings: one scan of the folded text finds any of them."""
    find = finder.search

    def has_needle_by_scan(text: str) -> bool:
        return find(reading(text).fold) is not None or OPEN

    return has_needle_by_scan


def _any_reason_check(
    words: frozenset[str],
    figure: bool,
    finder: re.Pattern[str] | None,
    needles: tuple[str, ...],
) -> Callable[[str], bool]:
    """A gate of several kinds of reason: a figure, a word, then a substring."""
    isdisjoint = words.isdisjoint

    def has_any_reason(text: str) -> bool:
        read = reading(text)
        if OPEN or (figure and read.holds_figure()) or not isdisjoint(read.words):
            return True
        if finder is not None:
            return finder.search(read.fold) is not None
        fold = read.fold
        for needle in needles:  # noqa: SIM110 (measured: any() made a generator per call)
            if needle in fold:
                return True
        return False

    return has_any_reason


def gated(pattern: re.Pattern[str], needles: str = "", words: str = "") -> Gated:
    """`pattern`, run only when the text holds one of `needles` (space-separated substrings;
    `\\d` for a figure of any script, which the patterns' \\d matches too) or of `words`.

    A mark holds a space: "[phone removed]" given as needles is two, "[phone" and "removed]",
    and the second opens the gate on every mark (eight gates did, found by cpu-f): name a
    mark by its first word ("[phone")."""
    found = needles.split()
    return Gated(
        pattern,
        tuple(n for n in found if n != r"\d"),
        frozenset(words.split()),
        figure=r"\d" in found,
    )
