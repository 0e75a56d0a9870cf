"""The question log follows Rasa's tracker store: each stored question is logged once.

Turns are saved through the project's own tracker store (addons/stores/cached_sql_store.py,
configured as `make run` configures it), on SQLite and PostgreSQL; the follower reads them back
and writes through the real spool and writer. Hostile rows go straight into Rasa's table.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    Event,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from addons.stores.cached_sql_store import CachedSQLTrackerStore
from core.db.database import session_factory
from core.db.models import MAX_TEXT_CHARS, Question
from core.db.rasa_events import rasa_events
from core.question_log.backfill import backfill
from core.question_log.follower import RECHECK_ROWS, StoreFollower
from core.question_log.spool import Spool
from core.question_log.writer import LogWriter
from tests.transcripts import sql_tracker_store


class Conversation:
    """One patient's conversation, saved a turn at a time as the Rasa server saves it."""

    def __init__(self, url: str, sender: str | None = None) -> None:
        self.store = sql_tracker_store(url, CachedSQLTrackerStore)
        self.tracker = DialogueStateTracker(sender or f"p-{uuid.uuid4().hex[:12]}", slots=[])

    def turn(self, *events: Event) -> None:
        for event in events:
            self.tracker.update(event)
        asyncio.run(self.store.save(self.tracker))

    def close(self) -> None:
        self.store.form_answers_sweep.set()
        self.store.engine.dispose()


def asked(text: str, intent: str, confidence: float = 0.9, **extra: Any) -> UserUttered:
    return UserUttered(
        text,
        intent={"name": intent, "confidence": confidence},
        parse_data={"intent": {"name": intent, "confidence": confidence}, "entities": []},
        input_channel=extra.pop("input_channel", "rest"),
        message_id=extra.pop("message_id", uuid.uuid4().hex),
        metadata={"model_id": "model-123"},
        **extra,
    )


def answer(action: str, text: str) -> list[Event]:
    return [ActionExecuted(action), BotUttered(text), ActionExecuted("action_listen")]


@pytest.fixture
def writer(database_url: str, tmp_path: Path) -> Any:
    writer = LogWriter(Spool(tmp_path / "spool"), database_url, interval=3600)
    yield writer
    writer.stop()


def logged(url: str, writer: LogWriter) -> list[Question]:
    assert writer.flush()
    with session_factory(url)() as session:
        return list(session.execute(select(Question).order_by(Question.id)).scalars())


def started(url: str) -> StoreFollower:
    follower = StoreFollower(url)
    follower.poll(None)  # the first poll only sets the mark
    return follower


def test_an_answered_question_is_logged_from_the_store(database_url: str, writer: Any) -> None:
    follower = started(database_url)
    talk = Conversation(database_url)
    talk.turn(
        asked("how long does it take? call me on 860-555-0123", "procedure_duration"),
        *answer("utter_procedure_duration", "The procedure usually takes 1-2 hours."),
    )
    assert follower.poll(writer) == 1
    [row] = logged(database_url, writer)
    assert row.conversation_id == talk.tracker.sender_id
    assert row.text == "how long does it take? call me on [phone removed]"
    assert (row.intent, row.outcome, row.channel) == ("procedure_duration", "answered", "rest")
    assert row.confidence == pytest.approx(0.9)
    assert row.response == "The procedure usually takes 1-2 hours."
    assert row.model_version == "model-123"
    assert follower.poll(writer) == 0  # nothing new, nothing twice
    talk.close()


@pytest.mark.parametrize(
    ("intent", "actions", "outcome"),
    [
        ("nlu_fallback", ["utter_fallback"], "fallback"),
        ("out_of_scope", ["utter_out_of_scope"], "out_of_scope"),
        ("emergency", ["utter_emergency"], "emergency"),
        ("contact", ["action_handoff"], "handoff"),
        ("not_covered", ["utter_not_covered", "action_handoff"], "handoff"),
        ("out_of_scope", ["utter_still_not_understood", "action_handoff"], "handoff"),
    ],
)
def test_outcomes(
    database_url: str, writer: Any, intent: str, actions: list[str], outcome: str
) -> None:
    follower = started(database_url)
    talk = Conversation(database_url)
    talk.turn(asked("something", intent), *[ActionExecuted(a) for a in actions])
    follower.poll(writer)
    [row] = logged(database_url, writer)
    assert row.outcome == outcome
    talk.close()


