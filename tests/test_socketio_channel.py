"""The Socket.IO channel with a real python-socketio client against the real servers.

Regression tests for what an outside tester found: with Rasa 3.6.21's channel no reply ever
reached a client (an un-awaited `enter_room`, RasaHQ/rasa#13027), any Origin was accepted,
and anyone who knew a conversation id could write into it.
"""

from __future__ import annotations

import pytest
import socketio
from sqlalchemy import select

from core.db.database import session_factory
from core.db.models import Question
from tests.conftest import TEST_ORIGIN
from tests.servers import Assistant
from tests.socketio_client import WebchatClient, texts
from tests.stored import user_event_count, wait_for

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("transport", ["websocket", "polling"])
def test_a_webchat_client_gets_its_answers(
    assistant: Assistant, domain_texts: dict[str, str], transport: str
) -> None:
    client = WebchatClient(origin=TEST_ORIGIN)
    client.connect(assistant.rasa_url, transport=transport)
    try:
        replies = texts(client.say("how long does it take?"))
    finally:
        client.close()
    assert replies[0] == domain_texts["utter_disclaimer"]
    assert replies[-1] == domain_texts["utter_procedure_duration"]


@pytest.mark.parametrize("opening", [{}, {"message": None}, {"message": ""}, "/get_started"])
def test_a_widgets_opening_gets_the_greeting_not_an_error(
    assistant: Assistant, domain_texts: dict[str, str], opening: object
) -> None:
    """rasa-webchat opens with `user_uttered` without `message` (or with its `initPayload`):
    it was answered "Sorry, I could not read that message"."""
    client = WebchatClient(origin=TEST_ORIGIN)
    token = client.connect(assistant.rasa_url)
    if isinstance(opening, dict):  # the event exactly as rasa-webchat sends it
        client.sio.emit("user_uttered", {**opening, "customData": {}, "session_id": token})
        replies = texts(client.collect())
    else:
        replies = texts(client.say(opening))
    client.close()
    assert replies == [domain_texts["utter_disclaimer"], domain_texts["utter_greet"]]


