"""Shared fixtures: real servers and real databases (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from actions import runtime
from core.db.database import session_factory
from core.db.migrate import upgrade
from tests.postgres import PostgresServer, skip_without_postgres
from tests.project import load_yaml
from tests.servers import Assistant, running_assistant
from tests.staff_clients import PASSWORD, log_in

# The website origin the shared assistant allows (addons/channels/origins.py); others are refused.
TEST_ORIGIN = "https://hospital.example"


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    with running_assistant(
        tmp_path_factory.mktemp("assistant"), cors_origins=(TEST_ORIGIN,)
    ) as running:
        yield running


@pytest.fixture(scope="session")
def domain_texts() -> dict[str, str]:
    """response name -> its (first) text, exactly as the domain defines it."""
    responses: dict[str, Any] = load_yaml("domain.yml")["responses"]
    return {name: " ".join(variations[0]["text"].split()) for name, variations in responses.items()}


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the session (tests that stop it use their own)."""
    skip_without_postgres()
    server = PostgresServer()
    server.start()
    yield server
    server.remove()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated database of each kind.

    Its pooled connections are closed afterwards: the process keeps one engine per URL, and
    on the shared PostgreSQL server idle connections would add up to "too many clients".
    """
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
    else:
        server: PostgresServer = request.getfixturevalue("postgres")
        url = server.create_database(f"test_{uuid.uuid4().hex[:12]}")
    upgrade(url)
    yield url
    session_factory(url).kw["bind"].dispose()


@pytest.fixture
def action_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, database_url: str) -> Iterator[str]:
    """Point the actions' runtime (settings, spool, writer) at a test database."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SPOOL_DIR", str(tmp_path / "spool"))
    monkeypatch.setenv("LOG_FLUSH_INTERVAL_SECONDS", "3600")  # tests flush explicitly
    runtime.log_writer.cache_clear()
    runtime.contact_details.cache_clear()
    yield database_url
    runtime.log_writer().stop()
    runtime.log_writer.cache_clear()
    runtime.contact_details.cache_clear()


CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Debian's headless Chromium driven by Playwright (no browser download).

    Module-scoped: Playwright's sync API keeps an event loop of its own while it runs, which
    must be gone before other tests call asyncio.run().
    """
    if not Path(CHROMIUM).exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but Chromium is not at {CHROMIUM}")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def app(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Flask:
    """The staff console on a test database, with a reviewer (rita) and an admin (adam)."""
    from staff.app import create_app, create_user

    monkeypatch.setenv("STAFF_SECRET_FILE", str(tmp_path / "secret.key"))
    monkeypatch.delenv("HOSPITAL_TIMEZONE", raising=False)
    sessions = session_factory(database_url)
    create_user(sessions, "rita", PASSWORD, "reviewer")
    create_user(sessions, "adam", PASSWORD, "admin")
    console = create_app(database_url)
    console.testing = True
    return console


@pytest.fixture
def reviewer(app: Flask) -> FlaskClient:
    client = app.test_client()
    assert log_in(client, "rita").status_code == 302
    return client


@pytest.fixture
def admin(app: Flask) -> FlaskClient:
    client = app.test_client()
    assert log_in(client, "adam").status_code == 302
    return client
