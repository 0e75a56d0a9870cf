"""A clear question nothing answers is handed off; gibberish keeps the menu (issue 24).

The decision on text and on hand-made pipeline outputs; the end-to-end cases are in
tests/test_tester_round1.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.shared.nlu.training_data.message import Message

from addons.safety.unanswered import UnansweredQuestionHandOff, clear_question


@pytest.mark.parametrize(
    "text",
    [
        "i am on blood thinning tablets does that matter",
        "will i have to see a physiotherapist afterwards",
        "do you also offer kyphoplasty here",
        "Can I bring my husband with me on the day?",
    ],
)
def test_clear_questions_are_recognised(text: str) -> None:
    assert clear_question(text) == "question"


@pytest.mark.parametrize(
    "text",
    ["qwzx plorb vrrk tsktsk", "why?", "hello there", "ok", "blah blah blah blah", ""],
)
def test_gibberish_and_scraps_are_not_clear_questions(text: str) -> None:
    assert clear_question(text) is None


def parsed(text: str, intent: str, entities: list[dict[str, Any]] | None = None) -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": 0.4})
    message.set("intent_ranking", [{"name": intent, "confidence": 0.4}])
    message.set("entities", entities or [])
    return message


def run(message: Message) -> str:
    UnansweredQuestionHandOff({}).process([message])
    return str(message.get("intent")["name"])


def test_a_bare_fallback_that_is_a_clear_question_gets_the_hand_off() -> None:
    assert run(parsed("will i need physiotherapy after it", "nlu_fallback")) == "not_covered"


def test_a_fallback_with_its_own_reply_or_a_topic_is_left_alone() -> None:
    asked = "will i need physiotherapy after it"
    clarify = [{"entity": "clarify_first", "value": "recovery"}]
    passage = [{"entity": "page_passage", "value": "p7"}]
    assert run(parsed(asked, "nlu_fallback", clarify)) == "nlu_fallback"
    assert run(parsed(asked, "nlu_fallback", passage)) == "nlu_fallback"
    assert run(parsed(asked, "recovery")) == "recovery"


@settings(max_examples=200, derandomize=True, deadline=None)
@given(text=st.text(max_size=400))
def test_any_text_gives_a_question_or_nothing(text: str) -> None:
    assert clear_question(text) in (None, "question")
