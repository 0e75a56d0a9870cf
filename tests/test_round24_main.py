"""Round 24's outside tester, fixed on main: a clinician's surname typed alone after "Dr"
stays whichever rule found it; the bot's own words stay in the stored replies; the call-back
name is whom to ask for, never a word of the sentence around it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.callback import ValidateCallbackForm, name_field
from core.privacy.names import NAME_MARK
from core.privacy.redaction import redact
from core.privacy.transcripts import stored_events
from tests.test_transcript_redaction import nlu_user_event


@pytest.mark.parametrize(
    "typed",
    [
        "Dr. Nguyen said I need a vertebroplasty, what is it?",
        "Dr Kim said to ask you about bed rest",
        "Doctor Okonkwo told me to ask",
    ],
)
def test_a_clinicians_surname_alone_stays(typed: str) -> None:
    assert redact(typed) == typed


def test_a_clinicians_full_name_still_goes() -> None:
    assert redact("Dr Sunita Raghavan-Pillai said so") == f"Dr {NAME_MARK} said so"


def _bot(text: str) -> dict[str, Any]:
    return {"event": "bot", "timestamp": 1.0, "text": text, "data": {}, "metadata": {}}


@pytest.mark.parametrize(
    ("message", "gone"),
    [
        ("my mbi is 1 E G 4 T E 5 M K 7 3", "1 E G 4"),
        ("dob 1/1/1930, is it safe at my age", "1930"),
        ("HAROLD T BEAUMONT asking about recovery", "BEAUMONT"),
    ],
)
def test_the_bots_own_words_stay_in_the_stored_reply(message: str, gone: str) -> None:
    reply = "Sorry, I didn't quite understand. About 1-3% of patients feel sore for a day."
    stored = stored_events([nlu_user_event(message), _bot(reply)], 0)
    assert stored[1]["text"] == reply
    assert gone not in json.dumps(stored)


def _validate_name(typed: str) -> tuple[dict[str, Any], list[str]]:
    dispatcher = CollectingDispatcher()
    tracker = Tracker("r24", {}, {"text": typed}, [], False, None, {}, None)
    result = ValidateCallbackForm().validate_callback_name(typed, dispatcher, tracker, {})
    return result, [m["text"] for m in dispatcher.messages]


def test_a_relative_the_request_is_for_is_whom_to_ask_for() -> None:
    assert name_field("its for my mother, Wilma Tuttle") == "Wilma Tuttle (mother)"
    result, _ = _validate_name("it is for my dad, Joe Brown")
    assert result == {"callback_name": "Joe Brown (father)"}  # round 25: the plain relation


def test_a_number_with_no_name_is_the_phone_and_the_name_is_asked_again() -> None:
    result, said = _validate_name("her number is 617-555-0160")
    assert result == {"callback_name": None, "callback_phone": "(617) 555-0160"}
    assert said


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("Mom is 90+ (92 actually)", "92"),
        ("father is nearly 100, 98 to be exact", "98"),
        ("she is 90 - 95 i think, nobody knows for sure, 93 on her papers", "93"),
    ],
)
def test_a_second_age_over_89_in_a_message_goes_too(typed: str, gone: str) -> None:
    assert gone not in redact(typed)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("she is 94 and her bp was 95 over 60", "95 over 60"),
        ("my dad is 96, room 104 on floor 9", "room 104"),
        ("she is 92 and takes 95 mg", "95 mg"),
        ("he is 91, temp 98.6", "98.6"),
        ("she is 93 and 95% sure", "95%"),
        ("my aunt is 96 and 95/60 was her reading", "95/60"),
    ],
)
def test_numbers_that_are_no_age_stay_beside_an_age(typed: str, kept: str) -> None:
    assert kept in redact(typed)


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("#TeamHarold my dad is getting this done, any tips", "Harold"),
        ("#PrayersForEdith she has this done tomorrow", "Edith"),
    ],
)
def test_a_hashtag_holding_a_first_name_goes(typed: str, gone: str) -> None:
    assert gone not in redact(typed)


@pytest.mark.parametrize(
    "typed", ["#MondayMotivation", "#BlessedAndGrateful for the team", "room #12 please"]
)
def test_other_hashtags_stay(typed: str) -> None:
    assert redact(typed) == typed
