"""A throwaway Redis server for tests (ops/cluster/local_services.py's, on a free port).

Without the Debian `redis-server` package these tests skip, unless REQUIRE_CLUSTER=1 (set
by CI), where a missing Redis is a failure.
"""

from __future__ import annotations

import os
import shutil

from ops.cluster.local_services import LocalRedis
from tests.servers import free_port


def skip_without_redis() -> None:
    """Skip the calling test when redis-server is missing; fail instead where required."""
    if shutil.which("redis-server") is None:
        import pytest

        if os.environ.get("REQUIRE_CLUSTER") == "1":
            pytest.fail("REQUIRE_CLUSTER=1 but redis-server is not installed")
        pytest.skip("Redis is not installed (apt-get install redis-server)")


def RedisServer() -> LocalRedis:
    return LocalRedis(free_port())
