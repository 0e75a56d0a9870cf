r"""Alternations of many words, written so that Python's regex engine tries few of them.

Why: the redaction's patterns hold lists of a hundred kin words, street words or cue phrases
as `(?:husband|wife|...)`. The engine tries such a list one alternative after another at
every position it reaches, and under IGNORECASE it cannot skip an alternative by its first
letter without entering it: a hundred tries where one letter would have told. Factored by
their leading characters (`h(?:usband|ubby)|w(?:ife|ifey)|...`), the alternatives that
cannot match are left after one test per distinct letter. On the kin-word pattern this made
a search five times faster (bench/NOTES.md, "Gates that ask only their own question").

The factored form matches exactly what the list matches, with the same preference: two
alternatives whose next characters differ can never both match at one place, so putting
them in groups by that character keeps the order in which the engine meets the ones that can.
An alternative that is empty there, or whose next piece is not one plain character (a
class, a group, a character with a quantifier), might match where any other does: it stays
where it was, and no alternative is moved across it. tests/test_alternation.py checks the
equivalence on random lists and texts.
"""

from __future__ import annotations

import re

# One piece of a pattern: an escape, a class, a group opening, or one character; and after
# it, the quantifier it may carry.
_PIECE = re.compile(r"(\\.|\[(?:\\.|[^\]\\])*\]|\(|.)([?*+]|\{\d*,?\d*\})?", re.DOTALL)
# The escapes that stand for one fixed character (others, like \b, \d, \s, are not).
_LITERAL_ESCAPE = re.compile(r"\\[^\w]")


def _first_character(alternative: str) -> tuple[str, str] | None:
    """The alternative's first piece and the rest, if that piece is one fixed character
    without a quantifier; None if it is anything else (or the alternative is empty)."""
    found = _PIECE.match(alternative)
    if found is None or found.group(2):
        return None
    piece = found.group(1)
    if len(piece) == 1 and piece not in "()[]|.^$\\?*+{}":
        return piece, alternative[found.end() :]
    if _LITERAL_ESCAPE.fullmatch(piece):  # "\-" and "-" are one character, one group
        return piece[1], alternative[found.end() :]
    return None


def _factored(alternatives: list[str]) -> list[str]:
    """The alternatives in groups by their first character, each group factored in turn."""
    groups: list[tuple[str | None, list[str]]] = []
    open_groups: dict[str, list[str]] = {}  # the groups since the last one that cannot move
    for alternative in alternatives:
        split = _first_character(alternative)
        if split is None:
            groups.append((None, [alternative]))
            open_groups = {}
            continue
        head, rest = split
        if head.swapcase() != head and head.swapcase() in open_groups:
            open_groups = {}  # "A" and "a" are one letter to an IGNORECASE pattern
        if head in open_groups:
            open_groups[head].append(rest)
        else:
            open_groups[head] = [rest]
            groups.append((head, open_groups[head]))
    parts = []
    for first, rests in groups:
        if first is None:
            parts.append(rests[0])
            continue
        inner = _factored(rests) if len(rests) > 1 else rests
        body = inner[0] if len(inner) == 1 else f"(?:{'|'.join(inner)})"
        parts.append(re.escape(first) + body)
    return parts


def one_of(alternatives: list[str]) -> str:
    """The alternation `(?:a|b|...)` of the given regex fragments, factored by their leading
    characters: the same matches, in the same order of preference.

    Each fragment must be a whole alternative on its own (no top-level `|`); plain words
    should be passed through re.escape first. Letters are compared as written, so a list
    for an IGNORECASE pattern should be in one case (as the redaction's lists are: lower)."""
    for alternative in alternatives:
        if len(_alternatives_of(alternative)) > 1:
            raise ValueError(f"not one alternative: {alternative!r}")
    return f"(?:{'|'.join(_factored(list(alternatives)))})"


def factored(alternation: str) -> str:
    """`one_of` for an alternation written as one regex source ("street|st|avenue|...")."""
    return one_of(_alternatives_of(alternation))


def _alternatives_of(source: str) -> list[str]:
    """The source split at each `|` outside every group and class."""
    depth = 0
    alternatives = [""]
    for piece in _PIECE.finditer(source):
        text = piece.group(1)
        if text == "(":
            depth += 1
        elif text == ")":
            depth -= 1
        elif text == "|" and depth == 0:
            alternatives.append("")
            continue
        alternatives[-1] += piece.group()
    return alternatives
