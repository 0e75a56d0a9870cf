"""Round 15 (r15p): towns an outside tester found stored raw, each a class with phrasings of
our own, and words that must stay (a state, the hospital's town, "from Medicare")."""

from __future__ import annotations

import pytest

from core.privacy.identifiers import ADDRESS_MARK
from core.privacy.redaction import redact, redact_continuation


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # 1. "from" a town in a sentence about travel
        ("its about an hour for my daughter from Wolcott", "Wolcott"),
        ("its a long ride for us from Cheshire", "Cheshire"),
        ("my granddaughter flies in from Wethersfield", "Wethersfield"),
        # 2. a town before "resident", "native", "born and raised", "local"
        ("lifelong Newington resident here", "Newington"),
        ("I am a Meriden native", "Meriden"),
        ("we are Canton born and raised", "Canton"),
        # 3. Spanish and Italian
        ("mi esposo y yo somos de Meriden", "Meriden"),
        ("mia madre vive a Torrington", "Torrington"),
        ("io sono di Waterbury", "Waterbury"),
        # 4. a town opening a sentence before "is where we live" / "is home"
        ("Goshen is where they are", "Goshen"),
        ("thanks. Plymouth is home for us", "Plymouth"),
        # 5. a home in a town, a pick-up in a town
        ("i'm staying at my son's condo in Avon", "Avon"),
        ("our house in Terryville has stairs", "Terryville"),
        ("drop off is in Thomaston please", "Thomaston"),
        # 6. over the line / across the river
        ("we're just across the river in Glastonbury", "Glastonbury"),
        ("she's over the border in Granby", "Granby"),
        # 7. a town after a label, a county
        ("city: Waterbury", "Waterbury"),
        ("my town is Prospect", "Prospect"),
        ("my aunt is in Windham county", "Windham"),
    ],
)
def test_a_town_after_a_round_15_cue_is_masked(text: str, town: str) -> None:
    assert town not in redact(text)
    assert ADDRESS_MARK in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm in pain",
        "the bill came from Medicare",
        "my son flies in from Florida",
        "Bristol is where the hospital is",
        "is the clinic in Bristol",
        "the fracture area",
        "a 40 min drive from the hospital",
        "it's a 10 minute drive from Bristol Hospital",
        "a long way from Dr. Patel's office",
        "she's a local",
        "es de noche",
    ],
)
def test_words_after_a_round_15_cue_stay(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # 11. a house number, a street name and a street word one slip off
        ("we are at 77 Wolcot Strret", "77"),
        ("mail it to 41 Cedar Crcle", "41"),
        ("it is 3021 Ridgewood Cirle", "3021"),
        ("19 Pine Drve", "19"),
        ("my house is 5 Birch Hill Raod", "5"),
    ],
)
def test_a_house_number_before_a_misspelled_street_word_is_masked(text: str, gone: str) -> None:
    assert gone not in redact(text)
    assert ADDRESS_MARK in redact(text)


@pytest.mark.parametrize(
    "text", ["I took 2 Advil Tablets", "I have 3 Good Days", "we had 2 Great Drives"]
)
def test_a_number_before_words_that_are_no_street_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("previous", "text", "town"),
    [
        # 8. a cue of where one lives broken off after "in" / "near" / "from"
        ("my parents moved here from", "Scranton, they are 90", "Scranton"),
        ("we stay out in", "Granby most of the year", "Granby"),
        ("our house is just past the school in", "Terryville. is parking free", "Terryville"),
    ],
)
def test_a_town_opening_the_message_after_a_split_cue_is_masked(
    previous: str, text: str, town: str
) -> None:
    assert town not in redact_continuation(previous, text)
    assert ADDRESS_MARK in redact_continuation(previous, text)


@pytest.mark.parametrize(
    ("previous", "text"),
    [
        ("I'm in", "Florida till april"),
        ("is the clinic in", "Bristol?"),
        ("I'm in", "Pain"),
        ("my daughter lives near", "Hartford Hospital"),
    ],
)
def test_words_opening_the_message_after_a_split_cue_stay(previous: str, text: str) -> None:
    assert redact_continuation(previous, text) == redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # 10. a cued house number and street name ending the message
        ("can you mail the bill to 88 Hemlock", "88 Hemlock"),
        ("please ship the brace to 412 Tunxis", "412 Tunxis"),
        ("sent the check to 7 Quarry Ridgeview", "7 Quarry"),
    ],
)
def test_a_cued_house_number_ending_the_message_is_masked(text: str, gone: str) -> None:
    assert gone not in redact(text)
    assert ADDRESS_MARK in redact(text)


@pytest.mark.parametrize(
    ("previous", "text", "street"),
    [
        ("can you mail the bill to 88 Hemlock", "Rd. thanks", "Rd"),
        ("please ship the brace to 412 Tunxis", "Avenue if that helps", "Avenue"),
    ],
)
def test_a_street_word_opening_the_message_after_a_cued_number_is_masked(
    previous: str, text: str, street: str
) -> None:
    assert street not in redact_continuation(previous, text)
    assert ADDRESS_MARK in redact_continuation(previous, text)


@pytest.mark.parametrize(
    ("previous", "text"),
    [("I take 2 Tylenol", "Way too much?"), ("send me 2 Copies", "Drive safe")],
)
def test_a_street_word_after_no_cued_number_stays(previous: str, text: str) -> None:
    assert redact("send me 2 Copies") == "send me 2 Copies"
    assert redact_continuation(previous, text) == redact(text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # 9. two streets that meet, in a message that says where one lives
        ("our place is where Birch Hollow Lane meets Chippens Hill Road", "Birch Hollow"),
        ("my house is where Maple Ave and Elm St meet", "Maple"),
        ("we live where Jerome Ave meets Pine Ridge Drive", "Jerome"),
    ],
)
def test_streets_meeting_where_one_lives_are_masked(text: str, gone: str) -> None:
    assert gone not in redact(text)
    assert ADDRESS_MARK in redact(text)
