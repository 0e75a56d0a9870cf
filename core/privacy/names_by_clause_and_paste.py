"""Names the clause around them gives away, in typed and pasted text (issue 21, round 21, r21n).

Why: an outside tester (t21r21) found these stored raw, each a shape of phrasing the name rules
did not read:

- a first name that is also a modal right after a kin word, as the subject of a verb that no
  modal takes: "my son Will is driving me home" (name-001), "my wife May wants to know"
  (name-011). names.CAPITAL_KIN_NAME leaves "Will" and "May" out on purpose ("my son Will drive
  me" is a corpus negative: the modal, capitalised); the verb after the word tells them apart
  ("is", "has", "wants": a person; "drive", "be": the modal). Typed in lower case ("my son will
  drive") it stays a word;
- a word before "is my <kin>'s name" / "is my name": "Pat is my wife's name" (name-042);
- a lower-case first name and surname opening the message before "here": "grace hill here, my
  back hurts" (name-003). The first must be a first name, the second a surname or a word in no
  list ("new patient here", "back pain here" stay);
- initials before a masked surname: "J.R. [name removed]" kept "J.R." (name-040);
- a capitalised full name in a pasted document right before a birth date's label: "MEDICATION
  LIST for HAZEL N. PRUITT (DOB 4/30/1931)" (mixed-017).

Over-masked in the same round: "BlueCross BlueShield" (a card's header, in Title Case, so read
in lower case as two words in no list). `keep_brand_case` keeps a word joined from two English
words at an inner capital ("BlueCross", "MyChart", "UnitedHealthcare") as typed in that reading:
names with an inner capital ("McDonald", "DeShawn", "LaToya") have a part that is no word.
"""

from __future__ import annotations

import re

from core.privacy import names as n
from core.privacy import word_names as wn
from core.privacy.gates import gated

_KIN = n.RELATIVE
_IN_LAW = r"(?:[\s-]in[\s-]law)?"

# --- "my son Will is driving", "my wife May wants" -------------------------------------------
# After the word: a verb a modal never takes (is, has, wants, was ...) or a comma.
KIN_MODAL_NAME = gated(
    re.compile(
        rf"\b(?i:{_KIN}){_IN_LAW}(?:\s*,)?[ \t]+(?P<name>(?-i:[A-Z][a-z]+))"
        r"(?=\s*,|\s+(?:is|was|has|had|does|isn['\u2019]?t|wasn['\u2019]?t|hasn['\u2019]?t|"
        r"doesn['\u2019]?t|[a-z]{2,}[^su\W]s)\b|['\u2019](?:s|ll|d)\b)"
    ),
    words=" ".join(sorted(n.ALL_KIN)),
)
# Only the first names that names.CAPITAL_KIN_NAME leaves out for being modals or small words.
_MODAL_NAMES = frozenset({"will", "may", "can", "might"})

# --- "Pat is my wife's name", "Smith is my last name" -----------------------------------------
IS_MY_KINS_NAME = gated(
    re.compile(
        r"(?P<name>[^\W\d_][\w'\u2019-]*(?:[ \t]+[^\W\d_][\w'"
        r"\u2019-]*)?)\s+(?i:is|was|['\u2019]s)\s+"
        rf"(?i:my|our|the)\s+(?:(?i:{_KIN}){_IN_LAW}(?:['\u2019]?s)?\s+)?"
        r"(?i:(?:first|last|sur|given|full|middle|maiden|nick)\s*)?(?i:name)\b"
    ),
    words="name",
)

# --- "grace hill here, my back hurts" ---------------------------------------------------------
LOWER_NAME_HERE = gated(
    re.compile(
        r"^\W*(?:(?:hi|hello|hey)\b[\s,!.]*)?(?P<first>[a-z][a-z'-]+)[ \t]+(?P<last>[a-z][a-z'-]+)"
        r"[ \t]+here\b(?=\s*(?:[,.!;:\n-]|$|and\b|with\b|again\b))"
    ),
    words="here",
)

