"""Understanding real messages, end to end over the REST channel (issue 12).

Each test is a pattern from the real-questions set that used to get a confident answer to
another question: a sibling procedure, another spine operation, a long message with a phone
number inside, a red flag told in a story, two questions at once, a message that fits two
topics. The replies are compared with the domain's own texts.
"""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import pytest
from rasa.core.agent import Agent

from core.vocabulary.topics import FAQ_TOPICS, TOPIC_QUESTIONS
from tests.servers import MODEL, Assistant

pytestmark = pytest.mark.e2e


def replies(assistant: Assistant, message: str, domain_texts: dict[str, str]) -> list[str]:
    """The response names of the bot's replies to a first message (disclaimer dropped)."""
    by_text = {text: name for name, text in domain_texts.items()}
    sender = f"understand-{uuid.uuid4().hex}"
    names = [by_text.get(" ".join(t.split()), t) for t in assistant.texts(sender, message)]
    return [name for name in names if name != "utter_disclaimer"]


def test_a_kyphoplasty_question_gets_the_note_and_the_matching_answer(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    said = replies(assistant, "how long does kyphoplasty take?", domain_texts)
    # then the hand-off: the page says nothing of kyphoplasty itself (issue 24)
    assert said[:2] == ["utter_sibling_note", "utter_procedure_duration"]
    assert len(said) == 3 and said[2].startswith("To talk to a person"), said


def test_the_note_is_not_carried_over_to_the_next_answer(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    sender = f"understand-{uuid.uuid4().hex}"
    assistant.texts(sender, "what are the risks of vertebral augmentation?")
    later = [" ".join(t.split()) for t in assistant.texts(sender, "how long does it take?")]
    assert later == [domain_texts["utter_procedure_duration"]]


@pytest.mark.parametrize(
    "message",
    [
        "what to expect after spine surgery",
        "how long is recovery from spinal fusion?",
        "is a microdiscectomy painful?",
        "is vertebroplasty better than spinal fusion?",
    ],
)
def test_other_procedures_are_never_answered_with_vertebroplasty_facts(
    assistant: Assistant, domain_texts: dict[str, str], message: str
) -> None:
    got = replies(assistant, message, domain_texts)
    assert got[0] == "utter_not_covered"
    assert not set(got) & {f"utter_{topic}" for topic in FAQ_TOPICS}


@pytest.mark.parametrize(
    "message",
    [
        "would a person with a slipped disc benefit from it",
        "can someone with a herniated disc get this procedure",
    ],
)
def test_a_disc_question_about_who_it_is_for_gets_the_pages_answer(
    assistant: Assistant, domain_texts: dict[str, str], message: str
) -> None:
    """Issue 24: the page answers it ("not usually helpful for ... disc problems"); the
    other-procedures net used to hand it off."""
    assert replies(assistant, message, domain_texts) == ["utter_candidates"]


def test_a_long_message_with_a_phone_number_is_answered(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    message = (
        "hi, my mom is 82 and fell last month, the doctor found a fracture in her back and "
        "says she might need a procedure. my number is 860-555-0199 if anyone can call. "
        "how long does vertebroplasty take?"
    )
    assert replies(assistant, message, domain_texts) == ["utter_procedure_duration"]


def test_a_red_flag_in_the_story_before_the_question_is_an_emergency(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    message = (
        "my dad had the procedure on tuesday and since this morning he can't feel his legs "
        "and is very confused about everything. how long is the recovery usually?"
    )
    assert replies(assistant, message, domain_texts) == ["utter_emergency"]


def test_two_questions_get_two_answers_in_one_reply(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    got = replies(assistant, "How long does it take? And what are the risks?", domain_texts)
    assert got == ["utter_procedure_duration", "utter_complications"]


def test_the_clarifying_question_offers_the_two_topics_as_buttons(tmp_path: Path) -> None:
    """The rule and the response, with the NLU's two candidates given as entities."""
    agent = Agent.load(str(MODEL))
    payload = (
        '/nlu_fallback{"clarify_first": "procedure_steps", "clarify_second": "recovery", '
        f'"clarify_first_title": "{TOPIC_QUESTIONS["procedure_steps"]}", '
        f'"clarify_second_title": "{TOPIC_QUESTIONS["recovery"]}"}}'
    )
    sent = asyncio.run(agent.handle_text(payload, sender_id="clarify-1"))
    clarify = next(m for m in sent if m.get("buttons"))
    assert clarify["text"].startswith("I want to be sure I answer the right question")
    assert [(b["title"], b["payload"]) for b in clarify["buttons"]] == [
        ("What happens during it?", "/procedure_steps"),
        ("What is recovery like?", "/recovery"),
        ("Something else", "/help"),
    ]


def test_a_question_after_a_greeting_is_answered_not_greeted(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    """Round 13's outside tester: "Good afternoon. My father ... Is it painful?" got only
    "Hello! Ask me anything ..." and no question-log row."""
    message = (
        "Good afternoon. My father Emeka Nwachukwu was told he needs vertebroplasty. Is it painful?"
    )
    said = replies(assistant, message, domain_texts)
    assert said and "utter_greet" not in said, said
