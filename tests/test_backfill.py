"""Questions answered while the action server was down are rebuilt from Rasa's transcripts."""

from __future__ import annotations

import asyncio
from pathlib import Path

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import select

from actions.storage.backfill import backfill, missing_questions
from actions.storage.database import session_factory
from actions.storage.endpoints import tracker_store_config
from actions.storage.models import Question
from actions.storage.spool import Spool
from actions.storage.writer import LogWriter


def save_transcript(url: str, sender: str) -> None:
    config = tracker_store_config(url)
    store = SQLTrackerStore(
        domain=Domain.empty(), dialect=config["dialect"], host=config.get("url"),
        port=config.get("port"), db=config["db"], username=config.get("username"),
        password=config.get("password"),
    )  # fmt: skip
    tracker = DialogueStateTracker(sender, slots=[])
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
        tracker.update(
            UserUttered(
                text, intent={"name": intent, "confidence": 0.9}, message_id=f"{sender}-{intent}"
            )
        )
        tracker.update(ActionExecuted(action))
        tracker.update(BotUttered(reply))
        tracker.update(ActionExecuted("action_listen"))
    asyncio.run(store.save(tracker))


def test_missing_questions_are_rebuilt_once(database_url: str, tmp_path: Path) -> None:
    save_transcript(database_url, "conv-down")
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
