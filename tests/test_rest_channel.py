"""The REST channel as a stranger would try it: each defect an outside tester found, over HTTP.

The real Rasa server and action server; every test sends what a hostile or careless client
could send and checks what the patient gets back and what ends up stored.
"""

from __future__ import annotations

import json
import time

import pytest
import requests

from addons.channels.conversation_ids import ConversationKeys
from addons.cleaning.inbound import MAX_BODY_BYTES, MAX_MESSAGE_CHARS
from ops.rest_client import CONVERSATIONS_PATH, WEBHOOK_PATH
from tests.conftest import TEST_ORIGIN
from tests.servers import Assistant
from tests.stored import questions_of, transcript_user_events, user_events_of, wait_for

pytestmark = pytest.mark.e2e

RED_FLAG = "my legs went numb and I lost bladder control"


def post_raw(assistant: Assistant, body: bytes, **headers: str) -> requests.Response:
    return requests.post(
        assistant.rasa_url + WEBHOOK_PATH,
        data=body,
        headers={"Content-Type": "application/json", **headers},
        timeout=60,
    )


def post(assistant: Assistant, body: object, **headers: str) -> requests.Response:
    return post_raw(assistant, json.dumps(body).encode(), **headers)


def texts_of(response: requests.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [" ".join(m["text"].split()) for m in response.json() if m.get("text")]


@pytest.mark.parametrize(
    "body", [b"", b"[]", b"null", b'"x"', b"123", b"{bad json", b"\xff\xfe\x00", b"true"]
)
def test_a_body_that_is_not_a_json_object_is_a_400(assistant: Assistant, body: bytes) -> None:
    response = post_raw(assistant, body)
    assert response.status_code == 400
    assert response.json() == {"error": "The body must be a JSON object."}


@pytest.mark.parametrize("message", [5, 1.5, ["hi"], {"text": "hi"}, True])
def test_a_message_that_is_not_a_string_is_a_400(assistant: Assistant, message: object) -> None:
    response = post(assistant, {"sender": assistant.token("typed"), "message": message})
    assert response.status_code == 400 and "string" in response.json()["error"]


@pytest.mark.parametrize("body", [{}, {"message": None}, {"message": ""}, {"message": " \u200b"}])
def test_a_message_without_text_gets_the_greeting(
    assistant: Assistant, domain_texts: dict[str, str], body: dict[str, object]
) -> None:
    """A client opening the chat with no text is greeted, never told it could not be read."""
    name = f"opening-{len(body)}-{body.get('message')!r}"
    response = post(assistant, {"sender": assistant.token(name), **body})
    assert texts_of(response) == [domain_texts["utter_disclaimer"], domain_texts["utter_greet"]]


def test_a_missing_sender_is_a_400_and_does_not_join_a_shared_conversation(
    assistant: Assistant,
) -> None:
    response = post(assistant, {"message": "what did the last person ask?"})
    assert response.status_code == 400 and "conversations" in response.json()["error"]
    keys = assistant.keys()
    assert keys.conversation_id("default") is None


@pytest.mark.parametrize(
    "sender",
    ["patient-42", "default", "web-0123456789abcdef0123456789abcdef", "v1.x.y", 42, ["a"]],
)
def test_a_sender_id_the_server_did_not_issue_is_refused(
    assistant: Assistant, sender: object
) -> None:
    response = post(assistant, {"sender": sender, "message": "hello"})
    assert response.status_code == 403


def test_knowing_a_conversation_id_does_not_let_anyone_write_into_it(
    assistant: Assistant,
) -> None:
    """The id staff and logs see is not the token: it cannot be used to continue the chat."""
    assistant.send("victim", "I'd like a call back")
    victim_id = assistant.conversation_id("victim")
    other_server_token = ConversationKeys(b"another server").new_token()
    for sender in (victim_id, other_server_token):
        assert post(assistant, {"sender": sender, "message": "no"}).status_code == 403
    assert transcript_user_events(assistant, "victim") == 1


def test_client_metadata_and_channel_names_are_never_stored(assistant: Assistant) -> None:
    body = {
        "sender": assistant.token("spoofer"),
        "message": "how long does it take?",
        "input_channel": '=HYPERLINK("http://evil.example")',
        "metadata": {"model_id": {"nested": "object"}, "role": "admin"},
    }
    assert texts_of(post(assistant, body))
    [row] = wait_for(lambda: questions_of(assistant, "spoofer"))
    assert row.channel == "rest"
    assert row.model_version is None or (
        row.model_version.isprintable() and "{" not in row.model_version
    )
    [event] = user_events_of(assistant, "spoofer")
    assert event["input_channel"] == "rest"
    assert "role" not in (event.get("metadata") or {})
    assert not isinstance((event.get("metadata") or {}).get("model_id"), dict)


@pytest.mark.parametrize("input_channel", [["a", "list"], 5, {"x": 1}, None])
def test_odd_channel_names_are_ignored_and_the_question_still_logged(
    assistant: Assistant, input_channel: object
) -> None:
    name = f"channel-{input_channel!r}"
    body = {
        "sender": assistant.token(name),
        "message": "is it safe?",
        "input_channel": input_channel,
    }
    assert texts_of(post(assistant, body))
    rows = wait_for(lambda: questions_of(assistant, name))
    assert [r.channel for r in rows] == ["rest"]


def test_a_lone_surrogate_still_gets_the_emergency_message(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    token = assistant.token("surrogate")
    body = f'{{"sender": "{token}", "message": "{RED_FLAG} \\ud83d"}}'.encode()
    assert texts_of(post_raw(assistant, body))[-1] == domain_texts["utter_emergency"]


def test_control_characters_never_reach_the_transcript_or_the_log(assistant: Assistant) -> None:
    message = "how long\x00 does it\x1b take?\r\nthanks\x7f"
    assert texts_of(post(assistant, {"sender": assistant.token("nul"), "message": message}))
    [event] = user_events_of(assistant, "nul")
    assert event["text"] == "how long does it take?\nthanks"  # each control became a space
    [row] = wait_for(lambda: questions_of(assistant, "nul"))
    assert "\x00" not in row.text and "\x1b" not in row.text


def test_hand_written_intents_do_not_bypass_the_red_flag_check(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    sent = f"/recovery@1 {RED_FLAG}"
    replies = texts_of(post(assistant, {"sender": assistant.token("slash"), "message": sent}))
    assert replies[-1] == domain_texts["utter_emergency"]
    assert domain_texts["utter_recovery"] not in replies
    [row] = wait_for(lambda: questions_of(assistant, "slash"))
    assert (row.intent, row.outcome) == ("emergency", "emergency")


def test_a_forged_confidence_is_not_logged(assistant: Assistant) -> None:
    assert texts_of(post(assistant, {"sender": assistant.token("at0"), "message": "/emergency@0"}))
    rows = wait_for(lambda: questions_of(assistant, "at0"))
    assert rows and rows[0].confidence is not None and rows[0].confidence > 0


@pytest.mark.parametrize("command", ["/restart", "/session_start", "/action_listen", "/greet@1"])
def test_typed_commands_get_an_answer(assistant: Assistant, command: str) -> None:
    replies = texts_of(post(assistant, {"sender": assistant.token(command), "message": command}))
    assert replies, f"no reply to {command!r}"


def test_the_bots_own_buttons_still_work(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    assistant.send("buttons", "hello")
    assert assistant.texts("buttons", "/recovery") == [domain_texts["utter_recovery"]]


def test_a_too_long_message_gets_asked_to_be_shortened_and_the_conversation_goes_on(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    long = "my mother has had back pain for a long time and " * 40
    replies = texts_of(post(assistant, {"sender": assistant.token("long"), "message": long}))
    assert len(long) > MAX_MESSAGE_CHARS and "too long" in replies[0]
    assert "1-2 hours" in assistant.texts("long", "how long does it take?")[-1]


def test_a_red_flag_deep_in_a_too_long_message_gets_the_emergency_message(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    story = "my father had the procedure last week and it went well. " * 40 + RED_FLAG
    replies = texts_of(post(assistant, {"sender": assistant.token("story"), "message": story}))
    assert replies[-1] == domain_texts["utter_emergency"]
    [event] = user_events_of(assistant, "story")
    assert len(event["text"]) <= MAX_MESSAGE_CHARS


def test_a_body_over_the_limit_is_refused_with_413_without_being_stored(
    assistant: Assistant,
) -> None:
    body = {"sender": assistant.token("huge"), "message": "x" * (MAX_BODY_BYTES + 1)}
    assert post(assistant, body).status_code == 413
    assert transcript_user_events(assistant, "huge") == 0


def test_another_websites_page_is_refused_and_ours_is_served(assistant: Assistant) -> None:
    body = {"sender": assistant.token("origin"), "message": "hello"}
    assert post(assistant, body, Origin="https://evil.example").status_code == 403
    assert texts_of(post(assistant, body, Origin=TEST_ORIGIN))
    new = requests.post(assistant.rasa_url + CONVERSATIONS_PATH, timeout=10)
    assert new.status_code == 201 and assistant.keys().conversation_id(new.json()["sender"])


def test_a_replayed_request_is_just_the_same_patient_asking_again(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    body = {"sender": assistant.token("replay"), "message": "is it safe?"}
    first, second = texts_of(post(assistant, body)), texts_of(post(assistant, body))
    assert first[-1] == second[-1] == domain_texts["utter_complications"]
    assert transcript_user_events(assistant, "replay") == 2


def test_a_burst_into_one_conversation_is_bounded_and_a_red_flag_still_answered(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    """Before: 8 requests at once on one token made the 8th wait 8 s (Rasa's lock, polled
    once a second), a backlog of 60 gave a 503 after 60 s; now at most 3 wait and the rest are
    told to wait (429), at once. Since issue 22 a turn calls no custom action, so in one
    process turns no longer overlap and the burst may simply be answered message by message
    (no lock wait at all): each request gets the answer or the wait reply, never an error."""
    from concurrent.futures import ThreadPoolExecutor

    token = assistant.token("burst")
    body = {"sender": token, "message": "how long does it take?"}
    with ThreadPoolExecutor(12) as pool:
        pending = [pool.submit(post, assistant, body) for _ in range(12)]
        time.sleep(0.3)  # the burst is inside the server: the conversation is busy
        red_flag = post(assistant, {"sender": token, "message": "I can't feel my legs"})
        burst = [future.result() for future in pending]
    statuses = sorted(r.status_code for r in burst)
    assert set(statuses) <= {200, 429}, statuses
    assert all("wait for my reply" in r.json()[0]["text"] for r in burst if r.status_code == 429)
    answered = [texts_of(r) for r in burst if r.status_code == 200]
    assert answered and all(domain_texts["utter_procedure_duration"] in t for t in answered)
    assert red_flag.status_code == 200
    assert domain_texts["utter_emergency"] in texts_of(red_flag)
    assert {"custom": {"kind": "emergency"}} in [
        {k: v for k, v in m.items() if k != "recipient_id"} for m in red_flag.json()
    ]
    # Answered (at the door when the conversation was busy), and stored and logged like any
    # emergency (an outside tester found it answered but missing from both).
    stored = wait_for(
        lambda: "I can't feel my legs" in [e["text"] for e in user_events_of(assistant, "burst")],
        timeout=60,
    )
    assert stored
    rows = wait_for(
        lambda: [q for q in questions_of(assistant, "burst") if q.outcome == "emergency"]
    )
    assert [q.text for q in rows] == ["I can't feel my legs"]


def test_the_backlog_admits_three_messages_of_a_conversation_and_asks_the_rest_to_wait() -> None:
    """The bound itself, for turns that do overlap (several awaits: the cluster's Redis lock)."""
    from contextlib import ExitStack

    from addons.channels.backlog import MAX_IN_FLIGHT, ConversationBacklog

    backlog = ConversationBacklog()
    with ExitStack() as stack:
        admitted = [stack.enter_context(backlog.admit("c")) for _ in range(MAX_IN_FLIGHT + 2)]
        assert admitted == [True] * MAX_IN_FLIGHT + [False, False]
        assert backlog.busy("c") and not backlog.busy("other")
        with backlog.admit("other") as other:
            assert other
    assert not backlog.busy("c")
