"""Round 23's outside tester (helper r23p): towns of a place name's shape after a bare "from /
near / in", two towns "between ... and", a town alone or opening a message ("X here,", "X to
you is"), towns after the Korean / Chinese "live in", care homes named by ordinary words and
their rooms, a house number beside a masked street, and a road asked about as the way here;
and the ordinary look-alikes, which stay (docs/privacy.md, round 23)."""

from __future__ import annotations

import re

import pytest

from core.privacy.redaction import redact

LEAKS = [
    # the tester's messages (results.md ids)
    ("is there a shuttle from Clarks Summit", ["Clarks Summit"]),  # ct11
    ("near old forge, how long is the drive", ["old forge"]),  # ct12
    ("between Jessup and Mayfield", ["Jessup", "Mayfield"]),  # ct14
    ("윌크스배리에 살아요 주차 가능한가요", ["윌크스배리"]),  # ct15
    ("mt pocono", ["pocono"]),  # ct17
    ("Sugar Notch here, will it snow lol no seriously do you cancel for snow", ["Sugar Notch"]),
    ("pittston", ["pittston"]),  # ct24
    ("we r in forty fort", ["forty fort"]),  # ct25
    ("throop pa", ["throop"]),  # ct27
    ("New Milford to you is 90 min", ["New Milford"]),  # ct31
    ("hes in rm 12B at sunrise of abington", ["12B", "sunrise", "abington"]),  # ch02
    ("the Lutheran Home in Topton, bed 3 by the window", ["Lutheran", "Topton", "bed 3"]),
    ("she's in the nursing home, Saint Mary's Villa, room 2W-31", ["Mary's Villa", "2W-31"]),
    ("mi papá está en el hogar Casa Esperanza, cuarto 9", ["Casa", "Esperanza", "cuarto 9"]),
    ("the Meadows, room one-oh-four", ["Meadows", "one-oh-four"]),  # ch10
    ("she's at Oak Hill (the assisted living not the cemetery) unit C", ["Oak Hill", "unit C"]),
    ("Birchwood personal care home, Room #8", ["Birchwood", "#8"]),  # ch13
    ("Can Manorcare Kingston bring her in their van, she is in 204-B", ["Kingston", "204-B"]),
    ("Mountain View Care Center room 118", ["Mountain View", "118"]),  # ch18
    ("my mom edna is at the willows room 8 her dob is 1 12 34", ["willows", "room 8"]),  # mx08
    ("我爸爸叫李建国\uff0c今年91岁\uff0c住在费城\uff0c电话 215-555-0125", ["费城"]),  # mx15
    ("the house is 2217 on the corner of Maple and Vine", ["2217", "Maple"]),  # ad19
    ("the big white house, number 48 on Ridge", ["48", "Ridge"]),  # ad23
    # new wordings of the same classes
    ("we drove up from Mount Pocono this morning", ["Pocono"]),
    ("my sister near Lake Ariel drives me", ["Lake Ariel"]),
    ("between Dunmore and Olyphant, off the highway", ["Dunmore", "Olyphant"]),
    ("Tunkhannock PA", ["Tunkhannock"]),
    ("white haven", ["white haven"]),
    ("Bear Creek here. is parking free", ["Bear Creek"]),
    ("Old Forge to you is about an hour", ["Old Forge"]),
    ("저는 스크랜턴에 살아요", ["스크랜턴"]),
    ("我们住在斯克兰顿", ["斯克兰顿"]),
    ("dad is at the Pines, rm 14", ["Pines", "14"]),
    ("she is in the Moravian Home, bed 2", ["Moravian", "bed 2"]),
    ("Green Ridge Care Center, unit 3A", ["Green Ridge", "3A"]),
    ("she's at the nursing home, Saint Anne's Villa, room 3E-12", ["Anne's", "3E-12"]),
    ("la residencia Santa Rosa, habitación 12", ["Santa Rosa", "12"]),
]

KEPT = [
    "Is it far from Route 8?",  # or06
    "Can I take the bus, Route 8?",  # or65
    "Is Exit 170 the right one?",
    "Is the clinic on Main Street?",
    "how far is it from the hospital",
    "I am in new patients orientation",
    "we live in fear of falling",
    "between Monday and Friday",
    "thanks",
    "ok",
    "yes please",
    "Sounds good here, thank you",
    "mom is in bed 2 of room 14 on the rehab floor",  # ch21: a hospital's ward (decided)
    "she's at Bristol Hospital, room 306",
    "the gardens are lovely",
    "we walked in the woods near the lake",
    "Is the Urgent Care Center open late?",
    "can I go home the same day",
    "住在医院几天?",
    "집에 살아요",
    "is there a shuttle from Hartford",
    "it's a new home for us",
    "I take the bus",
]


@pytest.mark.parametrize(("text", "gone"), LEAKS)
def test_the_detail_is_masked(text: str, gone: list[str]) -> None:
    stored = redact(text)
    for value in gone:
        if not value.isascii():  # Han and Hangul text has no spaces between words
            assert value not in stored, (value, stored)
            continue
        assert not re.search(rf"(?<!\w){re.escape(value)}(?!\w)", stored, re.IGNORECASE), (
            value,
            stored,
        )
    assert redact(stored) == stored  # one redaction is final


@pytest.mark.parametrize("text", KEPT)
def test_the_ordinary_text_stays(text: str) -> None:
    assert redact(text) == text
