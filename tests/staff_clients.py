"""Logged-in staff console clients for the tests: one place for the accounts and the log-in.

The fixtures (`app`, `reviewer`, `admin`) are in conftest.py; these are the helpers they and
the tests share.
"""

from __future__ import annotations

import re
from typing import Any

from flask.testing import FlaskClient

PASSWORD = "correct horse battery"


def csrf_of(client: FlaskClient, path: str = "/login") -> str:
    html = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, html[:500]
    return match.group(1)


def log_in(client: FlaskClient, username: str, password: str = PASSWORD) -> Any:
    token = csrf_of(client)
    return client.post(
        "/login", data={"username": username, "password": password, "csrf_token": token}
    )
