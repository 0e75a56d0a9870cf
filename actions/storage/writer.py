"""Move spooled log entries into the database, in the background, retrying until it works.

One writer per action-server process: a daemon thread wakes when an entry is spooled (or every
`interval` seconds) and writes every waiting batch in one transaction per batch. While the
database is down, batches stay in the spool; nothing is lost and patients notice nothing.
The same thread runs an optional periodic task: the back-fill of questions answered while the
action server was down (backfill.py).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from actions.storage.database import insert_ignoring_duplicates, session_factory
from actions.storage.models import CallbackRequest, Question
from actions.storage.spool import Spool

logger = logging.getLogger(__name__)

TABLES = {
    "question": (Question.__table__, "message_id", ("asked_at",)),
    "callback": (CallbackRequest.__table__, "request_key", ("requested_at",)),
}


def _row(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    _, _, datetime_fields = TABLES[kind]
    row = dict(record)
    for field in datetime_fields:
        if isinstance(row.get(field), str):
            row[field] = datetime.fromisoformat(row[field])
    return row


class LogWriter:
    def __init__(
        self,
        spool: Spool,
        database_url: str,
        interval: float = 2.0,
        periodic: Callable[[LogWriter], Any] | None = None,
        periodic_interval: float = 300.0,
    ) -> None:
        self.spool = spool
        self.database_url = database_url
        self.interval = interval
        self._periodic = periodic
        self._periodic_interval = periodic_interval
        self._last_periodic = 0.0
        self._wake = threading.Event()
        self._flush_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    def submit(self, kind: str, record: dict[str, Any]) -> None:
        """Spool an entry (durable at once) and wake the writer; never touches the database."""
        if kind not in TABLES:
            raise ValueError(f"unknown log entry kind {kind!r}")
        self.spool.append(kind, record)
        self._ensure_started()
        self._wake.set()

    def flush(self) -> bool:
        """Write every waiting batch. True when the spool is empty afterwards."""
        with self._flush_lock:
            for batch in self.spool.take_batches():
                entries = self.spool.read(batch)
                try:
                    self._write(entries)
                except SQLAlchemyError as error:
                    logger.warning(
                        "Question log: database unavailable, %d entries kept in %s (%s)",
                        len(entries),
                        batch,
                        type(error).__name__,
                    )
                    return False
                batch.unlink()
            return True

    def _write(self, entries: list[tuple[str, dict[str, Any]]]) -> None:
        by_kind: dict[str, list[dict[str, Any]]] = {}
        for kind, record in entries:
            by_kind.setdefault(kind, []).append(_row(kind, record))
        with session_factory(self.database_url).begin() as session:
            for kind, rows in by_kind.items():
                table, key, _ = TABLES[kind]
                insert_ignoring_duplicates(session, table, rows, key)

    def start(self) -> None:
        """Start the background thread now (it also starts on the first entry)."""
        self._ensure_started()

    def _ensure_started(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="log-writer", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stopping.is_set():
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
