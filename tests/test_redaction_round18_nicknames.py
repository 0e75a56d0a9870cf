"""Round 18's outside tester: a nickname set off by commas after a kin word, with a size or
age word before the first name ("my pop, little joe,", "my step-dad, big mike,"), was kept."""

from __future__ import annotations

import pytest

from core.privacy.redaction import redact


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("umm so my step-dad, big mike, fell on the ice", "mike"),
        ("my pop, little joe, has the fracture", "joe"),
        ("our neighbour, old tom, drives me", "tom"),
    ],
)
def test_a_nickname_between_commas_after_a_kin_word_is_masked(text: str, gone: str) -> None:
    redacted = redact(text)
    assert gone not in redacted, redacted


@pytest.mark.parametrize(
    "text",
    [
        "my son, little by little, is getting better",
        "my pop, old as he is, still walks",
        "my neighbour, big help, drives me",
    ],
)
def test_words_between_commas_that_are_no_nickname_stay(text: str) -> None:
    assert redact(text) == text
