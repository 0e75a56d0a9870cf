"""Round 23 (issue 21), helper r23c: the call-back form takes each answer for what it says.

The outside tester found: "call my daughter instead, Renee Fiorentino 570 555 0174" saved as
the name "call" (cb05); "I'd rather not say" and a phone number accepted as the name (cb26,
cb15); "sorry its John Sweeney" ignored (cb11); the name and number in the request asked for
again (cb30); "yes but call my son Darnell instead at ..." not understood (cb22); the home,
room and town in the time answer stored raw (cb21, cb33, cb35); call-backs asked for in
Spanish and Russian answered in English only (cb09, cb13)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.callback import (
    NAME_CORRECTED,
    NAME_NEEDED,
    PHONE_SAME,
    ValidateCallbackForm,
    name_field,
    time_field,
)
from actions.callback_details import refused_name
from actions.handoff import ActionHandoff
from core.vocabulary.callback_languages import CALLBACK_IN_ENGLISH_ONLY


def _tracker(slots: dict[str, Any] | None = None, text: str = "") -> Tracker:
    latest = {"text": text, "intent": {"name": "out_of_scope", "confidence": 0.9}}
    return Tracker("r23c", slots or {}, latest, [], False, None, {}, None)


def _validate(slot: str, typed: str, slots: dict[str, Any] | None = None) -> tuple[Any, list]:
    dispatcher = CollectingDispatcher()
    method = getattr(ValidateCallbackForm(), f"validate_{slot}")
    result = method(typed, dispatcher, _tracker(slots), {})
    return result, [m["text"] for m in dispatcher.messages]


# --- 1. cb05: the relative named after "instead", and the number in the same answer ---


@pytest.mark.parametrize(
    ("typed", "name", "phone"),
    [
        (
            "call my daughter instead, Renee Fiorentino 570 555 0174",
            "Renee Fiorentino (daughter)",
            "(570) 555-0174",
        ),
        ("please ring my son instead: Tom Reed, 617-555-0115", "Tom Reed (son)", "(617) 555-0115"),
        ("Mary Smith 860 555 0199", "Mary Smith", "(860) 555-0199"),
    ],
)
def test_a_name_answer_with_a_number_fills_both(typed: str, name: str, phone: str) -> None:
    result, said = _validate("callback_name", typed)
    assert result == {"callback_name": name, "callback_phone": phone}
    assert said and phone in said[0]


# --- 2. cb26 / cb15: a refusal, and a number alone, at the name question ---


@pytest.mark.parametrize(
    "typed",
    [
        "I'd rather not say",
        "rather not",
        "prefer not to say",
        "I don't want to give my name",
        "anonymous",
        "no",
    ],
)
def test_a_refused_name_is_explained_and_asked_again(typed: str) -> None:
    result, said = _validate("callback_name", typed)
    assert result == {"callback_name": None}
    assert said[0] == NAME_NEEDED and "To talk to a person" in said[1]


@pytest.mark.parametrize("typed", ["Rather Smith", "Nona Pryce", "Noelle", "Preferred Name Jo"])
def test_names_like_refusals_are_names(typed: str) -> None:
    assert not refused_name(typed)


@pytest.mark.parametrize("typed", ["570 555 0184", "my number is 570-555-0184", "(570) 555-0184"])
def test_a_number_at_the_name_question_is_the_phone(typed: str) -> None:
    result, said = _validate("callback_name", typed)
    assert result == {"callback_name": None, "callback_phone": "(570) 555-0184"}
    assert "(570) 555-0184" in said[0]


def test_the_same_number_again_at_the_time_question_changes_nothing() -> None:
    result, said = _validate("callback_time", "570 555 0184", {"callback_phone": "(570) 555-0184"})
    assert result == {"callback_phone": "(570) 555-0184", "callback_time": None}
    assert said == [PHONE_SAME.format(callback_phone="(570) 555-0184")]


# --- 3. cb11: a name corrected at a later question ---


@pytest.mark.parametrize(
    ("slot", "typed", "name"),
    [
        ("callback_phone", "sorry its John Sweeney", "John Sweeney"),
        ("callback_phone", "oops, I meant Jonathan", "Jonathan"),
        ("callback_phone", "correction: my name is john sweeney", "john sweeney"),
        ("callback_time", "sorry, it's John Sweeney", "John Sweeney"),
    ],
)
def test_a_name_correction_replaces_the_name(slot: str, typed: str, name: str) -> None:
    result, said = _validate(slot, typed, {"callback_name": "Jon"})
    assert result == {"callback_name": name, slot: None}
    assert said == [NAME_CORRECTED.format(callback_name=name)]


@pytest.mark.parametrize(
    "typed", ["sorry its fine", "sorry I don't have one", "actually Tuesday", "sorry, mornings"]
)
def test_no_name_in_an_ordinary_sorry(typed: str) -> None:
    result, _ = _validate("callback_time", typed)
    assert "callback_name" not in result


# --- 4. cb30: the details given in the request fill the form ---


def _run(slots: dict[str, Any], text: str, intent: str) -> tuple[list[str], list[Any]]:
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}}
    events = [{"event": "user", "text": text, "parse_data": latest}]
    tracker = Tracker("r23c", slots, latest, events, False, None, {"name": "callback_form"}, None)
    dispatcher = CollectingDispatcher()
    found = asyncio.run(ValidateCallbackForm().run(dispatcher, tracker, {"forms": {}}))
    return [m["text"] for m in dispatcher.messages], found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hi my name is Clementine Osei please call me at 570 555 0121",
            {"callback_name": "Clementine Osei", "callback_phone": "(570) 555-0121"},
        ),
        ("This is Walt Zielinski, can someone call me back", {"callback_name": "Walt Zielinski"}),
        ("please call me back on 860-555-0199", {"callback_phone": "(860) 555-0199"}),
    ],
)
def test_details_in_the_request_fill_the_form(text: str, expected: dict[str, str]) -> None:
    said, events = _run({}, text, "request_callback")
    assert [e for e in events if e["name"] in expected] == [
        SlotSet(slot, value) for slot, value in expected.items()
    ]
    assert said and all(value in said[0] for value in expected.values())


@pytest.mark.parametrize("text", ["i'm worried, can someone call me", "call me back please"])
def test_a_plain_request_fills_nothing(text: str) -> None:
    assert _run({}, text, "request_callback") == ([], [])


# --- 5. cb22: a yes with a change at the consent question ---


@pytest.mark.parametrize("intent", ["affirm", "out_of_scope"])
def test_a_yes_with_a_change_takes_it_and_asks_again(intent: str) -> None:
    slots = {
        "requested_slot": "callback_consent",
        "callback_name": "Milo Hrabowski",
        "callback_phone": "(570) 555-0194",
        "callback_consent": True if intent == "affirm" else None,
    }
    said, events = _run(slots, "yes but call my son Darnell instead at 570 555 0195", intent)
    assert SlotSet("callback_name", "Darnell (son)") in events
    assert SlotSet("callback_phone", "(570) 555-0195") in events
    assert events[-1] == SlotSet("callback_consent", None)
    assert "Darnell (son)" in said[0] and "(570) 555-0195" in said[0]


# --- 6. cb21 / cb33 / cb35: where the patient is, in the time answer ---


@pytest.mark.parametrize(
    ("typed", "gone", "kept"),
    [
        (
            "mornings at the nursing home, Willowbrook Manor room 12",
            ["Willowbrook", "room 12"],
            "mornings",
        ),
        ("after 5, im at my daughter carla's in moosic", ["carla", "moosic"], "after 5"),
        ("mornings, room 2W-14 at Saint Mary's", ["2W-14", "Mary"], "mornings"),
        (
            "after my dialysis at the Fresenius in Dunmore on tuesdays",
            ["Fresenius", "Dunmore"],
            "on tuesdays",
        ),
        ("evenings, staying with my sister in Old Forge", ["Old Forge", "sister"], "evenings"),
    ],
)
def test_places_in_the_time_answer_are_masked(typed: str, gone: list[str], kept: str) -> None:
    stored = time_field(typed)
    assert stored is not None and kept in stored
    assert not [value for value in gone if value.lower() in stored.lower()]


@pytest.mark.parametrize(
    "typed",
    [
        "weekday mornings",
        "after 5 at home",
        "at 3pm",
        "in the afternoon",
        "any time in june",
        "mornings before 11 at the latest",
        "after lunch",
        "at any time",
        "afternoons in the week",
        "evenings at work is fine",
        "por la tarde",
    ],
)
def test_ordinary_time_answers_stay_unchanged(typed: str) -> None:
    assert time_field(typed) == typed


# --- 7. cb09 / cb13: a call-back asked for in another language ---


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("перезвоните мне, пожалуйста", "ru"),
        ("que me llamen por favor", "es"),
        ("por favor llámenme", "es"),
        ("me liguem por favor", "pt"),
        ("proszę oddzwonić", "pl"),
    ],
)
def test_a_call_back_in_another_language_is_answered_in_it(text: str, language: str) -> None:
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionHandoff().run(dispatcher, _tracker(text=text), {}))
    said = [m["text"] for m in dispatcher.messages]
    assert said[0] == CALLBACK_IN_ENGLISH_ONLY[language] and len(said) == 2


@pytest.mark.parametrize("text", ["call me back", "what is a llama", "me llamo Ana", "hello"])
def test_other_messages_get_the_hand_off_alone(text: str) -> None:
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionHandoff().run(dispatcher, _tracker(text=text), {}))
    assert len(dispatcher.messages) == 1


def test_the_stored_name_keeps_the_relative_as_asked() -> None:
    assert name_field("Renee Fiorentino (daughter)") == "Renee Fiorentino (daughter)"
