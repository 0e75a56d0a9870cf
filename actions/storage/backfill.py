"""Log the questions that were answered while the action server was down.

Why: answers are responses inside the Rasa server, so patients keep getting them when the
action server is away, but `action_log_question` cannot run then. Rasa's tracker store still
has every message, in the same event format the action server receives, so the missing log
entries are rebuilt from it with the same code (`question_from_events`) and written through
the same spool and writer: the log catches up, and nothing is written twice (message ids).

Runs when the action server starts and every BACKFILL_INTERVAL seconds after; also
`python -m actions.storage.backfill [--hours 24]`.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.exc import SQLAlchemyError

from actions.question_record import question_from_events
from actions.retention import rasa_events
from actions.storage.database import session_factory
from actions.storage.models import Question

logger = logging.getLogger(__name__)
BACKFILL_INTERVAL = 300.0


def missing_questions(database_url: str, hours: float = 24.0) -> list[dict[str, Any]]:
    """Log entries for recent user messages that are in the transcripts but not in the log."""
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
        logged = set(
            session.execute(
                select(Question.message_id).where(Question.conversation_id.in_(senders))
            ).scalars()
        )
        records = []
        for sender in senders:
            rows = session.execute(
                select(rasa_events.c.data)
                .where(rasa_events.c.sender_id == sender)
                .where(rasa_events.c.timestamp >= since)
                .order_by(rasa_events.c.id)
            ).scalars()
            events = [json.loads(row) for row in rows]
            starts = [i for i, e in enumerate(events) if e.get("event") == "user"]
            for n, start in enumerate(starts):
                if events[start].get("message_id") in logged:
                    continue
                end = starts[n + 1] if n + 1 < len(starts) else len(events)
                turn = events[:end]
                channel = events[start].get("input_channel")
                record = question_from_events(sender, turn, channel)
                if record is not None:
                    records.append(record)
    return records


def backfill(writer: Any, database_url: str, hours: float = 24.0) -> int:
    """Spool every missing entry through `writer`; returns how many were found."""
    try:
        records = missing_questions(database_url, hours)
    except SQLAlchemyError as error:
        logger.warning("Question log back-fill skipped: database unavailable (%s)", error)
        return 0
    for record in records:
        writer.submit("question", record)
    if records:
        logger.info(
            "Question log: %d questions answered without the action server added", len(records)
        )
    return len(records)


def main() -> None:
    import argparse

    from actions.runtime import log_writer
    from actions.settings import load_settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=float, default=24.0)
    args = parser.parse_args()
    writer = log_writer()
    found = backfill(writer, load_settings().database_url, args.hours)
    writer.flush()
    print(f"Added {found} questions from the transcripts.")


if __name__ == "__main__":
    main()
