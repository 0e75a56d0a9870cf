"""Retention deletes old questions, callback requests and whole old transcripts only."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from core.db.database import session_factory
from core.db.models import CallbackRequest, Question
from core.db.rasa_events import rasa_events
from core.privacy.retention import purge

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)


def add_rows(url: str, age_days: int, conversation: str) -> None:
    when = NOW - timedelta(days=age_days)
    with session_factory(url).begin() as session:
        session.add(
            Question(
                message_id=uuid.uuid4().hex,
                conversation_id=conversation,
                asked_at=when,
                text="is it safe",
                text_truncated=False,
                outcome="answered",
            )
        )
        session.add(
            CallbackRequest(
                request_key=uuid.uuid4().hex,
                conversation_id=conversation,
                requested_at=when,
                name="A",
                phone="8605550123",
                preferred_time="am",
                consent=True,
                status="new",
            )
        )


def create_transcripts(url: str, transcripts: dict[str, list[int]]) -> None:
    """Rasa's `events` table, as its SQL tracker store creates it, with events of given ages."""
    from rasa.core.tracker_store import SQLTrackerStore

    table = SQLTrackerStore.SQLEvent.__table__
    table.metadata.create_all(session_factory(url).kw["bind"])
    with session_factory(url).begin() as session:
        for sender, ages in transcripts.items():
            for age in ages:
                session.execute(
                    table.insert().values(
                        sender_id=sender,
                        type_name="user",
                        timestamp=(NOW - timedelta(days=age)).timestamp(),
                        data="{}",
                    )
                )


def counts(url: str) -> tuple[int, int, int]:
    with session_factory(url)() as session:
        return tuple(  # type: ignore[return-value]
            int(session.execute(select(func.count()).select_from(t)).scalar_one())
            for t in (Question.__table__, CallbackRequest.__table__, rasa_events)
        )


def test_purge_keeps_recent_data_and_whole_conversations(database_url: str) -> None:
    add_rows(database_url, 400, "old")
    add_rows(database_url, 10, "recent")
    # "mixed" started long ago but was active last week: its transcript is kept whole.
    create_transcripts(database_url, {"old": [401, 400], "mixed": [500, 7], "recent": [10]})

    dry = purge(database_url, days=365, dry_run=True, now=NOW)
    assert (dry.questions, dry.callback_requests, dry.transcript_events) == (1, 1, 2)
    assert counts(database_url) == (2, 2, 5)

    deleted = purge(database_url, days=365, now=NOW)
    assert (deleted.questions, deleted.callback_requests, deleted.transcript_events) == (1, 1, 2)
    assert counts(database_url) == (1, 1, 3)


def test_an_abandoned_forms_answers_go_after_form_answers_minutes(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An abandoned call-back form's raw name waited a day for retention (an outside tester
    found it in form_answers hours later); now FORM_ANSWERS_MINUTES after its last change."""
    from core.db.models import FormAnswer

    monkeypatch.setenv("FORM_ANSWERS_MINUTES", "30")
    with session_factory(database_url).begin() as session:
        for conversation, minutes in (("left-an-hour-ago", 61), ("still-typing", 5)):
            session.add(
                FormAnswer(
                    conversation_id=conversation,
                    slot="callback_name",
                    value="Jane Doe",
                    updated_at=NOW - timedelta(minutes=minutes),
                )
            )
    purge(database_url, days=365, now=NOW)
    with session_factory(database_url)() as session:
        left = session.execute(select(FormAnswer.conversation_id)).scalars().all()
    assert left == ["still-typing"]
