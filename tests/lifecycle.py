"""Drive a launcher (`make cluster`, `make run`) as an operator or a service manager does.

The launcher runs in its own process group, with its output in a file; the helpers read the
process table (/proc) to list everything it started, so a test can check that after a stop
none of it is still running (by pid and start time: a recycled pid is not a survivor) and
that no port is still taken.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ops import rest_client
from ops.lifecycle import port_in_use
from tests.project import ROOT

# Tests never install or train: `make test` did both before pytest started.
MAKE = [
    "make",
    "--no-print-directory",
    "-o",
    ".venv/.installed",
    "-o",
    "var/spacy/en_patient_pipeline/build-stamp.json",
    "-o",
    "models/current.tar.gz",
]
START_SECONDS = 420
# What the launchers promise: SIGTERM or SIGINT to gone, including PostgreSQL (docs/operations.md).
STOP_SECONDS = 60


def start_time(pid: int) -> int | None:
    """The process's start time (clock ticks since boot), or None if gone or a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return None if fields[0] in ("Z", "X") else int(fields[19])


def process_table() -> dict[int, tuple[int, int]]:
    """pid -> (parent pid, start time) of every live process."""
    table = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] not in ("Z", "X"):
                table[int(entry)] = (int(fields[1]), int(fields[19]))
    return table


def descendants(root: int) -> dict[int, int]:
    """Every live process below `root`: pid -> start time."""
    table = process_table()
    found: dict[int, int] = {}
    frontier = [root]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, started) in table.items():
            if ppid == parent and pid not in found:
                found[pid] = started
                frontier.append(pid)
    return found


def survivors(processes: dict[int, int]) -> list[str]:
    """The processes of `processes` still running (same pid, same start time), described."""
    left = []
    for pid, started in processes.items():
        if start_time(pid) == started:
            try:
                command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
            except OSError:
                continue
            left.append(f"{pid}: {command.decode(errors='replace')[:160]}")
    return left


def ports_in_use(ports: Iterable[int]) -> list[int]:
    """Ports something still listens on."""
    return [port for port in ports if port_in_use(port)]


def wait_until(condition: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.2)
    return bool(condition())  # type: ignore[operator]


@dataclass
class Launch:
    """One `make TARGET` started in its own process group, its output in `output`."""

    process: subprocess.Popen[bytes]
    output: Path

    @classmethod
    def start(cls, target: str, env: dict[str, str], output: Path) -> Launch:
        with output.open("ab") as handle:
            process = subprocess.Popen(
                [*MAKE, target],
                cwd=ROOT,
                env={**os.environ, **env},
                stdin=subprocess.DEVNULL,
                stdout=handle,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return cls(process, output)

    @property
    def text(self) -> str:
        return self.output.read_text(errors="replace")

    def wait_for_output(self, marker: str, timeout: float = START_SECONDS) -> None:
        """Wait until the launcher has printed `marker`; fail with its output if it exits."""
        deadline = time.monotonic() + timeout
        while marker not in self.text:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"no {marker!r} from the launcher:\n{self.text[-4000:]}")
            time.sleep(0.5)

    def launcher(self) -> int:
        """The launcher's own process: make's child."""
        children = [pid for pid, (ppid, _) in process_table().items() if ppid == self.process.pid]
        assert len(children) == 1, children
        return children[0]

    def stop_if_running(self) -> None:
        """What a failed test left running: SIGTERM to make's group, as an operator stops it
        (the launcher then stops its servers, each in its own group); SIGKILL after the
        bound. A failed assertion had left four servers of `make run` running for an hour."""
        if self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=STOP_SECONDS * 3)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=STOP_SECONDS)

    def stop_with(self, sig: int, group: bool = False) -> float:
        """Send `sig` to make (or its whole group, as a terminal's Ctrl-C does); seconds until
        make returned."""
        began = time.monotonic()
        if group:
            os.killpg(self.process.pid, sig)
        else:
            self.process.send_signal(sig)
        self.process.wait(timeout=STOP_SECONDS * 3)
        return time.monotonic() - began


def chat_turn(url: str) -> str:
    """One real turn: a new conversation and a question; the reply's text."""
    token = rest_client.new_conversation(url)
    reply = rest_client.send(url, token, "how long does it take")
    return " ".join(message.get("text", "") for message in reply)
