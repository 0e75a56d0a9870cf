"""Log-in, log-out and one's own password: the only pages open to a visitor not logged in
is the log-in page (the guard in staff/extensions.py sends everyone else there)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, g, redirect, render_template, request, session, url_for

from staff import login_sessions
from staff.audit import add_event, request_line
from staff.console import home, is_console_page, now, sessions
from staff.login import FAILURE_MESSAGE, attempt_login
from staff.password_change import PasswordChange, change_password
from staff.redirects import console_target

blueprint = Blueprint("auth", __name__)


@blueprint.route("/login", methods=["GET", "POST"])
def login() -> Any:
    """Log in: one hash verification and one message for every failure (login.py)."""
    if request.method == "GET":
        return render_template("login.html", error=None)
    username = (request.form.get("username") or "").strip()
    moment = now()
    with sessions().begin() as s:
        attempt = attempt_login(s, username, request.form.get("password") or "", moment)
        if attempt.user is None:
            where = request_line(request.method, request.path)
            add_event(s, username, "login_failed", f"{attempt.reason}; {where}")
            if attempt.locked_now:
                add_event(s, username, "locked", "too many wrong passwords")
        else:
            if g.user is not None:  # logging in again, perhaps as someone else
                login_sessions.end_session(s, g.session_id, moment, "new log-in")
            new_session_id = login_sessions.open_session(s, attempt.user, moment)
            add_event(s, attempt.user.username, "login")
    if attempt.user is None:
        return render_template("login.html", error=FAILURE_MESSAGE), 401
    session.clear()  # a new id at log-in: one planted before it opens nothing
    session.permanent = True
    session["sid"] = new_session_id
    return redirect(console_target(request.args.get("next"), is_console_page) or home())


@blueprint.post("/logout")
def logout() -> Any:
    with sessions().begin() as s:
        login_sessions.end_session(s, g.session_id, now(), "logout")
        add_event(s, g.user.username, "logout")
    session.clear()
    return redirect(url_for(".login"))


@blueprint.route("/account/password", methods=["GET", "POST"])
def password() -> Any:
    """Change one's own password (with the current one); other sessions end."""
    error = None
    if request.method == "POST":
        change = PasswordChange(
            current=request.form.get("current_password") or "",
            new=request.form.get("new_password") or "",
            confirmation=request.form.get("confirm_password") or "",
        )
        with sessions().begin() as s:
            error = change_password(s, g.user.id, change, now(), keep_session=g.session_id)
        if error is None:
            flash("Password changed. Your other sessions have been logged out.")
            return redirect(home())
    return render_template("password.html", error=error), (400 if error else 200)
