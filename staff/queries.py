"""Every query of the console's views, all built with SQLAlchemy (no hand-written SQL).

Why one module: the views (staff/views/) then only read parameters, call these, audit and
render, and what the console asks of the database is in one place to read and index.
The writes a view makes to one row (a review, a call-back's status) are here too.

The inbox filters map one-to-one onto indexed columns (asked_at, intent, outcome,
reviewed_at), and pages are fetched with LIMIT/OFFSET, so 100,000 logged questions stay fast.
Dates are the hospital's days (staff/hospital_time.py): a filter "from 15 January" starts at
midnight in the hospital, whatever UTC time that is.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Date, and_, case, cast, func, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from core.db.models import OUTCOMES, AnswerFeedback, CallbackRequest, QuarantinedEntry, Question
from core.db.rasa_events import rasa_events
from core.db.staff_models import StaffUser
from staff import params
from staff.hospital_time import offset_periods, start_of_day

PAGE_SIZE = 50
CALLBACK_ROWS = 500
FEEDBACK_CHOICES = ("helpful", "unhelpful")
FEEDBACK_CHUNK = 500
# Red-flag filter (issue 23): "emergency" = reports that got the emergency message, "talk" =
# messages that mentioned a red flag without reporting one (kept their answer), "any" = both.
RED_FLAG_CHOICES = ("emergency", "talk", "any")


@dataclass
class InboxFilter:
    date_from: date | None = None
    date_to: date | None = None
    topic: str = ""
    outcome: str = ""
    max_confidence: float | None = None
    reviewed: str = ""  # "", "yes", "no"
    feedback: str = ""  # "", "helpful", "unhelpful": the patient's "Was this helpful?"
    text: str = ""
    red_flag: str = ""  # "", or one of RED_FLAG_CHOICES
    page: int = 1

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> InboxFilter:
        """The filter a URL asks for; a value out of bounds is a 400 (params.BadParameter)."""
        return cls(
            date_from=params.optional_date(args, "from"),
            date_to=params.optional_date(args, "to"),
            topic=params.plain_text(args, "topic", 64),
            outcome=params.choice(args, "outcome", OUTCOMES),
            max_confidence=params.optional_fraction(args, "max_confidence"),
            reviewed=params.choice(args, "reviewed", ("yes", "no")),
            feedback=params.choice(args, "feedback", FEEDBACK_CHOICES),
            text=params.plain_text(args, "q"),
            red_flag=params.choice(args, "red_flag", RED_FLAG_CHOICES),
            page=params.page_number(args),
        )

    def query_args(self, **overrides: Any) -> dict[str, Any]:
        args = {
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
            "topic": self.topic,
            "outcome": self.outcome,
            "max_confidence": "" if self.max_confidence is None else self.max_confidence,
            "reviewed": self.reviewed,
            "feedback": self.feedback,
            "q": self.text,
            "red_flag": self.red_flag,
            "page": self.page,
        }
        args.update(overrides)
        return {k: v for k, v in args.items() if v not in ("", None)}


def filtered(flt: InboxFilter, zone: ZoneInfo) -> Select:
    query = select(Question)
    if flt.date_from:
        query = query.where(Question.asked_at >= start_of_day(flt.date_from, zone))
    if flt.date_to:
        query = query.where(Question.asked_at < start_of_day(flt.date_to + timedelta(days=1), zone))
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
    if flt.feedback:
        rated = select(AnswerFeedback.message_id).where(
            AnswerFeedback.helpful.is_(flt.feedback == "helpful")
        )
        query = query.where(Question.message_id.in_(rated))
    query = red_flag_filtered(query, flt.red_flag)
    if flt.text:
        escaped = flt.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(Question.text.ilike(f"%{escaped}%", escape="\\"))
    return query


def red_flag_filtered(query: Select, choice: str) -> Select:
    """Only the messages the red-flag net reported ("emergency") or read as talk ("talk")."""
    if choice == "emergency":
        return query.where(Question.outcome == "emergency")
    if choice == "talk":
        return query.where(Question.red_flag.is_not(None), Question.outcome != "emergency")
    if choice == "any":
        return query.where(Question.red_flag.is_not(None) | (Question.outcome == "emergency"))
    return query


@dataclass
class Page:
    rows: list[Question]
    total: int
    page: int
    pages: int = field(init=False)

    def __post_init__(self) -> None:
        self.pages = max(1, -(-self.total // PAGE_SIZE))


def inbox_page(session: Session, flt: InboxFilter, zone: ZoneInfo) -> Page:
    query = filtered(flt, zone)
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


def questions_for_export(session: Session, flt: InboxFilter, zone: ZoneInfo) -> list[Question]:
    """Every question the filter selects (all pages), newest first."""
    query = filtered(flt, zone).order_by(Question.asked_at.desc())
    return list(session.execute(query).scalars())


def questions_for_training(session: Session) -> tuple[list[Question], list[Question]]:
    """(questions whose topic staff corrected, unanswered ones not corrected yet)."""
    corrected = session.execute(select(Question).where(Question.corrected_intent.is_not(None)))
    unanswered = session.execute(
        select(Question)
        .where(Question.outcome.in_(("fallback", "out_of_scope")))
        .where(Question.corrected_intent.is_(None))
    )
    return list(corrected.scalars()), list(unanswered.scalars())


def review_question(
    session: Session, question_id: int, corrected: str | None, by: str, at: datetime
) -> bool:
    """Mark a question reviewed (with its corrected topic, or None if it was right);
    False when there is no such question."""
    question = session.get(Question, question_id)
    if question is None:
        return False
    question.reviewed_at = at
    question.reviewed_by = by
    question.corrected_intent = corrected
    return True


def logged_questions(session: Session, conversation_id: str) -> list[Question]:
    """The questions logged from one conversation, in the order they were asked."""
    query = (
        select(Question)
        .where(Question.conversation_id == conversation_id)
        .order_by(Question.asked_at)
    )
    return list(session.execute(query).scalars())


def transcript(session: Session, conversation_id: str) -> list[dict[str, Any]]:
    """The whole conversation from Rasa's tracker store: patient messages and bot replies.

    Empty when Rasa has not created its `events` table yet (a console started before the
    assistant ever ran): that was a 500.
    """
    if not inspect(session.connection()).has_table(rasa_events.name):
        return []
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


def _hospital_day(dialect: str, zone: ZoneInfo, start: datetime, end: datetime) -> Any:
    """SQL for the hospital's day of a question asked between `start` and `end`.

    PostgreSQL converts to the zone itself. SQLite has no time zones: its date() gets the
    zone's UTC offset as a modifier, chosen by a CASE on the periods of constant offset in
    the window (two at most in a year: daylight saving time starts and ends).
    """
    if dialect == "postgresql":
        return cast(func.timezone(zone.key, Question.asked_at), Date)
    periods = offset_periods(zone, start, end)

    def modifier(offset: timedelta) -> str:
        return f"{int(offset.total_seconds()):+d} seconds"

    if len(periods) == 1:
        return func.date(Question.asked_at, modifier(periods[0][1]))
    whens = [
        (Question.asked_at < next_start, modifier(offset))
        for (_, offset), (next_start, _) in pairwise(periods)
    ]
    return func.date(Question.asked_at, case(*whens, else_=modifier(periods[-1][1])))


def dashboard(session: Session, date_from: date, date_to: date, zone: ZoneInfo) -> Dashboard:
    start, end = start_of_day(date_from, zone), start_of_day(date_to + timedelta(days=1), zone)
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
    day = _hospital_day(session.get_bind().dialect.name, zone, start, end).label("day")
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


@dataclass(frozen=True)
class Helpfulness:
    """Patients' "Was this helpful?" on one topic's answers in a period."""

    topic: str
    helpful: int
    unhelpful: int

    @property
    def share_helpful(self) -> float:
        total = self.helpful + self.unhelpful
        return self.helpful / total if total else 0.0


def helpfulness_by_topic(
    session: Session, date_from: date, date_to: date, zone: ZoneInfo
) -> list[Helpfulness]:
    """Yes and no votes per topic, least helpful first (what staff should look at)."""
    start, end = start_of_day(date_from, zone), start_of_day(date_to + timedelta(days=1), zone)
    rows = session.execute(
        select(
            AnswerFeedback.topic,
            func.sum(case((AnswerFeedback.helpful.is_(True), 1), else_=0)),
            func.sum(case((AnswerFeedback.helpful.is_(False), 1), else_=0)),
        )
        .where(AnswerFeedback.given_at >= start, AnswerFeedback.given_at < end)
        .group_by(AnswerFeedback.topic)
    ).all()
    found = [Helpfulness(str(t), int(yes or 0), int(no or 0)) for t, yes, no in rows]
    return sorted(found, key=lambda h: (h.share_helpful, h.topic))


def feedback_for(session: Session, message_ids: list[str]) -> dict[str, tuple[bool, str | None]]:
    """message id -> (helpful, comment) for the questions that got feedback."""
    found: dict[str, tuple[bool, str | None]] = {}
    for start in range(0, len(message_ids), FEEDBACK_CHUNK):  # bounded IN lists (SQLite)
        rows = session.execute(
            select(AnswerFeedback.message_id, AnswerFeedback.helpful, AnswerFeedback.comment).where(
                AnswerFeedback.message_id.in_(message_ids[start : start + FEEDBACK_CHUNK])
            )
        ).all()
        found.update({str(m): (bool(h), c) for m, h, c in rows})
    return found


def callback_requests(session: Session, status: str) -> list[CallbackRequest]:
    """The newest CALLBACK_ROWS call-back requests, of one status unless `status` is ""."""
    query = select(CallbackRequest).order_by(CallbackRequest.requested_at.desc())
    if status:
        query = query.where(CallbackRequest.status == status)
    return list(session.execute(query.limit(CALLBACK_ROWS)).scalars())


def update_callback(
    session: Session, callback_id: int, status: str, notes: str | None, by: str, at: datetime
) -> bool:
    """Set a call-back request's status and notes; False when there is no such request."""
    row = session.get(CallbackRequest, callback_id)
    if row is None:
        return False
    row.status = status
    row.notes = notes
    row.updated_at = at
    row.updated_by = by
    return True


def accounts(session: Session) -> list[StaffUser]:
    return list(session.execute(select(StaffUser).order_by(StaffUser.username)).scalars())


def account(session: Session, user_id: int) -> StaffUser | None:
    return session.get(StaffUser, user_id)


def username_taken(session: Session, username: str) -> bool:
    query = select(StaffUser.id).where(StaffUser.username == username)
    return session.execute(query).first() is not None


@dataclass(frozen=True)
class QuarantineRow:
    """What the quarantine page shows of an entry: never the entry itself."""

    kind: str
    entry_key: str
    reason: str
    quarantined_at: datetime


def quarantine(session: Session, limit: int) -> tuple[int, list[QuarantineRow]]:
    """(how many entries are quarantined, the newest `limit` of them)."""
    total = int(session.execute(select(func.count()).select_from(QuarantinedEntry)).scalar_one())
    rows = session.execute(
        select(
            QuarantinedEntry.kind,
            QuarantinedEntry.entry_key,
            QuarantinedEntry.reason,
            QuarantinedEntry.quarantined_at,
        )
        .order_by(QuarantinedEntry.quarantined_at.desc(), QuarantinedEntry.id.desc())
        .limit(limit)
    )
    return total, [QuarantineRow(*row) for row in rows]
