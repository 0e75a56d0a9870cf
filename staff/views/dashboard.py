"""The dashboard: questions per day, top topics and rates over a period of hospital days."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Blueprint, render_template, request
from markupsafe import Markup

from staff import charts, hospital_time, params, queries
from staff.console import audit, db, zone

DEFAULT_DAYS = 30
MAX_DAYS = 367  # a longer period is cut to its last 367 days: bounded work per request

blueprint = Blueprint("dashboard", __name__)


@blueprint.get("/dashboard")
def index() -> Any:
    asked_from = params.optional_date(request.args, "from")
    asked_to = params.optional_date(request.args, "to")
    date_to = asked_to or hospital_time.today(zone())
    date_from = asked_from or date_to - timedelta(days=DEFAULT_DAYS - 1)
    if date_from > date_to:
        date_from, date_to = date_to, date_from
    date_from = max(date_from, date_to - timedelta(days=MAX_DAYS - 1))
    data = queries.dashboard(db(), date_from, date_to, zone())
    audit("view_dashboard", f"{date_from}..{date_to}", validated=True)
    return render_template(
        "dashboard.html", data=data, date_from=date_from, date_to=date_to,
        helpfulness=queries.helpfulness_by_topic(db(), date_from, date_to, zone()),
        # charts.py escapes every label it puts into the SVG.
        per_day_chart=Markup(charts.bar_chart_per_day(data.per_day)),  # noqa: S704
        topics_chart=Markup(charts.horizontal_bars(data.top_topics)),  # noqa: S704
    )  # fmt: skip
