"""Rasa's SQL tracker store, with the recent part of each live conversation kept in memory.

Why: profiling the Rasa server under load (bench/NOTES.md) showed about a third of its CPU in
the stock `SQLTrackerStore`: on every message it reads the whole conversation session back
from the database, replays every event into a new tracker, counts the stored events again to
find which ones are new, and then the policies rebuild the dialogue states of the whole session
for each of the three predictions per message. Conversations with the assistant are short
bursts of messages from one person, so this store

- keeps the tracker of each recently active conversation in memory (a bounded LRU cache with
  an idle timeout) and hands it back without touching the database when it is still current;
- appends only the new events on save, remembering how many it has written;
- keeps only the last `keep_turns` user turns of a long conversation in the tracker the
  policies see (the rules and stories look back at most four turns), with the slots of the
  cut-off part carried over as `SlotSet` events. The database still gets every event: the
  transcripts staff read are complete.

Correctness guards: the cache is checked against the newest event row of the conversation
(one indexed query), so a second Rasa process, a retention run or anything else that changed
the rows makes it re-read from the database; on save, that check and the insert are one
transaction (serialised per conversation on PostgreSQL), so rows another server wrote in
between are never taken as seen; the event broker gets exactly the new events, redacted;
an open form's answers, masked in the transcript, are kept aside until the form ends so
that a tracker read from the database continues the form (addons/stores/form_answers.py);
a tracker changed but not saved (a failed turn) is dropped; a new session (`SessionStarted`)
is re-read; trimming never cuts inside an active form. Written against Rasa 3.6's
`SQLTrackerStore` (which it reuses for reads, the table and the connection settings).
"""

from __future__ import annotations

import itertools
import json
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from addons.stores import form_answers
from addons.stores.unsaved import UnsavedTurns
from core.db.database import clear_sqlite_log, database_unavailable, secure_delete
from core.privacy.retention import form_answers_ttl
from core.privacy.transcripts import stored_events
from core.private_files import private_file
from core.settings import load_settings

logger = logging.getLogger(__name__)

DEFAULT_CACHE_SIZE = 2000
DEFAULT_IDLE_SECONDS = 900.0
DEFAULT_KEEP_TURNS = 8
# Events after which an open form's kept answers are rewritten (deleted when none is open):
# the form starting or ending, a new session (expiry) or a restart.
FORM_ENDS = frozenset({"active_loop", "session_started", "restart"})


@dataclass
class _Cached:
    """A conversation's tracker and what of it is already in the database."""

    tracker: DialogueStateTracker
    saved_events: int  # events of `tracker` that are stored
    newest_row: int | None  # the conversation's highest event row id when last read/written
    used_at: float


def _queue_on_conversation(connection: sa.engine.Connection, sender_id: str) -> None:
    """On PostgreSQL, one conversation's writers queue on an advisory lock until the commit
    (SQLite's write lock already serialises them): no rows of another server in between."""
    if connection.dialect.name == "postgresql":
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(sa.func.hashtext(sender_id))))


