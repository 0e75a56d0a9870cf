"""The processes a launcher (`make run`, `make cluster`) starts: recorded, stopped, found again.

Why: service managers stop a service with SIGTERM (systemd, Docker, Kubernetes, CI runners)
and sometimes SIGKILL, and operators restart services all the time. So:

- every server runs in its own process group (its own children stop with it) and gets
  SIGTERM from the kernel if the launcher dies, even by SIGKILL (PR_SET_PDEATHSIG);
- the launcher records each server's pid *and start time* in a state file in its work
  folder, so the next start can stop what an earlier one left without ever killing an
  unrelated program that happens to have been given a recycled pid;
- a stop is bounded: SIGTERM to every group at once, SIGKILL to what is left after the
  grace period;
- SIGTERM and SIGINT become `StopRequested`, so the launcher's `finally` runs its stop.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

GRACE_SECONDS = 10.0
START_TIMEOUT_SECONDS = 300
PR_SET_PDEATHSIG = 1
Report = Callable[[str], None]


class StopRequested(BaseException):
    """SIGTERM or SIGINT arrived: unwind to the launcher's stop. A BaseException, so that no
    `except Exception` on the way swallows it."""


class StartError(Exception):
    """A part could not start: which part, why, and where its log is. Printed as is."""

    def __init__(
        self, part: str, reason: str, log: Path | None = None, failed: str = "start"
    ) -> None:
        where = f" See {log}." if log is not None else ""
        super().__init__(f"{part} could not {failed}: {reason.rstrip('.')}.{where}")


def stop_on_signals() -> None:
    """Turn SIGTERM and SIGINT into StopRequested (the launcher then stops what it started)."""

    def handler(signum: int, _frame: object) -> None:
        # The first signal starts the stop; the rest are ignored from here, not from the
        # launcher's `finally`: a process group's SIGTERM reaches the launcher twice when the
        # shell that started it passes its own on, and the second one, raised while the first
        # was being reported, ended the stop with a traceback (round 13's outside tester).
        ignore_signals()
        raise StopRequested(signal.Signals(signum).name)

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def ignore_signals() -> None:
    """While stopping: a second Ctrl-C must not cut the stop short (it is bounded anyway)."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _set_parent_death_signal(sig: int) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0)


def stop_with_make() -> None:
    """When `make` started this launcher, stop (SIGTERM) if make dies, even by SIGKILL.

    make passes SIGTERM on to its child, but a SIGKILL'd make would leave the launcher and
    everything it started running with nobody to stop them. Only under make: run directly
    (nohup, systemd), the launcher must outlive the shell that started it.
    """
    parent = os.getppid()
    with contextlib.suppress(OSError):
        if Path(f"/proc/{parent}/comm").read_text().strip() in ("make", "gmake"):
            _set_parent_death_signal(signal.SIGTERM)
            if os.getppid() != parent:  # make died before the line above
                os.kill(os.getpid(), signal.SIGTERM)


def start_time(pid: int) -> int | None:
    """A live process's start time (clock ticks since boot); None if gone or a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return None if fields[0] in ("Z", "X") else int(fields[19])


@dataclass(frozen=True)
class Recorded:
    """A process as the state file has it: the pid alone could have been reused since."""

    name: str
    pid: int
    started: int

    @classmethod
    def of(cls, name: str, pid: int) -> Recorded | None:
        started = start_time(pid)
        return None if started is None else cls(name, pid, started)

    def running(self) -> bool:
        return start_time(self.pid) == self.started

    def as_json(self) -> dict[str, int]:
        return {"pid": self.pid, "started": self.started}


def stop_processes(
    processes: Iterable[Recorded], grace: float = GRACE_SECONDS, report: Report | None = None
) -> None:
    """SIGTERM each process's group (or the process, if it leads none), wait up to `grace`
    seconds, SIGKILL whatever is left; returns when all are gone (at most grace + 5 s)."""
    alive = [p for p in processes if p.running()]
    for process in alive:
        _signal(process, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and any(p.running() for p in alive):
        time.sleep(0.1)
    for process in alive:
        if process.running() and report is not None:
            report(f"{process.name} (pid {process.pid}) did not stop in {grace:.0f} s; killing it")
        _signal(process, signal.SIGKILL)  # also the group's stragglers
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(p.running() for p in alive):
        time.sleep(0.05)


def _signal(process: Recorded, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        if os.getpgid(process.pid) == process.pid:
            os.killpg(process.pid, sig)
        else:
            os.kill(process.pid, sig)


PORT_RELEASE_SECONDS = 5.0


def port_in_use(port: int) -> bool:
    """Whether something listens on `port` (bound as servers bind: SO_REUSEADDR, so a
    connection closing in TIME_WAIT does not count)."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("0.0.0.0", port))  # noqa: S104 (a test bind: any address counts)
        except OSError:
            return True
    return False


