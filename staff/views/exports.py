"""Downloads of the inbox: the questions a filter selects, as CSV (times in UTC)."""

from __future__ import annotations

from flask import Blueprint, Response, request

from staff import exports, queries
from staff.audit import filters_for_audit
from staff.console import audit, db, zone

blueprint = Blueprint("exports", __name__)


@blueprint.get("/export/questions.csv")
def questions_csv() -> Response:
    flt = queries.InboxFilter.from_args(request.args)
    rows = queries.questions_for_export(db(), flt, zone())
    feedback = queries.feedback_for(db(), [row.message_id for row in rows])
    body = exports.questions_csv(rows, feedback)
    audit("export_csv", filters_for_audit(flt.query_args()), validated=True)
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=questions.csv"},
    )
