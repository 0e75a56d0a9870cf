"""Round 16 (r16f): identifiers an outside tester found stored raw, each a class with
phrasings of our own, and words beside them that must stay."""

from __future__ import annotations

import pytest

from core.privacy.identifiers import ADDRESS_MARK, EMAIL_MARK, ID_MARK, PHONE_MARK
from core.privacy.names import NAME_MARK
from core.privacy.redaction import redact, redact_continuation


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the neighbour across the road, stanislaw, fell off his ladder", "stanislaw"),
        ("my carer, wojciech, says I should rest", "wojciech"),
        ("our home aide, Precious, does my meds", "Precious"),
        ("the lady next door, bogumila, drives me", "bogumila"),
        ("My Carer, Wojciech, Says I Should Rest", "Wojciech"),
    ],
)
def test_a_name_between_commas_after_a_person_word_goes(text: str, name: str) -> None:
    out = redact(text)
    assert name not in out and NAME_MARK in out


@pytest.mark.parametrize(
    "text",
    [
        "my friend, however, thinks it will pass",
        "my son, sadly, lives away",
        "my husband, bless him, drives me",
        "my daughter, who is a nurse, said to rest",
        "the neighbour, a retired nurse, checks on me",
    ],
)
def test_an_aside_between_commas_stays(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "call me on two oh three, five five five, twelve thirty four",
        "my cell is eight six oh, five five five, oh one nine nine",
        "its nine one four, five five five, twenty two oh six",
        "reach me at four oh one, seven seven two, fifteen sixty",
    ],
)
def test_a_phone_said_in_groups_goes(text: str) -> None:
    out = redact(text)
    assert PHONE_MARK in out
    assert "twelve" not in out and "five five" not in out and "sixty" not in out


@pytest.mark.parametrize(
    "text",
    [
        "it took twenty, thirty, forty five minutes to get there",
        "I counted one, two, three, four steps",
        "pain was a seven, then eight, then nine out of ten",
        "I take two at ten, two at six, one at twelve",
    ],
)
def test_counts_in_words_stay(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "hank dot miller on gmail",
        "hank underscore miller at gmail",
        "hank dot miller arroba gmail",
        "hank dot miller@gmail.com",
        "my email is hank dot miller at gmail dot com",
        "send it to rosa dash linares on yahoo",
    ],
)
def test_a_spelled_email_goes_whole(text: str) -> None:
    out = redact(text)
    assert EMAIL_MARK in out
    assert "hank" not in out and "rosa" not in out and " dot " not in out


def test_a_medicare_number_split_after_medicare_number_is_goes() -> None:
    first = "her medicare number is 7TW8"
    assert redact(first) == f"her medicare number is {ID_MARK}"
    assert redact_continuation(first, "-NP4-KD29") == ID_MARK
    assert redact("my mbi number is 2QK7") == f"my mbi number is {ID_MARK}"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("saw it on Reddit from Barkhamsted folks", "Barkhamsted"),
        ("we used to drive in from Colebrook every week", "Colebrook"),
        ("my sister near Killingworth had the same", "Killingworth"),
    ],
)
def test_an_unlisted_town_after_a_place_word_goes(text: str, value: str) -> None:
    out = redact(text)
    assert value not in out and ADDRESS_MARK in out


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Zbigniew told me it hurts", "Zbigniew"),
        ("Oluwaseun says the pain is better", "Oluwaseun"),
    ],
)
def test_an_unlisted_capitalised_word_opening_a_sentence_goes(text: str, value: str) -> None:
    out = redact(text)
    assert value not in out and NAME_MARK in out


@pytest.mark.parametrize(
    "text",
    [
        "we drive in from Bristol",
        "I winter in Florida",
        "she moved here from Canada",
        "I asked Dr Zbigniewski about it",
        "Kyphoplasty is what they offered",
        "Unfortunately the pain is back",
        "However it hurts more at night",
        "Meanwhile my back is worse",
        "WE DRIVE IN FROM BRISTOL",
    ],
)
def test_kept_words_stay(text: str) -> None:
    assert redact(text) == text
