"""Round 24's report, fixed in round 25 (helper r25f): first names typed in lower case where the
context names a person (a kin word's name closing the sentence, a staff role's name, a short
first name and a surname, a first name before a masked surname, a labelled name), a word town
before its state's code, a house number before a masked road, "<Name> Home at <Place>", a
month alone after a cue of birth, a Medicare number read out, invisible characters in a name."""

from __future__ import annotations

import re

import pytest

from core.privacy.redaction import redact, redact_continuation


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+|\d+", text.lower()))


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        # name071: a kin word's first name closing the message or its sentence.
        ("i have a question from my mom pat", ["pat"]),
        ("question about my dad bill. he is worried", ["bill"]),
        ("this is for my sister sue!", ["sue"]),
        ("please call my son ed.", ["ed"]),
        # name051: a staff role, then a first name that is no English word (and a surname).
        ("the scheduler luz gave me a time but i forgot it", ["luz"]),
        ("the receptionist kiana said to come at 8", ["kiana"]),
        # name088: after a kin word, a short first name and a word in no list.
        ("my husband al capp cant walk since the fall", ["al", "capp"]),
        # name024: a lower-case first name before a masked surname.
        ("hi this is june parker from the 2nd floor, will it hurt", ["june", "parker"]),
        # mixe488: after a label of someone's details, a first name and a word in no list.
        ("my moms info: dot kemp 92 from española", ["dot", "kemp", "92"]),
        # city134: an ordinary word before a state's code, where someone lives or is from.
        ("my mother lives alone in Opportunity WA, can she go home same day", ["opportunity"]),
        ("we moved to Hope AR last year", ["hope"]),
        ("my dad is from Hope AR", ["hope"]),
        ("my dad lives in Hope ND now", ["hope"]),
        # addr105: a house number before a masked road.
        ("we are in the blue house at 600 county road 12", ["600"]),
        ("they live at 12 county road 5", ["12"]),
        # care153: "<Name> Home at / of <Place>".
        ("Lives at Hebrew Home at Riverdale, needs an interpreter for Yiddish", ["riverdale"]),
        # mixe354: a zero-width space inside a name.
        ("D\u200boris Hamm\u200bond needs to know about fasting", ["oris", "ond", "doris"]),
    ],
)
def test_the_detail_goes(typed: str, gone: list[str]) -> None:
    stored = redact(typed)
    left = _words(stored)
    for value in gone:
        assert value not in left, stored


@pytest.mark.parametrize(
    ("previous", "typed", "gone"),
    [
        ("my dads birthday is", "feb", "feb"),  # date194
        ("her dob", "March.", "March"),
        ("i was born in", "june", "june"),
        ("do you need my medicare number", "one E G four, T E five, M K seven five", "E G"),
    ],
)
def test_the_part_after_a_cue_goes(previous: str, typed: str, gone: str) -> None:
    stored = redact_continuation(previous, typed)
    assert gone not in stored, stored


@pytest.mark.parametrize(
    "typed",
    [
        "is this safe for my mom too",
        "can you call my dad please",
        "my mom also",
        "is it ok for my mom ok?",
        "can i bring my son will",
        "the nurse said to fast",
        "the scheduler gave me a time",
        "the tech was nice",
        "the lady at the desk was kind",
        "my husband is very sick",
        "my dad so tired",
        "my mom cant walk",
        "info: call back tomorrow",
        "patient: pain level high",
        "I have no Hope WA",
        "i am in Pain OK",
        "had my MRI in March CT",
        "results in Radiology MD",
        "in Pain TX",
        "it takes 2 hours to get there",
        "Welcome Home at Last",
        "I will be Home on Monday",
        "Going Home at Noon",
        "does medicare pay if it is one or two levels, T and L spine",
        "take one a day for two weeks",
        "grandma rose from her chair and fell back",
    ],
)
def test_ordinary_words_stay(typed: str) -> None:
    assert redact(typed) == typed


@pytest.mark.parametrize(
    ("previous", "typed"),
    [
        ("my dads birthday is", "may"),
        ("my dads birthday is", "soon"),
        ("when is the procedure", "feb"),
        ("does medicare pay for it", "one level, T five, maybe two"),
    ],
)
def test_ordinary_replies_stay(previous: str, typed: str) -> None:
    assert redact_continuation(previous, typed) == typed


def test_an_emoji_sequence_keeps_its_joiner() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467 thanks"
    assert redact(family) == family
