"""A message sent again with the same `message_id` is answered once
(addons/channels/idempotency.py).

Over HTTP against the real servers: the widget resends a message whose reply it did not get;
before, every resend was a new turn (a duplicated row in the transcript and the question
log, and a second answer). The cluster tests (tests/test_cluster.py) send the retry to
another Rasa server and kill the one answering.
"""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from addons.channels.idempotency import MESSAGE_ID
from ops import rest_client
from ops.rest_client import WEBHOOK_PATH
from tests.servers import Assistant
from tests.stored import questions_of, transcript_user_events, wait_for

pytestmark = pytest.mark.e2e


def new_id() -> str:
    return uuid.uuid4().hex


def test_a_resent_message_is_answered_once_with_the_same_reply(assistant: Assistant) -> None:
    token, key = assistant.token("resend"), new_id()
    first = rest_client.send(assistant.rasa_url, token, "is it safe?", message_id=key)
    again = rest_client.send(assistant.rasa_url, token, "is it safe?", message_id=key)
    assert again == first and first
    assert transcript_user_events(assistant, "resend") == 1
    wait_for(lambda: len(questions_of(assistant, "resend")) == 1)
    # A new id is a new message, as before.
    rest_client.send(assistant.rasa_url, token, "is it safe?", message_id=new_id())
    assert transcript_user_events(assistant, "resend") == 2


def test_a_resent_two_question_message_gets_both_answers_again(assistant: Assistant) -> None:
    token, key = assistant.token("resend-two"), new_id()
    text = "How long does it take? And is it painful?"
    first = rest_client.send(assistant.rasa_url, token, text, message_id=key)
    again = rest_client.send(assistant.rasa_url, token, text, message_id=key)
    assert again == first and len([m for m in first if m.get("text")]) >= 2
    assert transcript_user_events(assistant, "resend-two") == 2


def test_copies_sent_at_once_make_one_turn_and_all_get_the_reply(assistant: Assistant) -> None:
    token, key = assistant.token("resend-burst"), new_id()

    def send() -> list[dict[str, object]]:
        return rest_client.send(assistant.rasa_url, token, "how long is recovery", message_id=key)

    with ThreadPoolExecutor(3) as pool:
        replies = [f.result() for f in [pool.submit(send) for _ in range(3)]]
    assert replies[0] and all(reply == replies[0] for reply in replies)
    assert transcript_user_events(assistant, "resend-burst") == 1


@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    message_id=st.one_of(
        st.integers(),
        st.floats(allow_nan=False),
        st.lists(st.text(max_size=3), max_size=2),
        st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
        st.text(max_size=7),
        st.text(min_size=65, max_size=5000),
        st.text(alphabet=st.characters(blacklist_categories=("L", "N")), min_size=8, max_size=64),
    ).filter(lambda v: not (isinstance(v, str) and MESSAGE_ID.fullmatch(v)))
)
def test_a_malformed_message_id_is_a_polite_400(assistant: Assistant, message_id: object) -> None:
    response = requests.post(
        assistant.rasa_url + WEBHOOK_PATH,
        json={"sender": assistant.token("bad-id"), "message": "hello", "message_id": message_id},
        timeout=30,
    )
    assert response.status_code == 400
    assert "message_id" in response.json()["error"]


def test_another_conversations_message_id_gets_a_fresh_answer_not_theirs(
    assistant: Assistant,
) -> None:
    """Receipts are per conversation: replaying someone else's id reveals nothing of theirs."""
    key = new_id()
    victim = assistant.token("receipt-victim")
    attacker = assistant.token("receipt-attacker")
    theirs = rest_client.send(assistant.rasa_url, victim, "is it safe?", message_id=key)
    mine = rest_client.send(assistant.rasa_url, attacker, "what is it?", message_id=key)
    assert mine != theirs and mine
    assert all(m["recipient_id"] != theirs[0]["recipient_id"] for m in mine)
    assert transcript_user_events(assistant, "receipt-attacker") == 1
