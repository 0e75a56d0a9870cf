"""Round 25 (issue 21), helper r25c: the call-back form's name answer is read once.

The outside tester found the wrong part stored as the name to ask for in 8 of 24 forms
("sorry I meant ...", "no wait, my son ...", "I'm the patient, ...", "Dr Okafor's patient
...", "what about my mom ...") and two real names refused ("It's for my mother, please ask
for Henrietta Vance", "Will"); a consent with a change ignored live (cb15: the form read the
classifiers' text, names and numbers taken out); round 24's "cancel" after a name stored as a
name, a change at the time question followed by "yes" stored as the time, and the name "Will"
masking the bot's "who will call"."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.callback import (
    CHANGED_AT_CONSENT,
    EARLIER_NAME_TAKEN,
    NO_NAME_FOUND,
    PATIENT_NAME_NEEDED,
    TIME_NEEDED,
    ValidateCallbackForm,
)
from actions.callback_name import read_name_answer
from core.privacy.transcripts import stored_events
from tests.servers import Assistant
from tests.stored import callback_requests_of, wait_for


def _user(text: str, intent: str = "out_of_scope", parsed: str | None = None) -> dict[str, Any]:
    parse = {"text": parsed if parsed is not None else text, "intent": {"name": intent}}
    return {"event": "user", "text": text, "parse_data": parse}


def _tracker(
    text: str, slots: dict[str, Any] | None = None, earlier: tuple[str, ...] = (), **kw: Any
) -> Tracker:
    events = [_user(said) for said in earlier] + [_user(text, **kw)]
    latest = events[-1]["parse_data"]
    form = {"name": "callback_form"}
    return Tracker("r25c", slots or {}, latest, events, False, None, form, None)


def _validate(
    slot: str, typed: str, slots: dict[str, Any] | None = None, earlier: tuple[str, ...] = ()
) -> tuple[dict[str, Any], list[str]]:
    dispatcher = CollectingDispatcher()
    method = getattr(ValidateCallbackForm(), f"validate_{slot}")
    result = method(typed, dispatcher, _tracker(typed, slots, earlier), {})
    return result, [m["text"] for m in dispatcher.messages]


# --- 1. The name answer: who, and the name, wherever it stands --------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        # cb02, cb08: a correction inside the answer; the corrected name is kept
        ("Rory... sorry I meant Rory Delacroix-Hume", "Rory Delacroix-Hume"),
        ("Maeve, no sorry, Maeve O'Sullivan-Park", "Maeve O'Sullivan-Park"),
        ("Jon, sorry, I mean Jonathan Price", "Jonathan Price"),
        ("Ana - oops - Anna Kowalska", "Anna Kowalska"),
        # cb05, cb18: the patient's role before the name; the date of birth is not stored
        ("I'm the patient, Benedikt Strauss, born 3 May 1937", "Benedikt Strauss"),
        ("Dr Okafor's patient Lena Fairweather", "Lena Fairweather"),
        ("I am Doctor Singh's patient, Ruth Amsel", "Ruth Amsel"),
        ("the patient is Walter Brandt", "Walter Brandt"),
        # cb06, cb19, cb23, cb01: a relative after a lead-in, with the plain relation
        ("no wait, my son Leopold will take it", "Leopold (son)"),
        ("what about my mom Greta Lindholm, can she have it?", "Greta Lindholm (mother)"),
        ("Sorry it's for my dad. His name is Wendell Baptiste", "Wendell Baptiste (father)"),
        ("It's for my mother, please ask for Henrietta Vance", "Henrietta Vance (mother)"),
        ("how about my wife Odile Marchetti instead", "Odile Marchetti (wife)"),
        ("actually could they ring my daughter, Priya Nair", "Priya Nair (daughter)"),
        # cb04: a word alone at the name question is a name
        ("Will", "Will"),
        ("Grace", "Grace"),
        ("Hope.", "Hope"),
    ],
)
def test_the_name_to_ask_for_is_stored(typed: str, stored: str) -> None:
    result, _ = _validate("callback_name", typed)
    assert result == {"callback_name": stored}


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        # Answers read right before round 25 stay as they were.
        ("Mary Smith and my husband Tadeusz Wolski", "Mary Smith"),
        ("call my daughter Noor, she handles it", "Noor (daughter)"),
        ("my daughter will answer, her name is Imogen", "Imogen (daughter)"),
        ("ask for my husband, Reginald Oyelaran", "Reginald Oyelaran (husband)"),
        ("Mrs Thistlewood", "Mrs Thistlewood"),
        ("Noelle", "Noelle"),
        ("Nona Pryce", "Nona Pryce"),
        ("Patience Okoro", "Patience Okoro"),
        ("Waiton Smith", "Waiton Smith"),
        ("it's Bernadette Szymańska", "Bernadette Szymańska"),
        ("SMITH, MARY", "SMITH, MARY"),
    ],
)
def test_names_read_before_stay(typed: str, stored: str) -> None:
    result, _ = _validate("callback_name", typed)
    assert result["callback_name"] is not None and stored in result["callback_name"]


def test_the_parser_says_what_the_answer_is() -> None:
    assert read_name_answer("I'd rather not say").kind == "refusal"
    assert read_name_answer("it's me, the patient").kind == "patient_no_name"
    # Round 29 (r29c): a question about the name is answered (NAME_WHY), not told "no name".
    assert read_name_answer("why do you need that?").kind == "question"
    found = read_name_answer("Rory... sorry I meant Rory Delacroix-Hume")
    assert (found.kind, found.text, found.corrected) == ("name", "Rory Delacroix-Hume", True)
    found = read_name_answer("what about my mom Greta Lindholm, can she have it?")
    assert (found.text, found.relation) == ("Greta Lindholm", "mother")


# --- 2. No name: asked again politely, or the name given earlier ------------------------------


@pytest.mark.parametrize("typed", ["it's me, the patient", "me, the patient", "I'm the patient"])
def test_the_patient_without_a_name_is_asked_for_it(typed: str) -> None:
    result, said = _validate("callback_name", typed)
    assert result == {"callback_name": None}
    assert said == [PATIENT_NAME_NEEDED]


def test_the_patient_without_a_name_takes_the_name_given_earlier() -> None:
    earlier = ["hi, my name is Winifred Ashby, is the procedure painful?"]
    result, said = _validate("callback_name", "it's me, the patient", earlier=tuple(earlier))
    assert result == {"callback_name": "Winifred Ashby"}
    assert said == [EARLIER_NAME_TAKEN.format(callback_name="Winifred Ashby")]


@pytest.mark.parametrize("typed", ["her", "what?"])
def test_an_answer_without_a_name_is_told_so(typed: str) -> None:
    result, said = _validate("callback_name", typed)
    assert result == {"callback_name": None}
    assert said == [NO_NAME_FOUND]


# --- 3. cb15: the form reads the message as typed, not the classifiers' text -------------------


def _run(text: str, slots: dict[str, Any], parsed: str, intent: str) -> tuple[list[str], list]:
    tracker = _tracker(text, slots, parsed=parsed, intent=intent)
    dispatcher = CollectingDispatcher()
    found = asyncio.run(ValidateCallbackForm().run(dispatcher, tracker, {"forms": {}}))
    return [m["text"] for m in dispatcher.messages], found


def test_a_yes_with_a_change_is_read_from_the_typed_message() -> None:
    slots = {
        "requested_slot": "callback_consent",
        "callback_name": "Lorcan Fitzgibbon",
        "callback_phone": "(845) 555-0129",
        "callback_time": "mornings",
        "callback_consent": True,
    }
    typed = "yes but call my son Arjun instead on 914 555 0100"
    said, events = _run(typed, slots, parsed="yes but call my son  instead on", intent="affirm")
    changed = CHANGED_AT_CONSENT.format(callback_name="Arjun (son)", on_phone=" on (914) 555-0100")
    assert changed in said
    values = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert values["callback_name"] == "Arjun (son)"
    assert values["callback_phone"] == "(914) 555-0100"


def test_details_in_the_request_are_read_from_the_typed_message() -> None:
    typed = "my name is Clementine Osei please call me at 570 555 0121"
    parsed = "my name is  please call me at"
    _, events = _run(typed, {}, parsed=parsed, intent="request_callback")
    values = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert values["callback_name"] == "Clementine Osei"
    assert values["callback_phone"] == "(570) 555-0121"


# --- 4. Round 24 call363: a change at the time question, then the time again -----------------


def test_a_change_at_the_time_question_changes_whom_to_call() -> None:
    slots = {"callback_name": "Ignacio", "callback_phone": "(617) 555-0186"}
    typed = "call my son Mateo instead at 617-555-0187"
    result, said = _validate("callback_time", typed, slots)
    assert result == {
        "callback_name": "Mateo (son)",
        "callback_phone": "(617) 555-0187",
        "callback_time": None,
    }
    assert said == [
        CHANGED_AT_CONSENT.format(callback_name="Mateo (son)", on_phone=" on (617) 555-0187")
    ]


@pytest.mark.parametrize("typed", ["yes", "ok", "no", "Yes!"])
def test_a_yes_or_no_is_no_time(typed: str) -> None:
    result, said = _validate("callback_time", typed, {"callback_phone": "(617) 555-0187"})
    assert result == {"callback_time": None}
    assert said == [TIME_NEEDED]


@pytest.mark.parametrize(
    "typed",
    ["weekday mornings", "after 5pm, my neighbour will pick up", "any time", "yes, mornings"],
)
def test_times_stay_times(typed: str) -> None:
    result, _ = _validate("callback_time", typed)
    assert set(result) == {"callback_time"} and result["callback_time"]


# --- 5. The transcript: "cancel" after a name, and a name that is a word ----------------------


def _form_turn(text: str, slot: str | None, value: str | None, reply: str) -> list[dict]:
    events: list[dict[str, Any]] = [_user(text), {"event": "action", "name": "callback_form"}]
    if slot is not None:
        events.append({"event": "slot", "name": slot, "value": value})
    return [*events, {"event": "bot", "text": reply, "data": {}}]


def test_cancel_after_a_name_answer_is_stored_as_typed() -> None:
    events = [
        {"event": "active_loop", "name": "callback_form"},
        *_form_turn("Gladys Pumphrey", "callback_name", "Gladys Pumphrey", "What phone number?"),
        _user("cancel", intent="stop"),
        {"event": "active_loop", "name": None},
        {"event": "bot", "text": "All right, I've cancelled the call-back request.", "data": {}},
    ]
    stored = stored_events(events, 0)
    assert "Gladys" not in json.dumps(stored)
    users = [e["text"] for e in stored if e["event"] == "user"]
    assert users[-1] == "cancel"


@pytest.mark.parametrize("typed", ["stop please", "never mind", "cancel that"])
def test_a_typed_command_after_a_name_is_no_part_of_it(typed: str) -> None:
    events = [_user("Gladys Pumphrey", intent="inform"), _user(typed)]
    stored = stored_events(events, 0)
    assert stored[-1]["text"] == typed


def test_a_name_that_is_a_word_leaves_the_bots_own_word() -> None:
    reply = (
        "Thank you, Will. Your request has been passed to the interventional radiology "
        "team, who will call (845) 555-0111 (weekday mornings)."
    )
    events = [
        {"event": "active_loop", "name": "callback_form"},
        *_form_turn("Will", "callback_name", "Will", "What phone number?"),
        {"event": "bot", "text": reply, "data": {}},
    ]
    stored = stored_events(events, 0)
    text = stored[-1]["text"]
    assert "Thank you, Will" not in text and "who will call" in text


# --- 6. Over REST: the answer as typed, the request as stored ---------------------------------


def test_the_name_answer_is_stored_right_over_rest(assistant: Assistant) -> None:
    sender = "r25c-rest"
    assert "What name" in assistant.texts(sender, "call me back")[-1]
    assert "phone number" in assistant.texts(sender, "Dr Okafor's patient Lena Fairweather")[-1]
    assert "good time" in assistant.texts(sender, "845 555 0132")[-1]
    assistant.texts(sender, "weekday mornings")
    assert "Lena Fairweather" in assistant.texts(sender, "/affirm")[-1]
    [request] = wait_for(lambda: callback_requests_of(assistant, sender))
    assert (request.name, request.phone) == ("Lena Fairweather", "(845) 555-0132")
