"""Files holding patients' data or secrets are 0600 in 0700 folders, whatever the umask.

Issue 11, defect 3: the SQLite database and the logs were created 0644, readable by every
local user. Each test runs under umask 022 (a service manager's usual default) and checks
the mode of what the code itself creates: the database (and SQLite's WAL files), the
tracker store's database, the spool and its lock, secrets, the generated endpoints file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from core.db.database import session_factory
from core.db.migrate import upgrade
from core.question_log.spool import Spool
from core.secrets import load_or_create_secret
from ops.endpoints import write_endpoints
from tests.test_cached_tracker_store import cached_store


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def test_the_database_and_its_wal_files_are_private(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'var' / 'assistant.db'}"
    upgrade(url)
    with session_factory(url).begin() as session:
        session.execute(text("CREATE TABLE IF NOT EXISTS probe (x INTEGER)"))
        session.execute(text("INSERT INTO probe VALUES (1)"))
        files = sorted((tmp_path / "var").iterdir())
        assert [f.name for f in files][:1] == ["assistant.db"]
        assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
    assert mode(tmp_path / "var") == 0o700


def test_a_database_first_created_by_the_tracker_store_is_private(tmp_path: Path) -> None:
    cached_store(f"sqlite:///{tmp_path / 'rasa' / 'tracker.db'}")
    assert mode(tmp_path / "rasa" / "tracker.db") == 0o600
    assert mode(tmp_path / "rasa") == 0o700


def test_an_existing_open_database_file_is_narrowed(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    database = shared / "old.db"
    database.touch(mode=0o644)
    upgrade(f"sqlite:///{database}")
    assert mode(database) == 0o600
    assert mode(shared) == 0o755  # a folder the project did not create (/tmp) is left alone


def test_the_spool_is_private(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool")
    spool.append("question", {"text": "how long does it take?"})
    folder = tmp_path / "spool"
    assert mode(folder) == 0o700
    assert {p.name: mode(p) for p in folder.iterdir()} == {
        "pending.jsonl": 0o600,
        ".lock": 0o600,
    }


def test_secrets_and_the_endpoints_file_are_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TEST_SECRET", raising=False)
    monkeypatch.setenv("TEST_SECRET_FILE", str(tmp_path / "keys" / "test.key"))
    load_or_create_secret("TEST_SECRET", "TEST_SECRET_FILE", "unused.key")
    assert mode(tmp_path / "keys" / "test.key") == 0o600
    assert mode(tmp_path / "keys") == 0o700
    endpoints = tmp_path / "generated" / "endpoints.yml"
    write_endpoints(endpoints, "http://127.0.0.1:5055", "sqlite:///x.db", "token")
    assert mode(endpoints) == 0o600
    assert mode(endpoints.parent) == 0o700


def test_narrowing_an_open_database_keeps_its_locks(tmp_path: Path) -> None:
    """Issue 22: the tracker store keeps SQLite connections open; making the database file
    private again (as every new engine does) must not drop their locks. Before, private_file
    opened and closed the file, which drops all of this process's POSIX locks on it: another
    process closing its connection then deleted the write-ahead log under the open one, and
    the next query failed with "disk I/O error"."""
    import sqlite3
    import subprocess
    import sys

    from core.private_files import private_sqlite_file

    database = tmp_path / "open.db"
    kept = sqlite3.connect(database)
    try:
        kept.execute("PRAGMA journal_mode=WAL")
        kept.execute("CREATE TABLE t (x)")
        kept.commit()
        kept.execute("INSERT INTO t VALUES (1)")
        kept.commit()
        private_sqlite_file(f"sqlite:///{database}")
        other = (
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('PRAGMA journal_mode=WAL'); "
            "c.execute('INSERT INTO t VALUES (2)'); c.commit(); c.close()"
        )
        subprocess.run([sys.executable, "-c", other, str(database)], check=True)
        kept.execute("INSERT INTO t VALUES (3)")
        kept.commit()
        fresh = sqlite3.connect(database)  # as a new engine of this process connects
        try:
            fresh.execute("PRAGMA journal_mode=WAL")
            assert fresh.execute("SELECT count(*) FROM t").fetchone() == (3,)
        finally:
            fresh.close()
    finally:
        kept.close()
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
