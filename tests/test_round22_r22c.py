"""Round 22 (issue 21), helper r22c: the call-back form's stored data staff need.

The outside tester found: an incomplete number stored as the phone and its correction stored
as the time (callback-289); "mornings" at the consent question answered by the greeting;
the name field holding sentences ("call my daughter instead, her name is [name removed]",
"mcintyre, [name removed]", "Tobias Grint, MRN [ID removed]", "name is Clementine ...")."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.callback import (
    CONSENT_REASK,
    INCOMPLETE_PHONE,
    PHONE_CORRECTED,
    SUBMITTED_FOR_SOMEONE,
    ValidateCallbackForm,
    name_field,
    normalise_phone,
)
from actions.callback_answers import for_someone_else


@pytest.mark.parametrize(
    "typed", ["617-555-01", "(617) 555-012", "my number is 617 555 01", "1-617-555-01"]
)
def test_an_incomplete_number_is_refused_as_incomplete(typed: str) -> None:
    assert normalise_phone(typed) is None
    dispatcher = CollectingDispatcher()
    tracker = Tracker("r22c", {}, {}, [], False, None, {}, None)
    result = ValidateCallbackForm().validate_callback_phone(typed, dispatcher, tracker, {})
    assert result == {"callback_phone": None}
    assert [m["text"] for m in dispatcher.messages] == [INCOMPLETE_PHONE]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("617 555 0115", "(617) 555-0115"),
        # Round 28: "555 0199" (no area code) and "07700 900123" (no + and country code) are
        # refused, with what they lack (tests/test_round28_r28c.py).
        ("+44 7700 900123", "+44 7700 900123"),
    ],
)
def test_whole_numbers_stay_accepted(typed: str, stored: str) -> None:
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "sorry, 617-555-0115",  # callback-289
        "I mean 617 555 0115",
        "wrong number, it's (617) 555-0115",
        "oops should be 617.555.0115",
        "617-555-0115",
    ],
)
def test_a_corrected_number_at_the_time_question_replaces_the_phone(typed: str) -> None:
    dispatcher = CollectingDispatcher()
    tracker = Tracker("r22c", {}, {}, [], False, None, {}, None)
    result = ValidateCallbackForm().validate_callback_time(typed, dispatcher, tracker, {})
    assert result == {"callback_phone": "(617) 555-0115", "callback_time": None}
    assert [m["text"] for m in dispatcher.messages] == [
        PHONE_CORRECTED.format(callback_phone="(617) 555-0115")
    ]


@pytest.mark.parametrize(
    "typed", ["weekday mornings", "after 5, or ring my son on 617-555-0115", "any time"]
)
def test_a_time_answer_stays_the_time(typed: str) -> None:
    tracker = Tracker("r22c", {}, {}, [], False, None, {}, None)
    result = ValidateCallbackForm().validate_callback_time(
        typed, CollectingDispatcher(), tracker, {}
    )
    assert set(result) == {"callback_time"} and result["callback_time"]
    assert "0115" not in result["callback_time"]


def _at_consent(text: str, intent: str) -> tuple[list[str], list[Any]]:
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}}
    slots = {"requested_slot": "callback_consent", "callback_phone": "(617) 555-0101"}
    events = [{"event": "user", "text": text, "parse_data": latest}]
    tracker = Tracker("r22c", slots, latest, events, False, None, {"name": "callback_form"}, None)
    dispatcher = CollectingDispatcher()
    found = asyncio.run(ValidateCallbackForm().run(dispatcher, tracker, {"forms": {}}))
    return [m["text"] for m in dispatcher.messages], found


def test_mornings_at_the_consent_question_is_asked_again_plainly() -> None:
    said, events = _at_consent("mornings", "greet")
    assert said == [CONSENT_REASK]
    assert SlotSet("callback_consent", None) in events


def test_a_corrected_number_at_the_consent_question_replaces_the_phone() -> None:
    said, events = _at_consent("sorry, 617-555-0115", "out_of_scope")
    assert said == [PHONE_CORRECTED.format(callback_phone="(617) 555-0115")]
    assert SlotSet("callback_phone", "(617) 555-0115") in events


@pytest.mark.parametrize("intent", ["stop", "emergency", "recovery"])
def test_stop_emergency_and_questions_at_consent_are_handed_on(intent: str) -> None:
    assert _at_consent("what now", intent) == ([], [])


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("call my daughter instead, her name is Lisa Grantham", "Lisa Grantham (daughter)"),
        ("please ask for my son, his name's Tom Reed", "Tom Reed (son)"),
        ("my wife Mary Smith", "Mary Smith (wife)"),
        ("mcintyre, agnes", "mcintyre, agnes"),  # callback-279
        ("o'brien, mary ann", "o'brien, mary ann"),
        ("Tobias Grint, MRN 4471903", "Tobias Grint"),  # callback-412/413
        ("Leokadia Zielinska medicare 4412345678 dob 3/4/1941", "Leokadia Zielinska"),
        ("name is Clementine Oyelaran-Brooks", "Clementine Oyelaran-Brooks"),  # callback-290
        ("Mary Smith and my husband Tadeusz Wolski", "Mary Smith"),
    ],
)
def test_the_name_field_holds_whom_to_ask_for(typed: str, stored: str) -> None:
    assert name_field(typed) == stored


@pytest.mark.parametrize("typed", ["Mary Smith", "SMITH, MARY", "Anne-Marie O'Neill"])
def test_plain_names_stay_as_typed(typed: str) -> None:
    assert name_field(typed) == typed


def test_the_thank_you_for_a_relative_says_whom_the_team_asks_for() -> None:
    assert for_someone_else("Lisa Grantham (daughter)")
    assert not for_someone_else("Mary Smith")
    text = SUBMITTED_FOR_SOMEONE.format(
        callback_name="Lisa Grantham (daughter)",
        callback_phone="(617) 555-0115",
        callback_time="mornings",
    )
    assert "ask for Lisa Grantham (daughter)" in text
