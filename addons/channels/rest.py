"""The REST channel the website widget (and any other client) uses, validated at the door.

Rasa's own RestInput trusts the body: it stores `metadata` and `input_channel` as the client
sent them, lets a client pick any sender id (and so write into, or read replies of, anyone's
conversation), passes hand-written intents ("/recovery@1") past the NLU safety nets, answers a
body that is not a JSON object with a 500, and logs message text on failures. This channel
keeps Rasa's URL and reply format and closes each of those:

    POST /webhooks/rest/conversations            -> 201 {"sender": "<token>"}
    POST /webhooks/rest/webhook {"sender": "<token>", "message": "<text>",
                                 "message_id": "<the client's id for this message, optional>"}
                                                 -> 200 [{"recipient_id": ..., "text": ...}, ...]

A message sent again with the same `message_id` (a retry) gets the same reply, never a second
turn, whichever Rasa server it reaches (addons/channels/idempotency.py).

400: the body is not a JSON object, or `message` is not a string, or `sender` is missing, or
     `message_id` is not 8 to 64 letters, digits, "-" or "_".
403: `sender` is not a token this server issued, or the page's Origin is not allowed.
413: the body is over MAX_BODY_BYTES.
429: the conversation already has MAX_IN_FLIGHT messages waiting (addons/channels/backlog.py). A
     red-flag message of a busy conversation gets the emergency message at once (200).
503: another server is still answering the same `message_id`: retry (Retry-After).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.shared.core.events import Event
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from addons.channels.answer_sources import SourcedCollectingOutputChannel
from addons.channels.backlog import BACKLOG, WAIT_REPLY, emergency_messages, failure_messages
from addons.channels.blueprint_limits import LimitedBlueprint
from addons.channels.conversation_ids import ConversationKeys
from addons.channels.feedback import feedback_store, give_feedback
from addons.channels.idempotency import Receipts, Reply, answer_once, part_id, valid_message_id
from addons.channels.origins import origin_allowed
from addons.cleaning.inbound import BadRequest, prepare_message
from addons.safety.red_flags import mentions_red_flag

logger = logging.getLogger(__name__)

NEW_CONVERSATION_HINT = "Start a conversation with POST /webhooks/rest/conversations first."


class TurnFailed(Exception):
    """The turn failed before any reply: `reply` is what the patient gets instead."""

    def __init__(self, reply: Reply) -> None:
        super().__init__("the turn failed")
        self.reply = reply


def _error(message: str, status: int) -> HTTPResponse:
    return response.json({"error": message}, status=status)


def read_json_object(request: Request) -> dict[str, Any]:
    """The body as a JSON object, or BadRequest: never a 500 for what a client sent."""
    try:
        body = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError, RecursionError) as error:  # deep nesting: [[[[...
        raise BadRequest("The body must be a JSON object.") from error
    if not isinstance(body, dict):
        raise BadRequest("The body must be a JSON object.")
    return body


class PatientRestInput(InputChannel):
    """Rasa's REST channel with validated input and server-issued conversation tokens."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def __init__(self, keys: ConversationKeys | None = None) -> None:
        self.keys = keys or ConversationKeys.from_environment()
        self._receipts: Receipts | None = None

    @property
    def receipts(self) -> Receipts:
        """The shared message receipts, opened on the first message that carries an id."""
        if self._receipts is None:
            self._receipts = Receipts()
        return self._receipts

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls()

    def conversation_for(self, body: dict[str, Any]) -> str:
        sender = body.get("sender")
        if sender is None or sender == "":
            raise BadRequest(f'"sender" is missing. {NEW_CONVERSATION_HINT}')
        conversation_id = self.keys.conversation_id(sender)
        if conversation_id is None:
            raise BadRequest(f'"sender" is not a valid conversation. {NEW_CONVERSATION_HINT}', 403)
        return conversation_id

    async def handle(
        self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> HTTPResponse:
        if not origin_allowed(request.headers.get("origin")):
            return _error("This website is not allowed to use the assistant.", 403)
        try:
            body = read_json_object(request)
            conversation_id = self.conversation_for(body)
            prepared = prepare_message(body.get("message"))
            message_key = valid_message_id(body.get("message_id"))
        except ValueError as error:
            status = error.status if isinstance(error, BadRequest) else 400
            return _error(str(error), status)
        if prepared.reply is not None:
            return response.json([{"recipient_id": conversation_id, "text": prepared.reply}])
        text = prepared.text or ""
        if BACKLOG.busy(conversation_id) and mentions_red_flag(text):
            BACKLOG.record_in_background(conversation_id, text, self.name(), on_new_message)
            emergency = [{"recipient_id": conversation_id, **m} for m in emergency_messages()]
            return response.json(emergency)
        with BACKLOG.admit(conversation_id) as admitted:
            if not admitted:
                wait = [{"recipient_id": conversation_id, "text": WAIT_REPLY}]
                return response.json(wait, status=429)
            if message_key is None:
                return response.json(
                    await self._answer(prepared.parts, conversation_id, None, on_new_message)
                )

            async def answer() -> Reply:
                return await self._answer(
                    prepared.parts, conversation_id, message_key, on_new_message
                )

            async def transcript() -> list[Event]:
                store = request.app.ctx.agent.tracker_store
                tracker = await store.retrieve_full_tracker(conversation_id)
                return [] if tracker is None else list(tracker.events)

            try:
                reply = await answer_once(
                    self.receipts, conversation_id, message_key, answer, transcript
                )
            except TurnFailed as failed:  # not answered: the claim is released for a retry
                return response.json(failed.reply)
        if reply is None:
            busy = [{"recipient_id": conversation_id, "text": WAIT_REPLY}]
            return response.json(busy, status=503, headers={"Retry-After": "2"})
        return response.json(reply)

    async def record_feedback(self, request: Request) -> HTTPResponse:
        """ "Was this helpful?" on one answer of this conversation (addons/channels/feedback.py)."""
        if not origin_allowed(request.headers.get("origin")):
            return _error("This website is not allowed to use the assistant.", 403)
        try:
            body = read_json_object(request)
            conversation_id = self.conversation_for(body)
        except BadRequest as error:
            return _error(str(error), error.status)
        status, reply = await give_feedback(
            body, conversation_id, request.app.ctx.agent.tracker_store, feedback_store()
        )
        return response.json(reply, status=status)

    async def _answer(
        self,
        parts: list[str],
        conversation_id: str,
        message_key: str | None,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
    ) -> Reply:
        """Pass each part to Rasa as its own turn; the bot's messages of all of them."""
        collector = SourcedCollectingOutputChannel()
        try:
            for index, part in enumerate(parts):  # two questions: two turns, one reply
                await on_new_message(
                    UserMessage(
                        part,
                        collector,
                        conversation_id,
                        input_channel=self.name(),
                        metadata=None,
                        message_id=None if message_key is None else part_id(message_key, index),
                    )
                )
        except Exception as error:  # the patient still gets an answer; the log says which one
            logger.exception("REST: the message in conversation %s failed", conversation_id)
            if not collector.messages:
                reply = [{"recipient_id": conversation_id, **m} for m in failure_messages(parts)]
                if message_key is not None:  # a retry of this message must be answered anew
                    raise TurnFailed(reply) from error
                return reply
        return list(collector.messages)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        rest = LimitedBlueprint("patient_rest_webhook", __name__)

        @rest.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @rest.route("/conversations", methods=["POST"])
        async def new_conversation(request: Request) -> HTTPResponse:
            if not origin_allowed(request.headers.get("origin")):
                return _error("This website is not allowed to use the assistant.", 403)
            return response.json({"sender": self.keys.new_token()}, status=201)

        @rest.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            return await self.handle(request, on_new_message)

        @rest.route("/feedback", methods=["POST"])
        async def feedback(request: Request) -> HTTPResponse:
            return await self.record_feedback(request)

        return rest
