"""End-to-end: real Rasa server and action server, a real conversation over the REST webhook."""

from __future__ import annotations

import uuid

import pytest

from core.settings import load_settings
from core.vocabulary.contact import handoff_text, load_contact_details
from core.vocabulary.topics import FAQ_TOPICS, answer_response
from tests.servers import Assistant

pytestmark = pytest.mark.e2e

# One natural question per topic, phrased as a patient would (not copied from training data).
QUESTIONS = {
    "what_is_vertebroplasty": "my mom's doctor said vertebro plasty, what is that",
    "compression_fracture": "what does it mean that my vertebra collapsed?",
    "procedure_duration": "how long does it take?",
    "procedure_steps": "what do they do to you in the procedure?",
    "recovery": "how soon will I feel better afterwards?",
    "complications": "what are the risks of it?",
    "success_rate": "does it really work?",
    "candidates": "would it help my chronic back pain?",
    "preparation": "what scans do I need first?",
    "insurance_coverage": "will medicare pay",
    "hospital_experience": "how experienced is your team with this?",
}


HANDOFF = " ".join(handoff_text(load_contact_details(load_settings().contact_config)).split())


def new_sender() -> str:
    return f"test-{uuid.uuid4().hex}"


def normalised(texts: list[str]) -> list[str]:
    return [" ".join(text.split()) for text in texts]


def test_a_new_conversation_opens_with_the_disclaimer(assistant: Assistant, domain_texts) -> None:
    texts = normalised(assistant.texts(new_sender(), "how long does it take?"))
    assert texts[0] == domain_texts["utter_disclaimer"]
    assert "not medical advice" in texts[0] and "911" in texts[0]
    assert texts[1] == domain_texts["utter_procedure_duration"]
    assert "1-2 hours" in texts[1]


def test_the_disclaimer_is_only_sent_once_per_conversation(assistant: Assistant) -> None:
    sender = new_sender()
    assistant.texts(sender, "hello")
    texts = normalised(assistant.texts(sender, "is it safe?"))
    assert len(texts) == 1 and "rare" in texts[0]


@pytest.mark.parametrize("topic", FAQ_TOPICS)
def test_every_topic_is_answered_from_the_page(assistant: Assistant, domain_texts, topic) -> None:
    texts = normalised(assistant.texts(new_sender(), QUESTIONS[topic]))
    if topic == "insurance_coverage":  # every question about paying ends with whom to ask
        assert texts[-1] == HANDOFF, texts
        texts = texts[:-1]
    assert texts[-1] == domain_texts[answer_response(topic)]


def test_follow_ups_are_understood_in_context(assistant: Assistant, domain_texts) -> None:
    sender = new_sender()
    assistant.texts(sender, "what is vertebroplasty?")
    assert normalised(assistant.texts(sender, "and how long does that take?")) == [
        domain_texts["utter_procedure_duration"]
    ]
    assert normalised(assistant.texts(sender, "what about recovery?")) == [
        domain_texts["utter_recovery"]
    ]


@pytest.mark.parametrize(
    "message",
    [
        "I can't feel my legs since the procedure",
        "my dad has lost control of his bladder",
        "I have chest pain and I'm short of breath",
        "she has a fever and the injection site is red and swollen",
        "sudden severe pain in my back, how long is recovery?",
    ],
)
def test_red_flags_get_only_the_emergency_message(
    assistant: Assistant, domain_texts, message: str
) -> None:
    sender = new_sender()
    assistant.texts(sender, "hi")
    assert normalised(assistant.texts(sender, message)) == [domain_texts["utter_emergency"]]


def test_two_misses_in_a_row_hand_off_to_the_department(assistant: Assistant, domain_texts) -> None:
    sender = new_sender()
    first = normalised(assistant.texts(sender, "what's the weather like today?"))
    assert {domain_texts["utter_out_of_scope"], domain_texts["utter_fallback"]} & set(first)
    second = normalised(assistant.texts(sender, "tell me a joke"))
    assert second == [domain_texts["utter_still_not_understood"], HANDOFF]


@pytest.mark.parametrize(
    "message",
    # Spanish, Portuguese and Polish get a line in their language (tests/test_red_flags_http.py).
    ["Qu'est-ce que la vertébroplastie ?", "这个手术疼吗"],
)
def test_questions_in_other_languages_get_the_english_only_reply(
    assistant: Assistant, domain_texts, message: str
) -> None:
    """Not an English answer to a half-understood question (addons/safety/language.py)."""
    sender = new_sender()
    assistant.texts(sender, "hello")
    assert normalised(assistant.texts(sender, message)) == [
        domain_texts["utter_english_only"],
        HANDOFF,
    ]


def test_off_topic_reply_offers_topic_buttons(assistant: Assistant) -> None:
    messages = assistant.send(new_sender(), "can you order me a pizza")
    buttons = [b for m in messages for b in m.get("buttons", [])]
    assert {"/what_is_vertebroplasty", "/contact"} <= {b["payload"] for b in buttons}


def test_a_quick_reply_payload_answers_its_topic(assistant: Assistant, domain_texts) -> None:
    texts = normalised(assistant.texts(new_sender(), "/recovery"))
    assert texts[-1] == domain_texts["utter_recovery"]


def test_questions_the_page_does_not_cover_are_admitted(assistant: Assistant, domain_texts) -> None:
    sender = new_sender()
    assistant.texts(sender, "hello")
    texts = normalised(assistant.texts(sender, "can I drive after vertebroplasty?"))
    assert texts == [domain_texts["utter_not_covered"], HANDOFF]


def test_asking_for_a_person_gets_the_contact_hand_off(assistant: Assistant, domain_texts) -> None:
    sender = new_sender()
    assistant.texts(sender, "hello")
    messages = assistant.send(sender, "can I speak to a nurse?")
    assert normalised([m["text"] for m in messages]) == [HANDOFF]
    assert messages[0]["buttons"][0]["payload"] == "/request_callback"


def test_help_shows_every_topic_as_a_button(assistant: Assistant) -> None:
    messages = assistant.send(new_sender(), "what can you do?")
    payloads = {b["payload"] for b in messages[-1].get("buttons", [])}
    assert {f"/{topic}" for topic in FAQ_TOPICS} <= payloads


@pytest.mark.parametrize(
    "message",
    [
        "",
        "   ",
        "x" * 10_000,
        "how long " * 1_200,
        "🙂🙏😢",
        "<script>alert('x')</script><img src=x onerror=alert(1)>",
        "¿Cuánto tiempo dura el procedimiento?",
        "Wie lange dauert die Behandlung?",
        "'; DROP TABLE questions; --",
    ],
    ids=["empty", "spaces", "10k-chars", "10k-words", "emoji", "html", "spanish", "german", "sql"],
)
def test_bad_input_gets_a_polite_reply(assistant: Assistant, message: str) -> None:
    sender = new_sender()
    assistant.texts(sender, "hello")
    texts = assistant.texts(sender, message)
    assert texts and all(text.strip() for text in texts)
    # The conversation goes on normally afterwards.
    assert "1-2 hours" in assistant.texts(sender, "how long does it take?")[-1]
