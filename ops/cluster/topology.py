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
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import redis
import yaml
from sqlalchemy.exc import SQLAlchemyError

from addons.channels.conversation_ids import ConversationKeys
from core.db.migrate import first_line, upgrade
from core.private_files import private_folder
from core.secrets.action_token import action_server_token
from ops.cluster.haproxy import haproxy_config
from ops.cluster.local_services import LocalPostgres, LocalRedis, postgres_root, wait_for_redis
from ops.endpoints import write_endpoints
from ops.lifecycle import Report, Services, StartError, part_name, port_freed, wait_until_up

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
# Per process: Rasa's default (50 + 100 overflow) times a few instances passes PostgreSQL's
# default max_connections (100). A Rasa server answers one turn per conversation at a time
# on one event loop; 5 + 5 connections are plenty (bench/NOTES.md).
POOL_SIZE, MAX_OVERFLOW = 5, 5


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
    report: Report = print
    postgres: LocalPostgres | None = None
    redis: LocalRedis | None = None

    def __post_init__(self) -> None:
        # What this cluster started, recorded so that the next start finds what a killed
        # launcher left (ops/lifecycle.py).
        self.services = Services(self.work_dir / "cluster.json", self.report)

    @property
    def processes(self) -> dict[str, subprocess.Popen[bytes]]:
        return self.services.processes

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
        """Start every part, after stopping what an earlier start left; a part that cannot
        start raises StartError naming it (the caller then calls `stop`)."""
        private_folder(self.work_dir)
        (self.work_dir / "log").mkdir(exist_ok=True)
        self.services.take_over()
        self._prepare_database()
        self._check_ports()
        # Shared by every instance: a token one Rasa server issued is valid on the others.
        self._channel_key = self.extra_env.get("CHANNEL_SECRET_KEY") or (
            ConversationKeys.from_environment().secret.decode()
        )
        self._action_token = self.extra_env.get("ACTION_SERVER_TOKEN") or action_server_token()
        self._start_database()
        self._start_redis()
        try:
            upgrade(str(self.database_url))
        except SQLAlchemyError as error:
            reason = first_line(error)
            raise StartError("The database (DATABASE_URL)", reason, failed="be reached") from None
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
            self._wait(f"rasa{index}", f"http://127.0.0.1:{self.rasa_port(index)}/")
        if self.with_site:
            self._start_site_and_console()
        self._wait("haproxy", f"{self.url}/")

    def _prepare_database(self) -> None:
        """The local PostgreSQL's folder (created on first use), unless DATABASE_URL is set."""
        if self.database_url:
            return
        root = postgres_root(self.work_dir / "postgres", self.ports.postgres)
        try:
            self.postgres = LocalPostgres(root, self.ports.postgres, report=self.report)
        except subprocess.CalledProcessError as error:
            raise StartError("PostgreSQL", f"initdb failed: {last_line(error)}") from None

    def _check_ports(self) -> None:
        """Every port this cluster will listen on must be free: a clear message now, not a
        server dying later with the reason deep in its log."""
        rasa = [(f"Rasa server {i}", self.rasa_port(i)) for i in range(self.rasa_instances)]
        actions = [(f"Action server {i}", self.action_port(i)) for i in range(self.action_servers)]
        wanted = [("HAProxy (the balancer)", self.ports.chat, "CLUSTER_PORT")]
        wanted += [(part, port, "RASA_PORT") for part, port in rasa]
        balancer = ("HAProxy (for the action servers)", self.ports.action_balancer)
        wanted.append((*balancer, "ACTION_BALANCER_PORT"))
        wanted += [(part, port, "ACTION_PORT") for part, port in actions]
        if self.postgres is not None and self.postgres.server_pid() is None:
            wanted.append(("PostgreSQL", self.ports.postgres, "POSTGRES_PORT"))
        if not self.redis_url:
            wanted.append(("Redis", self.ports.redis, "REDIS_PORT"))
        if self.with_site:
            wanted.append(("The demo site", self.ports.site, "SITE_PORT"))
            wanted.append(("The staff console", self.ports.staff, "STAFF_PORT"))
        for part, port, variable in wanted:
            if not port_freed(port):
                raise StartError(
                    part,
                    f"port {port} is in use by another program (stop it, or choose another "
                    f"port with {variable})",
                )

    def _start_database(self) -> None:
        """Start the local PostgreSQL, or use the one an earlier start left running on it."""
        if self.postgres is None:
            return
        pid = self.postgres.server_pid()
        try:
            if pid is not None and self.postgres.server_port() == self.ports.postgres:
                self.report(
                    f"PostgreSQL left running by an earlier start (pid {pid}, "
                    f"{self.postgres.data}): using it"
                )
            else:
                if pid is not None:
                    self.report(
                        f"PostgreSQL left running on another port (pid {pid}): restarting it"
                    )
                    self.postgres.stop()
                self.postgres.start()
            self.database_url = self.postgres.create_database()
        except subprocess.CalledProcessError as error:
            # pg_ctl only says "Examine the log output."; the server's log says why (FATAL).
            log = self.postgres.log
            lines = log.read_text(errors="replace").splitlines() if log.exists() else []
            fatal = [line for line in lines if "FATAL:" in line]
            reason = fatal[-1] if fatal else last_line(error)
            raise StartError("PostgreSQL", reason, log) from None

    def _start_redis(self) -> None:
        if self.redis_url:
            try:
                wait_for_redis(self.redis_url, timeout=5)
            except redis.RedisError as error:
                raise StartError("Redis (REDIS_URL)", str(error), failed="be reached") from None
            return
        log = self.log("redis")
        self.redis = LocalRedis(
            self.ports.redis, spawn=lambda command: self.services.spawn("redis", command, log)
        )
        try:
            self.redis.start()
        except redis.RedisError:
            raise StartError("Redis", "it did not answer", log) from None
        self.redis_url = self.redis.url

    def log(self, name: str) -> Path:
        return self.work_dir / "log" / f"{name}.log"

    def _spawn(self, name: str, args: list[str]) -> subprocess.Popen[bytes]:
        return self.services.spawn(name, args, self.log(name), self.env, ROOT)

    def _wait(self, name: str, url: str) -> None:
        wait_until_up(url, self.log(name), process=self.processes.get(name), part=part_name(name))

    def start_action_server(self, index: int) -> None:
        """Action server `index`, with its own spool (what it had spooled is written on start)."""
        spool = self.work_dir / f"spool-{index}"
        private_folder(spool)
        port = self.action_port(index)
        args = [str(BIN / "python"), "-m", "actions.server", "--port", str(port)]
        env_args = ["env", f"SPOOL_DIR={spool}", "LOG_FLUSH_INTERVAL_SECONDS=0.5", *args]
        self._spawn(f"actions{index}", env_args)
        self._wait(f"actions{index}", f"http://127.0.0.1:{port}/health")

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
            self._wait(f"rasa{index}", f"http://127.0.0.1:{port}/")

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

    def _start_site_and_console(self, wait: bool = True) -> None:
        site = [str(BIN / "python"), "-m", "web.demo_site", "--port", str(self.ports.site)]
        self._spawn("site", [*site, "--assistant-url", f"http://localhost:{self.ports.chat}"])
        self._spawn("staff", [str(BIN / "python"), "-m", "staff", "serve", "--port",
                              str(self.ports.staff)])  # fmt: skip
        if wait:
            self._wait("site", f"http://127.0.0.1:{self.ports.site}/")
            self._wait("staff", f"http://127.0.0.1:{self.ports.staff}/login")

    def restart(self, name: str) -> None:
        """Start again a part that stopped (the launcher's watch loop)."""
        self.services.forget(name)
        if name.startswith("rasa"):
            self.start_rasa(int(name.removeprefix("rasa")), wait=False)
        elif name.startswith("actions"):
            self.start_action_server(int(name.removeprefix("actions")))
        elif name == "haproxy":
            self._start_balancer()
        elif name == "redis" and self.redis is not None:
            self.redis.start()
        elif name in ("site", "staff"):
            self.services.stop([other for other in ("site", "staff") if other in self.processes])
            self._start_site_and_console(wait=False)

    # -- faults and stop ---------------------------------------------------------------------

    def kill(self, name: str) -> None:
        """Kill one process at once (SIGKILL: no clean-up, as a crash or a lost host)."""
        process = self.services.forget(name)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)

    def stop(self) -> None:
        """Stop everything this cluster started, whatever point its start reached: the servers
        (SIGTERM, SIGKILL after 10 s), then Redis and PostgreSQL; bounded (about 45 s at most)."""
        self.services.stop([name for name in self.processes if name != "redis"])
        self.services.stop()
        if self.redis is not None:
            self.redis.process = None
        if self.postgres is not None and self.postgres.server_pid() is not None:
            try:
                self.postgres.stop()
            except subprocess.CalledProcessError as error:
                self.report(
                    f"PostgreSQL did not stop: {last_line(error)} (see {self.postgres.log})"
                )
        self.services.release()


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


def last_line(error: subprocess.CalledProcessError) -> str:
    """The last line a failed tool printed (pg_ctl says why on it)."""
    lines = str(error.output or "").strip().splitlines()
    return lines[-1] if lines else f"{error.cmd} exited with status {error.returncode}"
