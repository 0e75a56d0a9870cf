"""The launcher's signals: the first SIGTERM starts the stop, any later one is ignored.

Round 13's outside tester stopped `make run` as operators do (SIGTERM to its process group):
the stop ran, then a second SIGTERM, raised while the first was being reported, ended it
with a traceback and `make` reported an error.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator

import pytest

from ops.lifecycle import StopRequested, stop_on_signals
from tests.project import ROOT


@pytest.fixture
def restored_handlers() -> Iterator[None]:
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


@pytest.mark.usefixtures("restored_handlers")
def test_the_first_signal_stops_and_turns_the_rest_off() -> None:
    stop_on_signals()
    with pytest.raises(StopRequested):
        os.kill(os.getpid(), signal.SIGTERM)
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    os.kill(os.getpid(), signal.SIGTERM)  # ignored: no second StopRequested


def test_two_sigterms_in_a_row_end_cleanly() -> None:
    """A process that stops as the launcher does, sent two SIGTERMs at once, exits 0."""
    program = textwrap.dedent(
        """
        import os, signal, time
        from ops.lifecycle import StopRequested, stop_on_signals
        stop_on_signals()
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)
        except StopRequested as name:
            os.kill(os.getpid(), signal.SIGTERM)  # the second, while reporting the first
            print(f"{name} received.", flush=True)
        finally:
            print("Stopped.", flush=True)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.splitlines() == ["SIGTERM received.", "Stopped."]
