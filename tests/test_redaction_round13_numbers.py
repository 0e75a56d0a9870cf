"""Round 13 (r13n): numbers an outside tester found stored raw or under the wrong mark,
fixed as classes; the phrasings below are our own, beside the tester's own message."""

from __future__ import annotations

import pytest

from core.privacy.identifiers import ID_MARK, LINK_MARK
from core.privacy.redaction import (
    PHONE_MARK,
    SSN_MARK,
    continuation,
    redact,
    redact_continuation,
)

# A phone's start at a message's end after a request to be called without "at"/"on", and
# the figures that complete it at the start of the next message.
CALL_ME_SPLIT = [
    ("can someone call me, 203 555", "0155", "0155"),
    ("pls ring me 860 555", "0134 thanks", "0134"),
    ("could the nurse call me, 475 555", "0112", "0112"),
    ("text me 959 555", "0187 after 5", "0187"),
    ("call me back, 203", "555 0148", "555 0148"),
    ("reach me 860 555", "0190 any time", "0190"),
]
# The rest of an id after a message that ended in the id's start behind "#" or "policy".
ID_REST_SPLIT = [
    ("my medicare # is 2QK7-HN3", "-PR58", "-PR58"),
    ("her medicare # is 5TW2-KD8", "-XM41 i think", "-XM41"),
    ("policy # is HX44-0912", "-77QA", "-77QA"),
    ("member # is ZK-4471", "-0926 sorry", "-0926"),
    ("moms medicare #: 7JD3", "TR6-KN22", "TR6-KN22"),
    ("the policy is 8812-44", "QX97", "QX97"),
]

# A card's number after its brand or "card" that fails the Luhn check: a card's whole.
CUED_CARDS = [
    ("can I pay over the phone with my visa 4539 7712 0043 8816", "4539 7712 0043 8816"),
    ("paid by debit 4539 7712 0043 8816 last week", "4539 7712 0043 8816"),
    ("credit 5412 7534 9921 0038 was declined", "5412 7534 9921 0038"),
    ("the visa, 4716 2203 9915 0073", "4716 2203 9915 0073"),
    ("discover 6011 0009 9013 9426 please", "6011 0009 9013 9426"),
    ("on the phone w/ mastercard 5500-1234-5678-9011", "5500-1234-5678-9011"),
]
# A phone's cue before four groups of four figures: the fourth group goes with the rest.
PHONE_RUNS = [
    "phone: 4539 7712 0043 8816",
    "my cell 5512 3340 9917 2208 is new",
    "mobile 4410-2291-0056-7713 thanks",
]

# A user name a patient gives as who they are, where the message speaks of a forum or an app,
# or after "im" when its letters are no English word.
SELF_USER_NAMES = [
    ("on the forum im spinegranny58, i posted about my fracture there", "spinegranny58"),
    ("in the facebook group I am nana_rosa", "nana_rosa"),
    ("on reddit im granny58.", "granny58"),
    ("im knitlady72, i wrote to you last week", "knitlady72"),
    ("I'm bookworm1954", "bookworm1954"),
    ("in the group as sunny58 if you see it", "sunny58"),
    ("my handle on the site is what they called rosie_k", "rosie_k"),
]

# Nine figures after a short SSN cue: an SSN, not a phone.
SHORT_CUED_SSNS = [
    ("SS# 219374650", "219374650"),
    ("my SS # 219374650 for the form", "219374650"),
    ("her social sec no. is 219374650", "219374650"),
    ("Soc. Sec. #: 219374650", "219374650"),
    ("ss no 219374650 thanks", "219374650"),
    ("soc sec # 219374651 on file", "219374651"),
]


@pytest.mark.parametrize(("text", "number"), SHORT_CUED_SSNS)
def test_nine_figures_after_a_short_ssn_cue_are_an_ssn(text: str, number: str) -> None:
    assert redact(text) == text.replace(number, SSN_MARK)


@pytest.mark.parametrize(("text", "name"), SELF_USER_NAMES)
def test_a_user_name_given_as_who_one_is(text: str, name: str) -> None:
    once = redact(text)
    assert once == text.replace(name, LINK_MARK)
    assert redact(once) == once


@pytest.mark.parametrize(("text", "number"), CUED_CARDS)
def test_a_cued_card_number_is_masked_whole(text: str, number: str) -> None:
    assert redact(text) == text.replace(number, ID_MARK)


@pytest.mark.parametrize("text", PHONE_RUNS)
def test_a_phone_cue_leaves_no_group_of_a_longer_run(text: str) -> None:
    once = redact(text)
    assert PHONE_MARK in once
    assert not any(ch.isdigit() for ch in once), once


@pytest.mark.parametrize(("first", "second", "rest"), CALL_ME_SPLIT)
def test_a_phones_start_after_call_me_and_its_rest(first: str, second: str, rest: str) -> None:
    """The start goes in the first message; the rest after it, the first read raw or masked."""
    masked = redact(first)
    assert masked.endswith(PHONE_MARK), masked
    assert continuation(first, second) == (rest, PHONE_MARK)
    assert continuation(masked, second) == (rest, PHONE_MARK)
    assert rest not in redact_continuation(first, second)
    assert rest not in redact_continuation(masked, second)


@pytest.mark.parametrize(("first", "second", "rest"), ID_REST_SPLIT)
def test_an_ids_rest_after_a_hash_or_policy_cue(first: str, second: str, rest: str) -> None:
    """'medicare # is [ID removed]' (read back from the database) / '-PR58': the rest goes."""
    masked = redact(first)
    assert masked.endswith(ID_MARK), masked
    assert continuation(first, second) == (rest, ID_MARK)
    assert continuation(masked, second) == (rest, ID_MARK)
    assert rest not in redact_continuation(masked, second)


KEPT = [
    "call me back please",
    "can you call me back tomorrow",
    "text me when the results are in",
    "I have 2 cards",
    "the visa office called about my trip",
    "is covid19 still going around the ward",
    "im covid19 positive, can i still come",
    "I'm on b12 shots every month",
    "she has a t12 fracture",
    "my policy is up for renewal",
    "a member # is on the back of the card",
    "on the app im 82 years old",
    "IM COVID19 POSITIVE, THE APP SAYS",
    "im granny58 lol",
    "my soc sec check came 2 days late",
    "I lost my ss card, 2 weeks ago",
]


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_messages_are_kept(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("can you call me back", "5 more questions first"),
        ("call me, please", "0155 is not my number"),
        ("my policy is good", "-PR58"),
        ("call me back, 203", "5 more questions"),
        ("pls ring me 860 555", "2 times if i dont answer"),
        ("call me at 860 555", "2 more things"),
    ],
)
def test_no_rest_without_a_start(first: str, second: str) -> None:
    """Without a start at the first message's end, or with fewer than three figures after a
    phone's start, the next message's figures are kept."""
    assert continuation(first, second) is None
    assert continuation(redact(first), second) is None


def test_a_normal_phone_is_still_a_phone() -> None:
    assert redact("call me, 203 555 0155") == f"call me, {PHONE_MARK}"
    assert redact("ring me on 860-555-0134 after 5") == f"ring me on {PHONE_MARK} after 5"
