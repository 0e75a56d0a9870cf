"""Round 26 (r26b): names alone after a greeting, a family's name in capitals, a surname that
is a word after a masked first name, a name answering a name question in the next message,
the writer's own name in Arabic and Hebrew, role words before "'s number", and one
redaction being final (the question log redacts the stored turn again)."""

from __future__ import annotations

import re

import pytest

from core.privacy.redaction import redact, redact_continuation

LEAKS = [
    ("Hi. Summer. Question about driving after", ["Summer"]),  # nam032
    ("Hi. Autumn. Mum of Robin.", ["Autumn", "Robin"]),  # nam423
    ("Hello. Grace. Can I eat before?", ["Grace"]),
    ("Good morning. Hope. Is it safe to fly?", ["Hope"]),
    ("WE ARE THE MCALLISTERS, OUR MOM NEEDS THE PROCEDURE", ["MCALLISTERS"]),  # nam296
    ("THE HENDERSONS would like a tour", ["HENDERSONS"]),  # nam422
    ("WE'RE THE GONZALEZES, DAD HAS A FRACTURE", ["GONZALEZES"]),
    ("أنا فاطمة الزهراء، هل الإجراء مؤلم؟", ["فاطمة", "الزهراء"]),  # nam052
    ("انا محمد، متى الموعد؟", ["محمد"]),
    ("שמי רבקה כהן, האם זה כואב", ["רבקה", "כהן"]),  # nam426
    ("קוראים לי אורלי, מתי התור", ["אורלי"]),
    ("its Hyacinth Bucket, 14 Blossom Ave, email hyacinth@example.org", ["Hyacinth", "Bucket"]),
    ("I'm Peregrine Window, about my scan", ["Peregrine", "Window"]),
    # One redaction is final: the question log redacts the transcript's text again.
    ("Tell Dr Reyes that Harriet in Joliet called", ["Harriet", "Joliet"]),  # mix483
    ("from apt 4 at 220 Maple, born 6/1/31", ["220 Maple"]),  # mix263
    ("apt 3 at 77 Larch, second floor", ["77", "Larch"]),
]


def _gone(values: list[str], text: str) -> list[str]:
    return [v for v in values if re.search(rf"(?<!\w){re.escape(v)}(?!\w)", text, re.I)]


@pytest.mark.parametrize(("text", "values"), LEAKS)
def test_the_values_are_masked(text: str, values: list[str]) -> None:
    once = redact(text)
    assert _gone(values, once) == []
    assert redact(once) == once  # the question log's second redaction finds nothing more


SPLIT = [
    ("name?", "Barnaby", ["Barnaby"]),  # nam425
    ("my mothers name", "is Euphemia", ["Euphemia"]),  # spl248
    ("what name?", "Marigold", ["Marigold"]),
]


@pytest.mark.parametrize(("previous", "text", "values"), SPLIT)
def test_a_name_answering_a_name_question(previous: str, text: str, values: list[str]) -> None:
    assert _gone(values, redact_continuation(previous, text)) == []


KEPT = [
    "Hi. Fine. Question about driving after",
    "Hi. Sorry. Is it painful?",
    "Hello. Quick question about fasting",
    "Hi. Ok. Thanks",
    "THE NURSES would like a tour",
    "THE RESULTS came back fine",
    "WE ARE THE PATIENTS OF DR KIM",
    "my carer's number is [phone removed]",
    "my son's number is [phone removed]",
    "it's [name removed] Again, sorry",
    "I'm [name removed] Thanks.",
    "أنا مريض، هل الإجراء مؤلم؟",
    "אני צריכה לדעת מתי התור",
]


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_look_alikes_stay(text: str) -> None:
    assert redact(text) == text


KEPT_SPLIT = [
    ("brand name?", "Prolia"),
    ("the surgeon's name?", "Dr Patel"),
    ("name?", "thanks"),
    ("my mothers name", "is on the form"),
]


@pytest.mark.parametrize(("previous", "text"), KEPT_SPLIT)
def test_ordinary_answers_stay(previous: str, text: str) -> None:
    assert redact_continuation(previous, text) == text


def test_a_role_word_before_a_phone_stays() -> None:
    assert redact("my carer's number is 312-555-0160") == "my carer's number is [phone removed]"
