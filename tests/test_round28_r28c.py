"""Round 28 (issue 21), helper r28c: the call-back form's numbers, a surname typed at the phone
question, "call my daughter", and the action server's own log lines.

From the outside tester's report (/work/tools/t21r28/results.md, "Other things seen"):
- "555 0177" and "five five five oh one six six" were stored and confirmed ("who will call
  5550166"): staff cannot call a number without its area code (actions/phone_reach.py);
- "Teodora" at the name question, then "Vasquez-Lind" at the phone question: the request
  kept "Teodora" (actions/callback_surname.py);
- "can you call my daughter" got the fallback hand-off, not the form (data/nlu.yml);
- actions.log: "Starting worker [[ID removed]]" (the process id) and, at every consent answer,
  "Skipping validation for `callback_consent`" (core/privacy/log_redaction.py,
  ValidateCallbackForm.validate_callback_consent).
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import pytest
import textstat
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.callback import (
    INCOMPLETE_PHONE,
    INVALID_PHONE,
    MISSING_AREA_CODE,
    NOT_CALLABLE,
    NOT_SENT,
    SURNAME_ADDED,
    ActionSubmitCallback,
    ValidateCallbackForm,
    normalise_phone,
)
from core.privacy.log_redaction import redact_line
from core.privacy.redaction import redact
from tests.project import load_yaml
from tests.test_actions import completed_form_tracker, run, stored_callbacks


def _event(kind: str, **values: Any) -> dict[str, Any]:
    return {"event": kind, "timestamp": time.time(), **values}


def _opened(name: str = "Teodora") -> list[dict[str, Any]]:
    return [
        _event("user", text="can a nurse call me"),
        _event("action", name="callback_form"),
        _event("active_loop", name="callback_form"),
        _event("slot", name="requested_slot", value="callback_name"),
        _event("user", text=name),
        _event("slot", name="callback_name", value=name),
        _event("slot", name="requested_slot", value="callback_phone"),
    ]


def _tracker(events: list[dict[str, Any]], slots: dict[str, Any] | None = None) -> Tracker:
    return Tracker("patient-28", slots or {}, {}, events, False, None, {}, None)


def _phone_answer(
    typed: str, events: list[dict[str, Any]] | None = None, name: str = "Teodora"
) -> tuple[dict[str, Any], list[str]]:
    dispatcher = CollectingDispatcher()
    tracker = _tracker(events or _opened(name), {"callback_name": name})
    result = ValidateCallbackForm().validate_callback_phone(typed, dispatcher, tracker, {})
    return result, [m["text"] for m in dispatcher.messages]


# --- 1. a number the team can call -----------------------------------------------------------

WITHOUT_AREA_CODE = [
    "555 0177",  # the tester's answers
    "555 0104",
    "5550166",
    "five five five oh one six six",
    "555-0147",
    "my number is 555 0125",
    "it's 555.0108",
    "555-0178 ext 4",
]


@pytest.mark.parametrize("typed", WITHOUT_AREA_CODE)
def test_a_number_without_its_area_code_is_asked_again_for_it(typed: str) -> None:
    assert normalise_phone(typed) is None
    result, said = _phone_answer(typed)
    assert result == {"callback_phone": None}
    assert said == [MISSING_AREA_CODE]
    assert "area code" in MISSING_AREA_CODE and "cancel" in MISSING_AREA_CODE


@pytest.mark.parametrize("typed", ["07700 900123", "123456789012345", "0123456789", "44 20 7946"])
def test_a_number_that_cannot_be_dialled_as_written_says_what_it_needs(typed: str) -> None:
    assert normalise_phone(typed) is None
    result, said = _phone_answer(typed)
    assert result == {"callback_phone": None}
    assert said == [NOT_CALLABLE]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("(860) 555-0123", "(860) 555-0123"),
        ("860 555 0123", "(860) 555-0123"),
        ("1 860 555 0123", "+1 (860) 555-0123"),
        ("eight six oh five five five oh one two three", "(860) 555-0123"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("+44 7700 900123", "+44 7700 900123"),
        ("011 44 20 7946 0958", "+44 20 7946 0958"),  # the US way to dial abroad
        ("01144 20 7946 0958", "+44 20 7946 0958"),
        ("+353 1 555 0123", "+353 1 555 0123"),
        ("860-555-0178 ext 4", "(860) 555-0178 ext. 4"),
        # The area code typed after the local number (phon-010's wording): one number.
        ("cell (the good one) = 555 0129 area code 206", "(206) 555-0129"),
        ("555-0129, area code is 206", "(206) 555-0129"),
        ("5550129 with area code 303", "(303) 555-0129"),
    ],
)
def test_numbers_the_team_can_call_are_taken(typed: str, stored: str) -> None:
    assert normalise_phone(typed) == stored
    assert normalise_phone(stored) == stored  # the submission checks it again
    result, said = _phone_answer(typed)
    assert result == {"callback_phone": stored} and said == []


@pytest.mark.parametrize("refusal", [MISSING_AREA_CODE, NOT_CALLABLE])
@pytest.mark.parametrize("stored", [False, True])
def test_a_second_number_without_an_area_code_ends_the_form(refusal: str, stored: bool) -> None:
    """Counted like the other refusals: the form never keeps a patient who has no full number
    (also when the conversation was read back with the refusal stored masked)."""
    said_before = redact(refusal) if stored else refusal
    events = [*_opened(), _event("user", text="555 0177"), _event("bot", text=said_before)]
    result, said = _phone_answer("555 0177", events)
    assert result == {"callback_phone": None, "requested_slot": None}
    assert said == []  # the submission says why (PHONE_NOT_TAKEN)


def test_the_other_refusals_are_unchanged() -> None:
    assert _phone_answer("617-555-01")[1] == [INCOMPLETE_PHONE]
    assert _phone_answer("call me")[1] == [INVALID_PHONE]


@pytest.mark.parametrize("phone", ["555 0177", "5550166", "07700 900123"])
def test_the_action_server_never_stores_a_number_it_cannot_call(
    action_env: str, phone: str
) -> None:
    """A form run that holds such a number (a tracker from before this change, or slots set
    behind the form's back) is refused at submission, and nothing is stored."""
    slots = {
        "callback_name": "Teodora Vasquez-Lind",
        "callback_phone": phone,
        "callback_time": "mornings",
        "callback_consent": True,
    }
    messages, _ = run(ActionSubmitCallback(), completed_form_tracker(slots))
    assert [m["text"] for m in messages] == [NOT_SENT]
    assert stored_callbacks(action_env) == []


@pytest.mark.parametrize("text", [MISSING_AREA_CODE, NOT_CALLABLE])
def test_the_new_refusals_are_easy_to_read(text: str) -> None:
    assert textstat.flesch_kincaid_grade(text) <= 8.0


# --- 2. a surname typed at the phone question ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "typed", "joined"),
    [
        ("Teodora", "Vasquez-Lind", "Teodora Vasquez-Lind"),  # the tester's answer
        ("Teodora", "Teodora Vasquez-Lind", "Teodora Vasquez-Lind"),  # the whole name again
        ("Siobhan", "O'Donnell", "Siobhan O'Donnell"),
        ("Marisol", "de la Cruz", "Marisol de la Cruz"),
        ("Kwame", "Okafor.", "Kwame Okafor"),
        ("hiroshi", "nakamura", "hiroshi nakamura"),
    ],
)
def test_a_surname_at_the_phone_question_joins_the_name(name: str, typed: str, joined: str) -> None:
    result, said = _phone_answer(typed, name=name)
    assert result == {"callback_name": joined, "callback_phone": None}  # the number asked again
    assert said == [SURNAME_ADDED.format(callback_name=joined)]


