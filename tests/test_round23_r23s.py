"""Round 23 (r23s): a detail sent one part a message, each part judged with the one before.

The tester's ad12 ("my address is" / "812" / "Hemlock Dr"), ph07 ("my number is 570" / "555" /
"0148") and dt24 ("her dob" / "4 2 32") kept parts raw; the rules are in
core/privacy/parts_after_cues.py, and the transcript reads a part it masked as its mark when
judging the next message (core/privacy/transcripts.py::_continuations).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

import pytest

from core.privacy.redaction import redact, redact_continuation
from core.privacy.transcripts import stored_events


def _pairwise(turns: list[str]) -> list[str]:
    """Each message redacted with only the one before it (as `redact_continuation` sees it)."""
    return [redact(turns[0])] + [
        redact_continuation(previous, text) for previous, text in pairwise(turns)
    ]


def _stored(turns: list[str]) -> list[str]:
    """The user messages as the transcript (and the question log after it) stores them."""
    events: list[dict[str, Any]] = []
    for text in turns:
        events += [{"event": "user", "text": text}, {"event": "bot", "text": "ok"}]
    return [event["text"] for event in stored_events(events, 0) if event["event"] == "user"]


def _raw(values: list[str], texts: list[str]) -> list[str]:
    joined = " \n ".join(texts)
    return [v for v in values if re.search(rf"(?<!\w){re.escape(v)}(?!\w)", joined, re.I)]


LEAKS = [
    # the tester's three
    (["my address is", "812", "Hemlock Dr"], ["812", "Hemlock Dr"]),
    (["my number is 570", "555", "0148"], ["0148"]),
    (["her dob", "4 2 32"], ["4 2 32"]),
    # the same classes in other words
    (["i live at", "1402", "N Main St"], ["1402", "N Main St"]),
    (["our address:", "45", "Elm Street"], ["45", "Elm Street"]),
    (["his birthday", "12 25 1931"], ["12", "12 25 1931"]),
    (["date of birth", "04 02 32 and she is on blood thinners"], ["04 02 32"]),
    (["dob is", "4 2 1932"], ["4", "4 2 1932"]),
    (["call me at", "(570)", "555 0148"], ["570", "555 0148"]),
    (["my cell is 570", "555", "0148 sorry hit send"], ["0148"]),
    (["member id", "XKJ4471 09"], ["XKJ4471", "09"]),
    (["my member id is", "XKJ"], ["XKJ"]),
    # a part read back masked is context too
    (["[phone removed]", "0148"], ["0148"]),
    (["[address removed]", "Hemlock Dr"], ["Hemlock Dr"]),
    (["[SSN removed]", "44"], ["44"]),
    (["[ID removed]", "4471 09"], ["4471 09"]),
]


@pytest.mark.parametrize(("turns", "values"), LEAKS)
def test_parts_after_a_cue_are_masked_with_the_message_before(
    turns: list[str], values: list[str]
) -> None:
    assert _raw(values, _pairwise(turns)) == []


STORED_LEAKS = [
    # the middle part was raw in the transcript: the part before was masked, not read as such
    (["ssn", "512", "44", "8830"], ["512", "44", "8830"]),
    (["my social is", "512", "44", "8830"], ["512", "44", "8830"]),
    (["my member id is", "XKJ", "4471 09"], ["XKJ", "4471 09"]),
    (["the address is", "45", "Elm Street"], ["45", "Elm Street"]),
]


@pytest.mark.parametrize(("turns", "values"), STORED_LEAKS)
def test_the_transcript_stores_no_part(turns: list[str], values: list[str]) -> None:
    assert _raw(values, _stored(turns)) == []


ORDINARY = [
    ["4 2 32"],
    ["yes", "4 2 32"],
    ["how many levels", "2"],
    ["how long", "3 days"],
    ["555 is my area code?"],
    ["what is her address", "2"],
    ["whats your number", "555"],
    ["policy number", "2 of them"],
    ["my member id is", "i dont know"],
    ["how much tylenol", "500", "250"],
    ["her birthday is coming up", "2 weeks"],
    ["my address is", "the same as before"],
    ["room number is", "212"],
    ["her dob", "is on the form"],
]


@pytest.mark.parametrize("turns", ORDINARY)
def test_ordinary_short_replies_stay(turns: list[str]) -> None:
    assert _pairwise(turns) == turns
