"""The page's own words when no topic fits (issue 24): which passage, and when never.

Why: a quoted passage that does not answer is as bad as a wrong topic, and some questions must
keep their hand-off whatever sentence looks close (costs, fasting, medicines, driving; red
flags and other procedures have their own nets). These tests build the component's index from
domain.yml, as `rasa train` does, and run its decision on hand-made classifier outputs: no
trained model needed.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.passages import (
    ENTITY,
    PagePassageAnswer,
    PassageIndex,
    domain_passages,
    passage_topics_by_id,
    words,
)
from tests.project import load_yaml


@pytest.fixture(scope="module")
def domain() -> dict[str, Any]:
    return dict(load_yaml("domain.yml"))


@pytest.fixture(scope="module")
def component(domain: dict[str, Any]) -> PagePassageAnswer:
    index = PassageIndex.build(domain_passages(domain), passage_topics_by_id(domain))
    return PagePassageAnswer(PagePassageAnswer.get_default_config(), None, None, index)


def fallback(text: str, ranking: list[tuple[str, float]]) -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": "nlu_fallback", "confidence": 0.6})
    message.set(
        "intent_ranking",
        [{"name": "nlu_fallback", "confidence": 0.6}]
        + [{"name": n, "confidence": c} for n, c in ranking],
    )
    return message


def quoted(component: PagePassageAnswer, message: Message) -> str | None:
    component.process([message])
    values = [e["value"] for e in message.get("entities", []) if e["entity"] == ENTITY]
    return values[0] if values else None


def test_a_question_the_page_answers_in_one_sentence_gets_that_sentence(
    component: PagePassageAnswer, domain: dict[str, Any]
) -> None:
    message = fallback(
        "can a fracture heal without treatment and the pain go away",
        [("compression_fracture", 0.4), ("recovery", 0.2)],
    )
    passage_id = quoted(component, message)
    assert passage_id is not None
    assert "heal without treatment" in domain_passages(domain)[passage_id]


def test_the_quote_replaces_the_clarifying_question(component: PagePassageAnswer) -> None:
    message = fallback(
        "can a fracture heal without treatment and the pain go away",
        [("compression_fracture", 0.4), ("recovery", 0.3)],
    )
    message.set("entities", [{"entity": "clarify_first", "value": "compression_fracture"}])
    assert quoted(component, message) is not None
    assert not [e for e in message.get("entities") if e["entity"].startswith("clarify")]


def test_a_passage_no_classifier_candidate_agrees_with_is_not_quoted(
    component: PagePassageAnswer,
) -> None:
    message = fallback(
        "can a fracture heal without treatment and the pain go away",
        [("insurance_coverage", 0.4), ("hospital_experience", 0.3)],
    )
    assert quoted(component, message) is None


@pytest.mark.parametrize(
    "text",
    [
        "how much does the cost of treatment for a fracture come to",
        "can I drive after the procedure to treat the fracture",
        "should I stop my blood thinners before the cement injection",
        "do I have to fast before the procedure",
    ],
)
def test_what_the_page_cannot_answer_keeps_its_hand_off(
    component: PagePassageAnswer, text: str
) -> None:
    message = fallback(text, [("procedure_steps", 0.4), ("preparation", 0.3)])
    assert quoted(component, message) is None


def test_only_fallbacks_are_ever_quoted(component: PagePassageAnswer) -> None:
    """A confident topic, a red flag or another procedure keeps its own reply."""
    for intent in ("compression_fracture", "emergency", "not_covered"):
        message = fallback("can a fracture heal without treatment and the pain go away", [])
        message.set("intent", {"name": intent, "confidence": 1.0})
        assert quoted(component, message) is None


@settings(max_examples=150, derandomize=True, deadline=None)
@given(text=st.text(max_size=400))
def test_any_text_is_read_without_error(component: PagePassageAnswer, text: str) -> None:
    assert all(isinstance(word, str) and word for word in words(text))
    passage_id = quoted(component, fallback(text, [("compression_fracture", 0.4)]))
    assert passage_id is None or passage_id.startswith("p")
