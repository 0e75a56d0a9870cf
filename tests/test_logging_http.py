"""End-to-end: a real conversation over HTTP lands in the database, with faults.

The Rasa server, the action server and the database are all real: after talking to the
assistant over the REST webhook, the rows in `questions`, `callback_requests` and Rasa's
tracker store (`events`) are checked. On PostgreSQL the database is stopped in the middle of
the conversation: the patient keeps getting answers, and the spooled entries arrive once it
is back, each once.
"""

from __future__ import annotations

import uuid

import pytest

from tests.postgres import PostgresServer, skip_without_postgres
from tests.servers import Assistant, running_assistant
from tests.stored import callback_requests_of, questions_of, transcript_user_events, wait_for

pytestmark = pytest.mark.e2e


CONVERSATION = [
    ("hello", None),
    ("how long does it take?", ("procedure_duration", "answered")),
    ("what about recovery?", ("recovery", "answered")),
    # Off-topic English gets the hand-off too (issue 24): logged as a hand-off.
    ("what's the weather like today?", ("out_of_scope", "handoff")),
    ("tell me a joke", ("out_of_scope", "handoff")),
    ("I have chest pain", ("emergency", "emergency")),
    ("can I drive afterwards?", ("not_covered", "handoff")),
    ("my email is mary@example.org, is it safe?", ("complications", "answered")),
]


def hold_conversation(assistant: Assistant, sender: str) -> None:
    for message, _ in CONVERSATION:
        assert assistant.texts(sender, message), f"no answer to {message!r}"


def test_every_question_of_a_conversation_is_logged(assistant: Assistant) -> None:
    sender = f"e2e-{uuid.uuid4().hex}"
    hold_conversation(assistant, sender)
    expected = [e for _, e in CONVERSATION if e]
    rows = wait_for(lambda: len(questions_of(assistant, sender)) == len(expected))
    assert rows, questions_of(assistant, sender)
    rows = questions_of(assistant, sender)
    assert [(r.intent, r.outcome) for r in rows] == expected
    assert all(r.channel == "rest" and r.model_version for r in rows)
    assert rows[0].response.startswith("The procedure usually takes 1-2 hours.")
    assert rows[-1].text == "my email is [email removed], is it safe?"
    assert transcript_user_events(assistant, sender) == len(CONVERSATION)


def test_a_long_conversation_keeps_its_context_and_its_whole_transcript(
    assistant: Assistant, domain_texts
) -> None:
    """Past the point where the tracker store trims what the policies see (addons/stores/), the
    rules still behave as at the start, slots survive and every message is stored."""
    sender = f"e2e-long-{uuid.uuid4().hex}"
    disclaimer = domain_texts["utter_disclaimer"]
    sent = 0
    replies: list[str] = []
    for _ in range(10):  # 30 turns, several times the 8 the store keeps for the policies
        for message in ("how long does it take?", "what about recovery?", "thanks"):
            replies += [" ".join(t.split()) for t in assistant.texts(sender, message)]
            sent += 1
    assert replies.count(disclaimer) == 1
    assert "What name" in assistant.texts(sender, "/request_callback")[-1]
    assert "phone number" in assistant.texts(sender, "Mary Smith")[-1]
    sent += 2
    # One refusal (a second ends the form since round 19, so no patient is kept in it), then
    # three more turns inside the form: each adds a user, a bot and several action and slot
    # events, past the 8 the store keeps for the policies; the name must not be forgotten.
    assert "for example" in " ".join(assistant.texts(sender, "my phone"))
    sent += 1
    assert "good time" in assistant.texts(sender, "(860) 555-0123")[-1]
    assistant.texts(sender, "weekday mornings")
    assert "Thank you, Mary Smith" in assistant.texts(sender, "/affirm")[-1]
    sent += 3
    # The two-misses rule needs the previous turn: it still works this late.
    assistant.texts(sender, "what's the weather like today?")
    assert domain_texts["utter_still_not_understood"] in [
        " ".join(t.split()) for t in assistant.texts(sender, "tell me a joke")
    ]
    sent += 2
    assert transcript_user_events(assistant, sender) == sent


