"""Round 13 (r13p): towns and address parts an outside tester found stored raw, each a class
with phrasings of our own.

- A word or two between "live(s)" and "in": "We live out in Burlington", "my dad lives alone
  in plymouth".
- "staying with my daughter in Avon", "i stay with my son in Kensington".
- A capitalised place name that is an ordinary word after a strong cue: "We live in Prospect".
- A snowbird's second home: "I winter in Sarasota".
- A place name in a message that says it is where a person lives: "is Southington close to
  you? thats where I live".
- A street name in Title Case after a masked house number and a comma: "House number 17,
  Quarry Hill - can someone pick me up".
- A lot, space or unit number after a masked address: "Maple Ridge trailer park, lot 42".
"""

from __future__ import annotations

import pytest

from core.privacy.identifiers import ADDRESS_MARK
from core.privacy.redaction import redact


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("We live out in Burlington, how long does it take", "Burlington"),
        ("my dad lives alone in plymouth, can he go home", "plymouth"),
        ("we live over in Harwinton so its a drive", "Harwinton"),
        ("she lives right in Terryville near the school", "Terryville"),
        ("my mother lives by herself in Wolcott", "Wolcott"),
        ("they live way out in Canton now", "Canton"),
    ],
)
def test_a_town_after_live_and_a_word_or_two_is_masked(text: str, town: str) -> None:
    assert town not in redact(text)
    assert ADDRESS_MARK in redact(text)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Originally from Naugatuck but staying with my daughter in Avon now", "Avon"),
        ("i stay with my son in Kensington during the week", "Kensington"),
        ("mom stays with her sister in Plainville on weekends", "Plainville"),
        ("im staying with a friend in southington till I heal", "southington"),
        ("he is living with his grandson in Thomaston", "Thomaston"),
    ],
)
def test_a_town_after_staying_with_someone_is_masked(text: str, town: str) -> None:
    assert town not in redact(text)
    assert ADDRESS_MARK in redact(text)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("We live in Prospect, is there a shuttle", "Prospect"),
        ("my parents live in Union and can't drive", "Union"),
        ("she lives in Washington Depot, can she get a ride", "Washington Depot"),
        ("we live in Orange, near the shore", "Orange"),
        ("I'm living in Liberty these days", "Liberty"),
    ],
)
def test_a_capitalised_ordinary_word_after_a_strong_live_cue_is_a_town(
    text: str, town: str
) -> None:
    assert town not in redact(text)
    assert ADDRESS_MARK in redact(text)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("I'm a snowbird, I winter in Sarasota but I'll be back in April", "Sarasota"),
        ("we winter down in Naples most years", "Naples"),
        ("they summer in Kennebunkport, back in september", "Kennebunkport"),
        ("i usually winter in Tucson so the follow up has to wait", "Tucson"),
    ],
)
def test_a_snowbirds_town_is_masked(text: str, town: str) -> None:
    assert town not in redact(text)
    assert ADDRESS_MARK in redact(text)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("is Southington close to you? thats where I live", "Southington"),
        ("Terryville is where we live, is there parking", "Terryville"),
        ("how far is Harwinton, that's where my mom lives", "Harwinton"),
        ("Burlington, that's my town, is it far", "Burlington"),
        ("New Britain is where my dad lives now", "New Britain"),
    ],
)
def test_a_place_named_as_where_one_lives_is_masked(text: str, town: str) -> None:
    assert town not in redact(text)
    assert ADDRESS_MARK in redact(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "House number 17, Quarry Hill - can someone pick me up",
            f"House {ADDRESS_MARK} - can someone pick me up",
        ),
        ("house number 12, Birch Knoll. thanks", f"house {ADDRESS_MARK}. thanks"),
        (
            "House number 88, Tall Timbers, near the church",
            f"House {ADDRESS_MARK}, near the church",
        ),
        ("house 1418, Lake Garda - by the pond", f"house {ADDRESS_MARK} - by the pond"),
        (
            "house number 17, Quarry Hill, Bristol - pick me up",
            f"house {ADDRESS_MARK} - pick me up",
        ),
    ],
)
def test_a_street_in_title_case_after_a_masked_number_is_masked(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I'm in the Maple Ridge trailer park, lot 42 - is parking easy",
            f"I'm in the {ADDRESS_MARK} - is parking easy",
        ),
        ("Shady Pines mobile home park lot #7, can you call", f"{ADDRESS_MARK}, can you call"),
        ("we are at Sunset RV park space 12", f"we are at {ADDRESS_MARK}"),
        ("Cedar Grove trailer court, pad 3B", ADDRESS_MARK),
    ],
)
def test_a_lot_after_a_masked_park_is_masked(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I'm in pain",
        "we live in fear of another fall",
        "we live in a house with stairs",
        "I live alone in a small apartment",
        "stay with me in the room please",
        "can my wife stay with me in the hospital",
        "I have a lot of pain in my back",
        "I took it a lot 42 times",
        "the pain is in the lower back area",
        "she had surgery at Bristol Hospital",
        "is the clinic at Bristol open",
        "we winter in Florida, can I have it done there",
        "is Bristol the nearest hospital to Southington",
        "where do I live my life after this",
        "I'll be back in April",
        "we live with my daughter now",
        "where I live there is no bus",
        "We Live In Hope Of A Cure",
        "we live in harmony with the dog",
    ],
)
def test_ordinary_words_and_the_hospital_stay(text: str) -> None:
    assert redact(text) == text
