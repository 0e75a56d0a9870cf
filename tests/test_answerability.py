"""The answerability gate keeps a topic answer only for a question tied to it (issue 24).

The decision on text with the cues learned from the project's own training data and page, and
the component on hand-made pipeline outputs; the end-to-end cases (a real server, the trained
model) are in tests/test_tester_round1.py. Every question below is in our own words.
"""

from __future__ import annotations

from functools import cache

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.answerability import (
    NOT_COVERED_INTENT,
    REASON_KEY,
    AnswerabilityGate,
    TopicCues,
    cited_passages,
    decline_reason,
)
from core.vocabulary.topics import CONVERSATION_INTENTS, FAQ_TOPICS
from tests.project import ROOT, nlu_examples


@cache
def cues() -> TopicCues:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    return TopicCues.learn(nlu_examples("data/nlu.yml"), cited_passages(domain))


@pytest.mark.parametrize(
    ("text", "topic", "reason"),
    [
        ("what happens if i catch a cold the week before it", "preparation", "unwell before"),
        ("what usually causes an aching lower back", "compression_fracture", "nothing of"),
        ("how much will the hospital charge me for the injection", "procedure_steps", "cost"),
        ("do i have to take my rings and jewellery off", "preparation", "practicalities"),
        ("is the scanner very loud inside", "procedure_steps", "scanner"),
        ("can i keep taking my ibuprofen up to the day", "preparation", "medicine"),
        ("which sleeping position is best afterwards", "recovery", "aftercare"),
        ("what does my mri report mean", "preparation", "own results"),
        # outside round 2, after the merge: what the page does not say, in our own words
        ("is this a cure for osteoporosis", "what_is_vertebroplasty", "treating osteoporosis"),
        ("can it reverse her osteoporosis", "candidates", "treating osteoporosis"),
        ("will it fix my dad's osteoporosis", "what_is_vertebroplasty", "treating osteoporosis"),
        ("does the injection treat thin bones", "what_is_vertebroplasty", "treating osteoporosis"),
        ("could the glue seep out of the bone", "complications", "cement details"),
        ("can people be allergic to the bone cement", "complications", "cement details"),
        ("what is the cement made from", "procedure_steps", "cement details"),
        ("which brand of cement do they use", "procedure_steps", "cement details"),
        ("could the cement leak", "complications", "cement details"),
        ("should my dad have the procedure or wait, he is 90", "candidates", "advice for one"),
        ("should i go ahead at 88", "candidates", "advice for one person"),
        ("should my wife have it done, she has kidney disease", "candidates", "advice for one"),
        ("is it safe for me with a weak heart", "complications", "advice for one person"),
        ("is it a good idea for my gran given her age", "candidates", "advice for one person"),
        ("how long before i can get back to work", "procedure_duration", "time until"),
        ("how long until i can walk the dog again", "procedure_duration", "time until"),
        ("how much time off will i need", "procedure_duration", "time until"),
    ],
)
def test_questions_about_what_the_page_never_answers_are_declined(
    text: str, topic: str, reason: str
) -> None:
    assert (decline_reason(text, topic, cues()) or "").startswith(reason)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("will medicare pay for it", "insurance_coverage"),
        ("do i need an mri before they do it", "preparation"),
        ("how fast does the cement set", "procedure_steps"),
        ("will the relief wear off after a while", "success_rate"),
        ("why is my mum's back curving forward", "compression_fracture"),
        ("how long will the whole thing take", "procedure_duration"),
        ("what are the major risks of the surgery", "complications"),
        # pain that goes on: the fracture section, with or without a fracture named
        ("how come some people are still in pain years later", "compression_fracture"),
        ("why does the ache carry on and on for some patients", "compression_fracture"),
        ("why would pain persist long after the injury", "compression_fracture"),
        # a fall, an accident, lifting as the CAUSE of a fracture, not driving or aftercare
        ("could a car crash crush a bone in my spine", "compression_fracture"),
        ("can you fracture your spine from slipping on ice", "compression_fracture"),
        ("can lifting a heavy box break a vertebra", "compression_fracture"),
        ("do road traffic accidents from driving cause these fractures", "compression_fracture"),
        # the cement's risks stay the complications answer; who it is for stays candidates
        ("is it a problem if the cement leaks", "complications"),
        ("who is it meant for", "candidates"),
        ("is my dad a good candidate", "candidates"),
        ("should my wife get this done for her fractured spine", "candidates"),
        ("what kind of cement do they use", "procedure_steps"),
    ],
)
def test_questions_tied_to_their_topic_keep_the_answer(text: str, topic: str) -> None:
    assert decline_reason(text, topic, cues()) is None


