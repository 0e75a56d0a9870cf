"""Files and folders only the service's own user can read: 0600 and 0700, whatever the umask.

Why: the database, the spool, the quarantine file, logs and secrets hold health information
or keys. Created with the process's umask they were 0644, readable by every local user. Each
place that creates one of them goes through here, so the mode does not depend on how the
process was started (`make run` also sets umask 077, a service manager may not).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from sqlalchemy.engine import make_url

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(path: Path) -> Path:
    """Create the folder (and missing parents) if need be; the folder itself ends up 0700.

    Only for the project's own folders (var/, the spool, the logs): a folder given here is
    narrowed even if it already existed.
    """
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if stat.S_IMODE(path.stat().st_mode) != FOLDER_MODE:
        path.chmod(FOLDER_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create the file empty if it is missing; the file ends up 0600.

    Created with O_CREAT and mode 0600, so it is never readable by others, not even for a
    moment; an existing file that is more open is narrowed. A missing folder is created
    0700; an existing one (it may be shared, like /tmp) is left as it is.

    An existing file is never opened: closing any descriptor of a file drops every POSIX
    lock this process holds on it, and SQLite keeps its locks that way. A SQLite database
    open in this process (the tracker store's pooled connections) would lose its shared
    lock, another process closing its connection would then take itself for the last one
    and delete the write-ahead log under it: "disk I/O error" (issue 22, measured with the
    Socket.IO tests; tests/test_private_files.py reproduces it).
    """
    if not path.parent.exists():
        private_folder(path.parent)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        if stat.S_IMODE(path.stat().st_mode) != FILE_MODE:
            path.chmod(FILE_MODE)
        return path
    os.close(descriptor)  # created just now: nobody holds a lock on it yet
    return path


def private_sqlite_file(database_url: str) -> None:
    """For a SQLite URL naming a file, create that file 0600 before SQLite opens it.

    SQLite gives its journal and WAL files the database file's mode, so they follow.
    Other databases (PostgreSQL) keep their data in the server's own private folder.
    """
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        private_file(Path(url.database))
