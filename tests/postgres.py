"""A throwaway PostgreSQL server for tests, from the Debian `postgresql` package.

Why our own server and not a shared one: the fault tests stop and restart the database in
the middle of a conversation, which no test may do to a server others use. Each server lives
in a temporary folder, listens on a free local port, trusts local connections and is removed
afterwards. `.ci/run` installs the package; without it these tests skip, unless
REQUIRE_POSTGRES=1 (set by CI), where a missing PostgreSQL is a failure.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ops.cluster.local_services import DATABASE, LocalPostgres, postgres_bin
from tests.servers import free_port


def required() -> bool:
    return os.environ.get("REQUIRE_POSTGRES") == "1"


def skip_without_postgres() -> None:
    """Skip the calling test when PostgreSQL is not installed; fail instead where required."""
    if postgres_bin() is None:
        import pytest

        if required():
            pytest.fail("REQUIRE_POSTGRES=1 but PostgreSQL is not installed")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")


class PostgresServer(LocalPostgres):
    """ops/cluster/local_services.py's server in a temporary folder on a free port."""

    def __init__(self) -> None:
        super().__init__(Path(tempfile.mkdtemp(prefix="pg-test-")), free_port())

    def start(self, fsync: bool = False) -> None:
        super().start(fsync=fsync)

    def create_database(self, name: str = DATABASE) -> str:
        """Create a fresh database; return its URL."""
        return super().create_database(name)
