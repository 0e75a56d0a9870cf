"""The REST channel the website widget (and any other client) uses, validated at the door.

Rasa's own RestInput trusts the body: it stores `metadata` and `input_channel` as the client
sent them, lets a client pick any sender id (and so write into, or read replies of, anyone's
conversation), passes hand-written intents ("/recovery@1") past the NLU safety nets, answers a
body that is not a JSON object with a 500, and logs message text on failures. This channel
keeps Rasa's URL and reply format and closes each of those:

    POST /webhooks/rest/conversations            -> 201 {"sender": "<token>"}
    POST /webhooks/rest/webhook {"sender": "<token>", "message": "<text>"}
                                                 -> 200 [{"recipient_id": ..., "text": ...}, ...]

400: the body is not a JSON object, or `message` is not a string, or `sender` is missing.
403: `sender` is not a token this server issued, or the page's Origin is not allowed.
413: the body is over MAX_BODY_BYTES.
429: the conversation already has MAX_IN_FLIGHT messages waiting (channels/backlog.py). A
     red-flag message of a busy conversation gets the emergency message at once (200).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.backlog import BACKLOG, WAIT_REPLY, emergency_messages
from channels.blueprint_limits import LimitedBlueprint
from channels.conversation_ids import ConversationKeys
from channels.inbound import BadRequest, prepare_message
from channels.origins import origin_allowed
from safety.red_flags import mentions_red_flag

logger = logging.getLogger(__name__)

NEW_CONVERSATION_HINT = "Start a conversation with POST /webhooks/rest/conversations first."
FAILURE_REPLY = (
    "Sorry, something went wrong on our side. Please try again in a moment. If this is an "
    "emergency, call 911."
)


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
        except BadRequest as error:
            return _error(str(error), error.status)
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
            collector = CollectingOutputChannel()
            try:
                for part in prepared.parts:  # two questions: two turns, one reply
                    await on_new_message(
                        UserMessage(
                            part,
                            collector,
                            conversation_id,
                            input_channel=self.name(),
                            metadata=None,
                        )
                    )
            except Exception:  # the patient still gets an answer; the log says which one
                logger.exception("REST: the message in conversation %s failed", conversation_id)
                if not collector.messages:
                    failure = [{"recipient_id": conversation_id, "text": FAILURE_REPLY}]
                    return response.json(failure)
        return response.json(collector.messages)

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

        return rest