# --- "J.R. [name removed]" --------------------------------------------------------------------
INITIALS_BEFORE_MARK = re.compile(
    r"(?<![\w.])(?:[A-Z]\.[ \t]?){1,3}(?=[ \t]*" + re.escape(n.NAME_MARK) + ")"
)

# --- "MEDICATION LIST for HAZEL N. PRUITT (DOB 4/30/1931)" ------------------------------------
# Capitalised as typed, or any case where a message in capitals is read in lower case.
_CAP_WORD = r"[^\W\d_][\w'\u2019-]+"
NAME_BEFORE_BIRTH_LABEL = gated(
    re.compile(
        r"(?:\b(?i:for|patient|pt|re|of)\s*:?[ \t]+|^|\n)"
        rf"(?P<name>{_CAP_WORD}(?:[ \t]+[^\W\d_]\.?)?(?:[ \t]+{_CAP_WORD}){{1,2}})"
        r"[ \t]*[(,\-\u2013]?[ \t]*(?i:dob|d\.o\.b\.?|date\s+of\s+birth|born)\b"
    ),
    words="dob d o b date born",
)
_LABEL_WORDS = frozenset(
    [
        "medication",
        "medications",
        "list",
        "lists",
        "patient",
        "name",
        "record",
        "summary",
        "discharge",
        "referral",
        "form",
        "chart",
        "label",
        "report",
        "letter",
        "plan",
        "notes",
        "note",
        "allergies",
        "allergy",
    ]
)

# --- "BlueCross BlueShield" -------------------------------------------------------------------
_JOINED_WORDS = re.compile(r"\b(?P<a>[A-Z][a-z]{1,})(?P<b>[A-Z][a-z]{2,})\b")


def _kin_modal_names(text: str) -> list[tuple[int, int]]:
    return [
        m.span("name")
        for m in KIN_MODAL_NAME.finditer(text)
        if m.group("name").lower() in _MODAL_NAMES
    ]


