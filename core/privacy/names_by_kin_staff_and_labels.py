"""Names said of a relative, of a staff member or after a name's label, in shapes the earlier
rules did not read (issue 21, round 27, r27n).

Why: the name rules keep a capitalised word that is also an English word ("Storm", "Lucky")
unless a cue says a person is meant, and keep a word in no list only where a cue or a second
name stands beside it. Round 27's outside tester typed names where the cue was there, in a
shape no rule read:

- "X is my wife" opening a sentence names X, a word or not; and X said again, capitalised
  inside a sentence, is the same person: "will Storm be allowed in recovery? Storm is my
  wife" (s038; the "X is my brother" after a comma is word_names_said_as_people's);
- a capitalised word right before "(our dad)", "(my mum)" is who the bracket says, a word or
  not: "Lucky for us, Lucky (our dad) is fit" (s045; "Lucky for us", opening the sentence
  with no bracket, stays);
- a name in commas after a staff word, often with a hedge: "The nurse we spoke to, Tamsin I
  think, said to stop aspirin" (s013). A first name the writer gives of a staff member is
  kept nowhere else; only a doctor's surname after "Dr" is kept by design (docs/privacy.md);
- a word in no list after a name label's masked first name, in lower case: "pt name - [name
  removed] oduya" (s017);
- a pasted card's "[name removed] A KILBRIDE" before the card's next field in capitals
  ("ID", "GROUP", two spaces: s246; pasted_names.py reads it before a line's end only).

Each rule asks for the shape, not the word; every pattern is gated on a word or a character
its matches need (core/privacy/gates.py), so a message without them pays one set lookup.
"""

from __future__ import annotations

import re

from core.privacy import names as n
from core.privacy import pasted_names
from core.privacy import word_names_said_as_people as r26a
from core.privacy.gates import gated

_MARK = re.escape(n.NAME_MARK)
_KIN = n.RELATIVE
_IN_LAW = r"(?:[\s-]in[\s-]law)?"
_AGE_WORDS = r"(?:(?:youngest|oldest|eldest|older|younger|little|big|best|only|late|baby)\s+)?"
_CAPITAL = r"[A-Z][\w-]*"  # no apostrophe: "Lucy's" is a possessive

# Capitalised words that open a sentence before "is my son" and are no name ("Next is my
# son", "Attached is my wife's letter" has a possessive and no match anyway).
_NOT_OPENING_NAMES = frozenset(
    [
        "next",
        "attached",
        "enclosed",
        "below",
        "above",
        "beside",
        "also",
        "first",
        "second",
        "third",
        "last",
        "one",
        "other",
        "another",
        "mine",
        "ours",
        "whose",
    ]
)

# --- "Storm is my wife" opening a sentence (s038) ------------------------------------------
IS_MY_KIN_OPENING = gated(
    re.compile(
        rf"(?:^|(?<=[.!?\n])[ \t]*|(?<=[.!?][\"')\]]))[ \t]*(?P<name>{_CAPITAL})[ \t]+"
        rf"(?:is|was)[ \t]+(?:my|our)[ \t]+{_AGE_WORDS}(?i:{_KIN}){_IN_LAW}"
        r"(?![\w'\u2019-])"
    ),
    words="my our",
)
# --- "Lucky (our dad)" (s045) ----------------------------------------------------------------
CAPITAL_BEFORE_KIN_BRACKET = gated(
    re.compile(
        rf"(?<![\w'\u2019-])(?P<name>{_CAPITAL})[ \t]*\([ \t]*(?i:my|our|his|her|their)[ \t]+"
        rf"{_AGE_WORDS}(?i:{_KIN}){_IN_LAW}[ \t]*\)"
    ),
    needles="(",
)
# --- "The nurse we spoke to, Tamsin I think, said" (s013) ----------------------------------
_STAFF = (
    r"(?:nurse|receptionist|scheduler|secretary|coordinator|physio|"
    r"physiotherapist|therapist|technician|tech|radiographer|porter|pharmacist|assistant|"
    r"clerk|operator|midwife|volunteer|lady|woman|man|gentleman|guy|girl|person|staff member)"
)
_HEDGE = (
    r"(?:[ \t]+(?:I[ \t]+think|I[ \t]+believe|I[ \t]+guess|I[ \t]+recall|maybe|perhaps|"
    r"was[ \t]+it|if[ \t]+I[ \t]+remember(?:[ \t]+right)?))?"
)
STAFF_NAME_IN_COMMAS = gated(
    re.compile(
        rf"\b(?i:the|a|your|that|this|one)[ \t]+(?:\w+[ \t]+)?(?i:{_STAFF})s?\b"
        rf"[^,.;:?!\n()]{{0,40}},[ \t]*(?P<name>{_CAPITAL}){_HEDGE}[ \t]*(?:,|[-\u2013\u2014][ \t])"
    ),
    words=_STAFF[3:-1].replace("|", " "),
)
# --- "pt name - [name removed] oduya" (s017) ------------------------------------------------
SURNAME_AFTER_LABELLED_MARK = gated(
    re.compile(
        r"\b(?i:name|pt|patient|member|resident|client)\b[ \t]*(?:(?i:is)[ \t]+|[-:=\u2013\u2014]"
        rf"[ \t]*){_MARK}[ \t]+(?P<name>[^\W\d_][\w'\u2019-]+)"
    ),
    needles="[name",
)
# --- "MEMBER NAME [name removed] A KILBRIDE  ID" (s246) ------------------------------------
_CARD_FIELDS = (
    r"ID|DOB|GROUP|GRP|PLAN|MEMBER|SUBSCRIBER|RX|RXBIN|RXPCN|RXGRP|BIN|PCN|ISSUER|EFF|"
    r"EFFECTIVE|EXP|NO|NUMBER|POLICY|DATE|SEX|MRN|ACCT|ACCOUNT|COPAY|PCP|COVERAGE"
)
INITIAL_AND_SURNAME_BEFORE_FIELD = gated(
    re.compile(
        rf"(?<={_MARK})[ \t]+(?P<name>[A-Z]\.?[ \t]+[A-Z][A-Z'\u2019-]+)"
        rf"(?=[ \t]{{2,}}\S|[ \t]+(?:{_CARD_FIELDS})\b|[ \t]*#)"
    ),
    needles="[name",
)