def port_freed(port: int, timeout: float = PORT_RELEASE_SECONDS) -> bool:
    """Whether `port` is free, or frees within `timeout` seconds.

    Why wait: a server killed a moment ago (a left-over stopped by this start) counts as gone
    once its main thread is a zombie, but its other threads, and its listening socket, go a
    little later; checking once made the next start stop with "port in use" (found by an
    outside tester with a hung server).
    """
    deadline = time.monotonic() + timeout
    while port_in_use(port):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


class Services:
    """The named servers one launcher runs, recorded in `state_file` as they start.

    One launcher per state file: `take_over` (at start) stops an earlier launcher still
    running and every server an earlier start left, then records this launcher.
    """

    def __init__(self, state_file: Path, report: Report = print) -> None:
        self.state_file = state_file
        self.report = report
        self.processes: dict[str, subprocess.Popen[bytes]] = {}

    # -- the state file ------------------------------------------------------------------------

    def _read(self) -> dict[str, Any]:
        try:
            state = json.loads(self.state_file.read_text())
        except (OSError, ValueError):
            return {}
        return state if isinstance(state, dict) else {}

    def _write(self) -> None:
        state: dict[str, Any] = {"processes": {}}
        me = Recorded.of("launcher", os.getpid())
        if me is not None:
            state["launcher"] = me.as_json()
        for name, process in self.processes.items():
            recorded = Recorded.of(name, process.pid)
            if recorded is not None:
                state["processes"][name] = recorded.as_json()
        temporary = self.state_file.with_suffix(".tmp")
        temporary.write_text(json.dumps(state, indent=1))
        temporary.replace(self.state_file)

    def recorded(self) -> list[Recorded]:
        """What the state file names and is still running as recorded (same pid and start)."""
        state = self._read()
        servers = state.get("processes")
        entries: dict[str, Any] = dict(servers) if isinstance(servers, dict) else {}
        if "launcher" in state:
            entries = {"launcher": state["launcher"], **entries}
        found = []
        for name, entry in entries.items():
            try:
                process = Recorded(str(name), int(entry["pid"]), int(entry["started"]))
            except (KeyError, TypeError, ValueError, OverflowError):  # a damaged record
                continue
            # pid <= 0 would signal a whole group or every process: never from a record.
            if process.pid > 0 and process.pid != os.getpid() and process.running():
                found.append(process)
        return found

    def take_over(self) -> None:
        """Stop an earlier launcher still running (it stops its own servers), then whatever
        an earlier start left behind; record this launcher."""
        left = self.recorded()
        launcher = [p for p in left if p.name == "launcher"]
        if launcher:
            self.report(
                f"An earlier start (pid {launcher[0].pid}) is still running; stopping it first"
            )
            stop_processes(launcher, grace=60, report=self.report)
            left = self.recorded()
        servers = [p for p in left if p.name != "launcher"]
        for process in servers:
            self.report(
                f"{process.name} (pid {process.pid}) was left running by an earlier start; "
                "stopping it"
            )
        stop_processes(servers, report=self.report)
        self._write()

    # -- servers -------------------------------------------------------------------------------

    def spawn(
        self,
        name: str,
        args: list[str],
        log: Path | None,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
    ) -> subprocess.Popen[bytes]:
        """Start `name` in its own process group, to die with the launcher; record it."""
        launcher = os.getpid()

        def in_child() -> None:
            _set_parent_death_signal(signal.SIGTERM)
            if os.getppid() != launcher:  # the launcher died before the line above
                os._exit(1)

        output = log.open("ab") if log is not None else None
        try:
            process = subprocess.Popen(
                args,
                cwd=cwd,
                env=None if env is None else dict(env),
                stdin=subprocess.DEVNULL,
                stdout=output if output is not None else subprocess.DEVNULL,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=in_child,  # only a prctl: safe between fork and exec
            )
        finally:
            if output is not None:
                output.close()
        self.processes[name] = process
        self._write()
        return process

    def exited(self) -> list[str]:
        """The names of the servers that have stopped on their own."""
        return [name for name, process in self.processes.items() if process.poll() is not None]

    def forget(self, name: str) -> subprocess.Popen[bytes]:
        process = self.processes.pop(name)
        self._write()
        return process

    def stop(self, names: Iterable[str] | None = None, grace: float = GRACE_SECONDS) -> None:
        """Stop the named servers (all by default), at most `grace` + 5 s; reap them."""
        chosen = list(self.processes) if names is None else list(names)
        recorded = [Recorded.of(name, self.processes[name].pid) for name in chosen]
        stop_processes([r for r in recorded if r is not None], grace, self.report)
        for name in chosen:
            process = self.processes.pop(name)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)
        self._write()

    def release(self) -> None:
        """The launcher is done: nothing of it is left to find."""
        with contextlib.suppress(FileNotFoundError):
            self.state_file.unlink()


