"""Finding the question in a real message (addons/cleaning/questions.py), and the clarifier.

Pure functions, so each pattern from the real-questions failures is one case here: a story
before the question, a phone number inside it, two questions in one message.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.shared.nlu.training_data.message import Message

from addons.cleaning.questions import (
    compound_parts,
    focus,
    is_question,
    sentences,
    without_denials,
    without_pii,
)
from addons.safety.ambiguity import candidates

STORY = (
    "Hi, my mom is 82 and she fell in the kitchen last month. The doctor found a fracture in "
    "her lower back and she is in a lot of pain, she can hardly sleep at night. "
)


def test_a_long_story_is_read_as_its_question() -> None:
    assert focus(STORY + "How long does vertebroplasty take?") == (
        "How long does vertebroplasty take?"
    )


def test_personal_details_do_not_change_what_is_read() -> None:
    plain = "how long does vertebroplasty take?"
    for detail in (
        "my number is 860-555-0199.",
        "email me at jane.doe@example.com.",
        "call (860) 555 0199 after 5.",
    ):
        assert focus(f"{detail} {plain}") == plain
    assert without_pii("can you call 860-555-0199?") == "can you call ?"


def test_a_closing_can_you_explain_is_read_with_the_sentence_that_names_the_topic() -> None:
    """Issue 12's outsider: the question was the sentence before "Can you explain?"."""
    text = (
        "Hello. I am writing for my aunt, who is 79 and has osteoporosis. She has been in pain "
        "since she lifted a basket six weeks ago. She asked me to find out how the cement is "
        "actually put in and whether she'll be lying down. Can you explain?"
    )
    assert focus(text) == (
        "She asked me to find out how the cement is actually put in and whether she'll be "
        "lying down."
    )


def test_short_messages_are_read_whole() -> None:
    for text in ("is it painful", "recovery time?", "kyphoplasty vs vertebroplasty"):
        assert focus(text) == text


def test_two_questions_become_two_messages_with_the_story_on_the_first() -> None:
    assert compound_parts("How long does it take? And is it painful?") == [
        "How long does it take?",
        "And is it painful?",
    ]
    assert compound_parts(STORY + "Is she too old for it? What are the risks?") == [
        STORY.strip() + " Is she too old for it?",
        "What are the risks?",
    ]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # The outsider of issue 12 got one answer to each of these.
        (
            "how long does it take and is it covered by medicare?",
            ["how long does it take", "is it covered by medicare?"],
        ),
        (
            "what are the risks and how soon can I go back to normal stuff",
            ["what are the risks", "how soon can I go back to normal stuff"],
        ),
        (
            "My mom is 82. Is it painful, and will she be awake?",
            ["My mom is 82. Is it painful", "will she be awake?"],
        ),
    ],
)
def test_two_questions_joined_by_and_become_two_messages(text: str, parts: list[str]) -> None:
    assert compound_parts(text) == parts


@pytest.mark.parametrize(
    "text",
    [
        "How long does it take?",
        "is it safe and effective",
        "can I walk and drive afterwards?",
        "what should I do if my back hurts and is swollen",
        "My mom is 82 and is worried about it",
        "Hi. How long does it take? Thanks.",
        "Is it safe? Is it? Ok",
        "My name is Jane Doe. My number is 860-555-0199.",
        "What? Why?",  # too short to be two questions
    ],
)
def test_anything_else_stays_one_message(text: str) -> None:
    assert compound_parts(text) == [text]


@pytest.mark.parametrize(
    ("sentence", "asks"),
    [
        ("will I be awake", True),
        ("I'd like to know about recovery", True),
        ("tell me about the risks", True),
        ("My mom is 82.", False),
        ("She fell last month", False),
    ],
)
def test_what_counts_as_a_question(sentence: str, asks: bool) -> None:
    assert is_question(sentence) is asks


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(max_size=2000))
def test_any_text_gives_parts_and_a_focus(text: str) -> None:
    parts = compound_parts(text)
    assert 1 <= len(parts) <= 2
    assert isinstance(focus(text), str)


