"""A request for a diagnosis is declined, never answered as if the patient had the condition.

Issue 24, outside round 2: "i have bad back pain, do i have a compression fracture?" got the
fracture explanation ending "your doctor can explain your own fracture". The net's decision on
text (our own wordings, never the tester's); the end-to-end case is in
tests/test_tester_round2.py.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.shared.nlu.training_data.message import Message

from addons.safety.diagnosis import DIAGNOSIS_ENTITY, DiagnosisRequestGuard, asks_for_diagnosis
from tests.project import nlu_examples


@pytest.mark.parametrize(
    "text",
    [
        "my lower back has ached for weeks, could I have a spinal fracture?",
        "Do I have osteoporosis?",
        "is this pain a compression fracture",
        "my mum's back is agony, has she broken a vertebra?",
        "could my dad have a broken bone in his back",
        "might it be a fracture",
        "am I suffering from a crush fracture",
        "it's been agony since I fell, have I got a broken back?",
    ],
)
def test_asking_whether_someone_has_the_condition_is_a_diagnosis_request(text: str) -> None:
    assert asks_for_diagnosis(text) == "diagnosis_request"


@pytest.mark.parametrize(
    "text",
    [
        "how do I know if I have a compression fracture",
        "can a compression fracture heal by itself",
        "I have a compression fracture, is this treatment for me?",
        "do I have to stay in hospital overnight",
        "what is a compression fracture",
        "can I have vertebroplasty if I have osteoporosis",
        "does it help with old fractures",
        "have you got a leaflet about it",
        "why do I have a compression fracture?",
        "how can I tell if I have broken a vertebra",
    ],
)
def test_questions_the_page_answers_are_left_to_the_classifiers(text: str) -> None:
    assert asks_for_diagnosis(text) is None


def test_the_net_marks_the_message_for_its_own_reply() -> None:
    message = Message(data={"text": "do i have a fracture in my spine?"})
    message.set("intent", {"name": "compression_fracture", "confidence": 0.9})
    message.set("intent_ranking", [{"name": "compression_fracture", "confidence": 0.9}])
    DiagnosisRequestGuard({}).process([message])
    assert message.get("intent")["name"] == "not_covered"
    assert [e["entity"] for e in message.get("entities")] == [DIAGNOSIS_ENTITY]


def test_no_training_or_held_out_example_of_a_topic_is_caught() -> None:
    caught = [
        (intent, text)
        for source in ("data/nlu.yml", "tests/nlu_heldout.yml")
        for intent, texts in nlu_examples(source).items()
        for text in texts
        if intent != "not_covered" and asks_for_diagnosis(text)
    ]
    assert not caught


@settings(max_examples=300, derandomize=True, deadline=None)
@given(text=st.text(max_size=500))
def test_any_text_gives_the_reason_or_nothing(text: str) -> None:
    assert asks_for_diagnosis(text) in (None, "diagnosis_request")
