"""Malformed HTTP framing, sent as raw bytes: a 400, and the server goes on answering.

Before: "Content-Length: -1" put the Rasa server (Sanic 21.12) in a busy loop that answered
nobody again and ignored SIGTERM; a non-numeric Content-Length was a 500; JSON nested a
thousand levels deep was a 500 (RecursionError).
"""

from __future__ import annotations

import json
import socket
from urllib.parse import urlparse

import pytest
import requests

from addons.channels.http_guard import framing_problem
from ops.rest_client import WEBHOOK_PATH
from tests.servers import Assistant

pytestmark = pytest.mark.e2e

PATHS = [WEBHOOK_PATH, "/webhooks/rest/conversations", "/socket.io/?EIO=4&transport=polling"]


def raw_request(url: str, path: str, headers: list[str], body: bytes = b"") -> bytes:
    """Send one request exactly as written; what the server answered (b"" if nothing)."""
    address = urlparse(url)
    assert address.hostname is not None and address.port is not None
    head = "\r\n".join([f"POST {path} HTTP/1.1", f"Host: {address.netloc}", *headers, "", ""])
    with socket.create_connection((address.hostname, address.port), timeout=10) as connection:
        connection.sendall(head.encode() + body)
        try:
            return connection.recv(4096)
        except TimeoutError:
            return b""


def still_answers(assistant: Assistant) -> bool:
    return requests.get(assistant.rasa_url + "/", timeout=10).status_code == 200


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(
    "headers",
    [
        ["Content-Length: -1"],
        ["Content-Length: -5"],
        ["Content-Length: abc"],
        ["Content-Length: 1e1"],
        ["Content-Length: "],
        ["Content-Length: 5,5"],
        ["Content-Length: 0x1e"],
        ["Content-Length: 29", "Content-Length: 30"],
        ["Content-Length: 29", "Transfer-Encoding: chunked"],
        ["Transfer-Encoding: gzip"],
    ],
)
def test_malformed_framing_is_a_400_and_harms_nobody(
    assistant: Assistant, path: str, headers: list[str]
) -> None:
    body = b'{"sender":"x","message":"hi"}'
    answer = raw_request(
        assistant.rasa_url, path, ["Content-Type: application/json", *headers], body
    )
    assert answer.startswith(b"HTTP/1.1 400"), answer[:200]
    assert still_answers(assistant)


def test_json_nested_a_thousand_levels_is_a_400(assistant: Assistant) -> None:
    sender, nested = json.dumps(assistant.token("deep")), "[" * 1000 + "]" * 1000
    body = f'{{"sender": {sender}, "message": "hi", "x": {nested}}}'
    response = requests.post(
        assistant.rasa_url + WEBHOOK_PATH,
        data=body,
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 400


def test_sound_framing_is_left_alone() -> None:
    assert framing_problem(["29"], []) is None
    assert framing_problem([], ["chunked"]) is None
    assert framing_problem([], []) is None
    assert framing_problem(["-1"], []) is not None
