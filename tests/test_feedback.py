""" "Was this helpful?" over HTTP against the real servers (addons/channels/feedback.py):
stored once
per answer with its conversation, message and topic; forged, repeated and malformed feedback
refused with a clear 4xx; the comment redacted."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from core.db.database import session_factory
from core.db.models import AnswerFeedback
from ops import rest_client
from tests.conftest import TEST_ORIGIN
from tests.servers import Assistant
from tests.socketio_client import WebchatClient, sources

pytestmark = pytest.mark.e2e
FEEDBACK_PATH = "/webhooks/rest/feedback"


def ask(assistant: Assistant, name: str, text: str) -> tuple[str, str]:
    """Send a question with a message id; (its id, the answer's topic)."""
    key = uuid.uuid4().hex
    reply = rest_client.send(assistant.rasa_url, assistant.token(name), text, message_id=key)
    [topic] = [m["source"]["topic"] for m in reply if m.get("source")]
    return key, topic


def post(assistant: Assistant, body: object) -> requests.Response:
    return requests.post(assistant.rasa_url + FEEDBACK_PATH, json=body, timeout=30)


def stored(assistant: Assistant, name: str) -> list[AnswerFeedback]:
    with session_factory(assistant.database_url)() as session:
        query = select(AnswerFeedback).where(
            AnswerFeedback.conversation_id == assistant.conversation_id(name)
        )
        return list(session.execute(query).scalars())


def test_feedback_is_stored_with_conversation_message_and_topic(assistant: Assistant) -> None:
    key, topic = ask(assistant, "feedback-ok", "how long does it take?")
    assert topic == "procedure_duration"
    body = {
        "sender": assistant.token("feedback-ok"),
        "message_id": key,
        "topic": topic,
        "helpful": False,
        "comment": "too vague, call me on 860-555-0142",
    }
    response = post(assistant, body)
    assert response.status_code == 201, response.text
    [row] = stored(assistant, "feedback-ok")
    assert (row.message_id, row.topic, row.helpful) == (f"{key}.0", topic, False)
    assert row.comment == "too vague, call me on [phone removed]"
    # Repeated clicks change nothing.
    again = post(assistant, {**body, "helpful": True})
    assert again.status_code == 409 and "already" in again.json()["error"]
    assert [r.helpful for r in stored(assistant, "feedback-ok")] == [False]


def test_forged_feedback_is_refused(assistant: Assistant) -> None:
    key, topic = ask(assistant, "feedback-victim", "is it safe?")
    token = assistant.token("feedback-attacker")
    # Another conversation's message, a message never sent, a topic it was not answered on.
    for body, status in [
        ({"sender": token, "message_id": key, "topic": topic, "helpful": False}, 404),
        (
            {
                "sender": assistant.token("feedback-victim"),
                "message_id": uuid.uuid4().hex,
                "topic": topic,
                "helpful": False,
            },
            404,
        ),
        (
            {
                "sender": assistant.token("feedback-victim"),
                "message_id": key,
                "topic": "recovery",
                "helpful": False,
            },
            404,
        ),
        ({"sender": "made-up", "message_id": key, "topic": topic, "helpful": True}, 403),
    ]:
        assert post(assistant, body).status_code == status, body
    assert stored(assistant, "feedback-victim") == []


def test_a_huge_comment_is_refused_politely(assistant: Assistant) -> None:
    key, topic = ask(assistant, "feedback-huge", "how long is recovery")
    body = {
        "sender": assistant.token("feedback-huge"),
        "message_id": key,
        "topic": topic,
        "helpful": False,
        "comment": "x" * 501,
    }
    response = post(assistant, body)
    assert response.status_code == 400 and "500 characters" in response.json()["error"]
    too_big = post(assistant, {**body, "comment": "x" * 20_000})
    assert too_big.status_code == 413


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    field=st.sampled_from(["message_id", "topic", "helpful", "comment"]),
    value=st.one_of(
        st.none(),
        st.integers(),
        st.floats(allow_nan=False),
        st.text(max_size=30),
        st.lists(st.integers(), max_size=2),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    ),
)
def test_any_malformed_field_is_a_4xx_never_a_5xx(
    assistant: Assistant, field: str, value: object
) -> None:
    body = {
        "sender": assistant.token("feedback-fuzz"),
        "message_id": "a" * 16,
        "topic": "recovery",
        "helpful": True,
        field: value,
    }
    assert 400 <= post(assistant, body).status_code < 500