# Cheap first tests (a literal each, found by the engine's fast search): what each shape needs.
_IS_MY = re.compile(r" (?:is|was) (?:my|our) ")
_KIN_BRACKET = re.compile(r"\([ \t]*(?i:my|our|his|her|their)[ \t]")
_DASH = re.compile(r"[-\u2013\u2014][ \t]")


def _word_named(word: str) -> bool:
    """A word a relative or a staff member may be called here: any capitalised word but a
    small word, a person said without a name, a kin word, a title, a day or a month."""
    low = word.lower()
    if len(low) < 2 or low in r26a._NEVER or low in n.ALL_KIN or low in n.CLINICIAN_TITLES:
        return False
    if low in n.STOP or low in n.NOT_NAMES or low in n.DESCRIBING or low in _NOT_OPENING_NAMES:
        return False
    return not (low.endswith("ing") and n.ordinary(word))  # "Driving is my son's job"


def _staff_named(word: str) -> bool:
    """A staff member's name in commas: a first name or a word in no list."""
    return _word_named(word) and (n.is_first_name(word) or n.unknown(word, slips=False))


def _said_again(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The same capitalised word inside a sentence: the person named ("will Storm be
    allowed"); opening a sentence it may be the word ("Lucky for us")."""
    found = {text[s:e] for s, e in spans}
    if not found:
        return []
    again = re.compile(r"(?<![\w'\u2019-])(?:" + "|".join(map(re.escape, found)) + r")\b")
    return [m.span() for m in again.finditer(text) if not n._sentence_start(text, m.start())]


def masked(text: str) -> str:
    """The text with the names of the shapes above replaced by the name's mark. Each shape is
    asked for only where a character or word it needs is in the text (plain substring tests:
    a message with none of them pays a few of those)."""
    kin: list[tuple[int, int]] = []
    # Its match ends " my " or " our ": two substring tests before the scan (measured: 0.5 µs
    # -> 0.1 on a message holding neither).
    if (" my " in text or " our " in text) and _IS_MY.search(text):
        kin += [m.span("name") for m in IS_MY_KIN_OPENING.finditer(text) if _word_named(m["name"])]
    if "(" in text and _KIN_BRACKET.search(text):
        kin += [
            m.span("name")
            for m in CAPITAL_BEFORE_KIN_BRACKET.finditer(text)
            if _word_named(m["name"]) and m["name"].lower() not in n.MODALS
        ]
    spans = kin + _said_again(text, kin) if kin else []
    if text.count(",") > 1 or ("," in text and _DASH.search(text)):
        spans += [
            m.span("name") for m in STAFF_NAME_IN_COMMAS.finditer(text) if _staff_named(m["name"])
        ]
    return n.with_name_marks(text, spans) if spans else text


def masked_beside_marks(text: str) -> str:
    """The text (holding a name's mark) with a label's lower-case surname and a card's initial
    and surname joined to the mark: names.py's `_around_marks` calls it, so every reading of
    the names (the question log's too, and the one after the learned scorer) does it."""
    text = SURNAME_AFTER_LABELLED_MARK.sub(_masked_labelled_surname, text)
    return INITIAL_AND_SURNAME_BEFORE_FIELD.sub(pasted_names._masked_rest, text)


def _masked_labelled_surname(match: re.Match[str]) -> str:
    """A word in no list (or a surname that is no word) after a label's masked first name
    joins the mark."""
    word = match.group("name")
    low = word.lower()
    if low in n.STOP or low in n.NOT_NAMES or n.ordinary(word):
        return match.group()  # "my name is [name removed] said my nurse": a word goes on
    if not (n.is_surname(word) or n.unknown(word, False)):
        return match.group()
    return match.group()[: match.start("name") - match.start()].rstrip(" \t")
