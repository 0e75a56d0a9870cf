"""Call-back requests from the chat's form: the list (by status) and updating one."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for

from core.db.models import CALLBACK_STATUSES
from core.db.values import without_controls
from staff import params, queries
from staff.console import ROW_ID, audit, db, now, sessions

NOTES_CHARS = 2000

blueprint = Blueprint("callbacks", __name__)


@blueprint.get("/callbacks")
def index() -> Any:
    status = params.choice(request.args, "status", CALLBACK_STATUSES)
    rows = queries.callback_requests(db(), status)
    audit("view_callbacks", status)
    return render_template("callbacks.html", rows=rows, status=status, statuses=CALLBACK_STATUSES)


@blueprint.post(f"/callbacks/<{ROW_ID}:callback_id>")
def update(callback_id: int) -> Any:
    status = request.form.get("status") or ""
    if status not in CALLBACK_STATUSES:
        abort(400, "Unknown status.")
    notes = without_controls(request.form.get("notes") or "")[:NOTES_CHARS] or None
    with sessions().begin() as s:
        if not queries.update_callback(s, callback_id, status, notes, g.user.username, now()):
            abort(404)
    audit("update_callback", f"callback {callback_id} -> {status}")
    flash("Callback request updated.")
    return redirect(url_for(".index"))
