"""`make cluster`: the multi-instance assistant on this machine; Ctrl-C stops it.

Settings (environment): CLUSTER_PORT (8000, the balancer: the only address clients use),
RASA_INSTANCES (2), DATABASE_URL and REDIS_URL (external servers; by default local ones are
started in CLUSTER_DIR, var/cluster/), SITE_PORT (8080) and STAFF_PORT (8090); the internal
ports RASA_PORT (5101, the first Rasa server; the others follow), ACTION_BALANCER_PORT (5150),
ACTION_PORT (5151, likewise), POSTGRES_PORT (5433) and REDIS_PORT (6380). A process that stops
is started again (an action server replays its spool when it starts).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from ops.cluster.topology import ROOT, Cluster, Ports, part_name
from ops.lifecycle import StartError, StopRequested, ignore_signals, stop_on_signals, stop_with_make

WATCH_SECONDS = 2.0


def allowed_origins(site_port: int) -> str:
    """The website origins allowed to use the chat: ALLOWED_ORIGINS as the operator set it
    (the hospital's real site), else the demo site's. (It used to be the demo site's always,
    so the real site could not be allowed.)"""
    configured = " ".join((os.environ.get("ALLOWED_ORIGINS") or "").split())
    return configured or f"http://localhost:{site_port} http://127.0.0.1:{site_port}"


def main() -> None:
    os.umask(0o077)  # var/ holds patients' data and keys: this user only
    stop_with_make()
    stop_on_signals()
    ports = ports_from_environment()
    cluster = Cluster(
        work_dir=Path(os.environ.get("CLUSTER_DIR") or ROOT / "var" / "cluster"),
        model=ROOT / "models" / "current.tar.gz",
        rasa_instances=int(os.environ.get("RASA_INSTANCES") or 2),
        ports=ports,
        database_url=os.environ.get("DATABASE_URL") or None,
        redis_url=os.environ.get("REDIS_URL") or None,
        extra_env={"ALLOWED_ORIGINS": allowed_origins(ports.site)},
        report=say,
    )
    say(
        f"Starting {cluster.rasa_instances} Rasa servers, 2 action servers, HAProxy, "
        f"PostgreSQL and Redis (logs in {cluster.work_dir / 'log'}/)..."
    )
    status = 0
    try:
        cluster.start()
        say(
            f"\nThe assistant is running on {cluster.rasa_instances} Rasa servers.\n"
            f"  Chat endpoint (HAProxy): {cluster.url}/webhooks/rest/webhook\n"
            f"  Website demo:            http://localhost:{ports.site}/\n"
            f"  Staff console:           http://localhost:{ports.staff}/\n"
            f"  Rasa servers:            "
            + ", ".join(str(cluster.rasa_port(i)) for i in range(cluster.rasa_instances))
            + "\nPress Ctrl-C to stop."
        )
        while True:
            time.sleep(WATCH_SECONDS)
            for name in cluster.services.exited():
                say(f"{part_name(name)} stopped; starting it again")
                cluster.restart(name)
    except StopRequested as signal_name:
        say(f"{signal_name} received.")
    except StartError as error:
        say(str(error))
        status = 1
    finally:
        ignore_signals()  # a second Ctrl-C must not cut the stop short; it is bounded
        say("Stopping the cluster...")
        cluster.stop()
        say("Stopped.")
    sys.exit(status)


def say(message: str) -> None:
    print(message, flush=True)


def ports_from_environment() -> Ports:
    """Every port from its variable, or the default in `Ports`."""
    default = Ports()
    names = {
        "chat": "CLUSTER_PORT",
        "first_rasa": "RASA_PORT",
        "action_balancer": "ACTION_BALANCER_PORT",
        "first_action": "ACTION_PORT",
        "postgres": "POSTGRES_PORT",
        "redis": "REDIS_PORT",
        "site": "SITE_PORT",
        "staff": "STAFF_PORT",
    }
    return Ports(
        **{
            field: int(os.environ.get(name) or getattr(default, field))
            for field, name in names.items()
        }
    )


if __name__ == "__main__":
    main()
