"""A turn's transcript rows kept on local disk while the database is away, stored once it is back.

Why: since issue 22 the question log is read from Rasa's events table (core/question_log/
follower.py), so a turn whose rows never reach that table is a question nobody logs. When the
database is down, Rasa's `FailSafeTrackerStore` answers from an in-memory tracker and throws
the turn away; before issue 22 the question-logging action kept the entry in the action
server's spool. Now the tracker store keeps the turn's rows, redacted exactly as they would be
stored, in a spool of its own (the question log's `Spool`, one JSON line per save) and writes
them when the next save finds the database back, or a background thread does within a few
seconds. The rows are written in the order they were kept, after the rows already stored.

A crash between writing a batch and deleting its file stores that batch's rows twice (the
transcript shows a turn twice); the question log's unique message key still logs it once.
"""

from __future__ import annotations

import fcntl
import json
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from core.db.database import database_unavailable
from core.private_files import private_file
from core.question_log.spool import Spool

logger = logging.getLogger(__name__)

KIND = "transcript_rows"
RETRY_SECONDS = 3.0

# Writes one conversation's rows in one transaction (the store's insert).
RowWriter = Callable[[str, list[dict[str, Any]]], None]


class UnsavedTurns:
    """Rows of turns the database refused, on disk until they can be written."""

    def __init__(self, directory: Path, write: RowWriter) -> None:
        self.spool = Spool(directory)
        self._write = write
        self._flush_lock = directory / ".flush"
        self._waiting = threading.Event()
        if self.spool.pending_count():
            self._waiting.set()  # kept by a process that stopped before the database came back
        self._thread: threading.Thread | None = None

    @property
    def waiting(self) -> bool:
        return self._waiting.is_set()

    def keep(self, sender_id: str, rows: list[dict[str, Any]]) -> None:
        """Put a turn's rows on disk and make sure something will write them."""
        if not rows:
            return
        self.spool.append(KIND, {"sender_id": sender_id, "rows": rows})
        self._waiting.set()
        self._start_retrying()

    def write_waiting(self) -> bool:
        """Write every kept turn, oldest first; False if the database is still away."""
        if not self._waiting.is_set():
            return True
        with open(private_file(self._flush_lock), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # one writer across processes: no row twice
            try:
                for batch in self.spool.take_batches():
                    for line in self.spool.lines(batch):
                        entry = _entry(line)
                        if entry is not None:
                            self._write(*entry)
                    batch.unlink()
            except Exception as error:
                if database_unavailable(error):
                    return False
                raise
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
        self._waiting.clear()
        return True

    def _start_retrying(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._thread = threading.Thread(target=self._retry, name="unsaved-turns", daemon=True)
        self._thread.start()

    def _retry(self) -> None:
        stop = threading.Event()
        while self._waiting.is_set() and not stop.wait(RETRY_SECONDS):
            try:
                if self.write_waiting():
                    logger.info("Tracker store: turns kept during a database outage stored")
            except Exception:  # a bad line must not end the retries of the others
                logger.exception("Tracker store: could not store kept turns")


def _entry(line: bytes) -> tuple[str, list[dict[str, Any]]] | None:
    """(sender id, rows) of a kept line, or None for a line that is not one (logged)."""
    try:
        entry = json.loads(line)
        record = entry["record"]
        sender_id, rows = record["sender_id"], record["rows"]
        if entry["kind"] == KIND and isinstance(sender_id, str) and isinstance(rows, list):
            return sender_id, [row for row in rows if isinstance(row, dict)]
    except (ValueError, KeyError, TypeError):
        pass
    logger.error("Tracker store: a kept line that is not a turn was skipped")
    return None
