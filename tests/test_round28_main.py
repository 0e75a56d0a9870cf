"""Round 28's outside tester (issue 21), fixed on main: what the rounds' helpers did not own."""

from __future__ import annotations

import pytest

from core.privacy.names import NAME_MARK
from core.privacy.redaction import redact, redact_continuation


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


@pytest.mark.parametrize(
    ("text", "detail"),
    [("my pİn is 4481", "4481"), ("wrİte to bob_x", "bob_x"), ("PİN: 7731", "7731")],
)
def test_a_dotted_capital_i_opens_the_gates_its_pattern_reads(text: str, detail: str) -> None:
    """`re.IGNORECASE` reads "İ" (U+0130) as "i", but str.casefold made it "i" and a combining
    dot: the gate found no word "pin" and hid the pattern's match (found by cpu-a)."""
    assert detail not in redact(text)
