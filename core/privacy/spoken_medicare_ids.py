"""A Medicare number read out with its figures in words (issue 21, round 24's report, r25f:
heal299 "do you need my medicare number" / "one E G four, T E five, M K seven five" was
stored raw).

Why: the rules read an MBI typed with figures, spaced or dashed ("1 E G 4 T E 5 M K 7 5",
identifiers.MEDICARE / MBI_SHAPE); read aloud, its figures come as words and its groups
with commas. A run of single letters, single figures and figure words ("one" ... "nine",
"zero", "oh"), folded to characters, that has an MBI's eleven characters and shape, after
"medicare / mbi / beneficiary" in the message or the message before, is the id. Counting
("one two three ...") has no letters, and words of more than one letter other than the
figure words end the run, so sentences never make one up.
"""

from __future__ import annotations

import re

from core.privacy.gates import gated
from core.privacy.identifiers import ID_MARK, MBI_CUE, MBI_SHAPE
from core.privacy.number_words import DIGIT_WORDS

_FIGURES = dict(zip(DIGIT_WORDS.split(), "00123456789", strict=True))  # "oh" is a zero
_TOKEN = r"(?:" + "|".join(_FIGURES) + r"|[A-Za-z0-9])"
_SEP = r"(?:\s*[,.]\s*|\s+dash\s+|\s*-\s*|\s+)"
SPOKEN_RUN = gated(
    re.compile(rf"(?<![\w-]){_TOKEN}(?:{_SEP}{_TOKEN}){{7,12}}(?![\w-])", re.IGNORECASE),
    words=" ".join(_FIGURES),
)
_PIECE = re.compile(r"[A-Za-z]+|\d")


def _folded(run: str) -> str:
    return "".join(_FIGURES.get(piece.lower(), piece) for piece in _PIECE.findall(run))


def _id(match: re.Match[str]) -> str:
    folded = _folded(match.group())
    return ID_MARK if len(folded) == 11 and MBI_SHAPE.fullmatch(folded) else match.group()


def masked(text: str, previous: str = "") -> str:
    """The text with a spoken MBI masked, when the text or `previous` names Medicare."""
    if not SPOKEN_RUN.may_match(text):
        return text  # no figure word: the common case, one set lookup
    if not (MBI_CUE.search(text) or (previous and MBI_CUE.search(previous))):
        return text
    return SPOKEN_RUN.sub(_id, text)
