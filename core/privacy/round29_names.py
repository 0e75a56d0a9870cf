"""Names round 29's tester found stored raw, and words the name rules took (issue 21, r29n).

Five shapes of phrasing the rules did not read:

- a lower-case first name that is also a word after a kin word and a comma, as an apposition:
  "its for my husband, bill. hes 71" (name-002; "my husband bill he is" was read, the comma
  broke it). The name stands alone between the commas or before a sentence's end, or before a
  clause about the person ("my wife, grace, is 80"); a word that opens a question ("my
  husband, will he ...") or an adverb ("my husband, too") is no name;
- a staff member's surname after a job title other than "Dr" / "Doctor": "nurse practitioner
  Lindqvist told me" (name-029: "-ist" reads as a term's ending, "physio", "NP", "PA"
  are titles no rule knew). A clinician's surname is kept only after Dr / Doctor
  (docs/privacy.md): after any other title it is a person's name;
- a sign-off with an initial before the surname: "Regards, T. Okonkwo" (name-031; "Regards,
  Tom Okonkwo" was read, the initial's dot broke the run);
- a kin word used as a title before the name, without "my": "Papa Dmitri has the L1
  fracture" (name-062; the message read as Title Case, where a capital says nothing, and
  "papa", "mama", "baba" are kept as other languages' words);
- a middle initial after a card's name: "STOLTZFUS, AMOS J" became "[name removed], [name
  removed] J" (name-041, mix-003): the initial is the name's and goes with its mark.

And the name scorer masked a carer's role word before a comma and a name ("my home aide,
Lupita, will": "aide" is a census first name too): `caregiver_role` keeps it.
"""

from __future__ import annotations

import re

from core.privacy.gate_groups import any_gate
from core.privacy.gates import gated
from core.privacy.lower_case_names_in_context import _KIN_GATE
from core.privacy.names import (
    CAPITALISED_WORDS,
    NAME_MARK,
    RELATIVE,
    STOP,
    is_first_name,
    is_surname,
    ordinary,
    unknown,
    with_name_marks,
)
from core.privacy.places import HOSPITAL_TOWNS, state_or_country

# --- a first name after a kin word and a comma (name-002) ------------------------------------
# What follows an apposition: the closing comma, a sentence's end, or a clause about the person.
_AFTER_APPOSITION = (
    r"(?=\s*[,.;!?)]|\s*$|\s+(?:is|was|has|had|hes|shes|who)\b|\s+(?:he|she)[\u2019']s\b)"
)
KIN_COMMA_NAME = gated(
    re.compile(
        rf"\b(?:my|our|his|her|their)\s+{RELATIVE}(?:[\s-]in[\s-]law)?\s*,\s*"
        rf"(?P<name>[^\W\d_][\w'\u2019-]+)(?:\s+(?P<last>[^\W\d_][\w'\u2019-]+))?{_AFTER_APPOSITION}",
        re.IGNORECASE,
    ),
    words=_KIN_GATE,  # the kin words are rarer than a comma
)
# Words that follow "my husband," and are no name (adverbs, question openers, fillers).
_NOT_APPOSED_WORDS = """will would may can could should does did do too also though however
again still even only just really sorry please thanks anyway actually here there now then yes no
ok okay well so and but or bless god lord"""
_NOT_APPOSED = frozenset(_NOT_APPOSED_WORDS.split())


def _apposed_names(text: str) -> list[tuple[int, int]]:
    if "," not in text:  # the gate opens on every kin word; the apposition needs its comma
        return []
    spans = []
    for m in KIN_COMMA_NAME.finditer(text):
        name, last = m["name"], m["last"]
        low = name.lower()
        if low in _NOT_APPOSED or low in STOP or not is_first_name(name):
            continue
        if last and (is_surname(last) or unknown(last)) and not ordinary(last):
            spans.append((m.start("name"), m.end("last")))
        elif not last:
            spans.append(m.span("name"))
    return spans


