"""What `make cluster` configures from its environment (no servers started)."""

from __future__ import annotations

import pytest

from ops.cluster.__main__ import allowed_origins
from ops.cluster.haproxy import haproxy_config


def test_the_operators_allowed_origins_are_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """An outside tester's page on the hospital's origin was refused: `make cluster` always
    allowed only the demo site, whatever ALLOWED_ORIGINS said."""
    monkeypatch.setenv("ALLOWED_ORIGINS", "https://www.hospital.example  https://hospital.example")
    assert allowed_origins(8080) == "https://www.hospital.example https://hospital.example"
    monkeypatch.delenv("ALLOWED_ORIGINS")
    assert allowed_origins(8080) == "http://localhost:8080 http://127.0.0.1:8080"


def test_socketio_without_a_route_is_kept_on_one_server() -> None:
    config = haproxy_config(9000, [9001, 9002], 9010, [9011, 9012])
    assert "use_backend rasa_by_address if socketio !routed" in config
    by_address = config.split("backend rasa_by_address", 1)[1].split("frontend", 1)[0]
    assert "balance source" in by_address and "9001" in by_address and "9002" in by_address
