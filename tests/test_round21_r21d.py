"""Round 21's outside tester (t21r21, helper r21d): dates, numbers and ids typed as patients
type them (an ordinal day after "put me down for", a European "18.11.", an ISO date with its
time, a phone split by "and then", an SSN with mixed signs, a Medi-Cal BIC), details split over
messages, a date in the call-back form's time answer, and a birth date's cue that was masked
with the date. Each class has the tester's wording and new wordings of the same shape; the
look-alikes stay as typed."""

from __future__ import annotations

import itertools
import re

import pytest

from actions.callback import time_field
from core.privacy.redaction import redact, redact_continuation
from tests.split_turns import stored_turns


def _raw(value: str, text: str) -> bool:
    """Is `value` in `text` as a word of its own (any case)?"""
    return re.search(r"(?<!\w)" + re.escape(value) + r"(?!\w)", text, re.IGNORECASE) is not None


LEAKS = [
    # date-020: an ordinal day after a booking said as "down / in for".
    ("they put me down for the twenty-third", ["twenty-third"]),
    ("I'm down for the 23rd, is that a Monday?", ["23rd"]),
    ("she is pencilled in for the fifth", ["fifth"]),
    ("they have me down for the twenty-first", ["twenty-first"]),
    ("he is down for the 9th", ["9th"]),
    # date-027: a European day and month with the trailing dot.
    ("mein Termin ist am 18.11.", ["18.11"]),
    ("Termin vom 3.4. bis 7.4.", ["3.4", "7.4"]),
    ("my procedure is on 18.11. in the morning", ["18.11"]),
    ("rendez-vous le 02.12.", ["02.12"]),
    # date-031: an ISO date with its time.
    ("appt: 2024-11-18T07:30", ["2024-11-18", "2024-11-18T07:30"]),
    # callback-014 (as typed anywhere): a month and a day after "procedure day".
    ("any day but my procedure day 11/18", ["11/18"]),
    # phone-014: a phone's groups joined by words in one sentence.
    ("my number is 608 555 and then 0137", ["608 555", "0137"]),
    ("call me on 608 555, then 0137", ["608 555", "0137"]),
    ("cell is 608 and then 555 0137", ["608", "555 0137"]),
    ("it's 312 555 followed by 0199", ["312 555", "0199"]),
    # health_plan-014: a Medi-Cal BIC.
    ("Medi-Cal BIC 91234567A95012", ["91234567A95012"]),
    ("Medi-Cal 98765432Z12345", ["98765432Z12345"]),
    ("here is the BIC: 98765432Z12345 for my mom", ["98765432Z12345"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "values"), LEAKS)
def test_round21_r21d_value_is_masked(text: str, values: list[str]) -> None:
    """Each value is gone from the stored text."""
    out = redact(text)
    for value in values:
        assert not _raw(value, out), (text, out)


# Over-masked in round 21: the cue of birth is kept, only the date goes; and the mark says
# what went.
CUE_KEPT = [
    ("my birthday is the 14th of March, will I be ok by then",
     "my birthday is the [date removed], will I be ok by then"),
    ("my date of birth is 06 06 1940", "my date of birth is [date removed]"),
    ("my bday is 4/17, will I be home", "my bday is [date removed], will I be home"),
    # date-031: an ISO date with its time goes whole.
    ("checkin 2024-12-02T06:45:00Z", "checkin [date removed]"),
    ("appt 2025-01-09T13:15", "appt [date removed]"),
    # ssn-010 (one message): an SSN's groups with different signs, an SSN (had been a phone).
    ("ssn 512 44-8830", "ssn [SSN removed]"),
    ("my social security number is 512-44 8830", "my social security number is [SSN removed]"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "stored"), CUE_KEPT)
def test_round21_r21d_birth_cue_is_kept(text: str, stored: str) -> None:
    """The date goes; the words that say it is a birth date stay; an SSN is an SSN."""
    assert redact(text) == stored


KEPT = [
    "I am down for the third time this year",
    "we are in for the night",
    "I was in for the second opinion",
    "we are in for the 3rd floor clinic",
    "my INR was 2.5.",
    "the cost went from 12.50. to 15",
    "I take 100 mg and then 200 mg",
    "call between 9 and 10",
    "my number of visits is 10 and then 12",
    "rate it 7 and then 8",
    "between 1030 and 1130 is fine",
    "we have 2 and then 3 weeks",
    "ssn stands for social security number",
    "Do I need my social security card?",
    "my birthday is coming up",
    "the procedure day is a Monday",
    "level T12 and then L1",
    "what is a BIC card",
]


@pytest.mark.parametrize("text", KEPT)
def test_round21_r21d_ordinary_text_stays(text: str) -> None:
    """No identifier in these: the text is stored as written."""
    assert redact(text) == text


SPLIT = [
    # date-033: a year after a message that was a month and a day.
    (["my birthday is", "April 9", "1939"], ["April 9", "1939"]),
    (["her dob", "9 april", "1941"], ["9 april", "1941"]),
    # split-011: a day after a message that was a month alone.
    (["Procedure on", "November", "18"], ["18"]),
    (["the scan is in", "December", "the 3rd"], ["3rd"]),
    # ssn-010 / split-006: an SSN one group a message.
    (["do you need my social", "512", "44-8830"], ["512", "44-8830"]),
    (["ssn 512", "44", "8832"], ["512", "8832"]),
    (["his social security?", "it's 301", "27 4411"], ["301", "27 4411"]),
]  # fmt: skip


@pytest.mark.parametrize(("turns", "values"), SPLIT)
def test_round21_r21d_split_detail_is_masked_by_the_continuation(
    turns: list[str], values: list[str]
) -> None:
    """Each message redacted with the one before it (the replay's path)."""
    out = [redact(turns[0])] + [redact_continuation(a, b) for a, b in itertools.pairwise(turns)]
    joined = " \n ".join(out)
    for value in values:
        assert not _raw(value, joined), (turns, out)


@pytest.mark.parametrize(("turns", "values"), SPLIT)
def test_round21_r21d_split_detail_is_masked_however_the_turns_are_read(
    turns: list[str], values: list[str]
) -> None:
    """Whether the earlier messages come raw from memory or masked from the database."""
    for pattern in itertools.product([False, True], repeat=len(turns) - 1):
        transcript, question_log = stored_turns(turns, (False, *pattern))
        joined = " \n ".join(transcript + question_log)
        for value in values:
            assert not _raw(value, joined), (pattern, joined)


FOLLOW_UPS = [
    ["November", "2 more questions"],
    ["you may", "5"],
    ["my fall was in", "March"],
    ["April 9", "2000 steps a day is my goal"],
    ["how many", "44"],
    ["what year", "1939"],
]


@pytest.mark.parametrize("turns", FOLLOW_UPS)
def test_round21_r21d_ordinary_follow_up_is_stored_as_typed(turns: list[str]) -> None:
    """A next message that is no part of the detail stays."""
    assert redact_continuation(turns[0], turns[1]) == turns[1]


@pytest.mark.parametrize(
    ("answer", "values"),
    [
        ("any day but my procedure day 11/18", ["11/18"]),
        ("weekday mornings, not 12/3 or 12/4", ["12/3", "12/4"]),
        ("not the 18th, anything else works", ["18th"]),
        ("mornings, any day except the 3rd", ["3rd"]),
    ],
)
def test_round21_r21d_call_back_time_answer_masks_dates(answer: str, values: list[str]) -> None:
    """callback-014: the form's "good time to call" answer keeps the time, not a date."""
    stored = time_field(answer) or ""
    for value in values:
        assert not _raw(value, stored), stored


@pytest.mark.parametrize(
    "answer",
    ["weekday mornings", "between 9-11 am", "after 5", "mornings, 1/2 hour is enough", "9/10 am"],
)
def test_round21_r21d_call_back_time_answer_keeps_times(answer: str) -> None:
    """Times and ranges stay as typed."""
    assert time_field(answer) == answer
