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
turn, whichever Rasa server it reaches (addons/channels/idempotency.py). The turn itself is the
one every channel shares (addons/channels/turn.py); this module reads the request and writes
the response.

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
from typing import Any

from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from addons.channels.blueprint_limits import LimitedBlueprint
from addons.channels.conversation_ids import ConversationKeys
from addons.channels.feedback import feedback_store, give_feedback
from addons.channels.idempotency import valid_message_id
from addons.channels.origins import origin_allowed
from addons.channels.turn import OnNewMessage, TurnPipeline
from addons.cleaning.inbound import BadRequest

logger = logging.getLogger(__name__)

NEW_CONVERSATION_HINT = "Start a conversation with POST /webhooks/rest/conversations first."


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
        self.turns = TurnPipeline(self.name())

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

    async def handle(self, request: Request, on_new_message: OnNewMessage) -> HTTPResponse:
        if not origin_allowed(request.headers.get("origin")):
            return _error("This website is not allowed to use the assistant.", 403)
        try:
            body = read_json_object(request)
            conversation_id = self.conversation_for(body)
            message_key = valid_message_id(body.get("message_id"))
            turn = await self.turns.answer(
                body.get("message"),
                conversation_id,
                message_key,
                request.app.ctx.agent,
                on_new_message,
            )
        except ValueError as error:  # BadRequest, or a malformed message id
            status = error.status if isinstance(error, BadRequest) else 400
            return _error(str(error), status)
        return response.json(turn.messages, status=turn.status, headers=turn.headers)

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

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
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