def test_greetings_are_not_questions_and_a_replayed_id_is_logged_once(
    database_url: str, writer: Any
) -> None:
    follower = started(database_url)
    talk = Conversation(database_url)
    talk.turn(asked("hello", "greet"), *answer("utter_greet", "Hello!"))
    talk.turn(asked("is it safe", "complications", message_id="same-id"))
    follower.poll(writer)
    talk.turn(asked("is it safe", "complications", message_id="same-id"))  # replayed
    other = Conversation(database_url)
    other.turn(asked("is it safe", "complications", message_id="same-id"))  # forged
    follower.poll(writer)
    assert [r.intent for r in logged(database_url, writer)] == ["complications"]
    talk.close()
    other.close()


def test_several_followers_and_a_restart_log_each_question_once(
    database_url: str, writer: Any
) -> None:
    """A cluster runs one follower per action server; a restart begins with a new one."""
    first, second = started(database_url), started(database_url)
    talks = [Conversation(database_url) for _ in range(3)]
    for n, talk in enumerate(talks):
        talk.turn(asked(f"question {n}", "complications"), *answer("utter_complications", "R"))
    assert first.poll(writer) == 3
    second.poll(writer)  # at the same moment: both submit, the log's key keeps one
    assert writer.flush()
    restarted = StoreFollower(database_url)
    restarted.mark = 0  # re-reads everything from the start: submits again, the key keeps one
    restarted.poll(writer)
    assert restarted.poll(writer) == 0  # and only once per process
    assert writer.flush()
    assert backfill(writer, database_url) == 0
    rows = logged(database_url, writer)
    assert sorted(r.text for r in rows) == ["question 0", "question 1", "question 2"]
    for talk in talks:
        talk.close()


def test_what_came_before_the_start_is_logged_once_with_the_back_fill(
    database_url: str, writer: Any
) -> None:
    """The start-up back-fill and the follower's look-back may both see a question."""
    talk = Conversation(database_url)
    talk.turn(asked("is it safe", "complications"), *answer("utter_complications", "Rare."))
    follower = started(database_url)
    talk.turn(asked("how long", "procedure_duration"), *answer("utter_procedure_duration", "1h"))
    follower.poll(writer)
    assert writer.flush()
    backfill(writer, database_url)
    assert sorted(r.intent for r in logged(database_url, writer)) == [
        "complications",
        "procedure_duration",
    ]
    talk.close()


def test_a_turn_committed_behind_the_mark_is_still_seen(database_url: str, writer: Any) -> None:
    """PostgreSQL can commit a lower row id after a higher one the follower already read."""
    follower = started(database_url)
    talk = Conversation(database_url)
    talk.turn(asked("first", "complications"), *answer("utter_complications", "Rare."))
    follower.poll(writer)
    late_id = follower.mark
    assert late_id is not None
    with session_factory(database_url).begin() as session:
        # Free ids just behind the mark, then the later commit's rows.
        session.execute(rasa_events.delete().where(rasa_events.c.id == late_id))
        session.execute(
            rasa_events.insert().values(
                id=late_id,
                sender_id="late",
                type_name="user",
                timestamp=time.time(),
                data=json.dumps(
                    {
                        "event": "user",
                        "text": "a late one",
                        "message_id": "late-1",
                        "parse_data": {"intent": {"name": "recovery", "confidence": 0.8}},
                    }
                ),
            )
        )
        session.execute(
            rasa_events.insert().values(
                sender_id="late", type_name="user", timestamp=time.time(), data="{}"
            )
        )
    assert RECHECK_ROWS > 1
    follower.poll(writer)
    assert "a late one" in [r.text for r in logged(database_url, writer)]
    talk.close()


def test_the_call_back_form_answers_are_not_questions(database_url: str, writer: Any) -> None:
    follower = started(database_url)
    talk = Conversation(database_url)
    talk.turn(
        asked("call me back please", "request_callback"),
        ActionExecuted("callback_form"),
        ActiveLoop("callback_form"),
        SlotSet("requested_slot", "callback_name"),
        BotUttered("What is your name?"),
        ActionExecuted("action_listen"),
    )
    talk.turn(
        asked("Yusuf Demirtas", "inform"),
        ActionExecuted("callback_form"),
        SlotSet("callback_name", "Yusuf Demirtas"),
        SlotSet("requested_slot", "callback_phone"),
        BotUttered("Your number?"),
        ActionExecuted("action_listen"),
    )
    follower.poll(writer)
    [row] = logged(database_url, writer)
    assert (row.intent, row.outcome) == ("request_callback", "handoff")
    assert "Yusuf" not in (row.response or "") + row.text
    talk.close()


