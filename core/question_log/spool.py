"""A local write-ahead spool: log entries reach disk before the database is tried.

Why: logging must never delay or break the patient's answer, and an entry must survive a
database that is down or locked. An action appends its entry to a JSON-lines file (fast, no
network) and returns; the writer (writer.py) moves entries into the database when it can.
Entries carry unique keys, so an entry written twice (a crash between insert and clean-up)
is stored once.

Draining renames the spool file first, so new entries keep arriving in a fresh file while a
batch is written; a batch that fails because the database is away stays on disk and is
retried. Lines are ASCII-only JSON, one per entry, split on newlines alone: a text holding
U+2028 or a lone surrogate cannot break or spoil a line. What is on a line is checked by the
writer (entries.py), which quarantines anything that is not a writable entry.
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

from core.private_files import private_file, private_folder

SPOOL_NAME = "pending.jsonl"
BATCH_SUFFIX = ".batch"


class Spool:
    def __init__(self, directory: Path) -> None:
        self.directory = private_folder(directory)
        self._pending = directory / SPOOL_NAME
        self._lock_path = directory / ".lock"

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Exclusive across threads and processes sharing the folder."""
        with open(private_file(self._lock_path), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def append(self, kind: str, record: dict[str, Any]) -> None:
        line = json.dumps({"kind": kind, "record": record}, ensure_ascii=True, default=str)
        with self._locked(), open(private_file(self._pending), "ab") as spool:
            # A line cut by a crash must not swallow this entry: start on a line of its own.
            if spool.tell() > 0 and not self._ends_with_newline():
                spool.write(b"\n")
            spool.write(line.encode("ascii") + b"\n")
            spool.flush()

    def _ends_with_newline(self) -> bool:
        with open(self._pending, "rb") as spool:
            spool.seek(-1, os.SEEK_END)
            return spool.read(1) == b"\n"

    def take_batches(self) -> list[Path]:
        """Batches waiting to be written: earlier failed ones, then the current pending file."""
        with self._locked():
            if self._pending.exists() and self._pending.stat().st_size > 0:
                batch = self.directory / f"{time.time_ns()}-{os.getpid()}{BATCH_SUFFIX}"
                self._pending.rename(batch)
        return sorted(self.directory.glob(f"*{BATCH_SUFFIX}"))

    @staticmethod
    def lines(batch: Path) -> list[bytes]:
        """The batch's lines as bytes (blank ones left out); the writer checks what they hold."""
        return [line for line in batch.read_bytes().split(b"\n") if line.strip()]

    def pending_count(self) -> int:
        """Lines waiting to be written, whether or not they hold a writable entry."""
        files = [self._pending, *self.directory.glob(f"*{BATCH_SUFFIX}")]
        return sum(len(self.lines(f)) for f in files if f.exists())
