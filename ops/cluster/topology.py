"""Start, watch and stop the multi-instance assistant: which process runs with which settings.

One `Cluster` is what `make cluster` runs and what the cluster tests and bench start:

    PostgreSQL  (DATABASE_URL, or a local server in var/cluster/postgres)
    Redis       (REDIS_URL, or a local server): the conversation lock
    action servers x2  (each its own spool folder; Rasa reaches them through HAProxy)
    Rasa servers x RASA_INSTANCES (same model, endpoints, secrets; small connection pools)
    HAProxy     on CLUSTER_PORT: the only address clients use
    demo site and staff console, pointing at the balancer and the database

What must be the same on every host: the model file, CHANNEL_SECRET_KEY (conversation
tokens), ACTION_SERVER_TOKEN, DATABASE_URL and REDIS_URL. What must not be shared: each action
server's SPOOL_DIR (a local, durable folder; replayed when that server starts again).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import requests
import yaml

from addons.channels.conversation_ids import ConversationKeys
from core.db.migrate import upgrade
from core.private_files import private_folder
from core.secrets.action_token import action_server_token
from ops.cluster.haproxy import haproxy_config
from ops.cluster.local_services import LocalPostgres, LocalRedis, postgres_root
from ops.endpoints import write_endpoints

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
# Per process: Rasa's default (50 + 100 overflow) times a few instances passes PostgreSQL's
# default max_connections (100). A Rasa server answers one turn per conversation at a time
# on one event loop; 5 + 5 connections are plenty (bench/NOTES.md).
POOL_SIZE, MAX_OVERFLOW = 5, 5
START_TIMEOUT_SECONDS = 300


@dataclass
class Ports:
    chat: int = 8000
    first_rasa: int = 5101
    action_balancer: int = 5150
    first_action: int = 5151
    postgres: int = 5433
    redis: int = 6380
    site: int = 8080
    staff: int = 8090


@dataclass
class Cluster:
    """The processes of one cluster on this machine, under `work_dir` (logs, spools, data)."""

    work_dir: Path
    model: Path
    rasa_instances: int = 2
    action_servers: int = 2
    ports: Ports = field(default_factory=Ports)
    database_url: str | None = None
    redis_url: str | None = None
    with_site: bool = True
    # Rasa's own SQLTrackerStore and RedisLockStore instead of this project's (the bench's
    # comparison only: the stock store keeps transcripts unredacted).
    stock_rasa_parts: bool = False
    extra_env: dict[str, str] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    postgres: LocalPostgres | None = None
    redis: LocalRedis | None = None

    # -- addresses ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.ports.chat}"

    def rasa_port(self, index: int) -> int:
        return self.ports.first_rasa + index

    def action_port(self, index: int) -> int:
        return self.ports.first_action + index

    @property
    def env(self) -> dict[str, str]:
        """The settings every process gets (secrets shared by all instances)."""
        return {
            **os.environ,
            "DATABASE_URL": self.database_url or "",
            "REDIS_URL": self.redis_url or "",
            "CHANNEL_SECRET_KEY": self._channel_key,
            "ACTION_SERVER_TOKEN": self._action_token,
            "SQL_POOL_SIZE": str(POOL_SIZE),
            "SQL_MAX_OVERFLOW": str(MAX_OVERFLOW),
            "PYTHONPATH": str(ROOT),
            **self.extra_env,
        }

    # -- start ---------------------------------------------------------------------------------

    def start(self) -> None:
        private_folder(self.work_dir)
        (self.work_dir / "log").mkdir(exist_ok=True)
        # Shared by every instance: a token one Rasa server issued is valid on the others.
        self._channel_key = self.extra_env.get("CHANNEL_SECRET_KEY") or (
            ConversationKeys.from_environment().secret.decode()
        )
        self._action_token = self.extra_env.get("ACTION_SERVER_TOKEN") or action_server_token()
        self._start_database()
        self._start_redis()
        upgrade(str(self.database_url))
        self.endpoints = self.work_dir / "endpoints.yml"
        write_endpoints(
            self.endpoints,
            f"http://127.0.0.1:{self.ports.action_balancer}",
            str(self.database_url),
            self._action_token,
            redis_url=self.redis_url,
        )
        if self.stock_rasa_parts:
            use_stock_parts(self.endpoints, str(self.redis_url))
        for index in range(self.action_servers):
            self.start_action_server(index)
        for index in range(self.rasa_instances):
            self.start_rasa(index, wait=False)
        self._start_balancer()
        for index in range(self.rasa_instances):
            wait_until_up(f"http://127.0.0.1:{self.rasa_port(index)}/", self.log(f"rasa{index}"))
        if self.with_site:
            self._start_site_and_console()
        wait_until_up(f"{self.url}/", self.log("haproxy"))

    def _start_database(self) -> None:
        if self.database_url:
            return
        root = postgres_root(self.work_dir / "postgres", self.ports.postgres)
        self.postgres = LocalPostgres(root, self.ports.postgres)
        self.postgres.start()
        self.database_url = self.postgres.create_database()

    def _start_redis(self) -> None:
        if self.redis_url:
            return
        self.redis = LocalRedis(self.ports.redis)
        self.redis.start()
        self.redis_url = self.redis.url

    def log(self, name: str) -> Path:
        return self.work_dir / "log" / f"{name}.log"

    def _spawn(self, name: str, args: list[str]) -> subprocess.Popen[bytes]:
        with self.log(name).open("ab") as handle:
            process = subprocess.Popen(
                args, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT, env=self.env
            )
        self.processes[name] = process
        return process

    def start_action_server(self, index: int) -> None:
        """Action server `index`, with its own spool (what it had spooled is written on start)."""
        spool = self.work_dir / f"spool-{index}"
        private_folder(spool)
        port = self.action_port(index)
        args = [str(BIN / "python"), "-m", "actions.server", "--port", str(port)]
        env_args = ["env", f"SPOOL_DIR={spool}", "LOG_FLUSH_INTERVAL_SECONDS=0.5", *args]
        self._spawn(f"actions{index}", env_args)
        wait_until_up(f"http://127.0.0.1:{port}/health", self.log(f"actions{index}"))

    def start_rasa(self, index: int, wait: bool = True) -> None:
        port = self.rasa_port(index)
        args = [
            str(BIN / "rasa"), "run", "--model", str(self.model), "--port", str(port),
            "--endpoints", str(self.endpoints), "--credentials", str(ROOT / "credentials.yml"),
        ]  # fmt: skip
        origins = self.env.get("ALLOWED_ORIGINS", "").split()
        if origins:
            args += ["--cors", *origins]
        self._spawn(f"rasa{index}", args)
        if wait:
            wait_until_up(f"http://127.0.0.1:{port}/", self.log(f"rasa{index}"))

    def _start_balancer(self) -> None:
        config = self.work_dir / "haproxy.cfg"
        config.write_text(
            haproxy_config(
                self.ports.chat,
                [self.rasa_port(i) for i in range(self.rasa_instances)],
                self.ports.action_balancer,
                [self.action_port(i) for i in range(self.action_servers)],
            )
        )
        self._spawn("haproxy", ["haproxy", "-db", "-f", str(config)])

    def _start_site_and_console(self) -> None:
        site = [str(BIN / "python"), "-m", "web.demo_site", "--port", str(self.ports.site)]
        self._spawn("site", [*site, "--assistant-url", f"http://localhost:{self.ports.chat}"])
        self._spawn("staff", [str(BIN / "python"), "-m", "staff", "serve", "--port",
                              str(self.ports.staff)])  # fmt: skip
        wait_until_up(f"http://127.0.0.1:{self.ports.site}/", self.log("site"))
        wait_until_up(f"http://127.0.0.1:{self.ports.staff}/login", self.log("staff"))

    # -- faults and stop ---------------------------------------------------------------------

    def kill(self, name: str) -> None:
        """Kill one process at once (SIGKILL: no clean-up, as a crash or a lost host)."""
        process = self.processes.pop(name)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes.clear()
        if self.redis is not None:
            self.redis.stop()
        if self.postgres is not None:
            self.postgres.stop()


def use_stock_parts(endpoints: Path, redis_url: str) -> None:
    """Point an endpoints file at Rasa 3.6's stock SQL tracker store and Redis lock store."""
    config = yaml.safe_load(endpoints.read_text())
    config["tracker_store"]["type"] = "sql"
    address = urlsplit(redis_url)
    config["lock_store"] = {
        "type": "redis",
        "url": address.hostname or "localhost",
        "port": address.port or 6379,
        "db": int(address.path.strip("/") or 0),
    }
    endpoints.write_text(yaml.safe_dump(config, sort_keys=False))


def wait_until_up(
    url: str,
    log: Path,
    timeout: float = START_TIMEOUT_SECONDS,
    process: subprocess.Popen[bytes] | None = None,
) -> None:
    """Wait until `url` answers 200; a clear error with the log's end if it never does (or
    if `process` exits first)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            tail = log.read_text(errors="replace")[-3000:] if log.exists() else "(no log)"
            raise RuntimeError(f"{url} exited early:\n{tail}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    tail = log.read_text(errors="replace")[-3000:] if log.exists() else "(no log)"
    raise RuntimeError(f"{url} did not start in time:\n{tail}")
