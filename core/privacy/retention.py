"""Delete logged data older than the configured retention period.

Why: chat logs are health information and are kept only as long as the hospital decides
(RETENTION_DAYS, default 365). Removes questions, callback requests, quarantined log entries
(which hold the same data), and whole transcripts from Rasa's tracker store (`events`) whose
last message is older than the cut-off, so no conversation is left half-deleted; and an
abandoned call-back form's answers after FORM_ANSWERS_MINUTES (default 60; the tracker
store also deletes them on every write).

    python -m core.privacy.retention [--days N] [--dry-run]      (make retention)
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import (
    delete,
    func,
    inspect,
    select,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from core.db.database import session_factory
from core.db.models import (
    AnswerFeedback,
    CallbackRequest,
    FormAnswer,
    MessageReceipt,
    QuarantinedEntry,
    Question,
)
from core.db.rasa_events import rasa_events
from core.settings import load_settings


def form_answers_ttl() -> timedelta:
    """How long an open form's answers may wait unchanged (FORM_ANSWERS_MINUTES, default 60)."""
    return timedelta(minutes=load_settings().form_answers_minutes)


@dataclass(frozen=True)
class Deleted:
    questions: int
    callback_requests: int
    transcript_events: int
    quarantined: int = 0


SHORT_LIVED = timedelta(days=1)


def expired_form_answers(
    connection: Connection, ttl: timedelta, now: datetime | None = None
) -> int:
    """Delete every conversation's form answers unchanged for `ttl` (an abandoned call-back
    form's raw name and number); the number of rows deleted.

    Why here and on every tracker store write (addons/stores/form_answers.py): the answers
    are kept raw only so that another server can continue an open form; a form left open
    past the session's expiry cannot be continued, and its answers must not wait a day for
    the retention job.
    """
    cutoff = (now or datetime.now(timezone.utc)) - ttl
    table = FormAnswer.__table__
    return int(connection.execute(delete(table).where(table.c.updated_at < cutoff)).rowcount or 0)


def _count_and_delete(session: Session, statement: Any, count_query: Any, dry_run: bool) -> int:
    count = int(session.execute(count_query).scalar_one())
    if count and not dry_run:
        session.execute(statement.execution_options(synchronize_session=False))
    return count


def purge(
    database_url: str, days: int, dry_run: bool = False, now: datetime | None = None
) -> Deleted:
    cutoff = (now or datetime.now(timezone.utc)) - timedelta(days=days)
    with session_factory(database_url).begin() as session:
        questions = _count_and_delete(
            session,
            delete(Question).where(Question.asked_at < cutoff),
            select(func.count()).select_from(Question).where(Question.asked_at < cutoff),
            dry_run,
        )
        callbacks = _count_and_delete(
            session,
            delete(CallbackRequest).where(CallbackRequest.requested_at < cutoff),
            select(func.count())
            .select_from(CallbackRequest)
            .where(CallbackRequest.requested_at < cutoff),
            dry_run,
        )
        events = 0
        if inspect(session.connection()).has_table("events"):
            stale = (
                select(rasa_events.c.sender_id)
                .group_by(rasa_events.c.sender_id)
                .having(func.max(rasa_events.c.timestamp) < cutoff.timestamp())
            )
            events = _count_and_delete(
                session,
                delete(rasa_events).where(rasa_events.c.sender_id.in_(stale)),
                select(func.count())
                .select_from(rasa_events)
                .where(rasa_events.c.sender_id.in_(stale)),
                dry_run,
            )
        quarantined = 0
        if inspect(session.connection()).has_table(QuarantinedEntry.__tablename__):
            old = QuarantinedEntry.quarantined_at < cutoff
            quarantined = _count_and_delete(
                session,
                delete(QuarantinedEntry).where(old),
                select(func.count()).select_from(QuarantinedEntry).where(old),
                dry_run,
            )
        if inspect(session.connection()).has_table(AnswerFeedback.__tablename__):
            old_feedback = AnswerFeedback.given_at < cutoff
            _count_and_delete(
                session,
                delete(AnswerFeedback).where(old_feedback),
                select(func.count()).select_from(AnswerFeedback).where(old_feedback),
                dry_run,
            )
        # Message receipts only stop a retry from being answered twice: a day is plenty.
        short_cutoff = max(cutoff, (now or datetime.now(timezone.utc)) - SHORT_LIVED)
        if inspect(session.connection()).has_table(MessageReceipt.__tablename__):
            old_receipt = MessageReceipt.claimed_at < short_cutoff
            _count_and_delete(
                session,
                delete(MessageReceipt).where(old_receipt),
                select(func.count()).select_from(MessageReceipt).where(old_receipt),
                dry_run,
            )
        if not dry_run and inspect(session.connection()).has_table(FormAnswer.__tablename__):
            expired_form_answers(session.connection(), form_answers_ttl(), now)
    return Deleted(questions, callbacks, events, quarantined)


def main() -> None:
    settings = load_settings()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=settings.retention_days)
    parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")
    args = parser.parse_args()
    if args.days < 1:
        parser.error("--days must be at least 1")
    deleted = purge(settings.database_url, args.days, args.dry_run)
    verb = "Would delete" if args.dry_run else "Deleted"
    print(
        f"{verb} data older than {args.days} days: {deleted.questions} questions, "
        f"{deleted.callback_requests} callback requests, "
        f"{deleted.transcript_events} transcript events, "
        f"{deleted.quarantined} quarantined log entries."
    )


if __name__ == "__main__":
    main()
