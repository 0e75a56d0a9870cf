"""Slips of the page's topic words are corrected before the classifiers read a message.

Issue 24, outside round 2: a success-rate question typed with "sucess" and "vertebroplasy"
got the clarifying question instead of the 90 % answer. Our own misspellings here; the
end-to-end case is in tests/test_tester_round2.py.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.focus import QuestionFocus, full_text
from addons.safety.language import english_words
from addons.safety.spelling import TOPIC_WORDS, correct_topic_words, slip_table


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("how sucessful is vertebroplsty", "how successful is vertebroplasty"),
        (
            "whats the recovry like after the procedue",
            "whats the recovery like after the procedure",
        ),
        ("is it coverd by medicre", "is it covered by medicare"),
        ("risk of complicatons", "risk of complications"),
        ("Is The Sucess Rate good", "Is The success Rate good"),
    ],
)
def test_one_slip_in_a_topic_word_is_corrected(typed: str, read: str) -> None:
    assert correct_topic_words(typed) == read


@pytest.mark.parametrize(
    "text",
    [
        "is it covered by medicaid",
        "does it help my cemented hip",
        "preparing for it",
        "why do I need vertebral augmentation",
    ],
)
def test_english_words_are_never_changed(text: str) -> None:
    assert correct_topic_words(text) == text


def test_the_classifiers_read_the_corrected_words_and_the_nets_the_message_as_typed() -> None:
    message = Message(data={"text": "wot is the sucess rate"})
    QuestionFocus({}).process([message])
    assert message.get("text") == "wot is the success rate"
    assert full_text(message) == "wot is the sucess rate"


def test_no_slip_read_as_a_topic_word_is_an_english_word_or_a_topic_word() -> None:
    english = english_words()
    table = slip_table(TOPIC_WORDS)
    assert table and not [slip for slip in table if slip in english or slip in TOPIC_WORDS]


@settings(max_examples=300, derandomize=True, deadline=None)
@given(text=st.text(max_size=400))
def test_any_text_keeps_its_shape(text: str) -> None:
    """Only whole words are swapped: the rest of the text, and a second pass, are unchanged."""
    once = correct_topic_words(text)
    assert correct_topic_words(once) == once
    assert len(once.split()) == len(text.split())
