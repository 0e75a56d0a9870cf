"""Round 20's outside tester (t21r20, helper r20d): dates, ages over 89, e-mails, ids, licences
and links in disguise, and an address or a birth date split over messages. Each class has the
tester's wording and new wordings of the same shape; the look-alikes stay as typed."""

from __future__ import annotations

import itertools

import pytest

from core.privacy.redaction import redact, redact_continuation
from tests.split_turns import stored_turns

LEAKS = [
    # D01: a holiday as a birthday, or with a year.
    ("her birthday is valentines day 1932", ["valentines day", "1932"]),
    ("his birthday is new years day", ["new years day"]),
    ("her birthday falls on halloween", ["halloween"]),
    ("my bday is st patrick's day", ["patrick's day"]),
    ("we married on halloween 1955", ["halloween 1955"]),
    # D08: a Roman-numeral month.
    ("fecha de nacimiento: 7/IV/1938", ["7/IV/1938"]),
    ("dob: 12/iii/1935", ["12/iii/1935"]),
    ("born 3.XI.40", ["3.XI.40"]),
    ("born 7 IV 1938", ["7 IV 1938"]),
    # D13, D24: a day of the month in a sentence that holds a date already.
    ("my procedure got moved from the 14th to the 21st, is that normal", ["14th", "21st"]),
    ("i'm booked in for the 2nd week of march, the 11th specifically", ["the 11th"]),
    ("the scan is in june, the 9th or so", ["9th"]),
    ("the scan is between the 3rd and the 5th", ["3rd", "5th"]),
    # D16: a birth year in words that makes someone 90 or older.
    ("mom was born in nineteen twenty nine, is she too old", ["nineteen twenty nine"]),
    ("born nineteen hundred and twenty", ["hundred and twenty"]),
    ("she was born in nineteen nineteen", ["nineteen nineteen"]),
    ("born in eighteen ninety-nine", ["eighteen ninety-nine"]),
    # D23, D27: a month and a day with spaces or words after a date's cue.
    ("appointment: 06 / 17", ["06 / 17"]),
    ("her bday is tomorrow 12/5 can we still come in", ["12/5"]),
    ("appt is this week 3/14", ["3/14"]),
    ("dob - 3 / 14 / 1931", ["3 / 14", "1931"]),
    # G13: "the big 9-5".
    ("she just hit the big 9-5 last month", ["9-5"]),
    ("he turned the big nine-three", ["nine-three"]),
    ("grandpa turned nine-five", ["nine-five"]),
    ("turning 1-0-1 on sunday", ["1-0-1"]),
    # E02, E10: "at" in brackets.
    ("email m.olsen [at] example [.] com", ["m.olsen", "example"]),
    ("email me \u2014 tomasz.w (at) example.pl", ["tomasz.w", "example.pl"]),
    ("write to anna_k {at} mail [dot] de", ["anna_k", "mail [dot] de"]),
    # E07, E13: a user name before a masked domain.
    ("my email is my first initial and last name, so jkettleworth, at example.com",
     ["jkettleworth"]),
    ("email is first and last name together, hwojcik, at example.net", ["hwojcik"]),
    ("mail it to lmarsh, at example.co.uk", ["lmarsh"]),
    ("email to dads account which is walt dot mariani 41 at example dot com",
     ["walt", "mariani"]),
    # M08: a letter O for a zero.
    ("her ID on the armband: 2O11-445", ["2O11-445"]),
    ("armband says 3O3-4471", ["3O3-4471"]),
    # H13: an MBI read out character by character.
    ("mbi one e g four t e five m k seven five", ["one e g four t e five m k seven five"]),
    ("medicare id is three k w two a b seven c d nine", ["three k w two a b seven c d nine"]),
    # L04, L10: a plate after "tag", a device's serial.
    ("my tag is GRNDMA", ["GRNDMA"]),
    ("tag: NANAJO", ["NANAJO"]),
    ("her hearing aid serial SN: 7Y4K2P", ["7Y4K2P"]),
    ("s/n: 4H7K2P11", ["4H7K2P11"]),
    ("S/N 88K2L1 on the box", ["88K2L1"]),
    # U09: a defanged link.
    ("hxxp://caring-bridge[.]org/visit/bevkowalski", ["bevkowalski", "caring-bridge"]),
    ("see caringbridge[.]org/visit/bev", ["caringbridge", "visit/bev"]),
    ("hxxps://bit[.]ly/bev-fund", ["bit[.]ly"]),
    ("gofundme(.)com/f/helpbev", ["helpbev"]),
    # DOC10: Korean and Japanese dates.
    ("je ireumeun Kim Min-ji imnida. saengil 1939 nyeon 3 wol 2 il", ["3 wol 2 il", "1939"]),
    ("saengil 1939\ub144 3\uc6d4 2\uc77c", ["3\uc6d4 2\uc77c"]),
    ("umare wa 1938 nen 5 gatsu 3 nichi", ["5 gatsu 3 nichi"]),
    ("saengil 1938 nyeon 11 wol 30 il", ["11 wol 30 il"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "values"), LEAKS)
def test_round20_value_is_masked(text: str, values: list[str]) -> None:
    """Each value is gone from the stored text."""
    out = redact(text)
    for value in values:
        assert value.lower() not in out.lower(), (text, out)


KEPT = [
    "take 2 tylenol",
    "pain is 7/10",
    "since the surgery my pain is 7/10",
    "on the 3rd day",
    "I'm 75",
    "she turned 85",
    "March is best",
    "my tag says visitor",
    "my tag is XL",
    "his tag is LOST",
    "my t-score on the bone density scan was -2.8",
    "surgery was 2-3 hours",
    "the procedure is 10-15 minutes",
    "appointment 9.30",
    "can I come in before christmas",
    "in march, the 2nd time i fell",
    "from the 1st to the 3rd floor",
    "it works 9-5",
    "the temperature hit 95 today",
    "the big 90 minute surgery scared me",
    "the big day is coming",
    "I have the big 3 questions",
    "email me at the hospital please",
    "take O2 at night",
    "my vitamin D was 1OO",
    "born in the eighties",
    "what about vertebra L2, IV or V?",
    "grade IV/V",
    "scan in may, the first week",
    "is T12 fracture worse than L1",
    "I'm 89",
    "8/10",
    "140/90",
    "1/2 tablet",
]


@pytest.mark.parametrize("text", KEPT)
def test_round20_ordinary_text_stays(text: str) -> None:
    """No identifier in these: the text is stored as written."""
    assert redact(text) == text


SPLIT = [
    # D22: the day and year after "born march".
    (["she was born march", "twelfth nineteen forty"], ["twelfth nineteen forty"]),
    (["born in march", "the 3rd nineteen thirty"], ["3rd nineteen thirty"]),
    # SP05: an address's middle between "email is winnie." and "@example.com".
    (["email is winnie.", "the.pooh.fan", "@example.com"], ["the.pooh.fan"]),
    (["email address is jo.", "smith.family", "@example.com"], ["smith.family"]),
]  # fmt: skip


@pytest.mark.parametrize(("turns", "values"), SPLIT)
def test_round20_split_detail_is_masked_by_the_continuation(
    turns: list[str], values: list[str]
) -> None:
    """Each message redacted with the one before it (the question log's path)."""
    out = [redact(turns[0])] + [redact_continuation(a, b) for a, b in itertools.pairwise(turns)]
    joined = " ".join(out).lower()
    for value in values:
        assert value.lower() not in joined, (turns, out)


@pytest.mark.parametrize(("turns", "values"), SPLIT)
def test_round20_split_detail_is_masked_however_the_turns_are_read(
    turns: list[str], values: list[str]
) -> None:
    """Whether the earlier messages come raw from memory or masked from the database."""
    for pattern in itertools.product([False, True], repeat=len(turns) - 1):
        transcript, question_log = stored_turns(turns, (False, *pattern))
        joined = " ".join(transcript + question_log).lower()
        for value in values:
            assert value.lower() not in joined, (pattern, joined)


FOLLOW_UPS = [
    ["she was born march", "2 questions please"],
    ["her appointment is in march", "the 3rd floor?"],
    ["my email is", "ok thanks"],
    ["email is winnie.", "can I drive after?"],
]


@pytest.mark.parametrize("turns", FOLLOW_UPS)
def test_round20_ordinary_follow_up_is_stored_as_typed(turns: list[str]) -> None:
    """A next message that is no part of the detail stays."""
    assert redact_continuation(turns[0], turns[1]) == turns[1]
