"""The staff console (Flask): the factory that puts its pieces together.

Every page needs a logged-in account, checked against its server-side session on every
request (login_sessions.py); admin pages need the `admin` role. Every POST needs the
session's CSRF token. Every view and export of patient data is written to the audit log, and
so is every refusal (failed log-in, 403, CSRF failure). Query parameters are checked
(params.py: a 400 naming the bad one, never a 500); redirects go only to the console's own
pages (redirects.py); times are shown in the hospital's time zone (hospital_time.py).

The pieces: extensions.py (database session, request guard, security headers, template
helpers), the blueprints in views/ (one module each), errors.py (400 and 403 pages),
queries.py (every query the views make).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from flask import Blueprint, Flask

from core.privacy import log_redaction
from core.settings import load_settings
from staff import errors, extensions, hospital_time, login_sessions
from staff.accounts import create_user
from staff.security import secret_key
from staff.views import BLUEPRINTS

__all__ = ["create_app", "create_user"]


def cookie_name(secure: bool) -> str:
    return "__Host-staff_session" if secure else "staff_session"


def create_app(
    database_url: str | None = None,
    secure_cookies: bool | None = None,
    blueprints: Iterable[Blueprint] = BLUEPRINTS,
) -> Flask:
    """The console; `blueprints` lets a test build it with only the pages it tests (the
    `auth` blueprint is always needed: the guard sends visitors to its login page)."""
    log_redaction.install()
    settings = load_settings()
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secret_key(),
        DATABASE_URL=database_url or settings.database_url,
        RETENTION_DAYS=settings.retention_days,
        HOSPITAL_TIMEZONE=hospital_time.hospital_zone(),  # an unknown zone stops the start
        # Flask's signed cookie carries only the session id (login_sessions.py). Over HTTPS
        # its name has the __Host- prefix: browsers then accept it only if Secure, for "/"
        # and from this host alone (no subdomain can set or overwrite it).
        SESSION_COOKIE_NAME=cookie_name(bool(secure_cookies)),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_SECURE=bool(secure_cookies),
        PERMANENT_SESSION_LIFETIME=timedelta(hours=login_sessions.SESSION_HOURS),
        MAX_CONTENT_LENGTH=64 * 1024,
    )
    extensions.install(app)
    for blueprint in blueprints:
        app.register_blueprint(blueprint)
    errors.install(app)
    return app
