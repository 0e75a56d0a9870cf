"""End to end over REST: the kinds of mistake an outside tester's second round found (issue 24).

Each message is written in our own words, never the tester's, three to five per kind; each
test failed on the product before its fix (bench/NOTES.md, issue 24, "outside round 2"):
questions the page answers that were handed off, asked back or answered with a neighbouring
topic (pain that goes on for months, the size of the cut, more bones taking longer, relief
straight away, chronic back pain, losing height, a misspelt success-rate question);
follow-ups ("why?", "will it hurt afterwards?", "what about her?", what would I pay myself);
questions about paying that ended without whom to contact; a request for a diagnosis
answered as if the patient had the fracture; fear alone taken for an emergency.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from core.settings import load_settings
from core.vocabulary.contact import handoff_text, load_contact_details
from tests.servers import Assistant

pytestmark = pytest.mark.e2e

HANDOFF = " ".join(handoff_text(load_contact_details(load_settings().contact_config)).split())


def new_sender() -> str:
    return f"round2-{uuid.uuid4().hex}"


def texts(replies: list[dict[str, Any]]) -> list[str]:
    return [" ".join(r["text"].split()) for r in replies if "text" in r]


def topics(replies: list[dict[str, Any]]) -> list[str]:
    return [r["source"]["topic"] for r in replies if r.get("source")]


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        # the fracture section: a bone that does not heal keeps moving and keeps hurting
        ("how come my gran's back still hurts half a year after the break", "compression_fracture"),
        ("why would a spine fracture keep hurting for many months", "compression_fracture"),
        (
            "why hasn't the pain from his broken vertebra settled after months",
            "compression_fracture",
        ),
        # the steps: a needle through a tiny cut
        ("will they have to cut my back open", "procedure_steps"),
        ("will it leave a big scar", "procedure_steps"),
        # the duration: 1-2 hours depending on how many bones
        ("if they treat two vertebrae does it take more time", "procedure_duration"),
        ("does the number of broken bones change how long it takes", "procedure_duration"),
        ("she has several fractures, will her procedure be longer", "procedure_duration"),
        # recovery: some feel relief straight away
        ("do people feel better right after", "recovery"),
        ("is the relief instant", "recovery"),
        # candidates: not usually helpful for chronic back pain
        ("can it fix back pain i've had for years and years", "candidates"),
        ("is it good for long standing back pain", "candidates"),
        ("would it help my chronic lower back ache", "candidates"),
        # what it is: it can prevent further collapse and the height loss
        ("will it stop me losing more height", "what_is_vertebroplasty"),
        ("can vertebroplasty stop my mum getting shorter", "what_is_vertebroplasty"),
        ("does it prevent more shrinking of the spine", "what_is_vertebroplasty"),
        # misspelt topic words
        ("how sucessful is vertebroplsty", "success_rate"),
        ("what is the sucess rate of this treatmnt", "success_rate"),
        ("how long is the procedre", "procedure_duration"),
        # after the merge: pain that goes on, and a fracture's cause (an accident, a slip, lifting)
        ("why do some people still have pain many months later", "compression_fracture"),
        ("can you get a broken vertebra from slipping on ice", "compression_fracture"),
        ("can road accidents cause a compression fracture", "compression_fracture"),
    ],
)
def test_a_question_the_page_answers_gets_its_answer(
    assistant: Assistant, message: str, topic: str
) -> None:
    replies = assistant.send(new_sender(), message)
    assert topics(replies) == [topic], texts(replies)


@pytest.mark.parametrize(
    ("first", "first_topic", "then", "topic"),
    [
        ("what scans will i need before it", "preparation", "why?", "preparation"),
        ("what scans will i need before it", "preparation", "how come?", "preparation"),
        (
            "how long does the procedure last",
            "procedure_duration",
            "will i be sore after?",
            "recovery",
        ),
        (
            "how long does the procedure last",
            "procedure_duration",
            "does it hurt afterwards",
            "recovery",
        ),
        (
            "how long does the procedure last",
            "procedure_duration",
            "will it be painful after?",
            "recovery",
        ),
        (
            "how long does the procedure last",
            "procedure_duration",
            "is it painful after that?",
            "recovery",
        ),
        (
            "how long does the procedure last",
            "procedure_duration",
            "what about my wife? she has two fractures",
            "procedure_duration",
        ),
        (
            "how long does the procedure last",
            "procedure_duration",
            "what about my dad? he has three fractures",
            "procedure_duration",
        ),
        (
            "how long does the procedure last",
            "procedure_duration",
            "and for him, he has more than one broken bone",
            "procedure_duration",
        ),
    ],
)
def test_a_follow_up_gets_the_answer_it_leans_on(
    assistant: Assistant, first: str, first_topic: str, then: str, topic: str
) -> None:
    sender = new_sender()
    assert topics(assistant.send(sender, first)) == [first_topic]
    replies = assistant.send(sender, then)
    assert topics(replies) == [topic], texts(replies)


@pytest.mark.parametrize(
    "message",
    [
        "how much does it cost if i have no insurance",
        "what's the price for someone paying cash",
        "will medicaid pay for this",
        "is it covered by my blue cross plan",
    ],
)
def test_a_question_about_paying_ends_with_whom_to_contact(
    assistant: Assistant, message: str
) -> None:
    said = texts(assistant.send(new_sender(), message))
    assert said[-1] == HANDOFF, said


def test_paying_oneself_after_the_medicare_answer_ends_with_whom_to_contact(
    assistant: Assistant,
) -> None:
    sender = new_sender()
    assistant.send(sender, "does medicare pay for vertebroplasty")
    said = texts(assistant.send(sender, "and what would it cost me on my own?"))
    assert said[-1] == HANDOFF, said


@pytest.mark.parametrize(
    "message",
    [
        "my back has been killing me for a month, have i got a compression fracture?",
        "do i have osteoporosis",
        "could my mum have broken a bone in her spine",
        "is this back pain a fracture?",
    ],
)
def test_a_request_for_a_diagnosis_is_declined_with_whom_to_contact(
    assistant: Assistant, domain_texts, message: str
) -> None:
    replies = assistant.send(new_sender(), message)
    said = texts(replies)
    assert domain_texts["utter_cannot_diagnose"] in said, said
    assert said[-1] == HANDOFF, said
    assert "compression_fracture" not in topics(replies)


# The model said "emergency" on the tester's own wording only; these wordings did not alarm
# before either: the class is checked against the model's emergency in
# tests/test_red_flag_context.py (failed before the fix); these keep the whole turn honest.
@pytest.mark.parametrize(
    "message",
    [
        "my husband Tomasz Wojcik is 88 and frightened",
        "my mum is really nervous about it",
        "i'm terrified of the procedure",
        "my grandad is anxious about next week",
    ],
)
def test_fear_alone_is_not_an_emergency(assistant: Assistant, domain_texts, message: str) -> None:
    said = texts(assistant.send(new_sender(), message))
    assert domain_texts["utter_emergency"] not in said, said


# After the merge (bench/NOTES.md, issue 24, "outside round 2, after the merge"): what the page
# does not say gets the hand-off with whom to contact, never a neighbouring topic's answer.
@pytest.mark.parametrize(
    "message",
    [
        # treating the osteoporosis itself (the page treats the fracture)
        "is this a cure for osteoporosis",
        "can vertebroplasty reverse my mum's osteoporosis",
        # the cement leaking, allergies to it, what is in it
        "could the glue seep out of the bone",
        "can people be allergic to the bone cement",
        "what is the cement made from",
        # one person's decision with a health detail the page does not weigh
        "should my dad have the procedure or wait, he is 90 with a weak heart",
        "should my gran get vertebroplasty or wait and see? she is 93 with diabetes",
        "is it right for me with my kidney disease",
    ],
)
def test_what_the_page_does_not_say_gets_whom_to_contact(
    assistant: Assistant, message: str
) -> None:
    replies = assistant.send(new_sender(), message)
    said = texts(replies)
    assert said[-1] == HANDOFF, said
    assert not topics(replies), said


@pytest.mark.parametrize(
    "message",
    [
        "how long will i be off work for",
        "how much time off work will i need",
        "how long before i can get back to my job",
        "how long till i can drive my car again",
    ],
)
def test_time_until_an_activity_is_never_the_procedures_duration(
    assistant: Assistant, message: str
) -> None:
    """The page: back to normal activities within a few days; work is not named."""
    replies = assistant.send(new_sender(), message)
    said = texts(replies)
    assert "procedure_duration" not in topics(replies), said
    assert topics(replies) == ["recovery"] or said[-1] == HANDOFF, said
