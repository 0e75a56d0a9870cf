"""Round 25 (r25m): one list for one job. The number words, ordinal days, room words, state
names and month names each rules read are listed once (core/privacy/number_words.py,
word_towns_bare_homes_and_rooms.ROOM_WORDS, identifiers.STATE_NAMES_PATTERN and MONTH_NAME);
where a hand copy lacked words, the rule now reads them all."""

from __future__ import annotations

import pytest

from core.privacy.redaction import redact
from core.privacy.time_answers import masked_place_in_time_answer

GONE = [
    # The worded house number's gate lacked the teens: the pattern never ran.
    ("we live at thirteen fifteen Pine Hollow Drive", ["thirteen", "fifteen", "Pine Hollow"]),
    ("my dad lives at seventeen thirteen Spruce Hill Drive", ["seventeen", "Spruce Hill"]),
    # Round 23's town alone knew ten states by name; it reads them all now.
    ("throop texas", ["throop"]),
    ("pittston georgia", ["pittston"]),
    # "sepember", which the call-back's time answers read as a month, is one in dates too.
    ("she was born sepember 3 1940", ["sepember", "1940"]),
    ("on sepember 4th", ["sepember 4th"]),
]

KEPT = [
    "they put me down for the thirty second",
    "a thirty second wait is fine",
    "thanks texas",
    "ok washington",
    "see you texas",
    "room for improvement",
    "I need a bed near the window",
    "the cama is fine",
]


@pytest.mark.parametrize(("text", "values"), GONE)
def test_round25_r25m_value_is_gone(text: str, values: list[str]) -> None:
    redacted = redact(text)
    for value in values:
        assert value not in redacted, redacted


@pytest.mark.parametrize("text", KEPT)
def test_round25_r25m_ordinary_text_is_kept(text: str) -> None:
    assert redact(text) == text


def test_round25_r25m_month_slip_is_a_time_not_a_place() -> None:
    assert masked_place_in_time_answer("any day in sepember") == "any day in sepember"
