"""Every channel response carries exactly one `Access-Control-Allow-Origin` for an allowed
website and none for another one, read from the raw HTTP response against the real server.

Regression test: a Socket.IO long-polling response carried the header twice (once from
python-socketio, once from `rasa run --cors`), so every browser refused it and no browser
client (rasa-webchat included) ever got a session. `requests` folds repeated headers into one
"a, b" value and python-socketio's client does not check CORS at all, so these tests read the
header list with http.client.
"""

from __future__ import annotations

import http.client
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import TEST_ORIGIN
from tests.servers import Assistant

pytestmark = pytest.mark.e2e

OTHER_ORIGIN = "https://evil.example"
POLLING = "/socket.io/?EIO=4&transport=polling"


@dataclass(frozen=True)
class Raw:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def values(self, name: str) -> list[str]:
        return [v for k, v in self.headers if k.lower() == name.lower()]

    @property
    def allow_origin(self) -> list[str]:
        return self.values("Access-Control-Allow-Origin")


def request(
    assistant: Assistant,
    method: str,
    path: str,
    origin: str | None,
    body: bytes | Mapping[str, object] | None = None,
    headers: dict[str, str] | None = None,
) -> Raw:
    """One request; the response's headers exactly as sent (repeats kept)."""
    url = urlsplit(assistant.rasa_url)
    connection = http.client.HTTPConnection(url.hostname or "", url.port, timeout=30)
    all_headers = dict(headers or {})
    if origin is not None:
        all_headers["Origin"] = origin
    data = json.dumps(body).encode() if isinstance(body, Mapping) else body
    if isinstance(body, Mapping):
        all_headers["Content-Type"] = "application/json"
    elif data is not None:
        all_headers["Content-Type"] = "text/plain;charset=UTF-8"  # what socket.io-client sends
    try:
        connection.request(method, path, body=data, headers=all_headers)
        response = connection.getresponse()
        return Raw(response.status, response.getheaders(), response.read())
    finally:
        connection.close()


def preflight(assistant: Assistant, path: str, origin: str) -> Raw:
    headers = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    return request(assistant, "OPTIONS", path, origin, headers=headers)


def polling_session(assistant: Assistant, origin: str | None) -> tuple[Raw, str]:
    """The long-polling handshake a browser client starts with, and its engine.io sid."""
    handshake = request(assistant, "GET", POLLING, origin)
    assert handshake.status == 200, handshake.body
    opened = json.loads(handshake.body.decode()[1:])  # "0{...}": engine.io's open packet
    return handshake, str(opened["sid"])


def rest_turn(assistant: Assistant, origin: str | None, name: str) -> tuple[Raw, str]:
    """A REST message with a message id, as the project's widget sends it."""
    key = uuid.uuid4().hex
    body = {"sender": assistant.token(name), "message": "how long does it take?", "message_id": key}
    return request(assistant, "POST", "/webhooks/rest/webhook", origin, body), key


def test_every_channel_response_to_an_allowed_origin_has_the_header_once(
    assistant: Assistant,
) -> None:
    responses: dict[str, Raw] = {}
    responses["new conversation"] = request(
        assistant, "POST", "/webhooks/rest/conversations", TEST_ORIGIN
    )
    responses["message"], key = rest_turn(assistant, TEST_ORIGIN, "cors-once")
    responses["message not JSON"] = request(
        assistant, "POST", "/webhooks/rest/webhook", TEST_ORIGIN, b"{"
    )
    feedback = {
        "sender": assistant.token("cors-once"),
        "message_id": key,
        "topic": "procedure_duration",
        "helpful": True,
    }
    responses["feedback"] = request(
        assistant, "POST", "/webhooks/rest/feedback", TEST_ORIGIN, feedback
    )
    responses["feedback again"] = request(
        assistant, "POST", "/webhooks/rest/feedback", TEST_ORIGIN, feedback
    )
    for path in ("/webhooks/rest/webhook", "/webhooks/rest/feedback", POLLING):
        responses[f"preflight {path}"] = preflight(assistant, path, TEST_ORIGIN)
    responses["polling handshake"], sid = polling_session(assistant, TEST_ORIGIN)
    with_sid = f"{POLLING}&sid={sid}"
    responses["polling send"] = request(assistant, "POST", with_sid, TEST_ORIGIN, b"40")
    responses["polling receive"] = request(assistant, "GET", with_sid, TEST_ORIGIN)
    responses["polling close"] = request(assistant, "POST", with_sid, TEST_ORIGIN, b"1")

    assert responses["message"].status == 200
    assert responses["feedback"].status == 201, responses["feedback"].body
    assert responses["feedback again"].status == 409
    assert responses["polling send"].status == 200
    assert responses["polling receive"].body.startswith(b"40")  # the namespace is connected
    wrong = {
        name: (r.status, r.allow_origin, r.values("Access-Control-Allow-Credentials"))
        for name, r in responses.items()
        if r.allow_origin != [TEST_ORIGIN] or len(r.values("Access-Control-Allow-Credentials")) > 1
    }
    assert wrong == {}


