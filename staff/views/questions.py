"""The questions patients asked: the inbox, reviewing one, a conversation's transcript, and
turning misunderstood questions into training data (the NLU export)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, flash, g, redirect, render_template, request, url_for

from core.db.models import OUTCOMES
from core.vocabulary.topics import CONVERSATION_INTENTS, FAQ_TOPICS
from staff import exports, params, queries
from staff.audit import filters_for_audit
from staff.console import ROW_ID, audit, db, is_console_page, now, sessions, zone
from staff.redirects import console_target

# The topics a reviewer may correct a question to (small talk is never a correction).
LABELS = sorted(set(FAQ_TOPICS) | set(CONVERSATION_INTENTS) - {"greet", "goodbye", "thanks"})

blueprint = Blueprint("questions", __name__)


@blueprint.get("/")
def inbox() -> Any:
    flt = queries.InboxFilter.from_args(request.args)
    page = queries.inbox_page(db(), flt, zone())
    audit("view_inbox", filters_for_audit(flt.query_args()), validated=True)
    return render_template(
        "inbox.html", page=page, flt=flt, topics=queries.topics_in_log(db()),
        outcomes=OUTCOMES, labels=LABELS,
    )  # fmt: skip


@blueprint.post(f"/questions/<{ROW_ID}:question_id>/review")
def review(question_id: int) -> Any:
    corrected = request.form.get("corrected_intent") or None
    if corrected is not None and corrected not in LABELS:
        abort(400, "Unknown topic.")
    with sessions().begin() as s:
        if not queries.review_question(s, question_id, corrected, g.user.username, now()):
            abort(404)
    audit("review", f"question {question_id} -> {corrected or 'confirmed'}")
    flash("Saved.")
    back = console_target(request.form.get("back"), is_console_page)
    return redirect(back or url_for(".inbox"))


@blueprint.get("/conversations/<path:conversation_id>")
def conversation(conversation_id: str) -> Any:
    params.path_identifier(conversation_id, "conversation id")
    turns = queries.transcript(db(), conversation_id)
    logged = queries.logged_questions(db(), conversation_id)
    audit("view_conversation", conversation_id)
    return render_template(
        "conversation.html", conversation_id=conversation_id, turns=turns, logged=logged
    )


@blueprint.get("/export/nlu.yml")
def export_nlu() -> Response:
    """Corrected and unanswered questions as Rasa NLU YAML, to merge into data/nlu.yml."""
    corrected, unanswered = queries.questions_for_training(db())
    body = exports.nlu_yaml(corrected, unanswered)
    audit("export_nlu")
    return Response(
        body,
        mimetype="application/x-yaml",
        headers={"Content-Disposition": "attachment; filename=nlu-from-review.yml"},
    )
