"""A literal prefilter for many regular expressions scanned over the same text.

Why: the red-flag net holds a few hundred patterns in four languages, and Python's `re` scans
the whole message once per pattern: a 1,000-character message cost about 3.5 ms, over the
2 ms the NLU budget allows. Most patterns cannot match unless some plain word appears
("chest", "fiebre", "numb"). `required_literals` reads a pattern's parse tree and finds a
set of strings of which every match must contain at least one; `LiteralPrefilter` checks
those strings (cheap substring searches, shared between patterns) and runs only the
patterns that can still match. It is a necessary condition, never a guess: a pattern with
no such set always runs, so the result is exactly what scanning every pattern gives
(tests/test_prefilter.py checks that on the corpus and on generated text).
"""

from __future__ import annotations

import sre_constants as c
import sre_parse
from collections.abc import Iterable, Sequence
from re import Pattern
from typing import Any, Generic, TypeVar

Literals = frozenset[str]
T = TypeVar("T")

# A character class of at most this many plain characters ("[łl]") is read as alternatives.
_SMALL_CLASS = 3
# A run of literals with more spellings than this is cut (the cross product grows fast).
_MAX_SPELLINGS = 32


def required_literals(pattern: str | Pattern[str]) -> Literals | None:
    """Strings of which every match of `pattern` contains at least one, or None if unknown.

    The pattern must be matched case-sensitively (the callers fold text to lower case first).
    """
    source = pattern.pattern if isinstance(pattern, Pattern) else pattern
    return _sequence(sre_parse.parse(source).data)


def _best(candidates: Iterable[Literals | None]) -> Literals | None:
    """The most selective known set: longest shortest string, then fewest strings."""
    known = [s for s in candidates if s]
    if not known:
        return None
    return max(known, key=lambda s: (min(map(len, s)), -len(s)))


def _class_chars(items: Any) -> list[str] | None:
    """The characters of a small class of plain characters, or None."""
    if len(items) > _SMALL_CLASS or any(op is not c.LITERAL for op, _ in items):
        return None
    return [chr(code) for _, code in items]


def _sequence(items: Sequence[tuple[Any, Any]]) -> Literals | None:
    """A sequence's requirement: the best of its literal runs and its items' requirements."""
    candidates: list[Literals | None] = []
    run: set[str] = {""}

    def close_run() -> None:
        nonlocal run
        if run != {""}:
            candidates.append(frozenset(run))
        run = {""}

    for op, arg in items:
        if op is c.LITERAL:
            run = {s + chr(arg) for s in run}
            continue
        chars = _class_chars(arg) if op is c.IN else None
        if chars is not None and len(run) * len(chars) <= _MAX_SPELLINGS:
            run = {s + ch for s in run for ch in chars}
            continue
        if op is c.AT:  # \b, ^, $: zero width, the neighbours stay adjacent
            continue
        close_run()
        candidates.append(_item(op, arg))
    close_run()
    return _best(candidates)


def _item(op: Any, arg: Any) -> Literals | None:
    """One parse-tree item's requirement."""
    if op is c.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is c.BRANCH:
        branches = [_sequence(list(b)) for b in arg[1]]
        if any(b is None for b in branches):
            return None
        return frozenset().union(*branches)  # type: ignore[arg-type]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[0] >= 1:
        return _sequence(list(arg[2]))
    return None


class LiteralPrefilter(Generic[T]):
    """Runs only the patterns whose required literals occur in the text.

    `entries` are (pattern, payload); `candidates(text)` yields those that may match, in
    their original order.
    """

    def __init__(self, entries: Sequence[tuple[Pattern[str], T]]) -> None:
        self._entries = [(p, payload, required_literals(p)) for p, payload in entries]
        self._literals = sorted({lit for *_, req in self._entries if req for lit in req})

    def candidates(self, text: str) -> list[tuple[Pattern[str], T]]:
        present = {lit for lit in self._literals if lit in text}
        return [
            (pattern, payload)
            for pattern, payload, req in self._entries
            if req is None or not present.isdisjoint(req)
        ]
