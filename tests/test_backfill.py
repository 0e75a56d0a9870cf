"""Questions answered while the action server was down are rebuilt from Rasa's transcripts."""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from sqlalchemy import select

from core.db.database import session_factory
from core.db.models import Question
from core.db.rasa_events import rasa_events
from core.question_log.backfill import backfill, missing_questions
from core.question_log.spool import Spool
from core.question_log.writer import LogWriter
from tests.transcripts import save_transcript


def record_down_time_conversation(url: str, sender: str) -> None:
    events = []
    for text, intent, reply, action in [
        ("hello", "greet", "Hello!", "utter_greet"),
        (
            "is it safe? call 860-555-0123",
            "complications",
            "Complications are rare.",
            "utter_complications",
        ),
        ("a person please", "contact", "To talk to a person...", "action_handoff"),
    ]:
        events += [
            UserUttered(
                text,
                intent={"name": intent, "confidence": 0.9},
                message_id=f"{sender}-{intent}",
            ),
            ActionExecuted(action),
            BotUttered(reply),
            ActionExecuted("action_listen"),
        ]
    save_transcript(url, sender, events)


def test_missing_questions_are_rebuilt_once(database_url: str, tmp_path: Path) -> None:
    record_down_time_conversation(database_url, "conv-down")
    records = missing_questions(database_url)
    assert sorted((r["intent"], r["outcome"]) for r in records) == [
        ("complications", "answered"),
        ("contact", "handoff"),
    ]
    writer = LogWriter(Spool(tmp_path / "spool"), database_url, interval=3600)
    assert backfill(writer, database_url) == 2
    assert writer.flush()
    with session_factory(database_url)() as session:
        rows = list(session.execute(select(Question).order_by(Question.asked_at)).scalars())
    assert [r.text for r in rows] == ["is it safe? call [phone removed]", "a person please"]
    assert rows[0].response == "Complications are rare."
    assert missing_questions(database_url) == []  # nothing twice
    writer.stop()


def test_no_transcripts_table_means_nothing_to_do(database_url: str, tmp_path: Path) -> None:
    assert missing_questions(database_url) == []


# --- a poisoned transcript --------------------------------------------------------------------


def add_raw_events(url: str, sender: str, rows: list[Any]) -> None:
    """Rows in Rasa's `events` table that Rasa itself would never write."""
    now = time.time()
    with session_factory(url).begin() as session:
        for row in rows:
            data = row if isinstance(row, str) else json.dumps(row)
            session.execute(
                rasa_events.insert().values(
                    sender_id=sender, type_name="user", timestamp=now, data=data
                )
            )


POISON_ROWS: list[Any] = [
    "this is not JSON",
    [1, 2, 3],
    "null",
    {"event": "user", "text": "SECRET-TEXT", "input_channel": 5, "message_id": {"a": 1},
     "parse_data": {"intent": {"name": "complications", "confidence": "high"}},
     "metadata": {"model_id": {"a": 1}}},
    {"event": "user", "text": 5, "parse_data": "complications", "timestamp": "soon"},
    {"event": ["user"], "text": "x"},
]  # fmt: skip


def test_a_poisoned_conversation_does_not_stop_the_back_fill(
    database_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Before the fix one row that was not JSON made every periodic run abort."""
    record_down_time_conversation(database_url, "conv-good")
    add_raw_events(database_url, "conv-poisoned", POISON_ROWS)
    record_down_time_conversation(database_url, "conv-good-2")
    writer = LogWriter(Spool(tmp_path / "spool"), database_url, interval=3600)
    with caplog.at_level(logging.WARNING):
        found = backfill(writer, database_url)
    assert writer.flush()
    with session_factory(database_url)() as session:
        rows = list(session.execute(select(Question)).scalars())
    by_conversation = Counter(r.conversation_id for r in rows)
    assert by_conversation["conv-good"] == 2 and by_conversation["conv-good-2"] == 2
    assert found == len(rows)
    assert "conv-poisoned" in caplog.text and "SECRET-TEXT" not in caplog.text
    assert writer.spool.pending_count() == 0
    writer.stop()


def test_quarantined_questions_are_not_rebuilt(database_url: str, tmp_path: Path) -> None:
    from core.db.models import QuarantinedEntry

    record_down_time_conversation(database_url, "conv-q")
    with session_factory(database_url).begin() as session:
        session.add(
            QuarantinedEntry(
                kind="question",
                entry_key="conv-q-complications",
                reason="test",
                payload="{}",
                quarantined_at=datetime.now(timezone.utc),
            )
        )
    assert [r["intent"] for r in missing_questions(database_url)] == ["contact"]


@settings(
    derandomize=True,
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    poison=st.lists(
        st.one_of(
            st.text(max_size=30),
            st.recursive(
                st.one_of(
                    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30)
                ),
                lambda c: st.one_of(
                    st.lists(c, max_size=3),
                    st.dictionaries(
                        st.sampled_from(
                            [
                                "event",
                                "text",
                                "parse_data",
                                "input_channel",
                                "metadata",
                                "message_id",
                                "timestamp",
                                "intent",
                                "name",
                                "confidence",
                                "model_id",
                            ]
                        ),
                        st.one_of(c, st.sampled_from(["user", "bot", "complications"])),
                        max_size=6,
                    ),
                ),
                max_leaves=15,
            ),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_any_poisoned_transcript_leaves_the_other_conversations_back_filled(
    database_url: str, poison: list[Any]
) -> None:
    good = f"good-{uuid.uuid4().hex}"
    bad = f"bad-{uuid.uuid4().hex}"
    record_down_time_conversation(database_url, good)
    add_raw_events(
        database_url, bad, [p.replace("\x00", "") if isinstance(p, str) else p for p in poison]
    )
    records = missing_questions(database_url)
    assert sorted(r["intent"] for r in records if r["conversation_id"] == good) == [
        "complications",
        "contact",
    ]
