"""A real python-socketio client speaking rasa-webchat 1.0.1's protocol, for the tests.

session_request {session_id} -> session_confirm <token>; user_uttered {message, session_id,
customData} -> bot_uttered (one event per bot message). python-socketio's threaded client:
its asyncio client needs a newer aiohttp than the one Rasa 3.6 pins.
"""

from __future__ import annotations

import queue
from typing import Any

import socketio

FIRST_REPLY_TIMEOUT = 60.0
QUIET_SECONDS = 1.5


class WebchatClient:
    def __init__(self, origin: str | None = None) -> None:
        # websocket-client sends the server's own address as Origin unless told otherwise.
        ws_options = {"origin": origin} if origin else {"suppress_origin": True}
        self.origin = origin
        self.sio = socketio.Client(reconnection=False, websocket_extra_options=ws_options)
        self.confirmed: queue.Queue[Any] = queue.Queue()
        self.replies: queue.Queue[dict[str, Any]] = queue.Queue()
        self.token: str | None = None
        self.sio.on("session_confirm", self.confirmed.put)
        self.sio.on("bot_uttered", self.replies.put)

    def open(self, url: str, transport: str = "websocket") -> None:
        headers = {"Origin": self.origin} if self.origin and transport == "polling" else {}
        self.sio.connect(url, transports=[transport], headers=headers, wait_timeout=20)

    def request_session(self, session_id: object) -> str:
        self.sio.emit("session_request", {"session_id": session_id})
        self.token = str(self.confirmed.get(timeout=30))
        return self.token

    def connect(self, url: str, token: str | None = None, transport: str = "websocket") -> str:
        self.open(url, transport)
        return self.request_session(token)

    def say(
        self, message: Any, session_id: str | None = None, message_id: str | None = None
    ) -> list[dict[str, Any]]:
        """Send a message; the bot's messages until it has been quiet for a moment."""
        payload = {"message": message, "session_id": session_id or self.token, "customData": {}}
        if message_id is not None:
            payload["message_id"] = message_id
        self.sio.emit("user_uttered", payload)
        return self.collect()

    def feedback(self, body: Any) -> dict[str, Any]:
        """Send "was this helpful?"; the server's acknowledgement ({"code": ..., ...})."""
        return dict(self.sio.call("feedback", body, timeout=30))

    def collect(self, first_timeout: float = FIRST_REPLY_TIMEOUT) -> list[dict[str, Any]]:
        replies: list[dict[str, Any]] = []
        try:
            replies.append(self.replies.get(timeout=first_timeout))
            while True:
                replies.append(self.replies.get(timeout=QUIET_SECONDS))
        except queue.Empty:
            return replies

    def close(self) -> None:
        self.sio.disconnect()


def sources(replies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The page passages sent after topic answers (`{"custom": {"kind": "source", ...}}`)."""
    return [
        r["custom"]["source"]
        for r in replies
        if isinstance(r.get("custom"), dict) and r["custom"].get("kind") == "source"
    ]


def texts(replies: list[dict[str, Any]]) -> list[str]:
    return [" ".join(r["text"].split()) for r in replies if r.get("text")]
