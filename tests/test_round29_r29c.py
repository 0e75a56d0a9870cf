"""Round 29 (issue 21), helper r29c: the call-back form's name question.

From the outside tester's report (/work/tools/t21r29/results.md, "Other findings" 1-2):
- callback-013: "why do you need my name" at the name question was stored as the name and
  read back ("Thank you, why do you need my name."); the real name typed next at the phone
  question ("ok fine, Rosalind Petrakis") was refused as no number
  (actions/callback_name_question.py);
- callback-003: "ask for my daughter Joan, I'm her mom Ethel" was stored as
  "Joan I'm (daughter)" (actions/callback_name.py: a comma, or the caller introducing
  themself, ends the relative's name).
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.callback import (
    NAME_CORRECTED,
    NAME_NEEDED,
    NAME_NOT_TAKEN,
    NAME_WHY,
    NO_NAME_FOUND,
    PHONE_NOT_TAKEN,
    ActionSubmitCallback,
    ValidateCallbackForm,
)
from tests.test_actions import (
    action,
    loop,
    make_tracker,
    run,
    slot,
    stored_callbacks,
    user_event,
)


def _event(kind: str, **values: Any) -> dict[str, Any]:
    return {"event": kind, "timestamp": time.time(), **values}


def _opened() -> list[dict[str, Any]]:
    return [
        _event("user", text="can someone call me back please"),
        _event("action", name="callback_form"),
        _event("active_loop", name="callback_form"),
        _event("slot", name="requested_slot", value="callback_name"),
    ]


def _tracker(events: list[dict[str, Any]], slots: dict[str, Any] | None = None) -> Tracker:
    return Tracker("patient-29", slots or {}, {}, events, False, None, {}, None)


def _name_answer(
    typed: str, events: list[dict[str, Any]] | None = None
) -> tuple[dict[str, Any], list[str]]:
    dispatcher = CollectingDispatcher()
    tracker = _tracker([*(events or _opened()), _event("user", text=typed)])
    result = ValidateCallbackForm().validate_callback_name(typed, dispatcher, tracker, {})
    return result, [m["text"] for m in dispatcher.messages]


def _phone_answer(typed: str, name: str) -> tuple[dict[str, Any], list[str]]:
    events = [
        *_opened(),
        _event("user", text=name),
        _event("slot", name="callback_name", value=name),
        _event("slot", name="requested_slot", value="callback_phone"),
        _event("user", text=typed),
    ]
    dispatcher = CollectingDispatcher()
    tracker = _tracker(events, {"callback_name": name})
    result = ValidateCallbackForm().validate_callback_phone(typed, dispatcher, tracker, {})
    return result, [m["text"] for m in dispatcher.messages]


# --- 1. callback-013: a question at the name question is answered, not stored ---------------

QUESTIONS = [
    "why do you need my name",  # the tester's answer
    "why",
    "Why?",
    "what for",
    "What for?",
    "whats it for",
    "is this safe",
    "Is this safe?",
    "is it HIPAA safe",
    "do I have to",
    "do you really need it",
    "who will see it",
    "but why do you need that",
    "ok so what do you need my name for",
    "how come",
    "WHY DO YOU NEED MY NAME",
]


@pytest.mark.parametrize("typed", QUESTIONS)
def test_a_question_at_the_name_question_is_answered_and_asked_again(typed: str) -> None:
    result, said = _name_answer(typed)
    assert result == {"callback_name": None}
    assert said == [NAME_WHY]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        # Names and relatives that open like a question stay names.
        ("Will", "Will"),
        ("Mary Smith", "Mary Smith"),
        ("what about my mom Greta Lindholm, can she have it?", "Greta Lindholm (mother)"),
        ("ok fine, Rosalind Petrakis", "Rosalind Petrakis"),
        ("Rosalind Petrakis", "Rosalind Petrakis"),
    ],
)
def test_names_stay_names(typed: str, stored: str) -> None:
    result, said = _name_answer(typed)
    assert result == {"callback_name": stored}
    assert NAME_WHY not in said


@pytest.mark.parametrize(
    ("first_said", "second"),
    [
        (NAME_WHY, "is this safe"),  # two questions
        (NAME_WHY, "no thanks"),  # a question, then a refusal
        (NAME_NEEDED, "why do you need it"),  # a refusal, then a question
        (NO_NAME_FOUND, "what for"),
        (NAME_NEEDED, "no"),  # two refusals
    ],
)
def test_a_second_answer_without_a_name_ends_the_form(first_said: str, second: str) -> None:
    events = [*_opened(), _event("user", text="why"), _event("bot", text=first_said)]
    result, said = _name_answer(second, events)
    assert result == {"callback_name": None, "requested_slot": None}
    assert said == []


def test_a_re_ask_in_an_earlier_run_of_the_form_does_not_count() -> None:
    events = [
        *_opened(),
        _event("bot", text=NAME_WHY),
        _event("active_loop", name=None),
        *_opened(),
    ]
    result, said = _name_answer("why do you need my name", events)
    assert result == {"callback_name": None}
    assert said == [NAME_WHY]


def test_a_name_after_the_question_is_taken() -> None:
    events = [*_opened(), _event("user", text="why"), _event("bot", text=NAME_WHY)]
    result, _ = _name_answer("ok fine, Rosalind Petrakis", events)
    assert result == {"callback_name": "Rosalind Petrakis"}


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("ok fine, Rosalind Petrakis", "Rosalind Petrakis"),  # callback-013's next answer
        ("alright, my name is Rosalind Petrakis", "Rosalind Petrakis"),
        ("fine. Its Rosalind Petrakis", "Rosalind Petrakis"),
        ("okay then, Teodora Vasquez-Lind", "Teodora Vasquez-Lind"),
    ],
)
def test_the_name_typed_at_the_phone_question_replaces_the_name(typed: str, name: str) -> None:
    result, said = _phone_answer(typed, "why do you need my name")
    assert result == {"callback_name": name, "callback_phone": None}
    assert said == [NAME_CORRECTED.format(callback_name=name)]


@pytest.mark.parametrize("typed", ["ok, Home", "fine, Work phone", "ok fine", "sure, my cell"])
def test_answers_about_the_phone_are_no_name(typed: str) -> None:
    result, said = _phone_answer(typed, "Rosalind Petrakis")
    assert result == {"callback_phone": None}
    assert said and NAME_CORRECTED.split("{")[0] not in said[0]


def _ended_at_the_name() -> Tracker:
    """The events of a form that ended at the name question (round 29) up to the submission."""
    events = [
        action("action_listen"),
        user_event("can someone call me back please", "request_callback"),
        action("action_extract_slots"),
        action("callback_form"),
        loop("callback_form"),
        slot("requested_slot", "callback_name"),
        action("action_listen"),
        user_event("why do you need my name", "nlu_fallback"),
        action("action_extract_slots"),
        slot("callback_name", "why do you need my name"),
        action("callback_form"),
        slot("callback_name", None),
        _event("bot", text=NAME_WHY),
        action("action_listen"),
        user_event("is this safe", "nlu_fallback"),
        action("action_extract_slots"),
        slot("callback_name", "is this safe"),
        action("callback_form"),
        slot("callback_name", None),
        slot("requested_slot", None),
        loop(None),
    ]
    return make_tracker(events)


def test_the_action_server_stores_no_request_without_a_name(action_env: str) -> None:
    messages, _ = run(ActionSubmitCallback(), _ended_at_the_name())
    assert messages[0]["text"] == NAME_NOT_TAKEN
    assert messages[0]["text"] != PHONE_NOT_TAKEN
    assert stored_callbacks(action_env) == []


# --- 2. callback-003: the relative's name ends at the caller introducing themself ----------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("ask for my daughter Joan, I'm her mom Ethel", "Joan (daughter)"),  # the tester's
        ("ask for my daughter Joan I'm her mom", "Joan (daughter)"),
        ("ask for my son Raj, this is his dad", "Raj (son)"),
        ("my husband Tom, I'm his wife", "Tom (husband)"),
        ("my husband Tom, I\u2019m his wife Gwen", "Tom (husband)"),
        ("please call my mother Greta Lindholm, it's her daughter here", "Greta Lindholm (mother)"),
        ("ask for my son Raj Patel, Sunita here", "Raj Patel (son)"),
    ],
)
def test_the_relatives_name_stops_at_the_caller(typed: str, stored: str) -> None:
    result, _ = _name_answer(typed)
    assert result == {"callback_name": stored}


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("ask for my husband, Reginald Oyelaran", "Reginald Oyelaran (husband)"),
        ("what about my mom Greta Lindholm, can she have it?", "Greta Lindholm (mother)"),
        ("It's for my mother, please ask for Henrietta Vance", "Henrietta Vance (mother)"),
        ("my son Jean-Luc Picard", "Jean-Luc Picard (son)"),
    ],
)
def test_relatives_read_before_stay(typed: str, stored: str) -> None:
    result, _ = _name_answer(typed)
    assert result == {"callback_name": stored}