def test_reconnecting_with_the_token_continues_the_conversation(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    first = WebchatClient()
    token = first.connect(assistant.rasa_url)
    first.say("hello")
    first.close()
    again = WebchatClient()
    confirmed = again.connect(assistant.rasa_url, token=token)
    replies = texts(again.say("is it safe?"))
    again.close()
    assert confirmed == token
    assert replies == [domain_texts["utter_complications"]]  # no second disclaimer
    conversation_id = assistant.keys().conversation_id(token)
    assert conversation_id is not None and user_event_count(assistant, conversation_id) == 2


@pytest.mark.parametrize("forged", ["patient-42", "default", "", "v1.abc.def", 42, None])
def test_a_session_id_the_server_did_not_issue_gets_a_new_conversation(
    assistant: Assistant, forged: object
) -> None:
    client = WebchatClient()
    client.open(assistant.rasa_url)
    token = client.request_session(forged)
    client.close()
    assert token != forged and assistant.keys().conversation_id(token) is not None


def test_a_socket_cannot_write_into_another_conversation(assistant: Assistant) -> None:
    """Naming someone else's token in user_uttered still writes only to one's own session."""
    victim, attacker = WebchatClient(), WebchatClient()
    victim_token = victim.connect(assistant.rasa_url)
    attacker_token = attacker.connect(assistant.rasa_url)
    try:
        attacker_replies = texts(attacker.say("no", session_id=victim_token))
        victim_saw = victim.collect(first_timeout=3)
    finally:
        victim.close()
        attacker.close()
    assert attacker_replies and victim_saw == []
    keys = assistant.keys()
    victim_id, attacker_id = (
        keys.conversation_id(victim_token),
        keys.conversation_id(attacker_token),
    )
    assert victim_id and attacker_id
    assert user_event_count(assistant, victim_id) == 0
    assert user_event_count(assistant, attacker_id) == 1


@pytest.mark.parametrize("transport", ["websocket", "polling"])
def test_another_websites_origin_is_refused_on_both_transports(
    assistant: Assistant, transport: str
) -> None:
    client = WebchatClient(origin="https://evil.example")
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.open(assistant.rasa_url, transport=transport)


def test_broken_unicode_and_hand_written_intents_over_socketio(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    client = WebchatClient()
    client.connect(assistant.rasa_url)
    try:
        red_flag = texts(client.say("my legs went numb and I lost bladder control \ud83d"))
        slashed = texts(client.say("/recovery@1 my legs are numb and I lost bladder control"))
        not_text = texts(client.say({"message": "nested"}))
    finally:
        client.close()
    assert red_flag[-1] == domain_texts["utter_emergency"]
    assert slashed == [domain_texts["utter_emergency"]]
    assert not_text and "could not read" in not_text[0]


def test_a_new_session_request_moves_the_socket_to_the_new_conversation(
    assistant: Assistant,
) -> None:
    """After asking for another session, replies of the first conversation no longer arrive."""
    first, watcher = WebchatClient(), WebchatClient()
    token = first.connect(assistant.rasa_url)
    watcher.connect(assistant.rasa_url, token=token)
    try:
        watcher.request_session(None)  # the watcher moves to a conversation of its own
        assert texts(first.say("is it safe?"))
        assert watcher.collect(first_timeout=3) == []
    finally:
        first.close()
        watcher.close()


def test_an_emergency_over_socketio_is_stored_logged_and_marked(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    """Before: the emergency marker crashed Rasa's Socket.IO output after the text went out,
    so the emergency never reached the transcript or the question log."""
    client = WebchatClient()
    token = client.connect(assistant.rasa_url)
    try:
        replies = client.say("I can't feel my legs")
        after = texts(client.say("how long does it take?"))
    finally:
        client.close()
    assert domain_texts["utter_emergency"] in texts(replies)
    assert {"custom": {"kind": "emergency"}} in replies
    assert "1-2 hours" in after[-1]
    conversation_id = assistant.keys().conversation_id(token)
    assert conversation_id is not None and user_event_count(assistant, conversation_id) == 2
    rows = wait_for(lambda: logged_outcomes(assistant, conversation_id))
    assert rows == [("emergency", "socketio"), ("answered", "socketio")]
    log = (assistant.work_dir / "rasa.log").read_text(errors="replace")
    assert "unexpected keyword argument" not in log


def test_a_bare_string_is_read_as_the_message(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    client = WebchatClient()
    client.connect(assistant.rasa_url)
    try:
        client.sio.emit("user_uttered", "chest pain")
        replies = texts(client.collect())
    finally:
        client.close()
    assert domain_texts["utter_emergency"] in replies


def logged_outcomes(assistant: Assistant, conversation_id: str) -> list[tuple[str, str]]:
    with session_factory(assistant.database_url)() as session:
        rows = session.execute(
            select(Question.outcome, Question.channel)
            .where(Question.conversation_id == conversation_id)
            .order_by(Question.id)
        ).all()
    return [(outcome, channel) for outcome, channel in rows]


def test_a_red_flag_behind_a_burst_still_gets_the_emergency_message(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    """Before: after ~60 queued messages Rasa dropped the rest (LockError), the red flag too."""
    client = WebchatClient()
    client.connect(assistant.rasa_url)
    try:
        for n in range(40):
            client.sio.emit(
                "user_uttered", {"message": f"question {n}", "session_id": client.token}
            )
        client.sio.emit(
            "user_uttered", {"message": "I can't feel my legs", "session_id": client.token}
        )
        replies = texts(client.collect())
    finally:
        client.close()
    assert domain_texts["utter_emergency"] in replies
    assert any("wait for my reply" in r for r in replies)
    assert "LockError" not in (assistant.work_dir / "rasa.log").read_text(errors="replace")
    conversation_id = assistant.keys().conversation_id(client.token)
    assert conversation_id is not None
    rows = wait_for(
        lambda: logged_outcomes(assistant, conversation_id).count(("emergency", "socketio")),
        timeout=60,
    )
    assert rows == 1  # answered at the door, and stored and logged all the same


def test_a_resent_message_id_over_socketio_is_answered_once(assistant: Assistant) -> None:
    """Both channels share one turn pipeline (addons/channels/turn.py), so a `message_id` on a
    `user_uttered` makes a retry safe as on REST: the same reply, one turn. (Before, the
    Socket.IO channel had its own copy of the turn, without idempotency: two turns.)"""
    import uuid

    client = WebchatClient(origin=TEST_ORIGIN)
    token = client.connect(assistant.rasa_url)
    key = uuid.uuid4().hex
    try:
        first = texts(client.say("is it safe?", message_id=key))
        again = texts(client.say("is it safe?", message_id=key))
    finally:
        client.close()
    conversation_id = assistant.keys().conversation_id(token)
    assert conversation_id is not None
    assert first and again == first
    assert user_event_count(assistant, conversation_id) == 1
