"""The call-back form's name field keeps the caller's own name only (round 16's outside
tester typed "Leokadia Zielińska, my neighbour Bożena Kaczmarek helps me" and found the
neighbour's full name in callback_requests.name)."""

from __future__ import annotations

import pytest

from actions.callback import name_field


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
