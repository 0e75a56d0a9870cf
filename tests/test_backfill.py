"""Questions answered while the action server was down are rebuilt from Rasa's transcripts."""

from __future__ import annotations

from pathlib import Path

from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from sqlalchemy import select

from actions.storage.backfill import backfill, missing_questions
from actions.storage.database import session_factory
from actions.storage.models import Question
from actions.storage.spool import Spool
from actions.storage.writer import LogWriter
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
