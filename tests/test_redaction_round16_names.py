"""Round 16 (r16n): names an outside tester found stored raw, and ordinary words of other
languages masked as names, fixed as classes; our own phrasings beside the tester's."""

from __future__ import annotations

import pytest

from core.privacy.redaction import NAME_MARK, redact, redact_continuation

# (message, the name that must go).
MASKED = [
    # A lower-case name after a kin word with no "my", before a verb.
    ("grandpa ziggy wants to know if he'll be awake for it", "ziggy"),
    ("cousin radek will translate for my dad", "radek"),
    ("pop-pop jerzy wants to know about the needle", "jerzy"),
    ("uncle benedykt asked if he can come along", "benedykt"),
    ("ok so auntie wanjiru said she can drive me", "wanjiru"),
    ("grandma teodora could come too", "teodora"),
    # The given name after the comma of a pasted label, whatever follows it.
    ("PT NAME: ABERCROMBIE-NWOSU, PHILIPPA\nwhat should she bring on the day", "PHILIPPA"),
    ("PATIENT: Wróbel, Stanisław  DOB 1935-02-11", "Stanisław"),
    ("NAME: KOWALCZYK-ADEYEMI, JADWIGA\nhow long is recovery", "JADWIGA"),
    # A name spelled letter by letter with spaces right after the name.
    ("my name is pat o'rourke p a t o r o u r k e and i need help", "o r o u r k e"),
    ("its for ngozi adebayo-rhys, a d e b a y o", "a d e b a y o"),
    # A name right before a bracket that says whose kin it is.
    ("Q for you from Feodora (the patient's niece): can she eat the morning of?", "Feodora"),
    ("a question from Ottoline (my husband's mother): is it safe?", "Ottoline"),
]


@pytest.mark.parametrize(("message", "name"), MASKED)
def test_name_is_masked(message: str, name: str) -> None:
    stored = redact(message)
    assert name not in stored
    assert NAME_MARK in stored


# (message before, message with the surname at its start, the surname).
SPLIT = [
    ("my moms name is Hedwig", "Bartoszewicz, she lives at 9 Vine St", "Bartoszewicz"),
    ("my father's name is Casimir", "Wojtaszek. He is 81", "Wojtaszek"),
]


@pytest.mark.parametrize(("previous", "message", "surname"), SPLIT)
def test_surname_in_the_next_message_is_masked(previous: str, message: str, surname: str) -> None:
    assert surname not in redact_continuation(previous, message)


# Stored as typed: words of other languages, an abbreviation in capitals.
KEPT = [
    "ile trwa zabieg?",
    "czy mam przyjść na czczo?",
    "nou gen kesyon sou operasyon an",
    "eske mwen bezwen manje anvan operasyon an",
    "o meu marido tem dor nas costas",
    "minha filha tem febre alta",
    "What does the MR number on my bracelet mean?",
    "my MS symptoms are worse this week",
    "my uncle also said it was fine",
    "grandpa really wants to come",
]


@pytest.mark.parametrize("message", KEPT)
def test_ordinary_text_is_kept(message: str) -> None:
    assert redact(message) == message
