"""Question-log entries for the storage tests: good ones, and an independent column check.

`assert_fits_columns` reads the limits from the table definitions themselves (not from the
code under test), so a builder or writer that lets a value through which PostgreSQL would
refuse fails here on SQLite too.
"""

from __future__ import annotations

import math
import uuid
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Boolean, DateTime, Float, String, Table, Text, text

from core.db.database import session_factory
from core.db.models import CALLBACK_STATUSES, OUTCOMES


def question_entry(**overrides: Any) -> dict[str, Any]:
    record = {
        "message_id": uuid.uuid4().hex,
        "conversation_id": "patient-1",
        "asked_at": datetime.now(timezone.utc).isoformat(),
        "channel": "rest",
        "text": "how long does it take?",
        "text_truncated": False,
        "intent": "procedure_duration",
        "confidence": 0.98,
        "response": "The procedure usually takes 1-2 hours.",
        "outcome": "answered",
        "model_version": "test-model",
    }
    record.update(overrides)
    return record


def callback_entry(**overrides: Any) -> dict[str, Any]:
    record = {
        "request_key": f"patient-1:{uuid.uuid4().hex}",
        "conversation_id": "patient-1",
        "requested_at": datetime.now(timezone.utc).isoformat(),
        "name": "Mary Smith",
        "phone": "(860) 555-0123",
        "preferred_time": "weekday mornings",
        "consent": True,
        "status": "new",
    }
    record.update(overrides)
    return record


def _storable(value: str) -> bool:
    """No NUL (PostgreSQL refuses it in text) and valid UTF-8 (no lone surrogates)."""
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def assert_fits_columns(table: Table, record: dict[str, Any]) -> None:
    """Every value of `record` is of its column's type and within its length."""
    columns = table.columns
    for name, value in record.items():
        assert name in columns, f"{name} is not a column of {table.name}"
        column = columns[name]
        if value is None:
            assert column.nullable, f"{name} may not be NULL"
            continue
        kind = column.type
        if isinstance(kind, Boolean):
            assert isinstance(value, bool), name
        elif isinstance(kind, Float):
            assert isinstance(value, float) and math.isfinite(value), name
        elif isinstance(kind, DateTime):
            assert isinstance(value, str), name
            moment = datetime.fromisoformat(value)
            assert moment.tzinfo is not None, name
        elif isinstance(kind, (String, Text)):
            assert isinstance(value, str), name
            assert _storable(value), name
            if isinstance(kind, String) and kind.length is not None:
                assert len(value) <= kind.length, f"{name}: {len(value)} > {kind.length}"
        else:  # pragma: no cover - no other column types are written
            raise AssertionError(f"unexpected column type for {name}")
    for column in columns:
        if not column.nullable and not column.primary_key and column.default is None:
            assert column.name in record, f"{column.name} is required"
    if "outcome" in record:
        assert record["outcome"] in OUTCOMES
    if "status" in record:
        assert record["status"] in CALLBACK_STATUSES
    if record.get("confidence") is not None:
        assert 0.0 <= record["confidence"] <= 1.0


def quarantined(url: str) -> dict[tuple[str, str], str]:
    """(kind, entry key) -> reason, for every row of the quarantine table."""
    with session_factory(url)() as session:
        rows = session.execute(text("SELECT kind, entry_key, reason FROM log_quarantine"))
        return {(kind, key): reason for kind, key, reason in rows}


def stored_keys(url: str, table: str, key: str) -> set[str]:
    with session_factory(url)() as session:
        return set(session.execute(text(f"SELECT {key} FROM {table}")).scalars())  # noqa: S608
