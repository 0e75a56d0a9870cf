"""The question log's storage on real SQLite and PostgreSQL: schema, idempotence, faults."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import func, inspect, select

from core.db.database import create_db_engine, session_factory
from core.db.models import CallbackRequest, Question
from core.question_log.spool import Spool
from core.question_log.writer import LogWriter
from tests.log_entries import callback_entry
from tests.log_entries import question_entry as question
from tests.postgres import PostgresServer, skip_without_postgres


def count(url: str, model: Any) -> int:
    with session_factory(url)() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def test_migrations_create_the_tables_and_indexes(database_url: str) -> None:
    engine = create_db_engine(database_url)
    inspector = inspect(engine)
    assert {"questions", "callback_requests", "alembic_version"} <= set(inspector.get_table_names())
    indexed = {tuple(ix["column_names"]) for ix in inspector.get_indexes("questions")}
    assert {("asked_at",), ("intent",), ("outcome",), ("conversation_id",)} <= indexed
    engine.dispose()


def test_each_entry_is_stored_once_however_often_it_is_written(
    database_url: str, tmp_path: Path
) -> None:
    writer = LogWriter(Spool(tmp_path / "spool"), database_url, interval=3600)
    entries = [question() for _ in range(3)]
    for entry in entries:
        writer.spool.append("question", entry)
    assert writer.flush()
    for entry in entries:  # the same entries again, as after a crash before clean-up
        writer.spool.append("question", entry)
    assert writer.flush()
    assert count(database_url, Question) == 3
    assert writer.spool.pending_count() == 0


def test_stored_values_round_trip(database_url: str, tmp_path: Path) -> None:
    writer = LogWriter(Spool(tmp_path / "spool"), database_url, interval=3600)
    entry = question(text="<script>alert(1)</script> 🙂", confidence=0.5)
    writer.spool.append("question", entry)
    writer.spool.append("callback", callback_entry(request_key="patient-1:1"))
    assert writer.flush()
    with session_factory(database_url)() as session:
        stored = session.execute(select(Question)).scalar_one()
        callback = session.execute(select(CallbackRequest)).scalar_one()
    assert stored.text == "<script>alert(1)</script> 🙂"
    assert stored.asked_at.replace(tzinfo=timezone.utc) == datetime.fromisoformat(entry["asked_at"])
    assert (callback.name, callback.status, callback.consent) == ("Mary Smith", "new", True)


def test_sqlite_locked_keeps_entries_until_it_is_free(tmp_path: Path) -> None:
    from core.db.migrate import upgrade

    path = tmp_path / "locked.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    writer = LogWriter(Spool(tmp_path / "spool"), url, interval=3600)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")  # another process holds the database
    writer.spool.append("question", question())
    writer.spool.append("question", question())
    assert not writer.flush()
    assert writer.spool.pending_count() == 2
    blocker.execute("ROLLBACK")
    blocker.close()
    writer.spool.append("question", question())
    assert writer.flush()
    assert count(url, Question) == 3
    assert writer.spool.pending_count() == 0


def test_postgresql_stopped_and_restarted_loses_nothing(tmp_path: Path) -> None:
    skip_without_postgres()
    from core.db.migrate import upgrade

    server = PostgresServer()
    try:
        server.start()
        url = server.create_database()
        upgrade(url)
        writer = LogWriter(Spool(tmp_path / "spool"), url, interval=3600)
        writer.spool.append("question", question())
        assert writer.flush()

        server.stop()
        for _ in range(3):
            writer.spool.append("question", question())
        assert not writer.flush()
        assert writer.spool.pending_count() == 3

        server.start()
        assert writer.flush()
        assert count(url, Question) == 4
    finally:
        server.remove()
