"""Round 21's outside tester, places (helper r21p): towns that are words or carry punctuation,
care homes without a word for homes, their rooms in other forms, house numbers without a street
word, the parts of a split address or room; and ordinary questions that name a road or a street
of a service, which stay (docs/privacy.md, round 21)."""

from __future__ import annotations

import itertools
import re

import pytest

from core.privacy.redaction import redact, redact_continuation
from tests.split_turns import stored_turns

LEAKS = [
    # the tester's messages (results.md ids)
    ("I'm from st. cloud", ["st. cloud", "cloud"]),  # city-010
    ("my son lives in Hope, Arkansas and can't come", ["Hope"]),  # city-016
    ("We're out in Coeur d'Alene for the winter", ["Coeur d'Alene", "Alene"]),  # city-017
    ("2 hrs from paradise, ca", ["paradise"]),  # city-018
    ("my name is Lucia and I was born 8/8/1939 in Naples", ["Naples"]),  # mixed-013
    ("he lives at sunrise of oak park, rm 3", ["sunrise", "oak park", "rm 3"]),  # care_home-002
    ("Heritage Pointe assisted living apt 118", ["Heritage", "Pointe", "118"]),  # care_home-003
    ("she's at the Willows, rm 22B", ["Willows", "22B"]),  # care_home-006
    ("mi papá vive en Casa de Paz, cuarto 9", ["Paz", "cuarto 9"]),  # care_home-010
    ("memory care at Arbor Glen, room one-oh-four", ["Arbor", "one-oh-four"]),  # care_home-011
    ("she's in 312 at Lakeshore", ["312", "Lakeshore"]),  # care_home-012
    (
        "my dad is at shady oaks and the staff there want to know what to do after",
        ["shady oaks"],
    ),  # care_home-013
    (
        "The Gardens at Fox Run is her home, can their nurse call you",
        ["Gardens at", "Fox Run"],
    ),  # care_home-014
    ("N6054 County Road K, that's where we live", ["N6054", "County Road K"]),  # address-008
    ("1600-B Cottonwood Dr", ["1600", "Cottonwood"]),  # address-010
    ("my house is 14 Chestnut, the blue one by the school", ["14", "Chestnut"]),  # address-020
    # new wordings of the same classes
    ("we head back to Lodi on Sunday", ["Lodi"]),
    ("I grew up in Ft. Myers", ["Myers"]),
    ("we're out in Ft. Myers for the winter", ["Myers"]),
    ("my brother lives near Hope, Arkansas", ["Hope"]),
    ("grandma's at Willowbrook now", ["Willowbrook"]),
    ("he is living at pine ridge since march", ["pine ridge"]),
    ("mom is in 214B at Brookdale, can she come", ["214B", "Brookdale"]),
    ("Cedar Crest nursing home, room 12, can they send the forms", ["Cedar Crest", "12"]),
    ("she lives at the Maples, bed twenty two", ["twenty two"]),
    ("our place is 88 Birchwood, near the church", ["88", "Birchwood"]),
    ("they live at 7-C Orchard Ln", ["7-C", "Orchard"]),
    ("W1234 County Hwy KK is the farm", ["W1234", "KK"]),
]

SPLITS = [
    # split-007, care_home-016, address-016 and new wordings
    (["she is in room", "214", "at Meadowview"], ["214", "Meadowview"]),
    (["she lives in a home", "the Heatherwood one", "room 31"], ["Heatherwood", "31"]),
    (
        ["my address for the letter", "3307 Kensington", "Boulevard, apartment 4"],
        ["3307", "Kensington", "Boulevard"],
    ),
    (["how long is the drive you recommend after?", "we go back to Lodi"], ["Lodi"]),
    (["he is in apartment", "12B"], ["12B"]),
    (["dad is at Shady Pines", "rm 7"], ["Shady Pines", "rm 7"]),
]

KEPT = [
    # the tester's ordinary questions (ordinary-007, -054, -055, -061)
    "Is the clinic off Route 8?",
    "Is Highway 12 closed near the hospital?",
    "Does Rehab come to my house?",
    "Will the Rehab center on Main Street take me?",
    # look-alikes of the new rules
    "we live in hope",
    "I have hope, Virginia",
    "I'm fine, ok",
    "we go back to work on Monday",
    "can I go back to Hartford by bus the same day?",
    "she's in St. Francis Hospital",
    "she is at peace now",
    "my dad is at the park",
    "she's in good hands",
    "he's at Walmart",
    "the Oakwood nursing home is near the Lakeside clinic",
    "I'm at the Maplewood assisted living on Riverside, room 3",
    "she is in room 214",
    "she's at Bristol Hospital, room 306",
    "my house is 20 minutes away",
    "My house is 2 Miles from the hospital",
    "Is the pharmacy on Elm Street open late?",
    "Is County Road K closed?",
    "is route 8 backed up in the morning?",
    "Can the Rehab office near Exit 31 see me?",
    "Does Physical Therapy come to my house?",
    "I was born in Florida",
]


def _gone(value: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text, re.IGNORECASE) is None


@pytest.mark.parametrize(("text", "values"), LEAKS)
def test_place_is_masked(text: str, values: list[str]) -> None:
    stored = redact(text)
    for value in values:
        assert _gone(value, stored), (text, stored)
    assert redact(stored) == stored


@pytest.mark.parametrize(("turns", "values"), SPLITS)
def test_split_place_is_masked(turns: list[str], values: list[str]) -> None:
    pairwise = [redact(turns[0])] + [
        redact_continuation(prev, cur) for prev, cur in itertools.pairwise(turns)
    ]
    for reloads in [(False,) * len(turns), (True,) * len(turns)]:
        transcript, question_log = stored_turns(turns, reloads)
        for stored in (pairwise, transcript, question_log):
            joined = " \n ".join(stored)
            for value in values:
                assert _gone(value, joined), (turns, stored)


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_text_is_kept(text: str) -> None:
    assert redact(text) == text
