"""Round 24's report, fixed in round 25 (helper r25e): towns typed with an accent or an
apostrophe, numbered streets and corners, a home's unit words and rooms in words, care homes
named in lower case or by a chain and its town, and SSN groups split over messages."""

from __future__ import annotations

import itertools

import pytest

from core.privacy.redaction import redact, redact_continuation


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        # city122, city125, mixe488: a listed town with its accent or apostrophe.
        ("my dad's in Coeur d'Alene, can he do follow up there", ["Coeur", "Alene"]),
        ("he lives in Coeur d\u2019Alene", ["Coeur", "Alene"]),
        ("Española, NM is where my abuela lives", ["Española"]),
        ("my moms info: dot kemp 92 from española", ["española"]),
        ("she moved to Española last year", ["Española"]),
        # addr108, addr096: a numbered street, a corner with one, the apartment after "is".
        ("my apt is 12C at 210 W 98th, elevator is broken so can i still come", ["12C", "98th"]),
        ("corner of Maple and 5th, the brick house with the ramp", ["Maple", "5th"]),
        ("the corner of fifth and Elm", ["fifth", "Elm"]),
        ("its on the corner of 3rd & Main", ["3rd", "Main"]),
        ("my apartment number is 4B", ["4B"]),
        # care157, addr465, care155, care146: a home's unit words, a room in words.
        ("I live at Lutheran Village, cottage 22", ["22"]),
        ("we live at the end of Old Quarry Road, mailbox 14", ["14"]),
        ("la residencia se llama Casa de Paz, habitación 5", ["Paz", "5"]),
        ("he is in room two fourteen at heritage oaks", ["fourteen", "heritage"]),
        # care142, care144: care homes without a capital or a cue word.
        ("bayview rehab & nursing bed 3 by the window", ["bayview", "3"]),
        ("my mom is at bayview rehab & nursing", ["bayview"]),
        (
            "she's in skilled nursing at Good Samaritan Society - Sioux Falls Village",
            ["Samaritan", "Sioux"],
        ),
    ],
)
def test_the_detail_goes(typed: str, gone: list[str]) -> None:
    stored = redact(typed)
    for value in gone:
        assert value not in stored, stored


@pytest.mark.parametrize(
    "typed",
    [
        "the 5th floor",
        "on the 98th day",
        "my 3rd visit, 2 of the 5th graders",
        "the apartment is 3 blocks away",
        "hablo español, la comida española",
        "I'm in a lot of pain, don't know",
        "is physical rehab and nursing covered",
        "the rehab & nursing staff",
        "she's in room 4 after surgery",
        "is there a room one at the clinic",
        "I'm a member of the American Cancer Society",
    ],
)
def test_the_ordinary_words_stay(typed: str) -> None:
    stored = redact(typed)
    assert stored == typed, stored


@pytest.mark.parametrize(
    ("turns", "gone"),
    [
        # ssn268: the groups before the last one, each a message of its own.
        (["do you need my social", "ok its 371", "44", "2104"], ["371", "44", "2104"]),
        (["do you need my social", "ok, 371-44", "2104"], ["371", "44", "2104"]),
        # ssn484: the groups after the first, after "ok and then".
        (["my ssn is 371", "ok and then 44 2108"], ["371", "44", "2108"]),
    ],
)
def test_split_ssn_groups_go(turns: list[str], gone: list[str]) -> None:
    out = [redact(turns[0])] + [redact_continuation(a, b) for a, b in itertools.pairwise(turns)]
    for value in gone:
        assert all(value not in turn for turn in out), out


@pytest.mark.parametrize(
    "turns",
    [
        ["how many floors", "ok its 371"],
        ["which room is it", "ok its 371"],
    ],
)
def test_figures_without_an_ssn_stay(turns: list[str]) -> None:
    assert redact_continuation(turns[0], turns[1]) == turns[1]