def fallback(ranking: list[tuple[str, float]]) -> Message:
    message = Message(data={"text": "x"})
    message.set("intent", {"name": "nlu_fallback", "confidence": 0.55})
    entries = [{"name": "nlu_fallback", "confidence": 0.55}]
    entries += [{"name": name, "confidence": confidence} for name, confidence in ranking]
    message.set("intent_ranking", entries)
    return message


def test_two_plausible_topics_are_offered() -> None:
    message = fallback([("procedure_steps", 0.45), ("recovery", 0.40), ("greet", 0.1)])
    assert candidates(message, 0.25, 0.10) == ["procedure_steps", "recovery"]


@pytest.mark.parametrize(
    "ranking",
    [
        [("procedure_steps", 0.45), ("greet", 0.40)],  # the second is no topic
        [("procedure_steps", 0.20), ("recovery", 0.15)],  # neither is plausible
        [("procedure_steps", 0.80), ("recovery", 0.05)],  # the second is not plausible
        [("procedure_steps", 0.80)],
    ],
)
def test_no_clarifying_question_without_two_plausible_topics(
    ranking: list[tuple[str, float]],
) -> None:
    assert candidates(fallback(ranking), 0.25, 0.10) is None


def test_a_confident_message_is_never_clarified() -> None:
    message = fallback([("recovery", 0.5), ("procedure_steps", 0.4)])
    message.set("intent", {"name": "recovery", "confidence": 0.9})
    assert candidates(message, 0.25, 0.10) is None


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "No chest pain, no breathing trouble, no fever. Just wondering when I can garden again",
            "Just wondering when I can garden again",
        ),
        ("are fine, no numbness. when can i walk far", "when can i walk far"),
        ("I don't have a fever. Can I shower?", "Can I shower?"),
        ("no fever", "no fever"),  # nothing follows: the message is read whole
        ("my legs are numb. what do I do", "my legs are numb. what do I do"),
        ("no fever, how long is recovery?", "no fever, how long is recovery?"),
    ],
)
def test_sentences_that_only_deny_symptoms_are_not_what_the_classifier_reads(
    text: str, read: str
) -> None:
    """Issue 23, round 3: the denials were read as a "no" and the question went unanswered."""
    assert focus(text) == read


@settings(max_examples=200, derandomize=True, deadline=None)
@given(text=st.text(max_size=400))
def test_without_denials_never_empties_a_message(text: str) -> None:
    kept = without_denials(text)
    assert kept == text or (kept.strip() and all(s in text for s in sentences(kept)))


def test_a_denial_that_opens_like_a_question_is_no_second_turn() -> None:
    """Issue 23, round 3: "are fine, no numbness. when can i walk far" became two turns, and
    the first got "All right. If anything else comes up..." (a "no")."""
    text = "are fine, no numbness. when can i walk far"
    assert compound_parts(text) == [text]
    assert compound_parts("Is it safe? Are there risks?") == ["Is it safe?", "Are there risks?"]


@pytest.mark.parametrize(
    ("text", "focused"),
    [
        (
            "Good afternoon. My father was told he needs it. Is it painful?",
            "My father was told he needs it. Is it painful?",
        ),
        ("Hi there! how long does it take", "how long does it take"),
        ("Hello doctor. Is it safe at 85?", "Is it safe at 85?"),
        ("Buenas tardes. ¿Duele mucho?", "¿Duele mucho?"),
    ],
)
def test_an_opening_greeting_is_not_what_the_classifier_reads(text: str, focused: str) -> None:
    """Round 13's outside tester: "Good afternoon. ... Is it painful?" was answered with a
    greeting and never reached the question log."""
    assert focus(text) == focused


@pytest.mark.parametrize(
    "text", ["hello", "Good morning", "Hi, how long does it take?", "Hi! I have a question."]
)
def test_a_greeting_alone_or_in_the_question_stays(text: str) -> None:
    assert focus(text) == text
