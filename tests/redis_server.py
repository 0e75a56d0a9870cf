"""A throwaway Redis server for tests, from the Debian `redis-server` package.

Like tests/postgres.py: each server listens on a free loopback port with nothing saved to
disk and is stopped afterwards. `.ci/run` installs the package; without it these tests skip,
unless REQUIRE_CLUSTER=1 (set by CI), where a missing Redis is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time

import redis

from tests.servers import free_port


def skip_without_redis() -> None:
    """Skip the calling test when redis-server is missing; fail instead where required."""
    if shutil.which("redis-server") is None:
        import pytest

        if os.environ.get("REQUIRE_CLUSTER") == "1":
            pytest.fail("REQUIRE_CLUSTER=1 but redis-server is not installed")
        pytest.skip("Redis is not installed (apt-get install redis-server)")


class RedisServer:
    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
