"""Round 28 (issue 21), helper r28n: names the outside tester found stored raw or half masked,
and words beside a name's mark that the mark swallowed.

Found: "my mom hope kessler had the cement thing" (name-001), "My brother Deacon will come"
(name-038), "nguyen thi lan is my mother" -> "[name removed] lan" and "tran van minh la bo
toi" -> "[name removed] toi" (name-044 and batch 2), "grace here. grace [name removed]"
(mix-009), "hope. [name removed] here" (name-074), "priya [name removed] is my mother", and
"from: [name removed]: biopsy results" ("re" lost), "[name removed] my dad,[name removed]"
("'s" and a space lost). Each case below is a new wording of the same shape."""

from __future__ import annotations

import re

import pytest

from core.privacy.redaction import NAME_MARK, redact, redact_continuation


def _raw(value: str, stored: str) -> bool:
    pattern = r"(?<![\w'\u2019-])" + re.escape(value) + r"(?![\w'\u2019-])"
    return re.search(pattern, stored) is not None


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        # name-001: a first name that is a verb, then a census surname, after a kin word.
        ("my mom hope kessler had the cement thing last week", ["hope", "kessler"]),
        ("my wife hope gallagher is nervous about it", ["hope", "gallagher"]),
        # name-038: a church title alone after a kin word is the kin's name.
        ("Amen to that. My brother Deacon will come", ["Deacon"]),
        ("my uncle Bishop is driving me in", ["Bishop"]),
        ("Her son Pastor, he is 60, will come", ["Pastor"]),
        # name-044: a Vietnamese name whole; the words after it stay.
        ("nguyen thi lan is my mother she speaks little english", ["nguyen", "thi", "lan"]),
        # mix-009 / name-074: a first name masked once, said again.
        ("grace here. grace Llewellyn. my card says 9MN4-XC2-TP18", ["grace", "Llewellyn"]),
        ("hope. hope Barrington here", ["hope", "Barrington"]),
        ("joy here. joy Abernethy-Kane, from the clinic list", ["joy", "Abernethy-Kane"]),
        # first_before_marks: a lower-case word in no list (accents too) before a name's mark.
        ("priya ramaswamy is my mother", ["priya", "ramaswamy"]),
        ("josé Ramaswamy is my father", ["josé", "Ramaswamy"]),
        ("priya Oyelaran will bring me", ["priya", "Oyelaran"]),
    ],
)
def test_round28_names_are_gone(typed: str, gone: list[str]) -> None:
    stored = redact(typed)
    assert not [value for value in gone if _raw(value, stored)], stored
    if gone:
        assert NAME_MARK in stored
    assert redact(stored) == stored


@pytest.mark.parametrize(
    ("previous", "typed"),
    [("my name is", "patience"), ("my moms name:", "grace"), ("my dads name is", "will")],
)
def test_round28_word_names_after_a_name_cue_are_gone(previous: str, typed: str) -> None:
    assert redact_continuation(previous, typed) == NAME_MARK


@pytest.mark.parametrize(("previous", "typed"), [("im", "tired"), ("my name is", "fine thanks")])
def test_round28_words_after_other_cues_stay(previous: str, typed: str) -> None:
    assert redact_continuation(previous, typed) == typed


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        # The words beside the mark stay.
        ("from: Cosmo Delacroix-Nwosu re: biopsy results", ["from:", " re: biopsy results"]),
        ("Rocco's my dad, Rocco Santangelo", ["'s my dad, "]),
        ("tran van minh la bo toi", [" la bo toi"]),
    ],
)
def test_round28_words_beside_marks_stay(typed: str, kept: list[str]) -> None:
    stored = redact(typed)
    assert NAME_MARK in stored
    assert all(piece in stored for piece in kept), stored


@pytest.mark.parametrize(
    "typed",
    [
        "my mom hope so",
        "my parents hope to visit after",
        "I hope Barrington Road is open",
        "my brother is a Deacon, will he be allowed in?",
        "my brother the deacon will pray for me",
        "Is the van service free?",
        "le van est garé devant l'hôpital",
        "do van drivers wait?",
        "grace period for medicare?",
        "hope. that it works",
        "patience",
        "deacon",
        "Re: my appointment, can I eat before?",
    ],
)
def test_round28_ordinary_messages_stay(typed: str) -> None:
    assert redact(typed) == typed