def test_no_channel_response_to_another_origin_has_the_header(assistant: Assistant) -> None:
    responses: dict[str, Raw] = {}
    responses["new conversation"] = request(
        assistant, "POST", "/webhooks/rest/conversations", OTHER_ORIGIN
    )
    responses["message"], _ = rest_turn(assistant, OTHER_ORIGIN, "cors-refused")
    feedback = {"sender": assistant.token("cors-refused"), "message_id": "x" * 8}
    responses["feedback"] = request(
        assistant, "POST", "/webhooks/rest/feedback", OTHER_ORIGIN, feedback
    )
    responses["polling handshake"] = request(assistant, "GET", POLLING, OTHER_ORIGIN)
    _, sid = polling_session(assistant, None)  # a session opened without an Origin...
    with_sid = f"{POLLING}&sid={sid}"
    responses["polling send"] = request(assistant, "POST", with_sid, OTHER_ORIGIN, b"40")
    responses["polling receive"] = request(assistant, "GET", with_sid, OTHER_ORIGIN)
    for path in ("/webhooks/rest/webhook", "/webhooks/rest/feedback", POLLING):
        responses[f"preflight {path}"] = preflight(assistant, path, OTHER_ORIGIN)

    statuses = {name: r.status for name, r in responses.items() if "preflight" not in name}
    assert statuses == {
        "new conversation": 403,
        "message": 403,
        "feedback": 403,
        "polling handshake": 400,
        "polling send": 400,  # ...cannot be used from another website's page either
        "polling receive": 400,
    }
    assert {name: r.allow_origin for name, r in responses.items() if r.allow_origin} == {}


VARIANTS = [
    TEST_ORIGIN,
    TEST_ORIGIN.upper(),
    TEST_ORIGIN + "/",
    TEST_ORIGIN + ".evil.example",
    TEST_ORIGIN + ":443",
    "http://hospital.example",
    "https://evil.hospital.example",
    "null",
    "*",
    TEST_ORIGIN + " " + OTHER_ORIGIN,
    TEST_ORIGIN + "," + OTHER_ORIGIN,
]
ORIGINS = st.one_of(
    st.sampled_from(VARIANTS),
    st.text(st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=60),
    st.builds(
        lambda prefix, suffix: prefix + suffix,
        st.sampled_from([TEST_ORIGIN, "https://", "hospital.example"]),
        st.text(st.characters(min_codepoint=33, max_codepoint=126), max_size=20),
    ),
)


@settings(
    max_examples=40,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(origin=ORIGINS)
def test_any_origin_gets_the_header_once_if_allowed_and_never_otherwise(
    assistant: Assistant, origin: str
) -> None:
    """Hostile Origin values: the header is there exactly when the request is let through,
    once, and it names that origin; Socket.IO and REST agree on which origins those are."""
    allowed = origin.lower() == TEST_ORIGIN
    handshake = request(assistant, "GET", POLLING, origin)
    conversation = request(assistant, "POST", "/webhooks/rest/conversations", origin)
    options = preflight(assistant, POLLING, origin)
    assert (handshake.status, conversation.status) == ((200, 201) if allowed else (400, 403))
    expected = [origin] if allowed else []
    assert (handshake.allow_origin, conversation.allow_origin, options.allow_origin) == (
        expected,
        expected,
        expected,
    )
