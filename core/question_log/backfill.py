"""Log the questions that were answered while the action server was down.

Why: answers are responses inside the Rasa server, so patients keep getting them when the
action server is away, but `action_log_question` cannot run then. Rasa's tracker store still
has every message, in the same event format the action server receives, so the missing log
entries are rebuilt from it with the same code (`question_from_events`) and written through
the same spool and writer: the log catches up, and nothing is written twice (message ids).

Runs when the action server starts and every BACKFILL_INTERVAL seconds after; also
`python -m core.question_log [--hours 24]`.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from core.db.database import session_factory
from core.db.models import QuarantinedEntry, Question
from core.db.rasa_events import rasa_events
from core.db.values import one_line
from core.question_log.question_record import question_from_events

logger = logging.getLogger(__name__)
BACKFILL_INTERVAL = 300.0
KEYS_PER_QUERY = 500  # bound the IN (...) lists


def _events(rows: Iterable[Any]) -> tuple[list[dict[str, Any]], int]:
    """The rows that are JSON objects, as events, and how many rows were not."""
    events, unreadable = [], 0
    for row in rows:
        try:
            event = json.loads(row)
        except (TypeError, ValueError, RecursionError):
            event = None
        if isinstance(event, dict):
            events.append(event)
        else:
            unreadable += 1
    return events, unreadable


def _conversation_questions(sender: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The log entry of each question in a conversation's events, as the action built it."""
    starts = [i for i, e in enumerate(events) if e.get("event") == "user"]
    records = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(events)
        record = question_from_events(sender, events[:end], events[start].get("input_channel"))
        if record is not None:
            records.append(record)
    return records


def _stored_keys(session: Session, column: Any, keys: list[str], *where: Any) -> set[str]:
    found: set[str] = set()
    for at in range(0, len(keys), KEYS_PER_QUERY):
        chunk = keys[at : at + KEYS_PER_QUERY]
        found.update(session.execute(select(column).where(column.in_(chunk), *where)).scalars())
    return found


def missing_questions(database_url: str, hours: float = 24.0) -> list[dict[str, Any]]:
    """Log entries for recent user messages that are in the transcripts but not in the log.

    A conversation whose events cannot be read or turned into entries is skipped (its id is
    logged, never its text) and the others are still back-filled: one bad transcript must
    not stop every run. Entries already stored or in quarantine are left out.
    """
    since = time.time() - hours * 3600
    with session_factory(database_url)() as session:
        if not inspect(session.connection()).has_table("events"):
            return []
        senders = set(
            session.execute(
                select(rasa_events.c.sender_id)
                .where(rasa_events.c.type_name == "user")
                .where(rasa_events.c.timestamp >= since)
                .distinct()
            ).scalars()
        )
        records = []
        for sender in senders:
            try:
                rows = session.execute(
                    select(rasa_events.c.data)
                    .where(rasa_events.c.sender_id == sender)
                    .where(rasa_events.c.timestamp >= since)
                    .order_by(rasa_events.c.id)
                ).scalars()
                events, unreadable = _events(rows)
                if unreadable:
                    logger.warning(
                        "Question log back-fill: %d unreadable events skipped in conversation %r",
                        unreadable,
                        one_line(sender, 255),
                    )
                records += _conversation_questions(sender, events)
            except SQLAlchemyError:
                raise  # the database, not this conversation: the whole run waits
            except Exception as error:
                logger.warning(
                    "Question log back-fill: conversation %r skipped (%s)",
                    one_line(sender, 255),
                    type(error).__name__,
                )
        keys = sorted({r["message_id"] for r in records})
        done = _stored_keys(session, Question.message_id, keys) | _stored_keys(
            session, QuarantinedEntry.entry_key, keys, QuarantinedEntry.kind == "question"
        )
    return [r for r in records if r["message_id"] not in done]


def backfill(writer: Any, database_url: str, hours: float = 24.0) -> int:
    """Spool every missing entry through `writer`; returns how many were found."""
    try:
        records = missing_questions(database_url, hours)
    except SQLAlchemyError as error:
        logger.warning(
            "Question log back-fill skipped: database unavailable (%s)", type(error).__name__
        )
        return 0
    for record in records:
        writer.submit("question", record)
    if records:
        logger.info(
            "Question log: %d questions answered without the action server added", len(records)
        )
    return len(records)
