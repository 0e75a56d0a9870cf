"""Each custom action, run with real rasa-sdk trackers against a real database."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions import runtime
from actions.callback import (
    ActionAskCallbackConsent,
    ActionCancelCallback,
    ActionSubmitCallback,
    ValidateCallbackForm,
    normalise_phone,
)
from actions.contact import ContactDetails, handoff_text, load_contact_details
from actions.handoff import ActionHandoff
from actions.log_question import ActionLogQuestion
from actions.storage.database import session_factory
from actions.storage.models import MAX_TEXT_CHARS, CallbackRequest, Question


def user_event(text: str, intent: str, confidence: float = 0.9, **extra: Any) -> dict[str, Any]:
    """A user event as Rasa sends it to the action server."""
    return {
        "event": "user",
        "timestamp": time.time(),
        "text": text,
        "message_id": extra.pop("message_id", f"m-{time.time_ns()}"),
        "input_channel": "rest",
        "metadata": {"model_id": "model-123"},
        "parse_data": {
            "intent": {"name": intent, "confidence": confidence},
            "entities": [],
            "text": text,
        },
        **extra,
    }


def make_tracker(events: list[dict[str, Any]], slots: dict[str, Any] | None = None) -> Tracker:
    latest: dict[str, Any] = next(
        (e["parse_data"] for e in reversed(events) if e["event"] == "user"), {}
    )
    return Tracker(
        sender_id="patient-7",
        slots=slots or {},
        latest_message=latest,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name=None,
    )


def run(action: Any, tracker: Tracker) -> tuple[list[dict[str, Any]], list[Any]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return dispatcher.messages, events


def stored_questions(url: str) -> list[Question]:
    assert runtime.log_writer().flush()
    with session_factory(url)() as session:
        return list(session.execute(select(Question).order_by(Question.id)).scalars())


def test_log_question_records_an_answered_question(action_env: str) -> None:
    tracker = make_tracker(
        [
            user_event("how long does it take? call me on 860-555-0123", "procedure_duration"),
            {"event": "bot", "text": "The procedure usually takes 1-2 hours."},
            {"event": "action", "name": "utter_procedure_duration"},
        ]
    )
    messages, events = run(ActionLogQuestion(), tracker)
    assert messages == [] and events == []
    [row] = stored_questions(action_env)
    assert row.conversation_id == "patient-7"
    assert row.text == "how long does it take? call me on [phone removed]"
    assert (row.intent, row.outcome, row.channel) == ("procedure_duration", "answered", "rest")
    assert row.confidence == pytest.approx(0.9)
    assert row.response == "The procedure usually takes 1-2 hours."
    assert row.model_version == "model-123"


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
def test_log_question_outcomes(
    action_env: str, intent: str, actions: list[str], outcome: str
) -> None:
    events = [user_event("something", intent)] + [{"event": "action", "name": a} for a in actions]
    run(ActionLogQuestion(), make_tracker(events))
    [row] = stored_questions(action_env)
    assert row.outcome == outcome


def test_greetings_are_not_questions_and_each_message_is_logged_once(action_env: str) -> None:
    run(ActionLogQuestion(), make_tracker([user_event("hello", "greet")]))
    asked = user_event("is it safe", "complications", message_id="same-id")
    run(ActionLogQuestion(), make_tracker([asked]))
    run(ActionLogQuestion(), make_tracker([asked]))
    rows = stored_questions(action_env)
    assert [r.intent for r in rows] == ["complications"]


def test_huge_and_hostile_messages_are_stored_safely(action_env: str) -> None:
    huge = "<img src=x onerror=alert(1)>" + "é" * 10_000
    run(ActionLogQuestion(), make_tracker([user_event(huge, "nlu_fallback", 0.2)]))
    [row] = stored_questions(action_env)
    assert len(row.text) == MAX_TEXT_CHARS and row.text_truncated
    assert row.text.startswith("<img src=x onerror=alert(1)>")  # escaped when shown, not here


def test_logging_with_the_database_down_keeps_the_entry(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'missing' / 'x' / 'none.db'}")
    monkeypatch.setenv("SPOOL_DIR", str(tmp_path / "spool"))
    runtime.log_writer.cache_clear()
    try:
        messages, events = run(
            ActionLogQuestion(), make_tracker([user_event("is it safe", "complications")])
        )
        assert messages == [] and events == []
        assert not runtime.log_writer().flush()
        assert runtime.log_writer().spool.pending_count() == 1
    finally:
        runtime.log_writer().stop()
        runtime.log_writer.cache_clear()


def test_handoff_shows_only_configured_details(tmp_path: Path) -> None:
    assert "Phone:" not in handoff_text(ContactDetails(department="IR"))
    assert "Contact Us page" in handoff_text(ContactDetails(department="IR"))
    full = ContactDetails(
        "IR, Bristol", "(860) 555-0100", "Mon-Fri 8-4", "Brewster Rd", "https://x"
    )
    text = handoff_text(full)
    for value in ("(860) 555-0100", "Mon-Fri 8-4", "Brewster Rd", "https://x", "911"):
        assert value in text
    assert "Contact Us page" not in text


def test_missing_contact_details_are_reported_at_start_up(
    tmp_path: Path, monkeypatch, caplog
) -> None:
    config = tmp_path / "contact.yml"
    config.write_text('department: "IR"\nphone: ""\nopening_hours: "9-5"\n')
    monkeypatch.setenv("CONTACT_CONFIG", str(config))
    runtime.contact_details.cache_clear()
    with caplog.at_level(logging.WARNING):
        details = runtime.contact_details()
    runtime.contact_details.cache_clear()
    assert details == load_contact_details(config)
    assert "phone, address, web_page" in caplog.text


def test_handoff_action_offers_a_call_back(action_env: str) -> None:
    messages, _ = run(ActionHandoff(), make_tracker([user_event("a person please", "contact")]))
    assert "interventional radiology" in messages[0]["text"].lower()
    assert messages[0]["buttons"] == [
        {"title": "Request a call back", "payload": "/request_callback"}
    ]


@pytest.mark.parametrize(
    ("typed", "ok"),
    [
        ("(860) 555-0123", True),
        ("+1 860 555 0123", True),
        ("8605550123", True),
        ("555-01", False),
        ("call me", False),
        ("860-555-0123 ext", False),
        ("1" * 20, False),
    ],
)
def test_phone_validation(typed: str, ok: bool) -> None:
    assert (normalise_phone(typed) is not None) is ok
    dispatcher = CollectingDispatcher()
    result = ValidateCallbackForm().validate_callback_phone(typed, dispatcher, make_tracker([]), {})
    assert (result["callback_phone"] is not None) is ok
    assert bool(dispatcher.messages) is not ok  # a bad number is asked again, with an example
    if not ok:
        assert "for example" in dispatcher.messages[0]["text"]


def test_consent_question_names_the_number(action_env: str) -> None:
    tracker = make_tracker([], slots={"callback_phone": "(860) 555-0123"})
    messages, _ = run(ActionAskCallbackConsent(), tracker)
    assert "(860) 555-0123" in messages[0]["text"]
    assert {b["payload"] for b in messages[0]["buttons"]} == {"/affirm", "/deny"}


def callback_slots(consent: bool) -> dict[str, Any]:
    return {
        "callback_name": "Mary Smith",
        "callback_phone": "(860) 555-0123",
        "callback_time": "weekday mornings",
        "callback_consent": consent,
    }


def test_submitted_callback_is_stored_as_new(action_env: str) -> None:
    tracker = make_tracker([user_event("yes", "affirm")], slots=callback_slots(True))
    messages, events = run(ActionSubmitCallback(), tracker)
    assert "Mary Smith" in messages[0]["text"]
    assert SlotSet("callback_phone", None) in events
    assert runtime.log_writer().flush()
    with session_factory(action_env)() as session:
        [row] = session.execute(select(CallbackRequest)).scalars()
    assert (row.name, row.phone, row.preferred_time) == (
        "Mary Smith",
        "(860) 555-0123",
        "weekday mornings",
    )
    assert row.status == "new" and row.consent is True and row.conversation_id == "patient-7"


def test_no_consent_stores_nothing(action_env: str) -> None:
    tracker = make_tracker([user_event("no", "deny")], slots=callback_slots(False))
    messages, _ = run(ActionSubmitCallback(), tracker)
    assert "won't call" in messages[0]["text"]
    assert runtime.log_writer().flush()
    with session_factory(action_env)() as session:
        assert list(session.execute(select(CallbackRequest)).scalars()) == []


def test_cancel_clears_the_form_quietly_after_an_emergency(action_env: str) -> None:
    messages, events = run(ActionCancelCallback(), make_tracker([user_event("cancel", "stop")]))
    assert "cancelled" in messages[0]["text"]
    assert {e["name"] for e in events} == set(callback_slots(True))
    messages, _ = run(ActionCancelCallback(), make_tracker([user_event("chest pain", "emergency")]))
    assert messages == []