@pytest.mark.parametrize(
    "typed", ["Mobile", "home", "evenings", "Later", "why", "no phone", "Brown", "cancel", "asdf"]
)
def test_other_words_at_the_phone_question_are_still_refused(typed: str) -> None:
    result, said = _phone_answer(typed)
    assert result == {"callback_phone": None}
    assert said == [INVALID_PHONE]


@pytest.mark.parametrize("name", ["Teodora Lind", "Lisa Grantham (daughter)"])
def test_a_full_name_is_not_added_to(name: str) -> None:
    result, said = _phone_answer("Vasquez", name=name)
    assert result == {"callback_phone": None} and said == [INVALID_PHONE]


def test_a_surname_added_is_no_refusal_of_a_number() -> None:
    """The phone question is asked again after the surname, and a first wrong number there is
    still asked again (not the end of the form)."""
    events = [
        *_opened(),
        _event("user", text="Vasquez-Lind"),
        _event("bot", text=SURNAME_ADDED.format(callback_name="Teodora Vasquez-Lind")),
    ]
    result, said = _phone_answer("555 0177", events, name="Teodora Vasquez-Lind")
    assert result == {"callback_phone": None} and said == [MISSING_AREA_CODE]


# --- 3. the consent answer is validated (no warning at every consent step) -------------------


