"""What a launcher reads back after a crash: its state file and PostgreSQL's lock files.

Both are read at the next start to decide what to stop, so whatever they hold (truncated by
the crash, edited by hand, pids recycled since) must never make the launcher signal a
process that is not exactly the one it recorded, nor stop it with a traceback. Property
tests (hypothesis, derandomised, bounded) over hostile contents.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ops.cluster.local_services import LocalPostgres, postgres_bin
from ops.lifecycle import Recorded, Services, start_time

SETTINGS = settings(
    derandomize=True,
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def unrelated() -> Iterator[subprocess.Popen[bytes]]:
    """A live process no launcher started: its pid may appear in any record."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    yield process
    process.kill()
    process.wait()


def pids(unrelated: subprocess.Popen[bytes]) -> st.SearchStrategy[object]:
    """Pids a record could hold: live ones (ours, the unrelated one, init), dead, absurd."""
    live = [os.getpid(), unrelated.pid, 1]
    return st.one_of(
        st.sampled_from(live),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.text(max_size=8),
        st.none(),
        st.floats(allow_nan=True),
    )


def entries(unrelated: subprocess.Popen[bytes]) -> st.SearchStrategy[object]:
    starts = st.one_of(st.integers(min_value=-(2**40), max_value=2**40), st.text(max_size=6))
    entry = st.fixed_dictionaries({"pid": pids(unrelated), "started": starts})
    return st.one_of(entry, st.none(), st.integers(), st.text(max_size=10), st.lists(st.integers()))


@SETTINGS
@given(data=st.data())
def test_a_hostile_state_file_names_only_live_processes_exactly_as_recorded(
    tmp_path: Path, unrelated: subprocess.Popen[bytes], data: st.DataObject
) -> None:
    state_file = tmp_path / "state.json"
    kind = data.draw(st.sampled_from(["json", "bytes"]))
    if kind == "bytes":
        state_file.write_bytes(data.draw(st.binary(max_size=300)))
    else:
        names = st.text(min_size=0, max_size=12)
        state = data.draw(
            st.one_of(
                st.fixed_dictionaries(
                    {
                        "launcher": entries(unrelated),
                        "processes": st.one_of(
                            st.dictionaries(names, entries(unrelated), max_size=5), st.integers()
                        ),
                    }
                ),
                st.lists(st.integers(), max_size=3),
                st.text(max_size=20),
            )
        )
        state_file.write_text(json.dumps(state))
    services = Services(state_file, report=lambda _message: None)
    for process in services.recorded():
        assert process.pid > 0 and process.pid != os.getpid()  # never a group, nor itself
        assert start_time(process.pid) == process.started  # exactly as recorded, alive


def test_a_recorded_pid_with_another_start_time_is_not_stopped(
    tmp_path: Path, unrelated: subprocess.Popen[bytes]
) -> None:
    started = start_time(unrelated.pid)
    assert started is not None
    state = {"processes": {"rasa0": {"pid": unrelated.pid, "started": started + 1}}}
    (tmp_path / "state.json").write_text(json.dumps(state))
    Services(tmp_path / "state.json", report=lambda _message: None).take_over()
    assert unrelated.poll() is None
    assert Recorded("x", unrelated.pid, started).running()


@SETTINGS
@given(content=st.one_of(st.binary(max_size=200), st.sampled_from([b"", b"\n", b"1\n", b"-1"])))
def test_a_hostile_postgres_lock_file_is_never_taken_for_a_running_server(
    tmp_path: Path, unrelated: subprocess.Popen[bytes], content: bytes
) -> None:
    """No PostgreSQL runs in this folder, so no lock file content may say one does; and the
    next start removes such a file instead of failing."""
    if postgres_bin() is None:
        pytest.skip("PostgreSQL is not installed")
    root = tmp_path / "pg"
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "data" / "PG_VERSION").write_text("15\n")  # no initdb: only the files are read
    server = LocalPostgres(root, 5432, report=lambda _message: None)
    for pid in (os.getpid(), unrelated.pid, 1):
        (server.data / "postmaster.pid").write_bytes(str(pid).encode() + b"\n" + content)
        assert server.server_pid() is None
    (server.data / "postmaster.pid").write_bytes(content)
    assert server.server_pid() is None
    assert server.server_port() is None or isinstance(server.server_port(), int)
