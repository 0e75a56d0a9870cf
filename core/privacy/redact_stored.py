"""Redact what an older version stored raw: transcripts, question texts, audit details.

Why: until the tracker store redacted events (core/privacy/transcripts.py), transcripts kept
phone numbers, e-mail addresses and the call-back form's answers; the question log and the
audit log used an older, narrower redaction. Run once after upgrading (and again whenever
the redaction improves): it applies today's rules to every stored row and rewrites only the
rows that change. It is idempotent, works one conversation at a time, and never touches
`callback_requests`, the one place the call-back details are needed.

    python -m core.privacy.redact_stored [--dry-run]        (make redact-stored)
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect, select, update
from sqlalchemy.orm import Session

from core.db.database import session_factory
from core.db.models import Question
from core.db.rasa_events import rasa_events
from core.db.staff_models import AuditEvent
from core.privacy.redaction import redact
from core.privacy.transcripts import stored_events
from core.settings import load_settings


@dataclass(frozen=True)
class Rewritten:
    conversations: int
    transcript_events: int
    questions: int
    audit_rows: int


def _event(data: str | None) -> dict[str, Any]:
    try:
        parsed = json.loads(data or "{}")
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _conversation(session: Session, sender_id: str, dry_run: bool) -> int:
    rows = session.execute(
        select(rasa_events.c.id, rasa_events.c.data)
        .where(rasa_events.c.sender_id == sender_id)
        .order_by(rasa_events.c.id)
    ).all()
    events = [_event(data) for _, data in rows]
    changed = 0
    ids = [row_id for row_id, _ in rows]
    for row_id, event, redacted in zip(ids, events, stored_events(events, 0), strict=True):
        if redacted == event:
            continue
        changed += 1
        if not dry_run:
            session.execute(
                update(rasa_events)
                .where(rasa_events.c.id == row_id)
                .values(data=json.dumps(redacted))
            )
    return changed


def _texts(session: Session, column: Any, key: Any, dry_run: bool) -> int:
    changed = 0
    for row_id, value in session.execute(select(key, column).where(column.is_not(None))):
        if redact(value) != value:
            changed += 1
            if not dry_run:
                session.execute(
                    update(column.table).where(key == row_id).values({column.key: redact(value)})
                )
    return changed


def redact_stored(database_url: str, dry_run: bool = False) -> Rewritten:
    """Apply today's redaction to every stored transcript, question and audit row."""
    sessions = session_factory(database_url)
    with sessions() as session:
        has_table = inspect(session.connection()).has_table
        senders = (
            list(session.execute(select(rasa_events.c.sender_id).distinct()).scalars())
            if has_table(rasa_events.name)
            else []
        )
    events = 0
    for sender_id in senders:  # one transaction per conversation: bounded memory and locks
        with sessions.begin() as session:
            events += _conversation(session, sender_id, dry_run)
    with sessions.begin() as session:
        questions = _texts(session, Question.__table__.c.text, Question.__table__.c.id, dry_run)
        audit = _texts(session, AuditEvent.__table__.c.detail, AuditEvent.__table__.c.id, dry_run)
    return Rewritten(len(senders), events, questions, audit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="count, change nothing")
    args = parser.parse_args()
    result = redact_stored(load_settings().database_url, args.dry_run)
    verb = "Would rewrite" if args.dry_run else "Rewrote"
    print(
        f"{verb} {result.transcript_events} transcript events in {result.conversations} "
        f"conversations, {result.questions} question texts and {result.audit_rows} audit rows."
    )


if __name__ == "__main__":
    main()
