"""`make cluster` stopped as systemd, Docker, Kubernetes and CI runners stop it (issue 20).

Each test runs the real `make cluster` (one Rasa server, to be quicker) on free ports, in its
own process group, sends it the signal a service manager or an operator sends, and checks
by the process table and the ports that nothing it started (PostgreSQL included) is still
running, and that the next start serves a real chat turn. Found: SIGTERM left PostgreSQL and
every server running, and the next start stopped with a traceback from `pg_ctl`.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ops.cluster.local_services import postgres_root
from tests.lifecycle import (
    STOP_SECONDS,
    Launch,
    chat_turn,
    descendants,
    ports_in_use,
    start_time,
    survivors,
    wait_until,
)
from tests.postgres import PostgresServer, skip_without_postgres
from tests.redis_server import skip_without_redis
from tests.servers import consecutive_free_ports, free_port
from tests.test_cluster import skip_without_haproxy

pytestmark = pytest.mark.e2e

RUNNING = "Press Ctrl-C to stop."


@dataclass
class Setup:
    """Where one test's cluster lives: its folder, its ports, its environment."""

    work_dir: Path
    env: dict[str, str]
    launches: list[Launch] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.env['CLUSTER_PORT']}"

    @property
    def ports(self) -> list[int]:
        ports = [int(value) for name, value in self.env.items() if name.endswith("_PORT")]
        return [*ports, int(self.env["ACTION_PORT"]) + 1]

    @property
    def postgres_data(self) -> Path:
        port = int(self.env["POSTGRES_PORT"])
        return postgres_root(self.work_dir / "postgres", port) / "data"

    def postgres_processes(self) -> dict[int, int]:
        """The local PostgreSQL server and its children (pid -> start time), if running."""
        try:
            pid = int((self.postgres_data / "postmaster.pid").read_text().split()[0])
        except (OSError, IndexError, ValueError):
            return {}
        started = start_time(pid)
        return {} if started is None else {pid: started, **descendants(pid)}

    def launch(self, name: str, **env: str) -> Launch:
        launched = Launch.start(
            "cluster", {**self.env, **env}, self.work_dir.parent / f"{name}.out"
        )
        self.launches.append(launched)
        return launched


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[Setup]:
    skip_without_postgres()
    skip_without_redis()
    skip_without_haproxy()
    env = {
        "CLUSTER_DIR": str(tmp_path / "cluster"),
        "RASA_INSTANCES": "1",
        "CLUSTER_PORT": str(free_port()),
        "RASA_PORT": str(free_port()),
        "ACTION_BALANCER_PORT": str(free_port()),
        "ACTION_PORT": str(consecutive_free_ports(2)),
        "POSTGRES_PORT": str(free_port()),
        "REDIS_PORT": str(free_port()),
        "SITE_PORT": str(free_port()),
        "STAFF_PORT": str(free_port()),
    }
    found = Setup(tmp_path / "cluster", env)
    yield found
    for launched in found.launches:  # what a failed assertion left running
        launched.stop_if_running()
    # Whatever a failed test left: stopped, and the PostgreSQL folder (outside tmp_path as
    # root) removed.
    for pid in found.postgres_processes():
        os.kill(pid, signal.SIGKILL)
    wait_until(lambda: not found.postgres_processes(), 20)
    subprocess.run(["rm", "-rf", str(found.postgres_data.parent)], check=False)


def everything(launch: Launch, setup: Setup) -> dict[int, int]:
    """What a running cluster consists of: make's descendants and PostgreSQL's processes."""
    processes = {**descendants(launch.process.pid), **setup.postgres_processes()}
    assert len(processes) >= 9, processes  # launcher, 1 Rasa, 2 actions, HAProxy, site, staff...
    return processes


def assert_all_gone(processes: dict[int, int], setup: Setup, timeout: float = 0) -> None:
    wait_until(lambda: not survivors(processes) and not ports_in_use(setup.ports), timeout)
    assert not survivors(processes), survivors(processes)
    assert not ports_in_use(setup.ports)


def test_sigterm_and_then_ctrl_c_stop_everything_and_the_next_start_serves(setup: Setup) -> None:
    """SIGTERM to make alone (what Docker and Kubernetes send to the container's first
    process): make passes it on, the launcher stops every server and PostgreSQL, and returns.
    The next start serves; Ctrl-C (SIGINT to the whole process group) stops it as cleanly."""
    first = setup.launch("first")
    first.wait_for_output(RUNNING)
    assert "1-2 hours" in chat_turn(setup.url)
    running = everything(first, setup)
    seconds = first.stop_with(signal.SIGTERM)
    assert seconds < STOP_SECONDS, seconds
    assert_all_gone(running, setup)
    assert "Traceback" not in first.text

    second = setup.launch("second")
    second.wait_for_output(RUNNING)
    assert "1-2 hours" in chat_turn(setup.url)
    running = everything(second, setup)
    seconds = second.stop_with(signal.SIGINT, group=True)
    assert seconds < STOP_SECONDS, seconds
    assert_all_gone(running, setup)
    assert "Traceback" not in first.text + second.text


