"""Log each question from Rasa's tracker store as soon as its turn is stored.

Why (issue 22): the question log used to be written by `action_log_question`, a custom
action every question's rule ran after the answer. That cost the Rasa server a third policy
prediction per turn, an HTTP call carrying the whole tracker, and the action's events, for
an entry that the store's rows already hold: `backfill.py` has rebuilt entries from them
since the log began. So the log is now a projection of the tracker store. The Rasa server
does nothing for it; the action server's writer thread follows the store:

- every poll it asks for the store's newest row id; when rows came in since the last one it
  reads the new user messages (one indexed range query), drops those whose keys it has
  already looked at, and only for the rest reads their conversation's recent rows and
  builds the entries with the same code as the back-fill (`question_record.py`, on the
  events as stored: redacted). It reads only Rasa's table, so it keeps spooling while the
  log's own table is locked or refusing writes;
- a turn is one transaction of the store (Rasa saves the tracker once, after the replies),
  so a user message that can be read comes with every event of its turn;
- entries go through the spool and writer like every other entry, and the log's unique
  message key makes each question one row whatever happens: two followers (a cluster with
  several action servers), a restart that re-reads, a replayed or forged message id;
- on PostgreSQL a transaction that took its row ids earlier can commit after one that took
  later ids, so every poll looks back `RECHECK_ROWS` rows behind its mark (keys make that
  free of duplicates); the periodic back-fill (`backfill.py`, every five minutes and at start)
  remains the net under everything, including a follower that was down.

What stays out of the log is decided by `question_record.py` as before: messages that ask
nothing, and the call-back form's answers.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from core.db.database import session_factory
from core.db.rasa_events import rasa_events
from core.db.values import identifier, one_line
from core.question_log.question_record import (
    CONVERSATION_ID_CHARS,
    message_key,
    stored_event,
    turn_records,
)

logger = logging.getLogger(__name__)

# How far behind its mark each poll looks (PostgreSQL commits out of id order; see above).
RECHECK_ROWS = 200
# Rows before a conversation's new messages that are read with them: the open call-back
# form's start (its answers are not questions) and the values it collected (redaction). A
# form is a handful of turns of about ten events each.
CONTEXT_ROWS = 200
# Keys this follower looked at recently, so the look-back never builds an entry twice.
REMEMBERED_KEYS = 20_000


class StoreFollower:
    """Follows the `events` table of one database and submits each new question once."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self.mark: int | None = None  # the newest row id already looked at
        self._keys: OrderedDict[str, None] = OrderedDict()
        self._table_seen = False

    def poll(self, writer: Any) -> int:
        """Submit the entries of the questions stored since the last poll; how many.

        The first poll only sets the mark: what came before is the start-up back-fill's.
        Database errors propagate (the writer's loop logs them and polls again later).
        """
        with session_factory(self.database_url)() as session:
            if not self._has_events_table(session):
                self.mark = 0  # every row to come is new
                return 0
            newest = session.execute(select(func.max(rasa_events.c.id))).scalar() or 0
            if self.mark is None or newest < self.mark:
                self.mark = newest  # first poll, or the table was emptied and began again
                return 0
            if newest == self.mark:
                return 0
            records = self._new_records(session, max(self.mark - RECHECK_ROWS, 0), newest)
        for record in records:
            writer.submit("question", record)
        self.mark = newest
        return len(records)

    def _has_events_table(self, session: Session) -> bool:
        if not self._table_seen:
            self._table_seen = inspect(session.connection()).has_table("events")
        return self._table_seen

    def _new_records(self, session: Session, after: int, upto: int) -> list[dict[str, Any]]:
        """Entries for the user messages in rows (after, upto] whose keys are not known yet.

        Every key looked at is remembered, entry or not (a greeting has none), so the
        look-back never builds a message twice in this process. The database is not asked
        which keys it holds: the log's unique key drops what another follower (or this one
        before a restart) already wrote, and a follower that only reads Rasa's table keeps
        spooling while the log's table is locked or down.
        """
        users = session.execute(
            select(rasa_events.c.id, rasa_events.c.sender_id, rasa_events.c.data)
            .where(rasa_events.c.id > after, rasa_events.c.id <= upto)
            .where(rasa_events.c.type_name == "user")
        ).all()
        fresh: dict[str, tuple[str, int]] = {}
        for row_id, sender, data in users:
            conversation = identifier(sender, CONVERSATION_ID_CHARS)
            event = stored_event(data)
            if not conversation or event is None:
                continue  # question_of_turn would give no entry either
            key = message_key(conversation, event)
            if key not in self._keys:
                fresh.setdefault(key, (sender, row_id))
        wanted: dict[str, set[int]] = {}
        for sender, row_id in fresh.values():
            wanted.setdefault(sender, set()).add(row_id)
        records = []
        for sender, row_ids in wanted.items():
            try:
                records += turn_records(sender, self._rows(session, sender, row_ids), row_ids)
            except SQLAlchemyError:
                raise  # the database, not this conversation: the round is retried
            except Exception as error:  # one bad conversation must not stop the others
                logger.warning(
                    "Question log: conversation %r not followed (%s)",
                    one_line(sender, 255),
                    type(error).__name__,
                )
        for key in fresh:
            self._remember(key)
        # A key two rows share (a forged or replayed message id) is one entry.
        unique = {r["message_id"]: r for r in records if r["message_id"] in fresh}
        return list(unique.values())

    @staticmethod
    def _rows(session: Session, sender: str, row_ids: set[int]) -> list[tuple[int, Any]]:
        """The conversation's rows from CONTEXT_ROWS before its first wanted message on."""
        first = min(row_ids)
        before = session.execute(
            select(rasa_events.c.id, rasa_events.c.data)
            .where(rasa_events.c.sender_id == sender, rasa_events.c.id < first)
            .order_by(rasa_events.c.id.desc())
            .limit(CONTEXT_ROWS)
        ).all()
        # The turn of the last wanted message runs to the conversation's newest stored row.
        after = session.execute(
            select(rasa_events.c.id, rasa_events.c.data)
            .where(rasa_events.c.sender_id == sender, rasa_events.c.id >= first)
            .order_by(rasa_events.c.id)
        ).all()
        return [(int(i), d) for i, d in reversed(before)] + [(int(i), d) for i, d in after]

    def _remember(self, key: str) -> None:
        self._keys[key] = None
        self._keys.move_to_end(key)
        while len(self._keys) > REMEMBERED_KEYS:
            self._keys.popitem(last=False)
