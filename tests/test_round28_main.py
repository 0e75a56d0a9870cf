"""Round 28's outside tester (issue 21), fixed on main: what the rounds' helpers did not own."""

from __future__ import annotations

import pytest

from core.privacy.names import NAME_MARK
from core.privacy.redaction import redact_continuation


@pytest.mark.parametrize(
    ("previous", "text"),
    [
        ("this is", "FERGUS"),  # spli-012: the introduction broken off before the name
        ("hi this is", "Fergus Mcallister"),
        ("this is", "Fergus"),
    ],
)
def test_a_name_alone_after_an_introduction_broken_off_is_masked(previous: str, text: str) -> None:
    assert redact_continuation(previous, text) == NAME_MARK


@pytest.mark.parametrize(
    ("previous", "text"),
    [("this is", "urgent"), ("this is", "Tuesday"), ("is this", "Fergus"), ("this is", "my mom")],
)
def test_words_after_this_is_that_are_no_name_stay(previous: str, text: str) -> None:
    assert redact_continuation(previous, text) == text
