"""Round 18's outside tester: care homes by name, towns after more cues of origin, a
Portuguese street, unaccented Vietnamese, Italian, Portuguese and Creole dates, Spanish ages."""

from __future__ import annotations

import itertools

import pytest

from core.privacy.redaction import redact, redact_continuation

LEAKS = [
    ("my mom is in the Sheriden Woods nursing home, room 212, can they transport her",
     ["Sheriden", "212"]),
    ("she moved into Brightview assisted living on Farmington Ave", ["Brightview"]),
    ("mom is at Bristol Health & Rehab, room 14B", ["14B"]),
    ("she lives at Saint Mary Home, West Hartford, 3rd floor", ["Saint Mary"]),
    ("she's in the Masonic Care home in Wallingford", ["Masonic"]),
    ("we're from New Haven", ["New Haven"]),
    ("nou soti Port-au-Prince, kounye a nou nan Hartford", ["Port-au-Prince", "Hartford"]),
    ("nós somos de Governador Valadares", ["Governador"]),
    ("ông bà tôi ở Hartford", ["Hartford"]),
    ("soy Ana de Meriden", ["Meriden"]),
    ("moramos na Rua Sete de Setembro 410, Danbury", ["410", "Setembro"]),
    ("mama sinh ngay 15 thang 8 nam 1940", ["15 thang", "1940"]),
    ("ba toi nga ngay 20 thang 10", ["20 thang"]),
    ("sono caduta il 18 agosto, posso ancora fare la procedura?", ["18 agosto"]),
    ("è nata il 12 marzo 1933", ["12 marzo", "1933"]),
    ("ela caiu dia 9", ["dia 9"]),
    ("nan dat 3 me li te tonbe", ["3 me"]),
    ("mi papá de 91", ["91"]),
    ("mi mamá ya cumplió los 95", ["95"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "values"), LEAKS)
def test_round18_value_is_masked(text: str, values: list[str]) -> None:
    """Each of the tester's values is gone from the stored text."""
    out = redact(text)
    for value in values:
        assert value not in out, (text, out)


KEPT = [
    "is there parking at the nursing home entrance?",
    "I'm from Aetna, calling about a claim",
    "we drive in to Bristol Hospital, how late is it open?",
    "she's at home now, room 3 is where she sleeps",
    "mi papá de 45 años",
    "caiu dia a dia",
]


@pytest.mark.parametrize("text", KEPT)
def test_round18_ordinary_text_stays(text: str) -> None:
    """No place, date or age in these: the text is stored as written."""
    assert redact(text) == text


def test_writer_at_a_home_stays() -> None:
    """The corpus's negative: where the writer is now is no one's address."""
    text = "I'm at the Maplewood assisted living on Riverside, room 3"
    assert redact(text) == text


SPLIT_SSNS = [
    (["do you need dad's social?", "ok its 123-45", "-6789"], ["123-45", "6789"]),
    (["dad's social", "is 612 44", "9087"], ["612 44", "9087"]),
    (["need his ssn?", "first 5 are 301 27"], ["301 27"]),
]


@pytest.mark.parametrize(("messages", "values"), SPLIT_SSNS)
def test_split_ssn_is_masked(messages: list[str], values: list[str]) -> None:
    """An SSN's first five in a reply to a message naming it, and its last four after."""
    stored = [messages[0]] + [
        redact_continuation(prev, cur) for prev, cur in itertools.pairwise(messages)
    ]
    for value in values:
        assert all(value not in out for out in stored), stored


def test_social_worker_reply_stays() -> None:
    """A social worker is no SSN: figures in a reply to it stay."""
    assert redact_continuation("can I talk to a social worker?", "room 312 12") == "room 312 12"


def test_dosing_before_a_doctor_line_is_no_address() -> None:
    """A pasted label's "take 1 q6h" / "Dr. Okafor": a street never crosses a line."""
    label = "OXYCODONE 5MG take 1 q6h\nDr. Okafor"
    assert "q6h" in redact(label)
