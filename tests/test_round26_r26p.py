"""Round 26's report, fixed by helper r26p: care homes named by the words before their kind of
care (and their wings, floors, rooms and beds), streets without a house number, towns abroad
or that are words, dates of a booked day, ages in clinical shorthand, ids given in parts,
details split over messages, and a road weighed as the way here (docs/privacy.md, round 26)."""

from __future__ import annotations

import itertools

import pytest

from core.privacy.redaction import redact, redact_continuation


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        # car102, car103, car107, car441, car442, car445: words before a kind of care.
        ("from the Evergreen Assisted Living, wing C, bed 3", ["Evergreen", "bed 3"]),
        ("he's a resident at st. agnes care center", ["agnes"]),
        ("Golden Years Nursing & Rehabilitation, rm 118", ["Golden", "Years", "118"]),
        ("she's at brookside assisted living in bed 2", ["brookside", "bed 2"]),
        ("sunset senior living apt 112", ["sunset", "senior", "112"]),
        ("from Lakeview Health and Rehab, room 221-B", ["Lakeview", "221"]),
        # The same class, other wordings.
        ("Maple Grove Health & Rehabilitation Center, room 310", ["Maple", "Grove", "310"]),
        # car110: "<Name> Home at <Place>", its floor and room.
        ("Hebrew Home at Riverdale, 4th fl room 407", ["Hebrew", "Riverdale", "4th", "407"]),
        ("he's at Jewish Home at Rockleigh, 2nd floor", ["Jewish", "Rockleigh", "2nd"]),
        # car104: a senior-living chain and the community's name.
        ("Brookdale Harbor Chase will bring her by van", ["Brookdale", "Harbor", "Chase"]),
        ("Atria Park will send a van", ["Atria", "Park"]),
        # add449, add451, add453: streets without a house number.
        ("we're on Western near 63rd", ["Western", "63rd"]),
        ("we're on Halsted near 35th", ["Halsted", "35th"]),
        ("the yellow house on Cherry, 3rd from the end", ["Cherry"]),
        ("the white house on Maple, corner lot", ["Maple"]),
        ("i live above the bakery on 18th street", ["18th"]),
        ("my parents live two doors from the church on 5th avenue", ["5th"]),
        # tow085, tow093, tow459, tow462, zip118: towns.
        ("Is there a shuttle from Paradise? (the town in CA)", ["Paradise"]),
        ("I was born in Guadalajara, live here now in Cicero", ["Guadalajara", "Cicero"]),
        ("she lives in Guadalajara", ["Guadalajara"]),
        ("we moved here from Oaxaca", ["Oaxaca"]),
        ("mom is from Mobile", ["Mobile"]),
        ("grandma is from Paradise", ["Paradise"]),
        ("grew up in Monterrey, now in San Antonio", ["Monterrey", "San Antonio"]),
        ("he grew up in Kyiv, now in Hartford", ["Kyiv", "Hartford"]),
        ("code postal 33139 Miami Beach", ["33139", "Miami"]),
        # dat136, dat468, dat469: dates of a booked day.
        ("my date is the 22nd, right?", ["22nd"]),
        ("my discharge day is the 9th, right?", ["9th"]),
        ("my surgery is 12 18", ["12 18"]),
        ("the appointment is 11 4", ["11 4"]),
        ("Procedure: Dec-21", ["Dec-21"]),
        ("scan: Mar-03", ["Mar-03"]),
        # age471, pas259: ages in clinical shorthand.
        ("F/94 with kyphosis", ["94"]),
        ("M/96 presenting with back pain", ["96"]),
        ("pt 92/F", ["92"]),
        ("ID BAND: ZIMMERMAN,OTTO  M  91Y  MRN#008812", ["91"]),
        ("WALSH,EDNA F 97Y", ["97"]),
        # hea478: an id's part after "part <n>:".
        ("medicare number part 1: 1EG4", ["1EG4"]),
        ("member id part 1: XK92", ["XK92"]),
        ("second part: 7TQ4", ["7TQ4"]),
    ],
)
def test_the_detail_goes(typed: str, gone: list[str]) -> None:
    stored = redact(typed)
    for value in gone:
        assert value not in stored, stored


@pytest.mark.parametrize(
    "typed",
    [
        # ord497 and its kin: a road weighed as the way here.
        "Is Route 8 the fastest way to the hospital?",
        "Is Route 9 the quickest way?",
        "Is route 9 faster than I-84?",
        "Is the clinic near Route 8?",
        # Kinds of care without a home's name.
        "Does Medicare cover assisted living?",
        "Is assisted living covered?",
        "Where is the urgent care center?",
        "Do you have a wound care center?",
        "What is a skilled nursing facility?",
        "my mom is in an assisted living place",
        "she moved from independent living to assisted living",
        "Is the rehab and nursing part covered?",
        "I'm at the Maplewood assisted living on Riverside, room 3",
        "Should I stay home at night?",
        # Streets and towns look-alikes.
        "I'm on Eliquis and Tylenol",
        "we're on Medicare and Tylenol",
        "we live on Social Security",
        "the letter is from Medicare",
        "I came from Bristol Hospital's website",
        "Can my wife come from Southington by shuttle?",
        "I was born in Mexico",
        "my husband is from Italy",
        "she lives in Florida",
        "We Live In Hope Of A Cure",
        "mom is from a small town",
        "now in Spanish please",
        "the house on Sunday was quiet",
        "is the clinic on 5th street",
        # Dates and ages look-alikes.
        "F/U in 2 weeks",
        "my pain is 7 8 out of 10",
        "Is the 3rd floor radiology desk open?",
        "M/54 with back pain",
        "the dose is 12 18 units",
        "my appointment is at 2 30",
        "the 2nd day after surgery",
        # Parts look-alikes.
        "part 2 of the video",
        "part 2: the recovery",
        "then 3 and 4",
    ],
)
def test_the_ordinary_words_stay(typed: str) -> None:
    stored = redact(typed)
    assert stored == typed, stored


@pytest.mark.parametrize(
    ("turns", "gone"),
    [
        # spl244: the parts after a masked start.
        (["medicare number starts 4KT2", "then UU8 and FJ33"], ["4KT2", "UU8", "FJ33"]),
        (["medicare starts 5KJ3", "then TX9, then AB12"], ["5KJ3", "TX9", "AB12"]),
        # hea478: numbered parts over two messages.
        (["medicare number part 1: 1EG4", "part 2: TE5MK73"], ["1EG4", "TE5MK73"]),
        # spl245: a street after "we live on", its number after the street alone.
        (["we live on", "Larkspur Drive", "number 41"], ["Larkspur", "41"]),
        (["i live on", "Juniper Court", "#12"], ["Juniper", "12"]),
        # spl251: an age over 89 in words after "she is".
        (["she is", "ninety", "three"], ["ninety"]),
    ],
)
def test_split_details_go(turns: list[str], gone: list[str]) -> None:
    out = [redact(turns[0])] + [redact_continuation(a, b) for a, b in itertools.pairwise(turns)]
    for value in gone:
        assert all(value not in turn for turn in out), out


@pytest.mark.parametrize(
    "turns",
    [
        ["i live on", "a fixed income"],
        ["is it", "number 2"],
        ["what", "ninety percent?"],
        ["how long is part 1", "part 2: the recovery"],
    ],
)
def test_replies_without_a_detail_stay(turns: list[str]) -> None:
    assert redact_continuation(turns[0], turns[1]) == turns[1]
