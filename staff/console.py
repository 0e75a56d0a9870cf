"""What every view of the console shares: the clock, the database, the audit log, links.

Why a module of its own: the views used to be closures inside one `create_app`, reaching
these through its local variables, so none could be tested or read alone. Here they are
plain functions over Flask's `current_app` and `g`, so a blueprint needs only to be
registered on an app built by staff.app.create_app (with any subset of the blueprints).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app, g, url_for
from markupsafe import Markup
from sqlalchemy.orm import Session, sessionmaker
from werkzeug.exceptions import HTTPException

from staff.audit import add_event

# Row ids in URLs: bigger numbers are "not found" (404) rather than an integer the database
# cannot hold (a 500 before).
ROW_ID = f"int(max={2**31 - 1})"
LOGIN = "auth.login"
HOME = "questions.inbox"
SESSIONS = "staff_sessions"  # key of the session factory in app.extensions


def now() -> datetime:
    return datetime.now(timezone.utc)


def sessions() -> sessionmaker[Session]:
    """The app's session factory: `with sessions().begin() as s:` for a write."""
    factory: sessionmaker[Session] = current_app.extensions[SESSIONS]
    return factory


def db() -> Session:
    """This request's read session (closed when the request ends: staff.extensions)."""
    if "db" not in g:
        g.db = sessions()()
    return g.db


def zone() -> ZoneInfo:
    """The hospital's time zone, read once when the app was made."""
    return current_app.config["HOSPITAL_TIMEZONE"]


def audit(
    action: str, detail: str = "", username: str | None = None, validated: bool = False
) -> None:
    """Write one audit row now, as the logged-in account unless `username` is given."""
    with sessions().begin() as s:
        add_event(s, username or g.user.username, action, detail, validated)


def page_url(endpoint: str, **values: Any) -> str | None:
    """The URL of a page of another blueprint, or None when this app does not have it (an
    app built with some blueprints only, as the tests build them)."""
    if endpoint not in current_app.view_functions:
        return None
    return url_for(endpoint, **values)


def home() -> str:
    """Where a finished form goes: the inbox, or one's own password page without it."""
    return page_url(HOME) or url_for("auth.password")


def link(endpoint: str, text: str, /, **values: Any) -> Markup:
    """`<a href="...">text</a>` to another blueprint's page; the text alone without it."""
    url = page_url(endpoint, **values)
    if url is None:
        return Markup("{}").format(text)
    return Markup('<a href="{}">{}</a>').format(url, text)


def is_console_page(path: str) -> bool:
    """Whether `path` is a page of this app that answers GET (a redirect may go there)."""
    try:
        endpoint, _ = current_app.url_map.bind("localhost").match(path, method="GET")
    except HTTPException:  # not found, wrong method, or a redirect to another URL
        return False
    return endpoint not in (LOGIN, "static")
