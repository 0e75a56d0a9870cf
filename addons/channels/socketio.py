"""The Socket.IO channel (rasa-webchat 1.0.1's protocol), working and validated.

Rasa 3.6.21's SocketIOInput calls `sio.enter_room(...)` without `await`; since
python-socketio 5.10 that is a coroutine, so with `session_persistence: true` no reply ever
reached a client (RasaHQ/rasa#13027). It also accepted any Origin, any session id a client
named (so anyone who knew an id could write into that conversation) and any metadata.

The protocol, unchanged for clients:

    -> session_request {"session_id": <token from an earlier session_confirm, or null>}
    <- session_confirm "<token>"      (the same token if it is valid, else a new one)
    -> user_uttered {"message": "...", "session_id": "<token>", "customData": {...},
                     "message_id": "<the client's id for this message, optional>"}
    <- bot_uttered {"text": ..., "quick_replies": [...]}   (one event per message)
    <- bot_uttered {"custom": {"kind": "source", "source": {...}}}   (after a topic answer)
    -> feedback {"message_id": ..., "topic": ..., "helpful": ..., "comment": ...}
    <- (acknowledgement) {"code": 201, "status": "recorded"}, or {"code": 4xx, "error": ...}:
       the same checks and codes as REST's feedback (addons/channels/feedback.py)

A socket is bound to the conversation it was confirmed for: a `user_uttered` always goes to
that conversation, whatever `session_id` it names. Reconnecting with the same token continues
the conversation. `customData` and other metadata are ignored: the server decides what is
stored. Both transports check the Origin against ALLOWED_ORIGINS (addons/channels/origins.py).
A `user_uttered` may carry a `message_id` (as on REST): a resent message is answered once.

The turn itself is the one every channel shares (addons/channels/turn.py); this module only
reads the event and emits the reply, converted to rasa-webchat's message format.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from rasa.core.channels.channel import InputChannel
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from addons.channels.answer_sources import SourcedCollectingOutputChannel
from addons.channels.blueprint_limits import limit_request_size
from addons.channels.conversation_ids import ConversationKeys
from addons.channels.feedback import feedback_store, give_feedback
from addons.channels.idempotency import valid_message_id
from addons.channels.origins import origin_allowed
from addons.channels.socketio_server import PatientAsyncServer
from addons.channels.turn import OnNewMessage, TurnPipeline
from addons.cleaning.inbound import MAX_BODY_BYTES

logger = logging.getLogger(__name__)

UNREADABLE_REPLY = "Sorry, I could not read that message. Please type your question again."


def webchat_messages(messages: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Rasa's REST-format messages as rasa-webchat's `bot_uttered` payloads.

    The same shapes Rasa's own Socket.IO output sends (text split on blank lines, buttons as
    `quick_replies` on the last part, images and attachments as `attachment`), with custom
    payloads as `{"custom": ...}`. An answer's page passage follows its text on its own, as
    `{"custom": {"kind": "source", "source": {...}}}`: rasa-webchat shows a message only if it
    has exactly the key `text` (or `text` and `quick_replies`); with the passage beside the
    text it dropped every topic answer without a trace.
    """
    for message in messages:
        source = message.get("source")
        if "text" in message:
            parts = message["text"].strip().split("\n\n") or [message["text"]]
            for index, part in enumerate(parts):
                out: dict[str, Any] = {"text": part}
                last = index == len(parts) - 1
                if "buttons" in message:
                    out["quick_replies"] = (
                        [
                            {"content_type": "text", "title": b["title"], "payload": b["payload"]}
                            for b in message["buttons"]
                        ]
                        if last
                        else []
                    )
                yield out
            if source is not None:
                yield {"custom": {"kind": "source", "source": source}}
        if "image" in message:
            yield {"attachment": {"type": "image", "payload": {"src": message["image"]}}}
        if "attachment" in message:
            yield {"attachment": message["attachment"]}
        if "custom" in message:
            yield {"custom": message["custom"]}


class PatientSocketIOOutput(SourcedCollectingOutputChannel):
    """Sends each message at once over Socket.IO, in rasa-webchat's format.

    For Rasa's external events on this channel (reminders, triggered intents); a patient's own
    messages are answered through the turn pipeline and emitted by the input channel.
    """

    def __init__(self, sio: AsyncServer, bot_message_evt: str, namespace: str | None) -> None:
        super().__init__()
        self.sio = sio
        self.bot_message_evt = bot_message_evt
        self.namespace = namespace

    @classmethod
    def name(cls) -> str:
        return "socketio"

    async def _emit_from(self, before: int) -> None:
        for message in self.messages[before:]:
            for payload in webchat_messages([message]):
                await self.sio.emit(
                    self.bot_message_evt,
                    payload,
                    room=message["recipient_id"],
                    namespace=self.namespace,
                )

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        before = len(self.messages)
        await super().send_text_message(recipient_id, text, **kwargs)
        await self._emit_from(before)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        before = len(self.messages)
        await super().send_text_with_buttons(recipient_id, text, buttons, **kwargs)
        await self._emit_from(before)

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        before = len(self.messages)
        await super().send_image_url(recipient_id, image, **kwargs)
        await self._emit_from(before)

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        before = len(self.messages)
        await super().send_custom_json(recipient_id, json_message, **kwargs)
        await self._emit_from(before)


