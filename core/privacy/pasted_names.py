"""Names in text pasted from a card, a label, a letter or a dictation (issue 21, round 19, r19n).

Why: patients paste what they hold: an insurance card read line by line, a pharmacy label, a
wristband, an e-mail signature, a voice message's transcript. The name rules in names.py read
sentences; in these the layout says where the name is. An outside tester (t21r19) found the
name, or a part of it, stored raw in each of these shapes:

- a label alone on its line, the name on the next one ("Name/Nombre" then "WILHELMINA A
  SORENSEN", T01; "PATIENT LABEL" then "FITZPATRICK, AOIFE B", T14);
- a valediction alone on its line, the writer's name on the next ("Best," then "Margarethe
  Engelbrecht-Ndiaye", T16);
- a label, a surname of several words (joined by "y", "de", "van"...) and a comma before the
  given name masked ("FOR: COSTA, [name]", T06; "from: Ramón y Cajal-Ortega, [name]", N74);
- the rest of a name beside a masked one: an initial and a surname ("[name] A SORENSEN"), a
  given name and an initial after a comma ("[name], AOIFE B"), a particle surname dictated in
  pieces ("[name] o dell", T09: "alberta o dell").

`spans` reads the raw text (names.py's cued rules); `masked_beside_marks` reads the text
after the names were masked (names.py's `_around_marks`).
"""

from __future__ import annotations

import re

from core.privacy import names as n
from core.privacy.gates import gated

NAME_MARK = n.NAME_MARK
_MARK = re.escape(NAME_MARK)
_NAME_WORD = r"[^\W\d_][\w'\u2019.-]*"

# A label on its own line: who the card, the label or the band is for.
_LINE_LABEL = (
    r"(?:(?:patient|pt|member|subscriber|insured|beneficiary|cardholder|card\s+holder|"
    r"resident|client)(?:\s+(?:name|label|information|info))?"
    r"|(?:full\s+|legal\s+)?name(?:\s+of\s+(?:patient|beneficiary|member))?"
    r"|nombre(?:\s+del?\s+(?:paciente|beneficiario|afiliado))?|paciente)"
)
LABEL_LINE = gated(
    re.compile(
        rf"^[ \t]*(?i:{_LINE_LABEL})(?:[ \t]*/[ \t]*(?i:{_LINE_LABEL}))?[ \t]*:?[ \t]*\n"
        rf"[ \t]*(?P<name>{_NAME_WORD}(?:,?[ \t]+{_NAME_WORD}){{0,4}},?)[ \t]*$",
        re.MULTILINE,
    ),
    words="""patient pt member subscriber insured beneficiary cardholder holder resident client
    name nombre paciente""",
)

# A valediction on its own line ("Best,", "Kind regards", "Thanks!").
VALEDICTION_LINE = gated(
    re.compile(
        r"^[ \t]*(?i:best|all\s+the\s+best|best\s+wishes|(?:kind|warm|best|warmest)\s+regards|"
        r"regards|thanks|thank\s+you|many\s+thanks|cheers|sincerely|yours(?:\s+truly)?|"
        r"respectfully|warmly|blessings|love|take\s+care|god\s+bless)[ \t]*[,.!-]*[ \t]*\n"
        rf"[ \t]*(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})[ \t]*(?=\n|$)",
        re.MULTILINE,
    ),
    words="""best regards thanks thank cheers sincerely yours respectfully warmly blessings
    love care bless""",
)

_INITIAL = re.compile(r"[^\W\d_]\.?")