@pytest.mark.parametrize(("value", "kept"), [(True, True), (False, False), ("yes", None)])
def test_consent_is_a_yes_or_a_no(
    value: Any, kept: bool | None, caplog: pytest.LogCaptureFixture
) -> None:
    latest = {"text": "yes", "intent": {"name": "affirm", "confidence": 0.9}}
    events = [
        {"event": "user", "text": "yes", "parse_data": latest},
        {"event": "slot", "name": "callback_consent", "value": value},
    ]
    slots = {
        "requested_slot": "callback_consent",
        "callback_phone": "(617) 555-0101",
        "callback_consent": value,
    }
    tracker = Tracker("r28c", slots, latest, events, False, None, {"name": "callback_form"}, None)
    with caplog.at_level(logging.DEBUG):
        found = asyncio.run(
            ValidateCallbackForm().run(CollectingDispatcher(), tracker, load_yaml("domain.yml"))
        )
    assert "Skipping validation for `callback_consent`" not in caplog.text
    assert SlotSet("callback_consent", kept) in found


# --- 4. the action server's own log lines ----------------------------------------------------


@pytest.mark.parametrize("line", ["Starting worker [15530]", "Stopping worker [15530]"])
def test_the_servers_worker_lines_keep_their_process_id(line: str) -> None:
    assert redact_line(line) == line


@pytest.mark.parametrize(
    ("line", "gone"),
    [
        ("Starting worker [15530] for Mary Smith at 860-555-0123", "860-555-0123"),
        ("worker 1234567 said my MRN is 7654321", "7654321"),
        ("Starting worker [123456789012]", "123456789012"),  # no process id
        ("Failed to parse arguments in line '/leokadia_z_1937 hi'", "leokadia"),
    ],
)
def test_patient_text_in_log_lines_stays_redacted(line: str, gone: str) -> None:
    assert gone not in redact_line(line)


# --- 5. asking the team to call a relative is a call-back request ----------------------------


def _examples(intent: str) -> list[str]:
    for block in load_yaml("data/nlu.yml")["nlu"]:
        if block.get("intent") == intent:
            return [line[2:].strip() for line in block["examples"].splitlines() if line]
    return []


def test_calling_a_relative_is_trained_as_a_call_back_request() -> None:
    """call-014: "can you call my daughter" got the fallback hand-off. The training data holds
    several ways of asking the team to call a relative, with several relatives and verbs."""
    relative = [
        e
        for e in _examples("request_callback")
        if any(f"my {who}" in e for who in ("daughter", "son", "husband", "wife", "mum", "partner"))
    ]
    assert "can you call my daughter" in relative
    assert len(relative) >= 8
    assert {"call", "ring", "phone"} <= {w for e in relative for w in e.split()}
    # The other way round (the relative calls the hospital) is the contact details.
    assert "my daughter will call you" in _examples("contact")
