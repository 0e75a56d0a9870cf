"""Deleted rows leave no bytes behind in the SQLite file (issue 21, outside tester round 7).

SQLite frees a deleted row's cell without overwriting it: the call-back form's answers,
deleted when the form ends, stayed readable in var/assistant.db until the page was reused.
Every SQLite connection the product opens sets `PRAGMA secure_delete=ON` (core/db/database.py
for the product's engine, addons/stores/cached_sql_store.py for Rasa's tracker store).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa
from rasa.shared.core.events import ActiveLoop

from addons.stores import form_answers
from core.db.database import create_db_engine
from tests.test_cached_tracker_store import cached_store, run, session_start, turn

RAW = "Zebulon Quartermaine-Okonkwo 860-555-0143"


def _file_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def _checkpointed(engine: sa.engine.Engine) -> None:
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()


def test_a_row_deleted_through_the_products_engine_is_gone_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "assistant.db"
    engine = create_db_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, value TEXT)")
        connection.exec_driver_sql("INSERT INTO notes (value) VALUES ('keep this row')")
        connection.exec_driver_sql("INSERT INTO notes (value) VALUES (?)", (RAW,))
    with engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM notes WHERE value = ?", (RAW,))
    _checkpointed(engine)
    data = _file_bytes(path)
    assert b"keep this row" in data  # the file is read, and rows kept stay
    assert RAW.encode() not in data


def test_the_forms_answers_deleted_by_the_tracker_store_are_gone_from_the_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tracker.db"
    # The file is shared with the product's engine, which puts it in WAL mode (as make run).
    with create_db_engine(f"sqlite:///{path}").connect() as connection:
        connection.exec_driver_sql("SELECT 1")
    store = cached_store(f"sqlite:///{path}")
    ttl = timedelta(minutes=30)
    with store.engine.begin() as connection:
        form_answers.TABLE.create(connection, checkfirst=True)
        form_answers.keep(connection, "c-1", {"callback_name": RAW}, ttl)
    # The form ends the way Rasa's events end it, through the store's own save.
    tracker = run(store.get_or_create_tracker("c-1"))
    for event in session_start() + turn("first"):
        tracker.update(event)
    tracker.update(ActiveLoop(None))
    run(store.save(tracker))
    with store.engine.connect() as connection:
        assert not form_answers.kept(connection, "c-1", ttl)
    assert RAW.encode() not in _file_bytes(path)  # neither the file nor its log


def test_every_sqlite_connection_deletes_securely(tmp_path: Path) -> None:
    """Debian's SQLite is built with secure_delete on; the product does not rely on that."""
    engines = [
        create_db_engine(f"sqlite:///{tmp_path}/a.db"),
        cached_store(f"sqlite:///{tmp_path}/b.db").engine,
    ]
    for engine in engines:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
