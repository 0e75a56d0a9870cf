"""Read-side queries of the console, all built with SQLAlchemy (no hand-written SQL).

The inbox filters map one-to-one onto indexed columns (asked_at, intent, outcome,
reviewed_at), and pages are fetched with LIMIT/OFFSET, so 100,000 logged questions stay fast.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from actions.retention import rasa_events
from actions.storage.models import Question

PAGE_SIZE = 50


@dataclass
class InboxFilter:
    date_from: date | None = None
    date_to: date | None = None
    topic: str = ""
    outcome: str = ""
    max_confidence: float | None = None
    reviewed: str = ""  # "", "yes", "no"
    text: str = ""
    page: int = 1

    @classmethod
    def from_args(cls, args: Any) -> InboxFilter:
        def parse_date(value: str | None) -> date | None:
            try:
                return date.fromisoformat(value) if value else None
            except ValueError:
                return None

        def parse_float(value: str | None) -> float | None:
            try:
                return float(value) if value not in (None, "") else None
            except ValueError:
                return None

        try:
            page = max(1, int(args.get("page") or 1))
        except ValueError:
            page = 1
        return cls(
            date_from=parse_date(args.get("from")),
            date_to=parse_date(args.get("to")),
            topic=(args.get("topic") or "")[:64],
            outcome=(args.get("outcome") or "")[:16],
            max_confidence=parse_float(args.get("max_confidence")),
            reviewed=args.get("reviewed") if args.get("reviewed") in ("yes", "no") else "",
            text=(args.get("q") or "")[:200],
            page=page,
        )

    def query_args(self, **overrides: Any) -> dict[str, Any]:
        args = {
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
            "topic": self.topic,
            "outcome": self.outcome,
            "max_confidence": "" if self.max_confidence is None else self.max_confidence,
            "reviewed": self.reviewed,
            "q": self.text,
            "page": self.page,
        }
        args.update(overrides)
        return {k: v for k, v in args.items() if v not in ("", None)}


def start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.utc)


def filtered(flt: InboxFilter) -> Select:
    query = select(Question)
    if flt.date_from:
        query = query.where(Question.asked_at >= start_of(flt.date_from))
    if flt.date_to:
        query = query.where(Question.asked_at < start_of(flt.date_to + timedelta(days=1)))
    if flt.topic:
        query = query.where(Question.intent == flt.topic)
    if flt.outcome:
        query = query.where(Question.outcome == flt.outcome)
    if flt.max_confidence is not None:
        query = query.where(Question.confidence < flt.max_confidence)
    if flt.reviewed == "yes":
        query = query.where(Question.reviewed_at.is_not(None))
    elif flt.reviewed == "no":
        query = query.where(Question.reviewed_at.is_(None))
    if flt.text:
        escaped = flt.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(Question.text.ilike(f"%{escaped}%", escape="\\"))
    return query


@dataclass
class Page:
    rows: list[Question]
    total: int
    page: int
    pages: int = field(init=False)

    def __post_init__(self) -> None:
        self.pages = max(1, -(-self.total // PAGE_SIZE))


def inbox_page(session: Session, flt: InboxFilter) -> Page:
    query = filtered(flt)
    total = int(session.execute(select(func.count()).select_from(query.subquery())).scalar_one())
    rows = session.execute(
        query.order_by(Question.asked_at.desc(), Question.id.desc())
        .limit(PAGE_SIZE)
        .offset((flt.page - 1) * PAGE_SIZE)
    ).scalars()
    return Page(rows=list(rows), total=total, page=flt.page)


def topics_in_log(session: Session) -> list[str]:
    query = select(Question.intent).where(Question.intent.is_not(None)).distinct()
    return sorted(str(t) for t in session.execute(query).scalars())


def transcript(session: Session, conversation_id: str) -> list[dict[str, Any]]:
    """The whole conversation from Rasa's tracker store: patient messages and bot replies."""
    query = (
        select(rasa_events.c.type_name, rasa_events.c.timestamp, rasa_events.c.data)
        .where(rasa_events.c.sender_id == conversation_id)
        .where(rasa_events.c.type_name.in_(("user", "bot")))
        .order_by(rasa_events.c.id)
    )
    turns = []
    for type_name, timestamp, data in session.execute(query):
        event = json.loads(data or "{}")
        intent = (
            ((event.get("parse_data") or {}).get("intent") or {}) if type_name == "user" else {}
        )
        turns.append(
            {
                "who": "patient" if type_name == "user" else "bot",
                "at": datetime.fromtimestamp(float(timestamp), tz=timezone.utc),
                "text": event.get("text") or "",
                "intent": intent.get("name"),
                "confidence": intent.get("confidence"),
            }
        )
    return turns


@dataclass
class Dashboard:
    total: int
    per_day: list[tuple[date, int]]
    top_topics: list[tuple[str, int]]
    fallback_rate: float
    handoff_rate: float
    emergencies: int


def dashboard(session: Session, date_from: date, date_to: date) -> Dashboard:
    start, end = start_of(date_from), start_of(date_to + timedelta(days=1))
    window = and_(Question.asked_at >= start, Question.asked_at < end)
    totals = session.execute(
        select(
            func.count(),
            func.sum(case((Question.outcome.in_(("fallback", "out_of_scope")), 1), else_=0)),
            func.sum(case((Question.outcome == "handoff", 1), else_=0)),
            func.sum(case((Question.outcome == "emergency", 1), else_=0)),
        ).where(window)
    ).one()
    total = int(totals[0] or 0)
    day = func.date(Question.asked_at)
    counts = {
        str(d): int(n)
        for d, n in session.execute(select(day, func.count()).where(window).group_by(day))
    }
    days = (date_to - date_from).days + 1
    per_day = [
        (date_from + timedelta(days=i), counts.get(str(date_from + timedelta(days=i)), 0))
        for i in range(days)
    ]
    top = session.execute(
        select(Question.intent, func.count().label("n"))
        .where(window)
        .where(Question.outcome == "answered")
        .group_by(Question.intent)
        .order_by(func.count().desc())
        .limit(11)
    ).all()

    def rate(part: Any) -> float:
        return float(part or 0) / total if total else 0.0

    return Dashboard(
        total=total,
        per_day=per_day,
        top_topics=[(str(t), int(n)) for t, n in top],
        fallback_rate=rate(totals[1]),
        handoff_rate=rate(totals[2]),
        emergencies=int(totals[3] or 0),
    )
