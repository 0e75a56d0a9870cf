"""What the real servers stored: question-log rows and transcript events, read back for tests."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from core.db.database import session_factory
from core.db.models import CallbackRequest, Question
from core.db.rasa_events import rasa_events
from tests.servers import Assistant


def wait_for(check: Callable[[], Any], timeout: float = 30.0) -> Any:
    """Poll `check` until it returns something truthy (returned) or the time is up."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.3)


def questions_of(assistant: Assistant, name: str) -> list[Question]:
    """The question-log rows of a test's named conversation, oldest first."""
    conversation_id = assistant.conversation_id(name)
    with session_factory(assistant.database_url)() as session:
        query = (
            select(Question)
            .where(Question.conversation_id == conversation_id)
            .order_by(Question.id)
        )
        return list(session.execute(query).scalars())


def callback_requests_of(assistant: Assistant, name: str) -> list[CallbackRequest]:
    """The call-back requests stored for a test's named conversation (tests wait for the
    form's submit to reach the database: `wait_for(lambda: callback_requests_of(...))`)."""
    conversation_id = assistant.conversation_id(name)
    with session_factory(assistant.database_url)() as session:
        query = select(CallbackRequest).where(CallbackRequest.conversation_id == conversation_id)
        return list(session.execute(query).scalars())


def user_event_count(assistant: Assistant, conversation_id: str) -> int:
    with session_factory(assistant.database_url)() as session:
        query = (
            select(func.count())
            .select_from(rasa_events)
            .where(rasa_events.c.sender_id == conversation_id)
            .where(rasa_events.c.type_name == "user")
        )
        return int(session.execute(query).scalar_one())


def transcript_user_events(assistant: Assistant, name: str) -> int:
    return user_event_count(assistant, assistant.conversation_id(name))


def user_events_of(assistant: Assistant, name: str) -> list[dict[str, Any]]:
    """The stored user events (as Rasa serialised them) of a named conversation."""
    with session_factory(assistant.database_url)() as session:
        rows = session.execute(
            select(rasa_events.c.data)
            .where(rasa_events.c.sender_id == assistant.conversation_id(name))
            .where(rasa_events.c.type_name == "user")
            .order_by(rasa_events.c.id)
        ).scalars()
        return [json.loads(row) for row in rows]
