"""Round 29 (r29n): names the rules left raw and words they took (issue 21).

Each typed text lists the values that must be gone after `redact`; each look-alike must be
stored as typed. See core/privacy/round29_names.py and docs/privacy.md (round 29)."""

from __future__ import annotations

import re

import pytest

from core.privacy.redaction import redact

LEAKS = [
    # name-002: a lower-case first name after a kin word and a comma
    ("its for my husband, bill. hes 71 and scared of needles", ["bill"]),
    ("my wife, hope. she is 80", ["hope"]),
    ("the appointment is for my dad, bud. he cant drive", ["bud"]),
    # name-029: a staff surname after a job title other than Dr
    ("nurse practitioner Lindqvist told me to stop my aspirin", ["Lindqvist"]),
    ("NP Lindqvist said to fast from midnight", ["Lindqvist"]),
    ("my PA Sundqvist wants a copy", ["Sundqvist"]),
    ("physician assistant Bergqvist called me", ["Bergqvist"]),
    ("the pharmacist Ahlqvist said to stop", ["Ahlqvist"]),
    # name-031: a sign-off with an initial and a surname
    ("Regards, T. Okonkwo", ["Okonkwo"]),
    ("Best, M. Lindqvist", ["Lindqvist"]),
    ("Cheers, R. Sundqvist", ["Sundqvist"]),
    # name-062: a kin title before the name
    ("Papa Dmitri has the L1 fracture", ["Dmitri"]),
    ("Mama Ngozi has the T12 fracture", ["Ngozi"]),
]

INITIALS = [
    # name-041, mix-003: a card's middle initial goes with the name
    ("STOLTZFUS, AMOS J", "[name removed], [name removed]"),
    ("JOHNSON, CLARA M", "[name removed], [name removed]"),
]

KEPT = [
    # ordinary-058: rooms of the hospital's building, places of worship
    "Is there a Chapel in the hospital?",
    "can my family wait in the Atrium during it?",
    "Where is the Chaplaincy office?",
    # apposition look-alikes
    "my husband, will he be able to drive after?",
    "my daughter, too, wants to come along",
    # staff-title look-alikes
    "is the PT Clinic on the same floor?",
    "Dr Lindqvist said I can go home",
    "we moved to PA Monday",
    # the pronoun after a mark is no initial
    "thanks [name removed] I am grateful",
]


def _gone(value: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text, re.IGNORECASE) is None


@pytest.mark.parametrize(("text", "values"), LEAKS)
def test_names_are_masked(text: str, values: list[str]) -> None:
    out = redact(text)
    assert all(_gone(v, out) for v in values), out
    assert redact(out) == out


@pytest.mark.parametrize(("text", "expected"), INITIALS)
def test_middle_initial_goes_with_the_name(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize("text", KEPT)
def test_look_alikes_stay(text: str) -> None:
    assert redact(text) == text


def test_home_aide_keeps_its_role_word() -> None:
    """name-059: only the name goes, "aide" stays."""
    assert redact("my home aide, Lupita, will bring me") == (
        "my home aide, [name removed], will bring me"
    )


def test_state_after_a_masked_town_stays() -> None:
    """city-010: the town goes, the state alone stays (no identifier)."""
    assert redact("I'm out in Opp, Alabama") == "I'm out in [address removed], Alabama"
