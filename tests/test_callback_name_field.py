"""The call-back form's name field keeps the caller's own name only (round 16's outside
tester typed "Leokadia Zielińska, my neighbour Bożena Kaczmarek helps me" and found the
neighbour's full name in callback_requests.name)."""

from __future__ import annotations

import pytest

from actions.callback import name_field, normalise_phone


@pytest.mark.parametrize(
    ("typed", "gone", "kept"),
    [
        ("Leokadia Zielińska, my neighbour Bożena Kaczmarek helps me", "Kaczmarek", "Zielińska"),
        ("Mary Smith and my husband Tadeusz Wolski", "Tadeusz", "Mary Smith"),
        ("Mary Smith (daughter of John Okafor)", "Okafor", "Mary Smith"),
        ("Mary Smith for my mum Gladys Pike", "Gladys", "Mary Smith"),
    ],
)
def test_a_second_person_named_in_the_name_field_is_masked(
    typed: str, gone: str, kept: str
) -> None:
    stored = name_field(typed)
    assert stored is not None and gone not in stored and kept in stored, stored


@pytest.mark.parametrize(
    "typed", ["Zielińska, Leokadia", "Anne-Marie O'Neill", "Mary Smith", "SMITH, MARY"]
)
def test_the_callers_own_name_stays_as_typed(typed: str) -> None:
    assert name_field(typed) == typed


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("it's Bernadette Szymańska", "Bernadette Szymańska"),
        ("my name is Joe Bloggs", "Joe Bloggs"),
        ("hi, I'm Anna Kowalska", "Anna Kowalska"),
        ("Itsuki Tanaka", "Itsuki Tanaka"),  # "Its" opening a name is no lead-in
        ("Imelda Marcos", "Imelda Marcos"),
    ],
)
def test_the_lead_in_before_a_name_is_not_stored(typed: str, stored: str) -> None:
    """Round 18's tester: "it's Bernadette Szymańska" was stored and thanked, lead-in and all."""
    assert name_field(typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("my number is 475-555-0169", "(475) 555-0169"),
        ("call me on (860) 555-0123 thanks", "(860) 555-0123"),
        ("+44 20 7946 0958 is my mobile", "+44 20 7946 0958"),
    ],
)
def test_a_phone_number_answered_in_a_sentence_is_taken(typed: str, stored: str) -> None:
    """Round 18's tester: the form refused "my number is 475-555-0169" and then took "any
    time" and "yes" for more attempts at a number; no request was made."""
    assert normalise_phone(typed) == stored


# Round 21: of two full numbers the first is taken and the patient told so
# (tests/test_round21_r21s.py); two short figures are still no number.
@pytest.mark.parametrize("typed", ["555 0123 or 555 0124", "any time", "yes", "call me"])
def test_a_sentence_without_exactly_one_number_is_still_refused(typed: str) -> None:
    assert normalise_phone(typed) is None
