"""Round 20 (t21r20, helper r20n): names the clause shows (core/privacy/people_in_clauses.py),
the rest of a name beside a masked one, a surname sent alone after "her name is ...", and
ordinary words of other languages and labels that were masked as names
(core/privacy/romanised_words.py, data/kept_terms.txt). The tester's leaks (n.., doc.., sp01)
and new wordings of each shape; then the look-alikes, which must stay as typed."""

from __future__ import annotations

import itertools
import re

import pytest

from core.privacy.redaction import redact, redact_continuation

LEAKS = [
    # a name, then ", he's / she's the <neighbour, kin>" (n03)
    ("i'll be coming with bartholomew, he's the neighbour who helps me", ["bartholomew"]),
    ("bringing radomir, he is our lodger", ["radomir"]),
    # "the <neighbour, friend> who ... is <name>" (n31)
    ("the neighbour who drives me is wojtek can he wait inside", ["wojtek"]),
    ("my carer who comes on tuesdays is ifeoma", ["ifeoma"]),
    # "tell / ask / let <Name> (and <Name>) I'll ... / know" (n36)
    ("tell Precious and Goodness I'll be late", ["Precious", "Goodness"]),
    ("ask Hope and Destiny if they can wait outside", ["Hope", "Destiny"]),
    # a kin word, a first name that is also a word, a person's verb (n37)
    ("grandma june wants to know if she'll be awake", ["june"]),
    ("auntie april is asking about the sedation", ["april"]),
    # a first name that is also a place opening a sentence, then "called me" (n04)
    ("Virginia called me yesterday about the time, who is she?", ["Virginia"]),
    ("ok. Georgia rang me about the forms", ["Georgia"]),
    # "I'm <Name>, my <kin>" (n46)
    ("I'm Rain, my gran Juniper is the patient. will she be sore", ["Rain", "Juniper"]),
    ("im Storm, my dad is booked for tuesday", ["Storm"]),
    # a nickname in quotes, then the surname (n24)
    (
        "pls tell the dr about my mom (\u201cMimi\u201d Ostrowski-Lee) she is very nervous",
        ["Mimi", "Ostrowski-Lee"],
    ),
    # a label's SURNAME, GIVEN / SUBSCRIBER: SURNAME GIVEN (doc09, doc11)
    (
        "RX# 6612094  KOWALSKI, BEVERLY  Dr PATEL  Qty 30  Refills 2 -- can i take this before?",
        ["KOWALSKI", "BEVERLY"],
    ),
    (
        "HEALTHNET CT\nSUBSCRIBER: DESROSIERS JEAN-CLAUDE\nID# HNT 7781 2290 44\nPCP: DR L. ORTIZ",
        ["DESROSIERS", "JEAN-CLAUDE"],
    ),
    # an e-mail header pasted (doc12)
    (
        "From: Perpetua Okonkwo-Blaise\nSent: Monday, November 17, 2025 6:02 PM\nTo: IR "
        "Department\nSubject: my mother's back\n\nDear team, how long is recovery?",
        ["Perpetua", "Okonkwo-Blaise"],
    ),
    (
        "From: Thandeka Mabuza-Reyes <tm@example.com>\nDate: Tue\nSubject: question\n\nhi",
        ["Thandeka", "Mabuza-Reyes"],
    ),
]

# A surname sent alone after a message that ended with a name after a name's cue (sp01).
SPLIT = [
    (["her name is Zofia", "Dąbrowska-Lis", "she's the patient"], ["Zofia", "Dąbrowska-Lis"]),
]

KEPT = [
    # other languages typed in Latin letters (n11, n13, n16, o33)
    "Posso mangiare prima dell'intervento?",
    "posso bere l'acqua prima dell'anestesia?",
    "moya mama bolnaya, skolko dlitsya protsedura",
    "i mitera mou einai 86, ponaei?",
    "ta hen haipa, hui teng ma",
    # a message in capitals with a masked number (p18) and a record's label (m10)
    "CALL ME BACK ON 860 555 0160",
    "PLEASE CALL ME BACK ON 860 555 0161 TODAY",
    "MR No.: 0098812",
    # an insurer, a chain, a sticker's label (h17, a05, m11)
    "plan: Harvard Pilgrim, ID 800123456",
    "we're the yellow house behind the Dunkin",
    "the sticker says Enc 99812",
    # ordinary look-alikes of the name rules
    "Virginia is a long drive",
    "June is a good month for it",
    "tell the nurse I'll be late",
    "let Medicare know we're coming",
    "tell Mom I'll be late",
    "coming with the bus, he's the driver who helps me",
    "the neighbour who drives me is very kind",
    "the friend who comes is my sister",
    "grandma still wants to know",
    "my mom always says it hurts",
    "grandma will want to know",
    "I'm fine, my mom is the patient",
    "I'm Catholic, my mom is the patient",
    "I'm sorry, my dad is the patient",
    "Hartford called me about the forms",
    "From: the clinic\nSubject: my appointment",
    "Thanks, see you tuesday",
]


def _gone(stored: str, values: list[str]) -> list[str]:
    return [v for v in values if re.search(rf"(?<!\w){re.escape(v)}(?!\w)", stored, re.IGNORECASE)]


@pytest.mark.parametrize(("text", "values"), LEAKS)
def test_round20_names_are_masked(text: str, values: list[str]) -> None:
    stored = redact(text)
    assert _gone(stored, values) == [], stored


@pytest.mark.parametrize(("turns", "values"), SPLIT)
def test_round20_split_surname_is_masked(turns: list[str], values: list[str]) -> None:
    stored = [redact(turns[0])] + [redact_continuation(a, b) for a, b in itertools.pairwise(turns)]
    assert _gone(" \n ".join(stored), values) == [], stored


@pytest.mark.parametrize("text", KEPT)
def test_round20_look_alikes_stay(text: str) -> None:
    stored = redact(text)
    assert "[name removed]" not in stored, stored


def test_round20_split_thanks_stays() -> None:
    assert redact_continuation("her name is Zofia", "Thanks.") == "Thanks."
