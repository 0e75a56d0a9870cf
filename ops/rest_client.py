"""A small client for the REST channel: what a third-party client does, in one place.

Used by the terminal chat (ops/chat.py), the tests and the benchmarks, and the reference
for anyone writing a client: get a conversation token once, then send each message with it.
"""

from __future__ import annotations

from typing import Any

import requests

CONVERSATIONS_PATH = "/webhooks/rest/conversations"
WEBHOOK_PATH = "/webhooks/rest/webhook"


def new_conversation(base_url: str, timeout: float = 10, **kwargs: Any) -> str:
    """A new conversation token from the server (POST /webhooks/rest/conversations)."""
    response = requests.post(base_url.rstrip("/") + CONVERSATIONS_PATH, timeout=timeout, **kwargs)
    response.raise_for_status()
    return str(response.json()["sender"])


def send(
    base_url: str,
    sender: str,
    message: str,
    timeout: float = 60,
    message_id: str | None = None,
    **kwargs: Any,
) -> list[dict[str, Any]]:
    """The bot's replies to one message in the conversation `sender` (a token).

    With a `message_id` (a random id per message, kept until the reply arrives), sending
    the same message again after a timeout or an error is safe: the server answers it once.
    """
    body = {"sender": sender, "message": message}
    if message_id is not None:
        body["message_id"] = message_id
    response = requests.post(
        base_url.rstrip("/") + WEBHOOK_PATH,
        json=body,
        timeout=timeout,
        **kwargs,
    )
    response.raise_for_status()
    return list(response.json())