class CachedSQLTrackerStore(SQLTrackerStore):
    """An `SQLTrackerStore` that reads each live conversation from the database only once."""

    engine: sa.engine.Engine

    def __init__(
        self,
        domain: Domain | None = None,
        cache_size: int = DEFAULT_CACHE_SIZE,
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
        keep_turns: int = DEFAULT_KEEP_TURNS,
        form_answers_minutes: float | None = None,
        **kwargs: Any,
    ) -> None:
        if kwargs.get("dialect") == "sqlite" and kwargs.get("db"):
            private_file(Path(str(kwargs["db"])))  # before SQLite creates it with the umask
        super().__init__(domain=domain, **kwargs)
        if self.engine.dialect.name == "sqlite":
            self._pool_sqlite_connections()
        if keep_turns < 5:
            raise ValueError("keep_turns must be at least 5: rules look back four turns.")
        self.cache_size = int(cache_size)
        self.idle_seconds = float(idle_seconds)
        self.keep_turns = int(keep_turns)
        self.form_answers_ttl = (
            timedelta(minutes=float(form_answers_minutes))
            if form_answers_minutes is not None
            else form_answers_ttl()
        )
        self._cache: OrderedDict[str, _Cached] = OrderedDict()
        # Turns the database refused while it was away: stored once it is back (unsaved.py).
        self.unsaved = UnsavedTurns(load_settings().spool_dir / "transcripts", self._write_rows)
        self.form_answers_sweep = form_answers.start_sweeping(self.engine, self.form_answers_ttl)

    def _pool_sqlite_connections(self) -> None:
        """Keep SQLite connections open between turns instead of one new one per query.

        SQLAlchemy 1.4 gives a file-backed SQLite engine no pool (`NullPool`), so every read
        and save opened the file, read the schema and, as the last connection closed,
        checkpointed the write-ahead log: measured 4.1 ms of CPU and 25 ms of wall time per
        turn's queries, against 1.5 ms and 4.7 ms pooled (bench/NOTES.md, issue 22). The
        same file, tables and transactions; only the connections are reused (one at a time
        each, so the event loop and Rasa's worker threads may share the pool).
        """
        url = self.engine.url
        if url.database in (None, "", ":memory:"):
            return  # an in-memory database lives in its one connection already
        self.engine.dispose()
        self.engine = sa.create_engine(
            url, poolclass=sa.pool.QueuePool, connect_args={"check_same_thread": False}
        )
        # Deleted rows (the form's answers) overwritten, not left in the file (round 7).
        sa.event.listen(self.engine, "connect", secure_delete)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    # -- reading -------------------------------------------------------------------------

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The conversation's current tracker: from memory if still current, else the database."""
        cached = self._current(sender_id)
        if cached is not None:
            return cached.tracker
        # The newest row first: if another process writes in between, the cached copy looks
        # stale on the next read and is re-read, never the other way round.
        with self.engine.connect() as connection:
            newest_row = self._newest_row(connection, sender_id)
        tracker = await super().retrieve(sender_id)
        if tracker is None:
            return None
        if tracker.active_loop_name:  # the form's answers are masked in the transcript
            with self.engine.connect() as connection:
                kept = form_answers.kept(connection, sender_id, self.form_answers_ttl)
                tracker = form_answers.restored(tracker, kept)
        trimmed = self._trimmed(tracker)
        self._remember(sender_id, trimmed, len(trimmed.events), newest_row)
        return trimmed

    def _current(self, sender_id: str) -> _Cached | None:
        cached = self._cache.pop(sender_id, None)
        if cached is None:
            return None
        if time.monotonic() - cached.used_at > self.idle_seconds:
            return None
        if len(cached.tracker.events) != cached.saved_events:
            return None  # changed but never saved: a turn failed half-way
        with self.engine.connect() as connection:
            if self._newest_row(connection, sender_id) != cached.newest_row:
                return None  # someone else wrote or deleted rows
        cached.used_at = time.monotonic()
        self._cache[sender_id] = cached
        return cached

    def _newest_row(self, connection: sa.engine.Connection, sender_id: str) -> int | None:
        newest: int | None = connection.execute(
            sa.select(sa.func.max(self.SQLEvent.id)).where(self.SQLEvent.sender_id == sender_id)
        ).scalar()
        return newest

    # -- writing -------------------------------------------------------------------------

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Append the events this store has not written yet, then remember the tracker.

        With the database away, the new events are kept on disk, redacted as stored, and
        written once it is back (unsaved.py): the question log reads them from the table.
        """
        try:
            self.unsaved.write_waiting()  # one flag test when nothing waits
            await self._save(tracker)
        except Exception as error:
            if not database_unavailable(error):
                raise
            cached = self._cache.pop(tracker.sender_id, None)
            # A tracker this store handed out: its stored part is known; one made while the
            # database was away (Rasa's fail-safe store) holds only this turn's events.
            first_new = cached.saved_events if cached and cached.tracker is tracker else 0
            events = [event.as_dict() for event in tracker.events]
            rows = [
                self._row(tracker.sender_id, data)
                for data in stored_events(events, min(first_new, len(events)))
            ]
            self.unsaved.keep(tracker.sender_id, rows)
            logger.warning("Tracker store: database away, turn kept on disk (%s)", error)

    def _write_rows(self, sender_id: str, rows: list[dict[str, Any]]) -> None:
        """Store kept rows of one conversation in one transaction, after its stored ones."""
        with self.engine.begin() as connection:
            _queue_on_conversation(connection, sender_id)
            self._append(connection, rows)
        self._cache.pop(sender_id, None)

    async def _save(self, tracker: DialogueStateTracker) -> None:
        cached = self._cache.get(tracker.sender_id)
        if cached is None or cached.tracker is not tracker:
            # Not a tracker this store handed out (a brand-new conversation): the events not
            # yet stored are counted the way Rasa's own save counts them; the next read goes
            # to the database.
            with self.session_scope() as session:
                stored = self._event_query(
                    session, tracker.sender_id, fetch_events_from_all_sessions=False
                ).count()
            self._publish(tracker, stored)
            self._insert(tracker, stored, expected_newest=None)
            self._cache.pop(tracker.sender_id, None)
            return

        self._publish(tracker, cached.saved_events)
        new_events = list(itertools.islice(tracker.events, cached.saved_events, None))
        newest_row: int | None = cached.newest_row
        in_step = True
        if new_events:
            newest_row = self._insert(tracker, cached.saved_events, cached.newest_row)
            in_step = newest_row is not None
        if not in_step or any(isinstance(event, SessionStarted) for event in new_events):
            # Another writer's rows came in between, or a new session began in this turn:
            # the next read goes to the database, as Rasa's own store would.
            self._cache.pop(tracker.sender_id, None)
            return
        trimmed = self._trimmed(tracker)
        self._remember(tracker.sender_id, trimmed, len(trimmed.events), newest_row)

    async def stream_events(self, tracker: DialogueStateTracker) -> None:
        """Publish nothing here: `save` publishes exactly the events it stores.

        Rasa's version diffs the tracker against `retrieve`, which this store answers from
        its cache (a trimmed tracker), so it re-published whole sessions (140 events for 60).
        """

    def _publish(self, tracker: DialogueStateTracker, first_new: int) -> None:
        """Send the events from `first_new` on to the event broker, redacted as stored."""
        if self.event_broker is None:
            return
        events = [event.as_dict() for event in tracker.events]
        for data in stored_events(events, min(first_new, len(events))):
            self.event_broker.publish({"sender_id": tracker.sender_id, **data})

    def _insert(
        self, tracker: DialogueStateTracker, first_new: int, expected_newest: int | None
    ) -> int | None:
        """Store the tracker's events from `first_new` on, redacted; the newest row id after.

        The check and the insert are one transaction, and on PostgreSQL one conversation's
        writers queue on an advisory lock: the newest row before the insert must be the one
        this store last saw (`expected_newest`), else rows from another Rasa server came in
        between and None is returned, so the caller drops its cached copy. (Checking after
        the insert, as the first version did, took those rows as already seen.)

        One multi-row INSERT through SQLAlchemy Core: the ORM's unit of work cost more than
        the database itself here (profile in bench/NOTES.md). Each event is stored as
        core/privacy/transcripts.py redacts it, judged with the whole conversation.
        """
        events = [event.as_dict() for event in tracker.events]
        rows = [
            self._row(tracker.sender_id, data)
            for data in stored_events(events, min(first_new, len(events)))
        ]
        ended = False
        with self.engine.begin() as connection:
            _queue_on_conversation(connection, tracker.sender_id)
            before = self._newest_row(connection, tracker.sender_id)
            after = self._append(connection, rows) if rows else before
            answers = form_answers.open_form_answers(tracker)
            if answers or any(data.get("event") in FORM_ENDS for data in events[first_new:]):
                ended = form_answers.keep(
                    connection, tracker.sender_id, answers, self.form_answers_ttl
                )
        if ended:
            clear_sqlite_log(self.engine)
        return after if before == expected_newest else None

    def _append(self, connection: sa.engine.Connection, rows: list[dict[str, Any]]) -> int:
        """Insert the rows as one statement; the id of the last one, now the newest row.

        Why not a second `max(id)` query after the insert (as before issue 22): inside this
        transaction nobody else adds rows for the conversation (SQLite holds the write lock
        from the insert to the commit; PostgreSQL writers of the conversation queue on the
        advisory lock), so the conversation's newest row is the last one inserted here: the
        RETURNING ids on PostgreSQL, the last rowid of the multi-row INSERT on SQLite.
        """
        table = self.SQLEvent.__table__
        dialect = connection.dialect.name
        if dialect == "postgresql":
            ids = connection.execute(table.insert().values(rows).returning(table.c.id))
            return max(int(row_id) for (row_id,) in ids)
        if dialect == "sqlite":
            return int(connection.execute(table.insert().values(rows)).lastrowid)
        # Other databases (MySQL reports the batch's first id): ask, as before.
        connection.execute(table.insert(), rows)
        newest = self._newest_row(connection, str(rows[0]["sender_id"]))
        assert newest is not None
        return newest

    @staticmethod
    def _row(sender_id: str, data: dict[str, Any]) -> dict[str, Any]:
        """The database row for one event (as a dict), laid out as Rasa's own store writes it."""
        parse_data = data.get("parse_data")
        intent = parse_data.get("intent") if isinstance(parse_data, dict) else None
        return {
            "sender_id": sender_id,
            "type_name": data.get("event"),
            "timestamp": data.get("timestamp"),
            "intent_name": intent.get(INTENT_NAME_KEY) if isinstance(intent, dict) else None,
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }

    def _remember(
        self,
        sender_id: str,
        tracker: DialogueStateTracker,
        saved_events: int,
        newest_row: int | None,
    ) -> None:
        self._cache.pop(sender_id, None)
        self._cache[sender_id] = _Cached(tracker, saved_events, newest_row, time.monotonic())
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)

    # -- trimming ------------------------------------------------------------------------

    def _trimmed(self, tracker: DialogueStateTracker) -> DialogueStateTracker:
        """The tracker with only its last `keep_turns` user turns, or itself if short enough.

        Trimming happens once the tracker holds twice the turns to keep, so its cost (one
        replay of the cut-off part) is paid every `keep_turns` messages, not on each one.
        """
        if tracker.active_loop_name:
            return tracker
        events = list(tracker.events)
        turn_starts = [
            i
            for i, event in enumerate(events)
            if isinstance(event, UserUttered)
            and i > 0
            and isinstance(events[i - 1], ActionExecuted)
            and events[i - 1].action_name == "action_listen"
        ]
        if len(turn_starts) < 2 * self.keep_turns:
            return tracker
        cut = turn_starts[-self.keep_turns] - 1  # keep the action_listen before the turn
        before = DialogueStateTracker.from_events(
            tracker.sender_id, events[:cut], tracker.slots.values()
        )
        if before.active_loop_name:
            return tracker  # never cut inside a form
        carried: list[Event] = [
            SlotSet(name, slot.value)
            for name, slot in before.slots.items()
            if slot.value != slot.initial_value
        ]
        # The session's opening (action_session_start, SessionStarted) stays, so the trimmed
        # tracker reads as a session whose first turns are the kept ones.
        head = events[: turn_starts[0] - 1]
        kept = head + carried + events[cut:]
        trimmed = DialogueStateTracker.from_events(tracker.sender_id, kept, tracker.slots.values())
        logger.debug(
            "Conversation %s: policies now see the last %d turns",
            tracker.sender_id,
            self.keep_turns,
        )
        return trimmed
