"""Round 29 (helper r29p): lower-case word towns before a state, a town alone answering a
question of where, spaced ZIPs, care homes beside their units, the day a stay ends, and
details split over messages (round 29's ids in the comments;
core/privacy/round29_places_homes_splits.py, homes_rooms_and_own_towns.BRAND_STAY)."""

from __future__ import annotations

import pytest

from core.privacy.redaction import redact, redact_continuation

LEAKS = [
    ("we live in independence mo", ["independence"]),  # city-009
    ("i am from commerce texas", ["commerce"]),  # city-017
    ("my mom lives in liberty mo, is that far", ["liberty"]),
    ("we are from hope arkansas", ["hope"]),
    ("is there a clinic closer to 9 0 2 1 0", ["9 0 2 1 0"]),  # zip-004
    ("my zip is 0 6 0 1 0", ["0 6 0 1 0"]),
    ("Mom lives at Brookdale Oak Park, do they send her records?", ["Oak", "Park"]),  # ch-002
    ("dad is staying at Atria Willow Glen now", ["Willow", "Glen"]),
    ("Heritage Pointe, apt 118", ["Heritage", "Pointe", "118"]),  # care_home-007
    ("Mom is at Heritage Pointe, apt 118 since may", ["Heritage", "Pointe", "118"]),
    ("she is at Willow Creek Rehab until the 20th", ["Willow", "20th"]),  # care_home-009
    ("dad's staying at Maple Grove Manor till March 3", ["Maple", "March 3"]),
    ("Lakeview Terrace wing C room 9", ["Lakeview", "wing C", "room 9"]),  # care_home-012
    ("Label: VOSS, EDNA  MRN#5520931  Rm 4B  Room 4B Sunny Acres", ["Sunny", "4B"]),  # mix-009
    ("Oakridge Manor, unit 12B", ["Oakridge", "12B"]),
    ("email is hazel", ["hazel"]),  # split-006 (its first message)
    ("my email address is gwendolyn", ["gwendolyn"]),
]

SPLITS = [
    ("how far is the hospital", "from tupelo", ["tupelo"]),  # city-019
    ("where are you coming from", "kalamazoo", ["kalamazoo"]),
    ("dob", "4/", ["4/"]),  # split-002
    ("4/", "17/1938", ["17/1938"]),
    ("my medicare", "is 7KP3", ["7KP3"]),  # split-005
    ("is 7KP3", "-RT6-WQ22", ["RT6", "WQ22"]),
    ("her medicare number", "it's 2HT8-", ["2HT8"]),
]

KEPT = [
    "we live in Connecticut",
    "I am from Texas",
    "we drove in from independence day traffic",
    "I live in the same town as my sister",
    "my email is down",
    "my email is fine",
    "email is best",
    "rate my pain 1 2 3 4 5",
    "Is Bristol Hospital room 306 private?",
    "room 4 at Memorial Park Hospital",
    "she is in pain until the 20th",
    "the pharmacy is closed until the 20th",
    "Which wing is radiology in",
    "Is the visitor parking near the North Tower?",
]

KEPT_SPLITS = [
    ("how far is the hospital", "from home"),
    ("where do I park", "in the garage"),
    ("dob", "4 pills a day"),
    ("my medicare", "is fine"),
    ("how long will it take", "2 hours"),
]


@pytest.mark.parametrize(("text", "values"), LEAKS)
def test_round29_values_go(text: str, values: list[str]) -> None:
    stored = redact(text)
    for value in values:
        assert value not in stored, (text, stored)
    assert redact(stored) == stored  # one redaction is final (care_home-002)


@pytest.mark.parametrize(("previous", "text", "values"), SPLITS)
def test_round29_split_parts_go(previous: str, text: str, values: list[str]) -> None:
    stored = redact_continuation(previous, text)
    for value in values:
        assert value not in stored, (previous, text, stored)


@pytest.mark.parametrize("text", KEPT)
def test_round29_look_alikes_stay(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(("previous", "text"), KEPT_SPLITS)
def test_round29_split_look_alikes_stay(previous: str, text: str) -> None:
    assert redact_continuation(previous, text) == text