def test_a_health_detail_told_after_the_question_makes_it_one_persons_decision() -> None:
    """The classifiers read only the question; the detail may come after it (outside round 2)."""
    question = "should my nan get the procedure or hold off and wait?"
    assert decline_reason(question, "candidates", cues()) is None
    whole = question + " she is 94 and has lung disease"
    reason = decline_reason(question, "candidates", cues(), whole)
    assert (reason or "").startswith("advice for one person")


# Training examples the gate declines on purpose: the page never mentions the cement leaking
# (outside round 2). Kept in the training data because removing one example retrains DIET into
# a different model (the development set moved by 4 right answers either way, bench/NOTES.md).
DECLINED_ON_PURPOSE = frozenset({("complications", "could the cement leak")})


@pytest.mark.parametrize("relative", ["data/nlu.yml", "tests/nlu_heldout.yml"])
def test_no_training_or_heldout_example_is_declined_for_its_own_topic(relative: str) -> None:
    declined = [
        (topic, text, decline_reason(text, topic, cues()))
        for topic, texts in nlu_examples(relative).items()
        if topic in FAQ_TOPICS
        for text in texts
        if (topic, text) not in DECLINED_ON_PURPOSE
        and decline_reason(text, topic, cues()) is not None
    ]
    assert not declined


def test_the_examples_declined_on_purpose_are_still_training_examples() -> None:
    """Stale exceptions would hide a real decline of a training example."""
    examples = nlu_examples("data/nlu.yml")
    for topic, text in DECLINED_ON_PURPOSE:
        assert text in examples[topic]
        assert decline_reason(text, topic, cues()) is not None


def test_every_topic_has_cues_from_its_examples_and_its_page_passage() -> None:
    learned = cues().cues
    assert set(learned) == set(FAQ_TOPICS)
    assert all(learned[topic] for topic in FAQ_TOPICS)
    assert "mri" in learned["preparation"]  # from the passage the tests answer restates
    assert "pay" in learned["insurance_coverage"]  # from its training examples


def message(text: str, intent: str) -> Message:
    parsed = Message(data={"text": text})
    parsed.set("intent", {"name": intent, "confidence": 0.93})
    parsed.set("intent_ranking", [{"name": intent, "confidence": 0.93}])
    return parsed


def gate() -> AnswerabilityGate:
    return AnswerabilityGate({}, None, None, cues())


def test_the_gate_hands_off_and_keeps_the_reason_and_the_models_reading() -> None:
    declined = message("can i still eat breakfast on the morning of it", "preparation")
    gate().process([declined])
    assert declined.get("intent")["name"] == NOT_COVERED_INTENT
    assert declined.get(REASON_KEY) == "food: eat"
    assert [e["name"] for e in declined.get("intent_ranking")] == ["not_covered", "preparation"]


def test_the_gate_leaves_conversation_intents_and_tied_topics_alone() -> None:
    kept = [
        message("can i pay you a compliment, thanks a lot", "thanks"),
        message("how much does it cost", "not_covered"),
        message("is it safe for someone of ninety", "complications"),
    ]
    gate().process(kept)
    assert [m.get("intent")["name"] for m in kept] == ["thanks", "not_covered", "complications"]


def test_an_untrained_gate_changes_nothing() -> None:
    untouched = message("can i drive home afterwards", "recovery")
    AnswerabilityGate({}, None, None).process([untouched])
    assert untouched.get("intent")["name"] == "recovery"


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    text=st.one_of(st.none(), st.text(max_size=400)),
    intent=st.sampled_from([*FAQ_TOPICS, *CONVERSATION_INTENTS, "nlu_fallback", ""]),
)
def test_the_gate_never_raises_and_only_ever_declines_a_topic(
    text: str | None, intent: str
) -> None:
    reason = decline_reason(text, intent, cues())
    assert reason is None or (isinstance(reason, str) and reason)
    if intent not in FAQ_TOPICS or not text:
        assert reason is None


@settings(max_examples=200, derandomize=True, deadline=None)
@given(
    noise=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=200),
    topic=st.sampled_from(FAQ_TOPICS),
)
def test_hostile_text_around_a_costs_question_is_still_declined(noise: str, topic: str) -> None:
    """Emoji, other scripts, control characters or markup around the question change nothing:
    a question about the bill is never answered with a topic (insurance keeps its own)."""
    reason = decline_reason(f"{noise} how much is the hospital bill? {noise}", topic, cues())
    if topic != "insurance_coverage":
        assert reason is not None