def _name_line(line: str) -> bool:
    """A line that is a name: no small word but an initial, every word a name (a first name or
    surname of the lists), an initial or a word in no list ("See you Tuesday" is no name)."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", line)
    if not words:
        return False
    if any(w.lower() in n.STOP and not _INITIAL.fullmatch(w) for w in words):
        return False
    if any(
        w.lower() in n.INSTITUTIONS
        or w.lower() in n.TOWNS
        or w.lower() in n.ALL_KIN
        or w.lower() in n.CLINICIAN_TITLES
        for w in words
    ):
        return False  # "Bristol Hospital", "Patient Services", "Love,\nMom"
    return all(
        _INITIAL.fullmatch(w) or n._is_first(w) or n._is_last(w) or n.unknown(w, slips=False)
        for w in words
    )


def spans(text: str) -> list[tuple[int, int]]:
    """The names a pasted card's or letter's lines show."""
    if "\n" not in text:
        return []
    found = []
    for pattern in (LABEL_LINE, VALEDICTION_LINE):
        found += [m.span("name") for m in pattern.finditer(text) if _name_line(m.group("name"))]
    return found


# --- beside a masked name ------------------------------------------------------------------
# "FOR: COSTA, [name]", "from: Ramón y Cajal-Ortega, [name]": after a label, the surname's words
# (capitalised, or a particle between them) before a comma and the masked given name.
_PARTICLE = (
    r"(?:y|e|i|de|del|de\s+la|de\s+los|la|las|los|da|das|do|dos|van|von|der|den|ter|ten|di|"
    r"du|le|bin|ibn|al|el)"
)
_RUN_WORD = rf"(?:[A-Z][\w'\u2019-]*|{_MARK})"
LABELLED_RUN = gated(
    re.compile(
        r"(?P<cue>\b(?i:for|from|to|attn|attention|patient|pt|name|member|re|nombre|paciente|"
        r"insured|subscriber|beneficiary)[ \t]*:[ \t]*)"
        rf"(?P<name>[A-Z][\w'\u2019-]*(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_RUN_WORD})*)"
        rf"(?=,[ \t]*{_MARK})"
    ),
    needles=":",
)
# "[name] A SORENSEN" (a card's given name, initial, surname), "[name], AOIFE B" (Surname, Given
# Initial): the rest of the name on the mark's line.
INITIAL_AND_SURNAME = gated(
    re.compile(
        rf"(?<={_MARK})[ \t]+(?P<name>[A-Z]\.?[ \t]+[A-Z][\w'\u2019-]+)(?=[ \t]*(?:\n|$|[,;]))"
    ),
    needles=NAME_MARK,
)
GIVEN_AND_INITIAL = gated(
    re.compile(rf"(?<={_MARK}),[ \t]*(?P<name>[A-Z][\w'\u2019-]+[ \t]+[A-Z]\.?)(?=[ \t]*(?:\n|$))"),
    needles=NAME_MARK,
)
# "hi this is [name] o dell": a dictated surname in pieces, its particle a word of its own.
DICTATED_PARTICLE = gated(
    re.compile(
        rf"(?<={_MARK})[ \t]+(?P<name>(?i:o|mc|mac|van|von|der|di|du|st|le|la|de|del|da)"
        r"[ \t]+(?P<surname>[^\W\d_][\w'\u2019-]+))"
    ),
    needles=NAME_MARK,
)
_STRONG_PARTICLE_WORDS = "o mc mac van von der di du st"
_STRONG_PARTICLES = frozenset(_STRONG_PARTICLE_WORDS.split())


def _run_is_surname(run: str) -> bool:
    """LABELLED_RUN's words: none a small word or an institution's ("FOR: BRISTOL HOSPITAL")."""
    run = run.replace(NAME_MARK, " ")
    words = [w for w in re.split(r"[ \t]+", run) if w and not re.fullmatch(_PARTICLE, w)]
    return bool(words) and all(
        w.lower() not in n.STOP and w.lower() not in n.INSTITUTIONS for w in words
    )


def _masked_run(match: re.Match[str]) -> str:
    if not _run_is_surname(match.group("name")):
        return match.group()
    return match.group("cue") + NAME_MARK


def _masked_rest(match: re.Match[str]) -> str:
    """The initial and the surname (or the given name and initial) go into the mark before."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]+", match.group("name"))
    if not words or any(
        w.lower() in n.STOP or (n._ordinary(w) and not n._is_last(w)) for w in words
    ):
        return match.group()
    return ""  # into the mark before it: "[name removed]"


def _masked_dictated(match: re.Match[str]) -> str:
    surname = match.group("surname")
    particle = match.group("name").split()[0].lower()
    if surname.lower() in n.STOP or surname.lower() in n.OTHER_LANGUAGE:
        return match.group()
    if particle in _STRONG_PARTICLES:
        keep = n._is_last(surname) or not n.ordinary(surname)
    else:
        keep = n._is_last(surname)  # "de la", "le": words of other languages too
    return "" if keep else match.group()  # into the mark before it


def masked_beside_marks(text: str) -> str:
    """The text (holding a name's mark) with the rest of a pasted or dictated name masked."""
    if ":" in text:
        text = LABELLED_RUN.sub(_masked_run, text)
    text = INITIAL_AND_SURNAME.sub(_masked_rest, text)
    text = GIVEN_AND_INITIAL.sub(_masked_rest, text)
    return DICTATED_PARTICLE.sub(_masked_dictated, text)
