"""Round 13's names (issue 21): a carer's name after a carer's word and a possessive.

The outside tester typed "dad's caretaker jovanka will bring him, does she need to stay the
whole time" and found it stored raw: "caretaker", "aide", "sitter", "driver" were no cue, and
a kin word's possessive ("dad's", "moms") was no determiner before one.
"""

from __future__ import annotations

import pytest

from core.privacy.names import NAME_MARK
from core.privacy.redaction import redact


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("dad's caretaker jovanka will bring him", "jovanka"),
        ("moms aide jovanka will come with her", "jovanka"),
        ("our home health aide ifeoma comes daily", "ifeoma"),
        ("my driver tadeusz can take me", "tadeusz"),
        ("my PCA wanjiru helps me shower", "wanjiru"),
        ("dads caretaker Milica drives him", "Milica"),
        ("my personal care assistant oksana will be with me", "oksana"),
    ],
)
def test_a_carers_name_after_a_carers_word_is_masked(text: str, name: str) -> None:
    redacted = redact(text)
    assert name not in redacted
    assert NAME_MARK in redacted


@pytest.mark.parametrize(
    "text",
    [
        "the caretaker said it was fine",
        "my caretaker will bring me",
        "my driver license is expired",
        "my aide is off today",
        "my helper can drive me",
        "Will my nurse Joy be there",
    ],
)
def test_a_carers_word_before_ordinary_words_stays(text: str) -> None:
    assert redact(text) == text
