"""One check for a whole module's gates: could any of its patterns match the text?

Why: a round module runs a dozen gated patterns over every message, and each gate, even when
it says no, costs a call and a look-up (about 0.3 µs each as the modules call them: measured
on the training messages); an ordinary message passes through some thirty such modules. The
union of the gates' own words, substrings and figure asks the same question once: when it
says no, every gate of the module would have said no, no pattern runs and the text is
returned as it came (a module's rules only change the text after a gate said yes, so the
later gates would have read the same text).

The union is built from the gates themselves (`Gated.words`, `.needles`, `.figure`), never
from a copied list, and honours `gates.OPEN` (the differential test opens every gate).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from core.privacy import gates


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
        read = gates._reading(text)
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
