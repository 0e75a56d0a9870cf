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
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from addons.channels.answer_sources import answer_source
from addons.channels.backlog import BACKLOG, WAIT_REPLY, emergency_messages, failure_messages
from addons.channels.blueprint_limits import limit_request_size
from addons.channels.conversation_ids import ConversationKeys
from addons.channels.feedback import feedback_store, give_feedback
from addons.channels.idempotency import part_id, valid_message_id
from addons.channels.origins import origin_allowed
from addons.channels.socketio_server import PatientAsyncServer
from addons.cleaning.inbound import MAX_BODY_BYTES, prepare_message
from addons.safety.red_flags import mentions_red_flag

logger = logging.getLogger(__name__)

UNREADABLE_REPLY = "Sorry, I could not read that message. Please type your question again."


class PatientSocketIOOutput(SocketIOOutput):
    """Rasa's Socket.IO output, with custom payloads sent as `{"custom": ...}`.

    Rasa 3.6's `send_custom_json` passes the payload's keys to `sio.emit` as keyword
    arguments: the emergency answer's marker `{"kind": "emergency"}` raised a TypeError, which
    aborted the turn after the text had gone out, so the emergency was never stored in the
    transcript or the question log. The REST channel sends the same marker as
    `{"custom": {...}}`; so does this one, to the conversation's room.
    """

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        await self._send_message(recipient_id, {"custom": json_message})

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        """Rasa's parts (split on blank lines), then the answer's page passage on its own.

        Why on its own, as `{"custom": {"kind": "source", "source": {...}}}`: rasa-webchat shows
        a message only if it has exactly the key `text` (or `text` and `quick_replies`); with
        the passage beside the text it dropped every topic answer without a trace.
        """
        for part in text.strip().split("\n\n"):
            await self._send_message(recipient_id, {"text": part})
        source = answer_source(kwargs.get("metadata"))
        if source is not None:
            await self._send_message(recipient_id, {"custom": {"kind": "source", "source": source}})


class LimitedSocketBlueprint(SocketBlueprint):
    """Rasa's Socket.IO blueprint, also capping the app's request body size, and keeping the
    app (Socket.IO events carry no request; feedback reads the app's tracker store)."""

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
        return PatientSocketIOOutput(self.sio, self.bot_message_evt) if self.sio else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
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

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: Any = None) -> None:
            output = PatientSocketIOOutput(sio, self.bot_message_evt)
            if isinstance(data, str):  # a bare message, as some clients send it
                data = {"message": data}
            if not isinstance(data, dict):
                await sio.emit(self.bot_message_evt, {"text": UNREADABLE_REPLY}, room=sid)
                return
            conversation_id = await self._conversation_of(sio, sid, data)
            try:
                prepared = prepare_message(data.get("message"))
                message_key = valid_message_id(data.get("message_id"))
            except ValueError:
                await output.send_text_message(conversation_id, UNREADABLE_REPLY)
                return
            if prepared.reply is not None:
                await output.send_text_message(conversation_id, prepared.reply)
                return
            text = prepared.text or ""
            if BACKLOG.busy(conversation_id) and mentions_red_flag(text):
                BACKLOG.record_in_background(conversation_id, text, self.name(), on_new_message)
                for reply in emergency_messages():
                    await output._send_message(conversation_id, reply)
                return
            with BACKLOG.admit(conversation_id) as admitted:
                if not admitted:
                    await output.send_text_message(conversation_id, WAIT_REPLY)
                    return
                try:
                    for index, part in enumerate(prepared.parts):  # two questions: two turns
                        key = None if message_key is None else part_id(message_key, index)
                        await on_new_message(
                            UserMessage(
                                part, output, conversation_id, input_channel=self.name(),
                                metadata=None,
                                message_id=key,
                            )
                        )  # fmt: skip
                except Exception:  # the patient still gets an answer; the log says which one
                    logger.exception(
                        "Socket.IO: message in conversation %s failed", conversation_id
                    )
                    for reply in failure_messages(prepared.parts):
                        await output._send_message(conversation_id, reply)

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
