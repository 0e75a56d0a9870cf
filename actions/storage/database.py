"""One engine and one sessionmaker per database URL; a session per unit of work.

SQLite (the default) is shared with the Rasa server's tracker store, so it runs in WAL mode
with a busy timeout: readers never block the writer, and a briefly locked database waits a
little instead of failing at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 2000


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_db_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, future=True, connect_args={"timeout": 2})
        event.listen(engine, "connect", _configure_sqlite)
        return engine
    return create_engine(url, future=True, pool_pre_ping=True, connect_args={"connect_timeout": 3})


@cache
def session_factory(url: str) -> sessionmaker:
    """The process's sessionmaker for `url` (created once, shared by every unit of work)."""
    return sessionmaker(create_db_engine(url), future=True, expire_on_commit=False)


def insert_ignoring_duplicates(
    session: Session, table: Any, rows: Iterable[dict[str, Any]], key: str
) -> int:
    """Insert rows, skipping any whose unique `key` is already stored. Returns rows added."""
    rows = list(rows)
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise ValueError(f"Unsupported database dialect {dialect!r}")
    statement = insert(table).on_conflict_do_nothing(index_elements=[key])
    result = session.execute(statement, rows)
    return int(result.rowcount or 0)
