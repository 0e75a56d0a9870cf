"""A pasted label read by OCR, with figures for the letters they look like: "Pat1ent: Mar1an
Coyle D0B: O5/17/1940" (issue 21, round 23, r23n: mx14 was stored raw).

Why: the name rules read a label ("Patient:", "Name:") by its letters, so "Pat1ent" is no
label to them; and a name with a figure in it ("Mar1an", "J0hn Sm1th") is read as an id or
cut at the figure ("Name: [name removed]0hn Sm1th"). A scan or a photo's text read back gives
both: 0 for O, 1 for I or l, 3 for E, 4 for A, 5 for S, 7 for T, 8 for B.

So a word of letters and such figures, before a colon, that reads as a label when each figure
is read as its letter is the label; the one to three words after it, each of letters and such
figures, are the name, up to the next label ("D0B:"), a small word or a figure alone. It runs
only where a label or a name word holds such a figure (the plain label is the rules'), and
before the ids are read ("Mar1an" is no id).
"""

from __future__ import annotations

import re

from core.privacy import names
from core.privacy.gates import gated
from core.privacy.names import NAME_MARK, STOP

_AS_I = str.maketrans("0134578", "oieastb")
_AS_L = str.maketrans("0134578", "oleastb")
_LABELS_WORDS = """patient pt name fullname firstname lastname surname givenname patientname ptname
    resident member subscriber insured client beneficiary first last given full"""
_LABELS = frozenset(_LABELS_WORDS.split())
# Labels of other details: a name stops before them.
_OTHER_LABELS_WORDS = "dob mrn ssn id dod sex age phone tel address addr date"
_OTHER_LABELS = frozenset(_OTHER_LABELS_WORDS.split())
_WORD = r"[A-Za-z0-9][A-Za-z0-9'\u2019-]*"
LABEL = gated(
    re.compile(
        rf"(?<![\w/])(?P<label>{_WORD})[ \t]*:[ \t]*"
        rf"(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}})"
    ),
    needles=":",
)
_LOOK_ALIKE = re.compile(r"[A-Za-z][0134578]|[0134578][A-Za-z]")


def _readings(word: str) -> tuple[str, str]:
    lowered = word.lower()
    return lowered.translate(_AS_I), lowered.translate(_AS_L)


def _is_label(words: str) -> bool:
    joined = "".join(words.split())
    return any(reading in _LABELS for reading in _readings(joined))


def _name_words(text: str) -> int:
    """How many of the words at the start of `text` make the name (0: none)."""
    count = 0
    for word in text.split():
        bare = word.strip("'\u2019-")
        readings = _readings(bare)
        letters = sum(ch.isalpha() for ch in bare)
        if not any(r.isalpha() for r in readings) or letters < 2 or letters <= len(bare) // 2:
            break  # a figure alone, a date, a vertebra ("L1", "T12")
        if any(r in _OTHER_LABELS or r in STOP for r in readings) or _is_label(word):
            break
        if bare.islower() and names.ordinary(bare) and not names._is_first(bare):
            break  # "Patient: Mar1an fracture...": the sentence goes on
        count += 1
        if count == 3:
            break
    return count


def masked(text: str) -> str:
    """The names after look-alike labels replaced by the name's mark (see the module's doc)."""
    if ":" not in text:
        return text
    found = []
    for match in LABEL.finditer(text):
        label, name = match.group("label"), match.group("name")
        if not _is_label(label) or not (_LOOK_ALIKE.search(label) or _LOOK_ALIKE.search(name)):
            continue
        count = _name_words(name)
        if count:
            words = list(re.finditer(r"\S+", name))
            found.append((match.start("name"), match.start("name") + words[count - 1].end()))
    for start, end in reversed(found):
        text = text[:start] + NAME_MARK + text[end:]
    return text
