"""Upgrading: what an older version stored raw is redacted by `make redact-stored`.

The old transcripts were written by Rasa's stock SQL tracker store (no redaction); the run
rewrites them as the tracker store now writes them, leaves `callback_requests` alone, and a
second run changes nothing.
"""

from __future__ import annotations

import json

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, Event, UserUttered
from sqlalchemy import select

from core.db.database import session_factory
from core.db.models import Question
from core.db.rasa_events import rasa_events
from core.privacy.redact_stored import redact_stored
from tests.test_actions import callback_slots, form_run
from tests.test_staff_console import add_question
from tests.transcripts import save_transcript


def stored_texts(url: str) -> str:
    with session_factory(url)() as session:
        return "\n".join(session.execute(select(rasa_events.c.data)).scalars())


def test_old_raw_transcripts_and_questions_are_redacted_once(database_url: str) -> None:
    raw: list[Event] = [
        ActionExecuted("action_listen"),
        UserUttered("call 860-555-0199 or a@b.org", intent={"name": "contact"}),
    ]
    save_transcript(database_url, "c-old", raw)
    form = [Event.from_parameters(e) for e in form_run(callback_slots(True))]
    save_transcript(database_url, "c-form", [e for e in form if e is not None])
    add_question(database_url, text="my email is a@b.org")
    assert "555-0199" in stored_texts(database_url) and "Mary Smith" in stored_texts(database_url)

    first = redact_stored(database_url)
    text = stored_texts(database_url)
    assert "555-0199" not in text and "a@b.org" not in text and "Mary Smith" not in text
    assert (first.conversations, first.questions) == (2, 1)
    assert first.transcript_events >= 4
    again = redact_stored(database_url)
    assert (again.transcript_events, again.questions, again.audit_rows) == (0, 0, 0)
    with session_factory(database_url)() as session:
        [user] = session.execute(
            select(rasa_events.c.data)
            .where(rasa_events.c.sender_id == "c-old")
            .where(rasa_events.c.type_name == "user")
        ).scalars()
    assert json.loads(user)["text"] == "call [phone removed] or [email removed]"
    assert SQLTrackerStore is not None


def test_identifiers_of_issue_21_already_stored_are_redacted(database_url: str) -> None:
    """Names, Medicare numbers, member ids and addresses stored before issue 21 go too."""
    raw = [
        ActionExecuted("action_listen"),
        UserUttered("Hi, I'm Margaret Olsen, 81. Medicare 1EG4-TE5-MK73", intent={"name": "x"}),
    ]
    save_transcript(database_url, "c-ids", raw)
    add_question(database_url, text="my husband Frank Dale-Moreno, member id W123456789")
    add_question(database_url, text="I live at 42 Maple Street, Hartford, CT 06105")

    result = redact_stored(database_url)
    with session_factory(database_url)() as session:
        questions = " ".join(session.execute(select(Question.text)).scalars())
    stored = stored_texts(database_url) + questions
    for raw_value in ("Olsen", "MK73", "Dale-Moreno", "W123456789", "Maple", "06105"):
        assert raw_value not in stored
    assert (result.conversations, result.questions) == (1, 2)
    assert redact_stored(database_url).questions == 0
