"""Round 23 (r23d): numbers and dates in shapes the rules did not read, and the call-back key.

Each case is a shape of phrasing the outside tester's round-23 message stood for (ids in
brackets); the look-alikes are ordinary messages of the same shapes that must stay as typed.
"""

from __future__ import annotations

import asyncio
import json
from itertools import pairwise
from typing import Any

import pytest
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from sqlalchemy import select

from core.db.database import session_factory
from core.db.rasa_events import rasa_events
from core.privacy.redaction import redact, redact_continuation
from core.privacy.transcripts import stored_events
from core.vocabulary.callback_form import REQUEST_KEY_SLOT
from tests.test_cached_tracker_store import cached_store

KEYCAPS = "".join(f"{d}\ufe0f\u20e3" for d in "5705550164")

LEAKS = [
    # Dash-like characters between figure groups (ss06, ss11).
    ("soc sec no. 412\u201373\u20139086", ["412\u201373\u20139086", "9086"]),
    ("ssn 412 \u2014 73 \u2014 9091", ["412 \u2014 73 \u2014 9091", "9091"]),
    ("my social is 301\u221244\u22125512", ["5512"]),
    ("dob 03\uff0d14\uff0d1938", ["1938"]),
    ("her mrn is 4471\u2010992", ["4471", "992"]),
    # Digits in other forms (ph22): keycaps, circled and dingbat circled digits.
    (KEYCAPS, ["0164"]),
    ("\u2468\u2460\u2464 \u2464\u2464\u2464 \u24ea\u2460\u2465\u2467", ["\u2465\u2467"]),
    ("ph \u2786\u2785\u2787 \u2784\u2784\u2784 \u2780\u2780\u2784\u2781", ["\u2784\u2781"]),
    # Read-out multipliers with figures or digit words (ph30, mr13).
    ("570 triple 5 0 1 3 0", ["570", "0 1 3 0"]),
    ("my number is 860 double 5 triple 0 1 9", ["860", "1 9"]),
    ("medical record no. is double seven four four one two two", ["seven four four"]),
    ("mrn triple four one two nine six", ["one two nine six"]),
    # OCR'd letters for figures in a date and its cue (mx14).
    ("D0B: O5/17/1940", ["O5/17/1940", "1940"]),
    ("date of birth l2/O3/1936", ["1936"]),
    # An e-mail spelled letter by letter before "at" and a provider (em16).
    ("my e mail is h a z e l w 4 2 at aol", ["h a z e l w 4 2", "hazel"]),
    # A birthday's day after words of when (dt33).
    ("my birthday is next week the 9th, can they do it after", ["9th"]),
]


@pytest.mark.parametrize(("text", "values"), LEAKS)
def test_the_shape_is_masked(text: str, values: list[str]) -> None:
    stored = redact(text)
    for value in values:
        assert value.lower() not in stored.lower(), (text, stored)


SPLIT = [
    # An SSN's first half after a short name of it, the rest in the next message (ss08).
    (["my ss is", "412 73", "9088"], ["412 73", "9088"]),
    (["soc sec #", "512-44", "8830"], ["512-44", "8830"]),
    (["my ss no. is", "301 \u2013 27", "\u2013 6789"], ["301", "6789"]),
]


@pytest.mark.parametrize(("turns", "values"), SPLIT)
def test_a_split_ssn_after_a_short_cue_is_masked(turns: list[str], values: list[str]) -> None:
    stored = [redact(turns[0])] + [redact_continuation(a, b) for a, b in pairwise(turns)]
    joined = " | ".join(stored)
    for value in values:
        assert value not in joined, joined


ORDINARY = [
    "open Mon \u2013 Fri, 9\u20135",
    "it takes 1\u20132 hours \u2014 is that right?",
    "pain was 7 \u2014 now 3",
    "1\ufe0f\u20e3 how long 2\ufe0f\u20e3 does it hurt",
    "\u2460 how long \u2461 when can I drive",
    "I take double 5 mg of it",
    "I had a triple bypass in 2019",
    "double check my 3 pills please",
    "can I have it done on the 5th \u2013 or the 6th?",
    "I/O chart says 3 cups",
    "my birthday is coming up, can I still fly",
    "is my birthday a problem for the scan",
    "I will be at aol customer service later",
    "the ss is not needed for the scan",
    "is it 3 to 4 weeks",
    "is it ok to take 2 \u2013 3 tylenol",
    "level 12 \u2013 14 on the scan",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_an_ordinary_look_alike_stays_as_typed(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("previous", "text"),
    [("my ss is", "fine thanks"), ("ss is the answer", "how long"), ("my ss is", "12 73 more")],
)
def test_an_ordinary_reply_after_a_short_cue_stays(previous: str, text: str) -> None:
    assert redact_continuation(previous, text) == text


KEY = "c-5f2a9b0c1d3e4f5a6b7c8d9e0f1a2b3c:1733312345.938323"


def _slot_values(events: list[dict[str, Any]]) -> list[Any]:
    return [e.get("value") for e in events if e.get("name") == REQUEST_KEY_SLOT]


def test_the_request_key_is_stored_as_the_form_wrote_it() -> None:
    events: list[dict[str, Any]] = [
        {"event": "user", "text": "call me back please 570 555 0101"},
        {"event": "slot", "name": REQUEST_KEY_SLOT, "value": KEY},
        {"event": "slot", "name": REQUEST_KEY_SLOT, "value": "my number 570 555 0101"},
        {"event": "slot", "name": REQUEST_KEY_SLOT, "value": "412-73-9086:1733312345.938323"},
    ]
    kept, typed, forged = _slot_values(stored_events(events, 0))
    assert kept == KEY  # the form's own key, as callback_requests.request_key holds it
    assert typed == "my number [phone removed]"
    assert forged.startswith("[SSN removed]:")  # any other value is redacted


def test_the_request_key_survives_the_tracker_store(database_url: str) -> None:
    """The real path: Rasa's tracker store writes the events through the redaction."""
    store = cached_store(database_url)
    tracker = asyncio.run(store.get_or_create_tracker("r23d-key"))
    for event in (
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted("action_listen"),
        UserUttered("yes", intent={"name": "affirm", "confidence": 0.9}),
        ActionExecuted("action_submit_callback"),
        SlotSet(REQUEST_KEY_SLOT, KEY),
        ActionExecuted("action_listen"),
    ):
        tracker.update(event)
    asyncio.run(store.save(tracker))
    with session_factory(database_url)() as session:
        query = select(rasa_events.c.data).where(rasa_events.c.sender_id == "r23d-key")
        rows = [json.loads(data) for data in session.execute(query).scalars()]
    assert _slot_values(rows) == [KEY]
