"""Round 16 (r16p): places an outside tester found stored raw, each a class with phrasings of
our own: a town in a clause that says where a person lives, a house number in words before a
street word with no cue, a room or bed of the place a person stays; and what must stay (the
hospital's towns in questions about the hospital or getting there, the hospital's rooms)."""

from __future__ import annotations

import pytest

from core.privacy.identifiers import ADDRESS_MARK
from core.privacy.redaction import redact


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # a person and a word of staying or living in one clause
        ("my grandma stays in Naugatuck with my cousin", "Naugatuck"),
        ("mom is staying in Granby over the holidays", "Granby"),
        ("my father stays in Plainville most weeks", "Plainville"),
        ("dad's assisted living home is in Newington, is that far", "Newington"),
        ("her nursing home is in Southington, can you call them", "Southington"),
        ("we recently moved to Wolcott from Cheshire", "Cheshire"),
        ("we recently moved to Wolcott from Cheshire", "Wolcott"),
        ("born in Ohio but these days my home's in Harwinton", "Harwinton"),
        # the town before a word that says one is of it
        ("we're Plymouth folks, my husband uses a walker", "Plymouth"),
        ("I'm a Thomaston gal, born here", "Thomaston"),
        ("we're a Terryville household, is that close", "Terryville"),
        # a family named by its town
        ("the Nowaks of Burlington, that's our family", "Burlington"),
        # Polish: a verb of living names its person
        ("mieszkam w Waterbury od lat", "Waterbury"),
    ],
)
def test_town_in_a_clause_of_where_one_lives_goes(text: str, town: str) -> None:
    out = redact(text)
    assert town not in out, out
    assert ADDRESS_MARK in out


@pytest.mark.parametrize(
    "text",
    [
        "Is Southington the closest hospital site?",
        "Plymouth site or Bristol site, which has parking",
        "Can we come from Meriden by train?",
        "can my son come from Waterbury by bus",
        "been going to Bristol for years",
        "Southington people are so friendly",
    ],
)
def test_hospital_towns_in_questions_about_getting_here_stay(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("sixty-two birch street, apartment three", "birch"),
        ("eighty eight walnut ave is mom's", "walnut"),
        ("fourty one spring hill rd", "spring hill"),
        ("ninety nine vine st", "vine"),
        ("twenty-two pond road plainville is where she is", "plainville"),
    ],
)
def test_house_number_in_words_before_a_street_word_goes(text: str, raw: str) -> None:
    out = redact(text)
    assert raw not in out, out
    assert ADDRESS_MARK in out


@pytest.mark.parametrize(
    "text",
    [
        "ten minutes down the road",
        "two blocks past the church",
        "is it one more street after the light",
    ],
)
def test_a_way_measured_in_words_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("mom is at Willow Crest, room 9, will you call her", "room 9"),
        ("mom is at Willow Crest, room 9, will you call her", "Willow Crest"),
        ("grandpa lives at 40 Park Ave, bed 2, Plainville", "bed 2"),
        ("mail it to Cedar Ridge rehab, room 118, 77 Oak St", "room 118"),
    ],
)
def test_room_or_bed_of_where_a_person_stays_goes(text: str, raw: str) -> None:
    out = redact(text)
    assert raw not in out, out


@pytest.mark.parametrize(
    "text",
    ["she is in bed 4 on ward 7", "we're in room 12 at the st francis, which entrance"],
)
def test_hospital_rooms_stay(text: str) -> None:
    assert redact(text) == text
