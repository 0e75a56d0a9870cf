"""The action server as a stranger would find it: only the Rasa server may call it.

Before: rasa-sdk's server listened on every address without authentication; a direct POST to
/webhook stored a call-back with a formula as the phone number and logged a fake emergency,
and an error reply echoed the whole request (the conversation) back.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
import requests

from core.secrets.action_token import authorization_header, is_authorised
from tests.servers import Assistant

pytestmark = pytest.mark.e2e

FORGED_CALL = {
    "next_action": "action_submit_callback",
    "sender_id": "anyone",
    "version": "3.6.21",
    "tracker": {
        "sender_id": "anyone",
        "slots": {
            "callback_name": '=HYPERLINK("http://evil.example")',
            "callback_phone": "=1+1",
            "callback_time": "now",
            "callback_consent": True,
        },
        "latest_message": {"text": "x", "intent": {"name": "affirm"}},
        "events": [],
        "active_loop": {},
    },
    "domain": {},
}


def token_of(assistant: Assistant) -> str:
    return assistant.env["ACTION_SERVER_TOKEN"]


@pytest.mark.parametrize("path", ["/webhook", "/actions"])
@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic abc"}, {"Authorization": ""}],
)
def test_calls_without_the_token_are_refused(
    assistant: Assistant, path: str, headers: dict[str, str]
) -> None:
    method = requests.post if path == "/webhook" else requests.get
    response = method(assistant.action_url + path, json=FORGED_CALL, headers=headers, timeout=10)
    assert response.status_code == 401
    assert "HYPERLINK" not in response.text


def test_the_health_check_stays_open(assistant: Assistant) -> None:
    assert requests.get(assistant.action_url + "/health", timeout=10).status_code == 200


def test_an_error_reply_does_not_echo_the_request(assistant: Assistant) -> None:
    call = {"next_action": "action_handoff", "tracker": "a private conversation"}
    response = requests.post(
        assistant.action_url + "/webhook",
        json=call,
        headers=authorization_header(token_of(assistant)),
        timeout=10,
    )
    assert 400 <= response.status_code < 600
    assert "private conversation" not in response.text


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a listening TCP socket on `port` (from /proc/net/tcp, tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        path = Path(table)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            address, state = fields[1], fields[3]
            host, port_hex = address.rsplit(":", 1)
            if state == "0A" and int(port_hex, 16) == port:
                found.add(host)
    return found


def test_it_listens_on_loopback_only(assistant: Assistant) -> None:
    port = urlparse(assistant.action_url).port
    assert port is not None
    # 0100007F is 127.0.0.1 as /proc/net/tcp writes it; 0.0.0.0 would be 00000000.
    assert listening_addresses(port) == {"0100007F"}


def test_the_token_check_is_exact() -> None:
    assert is_authorised("Bearer s3cret", "s3cret")
    for header in (None, "", "Bearer s3cre", "Bearer s3cret ", "bearer s3cret", "s3cret", "Bearer"):
        assert not is_authorised(header, "s3cret")


def test_the_question_log_writer_starts_with_the_server(assistant: Assistant) -> None:
    """It counts the quarantine (and back-fills) at start-up, not at the first question."""
    log = (assistant.work_dir / "actions.log").read_text(errors="replace")
    assert "Question log: 0 entries in quarantine" in log
