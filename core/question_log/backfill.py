"""Log the questions the follower did not see: the net under `follower.py`.

Why: the follower logs each question from Rasa's tracker store while the action server runs;
questions answered while it was down, and on PostgreSQL a turn committed out of id order
behind the follower's look-back, are still in the store. The missing entries are rebuilt from
it with the same code (`turn_records`) and written through the same spool and writer: the
log catches up, and nothing is written twice (message ids).

Runs when the action server starts and every BACKFILL_INTERVAL seconds after; also
`python -m core.question_log [--hours 24]`.
"""

from __future__ import annotations

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
from core.question_log.question_record import stored_event, turn_records

logger = logging.getLogger(__name__)
BACKFILL_INTERVAL = 300.0
KEYS_PER_QUERY = 500  # bound the IN (...) lists


def logged_keys(session: Session, keys: Iterable[str]) -> set[str]:
    """Which of `keys` are already in the question log or its quarantine."""
    keys = sorted(set(keys))
    found: set[str] = set()
    for at in range(0, len(keys), KEYS_PER_QUERY):
        chunk = keys[at : at + KEYS_PER_QUERY]
        found.update(
            session.execute(
                select(Question.message_id).where(Question.message_id.in_(chunk))
            ).scalars()
        )
        found.update(
            session.execute(
                select(QuarantinedEntry.entry_key).where(
                    QuarantinedEntry.entry_key.in_(chunk), QuarantinedEntry.kind == "question"
                )
            ).scalars()
        )
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
                    select(rasa_events.c.id, rasa_events.c.data)
                    .where(rasa_events.c.sender_id == sender)
                    .where(rasa_events.c.timestamp >= since)
                    .order_by(rasa_events.c.id)
                ).all()
                unreadable = sum(stored_event(data) is None for _, data in rows)
                if unreadable:
                    logger.warning(
                        "Question log back-fill: %d unreadable events skipped in conversation %r",
                        unreadable,
                        one_line(sender, 255),
                    )
                records += turn_records(sender, [(int(i), data) for i, data in rows])
            except SQLAlchemyError:
                raise  # the database, not this conversation: the whole run waits
            except Exception as error:
                logger.warning(
                    "Question log back-fill: conversation %r skipped (%s)",
                    one_line(sender, 255),
                    type(error).__name__,
                )
        done = logged_keys(session, (r["message_id"] for r in records))
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
