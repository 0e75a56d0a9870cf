"""The red-flag safety net: what it catches, what it leaves to the classifier."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from safety.red_flags import (
    RED_FLAG_KEY,
    RED_FLAG_PATTERNS,
    RedFlagClassifier,
    _compile,
    find_red_flag,
)

PATTERNS = _compile(RED_FLAG_PATTERNS)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("I can't feel my legs", "leg_weakness_or_numbness"),
        ("my legs have gone numb since yesterday", "leg_weakness_or_numbness"),
        ("Mum\u2019s feet are tingling and weak", "leg_weakness_or_numbness"),
        ("he has lost control of his bladder", "bladder_or_bowel_control"),
        ("I can't hold my bowels", "bladder_or_bowel_control"),
        ("I have CHEST PAIN", "chest_pain_or_breathing"),
        ("she is short of breath", "chest_pain_or_breathing"),
        ("I can't breathe properly", "chest_pain_or_breathing"),
        ("running a fever tonight", "fever_or_infected_site"),
        ("the injection site is red and hot", "fever_or_infected_site"),
        ("there is pus around the needle wound", "fever_or_infected_site"),
        ("suddenly I have terrible pain in my back", "sudden_severe_pain"),
        ("excruciating pain that started all of a sudden", "sudden_severe_pain"),
    ],
)
def test_red_flags_are_caught(text: str, flag: str) -> None:
    assert find_red_flag(text, PATTERNS) == flag


@pytest.mark.parametrize(
    "text",
    [
        "what are the risks?",
        "is vertebroplasty safe for my dad",
        "how long does the pain relief last",
        "my mother has severe back pain from a fracture, can it help?",
        "when can I walk again",
        "how long does it take for the cement to harden",
        "",
        None,
    ],
)
def test_ordinary_questions_are_left_to_the_classifier(text: str | None) -> None:
    assert find_red_flag(text, PATTERNS) is None


def test_component_raises_the_message_to_emergency() -> None:
    component = RedFlagClassifier({})
    message = Message(data={TEXT: "my legs are numb, how long is recovery?"})
    message.set(INTENT, {"name": "recovery", "confidence": 0.97})
    message.set(INTENT_RANKING_KEY, [{"name": "recovery", "confidence": 0.97}])
    calm = Message(data={TEXT: "how long is recovery?"})
    calm.set(INTENT, {"name": "recovery", "confidence": 0.97})

    component.process([message, calm])

    assert message.get(INTENT) == {"name": "emergency", "confidence": 1.0}
    assert message.get(INTENT_RANKING_KEY)[0]["name"] == "emergency"
    assert message.get(INTENT_RANKING_KEY)[1] == {"name": "recovery", "confidence": 0.0}
    assert message.get(RED_FLAG_KEY) == "leg_weakness_or_numbness"
    assert calm.get(INTENT) == {"name": "recovery", "confidence": 0.97}
