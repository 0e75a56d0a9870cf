"""One engine and one sessionmaker per database URL; a session per unit of work.

SQLite (the default) is shared with the Rasa server's tracker store, so it runs in WAL mode
with a busy timeout: readers never block the writer, and a briefly locked database waits a
little instead of failing at once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import (
    DataError,
    DBAPIError,
    DisconnectionError,
    IntegrityError,
    InterfaceError,
    OperationalError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.orm import Session, sessionmaker

from core.private_files import private_sqlite_file

T = TypeVar("T")

SQLITE_BUSY_TIMEOUT_MS = 2000


def secure_delete(dbapi_connection: Any, _record: Any = None) -> None:
    """Deleted rows are overwritten with zeros in the file, not only unlinked (see below)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def clear_sqlite_log(engine: Engine) -> None:
    """Empty SQLite's write-ahead log (a checkpoint that truncates it), best effort.

    Why: secure_delete zeroes a deleted row in the database's pages, but the log still holds
    the frames that inserted it until it is rewound: the call-back form's answers, deleted
    when the form ends, were readable in var/assistant.db-wal (outside tester, round 7).
    A reader elsewhere may keep it from truncating now; the next form's end tries again.
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def configure_sqlite(dbapi_connection: Any, _record: Any = None) -> None:
    """WAL, a busy timeout, foreign keys; and secure_delete: SQLite otherwise leaves a deleted
    row's bytes in the file (and its WAL) until the page is reused, so the call-back form's
    answers, deleted when the form ends, stayed readable there (outside tester, round 7).
    Every SQLite connection the product opens is configured here (the tracker store's too)."""
    secure_delete(dbapi_connection)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_db_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        private_sqlite_file(url)
        engine = create_engine(url, future=True, connect_args={"timeout": 2})
        event.listen(engine, "connect", configure_sqlite)
        return engine
    # Sized by the same settings as Rasa's tracker store (SQL_POOL_SIZE, SQL_MAX_OVERFLOW), so
    # that processes x (pool + overflow) stays under the server's max_connections.
    return create_engine(
        url,
        future=True,
        pool_pre_ping=True,
        pool_size=int(os.environ.get("SQL_POOL_SIZE") or 5),
        max_overflow=int(os.environ.get("SQL_MAX_OVERFLOW") or 10),
        connect_args={"connect_timeout": 3},
    )


@cache
def session_factory(url: str) -> sessionmaker:
    """The process's sessionmaker for `url` (created once, shared by every unit of work)."""
    return sessionmaker(create_db_engine(url), future=True, expire_on_commit=False)


def database_unavailable(error: BaseException) -> bool:
    """Whether `error` says the database cannot be written now, rather than that an entry is bad.

    Why it matters: a batch that failed because the database is down, locked, unreachable,
    not yet migrated or refusing writes is kept and retried, since every entry will go in
    once it is back. Only errors that belong to the entries themselves (a value the
    database refuses: DataError, IntegrityError; a value SQLAlchemy could not even send:
    a StatementError that is not from the database, TypeError, ValueError, UnicodeError; any
    other error that is not the database's) lead to writing entries one by one and
    quarantining those that still fail. Database errors of other kinds count as
    "unavailable": keeping an entry longer is better than quarantining good entries because
    of a broken server.
    """
    if isinstance(
        error,
        (OperationalError, InterfaceError, DisconnectionError, PoolTimeoutError, OSError),
    ):
        return True  # OSError covers ConnectionError and the built-in TimeoutError
    if isinstance(error, (DataError, IntegrityError)):
        return False
    # ProgrammingError (a missing table, no permission), InternalError (read-only, recovery),
    # NotSupportedError: the server or its schema, not the entry. Anything else (a
    # StatementError raised before the database saw the statement, CompileError, errors that
    # are not the database's at all) is the entry's: a failing connection shows as one of
    # the errors above.
    return isinstance(error, DBAPIError)


def insert_refusing_one_by_one(
    items: Sequence[T], insert: Callable[[Sequence[T]], None]
) -> list[tuple[T, Exception]]:
    """Insert `items` in one go; if the database refuses them, one at a time.

    Returns the items the database refused, each with its error, so that one bad item never
    holds back the others. Raises at once when the database is unavailable
    (`database_unavailable`): then nothing is refused, the caller keeps everything and retries.
    """
    try:
        insert(items)
        return []
    except Exception as error:
        if database_unavailable(error):
            raise
    refused = []
    for item in items:
        try:
            insert([item])
        except Exception as error:
            if database_unavailable(error):
                raise
            refused.append((item, error))
    return refused


def insert_ignoring_duplicates(
    session: Session, table: Any, rows: Iterable[dict[str, Any]], key: str | Sequence[str]
) -> int:
    """Insert rows, skipping any whose unique `key` (a column or several) is already stored.

    Returns the number of rows added."""
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
    columns = [key] if isinstance(key, str) else list(key)
    statement = insert(table).on_conflict_do_nothing(index_elements=columns)
    result = session.execute(statement, rows)
    return int(result.rowcount or 0)
