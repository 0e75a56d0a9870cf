"""What the writer accepts from the spool: one line, one entry, checked against its table.

Why: the spool is a plain file. A crash can cut a line, another program or an older version
of the code can leave something else in it, and an entry may hold a value its column cannot
take. SQLite stores almost anything, PostgreSQL refuses what does not fit, and before this
check one refused value blocked its whole batch for ever. So every entry is checked here
against the column definitions (type, length, NUL, valid Unicode, required fields, the
allowed outcomes and statuses) before the database sees it: both databases then accept and
refuse the same entries, and a refusal says which field is wrong and why, never its value
(reasons are shown to admins, and values may be health information).
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Boolean, DateTime, Float, String, Table, Text

from core.db.models import (
    CALLBACK_STATUSES,
    OUTCOMES,
    CallbackRequest,
    QuarantinedEntry,
    Question,
)

SPOOL_LINE = "spool_line"  # quarantine kind of a line that is not an entry at all
MAX_REASON_CHARS = QuarantinedEntry.__table__.columns["reason"].type.length
MAX_KEY_CHARS = QuarantinedEntry.__table__.columns["entry_key"].type.length
# A quarantined payload longer than this is kept cut (as valid JSON, marked "cut").
MAX_PAYLOAD_CHARS = 100_000


@dataclass(frozen=True)
class EntryKind:
    """A kind of log entry: its table, its unique key and the fields an entry may have."""

    table: Table
    key: str
    fields: tuple[str, ...]


QUESTION_FIELDS = (
    "message_id", "conversation_id", "asked_at", "channel", "text", "text_truncated", "intent",
    "confidence", "response", "outcome", "model_version", "red_flag", "red_flag_cue",
)  # fmt: skip
CALLBACK_FIELDS = (
    "request_key", "conversation_id", "requested_at", "name", "phone", "preferred_time",
    "consent", "status",
)  # fmt: skip
KINDS = {
    "question": EntryKind(Question.__table__, "message_id", QUESTION_FIELDS),
    "callback": EntryKind(CallbackRequest.__table__, "request_key", CALLBACK_FIELDS),
}


class RejectedEntry(Exception):
    """An entry (or spool line) that can never be written; the message is the reason."""


@dataclass(frozen=True)
class Quarantined:
    """What the quarantine keeps of a rejected entry."""

    kind: str
    key: str
    reason: str
    payload: str  # ASCII-only JSON


@dataclass(frozen=True)
class Entry:
    """A spooled entry that passed the checks: the row to insert, and how to set it aside if
    the database refuses it all the same."""

    kind: str
    row: dict[str, Any]
    line: bytes

    def rejected(self, reason: str) -> Quarantined:
        return quarantined(self.line, reason)


def _text_problem(value: Any, max_chars: int | None) -> str | None:
    if not isinstance(value, str):
        return "not text"
    if "\x00" in value:
        return "contains NUL"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "not valid Unicode"
    if max_chars is not None and len(value) > max_chars:
        return f"longer than {max_chars} characters"
    return None


def _column_value(column: Any, value: Any) -> Any:
    """`value` as its column stores it; raises RejectedEntry if it does not fit."""
    kind = column.type
    if isinstance(kind, (String, Text)):
        problem = _text_problem(value, getattr(kind, "length", None))
        if problem:
            raise RejectedEntry(f"{column.name}: {problem}")
        return value
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise RejectedEntry(f"{column.name}: not true or false")
        return value
    if isinstance(kind, Float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise RejectedEntry(f"{column.name}: not a number")
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            raise RejectedEntry(f"{column.name}: not a finite number")
        return number
    if isinstance(kind, DateTime):
        try:
            moment = datetime.fromisoformat(value) if isinstance(value, str) else value
            if not isinstance(moment, datetime) or moment.tzinfo is None:
                raise ValueError
            return moment.astimezone(timezone.utc)
        except (ValueError, OverflowError):
            raise RejectedEntry(f"{column.name}: not an ISO 8601 time with a time zone") from None
    raise RejectedEntry(f"{column.name}: cannot be written")  # pragma: no cover


def _domain_problem(kind: str, row: dict[str, Any]) -> str | None:
    """Rules beyond the column types, which the builders already keep."""
    if kind == "question":
        if row["outcome"] not in OUTCOMES:
            return "outcome: not a known outcome"
        if row["confidence"] is not None and not 0.0 <= row["confidence"] <= 1.0:
            return "confidence: not between 0 and 1"
    if kind == "callback":
        if row["status"] not in CALLBACK_STATUSES:
            return "status: not a known status"
        if row["consent"] is not True:
            return "consent: not given"
    return None


def prepare_row(kind: str, record: Any) -> dict[str, Any]:
    """The row to insert for an entry of `kind`; raises RejectedEntry naming what is wrong."""
    entry_kind = KINDS.get(kind) if isinstance(kind, str) else None
    if entry_kind is None:
        raise RejectedEntry("unknown kind of entry")
    if not isinstance(record, dict):
        raise RejectedEntry("the entry is not an object")
    unexpected = sorted(str(name) for name in record if name not in entry_kind.fields)
    if unexpected:
        raise RejectedEntry(f"unexpected field {unexpected[0]!r:.60}")
    row: dict[str, Any] = {}
    columns = entry_kind.table.columns
    for name in entry_kind.fields:
        column = columns[name]
        value = record.get(name)
        if value is None:
            if not column.nullable:
                raise RejectedEntry(f"{name}: required")
            row[name] = None
        else:
            row[name] = _column_value(column, value)
    problem = _domain_problem(kind, row)
    if problem:
        raise RejectedEntry(problem)
    return row


def parse_line(line: bytes) -> Entry:
    """The checked entry on one spool line; raises RejectedEntry for anything else."""
    try:
        entry = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        raise RejectedEntry("spool line: not UTF-8") from None
    except (ValueError, RecursionError):
        raise RejectedEntry("spool line: not JSON (cut by a crash?)") from None
    if not isinstance(entry, dict) or "kind" not in entry or "record" not in entry:
        raise RejectedEntry("spool line: not a log entry")
    kind = entry["kind"]
    if not isinstance(kind, str) or kind not in KINDS:
        raise RejectedEntry("spool line: unknown kind of entry")
    return Entry(kind, prepare_row(kind, entry["record"]), line)


def _payload(value: Any, line: bytes) -> str:
    """The entry as ASCII-only JSON; the line's text as a JSON string if it cannot be."""
    try:
        payload = json.dumps(value, ensure_ascii=True, default=str)
    except (ValueError, RecursionError):  # nested deeper than the encoder goes
        payload = json.dumps(line.decode("utf-8", "backslashreplace"), ensure_ascii=True)
    if len(payload) > MAX_PAYLOAD_CHARS:
        cut = {"cut": True, "start": payload[:MAX_PAYLOAD_CHARS]}
        payload = json.dumps(cut, ensure_ascii=True)
    return payload


def _usable_key(value: Any) -> bool:
    return _text_problem(value, MAX_KEY_CHARS) is None and bool(value)


def quarantined(line: bytes, reason: str) -> Quarantined:
    """How a rejected spool line is kept: under its entry's kind and key when it has them
    (so the same entry is kept once), else as a `spool_line` under a digest of the line."""
    digest = "sha256:" + hashlib.sha256(line).hexdigest()
    reason = reason[:MAX_REASON_CHARS]
    try:
        entry = json.loads(line.decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        text = line.decode("utf-8", "backslashreplace")
        return Quarantined(SPOOL_LINE, digest, reason, _payload(text, line))
    kind = entry.get("kind") if isinstance(entry, dict) else None
    record = entry.get("record") if isinstance(entry, dict) else None
    if not isinstance(kind, str) or kind not in KINDS or not isinstance(record, dict):
        return Quarantined(SPOOL_LINE, digest, reason, _payload(entry, line))
    key = record.get(KINDS[kind].key)
    if not (isinstance(key, str) and _usable_key(key)):
        key = digest
    return Quarantined(kind, key, reason, _payload(entry, line))
