"""Round 28 (helper r28p): towns after words of travel, homes named for religious orders,
holidays as a person's dates and ids the phone rules took (round 28's ids in the comments;
core/privacy/round28_places_dates_ids.py)."""

from __future__ import annotations

import pytest

from core.privacy.redaction import redact

LEAKS = [
    ("Is there a clinic closer to Ypsilanti", ["Ypsilanti"]),  # city-002
    ("I live out past walla walla", ["walla"]),  # city-003
    ("Does the shuttle go to Chagrin Falls", ["Chagrin"]),  # city-010
    ("how long is the drive to Poughkeepsie afterwards", ["Poughkeepsie"]),  # city-022
    ("is there a bus to Kalamazoo from here", ["Kalamazoo"]),
    ("visiting from Guadalajara for the surgery", ["Guadalajara"]),  # city-012
    ("coming from Monterrey Mexico for the procedure", ["Monterrey"]),  # city-026
    ("flying in from Puebla next week", ["Puebla"]),
    ("Hi I'm Dorcas Threlkeld, 91, from Bethlehem PA, procedure Dec 8", ["Bethlehem"]),  # mix-001
    ("Springfield 62704", ["Springfield", "62704"]),  # zip-008
    ("code postal 33139 (Miami Beach)", ["Miami", "33139"]),  # zip-011
    ("she's at the Little Sisters of the Poor residence", ["Sisters", "Poor"]),  # care-010
    ("from the Sisters of Charity convent infirmary", ["Sisters", "Charity"]),  # care-018
    ("she moved in with the Little Sisters of the Poor", ["Sisters", "Poor"]),
    # care-011
    ("We live at Heritage Pointe senior apartments #407", ["Heritage", "Pointe", "407"]),
    ("mom lives at Willow Creek senior apartments, #12", ["Willow", "Creek", "12"]),
    ("came in thru ER on the night of Halloween", ["Halloween"]),  # date-031
    ("my procedure is the day after Thanksgiving", ["Thanksgiving"]),  # date-035
    ("got my fracture on Easter Sunday", ["Easter"]),  # date-036
    ("booked for Valentine's Day, funny huh", ["Valentine"]),  # date-037
    ("she fell the week before Easter and broke L1", ["Easter"]),
    ("my appointment on Thursday the 12th of December", ["December"]),  # date-019
    ("BCBS ID: ZGP 3318 4470 01", ["ZGP", "3318"]),  # heal-006
]

MARKS = [
    ("BCBS ID: ZGP 3318 4470 01", "BCBS ID: [ID removed]"),
    ("Epic ID 56128804", "Epic ID [ID removed]"),
    ("My DOB is 19400512", "My DOB is [date removed]"),
    ("ZIP+4 is 73112 2231", "ZIP+4 is [address removed]"),
]

KEPT = [
    "does the shuttle go to Bristol?",
    "Can my wife come from Southington by shuttle?",
    "how long is the drive to Hartford",
    "Is there parking off Route 8?",
    "go to the 3rd floor",
    "how long is the drive to the hospital",
    "visiting from Florida for the surgery",
    "Can I have it done before Christmas Eve?",
    "Is the clinic closed on New Year's Eve?",
    "open on Thanksgiving?",
    "is the procedure ever done the day after Christmas?",
    "my Sisters are coming to visit",
    "she was treated at Sisters of Charity Hospital",
    "is senior housing covered",
    "coming from Mass",
    "Springfield is nice",
    "caller ID [phone removed]",
]


@pytest.mark.parametrize(("text", "values"), LEAKS)
def test_round28_values_go(text: str, values: list[str]) -> None:
    stored = redact(text)
    for value in values:
        assert value not in stored, (text, stored)


@pytest.mark.parametrize(("text", "stored"), MARKS)
def test_round28_marks_say_the_kind(text: str, stored: str) -> None:
    assert redact(text) == stored


@pytest.mark.parametrize("text", KEPT)
def test_round28_look_alikes_stay(text: str) -> None:
    assert redact(text) == text