def test_a_callback_request_is_taken_validated_and_stored(assistant: Assistant) -> None:
    sender = f"e2e-{uuid.uuid4().hex}"
    assistant.texts(sender, "can I talk to someone?")
    assert "What name" in assistant.texts(sender, "/request_callback")[-1]
    assert "phone number" in assistant.texts(sender, "Mary Smith")[-1]
    assert "for example" in " ".join(assistant.texts(sender, "my phone"))
    assert "good time" in assistant.texts(sender, "(860) 555-0123")[-1]
    consent = assistant.send(sender, "weekday mornings")[-1]
    assert "(860) 555-0123" in consent["text"] and consent["buttons"]
    assert "Thank you, Mary Smith" in assistant.texts(sender, "/affirm")[-1]

    [request] = wait_for(lambda: callback_requests_of(assistant, sender))
    assert (request.name, request.phone, request.preferred_time, request.status) == (
        "Mary Smith",
        "(860) 555-0123",
        "weekday mornings",
        "new",
    )
    outcomes = [r.outcome for r in wait_for(lambda: questions_of(assistant, sender))]
    assert outcomes.count("handoff") >= 2  # "talk to someone" and the callback request


def test_the_callback_form_can_be_cancelled(assistant: Assistant) -> None:
    sender = f"e2e-{uuid.uuid4().hex}"
    assistant.texts(sender, "please call me back")
    assert "cancelled" in assistant.texts(sender, "cancel")[-1]
    assert "1-2 hours" in assistant.texts(sender, "how long does it take?")[-1]


def test_an_emergency_interrupts_the_callback_form(assistant: Assistant, domain_texts) -> None:
    sender = f"e2e-{uuid.uuid4().hex}"
    assistant.texts(sender, "please call me back")
    texts = [" ".join(t.split()) for t in assistant.texts(sender, "I can't feel my legs")]
    assert texts[0] == domain_texts["utter_emergency"]
    assert "NOT been sent" in texts[1]  # round 21: the request was not sent, said plainly


def test_with_the_action_server_down_answers_go_on_and_logging_waits(
    assistant: Assistant, domain_texts
) -> None:
    sender = f"e2e-{uuid.uuid4().hex}"
    assistant.stop_action_server()
    try:
        texts = [" ".join(t.split()) for t in assistant.texts(sender, "is it safe?")]
        assert texts[-1] == domain_texts["utter_complications"]
    finally:
        assistant.start_action_server()
    assert "1-2 hours" in assistant.texts(sender, "how long does it take?")[-1]
    # The question asked while the action server was down is back-filled from the transcript.
    assert wait_for(lambda: len(questions_of(assistant, sender)) == 2)
    rows = questions_of(assistant, sender)
    assert sorted((r.intent, r.outcome) for r in rows) == [
        ("complications", "answered"),
        ("procedure_duration", "answered"),
    ]
    assert any("rare" in (r.response or "") for r in rows)


@pytest.fixture(scope="module")
def postgres_assistant(tmp_path_factory: pytest.TempPathFactory):
    skip_without_postgres()
    server = PostgresServer()
    try:
        server.start()
        url = server.create_database()
        with running_assistant(tmp_path_factory.mktemp("pg-assistant"), database_url=url) as a:
            yield a, server
    finally:
        server.remove()


def test_postgresql_conversation_survives_the_database_restarting(postgres_assistant) -> None:
    assistant, server = postgres_assistant
    sender = f"pg-{uuid.uuid4().hex}"
    assert "1-2 hours" in assistant.texts(sender, "how long does it take?")[-1]
    assert wait_for(lambda: len(questions_of(assistant, sender)) == 1)

    server.stop()
    try:
        assert "rare" in assistant.texts(sender, "is it safe?")[-1]
        assert assistant.texts(sender, "I have chest pain")
    finally:
        server.start()

    rows = wait_for(lambda: len(questions_of(assistant, sender)) == 3, timeout=60)
    assert rows, questions_of(assistant, sender)
    assert [r.intent for r in questions_of(assistant, sender)] == [
        "procedure_duration",
        "complications",
        "emergency",
    ]
    assert transcript_user_events(assistant, sender) >= 1
