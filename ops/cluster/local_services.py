"""PostgreSQL and Redis servers started from Debian's packages, for the cluster and the tests.

Why local servers: `make cluster` must work on a fresh machine without a database
administrator, and the tests must be able to stop a database mid-conversation without
touching anyone else's. In production DATABASE_URL and REDIS_URL point at the hospital's
managed servers instead and nothing here is started.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import redis

from ops.lifecycle import Report

DATABASE = "assistant"


def postgres_bin() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[4]))
    return Path(candidates[-1]) if candidates else None


def postgres_root(wanted: Path, port: int) -> Path:
    """Where a local server's files can live: `wanted`, unless running as root.

    PostgreSQL refuses to run as root, and the `postgres` user cannot enter the project's
    var/ (mode 700, root's): then Debian's own place for PostgreSQL data is used.
    """
    if os.geteuid() != 0:
        return wanted
    return Path("/var/lib/postgresql") / f"assistant-cluster-{port}"


class LocalPostgres:
    """A PostgreSQL server in `root` (created on first use), listening on loopback `port`."""

    def __init__(
        self, root: Path, port: int, max_connections: int = 100, report: Report = print
    ) -> None:
        bin_dir = postgres_bin()
        if bin_dir is None:
            raise FileNotFoundError("PostgreSQL is not installed (Debian package `postgresql`).")
        self.bin = bin_dir
        self.root = root
        self.data = root / "data"
        self.port = port
        self.max_connections = max_connections
        self.report = report
        # initdb and postgres refuse to run as root: run them as the `postgres` user then.
        self._as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        root.mkdir(parents=True, exist_ok=True)
        root.chmod(0o700)
        if self._as:
            shutil.chown(root, "postgres")
        if not (self.data / "PG_VERSION").exists():
            data = str(self.data)
            self._run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8")

    def _run(self, tool: str, *args: str) -> None:
        done = subprocess.run(
            [*self._as, str(self.bin / tool), *args], capture_output=True, timeout=120
        )
        if done.returncode != 0:
            output = (done.stdout + done.stderr).decode(errors="replace")[-2000:]
            raise subprocess.CalledProcessError(done.returncode, tool, output=output)

    @property
    def log(self) -> Path:
        return self.root / "log"

    def server_pid(self) -> int | None:
        """The pid of the server running on this data folder, from its postmaster.pid; None
        if none is."""
        return self._owner(self.data / "postmaster.pid")

    def _owner(self, lock_file: Path) -> int | None:
        """The live server holding `lock_file` (its first line is a pid), or None. A pid that
        is gone, a zombie, or now another program's (recycled after a crash or a reboot) is
        not a server: a postmaster runs in its data folder."""
        try:
            pid = int(lock_file.read_text().split()[0])
            folder = os.path.realpath(f"/proc/{pid}/cwd")
        except (OSError, ValueError, IndexError):
            return None
        return pid if folder == os.path.realpath(self.data) else None

    def server_port(self) -> int | None:
        """The port the running server listens on (postmaster.pid's fourth line)."""
        try:
            return int((self.data / "postmaster.pid").read_text().splitlines()[3])
        except (OSError, ValueError, IndexError):
            return None

    def start(self, fsync: bool = True) -> None:
        """Start the server. Lock files (postmaster.pid, the socket's) left by a server that
        is no longer running (killed, host crashed) are removed first: PostgreSQL refuses to
        start while their pid is alive, even as a zombie or another program."""
        for lock_file in (self.data / "postmaster.pid", self.root / f".s.PGSQL.{self.port}.lock"):
            if lock_file.exists() and self._owner(lock_file) is None:
                self.report(f"Removing {lock_file}: its server is no longer running")
                lock_file.unlink()
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            f"-c max_connections={self.max_connections}"
        )
        if not fsync:
            options += " -c fsync=off"
        log = str(self.root / "log")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "start")

    def stop(self) -> None:
        """Stop the server: fast shutdown (clients cut off, data safe) for at most 20 s, then
        immediate (crash recovery at the next start) so that a stop is always bounded."""
        data = str(self.data)
        try:
            self._run("pg_ctl", "-D", data, "-m", "fast", "-w", "-t", "20", "stop")
        except subprocess.CalledProcessError:
            if self.server_pid() is None:
                raise
            self._run("pg_ctl", "-D", data, "-m", "immediate", "-w", "-t", "10", "stop")

    def create_database(self, name: str = DATABASE) -> str:
        """Create the database unless it exists; return its URL."""
        url = f"postgresql://postgres@127.0.0.1:{self.port}/{name}"
        with contextlib.suppress(subprocess.CalledProcessError):  # it already exists
            self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        return url

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


Spawn = Callable[[list[str]], "subprocess.Popen[bytes]"]


def _popen(command: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class LocalRedis:
    """A Redis server on loopback `port`; nothing saved to disk (it only holds locks).

    `spawn` starts the command: the cluster's records and logs it (ops/lifecycle.py)."""

    def __init__(self, port: int, spawn: Spawn = _popen) -> None:
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.spawn = spawn
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no"]
        self.process = self.spawn(command)
        wait_for_redis(self.url)

    def stopped(self) -> bool:
        """Whether the server this object started has exited (killed, crashed)."""
        return self.process is not None and self.process.poll() is not None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


def wait_for_redis(url: str, timeout: float = 10.0) -> None:
    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + timeout
    while True:
        try:
            client.ping()
            return
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
