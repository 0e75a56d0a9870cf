"""Turns kept on disk while the database is away (addons/stores/unsaved.py).

The end-to-end case (PostgreSQL stopped mid-conversation, every question logged once it is
back) is tests/test_logging_http.py::test_postgresql_conversation_survives_the_database_restarting;
these check the spool's own promises with hostile lines and a database that refuses writes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.exc import OperationalError

from addons.stores.unsaved import UnsavedTurns, _entry


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.binary(max_size=2000))
def test_a_line_that_is_not_a_kept_turn_is_skipped_never_raised(line: bytes) -> None:
    entry = _entry(line)
    assert entry is None or (isinstance(entry[0], str) and isinstance(entry[1], list))


def test_kept_turns_are_written_in_order_once_the_database_is_back(tmp_path: Path) -> None:
    written: list[tuple[str, list[dict[str, Any]]]] = []
    away = True

    def write(sender_id: str, rows: list[dict[str, Any]]) -> None:
        if away:
            raise OperationalError("INSERT", {}, Exception("connection refused"))
        written.append((sender_id, rows))

    unsaved = UnsavedTurns(tmp_path, write)
    unsaved.keep("a", [{"data": "1"}])
    unsaved.keep("b", [{"data": "2"}])
    unsaved.keep("a", [])  # nothing to keep: no line
    assert not unsaved.write_waiting() and unsaved.waiting
    assert written == []
    (tmp_path / "pending.jsonl").open("ab").write(b'{"kind": "other"}\n\xff\xfe broken\n')
    away = False
    assert unsaved.write_waiting() and not unsaved.waiting
    assert written == [("a", [{"data": "1"}]), ("b", [{"data": "2"}])]
    assert unsaved.write_waiting() and len(written) == 2  # nothing written twice


def test_turns_kept_by_a_stopped_process_are_found_by_the_next(tmp_path: Path) -> None:
    def refuse(sender_id: str, rows: list[dict[str, Any]]) -> None:
        raise OperationalError("INSERT", {}, Exception("the database system is shutting down"))

    UnsavedTurns(tmp_path, refuse).keep("a", [{"data": "1"}])
    written: list[str] = []
    later = UnsavedTurns(tmp_path, lambda sender_id, rows: written.append(sender_id))
    assert later.waiting
    assert later.write_waiting() and written == ["a"]
