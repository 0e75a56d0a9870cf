"""Start the real action server and Rasa server for tests, and talk to them over HTTP.

Why real processes: the end-to-end tests must prove what a patient gets through the REST
webhook, with the trained model, the custom actions and the network in between, not what a
mock would say.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from tests.project import MODEL, ROOT

BIN = Path(sys.executable).parent
START_TIMEOUT_SECONDS = 240


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited early:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not start in time:\n{log.read_text()[-3000:]}")


@dataclass
class Assistant:
    """A running Rasa server (and maybe action server) on local ports."""

    rasa_url: str
    action_url: str
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def send(self, sender: str, message: str) -> list[dict[str, Any]]:
        response = requests.post(
            f"{self.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=60,
        )
        response.raise_for_status()
        return list(response.json())

    def texts(self, sender: str, message: str) -> list[str]:
        return [m.get("text", "") for m in self.send(sender, message)]


def _start(name: str, args: list[str], log_dir: Path) -> tuple[subprocess.Popen[bytes], Path]:
    log = log_dir / f"{name}.log"
    handle = log.open("wb")
    process = subprocess.Popen(args, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT)
    return process, log


def _stop(processes: dict[str, subprocess.Popen[bytes]]) -> None:
    for process in processes.values():
        if process.poll() is None:
            process.terminate()
    for process in processes.values():
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def running_assistant(work_dir: Path, with_action_server: bool = True) -> Iterator[Assistant]:
    """Start the servers; without the action server, Rasa points at a closed port."""
    if not MODEL.exists():
        raise RuntimeError(f"No trained model at {MODEL}: run `make train` first.")
    rasa_port, action_port = free_port(), free_port()
    action_url = f"http://127.0.0.1:{action_port}"
    endpoints = work_dir / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "{action_url}/webhook"\n')
    assistant = Assistant(rasa_url=f"http://127.0.0.1:{rasa_port}", action_url=action_url)
    try:
        if with_action_server:
            process, log = _start(
                "actions",
                [
                    str(BIN / "rasa"),
                    "run",
                    "actions",
                    "--actions",
                    "actions",
                    "--port",
                    str(action_port),
                ],
                work_dir,
            )
            assistant.processes["actions"] = process
            _wait_until_up(f"{action_url}/health", process, log)
        process, log = _start(
            "rasa",
            [
                str(BIN / "rasa"),
                "run",
                "--model",
                str(MODEL),
                "--port",
                str(rasa_port),
                "--endpoints",
                str(endpoints),
                "--credentials",
                str(ROOT / "credentials.yml"),
            ],
            work_dir,
        )
        assistant.processes["rasa"] = process
        _wait_until_up(f"{assistant.rasa_url}/", process, log)
        yield assistant
    finally:
        _stop(assistant.processes)
