"""Administrators' pages: accounts, retention, erasing a conversation, the quarantine.

Every route here needs the `admin` role, checked once for the whole blueprint (a reviewer
gets a 403, audited by staff/errors.py), so a new admin page cannot forget it.
"""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)

from core.db.staff_models import ROLES
from core.privacy.erasure import erase_conversation
from core.privacy.retention import purge
from staff import login_sessions, params, queries
from staff.accounts import create_user
from staff.audit import add_event
from staff.console import ROW_ID, audit, db, home, now, sessions

QUARANTINE_ROWS = 500  # newest first; the page is for noticing and reading reasons
ROLE = "admin"

blueprint = Blueprint("admin", __name__, url_prefix="/admin")


@blueprint.before_request
def admins_only() -> None:
    """Runs after the app's guard, so g.user is a logged-in account here."""
    if g.user.role != ROLE:
        abort(403)


@blueprint.route("/users", methods=["GET", "POST"])
def users() -> Any:
    if request.method == "POST":
        username = (request.form.get("username") or "").strip()
        role = request.form.get("role") or ""
        try:
            if not username or role not in ROLES:
                raise ValueError("A username and a role are needed.")
            create_user(sessions(), username, request.form.get("password") or "", role)
            audit("create_user", f"{username} ({role})")
            flash(f"Account {username} created.")
        except ValueError as error:
            flash(str(error))
    return render_template("users.html", rows=queries.accounts(db()), roles=ROLES)


@blueprint.post(f"/users/<{ROW_ID}:user_id>/active")
def set_active(user_id: int) -> Any:
    """Enable or disable an account; disabling ends its sessions at once."""
    active = request.form.get("active") == "1"
    moment = now()
    with sessions().begin() as s:
        target = queries.account(s, user_id) or abort(404)
        if target.id == g.user.id and not active:
            abort(400, "You cannot disable your own account.")
        target.active = active
        target.locked_until = None
        name = target.username
        ended = 0 if active else login_sessions.end_sessions_of(
            s, target.id, moment, "account disabled"
        )  # fmt: skip
    audit("enable_user" if active else "disable_user", f"{name}; {ended} sessions ended")
    return redirect(url_for(".users"))


@blueprint.route("/retention", methods=["GET", "POST"])
def retention() -> Any:
    days = current_app.config["RETENTION_DAYS"]
    result = purge(current_app.config["DATABASE_URL"], days, dry_run=request.method == "GET")
    if request.method == "POST":
        audit("retention", f"{days} days: {result}")
        flash(
            f"Deleted {result.questions} questions, {result.callback_requests} callback "
            f"requests, {result.transcript_events} transcript events and "
            f"{result.quarantined} quarantined log entries."
        )
        return redirect(url_for(".retention"))
    return render_template("retention.html", days=days, preview=result)


@blueprint.route("/conversations/<path:conversation_id>/erase", methods=["GET", "POST"])
def erase(conversation_id: str) -> Any:
    """Erase everything held about one conversation, at a patient's request.

    GET shows what would be deleted; POST deletes it and writes the audit row in the same
    transaction, so there is never an erasure without its record (or the reverse).
    """
    params.path_identifier(conversation_id, "conversation id")
    if request.method == "POST":
        with sessions().begin() as s:
            erased = erase_conversation(s, conversation_id)
            add_event(s, g.user.username, "erase_conversation", f"{conversation_id}: {erased}")
        if erased.total:
            flash(f"Erased conversation {conversation_id}: {erased}.")
        else:  # a mistyped id: say so instead of reporting an erasure of nothing
            flash(f"Nothing is held for conversation {conversation_id}; nothing was erased.")
        return redirect(home())
    preview = erase_conversation(db(), conversation_id, dry_run=True)
    db().rollback()
    return render_template("erase.html", conversation_id=conversation_id, preview=preview)


@blueprint.get("/quarantine")
def quarantine() -> Any:
    """Log entries the writer could not store: what, which, why and when (not the entry
    itself, which may hold health information and stays in the database)."""
    total, rows = queries.quarantine(db(), QUARANTINE_ROWS)
    audit("view_quarantine", f"{len(rows)} of {total}")
    return render_template("quarantine.html", rows=rows, total=total)