# --- the same over Socket.IO (emit `feedback`, answered by its acknowledgement) -------------


def socket_ask(client: WebchatClient, text: str) -> tuple[str, str]:
    """Ask over Socket.IO with a message id; (its id, the answer's topic)."""
    key = uuid.uuid4().hex
    [source] = sources(client.say(text, message_id=key))
    return key, source["topic"]


def stored_for(assistant: Assistant, token: str) -> list[AnswerFeedback]:
    conversation_id = assistant.keys().conversation_id(token)
    with session_factory(assistant.database_url)() as session:
        query = select(AnswerFeedback).where(AnswerFeedback.conversation_id == conversation_id)
        return list(session.execute(query).scalars())


@pytest.fixture
def socket(assistant: Assistant) -> Iterator[WebchatClient]:
    client = WebchatClient(origin=TEST_ORIGIN)
    client.connect(assistant.rasa_url)
    yield client
    client.close()


def test_feedback_over_socketio_is_stored_once_and_redacted(
    assistant: Assistant, socket: WebchatClient
) -> None:
    key, topic = socket_ask(socket, "how long does it take?")
    body = {"message_id": key, "topic": topic, "helpful": False, "comment": "mail me: a@b.org"}
    assert socket.feedback(body) == {"code": 201, "status": "recorded"}
    again = socket.feedback({**body, "helpful": True})
    assert again["code"] == 409 and "already" in again["error"]
    assert socket.token is not None
    [row] = stored_for(assistant, socket.token)
    assert (row.message_id, row.topic, row.helpful) == (f"{key}.0", topic, False)
    assert row.comment == "mail me: [email removed]"


def test_forged_feedback_over_socketio_is_refused(
    assistant: Assistant, socket: WebchatClient
) -> None:
    """Only an answer this socket's conversation got: not another conversation's (over REST
    or Socket.IO), not a message never sent, not another topic."""
    rest_key, rest_topic = ask(assistant, "feedback-socket-victim", "is it safe?")
    other = WebchatClient(origin=TEST_ORIGIN)
    other.connect(assistant.rasa_url)
    try:
        other_key, other_topic = socket_ask(other, "how long is recovery")
    finally:
        other.close()
    key, topic = socket_ask(socket, "does insurance pay for it?")
    for body in (
        {"message_id": rest_key, "topic": rest_topic, "helpful": False},
        {"message_id": other_key, "topic": other_topic, "helpful": False},
        {"message_id": uuid.uuid4().hex, "topic": topic, "helpful": False},
        {"message_id": key, "topic": rest_topic, "helpful": False},
    ):
        assert socket.feedback(body)["code"] == 404, body
    assert socket.token is not None and stored_for(assistant, socket.token) == []


def test_feedback_over_socketio_needs_a_session_and_a_capped_comment(
    assistant: Assistant, socket: WebchatClient
) -> None:
    key, topic = socket_ask(socket, "how long does it take?")
    body = {"message_id": key, "topic": topic, "helpful": True, "comment": "x" * 501}
    refused = socket.feedback(body)
    assert refused["code"] == 400 and "500 characters" in refused["error"]
    assert socket.feedback(["not", "an", "object"])["code"] == 400
    fresh = WebchatClient(origin=TEST_ORIGIN)
    fresh.open(assistant.rasa_url)  # connected, but no session_request yet
    try:
        assert fresh.feedback({**body, "comment": None})["code"] == 403
    finally:
        fresh.close()


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    field=st.sampled_from(["message_id", "topic", "helpful", "comment"]),
    value=st.one_of(
        st.none(),
        st.integers(),
        st.text(max_size=30),
        st.lists(st.integers(), max_size=2),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    ),
)
def test_any_malformed_field_over_socketio_is_a_4xx(
    assistant: Assistant, socket: WebchatClient, field: str, value: object
) -> None:
    body = {"message_id": "a" * 16, "topic": "recovery", "helpful": True, field: value}
    assert 400 <= socket.feedback(body)["code"] < 500