def test_after_the_launcher_is_killed_the_next_start_takes_over(setup: Setup) -> None:
    """SIGKILL of the launcher (no clean-up possible): its servers stop with it, PostgreSQL
    is left running; the next start says what it found, uses that PostgreSQL and serves.
    Then SIGKILL of make: the launcher notices and stops everything."""
    first = setup.launch("first")
    first.wait_for_output(RUNNING)
    running = everything(first, setup)
    postgres = setup.postgres_processes()
    os.kill(first.launcher(), signal.SIGKILL)
    first.process.wait(timeout=STOP_SECONDS)
    servers = {pid: t for pid, t in running.items() if pid not in postgres}
    assert_all_gone_but_postgres = wait_until(lambda: not survivors(servers), STOP_SECONDS)
    assert assert_all_gone_but_postgres, survivors(servers)
    assert survivors(postgres)  # left behind: the next start must deal with it

    second = setup.launch("second")
    second.wait_for_output(RUNNING)
    assert "PostgreSQL left running by an earlier start" in second.text, second.text
    assert "1-2 hours" in chat_turn(setup.url)
    running = everything(second, setup)
    second.process.send_signal(signal.SIGKILL)  # make, not the launcher
    assert_all_gone(running, setup, timeout=STOP_SECONDS)
    assert "Traceback" not in first.text + second.text


def test_a_port_in_use_is_named_without_a_traceback_and_recycled_pids_are_left_alone(
    setup: Setup,
) -> None:
    """Another program holds Redis's port, and the state file of an earlier start names a
    pid that now belongs to an unrelated process: the launcher names the part and the
    port, exits 1, kills nothing that is not its own and leaves nothing running."""
    unrelated = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    setup.work_dir.mkdir(parents=True)
    recycled = {"pid": unrelated.pid, "started": 1}  # the pid, but not its start time
    state = {"launcher": recycled, "processes": {"rasa0": recycled}}
    (setup.work_dir / "cluster.json").write_text(json.dumps(state))
    holder = socket.socket()
    holder.bind(("127.0.0.1", int(setup.env["REDIS_PORT"])))
    holder.listen()
    try:
        launch = setup.launch("busy")
        assert launch.process.wait(timeout=120) != 0
        assert "Redis" in launch.text and setup.env["REDIS_PORT"] in launch.text, launch.text
        assert "Traceback" not in launch.text, launch.text
        assert unrelated.poll() is None  # not ours: left alone
        assert not setup.postgres_processes()
    finally:
        holder.close()
        unrelated.kill()
        unrelated.wait()


def test_a_database_that_cannot_be_reached_is_named_without_a_traceback(setup: Setup) -> None:
    """DATABASE_URL points at nothing: the launcher says which part and exits 1, and stops the
    Redis it had started."""
    closed = free_port()
    launch = setup.launch("nodb", DATABASE_URL=f"postgresql://postgres@127.0.0.1:{closed}/x")
    assert launch.process.wait(timeout=120) != 0
    assert "database" in launch.text.lower() and "DATABASE_URL" in launch.text, launch.text
    assert "Traceback" not in launch.text, launch.text
    assert not ports_in_use(setup.ports)


def test_a_postmaster_pid_left_by_a_killed_server_does_not_stop_the_next_start() -> None:
    """The host crashed (here: the server SIGKILLed) and its pid now belongs to another
    program: PostgreSQL would refuse to start ("lock file ... already exists");
    the stale lock files are removed and the server starts."""
    skip_without_postgres()
    server = PostgresServer()
    # PostgreSQL only believes a lock whose pid it may signal: another program of its user.
    user = "postgres" if os.geteuid() == 0 else None
    unrelated = subprocess.Popen(["sleep", "600"], user=user)
    pid_file = server.data / "postmaster.pid"
    try:
        server.start()
        old = int(pid_file.read_text().split()[0])
        old_processes = {old: start_time(old), **descendants(old)}
        os.kill(old, signal.SIGKILL)
        assert wait_until(lambda: not survivors(old_processes), 30)  # type: ignore[arg-type]
        for lock_file in (pid_file, server.root / f".s.PGSQL.{server.port}.lock"):
            lines = lock_file.read_text().splitlines()
            lock_file.write_text("\n".join([str(unrelated.pid), *lines[1:]]) + "\n")
        server.start()
        new = int(pid_file.read_text().split()[0])
        assert new not in (old, unrelated.pid) and start_time(new) is not None
        assert unrelated.poll() is None
    finally:
        unrelated.kill()
        unrelated.wait()
        server.remove()
