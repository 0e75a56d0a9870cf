"""Round 22's outside tester (helper r22p): towns before a state code or with small words in
their names, care homes named "<Gardens> at X" / "X place" / "Our Lady of X Residence", a
house number read out with "oh", a month with an abbreviated year, a month/day after a verb of
an event, a plate after its masked state, an age over 89 as a decade, East Asian names alone or
in brackets; and the ordinary look-alikes, which stay (docs/privacy.md, round 22)."""

from __future__ import annotations

import re

import pytest

from core.privacy.redaction import redact

LEAKS = [
    # the tester's messages (results.md ids)
    ("Bowling Green KY to you is a long drive, can we stay overnight", ["Bowling Green"]),  # 094
    ("She's from Truth or Consequences originally", ["Truth or Consequences"]),  # town-095
    ("lives at The Gardens at Stonebridge, unit C-7", ["Stonebridge", "C-7"]),  # carehome-102
    ("She resides at Our Lady of Mercy Residence", ["Our Lady", "Residence"]),  # carehome-110
    ("hes at rosewood place rm 11", ["rosewood place", "rm 11"]),  # carehome-112
    ("she's in the Villas at Cobble Creek", ["Villas at", "Cobble Creek"]),  # carehome-397
    ("he's at brightwater place memory care", ["brightwater"]),  # carehome-398
    ("one oh three Pine Hollow Drive", ["one oh three", "Pine Hollow"]),  # address-077
    ("my MRI was done 10/2", ["10/2"]),  # date-145
    ("i was born in march of '47", ["march of '47", "'47"]),  # date-147
    ("i was born in june of '39", ["june of '39", "'39"]),  # date-405
    ("my fall was on 11-15 and the fracture was found 11-20", ["11-15", "11-20"]),  # date-156
    ("the fall was 11-3 and I saw the doctor 11-7", ["11-3", "11-7"]),  # date-406
    ("plate: MA 4GT-829", ["4GT-829", "4GT"]),  # plate-258
    ("plate: NY KXT-4471", ["KXT-4471", "4471"]),  # plate-408
    ("my plate is CA 8ABC123", ["8ABC123"]),  # plate-409
    ("mom is in her late 90s, 98 to be exact", ["late 90s", "98"]),  # age-169
    ("mom is in her mid 90s", ["mid 90s"]),  # age-410
    ("山本 花子", ["山本", "花子"]),  # name-391
    ("My husband Hiroshi Tanabe (田辺 浩) is 76, is he too old", ["田辺", "浩"]),  # name-038
    ("우리 어머니 김순자 씨가 허리가 아파요", ["김순자"]),  # name-392
    ("김순자", ["김순자"]),  # the brief: a Korean name alone
    # new wordings of the same classes
    ("Elizabeth City NC is where we live", ["Elizabeth City"]),
    ("we drove up from Bowling Green KY", ["Bowling Green"]),
    ("dad grew up in Isle of Palms", ["Isle of Palms"]),
    ("my aunt lives at the Cottages at Willow Bend, apt 4", ["Willow Bend", "apt 4"]),
    ("shes at maple leaf place", ["maple leaf place", "leaf"]),
    ("he is in Our Lady of Peace Home", ["Our Lady", "Peace"]),
    ("two oh nine Linden Court is the house", ["two oh nine", "Linden"]),
    ("my surgery was on 9/14 and it went ok", ["9/14"]),
    ("dad was born in Oct. '31", ["'31"]),
    ("tags: TX 7KD-2291", ["7KD-2291"]),
    ("grandpa is in his early nineties", ["nineties"]),
    ("she's in her upper 100s now", ["100s"]),
    ("my dad is in his late 90's", ["90's"]),
    ("(佐藤 健)", ["佐藤", "健"]),
    ("Yuki Sato (佐藤由紀) will come with me", ["佐藤由紀"]),
    ("박민수 씨는 내일 와요", ["박민수"]),
]

KEPT = [
    "how far is Bristol CT from Hartford",
    "I live in New York NY",
    "Is that OK",
    "I live in Hope",
    "she is in a good place now",
    "he is at my place",
    "he came in first place",
    "Does it help with 8/10 pain?",
    "pain was 8/10 yesterday",
    "it was done 1/2 way",
    "I had 2-3 days of pain",
    "we went on 3-4 walks",
    "I was on 5-10 mg",
    "the kids were 2-3 when",
    "music from the 90s",
    "mom is in her 90s",
    "it was hot, in the mid 90s",
    "Is the clinic off Route 8?",
    "手术 疼吗",
    "手术疼吗\uff1f",
    "정말요",
    "고마워",
    "손목이",
    "아저씨가 왔어요",
    "감사합니다",
    "one or two Tylenol on the day is fine",
    "she's at her friend's place",
    "he's at a friend's place tonight",
    "the Residence at the hospital is closed",
]


@pytest.mark.parametrize(("text", "gone"), LEAKS)
def test_the_detail_is_masked(text: str, gone: list[str]) -> None:
    stored = redact(text)
    for value in gone:
        assert not re.search(rf"(?<!\w){re.escape(value)}(?!\w)", stored, re.IGNORECASE), (
            value,
            stored,
        )
    assert redact(stored) == stored  # one redaction is final


@pytest.mark.parametrize("text", KEPT)
def test_the_ordinary_text_stays(text: str) -> None:
    assert redact(text) == text
