"""Round 16 (r16a): ages over 89, dates and phones an outside tester found stored raw or cut,
each a class with phrasings of our own, and words beside them that must stay."""

from __future__ import annotations

import pytest

from core.privacy.identifiers import AGE_MARK, DATE_MARK, EMAIL_MARK, PHONE_MARK
from core.privacy.redaction import redact


@pytest.mark.parametrize(
    ("text", "age"),
    [
        # "ninety" mistyped
        ("my grandad is nintey three and stubborn", "nintey three"),
        ("he's ninty-seven", "ninty-seven"),
        ("nana is nienty eight", "nienty eight"),
        ("she'll be ninetey one in may", "ninetey one"),
        # a letter O for the zero
        ("mum is 9O years old", "9O"),
        ("dad is 9o yrs old", "9o"),
        # a round birthday, "the big ..."
        ("she's about to hit the big 100 and wants a party", "100"),
        ("grandpa turned the big 9-0 in june", "9-0"),
        ("my aunt turns the big one oh oh soon", "one oh oh"),
        ("celebrating the big ninety-two this week", "ninety-two"),
        # Haitian Creole, Vietnamese
        ("papa m gen katreven-sèz an", "katreven-sèz"),
        ("manman mwen gen katreven kenz ane", "katreven kenz"),
        ("bà tôi chín mươi lăm tuổi", "chín mươi lăm"),
        ("mẹ tôi 93 tuổi", "93"),
        # nine decades of a life
        ("she's 9 decades old this year", "9 decades"),
        ("nine decades on this earth and still sharp", "nine decades"),
    ],
)
def test_an_age_over_89_said_another_way_goes(text: str, age: str) -> None:
    out = redact(text)
    assert age not in out and AGE_MARK in out


@pytest.mark.parametrize(
    "text",
    [
        "the big 90 minute surgery scared me",
        "three out of ten pain today",
        "is the ninth floor the right one?",
        "the big one is on monday",
    ],
)
def test_numbers_that_are_no_age_or_date_stay(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("li fèt 3 janvye 1941", "3 janvye"),
        ("dat nesans li se 22 out 1939", "22 out"),
        ("fèt 9 desanm", "9 desanm"),
        ("urodzony piętnastego maja 1930", "piętnastego maja"),
        ("data urodzenia: dwudziesty drugi lipca 1931", "drugi lipca"),
        ("she was admitted 23.07. and went home 30.07.", "23.07"),
        ("discharged 02.12. at noon", "02.12"),
    ],
)
def test_a_date_in_another_form_goes(text: str, date: str) -> None:
    out = redact(text)
    assert date not in out and DATE_MARK in out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("my husband lived 8 decades in this town", "8 decades"),
        ("she cared for him 5 decades", "5 decades"),
        ("mwen fèt 12 janvye 1950", "mwen fèt"),
        ("urodzona 7 marca 1936", "urodzona"),
    ],
)
def test_a_month_abbreviation_ends_at_a_word_boundary(text: str, kept: str) -> None:
    out = redact(text)
    assert kept in out
    assert "ades" not in out.replace("decades", "") and "vye" not in out and "rca" not in out


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        ("house phone 475-555-O142", "O142"),
        ("cell 860.555.O1O7 after six", "O1O7"),
    ],
)
def test_a_letter_o_in_a_phones_last_group_goes_with_it(text: str, tail: str) -> None:
    out = redact(text)
    assert tail not in out and PHONE_MARK in out


def test_a_phone_part_before_an_ordinary_word_is_still_a_part() -> None:
    assert redact("my phone 860 555 or later") == f"my phone {PHONE_MARK} or later"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("mój e-mail to babcia.z@wp.pl", "e-mail to "),
        ("o meu email é tia.rosa@sapo.pt", "email é "),
        ("mi email es abuela.m@yahoo.es", "email es "),
        ("meine email ist opa.k@web.de", "email ist "),
    ],
)
def test_a_cues_small_word_before_an_email_stays(text: str, kept: str) -> None:
    out = redact(text)
    assert kept + EMAIL_MARK in out
