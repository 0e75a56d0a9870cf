"""Round 25 (issue 21), fixed on main: what the round's helpers saw beside their own work."""

from __future__ import annotations

import pytest

from core.privacy.redaction import redact


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        # r25d: an age, then a list of readings after the reading's word ("94" had gone as a
        # second age: identifiers.READING_BEFORE stopped at the "90" between).
        ("dad is 93, blood pressure 90 and 94", "dad is [age removed], blood pressure 90 and 94"),
        ("he is 95, sugar was 98 and 99 today", "he is [age removed], sugar was 98 and 99 today"),
        ("mom is 92, her bp 140 over 90 and 95", "mom is [age removed], her bp 140 over 90 and 95"),
    ],
)
def test_readings_in_a_list_after_an_age_stay(typed: str, stored: str) -> None:
    assert redact(typed) == stored


@pytest.mark.parametrize(
    "typed",
    ["my parents are 91 and 94", "Mom is 90+ (92 actually)", "dad is 93, mom is 96"],
)
def test_ages_in_a_list_still_go(typed: str) -> None:
    stored = redact(typed)
    assert not any(age in stored for age in ("91", "94", "92", "93", "96")), stored


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        # r25c saw it: the learned scorer found "Maeve O'Sullivan-Park"; the first "Maeve" was
        # kept (a name the rules find is masked where it is said again; the scorer's were not).
        ("Maeve, no sorry, Maeve O'Sullivan-Park", "Maeve"),
        ("Perpetua, I mean Perpetua Nakashima-Dunn", "Perpetua"),
    ],
)
def test_a_name_the_scorer_finds_goes_where_it_is_said_again(typed: str, gone: str) -> None:
    assert gone not in redact(typed)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        # A name that is also a word after a kin word, then the sentence goes on in lower case:
        # the word ("rose" is capitalised more often than not, so in no list of ordinary words).
        (
            "my mom rose early and her back was stiff",
            "my mom rose early and her back was stiff",
        ),
        ("my wife rose at 6 and fell", "my wife rose at 6 and fell"),
        # The name still goes where the sentence goes on with the person.
        ("my mom rose is 80", "my mom [name removed] is 80"),
        ("my wife ayse", "my wife [name removed]"),
    ],
)
def test_a_kin_word_then_a_verb_that_is_a_name(typed: str, stored: str) -> None:
    assert redact(typed) == stored
