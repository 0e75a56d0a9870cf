"""Delete everything held about one conversation, when a patient asks for it.

Why: a patient (or the hospital on their behalf) may ask for their conversation to be erased
before the retention period ends. What is held about a conversation: its question-log rows,
its transcript (Rasa's `events`), its call-back requests and any log entry of it that was
quarantined. All four go in one transaction, so an erasure is never left half-done. The
staff console's admin page and `python -m staff erase` call this and write the audit row
(who erased which conversation, and how much): the audit log names the conversation's id,
never its content.

A conversation still open in the Rasa server is re-read on its next message (the tracker
store checks the newest stored row) and starts again empty.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, inspect, select
from sqlalchemy.orm import Session

from core.db.models import (
    AnswerFeedback,
    CallbackRequest,
    FormAnswer,
    MessageReceipt,
    QuarantinedEntry,
    Question,
)
from core.db.rasa_events import rasa_events


@dataclass(frozen=True)
class Erased:
    """How many rows of each kind one erasure deleted (or would delete)."""

    questions: int
    callback_requests: int
    transcript_events: int
    quarantined: int

    @property
    def total(self) -> int:
        return self.questions + self.callback_requests + self.transcript_events + self.quarantined

    def __str__(self) -> str:
        return (
            f"{self.questions} questions, {self.callback_requests} call-back requests, "
            f"{self.transcript_events} transcript events, {self.quarantined} quarantined entries"
        )


def _like_literal(value: str) -> str:
    """`value` for a LIKE pattern, its wildcards escaped (with "\\" as the escape)."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _quarantined_ids(session: Session, conversation_id: str) -> list[int]:
    """Quarantined entries of the conversation: a LIKE narrows, the payload decides.

    An entry's payload is the entry as JSON (its `conversation_id` decides); a spool line
    that was no entry, or an entry cut for size, is kept as text: there the id must appear
    whole, between quotes or spaces.
    """
    candidates = session.execute(
        select(QuarantinedEntry.id, QuarantinedEntry.payload).where(
            QuarantinedEntry.payload.like(f"%{_like_literal(conversation_id)}%", escape="\\")
        )
    )
    # Between quotes (escaped or not), spaces or the ends of the text, as JSON writes it.
    edge = r'[\s"\\]'
    # A key of the cut entry ("request_key": ...) is no id: a forged id that names a key would
    # erase another conversation's line (issue 21, round 8: hypothesis drew "request_key").
    as_word = re.compile(rf'(?:^|(?<={edge})){re.escape(conversation_id)}(?={edge}|$)(?!\\?"\s*:)')
    ids = []
    for row_id, payload in candidates:
        try:
            entry: Any = json.loads(payload)
        except ValueError:
            entry = None
        if isinstance(entry, dict) and "conversation_id" in entry:
            mine = entry["conversation_id"] == conversation_id
        else:
            mine = as_word.search(payload) is not None
        if mine:
            ids.append(int(row_id))
    return ids


def _count(session: Session, table: Any, condition: Any) -> int:
    query = select(func.count()).select_from(table).where(condition)
    return int(session.execute(query).scalar_one())


def erase_conversation(session: Session, conversation_id: str, dry_run: bool = False) -> Erased:
    """Delete (or with `dry_run` count) everything held about the conversation.

    Runs in the caller's transaction: the caller commits (or rolls back) all of it at once.
    """
    has_table = inspect(session.connection()).has_table
    conditions: dict[str, tuple[Any, Any]] = {
        "questions": (Question.__table__, Question.conversation_id == conversation_id),
        "callback_requests": (
            CallbackRequest.__table__,
            CallbackRequest.conversation_id == conversation_id,
        ),
    }
    if has_table(rasa_events.name):
        conditions["transcript_events"] = (rasa_events, rasa_events.c.sender_id == conversation_id)
    # Message ids, an unfinished form's answers and feedback: deleted with the rest, not counted.
    for extra in (MessageReceipt, FormAnswer, AnswerFeedback):
        if has_table(extra.__tablename__):
            conditions[extra.__tablename__] = (
                extra.__table__,
                extra.conversation_id == conversation_id,
            )
    quarantined = _quarantined_ids(session, conversation_id)
    conditions["quarantined"] = (
        QuarantinedEntry.__table__,
        QuarantinedEntry.id.in_(quarantined),
    )
    counts = {name: _count(session, table, where) for name, (table, where) in conditions.items()}
    if not dry_run:
        for table, where in conditions.values():
            session.execute(delete(table).where(where))
    return Erased(
        questions=counts["questions"],
        callback_requests=counts["callback_requests"],
        transcript_events=counts.get("transcript_events", 0),
        quarantined=counts["quarantined"],
    )
