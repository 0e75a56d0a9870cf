"""A local write-ahead spool: log entries reach disk before the database is tried.

Why: logging must never delay or break the patient's answer, and an entry must survive a
database that is down or locked. An action appends its entry to a JSON-lines file (fast, no
network) and returns; the writer (writer.py) moves entries into the database when it can.
Entries carry unique keys, so an entry written twice (a crash between insert and clean-up)
is stored once.

Draining renames the spool file first, so new entries keep arriving in a fresh file while a
batch is written; a batch that fails stays on disk and is retried.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SPOOL_NAME = "pending.jsonl"
BATCH_SUFFIX = ".batch"


class Spool:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.directory.mkdir(parents=True, exist_ok=True)
        self._pending = directory / SPOOL_NAME
        self._lock_path = directory / ".lock"

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Exclusive across threads and processes sharing the folder."""
        with open(self._lock_path, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def append(self, kind: str, record: dict[str, Any]) -> None:
        line = json.dumps({"kind": kind, "record": record}, ensure_ascii=False, default=str)
        with self._locked(), open(self._pending, "a", encoding="utf-8") as spool:
            spool.write(line + "\n")
            spool.flush()

    def take_batches(self) -> list[Path]:
        """Batches waiting to be written: earlier failed ones, then the current pending file."""
        with self._locked():
            if self._pending.exists() and self._pending.stat().st_size > 0:
                batch = self.directory / f"{time.time_ns()}-{os.getpid()}{BATCH_SUFFIX}"
                self._pending.rename(batch)
        return sorted(self.directory.glob(f"*{BATCH_SUFFIX}"))

    @staticmethod
    def read(batch: Path) -> list[tuple[str, dict[str, Any]]]:
        entries = []
        for line in batch.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut by a crash mid-write; the rest of the batch is kept
            entries.append((str(entry["kind"]), dict(entry["record"])))
        return entries

    def pending_count(self) -> int:
        files = [self._pending, *self.directory.glob(f"*{BATCH_SUFFIX}")]
        return sum(len(self.read(f)) for f in files if f.exists())