class LimitedSocketBlueprint(SocketBlueprint):
    """Rasa's Socket.IO blueprint, also capping the app's request body size, and keeping the
    app (Socket.IO events carry no request; the turn and feedback read the model the server
    loaded and its tracker store)."""

    def register(self, app: Sanic, options: dict[str, Any]) -> None:
        limit_request_size(app)
        self.ctx.app = app
        super().register(app, options)


class PatientSocketIOInput(SocketIOInput):
    """Socket.IO with server-issued conversation tokens and validated messages."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        credentials = credentials or {}
        return cls(
            credentials.get("user_message_evt", "user_uttered"),
            credentials.get("bot_message_evt", "bot_uttered"),
            credentials.get("namespace"),
            True,  # conversations always follow the token across reconnects
            credentials.get("socketio_path", "/socket.io"),
        )

    def __init__(self, *args: Any, keys: ConversationKeys | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.keys = keys or ConversationKeys.from_environment()
        self.turns = TurnPipeline(self.name())

    async def _bind(self, sio: AsyncServer, sid: str, token: object) -> str:
        """Bind the socket to the token's conversation (a new one if the token is not valid)."""
        conversation_id = self.keys.conversation_id(token)
        if conversation_id is None:
            token = self.keys.new_token()
            conversation_id = self.keys.conversation_id(token)
            assert conversation_id is not None
        previous = (await sio.get_session(sid, namespace=self.namespace)).get("conversation_id")
        if isinstance(previous, str) and previous != conversation_id:
            await sio.leave_room(sid, previous, namespace=self.namespace)
        await sio.save_session(sid, {"conversation_id": conversation_id}, namespace=self.namespace)
        await sio.enter_room(sid, conversation_id, namespace=self.namespace)
        await sio.emit("session_confirm", token, room=sid, namespace=self.namespace)
        return conversation_id

    async def _conversation_of(self, sio: AsyncServer, sid: str, data: dict[str, Any]) -> str:
        session = await sio.get_session(sid, namespace=self.namespace)
        bound = session.get("conversation_id")
        if isinstance(bound, str):
            return bound
        return await self._bind(sio, sid, data.get("session_id"))

    def get_output_channel(self) -> PatientSocketIOOutput | None:
        """For Rasa's external events (reminders, triggered intents) on this channel."""
        if not self.sio:
            return None
        return PatientSocketIOOutput(self.sio, self.bot_message_evt, self.namespace)

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        sio = PatientAsyncServer(  # checks origins; CORS headers come from `rasa run --cors`
            async_mode="sanic",
            cors_allowed_origins=origin_allowed,
            max_http_buffer_size=MAX_BODY_BYTES,
        )
        socketio_webhook = LimitedSocketBlueprint(
            sio, self.socketio_path or "/socket.io", "socketio_webhook", __name__
        )
        self.sio = sio

        @socketio_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any = None) -> None:
            token = data.get("session_id") if isinstance(data, dict) else None
            await self._bind(sio, sid, token)

        async def emit(room: str, messages: Iterable[dict[str, Any]]) -> None:
            for message in webchat_messages(messages):
                await sio.emit(self.bot_message_evt, message, room=room, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: Any = None) -> None:
            if isinstance(data, str):  # a bare message, as some clients send it
                data = {"message": data}
            if not isinstance(data, dict):
                await emit(sid, [{"text": UNREADABLE_REPLY}])
                return
            conversation_id = await self._conversation_of(sio, sid, data)
            try:
                message_key = valid_message_id(data.get("message_id"))
                turn = await self.turns.answer(
                    data.get("message"),
                    conversation_id,
                    message_key,
                    socketio_webhook.ctx.app.ctx.agent,
                    on_new_message,
                )
            except ValueError:  # BadRequest: not a message this channel can read
                await emit(conversation_id, [{"text": UNREADABLE_REPLY}])
                return
            await emit(conversation_id, turn.messages)

        @sio.on("feedback", namespace=self.namespace)
        async def feedback(sid: str, data: Any = None) -> dict[str, Any]:
            """ "Was this helpful?" on an answer this socket's conversation got."""
            session = await sio.get_session(sid, namespace=self.namespace)
            conversation_id = session.get("conversation_id")
            if not isinstance(conversation_id, str):
                return {"code": 403, "error": "Ask for a session (session_request) first."}
            if not isinstance(data, dict):
                return {"code": 400, "error": "The feedback must be an object."}
            app: Sanic = socketio_webhook.ctx.app  # events come only once it is registered
            status, reply = await give_feedback(
                data, conversation_id, app.ctx.agent.tracker_store, feedback_store()
            )
            return {"code": status, **reply}

        return socketio_webhook