# --- a staff surname after a job title other than Dr (name-029) -------------------------------
# Titles in lower case or capitalised; the letters' codes in capitals only ("PA" is also
# Pennsylvania: not after a word of place).
_STAFF_WORDS = (
    r"(?i:nurse\s+practitioner|physician\s+(?:assistant|associate)|physical\s+therapist"
    r"|occupational\s+therapist|physiotherapist|physio|therapist|nurse|midwife|pharmacist"
    r"|radiographer|sonographer|dietitian|dietician|social\s+worker|case\s+manager"
    r"|coordinator|anesthetist|anaesthetist|chaplain|paramedic|technician|tech)"
    r"|(?:NP|PA|PA-C|APRN|CRNA|RN|LPN|CNA|PT|OT)"
)
STAFF_TITLE_SURNAME = gated(
    re.compile(
        r"(?<![\w-])(?<!\bin\s)(?<!\bfrom\s)(?<!\bto\s)(?<!\bof\s)"
        rf"(?:{_STAFF_WORDS})\.?\s+"
        r"(?P<name>[A-Z][a-z'\u2019]+(?:-[A-Z][a-z'\u2019]+)?(?:\s+[A-Z][a-z'\u2019]+)?)"
        r"(?![\w'\u2019-])"
    ),
    # A word every title holds ("social worker": "worker"; "case manager": "manager").
    words="nurse practitioner assistant associate therapist physiotherapist physio midwife "
    "pharmacist radiographer sonographer dietitian dietician worker manager coordinator "
    "anesthetist anaesthetist chaplain paramedic technician tech np pa aprn crna rn lpn cna pt ot",
)


def _a_name(word: str) -> bool:
    """A capitalised word that may be a person's: no ordinary word, term kept, place of state
    or country, nor the hospital's towns."""
    low = word.lower()
    return not (
        ordinary(word)
        or low in CAPITALISED_WORDS
        or low in HOSPITAL_TOWNS
        or state_or_country(word)
        or low in _NOT_A_TITLED_NAME
    )


# Words capitalised after a staff or kin title that name no one ("the nurse Practitioner", "PT
# Clinic", "Mamma Mia"; "nurse Ratched" is a name).
_NOT_A_TITLED_WORDS = """practitioner assistant associate clinic office line team desk station
manager mia mio"""
_NOT_A_TITLED_NAME = frozenset(_NOT_A_TITLED_WORDS.split())


