"""`make run` stopped as a service manager or an operator stops it (issue 20).

The real `make run` on free ports, with its own run folder and SQLite database, in its own
process group. Found: after SIGKILL of the launcher (ops/run.sh then), Rasa, the action
server's supervisor and its child, the demo site and the staff console all kept running
and holding their ports; the next `make run` then saw the orphans answer and reported
itself running while its own Rasa server had died on the taken port.
"""

from __future__ import annotations

import os
import signal
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.lifecycle import (
    STOP_SECONDS,
    Launch,
    chat_turn,
    descendants,
    ports_in_use,
    survivors,
    wait_until,
)
from tests.servers import free_port

pytestmark = pytest.mark.e2e

RUNNING = "Press Ctrl-C to stop."


@dataclass
class Setup:
    folder: Path
    env: dict[str, str]
    launches: list[Launch] = field(default_factory=list)

    @property
    def ports(self) -> list[int]:
        return [int(value) for name, value in self.env.items() if name.endswith("_PORT")]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.env['RASA_PORT']}"

    def launch(self, name: str) -> Launch:
        launched = Launch.start("run", self.env, self.folder / f"{name}.out")
        self.launches.append(launched)
        return launched


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[Setup]:
    env = {
        "RUN_DIR": str(tmp_path / "run"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'assistant.db'}",
        "RASA_PORT": str(free_port()),
        "ACTION_PORT": str(free_port()),
        "SITE_PORT": str(free_port()),
        "STAFF_PORT": str(free_port()),
    }
    found = Setup(tmp_path, env)
    yield found
    for launched in found.launches:  # what a failed assertion left running
        launched.stop_if_running()


def servers(launch: Launch) -> dict[int, int]:
    """make's descendants: the launcher and the four servers (and theirs)."""
    found = descendants(launch.process.pid)
    assert len(found) >= 5, found
    return found


def test_sigterm_and_sigkill_and_ctrl_c_leave_nothing_and_the_next_start_serves(
    setup: Setup,
) -> None:
    """SIGTERM to make: everything stops, in bounded time. The next start serves; SIGKILL of
    the launcher itself: its servers stop with it and free their ports. The next start
    serves again; Ctrl-C (SIGINT to the group) stops it."""
    first = setup.launch("first")
    first.wait_for_output(RUNNING)
    assert "1-2 hours" in chat_turn(setup.url)
    running = servers(first)
    seconds = first.stop_with(signal.SIGTERM)
    assert seconds < STOP_SECONDS, seconds
    assert not survivors(running), survivors(running)
    assert not ports_in_use(setup.ports)
    # Round 21's outside tester: the database's write-ahead log was left full after a stop.
    log = setup.folder / "assistant.db-wal"
    assert not log.exists() or log.stat().st_size == 0

    second = setup.launch("second")
    second.wait_for_output(RUNNING)
    assert "1-2 hours" in chat_turn(setup.url)
    running = servers(second)
    os.kill(second.launcher(), signal.SIGKILL)
    second.process.wait(timeout=STOP_SECONDS)
    gone = wait_until(lambda: not survivors(running) and not ports_in_use(setup.ports), 30)
    assert gone, (survivors(running), ports_in_use(setup.ports))

    third = setup.launch("third")
    third.wait_for_output(RUNNING)
    assert "1-2 hours" in chat_turn(setup.url)
    running = servers(third)
    seconds = third.stop_with(signal.SIGINT, group=True)
    assert seconds < STOP_SECONDS, seconds
    assert not survivors(running), survivors(running)
    assert not ports_in_use(setup.ports)
    assert "Traceback" not in first.text + second.text + third.text


def test_a_port_in_use_is_named_without_a_traceback(setup: Setup) -> None:
    """Another program holds the staff console's port: the part and the port are named, the
    run stops with status 1 at once, leaving nothing running."""
    holder = socket.socket()
    holder.bind(("127.0.0.1", int(setup.env["STAFF_PORT"])))
    holder.listen()
    try:
        launch = setup.launch("busy")
        assert launch.process.wait(timeout=120) != 0
    finally:
        holder.close()
    assert "staff console" in launch.text and setup.env["STAFF_PORT"] in launch.text, launch.text
    assert "Traceback" not in launch.text, launch.text
    assert not ports_in_use(setup.ports)


def test_a_server_that_cannot_start_is_named_with_its_log(setup: Setup, tmp_path: Path) -> None:
    """The staff console exits at start (its secret file is empty): named, with its log's path
    and the error's own line, no traceback; the servers already started are stopped."""
    empty = tmp_path / "empty.key"
    empty.write_text("")
    launch = Launch.start("run", {**setup.env, "STAFF_SECRET_FILE": str(empty)}, tmp_path / "o")
    assert launch.process.wait(timeout=STOP_SECONDS * 4) != 0
    log = Path(setup.env["RUN_DIR"]) / "log" / "staff.log"
    assert "The staff console could not start" in launch.text, launch.text
    assert str(log) in launch.text and "is empty" in launch.text, launch.text
    assert "Traceback" not in launch.text, launch.text
    assert wait_until(lambda: not ports_in_use(setup.ports), 20)


def test_a_database_that_cannot_be_reached_is_named_without_a_traceback(setup: Setup) -> None:
    closed = free_port()
    env = {**setup.env, "DATABASE_URL": f"postgresql://postgres:pw@127.0.0.1:{closed}/x"}
    launch = Launch.start("run", env, setup.folder / "nodb.out")
    assert launch.process.wait(timeout=120) != 0
    assert "DATABASE_URL" in launch.text and "could not be reached" in launch.text, launch.text
    assert "Traceback" not in launch.text and ":pw@" not in launch.text, launch.text
