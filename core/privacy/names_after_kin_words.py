"""A first name that is also an ordinary word, typed in lower case right after "my/her/his
<kin word>", when a clause follows it (issue 21, round 23, r23n).

Why: after a kin word the rules take a lower-case word as a name only when it is in no list
of words or a first name that is no word ("my wife ayse", "my husband frank"): a lower-case
word that is also a word may be the sentence going on ("my husband will drive", "my son may
come"). So round 23's tester found "this is for my husband bill he is 78" (nm03) and "joy and
her husband mark both had this done" (nm32) stored raw: "bill" and "mark" are words.

What tells them apart is what comes next. A name is followed by the start of a clause about
that person: a subject pronoun ("bill he is 78"), "both", a copula or "has/had" ("bill is
78", "mark had it done"), "who", "and I", a comma or an age. A verb or a modal is followed
by its object or verb ("will drive", "may come", "can stay"), never by those. The word must
be a census first name, and no modal or verb of the kind that follows a kin word ("will",
"may", "can", "did", "hope"): "my husband will, if he can" keeps its words.
"""

from __future__ import annotations

import re

from core.privacy.gates import gated
from core.privacy.names import ALL_KIN, NAME_MARK, RELATIVE, _lists

# Words after a kin word that are its verb, never its name, even when a clause follows
# ("my husband will, he says", "my son may, if..."): modals, auxiliaries and the verbs of
# wishing and asking that names.py keeps before a kin word too, and the verbs of a plural
# subject ("me and my wife hope he is ok", "... love it", "... miss her").
_VERBS_WORDS = """will would may might can could shall should must does did do hope let ask
tell told asked said says wants needs thinks feels love miss soon also just still really always
never even only too already again here there"""
_VERBS = frozenset(_VERBS_WORDS.split())
# What starts a clause about the person just named.
_CLAUSE = (
    r"(?=\s*,|\s+\d|\s+(?:he|she|they|who|both|is|was|has|had|and\s+(?:i|me|myself|we))\b"
    r"|\s*[(\u2014-]\s*\d)"
)
KIN_WORD_NAME = gated(
    re.compile(
        rf"\b(?:my|our|his|her|their)\s+{RELATIVE}(?:[\s-]in[\s-]law)?\s+"
        rf"(?P<name>[a-z]{{2,}}){_CLAUSE}",
        re.IGNORECASE,
    ),
    # A kin word is rarer in a message than "my": the gate asks for one of those.
    words=" ".join(sorted(ALL_KIN)),
)


def _is_name(word: str) -> bool:
    lowered = word.lower()
    return lowered in _lists()[0] and lowered not in _VERBS


def masked(text: str) -> str:
    """The text with the first names of the shape above replaced by the name's mark."""
    found = [m.span("name") for m in KIN_WORD_NAME.finditer(text) if _is_name(m.group("name"))]
    for start, end in reversed(found):
        text = text[:start] + NAME_MARK + text[end:]
    return text
