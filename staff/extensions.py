"""What the console adds around every view: its database session, the request guard (the
server-side session, the CSRF token, the log-in), the security headers and the templates'
helpers. staff.app.create_app installs all of them before registering any blueprint.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Flask, Response, abort, current_app, g, redirect, request, session, url_for
from markupsafe import Markup

from core.db.database import session_factory
from staff import console, hospital_time, login_sessions
from staff.audit import ANONYMOUS, request_line
from staff.security import csrf_matches

HSTS_SECONDS = 365 * 24 * 3600
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)


def install(app: Flask) -> None:
    install_database(app)
    app.before_request(guard)
    app.after_request(security_headers)
    install_templates(app)


def install_database(app: Flask) -> None:
    app.extensions[console.SESSIONS] = session_factory(app.config["DATABASE_URL"])

    @app.teardown_appcontext
    def close_db(_error: BaseException | None) -> None:
        database = g.pop("db", None)
        if database is not None:
            database.close()


def start_anonymous_session() -> str:
    """A fresh id for a visitor who is not logged in (it keys the login form's token)."""
    session.clear()
    session["sid"] = login_sessions.new_session_id()
    return str(session["sid"])


def guard() -> Response | None:
    """Every request: its session (looked up on the server), its CSRF token, its login."""
    g.user = None
    if request.endpoint == "static":
        return None
    session_id = session.get("sid")
    if login_sessions.is_session_id(session_id):
        with console.sessions().begin() as s:
            g.user = login_sessions.user_of(s, session_id, console.now())
    else:
        session_id = start_anonymous_session()
    g.session_id = session_id
    g.csrf_token = login_sessions.csrf_token(current_app.secret_key or "", session_id)
    if request.method == "POST" and not csrf_matches(g.csrf_token, request.form.get("csrf_token")):
        tried = request.form.get("username") if request.endpoint == console.LOGIN else None
        who = g.user.username if g.user is not None else tried or ANONYMOUS
        console.audit("csrf_failed", request_line(request.method, request.path), username=who)
        abort(400, "Missing or wrong form token. Reload the page and try again.")
    if g.user is None and request.endpoint != console.LOGIN:
        return redirect(url_for(console.LOGIN, next=request.full_path))  # type: ignore[return-value]
    return None


def security_headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    if current_app.config["SESSION_COOKIE_SECURE"]:  # served over HTTPS: browsers keep to it
        response.headers["Strict-Transport-Security"] = f"max-age={HSTS_SECONDS}"
    return response


def install_templates(app: Flask) -> None:
    zone = app.config["HOSPITAL_TIMEZONE"]

    @app.context_processor
    def template_globals() -> dict[str, Any]:
        return {
            "csrf_field": Markup('<input type="hidden" name="csrf_token" value="{}">').format(
                g.get("csrf_token", "")
            ),
            "user": g.get("user"),
            "time_zone": zone.key,
            "link": console.link,
        }

    @app.template_filter("local")
    def local_time(moment: datetime | None, fmt: str = hospital_time.SHOWN_FORMAT) -> str:
        """A stored UTC time as the hospital reads it: {{ q.asked_at|local }}."""
        return hospital_time.shown(moment, zone, fmt)

    @app.template_filter("local_iso")
    def local_iso(moment: datetime | None) -> str:
        return hospital_time.machine_readable(moment, zone)
