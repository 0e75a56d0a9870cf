"""Move spooled log entries into the database, in the background; quarantine what never fits.

One writer per action-server process: a daemon thread wakes when an entry is spooled (or every
`interval` seconds) and writes every waiting batch in one transaction per batch. While the
database is down, batches stay in the spool; nothing is lost and patients notice nothing.

An entry that can never be written (its line is not an entry, a value does not fit its
column, the database refuses it) must not hold back the others: such entries are checked out
before the insert (core/db/entries.py), and if the batch still fails for a reason that is not "the
database is unavailable", its entries are written one by one and each one that fails again
goes to the quarantine (core/db/quarantine.py) with the reason. The batch is then done.

The same thread runs an optional task every round, before it waits: the follower that reads
new questions from Rasa's tracker store (follower.py); an optional periodic task: the
back-fill of what the follower did not see (backfill.py); and, once when it starts, an
optional start-up task (the action server reports the quarantine's size).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from core.db.database import (
    database_unavailable,
    insert_ignoring_duplicates,
    insert_refusing_one_by_one,
    session_factory,
)
from core.db.entries import (
    KINDS,
    MAX_REASON_CHARS,
    Entry,
    Quarantined,
    RejectedEntry,
    parse_line,
    quarantined,
)
from core.db.quarantine import Quarantine
from core.db.values import one_line
from core.question_log.spool import Spool

logger = logging.getLogger(__name__)


def describe(error: BaseException) -> str:
    """Why the database refused an entry: the error's kind and first line (no parameters)."""
    cause = getattr(error, "orig", None) or error
    lines = str(cause).strip().splitlines()
    return one_line(f"{type(cause).__name__}: {lines[0] if lines else ''}", MAX_REASON_CHARS)


class LogWriter:
    def __init__(
        self,
        spool: Spool,
        database_url: str,
        interval: float = 2.0,
        periodic: Callable[[LogWriter], Any] | None = None,
        periodic_interval: float = 300.0,
        on_start: Callable[[LogWriter], Any] | None = None,
        every_round: Callable[[LogWriter], Any] | None = None,
    ) -> None:
        self.spool = spool
        self.database_url = database_url
        self.interval = interval
        self.quarantine = Quarantine(database_url, spool.directory)
        self._periodic = periodic
        self._periodic_interval = periodic_interval
        self._on_start = on_start
        self._every_round = every_round
        self._last_periodic = 0.0
        self._wake = threading.Event()
        self._flush_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    def submit(self, kind: str, record: dict[str, Any]) -> None:
        """Spool an entry (durable at once) and wake the writer; never touches the database."""
        if kind not in KINDS:
            raise ValueError(f"unknown log entry kind {kind!r}")
        self.spool.append(kind, record)
        self._ensure_started()
        self._wake.set()

    def flush(self) -> bool:
        """Write every waiting batch. True when the spool is empty afterwards."""
        with self._flush_lock:
            for batch in self.spool.take_batches():
                try:
                    self._write_batch(batch)
                except Exception as error:
                    if not database_unavailable(error):
                        raise  # a fault of this code: the batch stays, the thread logs it
                    logger.warning(
                        "Question log: database unavailable, entries kept in %s (%s)",
                        batch,
                        type(error).__name__,
                    )
                    return False
                batch.unlink()
            return True

    def _write_batch(self, batch: Path) -> None:
        """Write or quarantine every line of `batch`; raises if the database is unavailable.

        A batch interrupted half-way is written again from the start: entries already stored
        or quarantined are skipped by their unique keys.
        """
        entries: list[Entry] = []
        rejected: list[Quarantined] = []
        for line in self.spool.lines(batch):
            try:
                entries.append(parse_line(line))
            except RejectedEntry as reason:
                rejected.append(quarantined(line, str(reason)))
        refused = insert_refusing_one_by_one(entries, self._insert)
        rejected += [entry.rejected(describe(error)) for entry, error in refused]
        self.quarantine.add(rejected)

    def _insert(self, entries: Sequence[Entry]) -> None:
        by_kind: dict[str, list[dict[str, Any]]] = {}
        for entry in entries:
            by_kind.setdefault(entry.kind, []).append(entry.row)
        if not by_kind:
            return
        with session_factory(self.database_url).begin() as session:
            for kind, rows in by_kind.items():
                insert_ignoring_duplicates(session, KINDS[kind].table, rows, KINDS[kind].key)

    def start(self) -> None:
        """Start the background thread now (it also starts on the first entry)."""
        self._ensure_started()

    def _ensure_started(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="log-writer", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        if self._on_start is not None:
            try:
                self._on_start(self)
            except Exception:
                logger.exception("Log writer start-up task failed")
        while not self._stopping.is_set():
            # The follower first: its first round sets its mark before the start-up back-fill
            # reads, so a question stored in between is seen by one of them (or both: keys).
            if self._every_round:
                try:
                    self._every_round(self)
                except Exception as error:  # the database away: the next round catches up
                    logger.warning("Question log: store not followed (%s)", describe(error))
            if self._periodic and time.monotonic() - self._last_periodic >= self._periodic_interval:
                self._last_periodic = time.monotonic()
                try:
                    self._periodic(self)
                except Exception:
                    logger.exception("Periodic log task failed; will retry")
            self._wake.wait(self.interval)
            self._wake.clear()
            try:
                self.flush()
            except Exception:  # keep the writer alive whatever happens; entries stay spooled
                logger.exception("Question log writer failed; will retry")

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
