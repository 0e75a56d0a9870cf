"""The training and held-out data have what the assistant needs, and never overlap."""

from __future__ import annotations

import re

from core.vocabulary.topics import CONVERSATION_INTENTS, FAQ_TOPICS, answer_response
from ops.generate_rules import OPENING_RULES, RULES, SIBLING_RULES, render, sibling_rules
from tests.project import ROOT, load_yaml, nlu_examples

MIN_TRAINING_PER_TOPIC = 30
MIN_HELDOUT_PER_TOPIC = 10


def canonical(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def test_domain_lists_every_topic_and_conversation_intent() -> None:
    domain = load_yaml("domain.yml")
    assert set(FAQ_TOPICS) | set(CONVERSATION_INTENTS) == set(domain["intents"])
    for topic in FAQ_TOPICS:
        assert answer_response(topic) in domain["responses"]


def test_each_topic_has_enough_varied_training_examples() -> None:
    training = nlu_examples("data/nlu.yml")
    for topic in FAQ_TOPICS:
        examples = training.get(topic, [])
        assert len(examples) >= MIN_TRAINING_PER_TOPIC, f"{topic}: {len(examples)} examples"
        assert len({canonical(e) for e in examples}) == len(examples), f"{topic}: duplicates"
    for intent in CONVERSATION_INTENTS:
        assert len(training.get(intent, [])) >= 10, f"{intent}: too few examples"


def test_training_covers_the_ways_patients_write() -> None:
    everything = " ".join(e.lower() for es in nlu_examples("data/nlu.yml").values() for e in es)
    misspellings = ["vertibroplasty", "vertabroplasty", "verteboplasty", "vertebro plasty"]
    for spelling in misspellings:
        assert spelling in everything, f"no example misspells vertebroplasty as {spelling!r}"
    for caregiver in ["my mom", "my dad", "my mother", "my father", "my husband", "my wife"]:
        assert caregiver in everything, f"no caregiver example with {caregiver!r}"
    assert "medicare?" in everything


def test_heldout_set_is_separate_and_large_enough() -> None:
    training = nlu_examples("data/nlu.yml")
    heldout = nlu_examples("tests/nlu_heldout.yml")
    trained = {canonical(e) for examples in training.values() for e in examples}
    for topic in FAQ_TOPICS:
        assert len(heldout.get(topic, [])) >= MIN_HELDOUT_PER_TOPIC, topic
    leaked = [e for es in heldout.values() for e in es if canonical(e) in trained]
    assert not leaked, f"held-out examples also in the training data: {leaked}"
    assert set(heldout) <= set(training), "held-out intents the model never learned"


def test_generated_rules_are_up_to_date() -> None:
    """The generated rules must be regenerated (`make rules`) after editing the rules."""
    rendered = render(ROOT / RULES)
    assert set(rendered) == {OPENING_RULES, SIBLING_RULES}
    for path, content in rendered.items():
        assert (ROOT / path).read_text(encoding="utf-8") == content, path


def test_every_topic_has_a_sibling_rule_with_the_note_first() -> None:
    siblings = load_yaml("data/generated/sibling_rules.yml")["rules"]
    assert {rule["steps"][0]["intent"] for rule in siblings} == set(FAQ_TOPICS)
    for rule in siblings:
        topic = rule["steps"][0]["intent"]
        actions = [step["action"] for step in rule["steps"] if "action" in step]
        assert rule["steps"][0]["entities"] == ["sibling_procedure"], rule
        assert actions[:2] == ["utter_sibling_note", f"utter_{topic}"], rule
        # the way to a person once, also after an answer whose own rule ends with it
        assert actions.count("action_handoff") == 1, rule


def test_a_sibling_twin_of_a_rule_that_hands_off_hands_off_once() -> None:
    """Issue 24, outside round 2: the insurance answer ends with the hand-off."""
    rule = {
        "rule": "answer insurance_coverage",
        "steps": [
            {"intent": "insurance_coverage"},
            {"action": "utter_insurance_coverage"},
            {"action": "action_handoff"},
        ],
    }
    (twin,) = sibling_rules([rule])
    assert [step.get("action") for step in twin["steps"][1:]] == [
        "utter_sibling_note",
        "utter_insurance_coverage",
        "action_handoff",
    ]


def test_every_intent_has_a_disclaimer_first_opening_except_emergency() -> None:
    opening = load_yaml("data/generated/opening_rules.yml")["rules"]
    first_intents = {rule["steps"][0]["intent"] for rule in opening}
    assert set(FAQ_TOPICS) | {"request_callback", "contact", "not_covered"} <= first_intents
    assert "emergency" not in first_intents
    for rule in opening:
        first_action = next(step for step in rule["steps"] if "action" in step)
        assert first_action == {"action": "utter_disclaimer"}, rule


def test_should_not_answer_set_is_never_trained_on() -> None:
    trained = {canonical(e) for es in nlu_examples("data/nlu.yml").values() for e in es}
    lines = (ROOT / "tests" / "should_not_answer.txt").read_text(encoding="utf-8").splitlines()
    messages = [line for line in lines if line.strip() and not line.startswith("#")]
    assert len(messages) >= 40
    assert not [m for m in messages if canonical(m) and canonical(m) in trained]
