"""The red-flag safety net: what it catches, what it leaves to the classifier."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.safety.red_flags import (
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
        # Plain-English phrasings an outside tester found missed (they reached the emergency
        # message only when the classifier happened to know them, never in long messages).
        ("difficulty breathing", "chest_pain_or_breathing"),
        ("gasping for air", "chest_pain_or_breathing"),
        ("tightness in chest", "chest_pain_or_breathing"),
        ("heart pain", "chest_pain_or_breathing"),
        ("temperature of 39", "fever_or_infected_site"),
        ("running a temperature", "fever_or_infected_site"),
        ("I'm burning up", "fever_or_infected_site"),
        ("temp 102F", "fever_or_infected_site"),
        ("redness at the injection site", "fever_or_infected_site"),
        ("saddle numbness", "leg_weakness_or_numbness"),
        ("numb groin", "leg_weakness_or_numbness"),
        ("pins and needles in my legs", "leg_weakness_or_numbness"),
        ("my legs gave out", "leg_weakness_or_numbness"),
        ("I can't walk", "leg_weakness_or_numbness"),
        ("leaking urine", "bladder_or_bowel_control"),
        ("I peed myself", "bladder_or_bowel_control"),
        ("wet the bed", "bladder_or_bowel_control"),
        ("bowel accident", "bladder_or_bowel_control"),
        ("I can't pee", "bladder_or_bowel_control"),
        ("bladder control lost", "bladder_or_bowel_control"),
        ("worst pain of my life", "sudden_severe_pain"),
        ("suddenly the pain got really bad", "sudden_severe_pain"),
        ("my mother fainted", "fainting_or_unconscious"),
        ("he is unconscious", "fainting_or_unconscious"),
        # A second outside round.
        ("I collapsed in the kitchen", "fainting_or_unconscious"),
        ("I keeled over", "fainting_or_unconscious"),
        ("I haven't peed all day", "bladder_or_bowel_control"),
        ("where the needle went in is red and puffy", "fever_or_infected_site"),
        ("39.5 degrees", "fever_or_infected_site"),
        ("102 degrees", "fever_or_infected_site"),
        # A third outside round (issue 12's outsider): indirect, everyday wording.
        (
            "had the cement done on tuesday and now i can't seem to hold my water, i keep "
            "wetting myself",
            "bladder_or_bowel_control",
        ),
        ("i keep wetting myself", "bladder_or_bowel_control"),
        (
            "I have not been able to go to the toilet for number two and I can't feel anything "
            "down there since the operation",
            "leg_weakness_or_numbness",
        ),
        ("he hasn't been able to pee since he got home", "bladder_or_bowel_control"),
        (
            "i'm finding it hard to catch my breath since coming home from the hospital after "
            "my back procedure",
            "chest_pain_or_breathing",
        ),
        (
            "mum came home after the cement yesterday and she's very hot and sweaty and not "
            "herself",
            "fever_or_infected_site",
        ),
        ("he is shivering and clammy", "fever_or_infected_site"),
        (
            "I had cement put in my spine last week and now I'm coughing and it hurts to breathe",
            "chest_pain_or_breathing",
        ),
        ("it's painful when I breathe in", "chest_pain_or_breathing"),
    ],
)
def test_red_flags_are_caught(text: str, flag: str) -> None:
    assert find_red_flag(text, PATTERNS) == flag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("\uff23\uff28\uff25\uff33\uff34 \uff30\uff21\uff29\uff2e", "chest_pain_or_breathing"),
        (
            "\U0001d41c\U0001d421\U0001d41e\U0001d42c\U0001d42d "
            "\U0001d429\U0001d41a\U0001d422\U0001d427",
            "chest_pain_or_breathing",
        ),
        ("\u1d04\u029c\u1d07s\u1d1b \u1d18\u1d00\u026a\u0274", "chest_pain_or_breathing"),
        ("\u24d2\u24d7\u24d4\u24e2\u24e3 \u24df\u24d0\u24d8\u24dd", "chest_pain_or_breathing"),
        ("ch\u0435st pain", "chest_pain_or_breathing"),
        ("\u03f2hest pain", "chest_pain_or_breathing"),
        ("F\u0395V\u0395R", "fever_or_infected_site"),
        ("che\u0301st pain", "chest_pain_or_breathing"),
        ("le\u0301gs numb", "leg_weakness_or_numbness"),
        ("I can't feel my l\u200begs", "leg_weakness_or_numbness"),
        ("c\u200dh\u200de\u200ds\u200dt pain", "chest_pain_or_breathing"),
        ("f\U000e0065ever", "fever_or_infected_site"),
        ("chest-pain", "chest_pain_or_breathing"),
        ("chestpain", "chest_pain_or_breathing"),
        ("ches\u0442 pain", "chest_pain_or_breathing"),
        ("\U0001f172\U0001f177\U0001f174\U0001f182\U0001f183 pain", "chest_pain_or_breathing"),
        ("\ua4daHEST PAIN", "chest_pain_or_breathing"),
        ("\u13dfHEST PAIN", "chest_pain_or_breathing"),
        ("\u2ca5hest pain", "chest_pain_or_breathing"),
        ("c\u0570est pain", "chest_pain_or_breathing"),
        ("Mum\u2019s legs are numb", "leg_weakness_or_numbness"),
    ],
)
def test_disguised_red_flags_are_caught(text: str, flag: str) -> None:
    """Full-width, styled and look-alike letters, accents and invisible characters."""
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
        "will I be able to walk afterwards",
        "can I stand up after the procedure",
        # Round 23 (outside tester got "call 911"): posture, the page's kyphosis, not weakness.
        "this is for my husband bill he is 78 and cant stand up straight",
        "I can't stand up straight anymore because of the fracture",
        "she is not able to stand up straight since the fracture",
        "what does it mean that my vertebra collapsed?",
        "my spine collapsed, can this help?",
        "how hot is the cement",
        "",
        None,
    ],
)
def test_ordinary_questions_are_left_to_the_classifier(text: str | None) -> None:
    assert find_red_flag(text, PATTERNS) is None


@pytest.mark.parametrize(
    "text", ["he is not able to stand up straight or walk", "I cant stand up straight nor walk"]
)
def test_posture_with_legs_that_fail_is_still_a_red_flag(text: str) -> None:
    assert find_red_flag(text, PATTERNS) == "leg_weakness_or_numbness"


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


def test_no_training_or_held_out_message_of_another_intent_is_raised_to_emergency() -> None:
    """The net only ever raises real emergencies: none of the 1,100+ ordinary examples."""
    from tests.project import nlu_examples

    raised = [
        (intent, text)
        for path in ("data/nlu.yml", "tests/nlu_heldout.yml")
        for intent, texts in nlu_examples(path).items()
        if intent != "emergency"
        for text in texts
        if find_red_flag(text, PATTERNS) is not None
    ]
    assert raised == []
