"""Write the Rasa endpoints file for one database URL.

Why generated: Rasa's SQL tracker store is configured with separate fields (dialect, host,
port, db, user, password), while this project has one DATABASE_URL for everything. The run
command and the tests both call `write_endpoints`, so the action server address and the
tracker store always point where the question log does, and the action server's token
(core/secrets/action_token.py) goes with every action call. The file holds secrets (the token, maybe
a database password): it is written into the ignored var/ folder, mode 600, never committed.

    python -m ops.endpoints OUTPUT [--action-url URL] [--database-url URL] [--redis-url URL]
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.engine import make_url

from core.private_files import private_folder
from core.secrets.action_token import action_server_token, authorization_header
from core.settings import load_settings

TRACKER_STORE_CLASS = "addons.stores.cached_sql_store.CachedSQLTrackerStore"
LOCK_STORE_CLASS = "addons.stores.redis_lock_store.AtomicRedisLockStore"


def tracker_store_config(database_url: str) -> dict[str, Any]:
    url = make_url(database_url)
    dialect = url.get_backend_name()
    if dialect not in ("sqlite", "postgresql"):
        raise ValueError(f"Unsupported database {dialect!r}: use SQLite or PostgreSQL.")
    # Rasa's SQL tracker store with live conversations cached in memory (addons/stores/).
    config: dict[str, Any] = {"type": TRACKER_STORE_CLASS, "dialect": dialect, "db": url.database}
    if dialect == "postgresql":
        config.update(
            url=url.host or "localhost",
            port=url.port or 5432,
            username=url.username,
            password=url.password,
        )
        if url.query:
            config["query"] = dict(url.query)
    return config


def write_endpoints(
    path: Path,
    action_url: str,
    database_url: str,
    action_token: str | None = None,
    redis_url: str | None = None,
) -> None:
    """Write Rasa's endpoints: the action server (with its token), the tracker store and,
    with several Rasa servers, the lock store they share (Redis)."""
    token = action_token or action_server_token()
    endpoints: dict[str, Any] = {
        "action_endpoint": {
            "url": f"{action_url.rstrip('/')}/webhook",
            "headers": authorization_header(token),
        },
        "tracker_store": tracker_store_config(database_url),
    }
    if redis_url:
        endpoints["lock_store"] = {"type": LOCK_STORE_CLASS, "url": redis_url}
    private_folder(path.parent)
    # Created 600 (never readable by others, not even for a moment), then replaced in one step.
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.unlink(missing_ok=True)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(yaml.safe_dump(endpoints, sort_keys=False))
    os.replace(temporary, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--action-url", default="http://localhost:5055")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL"))
    args = parser.parse_args()
    database_url = args.database_url or load_settings().database_url
    write_endpoints(args.output, args.action_url, database_url, redis_url=args.redis_url)


if __name__ == "__main__":
    main()
