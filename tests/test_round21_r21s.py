"""Round 21 (helper r21s): the safety net and the call-back form as a patient meets them.

An outside tester found: false emergency alarms on names and an address (mixed-015,
callback-012); the call-back form dropped silently by the emergency message; phone answers
with an extension, two numbers or a note refused; no way to withdraw a request just sent;
"Is the Dr. on call at night?" cut at "Dr." into two questions.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions import runtime
from actions.callback import (
    FIRST_NUMBER_TAKEN,
    INTERRUPTED,
    REQUEST_KEY_SLOT,
    ActionCancelCallback,
    ActionSubmitCallback,
    ValidateCallbackForm,
    normalise_phone,
)
from actions.callback_withdrawal import NOTHING_SENT, WITHDRAWN, ActionWithdrawCallback
from addons.cleaning.questions import compound_parts, sentences
from addons.safety.red_flags import EMERGENCY_INTENT, assess, lower_model_only
from core.db.database import session_factory
from core.db.models import CALLBACK_STATUSES, CallbackRequest
from core.vocabulary.buttons import CALLBACK_BUTTON
from tests.servers import Assistant
from tests.stored import callback_requests_of, questions_of, wait_for

# --- 1. names and places are not symptoms ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mornings, I'm at 42 Penny Lane apt 3",  # callback-012
        "afternoons, we're at 40 Maple Avenue",
        "she is 39 Elm St, the blue house",
        "I'm at 41, apt 2",
    ],
)
def test_a_house_number_is_no_temperature(text: str) -> None:
    assert assess(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "I'm at 39 and shivering",
        "I have 39 and the dr said wait",
        "the thermometer says 38.7",
        "temp is at 40 since last night",
    ],
)
def test_a_temperature_reading_still_is_a_report(text: str) -> None:
    finding = assess(text)
    assert finding is not None and finding.report and finding.flag == "fever_or_infected_site"


def _model_said_emergency(text: str) -> Message:
    message = Message({TEXT: text})
    ranking = [
        {INTENT_NAME_KEY: EMERGENCY_INTENT, "confidence": 0.64},
        {INTENT_NAME_KEY: "not_covered", "confidence": 0.2},
    ]
    message.set(INTENT, dict(ranking[0]))
    message.set(INTENT_RANKING_KEY, ranking)
    return message


@pytest.mark.parametrize(
    "text",
    [
        "wife is Joy, my name is Cliff and we're from Brattleboro",  # mixed-015
        "my name is Dawn and we live in Springfield",
        "Hi, my husband's name is Frank, we're from Lodi",
        "my son is Will and he lives near Hope",
    ],
)
def test_introductions_alone_do_not_keep_the_models_emergency(text: str) -> None:
    message = _model_said_emergency(text)
    lower_model_only(message)
    assert message.get(INTENT)[INTENT_NAME_KEY] != EMERGENCY_INTENT


@pytest.mark.parametrize(
    "text",
    [
        "my name is Cliff and my husband is in pain",
        "my wife is Joy and she fell",
        "my name is Cliff, help",
        "we're from Brattleboro and he is not waking",
    ],
)
def test_a_symptom_with_an_introduction_keeps_the_models_emergency(text: str) -> None:
    message = _model_said_emergency(text)
    lower_model_only(message)
    assert message.get(INTENT)[INTENT_NAME_KEY] == EMERGENCY_INTENT


# --- 3. phone answers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("608-555-0178 ext 4", "(608) 555-0178 ext. 4"),
        ("608 555 0178 extension 12", "(608) 555-0178 ext. 12"),
        ("(608) 555-0178 x 4", "(608) 555-0178 ext. 4"),
        ("cell 608 555 0179 or home 608 555 0180", "(608) 555-0179"),
        ("my number is 312-555-0183, call before 10", "(312) 555-0183"),
        ("860.555.0123 but not after 5", "(860) 555-0123"),
        ("my number is 860 555 0191, or my neighbour Zoran on 860 555 0192", "(860) 555-0191"),
    ],
)
def test_a_phone_answer_with_more_than_the_number_is_taken(typed: str, stored: str) -> None:
    assert normalise_phone(typed) == stored
    assert normalise_phone(stored) == stored  # the submission checks it again


@pytest.mark.parametrize(
    "typed",
    ["MRN 1234567 and 7654321", "my number is 608 555 and then 0137", "860-555-0123 ext"],
)
def test_no_full_number_is_still_refused(typed: str) -> None:
    assert normalise_phone(typed) is None


# --- 2. and 4. the form interrupted, a request withdrawn -------------------------------------


def _user(text: str, intent: str) -> dict[str, Any]:
    return {
        "event": "user",
        "timestamp": time.time(),
        "text": text,
        "parse_data": {"intent": {"name": intent, "confidence": 1.0}, "entities": [], "text": text},
    }


def _tracker(events: list[dict[str, Any]], slots: dict[str, Any] | None = None) -> Tracker:
    latest: dict[str, Any] = next(
        (e["parse_data"] for e in reversed(events) if e["event"] == "user"), {}
    )
    return Tracker("patient-21", slots or {}, latest, events, False, None, {}, None)


def _run(action: Any, tracker: Tracker) -> tuple[list[dict[str, Any]], list[Any]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return dispatcher.messages, events


def test_an_emergency_in_the_form_says_the_request_was_not_sent(action_env: str) -> None:
    messages, _ = _run(ActionCancelCallback(), _tracker([_user("chest pain", "emergency")]))
    assert messages[0]["text"] == INTERRUPTED and "NOT been sent" in INTERRUPTED
    assert messages[0]["buttons"] == [CALLBACK_BUTTON]
    assert "911" in messages[1]["text"]  # the department's contact text


def test_withdrawing_with_nothing_sent_says_so(action_env: str) -> None:
    messages, _ = _run(ActionWithdrawCallback(), _tracker([_user("no", "deny")]))
    assert [m["text"] for m in messages] == [NOTHING_SENT]


def _form_run(consent: bool) -> list[dict[str, Any]]:
    slots = {
        "callback_name": "Doris Finkelstein",
        "callback_phone": "(312) 555-0184",
        "callback_time": "mornings",
        "callback_consent": consent,
    }
    return [
        {"event": "active_loop", "name": "callback_form"},
        *({"event": "slot", "name": k, "value": v} for k, v in slots.items()),
        {"event": "action", "name": "callback_form"},
        {"event": "active_loop", "name": None},
    ]


def test_a_request_just_sent_is_withdrawn(action_env: str) -> None:
    events = _form_run(True)
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    _, set_by_submit = _run(ActionSubmitCallback(), _tracker(events, slots))
    key = next(e["value"] for e in set_by_submit if e["name"] == REQUEST_KEY_SLOT)
    assert key
    messages, _ = _run(
        ActionWithdrawCallback(), _tracker([_user("cancel", "stop")], {REQUEST_KEY_SLOT: key})
    )
    assert messages[0]["text"] == WITHDRAWN
    with session_factory(action_env)() as session:
        row = session.execute(select(CallbackRequest)).scalar_one()
    assert (row.status, row.updated_by) == ("withdrawn", "patient")
    assert "withdrawn" in CALLBACK_STATUSES  # the staff console can show and set it
    runtime.log_writer().flush()


# --- 5. abbreviations do not end a sentence ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Is the Dr. on call at night?",  # ordinary-058
        "Can Mrs. Jones come with me to the room?",
        "Is St. Mary's the hospital where it is done?",
        "Do I arrive at 7 a.m. or later for the procedure?",
        "Do I bring my meds, e.g. the blood thinners, on the day?",
    ],
)
def test_an_abbreviation_does_not_cut_a_question(text: str) -> None:
    assert sentences(text) == [text]
    assert compound_parts(text) == [text]


def test_real_sentence_ends_still_split() -> None:
    assert sentences("I saw Dr. Smith. Is it safe?") == ["I saw Dr. Smith.", "Is it safe?"]
    assert sentences("Is it at 7 a.m. Is that too early?") == [
        "Is it at 7 a.m.",
        "Is that too early?",
    ]


# --- end to end, over REST ---------------------------------------------------------------------

pytest_e2e = pytest.mark.e2e


def _said(assistant: Assistant, sender: str, text: str) -> list[str]:
    return [" ".join(t.split()) for t in assistant.texts(sender, text)]


@pytest_e2e
def test_over_rest_an_address_in_the_form_is_no_emergency_and_cancel_withdraws(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    sender = f"r21s-{uuid.uuid4().hex}"
    _said(assistant, sender, "Can someone call me back?")
    _said(assistant, sender, "Doris Finkelstein")
    _said(assistant, sender, "608-555-0178 ext 4")
    consent = _said(assistant, sender, "mornings, I'm at 42 Penny Lane apt 3")
    assert domain_texts["utter_emergency"] not in consent
    assert "(608) 555-0178 ext. 4" in consent[-1]
    assert "Thank you" in _said(assistant, sender, "/affirm")[-1]
    assert _said(assistant, sender, "cancel")[-1] == WITHDRAWN
    [request] = wait_for(
        lambda: [r for r in callback_requests_of(assistant, sender) if r.status != "new"]
    )
    assert request.status == "withdrawn"


@pytest_e2e
def test_over_rest_an_emergency_in_the_form_says_nothing_was_sent(
    assistant: Assistant, domain_texts: dict[str, str]
) -> None:
    sender = f"r21s-{uuid.uuid4().hex}"
    _said(assistant, sender, "please call me back")
    texts = _said(assistant, sender, "I can't feel my legs")
    assert texts[0] == domain_texts["utter_emergency"]
    assert " ".join(INTERRUPTED.split()) in texts


@pytest_e2e
def test_over_rest_the_dr_question_is_one_question(assistant: Assistant) -> None:
    sender = f"r21s-{uuid.uuid4().hex}"
    _said(assistant, sender, "Is the Dr. on call at night?")
    rows = wait_for(lambda: questions_of(assistant, sender))
    assert [r.text for r in rows] == ["Is the Dr. on call at night?"]


def test_the_form_says_which_of_two_numbers_it_took() -> None:
    dispatcher = CollectingDispatcher()
    result = ValidateCallbackForm().validate_callback_phone(
        "cell 608 555 0179 or home 608 555 0180", dispatcher, _tracker([]), {}
    )
    assert result == {"callback_phone": "(608) 555-0179"}
    assert [m["text"] for m in dispatcher.messages] == [
        FIRST_NUMBER_TAKEN.format(callback_phone="(608) 555-0179")
    ]
