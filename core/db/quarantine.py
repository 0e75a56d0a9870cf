"""The quarantine: log entries that can never be written, kept aside so they block nothing.

Why: the writer used to retry a failing batch for ever, so one entry the database refused
(a value too long for its column, a NUL, a line cut by a crash) held back every later
question and call-back request. Such entries now go to the `log_quarantine` table with the
reason, where admins see them (staff console, /admin/quarantine) and the action server
counts them when its writer starts. Nothing is silently dropped: the payload is the whole
entry as ASCII-only JSON.

If even the quarantine table refuses an entry, it is appended to `quarantine.jsonl` in the
spool folder (readable by the owner only). A database that is away is not a reason to
quarantine anything: that error goes back to the writer, which keeps its batch.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import func, select

from core.db.database import (
    insert_ignoring_duplicates,
    insert_refusing_one_by_one,
    session_factory,
)
from core.db.entries import Quarantined
from core.db.models import QuarantinedEntry
from core.private_files import private_file

logger = logging.getLogger(__name__)

QUARANTINE_FILE = "quarantine.jsonl"
LOGGED_PER_BATCH = 5  # a spool full of garbage must not flood the log


def _row(item: Quarantined, now: datetime) -> dict[str, object]:
    """The quarantine table's row for `item` (also the fallback file's line)."""
    return {
        "kind": item.kind,
        "entry_key": item.key,
        "reason": item.reason,
        "payload": item.payload,
        "quarantined_at": now,
    }


class Quarantine:
    def __init__(self, database_url: str, directory: Path) -> None:
        self.database_url = database_url
        self.file = directory / QUARANTINE_FILE

    def add(self, items: Sequence[Quarantined]) -> None:
        """Keep `items` in the table (each once), or in the file if the table refuses one.

        Raises the database's error when it is unavailable, so the caller keeps its batch.
        """
        if not items:
            return
        for item, error in insert_refusing_one_by_one(items, self._insert):
            self._append_to_file(item, type(error).__name__)
        for item in items[:LOGGED_PER_BATCH]:
            logger.warning(
                "Question log: %s entry %r quarantined: %s", item.kind, item.key, item.reason
            )
        if len(items) > LOGGED_PER_BATCH:
            logger.warning(
                "Question log: %d more entries quarantined", len(items) - LOGGED_PER_BATCH
            )

    def _insert(self, items: Sequence[Quarantined]) -> None:
        now = datetime.now(timezone.utc)
        rows = [_row(item, now) for item in items]
        with session_factory(self.database_url).begin() as session:
            insert_ignoring_duplicates(
                session, QuarantinedEntry.__table__, rows, ("kind", "entry_key")
            )

    def _append_to_file(self, item: Quarantined, error: str) -> None:
        logger.error(
            "Question log: the quarantine table refused %s entry %r (%s); kept in %s",
            item.kind,
            item.key,
            error,
            self.file,
        )
        line = json.dumps(
            _row(item, datetime.now(timezone.utc)), ensure_ascii=True, default=datetime.isoformat
        )
        with open(private_file(self.file), "a", encoding="ascii") as file:
            file.write(line + "\n")

    def count(self) -> int:
        """Entries in quarantine, table and file; raises SQLAlchemyError if the database is away."""
        with session_factory(self.database_url)() as session:
            in_table = session.execute(
                select(func.count()).select_from(QuarantinedEntry)
            ).scalar_one()
        in_file = 0
        if self.file.exists():
            with open(self.file, "rb") as file:
                in_file = sum(1 for line in file if line.strip())
        return int(in_table) + in_file