def _staff_names(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in STAFF_TITLE_SURNAME.finditer(text):
        words = list(re.finditer(r"[^\s]+", m["name"]))
        if not _a_name(words[0].group()):
            continue
        end = m.start("name") + words[0].end()
        if len(words) > 1 and _a_name(words[1].group()):
            end = m.end("name")
        spans.append((m.start("name"), end))
    return spans


# --- a sign-off with an initial (name-031) ----------------------------------------------------
SIGNOFF_INITIAL = gated(
    re.compile(
        r"(?:^|\n|[.!]\s+|\b)(?i:regards|best\s+regards|kind\s+regards|warm\s+regards|rgds"
        r"|thanks|thank\s+you|many\s+thanks|cheers|sincerely|yours\s+truly|yours|best|warmly"
        r"|respectfully|love|blessings)[\s,!.]*\s*(?:[-\u2013\u2014]\s*)?"
        r"(?P<name>(?:[A-Z]\.?\s*){1,2}\s*[A-Z][A-Za-z'\u2019]+(?:-[A-Z][A-Za-z'\u2019]+)?)"
        r"(?=\s*[.!]?\s*(?:$|\n))"
    ),
    words="regards rgds thanks thank cheers sincerely yours best warmly respectfully love "
    "blessings",
)
_INITIAL_THEN_SURNAME = re.compile(r"(?:[A-Z]\.\s*|[A-Z]\s+){1,2}(?P<surname>\S+)")


def _signoff_names(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in SIGNOFF_INITIAL.finditer(text):
        shape = _INITIAL_THEN_SURNAME.fullmatch(m["name"])
        if shape and _a_name(shape["surname"]):
            spans.append(m.span("name"))
    return spans


# --- a kin word said as a title before the name (name-062) ------------------------------------
_KIN_TITLE_WORDS = """papa mama baba nana nanna nan nonna nonno abuela abuelo abuelita abuelito
oma opa tata lola lolo bubbe bubby bubbie zayde zaide zaida saba savta yiayia yaya pappou papou
babcia dziadek dadi nani dada mamie papi mami granny gran grandma grandpa grandad granddad
grampa gramps auntie aunty aunt uncle tia tio tía tío"""
KIN_TITLE_CAPITAL = gated(
    re.compile(
        r"(?<![\w'\u2019-])(?P<title>(?i:" + "|".join(_KIN_TITLE_WORDS.split()) + r"))\s+"
        r"(?P<name>[A-Z][a-z]+(?:['\u2019-][A-Z][a-z]+)?)(?![\w-])"
        r"(?:\s+(?P<last>[A-Z][a-z]+(?:['\u2019-][A-Z][a-z]+)?)(?![\w'\u2019-]))?"
    ),
    words=_KIN_TITLE_WORDS,
)


def _kin_title_names(text: str) -> list[tuple[int, int]]:
    """After "my grandpa" the kin rules read the name (and its surname); a title that is a
    census first name itself ("Nana Jo") goes with the name, as the name rules mask it."""
    spans = []
    for m in KIN_TITLE_CAPITAL.finditer(text):
        name = m["name"]
        if not _a_name(name) or not (is_first_name(name) or unknown(name, slips=False)):
            continue
        if _POSSESSIVE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "my grandpa Oliver Stone": the kin rules' (with "Stone")
        end = m.end("name")
        if re.match(r"[\u2019']s\b", text[end:]):
            continue  # "Papa John's": a shop
        last = m["last"]
        if last and (is_surname(last) or unknown(last, slips=False)) and not state_or_country(last):
            end = m.end("last")
        title = m["title"]
        start = m.start() if title[0].isupper() and is_first_name(title) else m.start("name")
        spans.append((start, end))
    return spans


_POSSESSIVE_BEFORE = re.compile(r"\b(?i:my|our|his|her|their|your)\s+$")


# --- a middle initial after a masked name (name-041, mix-003) ---------------------------------
# A single capital after the mark (not "I", the pronoun), with or without its dot, before the
# message's or a line's end, punctuation, another mark or a figure.
INITIAL_AFTER_MARK = gated(
    re.compile(
        re.escape(NAME_MARK)
        + r"[ \t]+[A-HJ-Z]\.?(?![\w'\u2019-])(?=[ \t]*(?:$|[\n,;:|]|\[|\d|[ \t][A-Z]{2,}))",
        re.MULTILINE,
    ),
    needles="[name",
)


# The four passes open on their own gates: when none would, none runs. `masked` runs right
# after round 28's passes, whose gates read the same text: the words are read once.
_MAY_APPLY = any_gate(KIN_COMMA_NAME, STAFF_TITLE_SURNAME, SIGNOFF_INITIAL, KIN_TITLE_CAPITAL)


def masked(text: str) -> str:
    """The text with round 29's names masked: a first name apposed to a kin word, a staff
    surname after a title other than Dr, a sign-off's initial and surname, and a name after a
    kin title (`_redact_plain_once`, before the name rules, as round 28's)."""
    if not _MAY_APPLY(text):
        return text
    spans = _apposed_names(text) + _staff_names(text)
    spans += _signoff_names(text) + _kin_title_names(text)
    return with_name_marks(text, spans) if spans else text


def masked_initials(text: str) -> str:
    """The text with a middle initial left after a name's mark joined to the mark (after the
    name rules: the caller checks a name's mark is in the text)."""
    return INITIAL_AFTER_MARK.sub(NAME_MARK, text)


# --- a carer's role word the name scorer took (name-059) --------------------------------------
# Words for the person who cares for someone at home: a role, never the person's name in lower
# case ("aide" and "nanny" are census first names too).
_CAREGIVER_WORDS = """aide aides carer carers caregiver caregivers caretaker helper sitter
companion attendant doula nanny homemaker pca hha cna"""
CAREGIVER_ROLES = frozenset(_CAREGIVER_WORDS.split())


def caregiver_role(word: str) -> bool:
    """A carer's role word in lower case, kept by the learned scorer ("my home aide, [name])."""
    return word.islower() and word in CAREGIVER_ROLES
