"""Start the real action server and Rasa server for tests, and talk to them over HTTP.

Why real processes: the end-to-end tests must prove what a patient gets through the REST
webhook, with the trained model, the custom actions and the network in between, not what a
mock would say.
"""

from __future__ import annotations

import os
import random
import secrets
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from addons.channels.conversation_ids import ConversationKeys
from core.db.migrate import upgrade
from ops import rest_client
from ops.endpoints import write_endpoints
from ops.lifecycle import wait_until_up
from tests.project import MODEL, ROOT

BIN = Path(sys.executable).parent
START_TIMEOUT_SECONDS = 240


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def consecutive_free_ports(count: int) -> int:
    """The first of `count` consecutive free ports (instances take base + index)."""
    for _ in range(200):
        base = random.randint(20000, 60000)
        try:
            sockets = []
            for port in range(base, base + count):
                sock = socket.socket()
                sockets.append(sock)
                sock.bind(("127.0.0.1", port))
            return base
        except OSError:
            continue
        finally:
            for sock in sockets:
                sock.close()
    raise RuntimeError("no consecutive free ports")


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    wait_until_up(url, log, START_TIMEOUT_SECONDS, process, tail_lines=60)


@dataclass
class Assistant:
    """A running Rasa server (and maybe action server) on local ports, and their database."""

    rasa_url: str
    action_url: str
    database_url: str
    work_dir: Path
    env: dict[str, str]
    action_port: int
    rasa_args: list[str]
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    # A test names its conversations ("patient-1"); each name gets a real server-issued token.
    tokens: dict[str, str] = field(default_factory=dict)

    def start_action_server(self) -> None:
        process, log = _start(
            "actions",
            [str(BIN / "python"), "-m", "actions.server", "--port", str(self.action_port)],
            self.work_dir,
            self.env,
        )
        self.processes["actions"] = process
        _wait_until_up(f"{self.action_url}/health", process, log)

    def stop_action_server(self) -> None:
        _stop({"actions": self.processes.pop("actions")})

    def start_rasa(self) -> None:
        process, log = _start("rasa", self.rasa_args, self.work_dir, self.env)
        self.processes["rasa"] = process
        _wait_until_up(f"{self.rasa_url}/", process, log)

    def stop_rasa(self) -> None:
        _stop({"rasa": self.processes.pop("rasa")})

    def token(self, name: str) -> str:
        """The conversation token for a test's conversation name (issued on first use)."""
        if name not in self.tokens:
            self.tokens[name] = rest_client.new_conversation(self.rasa_url)
        return self.tokens[name]

    def keys(self) -> ConversationKeys:
        """The servers' conversation keys (the tests set CHANNEL_SECRET_KEY)."""
        return ConversationKeys(self.env["CHANNEL_SECRET_KEY"].encode())

    def conversation_id(self, name: str) -> str:
        """The id the tracker store and the question log keep for that conversation."""
        conversation_id = self.keys().conversation_id(self.token(name))
        assert conversation_id is not None
        return conversation_id

    def send(self, name: str, message: str) -> list[dict[str, Any]]:
        return rest_client.send(self.rasa_url, self.token(name), message)

    def texts(self, sender: str, message: str) -> list[str]:
        """The bot's text messages (custom markers such as the emergency style left out)."""
        return [m["text"] for m in self.send(sender, message) if "text" in m]


def _start(
    name: str, args: list[str], log_dir: Path, env: dict[str, str]
) -> tuple[subprocess.Popen[bytes], Path]:
    log = log_dir / f"{name}.log"
    with log.open("ab") as handle:
        process = subprocess.Popen(
            args, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT, env={**os.environ, **env}
        )
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
def running_assistant(
    work_dir: Path,
    database_url: str | None = None,
    with_action_server: bool = True,
    cors_origins: tuple[str, ...] = (),
) -> Iterator[Assistant]:
    """Start the servers on a migrated database (a fresh SQLite file unless one is given).

    Without the action server, Rasa points at a closed port.
    """
    if not MODEL.exists():
        raise RuntimeError(f"No trained model at {MODEL}: run `make train` first.")
    database_url = database_url or f"sqlite:///{work_dir / 'assistant.db'}"
    upgrade(database_url)
    rasa_port, action_port = free_port(), free_port()
    action_url = f"http://127.0.0.1:{action_port}"
    endpoints = work_dir / "endpoints.yml"
    action_token = secrets.token_urlsafe(32)
    write_endpoints(endpoints, action_url, database_url, action_token)
    env = {
        "ACTION_SERVER_TOKEN": action_token,
        "CHANNEL_SECRET_KEY": secrets.token_urlsafe(32),
        "ALLOWED_ORIGINS": " ".join(cors_origins),
        "DATABASE_URL": database_url,
        "SPOOL_DIR": str(work_dir / "spool"),
        "LOG_FLUSH_INTERVAL_SECONDS": "0.5",
    }
    rasa_args = [
        str(BIN / "rasa"), "run", "--model", str(MODEL), "--port", str(rasa_port),
        "--endpoints", str(endpoints), "--credentials", str(ROOT / "credentials.yml"),
    ]  # fmt: skip
    if cors_origins:
        rasa_args += ["--cors", *cors_origins]
    assistant = Assistant(
        rasa_url=f"http://127.0.0.1:{rasa_port}",
        action_url=action_url,
        database_url=database_url,
        work_dir=work_dir,
        env=env,
        action_port=action_port,
        rasa_args=rasa_args,
    )
    try:
        if with_action_server:
            assistant.start_action_server()
        assistant.start_rasa()
        yield assistant
    finally:
        _stop(assistant.processes)
