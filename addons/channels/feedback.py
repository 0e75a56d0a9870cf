""" "Was this helpful?" on a topic answer: checked, redacted and stored once, over REST and
Socket.IO alike (`give_feedback`, one set of checks for both channels).

    POST /webhooks/rest/feedback {"sender": "<token>", "message_id": "<the id the client sent
         the question with>", "topic": "<the answer's topic>", "helpful": true|false,
         "comment": "<optional, at most 500 characters>"}
    -> 201 recorded; 400 a field of the wrong kind or size; 403 not a token this server
       issued; 404 no answer on that topic to that message in this conversation; 409 this
       answer already has feedback (repeated clicks change nothing).

    Socket.IO: emit `feedback` {"message_id", "topic", "helpful", "comment"} (the conversation is
    the socket's own); the acknowledgement is {"code": <the same HTTP code>, ...the same body}.

Why checked against the transcript: a client may only rate an answer its conversation got,
so forged ids and topics cannot fill the staff's figures. The comment is patient text like
any other: normalised and redacted (phone numbers, e-mail addresses...) before it is stored.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from typing import Any

from rasa.shared.core.events import BotUttered, Event, UserUttered
from sqlalchemy.exc import IntegrityError

from addons.channels.idempotency import valid_message_id
from addons.cleaning.inbound import BadRequest
from addons.cleaning.text import normalise_text
from core.db.database import session_factory
from core.db.models import AnswerFeedback
from core.privacy.redaction import redact
from core.settings import load_settings
from core.vocabulary.topics import FAQ_TOPICS

MAX_COMMENT_CHARS = 500


@dataclass(frozen=True)
class Feedback:
    message_key: str
    topic: str
    helpful: bool
    comment: str | None


def parse_feedback(body: dict[str, Any]) -> Feedback:
    """The feedback in a request body; BadRequest (400) naming the field that is wrong."""
    try:
        key = valid_message_id(body.get("message_id"))
    except ValueError as error:
        raise BadRequest(str(error)) from error
    if key is None:
        raise BadRequest('"message_id" is missing: the id the question was sent with.')
    topic = body.get("topic")
    if not isinstance(topic, str) or topic not in FAQ_TOPICS:
        raise BadRequest('"topic" must be the topic of the answer (its "source.topic").')
    helpful = body.get("helpful")
    if not isinstance(helpful, bool):
        raise BadRequest('"helpful" must be true or false.')
    comment = body.get("comment")
    if comment is not None and not isinstance(comment, str):
        raise BadRequest('"comment" must be text.')
    cleaned = normalise_text(comment).strip() if comment else ""
    if len(cleaned) > MAX_COMMENT_CHARS:
        raise BadRequest(f'"comment" must be at most {MAX_COMMENT_CHARS} characters.')
    return Feedback(key, topic, helpful, redact(cleaned) if cleaned else None)


def answered_turn(events: Iterable[Event], message_key: str, topic: str) -> str | None:
    """Rasa's id of the patient's message (a turn of `message_key`) that got an answer on
    `topic`, or None if the conversation holds no such answer."""
    prefix = f"{message_key}."
    turn: str | None = None
    for event in events:
        if isinstance(event, UserUttered):
            turn = event.message_id if (event.message_id or "").startswith(prefix) else None
        elif turn and isinstance(event, BotUttered):
            response = (event.metadata or {}).get("metadata")
            if isinstance(response, dict) and response.get("topic") == topic:
                return turn
    return None


class FeedbackStore:
    def __init__(self, database_url: str | None = None) -> None:
        self.sessions = session_factory(database_url or load_settings().database_url)

    def record(self, conversation_id: str, message_id: str, feedback: Feedback) -> bool:
        """Store the feedback; False if this answer already has some (nothing changes)."""
        try:
            with self.sessions.begin() as session:
                session.add(
                    AnswerFeedback(
                        conversation_id=conversation_id,
                        message_id=message_id,
                        topic=feedback.topic,
                        helpful=feedback.helpful,
                        comment=feedback.comment,
                        given_at=datetime.now(timezone.utc),
                    )
                )
        except IntegrityError:
            return False
        return True


@cache
def feedback_store() -> FeedbackStore:
    """The process's store, opened on the first feedback (when the settings are read)."""
    return FeedbackStore()


async def give_feedback(
    body: dict[str, Any], conversation_id: str, tracker_store: Any, store: FeedbackStore
) -> tuple[int, dict[str, str]]:
    """Check and store feedback on one answer of `conversation_id`: (status, reply body).

    REST sends the pair as its response; Socket.IO as the acknowledgement of `feedback`.
    """
    try:
        given = parse_feedback(body)
    except BadRequest as error:
        return error.status, {"error": str(error)}
    tracker = await tracker_store.retrieve_full_tracker(conversation_id)
    turn = answered_turn([] if tracker is None else tracker.events, given.message_key, given.topic)
    if turn is None:
        return 404, {"error": "There is no answer on that topic to that message."}
    if not await asyncio.to_thread(store.record, conversation_id, turn, given):
        return 409, {"error": "Feedback for this answer was already recorded."}
    return 201, {"status": "recorded"}