def test_huge_and_hostile_messages_are_stored_safely(database_url: str, writer: Any) -> None:
    follower = started(database_url)
    talk = Conversation(database_url)
    huge = "<img src=x onerror=alert(1)>" + "é" * 10_000
    talk.turn(asked(huge, "nlu_fallback", 0.2), *answer("utter_fallback", "Sorry?"))
    follower.poll(writer)
    [row] = logged(database_url, writer)
    assert len(row.text) == MAX_TEXT_CHARS and row.text_truncated
    assert row.text.startswith("<img src=x onerror=alert(1)>")  # escaped when shown, not here
    talk.close()


def test_the_writer_keeps_following_after_a_failed_round(
    database_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A round that fails (the database away) is logged; the next round catches up."""
    follower = started(database_url)
    rounds: list[int] = []

    def follow(writer: LogWriter) -> int:
        rounds.append(1)
        if len(rounds) == 1:
            raise OperationalError("SELECT", {}, Exception("database is locked"))
        return follower.poll(writer)

    talk = Conversation(database_url)
    talk.turn(asked("is it safe", "complications"), *answer("utter_complications", "Rare."))
    writer = LogWriter(Spool(tmp_path / "spool"), database_url, interval=0.05, every_round=follow)
    with caplog.at_level(logging.WARNING):
        writer.start()
        deadline = time.monotonic() + 30
        while not logged(database_url, writer) and time.monotonic() < deadline:
            time.sleep(0.05)
    writer.stop()
    assert [r.text for r in logged(database_url, writer)] == ["is it safe"]
    assert "store not followed" in caplog.text
    talk.close()


# --- hostile rows ------------------------------------------------------------------------------

KEYS = ["event", "text", "parse_data", "input_channel", "metadata", "message_id", "timestamp",
        "intent", "name", "confidence", "model_id"]  # fmt: skip


def hostile_text() -> st.SearchStrategy[str]:
    alphabet = st.one_of(
        st.characters(exclude_categories=["Cs"]),
        st.sampled_from(["\ud800", "\udfff", "\x1b", "\u2028", "=", "\n"]),
    )
    short = st.text(alphabet, max_size=30)
    return st.one_of(short, st.builds(lambda p, n: p * n, short, st.integers(100, 2000)))


def hostile_row() -> st.SearchStrategy[Any]:
    leaves = st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(), hostile_text(),
        st.sampled_from(["user", "bot", "action", "complications", "same-id", "action_listen"]),
    )  # fmt: skip
    values = st.recursive(
        leaves,
        lambda c: st.one_of(
            st.lists(c, max_size=3), st.dictionaries(st.sampled_from(KEYS), c, max_size=6)
        ),
        max_leaves=15,
    )
    return st.one_of(hostile_text(), values)


def as_row(value: Any) -> str:
    """What a hostile client could make Rasa's table hold: any text (no NUL), any JSON."""
    text = value if isinstance(value, str) else json.dumps(value)
    return text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")


@settings(
    derandomize=True,
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=st.lists(hostile_row(), min_size=1, max_size=6), replay=st.booleans())
def test_hostile_rows_never_stop_the_follower_nor_make_duplicates(
    database_url: str, tmp_path: Path, rows: list[Any], replay: bool
) -> None:
    writer = LogWriter(Spool(tmp_path / f"spool-{uuid.uuid4().hex}"), database_url, interval=3600)
    follower = started(database_url)
    good = Conversation(database_url)
    good.turn(asked("is it safe", "complications"), *answer("utter_complications", "Rare."))
    bad = f"bad-{uuid.uuid4().hex}"
    now = time.time()
    with session_factory(database_url).begin() as session:
        for value in rows + ([{"event": "user", "message_id": "same-id", "text": "x",
                               "parse_data": {"intent": {"name": "complications"}}}] * 2
                             if replay else []):  # fmt: skip
            session.execute(
                rasa_events.insert().values(
                    sender_id=bad, type_name="user", timestamp=now, data=as_row(value)
                )
            )
    follower.poll(writer)
    follower.poll(writer)
    rows_logged = logged(database_url, writer)
    keys = [r.message_id for r in rows_logged]
    assert len(keys) == len(set(keys))
    assert good.tracker.sender_id in {r.conversation_id for r in rows_logged}
    assert writer.quarantine.count() == 0  # every entry fitted its columns
    good.close()
    writer.stop()
