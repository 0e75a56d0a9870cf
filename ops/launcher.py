"""`make run`'s servers: start, watch and stop the action server, Rasa, demo site and console.

ops/run.sh prepares (database schema, endpoints file, folder modes) and then hands over to
this launcher, which uses the same process handling as `make cluster` (ops/lifecycle.py):
each server in its own process group and stopped with the launcher, SIGTERM and SIGINT
stop everything within a bounded time, and what a killed launcher left (recorded in
RUN_DIR/run.json) is stopped at the next start. The action server is kept running: if it
stops it is started again and its back-fill catches the question log up; if another server
stops, everything stops (a service manager then restarts the whole service).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from core.db.database import clear_sqlite_log, create_db_engine
from core.settings import load_settings
from ops.lifecycle import (
    Part,
    Services,
    StartError,
    StopRequested,
    ignore_signals,
    part_name,
    port_freed,
    stop_on_signals,
    stop_with_make,
    wait_for_parts,
)


class PartStopped(Exception):
    """A server other than the action server stopped while running."""


ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
WATCH_SECONDS = 1.0
RESTART_PAUSE_SECONDS = 2.0


def say(message: str) -> None:
    print(message, flush=True)


class Single:
    """The single-machine assistant: its settings and its servers."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.log_dir = Path(args.run_dir) / "log"
        self.services = Services(Path(args.run_dir) / "run.json", say)
        self.python = str(BIN / "python")

    def commands(self) -> dict[str, tuple[list[str], str, int, str]]:
        """name -> (command, health URL, port, the port's variable)."""
        a = self.args
        rasa = [
            str(BIN / "rasa"), "run", "--model", a.model, "--port", str(a.rasa_port),
            "--endpoints", a.endpoints, "--credentials", "credentials.yml", "--cors", *a.origins,
        ]  # fmt: skip
        site = [self.python, "-m", "web.demo_site", "--port", str(a.site_port)]
        return {
            "actions": (
                [self.python, "-m", "actions.server", "--port", str(a.action_port)],
                f"http://localhost:{a.action_port}/health",
                a.action_port,
                "ACTION_PORT",
            ),
            "rasa": (rasa, f"http://localhost:{a.rasa_port}/", a.rasa_port, "RASA_PORT"),
            "site": (
                [*site, "--assistant-url", a.assistant_url],
                f"http://localhost:{a.site_port}/",
                a.site_port,
                "SITE_PORT",
            ),
            "staff": (
                [self.python, "-m", "staff", "serve", "--port", str(a.staff_port)],
                f"http://localhost:{a.staff_port}/login",
                a.staff_port,
                "STAFF_PORT",
            ),
        }

    def spawn(self, name: str) -> None:
        command = self.commands()[name][0]
        self.services.spawn(name, command, self.log_dir / f"{name}.log", cwd=ROOT)

    def start(self) -> None:
        self.services.take_over()
        for name, (_, _, port, variable) in self.commands().items():
            if not port_freed(port):
                raise StartError(
                    part_name(name),
                    f"port {port} is in use by another program (stop it, or choose another "
                    f"port with {variable})",
                )
        for name in self.commands():
            self.spawn(name)
        parts = [
            Part(part_name(name), url, self.log_dir / f"{name}.log", self.services.processes[name])
            for name, (_, url, _, _) in self.commands().items()
        ]
        wait_for_parts(parts, self.args.timeout)

    def watch_once(self) -> None:
        """Start the action server again if it stopped; any other server stopping ends the run."""
        for name in self.services.exited():
            log = self.log_dir / f"{name}.log"
            if name != "actions":
                raise PartStopped(f"{part_name(name)} stopped; see {log}. Stopping the rest.")
            stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            with log.open("a") as handle:
                handle.write(f"{stamp} action server stopped; starting it again\n")
            self.services.forget(name)
            time.sleep(RESTART_PAUSE_SECONDS)
            self.spawn(name)


def notes(log: Path) -> None:
    """Contact details the hospital has not set are reported, never invented."""
    if log.exists():
        for line in log.read_text(errors="replace").splitlines():
            if "Contact details" in line:
                say(f"NOTE: {line}")


def running_message(a: argparse.Namespace) -> str:
    rasa = f"http://localhost:{a.rasa_port}"
    body = '"{\\"sender\\": \\"$SENDER\\", \\"message\\": \\"how long does it take?\\"}"'
    return f"""
The vertebroplasty assistant is running.
  Website demo:    http://localhost:{a.site_port}/   (open it and click "Ask us")
  Staff console:   http://localhost:{a.staff_port}/  (first create an account:
                   .venv/bin/python -m staff create-user YOUR_NAME --role admin)
  Chat over REST:  SENDER=$(curl -s -X POST {rasa}/webhooks/rest/conversations \\
                     | sed -E 's/.*"sender": ?"([^"]*)".*/\\1/')
                   curl -s -X POST {rasa}/webhooks/rest/webhook \\
                     -H 'Content-Type: application/json' \\
                     -d {body}
  Action server:   http://localhost:{a.action_port}/health
Press Ctrl-C to stop."""


def close_database_log() -> None:
    """Empty SQLite's write-ahead log once the servers are gone (best effort).

    Why: servers stopped by a signal leave var/assistant.db-wal behind (outside tester,
    round 21: 3.4 MB after a SIGTERM), holding the frames of rows already deleted (the
    call-back form's answers) until the next run rewinds it. With every writer stopped, a
    truncating checkpoint succeeds; PostgreSQL has no such file."""
    url = load_settings().database_url
    if not url.startswith("sqlite"):
        return
    engine = create_db_engine(url)
    try:
        clear_sqlite_log(engine)
    except SQLAlchemyError as error:  # a reader elsewhere: the next run's first form rewinds it
        say(f"The database's log was left for the next run: {str(error).splitlines()[0]}")
    finally:
        engine.dispose()


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run-dir", default="var")
    parser.add_argument("--model", default="models/current.tar.gz")
    parser.add_argument("--endpoints", default="var/endpoints.yml")
    parser.add_argument("--rasa-port", type=int, default=5005)
    parser.add_argument("--action-port", type=int, default=5055)
    parser.add_argument("--site-port", type=int, default=8080)
    parser.add_argument("--staff-port", type=int, default=8090)
    parser.add_argument("--assistant-url", required=True)
    parser.add_argument("--origins", nargs="+", required=True)
    parser.add_argument("--timeout", type=float, default=180)
    return parser.parse_args(argv)


def main() -> None:
    args = parse()
    stop_with_make()
    stop_on_signals()
    single = Single(args)
    say(f"Starting the action server and the assistant (logs in {single.log_dir}/)...")
    status = 0
    try:
        single.start()
        notes(single.log_dir / "actions.log")
        say(running_message(args))
        if sys.stdin.isatty():
            # In the foreground: Ctrl-C reaches the chat and this launcher, not the servers
            # (their own process groups); when the chat ends, so does the run.
            chat = [single.python, "-m", "ops.chat", "--url", f"http://localhost:{args.rasa_port}"]
            subprocess.run(chat, cwd=ROOT, check=False)
        else:
            while True:
                time.sleep(WATCH_SECONDS)
                single.watch_once()
    except StopRequested as signal_name:
        say(f"{signal_name} received.")
    except (StartError, PartStopped) as error:
        say(str(error))
        status = 1
    finally:
        ignore_signals()
        say("Stopping the assistant...")
        single.services.stop()
        single.services.release()
        close_database_log()
        say("Stopped.")
    sys.exit(status)


if __name__ == "__main__":
    os.umask(0o077)
    main()
