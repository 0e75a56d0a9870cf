"""Round 15 (r15n): dates and ages an outside tester found stored raw, fixed as classes;
the phrasings below are our own, beside the tester's own message."""

from __future__ import annotations

import pytest

from core.privacy.identifiers import AGE_MARK, LINK_MARK
from core.privacy.redaction import (
    DATE_MARK,
    NAME_MARK,
    continuation,
    redact,
    redact_continuation,
)

# (message, the detail, its mark): the detail goes, every other word stays.
MASKED = [
    # A family's name in the plural after "we are the", "it's the", "from the".
    (
        "We are the Abernathy-Okoros, the two of us look after grandad",
        "Abernathy-Okoros",
        NAME_MARK,
    ),
    ("we're the Abernathy-Quayes and we look after her", "Abernathy-Quayes", NAME_MARK),
    ("a card from the Whitaker-Joneses today", "Whitaker-Joneses", NAME_MARK),
    # A kin word with "in law" before "of <Name>".
    ("hi im the son in law of Euphemia", "Euphemia", NAME_MARK),
    ("the brother-in-law of Anselm called", "Anselm", NAME_MARK),
    ("i am the daughter in law of Philippa", "Philippa", NAME_MARK),
    # A handle without a figure after a social service; a Skype "live:" id.
    ("my tiktok is spinewarriorbev", "spinewarriorbev", LINK_MARK),
    ("insta: nanaknitsalot if u want pics", "nanaknitsalot", LINK_MARK),
    ("fb is grannyglenda", "grannyglenda", LINK_MARK),
    ("my Skype name is live:joe.b.mariani", "live:joe.b.mariani", LINK_MARK),
    ("skype id live:.cid.8f2a1 thanks", "live:.cid.8f2a1", LINK_MARK),
    # A month and a day after "discharge (was|is) (on)".
    ("discharge was 11-02, still in pain", "11-02", DATE_MARK),
    ("her discharge is 12-02 i think", "12-02", DATE_MARK),
    ("the discharge is 3-07, right?", "3-07", DATE_MARK),
    ("his discharge was 10-02 and nobody called", "10-02", DATE_MARK),
    # A month/day between commas after a day's words.
    ("we had the MRI done the day after Christmas, 12/26, when will", "12/26", DATE_MARK),
    ("it was her birthday, 4/18, when she fell", "4/18", DATE_MARK),
    ("the appointment, 7/22, got cancelled", "7/22", DATE_MARK),
    # An ordinal from 90 to 119 in words after a possessive.
    ("my aunt just had her ninety-sixth and broke her back", "ninety-sixth", AGE_MARK),
    ("we threw dad's hundredth last week", "hundredth", AGE_MARK),
    ("at his ninety-ninth he could still walk", "ninety-ninth", AGE_MARK),
    ("my gran had her hundred and second in june", "hundred and second", AGE_MARK),
    # Spanish "tiene / cumplió noventa (y ...)" without "años".
    ("mi abuelita tiene noventa y tres, ¿es muy mayor?", "noventa y tres", AGE_MARK),
    ("mi papá cumplió noventa y uno ayer.", "noventa y uno", AGE_MARK),
    ("mi tía tiene cien y se cayó", "cien", AGE_MARK),
    # Haitian Creole "gen 91 an".
    ("papa m gen 91 an", "91", AGE_MARK),
    ("manman m gen 103 ane, li tonbe", "103", AGE_MARK),
    # A figure 90-119 before candles / birthday.
    ("Nana just celebrated 98 candles on her cake", "98", AGE_MARK),
    ("she blew out 99 candles, then fell", "99", AGE_MARK),
    ("planning her 95 birthday party", "95", AGE_MARK),
]


@pytest.mark.parametrize(("text", "detail", "mark"), MASKED)
def test_the_detail_is_masked(text: str, detail: str, mark: str) -> None:
    once = redact(text)
    assert once == text.replace(detail, mark, 1), once
    assert redact(once) == once


# A message ends with "<kin> is" / "she's"; the next opens with an age over 89.
AGE_SPLIT = [
    ("how old is too old? my mum is", "92. she has 3 fractures", "92"),
    ("is surgery safe, my grandad is", "97 and frail", "97"),
    ("asking for my aunt, she's", "104!", "104"),
]


@pytest.mark.parametrize(("first", "second", "age"), AGE_SPLIT)
def test_an_age_opening_the_next_message(first: str, second: str, age: str) -> None:
    masked = redact(first)
    assert continuation(first, second) == (age, AGE_MARK)
    assert continuation(masked, second) == (age, AGE_MARK)
    assert redact_continuation(first, second) == second.replace(age, AGE_MARK, 1)
    assert redact_continuation(masked, second) == second.replace(age, AGE_MARK, 1)


SPLIT_KEPT = [
    ("my mum is", "90% better now"),
    ("my mum is", "95 pounds"),
    ("what time is it", "92. she has 3 fractures"),
]


@pytest.mark.parametrize(("first", "second"), SPLIT_KEPT)
def test_no_age_opening(first: str, second: str) -> None:
    assert redact_continuation(first, second) == redact(second)


KEPT = [
    "We are the patients",
    "we are the patients",
    "What's the difference with a Harrington rod surgery?",
    "he had a Harrington rod put in",
    "a Jewett brace",
    "is the Luque technique better",
    "the neighbour's dog",
    "reach me at the office",
    "my tiktok is private",
    "my facebook is down",
    "is facebook safe",
    "we went live: it was fun",
    "my pain is 9/10",
    "fracture at T12/L1",
    "he's 85",
    "surgery was 2-3 hours",
    "the MRI is in 1-2 weeks",
    "ninety minutes in the waiting room",
    "her ninety minutes of physio",
    "tiene noventa pesos",
    "the day was bad, 9/10, awful",
    "rated the day, 30/45, not great",
    "we bought 95 candles",
    "a $95 birthday gift",
    "gen 91 dola",
    "her hundred questions",
]


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_messages_are_kept(text: str) -> None:
    assert redact(text) == text
    assert redact(text.upper()) == text.upper()


def test_she_turned_ninety_is_an_age() -> None:
    assert "ninety" not in redact("she turned ninety last week").lower()


# A surname before a comma and a masked first name after a label (text pasted from a card).
LABELLED = [
    ("MEMBER: TREMBLAY, GISELE M", "TREMBLAY"),
    ("Insured: Kowalczyk, Janina R", "Kowalczyk"),
    ("SUBSCRIBER: BOUCHARD, ANNE", "BOUCHARD"),
]


@pytest.mark.parametrize(("text", "surname"), LABELLED)
def test_a_labelled_surname_goes_with_the_first_name(text: str, surname: str) -> None:
    once = redact(text)
    assert surname not in once, once
    assert once.split(":")[0] == text.split(":")[0]
    assert redact(once) == once