PARTS = {
    "rasa": "Rasa server",
    "actions": "Action server",
    "haproxy": "HAProxy (the balancer)",
    "site": "The demo site",
    "staff": "The staff console",
    "redis": "Redis",
}


def part_name(name: str) -> str:
    """What an operator calls a process: rasa1 -> "Rasa server 1"."""
    base = name.rstrip("0123456789")
    return f"{PARTS.get(base, base)} {name[len(base) :]}".strip()


@dataclass(frozen=True)
class Part:
    """A server to wait for: what an operator calls it, its health URL, log and process."""

    name: str
    url: str
    log: Path
    process: subprocess.Popen[bytes] | None = None


def wait_until_up(
    url: str,
    log: Path,
    timeout: float = START_TIMEOUT_SECONDS,
    process: subprocess.Popen[bytes] | None = None,
    part: str | None = None,
    tail_lines: int = 1,
) -> None:
    """Wait until `url` answers 200 (see `wait_for_parts`)."""
    wait_for_parts([Part(part or url, url, log, process)], timeout, tail_lines)


def wait_for_parts(
    parts: Iterable[Part], timeout: float = START_TIMEOUT_SECONDS, tail_lines: int = 1
) -> None:
    """Wait until every part answers 200. The first to exit, or the first still silent at the
    timeout, raises StartError naming it and its log, with the log's last `tail_lines`
    lines (one for an operator: the error itself, not the traceback above it)."""
    pending = list(parts)
    deadline = time.monotonic() + timeout
    while pending:
        for part in list(pending):
            if part.process is not None and part.process.poll() is not None:
                status = part.process.returncode
                reason = f"it exited (status {status}) before {part.url} answered"
                raise _failure(part, reason, tail_lines)
            if _answers(part.url):
                pending.remove(part)
        if pending and time.monotonic() > deadline:
            reason = f"{pending[0].url} did not answer within {timeout:.0f} s"
            raise _failure(pending[0], reason, tail_lines)
        if pending:
            time.sleep(0.5)


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=2).status_code == 200
    except requests.RequestException:
        return False


def _failure(part: Part, reason: str, tail_lines: int) -> StartError:
    text = part.log.read_text(errors="replace") if part.log.exists() else ""
    tail = [line for line in text.splitlines() if line.strip()][-tail_lines:]
    if len(tail) == 1:
        reason += f"; its log ends: {tail[0].strip()}"
    elif tail:
        reason += ". Its log ends:" + "".join(f"\n  | {line}" for line in tail) + "\n"
    return StartError(part.name, reason, part.log)