def _kins_name(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in IS_MY_KINS_NAME.finditer(text):
        words = m.group("name").split()
        if any(wn._excluded(w) or w.lower() in n.OPENERS for w in words):
            words = words[-1:]  # "so Pat is my wife's name": only the word before "is"
            if wn._excluded(words[0]) or words[0].lower() in n.OPENERS:
                continue
            spans.append((m.end("name") - len(words[0]), m.end("name")))
        else:
            spans.append(m.span("name"))
    return spans


def _lower_name_here(text: str) -> list[tuple[int, int]]:
    m = LOWER_NAME_HERE.match(text)
    if not m:
        return []
    first, last = m.group("first"), m.group("last")
    modal = first in _MODAL_NAMES  # "will turner here": before a surname and "here", a name
    if (wn._excluded(first) and not modal) or wn._excluded(last) or not wn._first_name(first):
        return []
    if last in n.NOT_NAMES or not (n._is_last(last) or n.unknown(last, slips=False)):
        return []
    return [(m.start("first"), m.end("last"))]


def _name_before_birth_label(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in NAME_BEFORE_BIRTH_LABEL.finditer(text):
        words = [w for w in re.split(r"[ \t]+", m.group("name")) if len(w.rstrip(".")) > 1]
        low = [w.lower() for w in words if w.lower() not in _MODAL_NAMES]  # "MAY B. HARTLEY"
        if any(w in n.STOP or w in _LABEL_WORDS or w in n.INSTITUTIONS for w in low):
            continue
        if any(n.unknown(w, slips=False) for w in words) or (
            all(w[0].isupper() for w in words)
            and any(wn._first_name(w) or n._is_last(w) for w in words)
        ):
            spans.append(m.span("name"))
    return spans


def spans(text: str) -> list[tuple[int, int]]:
    """Where the text names someone by one of the module's clauses."""
    return (
        _kin_modal_names(text)
        + _kins_name(text)
        + _lower_name_here(text)
        + _name_before_birth_label(text)
    )


def masked_initials(text: str) -> str:
    """The text with initials right before a masked name masked with it ("J.R. [name]")."""
    if "." not in text:
        return text
    return INITIALS_BEFORE_MARK.sub("", text)


def keep_brand_case(original: str, lowered: str) -> str:
    """`lowered` with the words of `original` joined from two English words at an inner
    capital put back as typed (the same length: the caller maps positions one to one)."""
    found = [
        m.span()
        for m in _JOINED_WORDS.finditer(original)
        if n.ordinary(m.group("a")) and n.ordinary(m.group("b"))
    ]
    for start, end in found:
        lowered = lowered[:start] + original[start:end] + lowered[end:]
    return lowered


# --- "my name is" / "Walt" / "Kowalski" (name-046, split-001) ---------------------------------
# A message that ends with a name's cue, and the name alone in the next one; then a surname
# alone after a first name alone. The transcript reads the earlier messages with the next
# (transcripts.split_detail_words); these are for `redaction.redact_continuation`, which sees
# one message before.
NAME_CUE_AT_END = re.compile(
    r"(?:\b(?:my|his|her|their|our|the\s+patient['\u2019]?s|patient['\u2019]?s|"
    rf"(?:{_KIN}){_IN_LAW}['\u2019]?s)\s+(?:(?:full|first|last|given|sur)\s*)?name"
    # Round 28 (spli-012): "this is" / "FERGUS" / "mcallister": the writer's introduction
    # broken off before the name ("it's" is not: "it's" / "May" is as often the month).
    r"(?:\s+is|['\u2019]s|\s*:)?|\bname\s*:|\bi\s+am|\bi['\u2019]?m|\bcall\s+me|\bthis\s+is)\W*$",
    re.IGNORECASE,
)
NAME_ALONE = re.compile(
    r"^\W*(?P<name>[^\W\d_][\w'\u2019-]*(?:[ \t]+[^\W\d_][\w'\u2019.-]*){0,2})[.!]?\s*$"
)


def _name_word(word: str) -> bool:
    """A word that is a name alone in a message: in no list, or a capitalised first name."""
    low = word.lower().rstrip(".")
    if low in _MODAL_NAMES and word[0].isupper():
        return True  # "my name is" / "Will"
    if low in n.STOP or low in n.OPENERS or wn._excluded(word):
        return False
    return n.unknown(word, slips=False) or (word[0].isupper() and wn._first_name(word))


def name_alone_after_cue(previous: str, text: str) -> tuple[str, str] | None:
    """(the name alone in `text` after `previous` ended with a name's cue; the name's mark)."""
    match = NAME_ALONE.match(text) if len(text) < 60 else None
    if not match or not NAME_CUE_AT_END.search(previous):
        return None
    words = match.group("name").split()
    # Round 28 (r28n): after a cue that says "name" ("my name is" / "patience"), a first name
    # that is also a word is the name too ("I'm" / "tired" stays: no "name" in that cue).
    named = "name" in previous.lower() and all(n.is_first_name(w.lower()) for w in words)
    if not named and not all(_name_word(word) for word in words):
        return None
    return match.group("name"), n.NAME_MARK


def surname_after_first_alone(previous: str, text: str) -> tuple[str, str] | None:
    """(the surname alone in `text` after a first name alone in `previous`; the name's mark):
    "Walt" / "Kowalski". Both a name, the second in no list of words ("Walt" / "Thanks" stays)."""
    first = NAME_ALONE.match(previous) if len(previous) < 30 else None
    match = NAME_ALONE.match(text) if first and len(text) < 30 else None
    if not first or not match or " " in first.group("name") or " " in match.group("name"):
        return None
    name = first.group("name")
    if n.ordinary(name) or wn._excluded(name) or not (n._is_first(name) or n.unknown(name)):
        return None
    surname = match.group("name")
    if not n.unknown(surname, slips=False) or wn._excluded(surname):
        return None
    return surname, n.NAME_MARK
