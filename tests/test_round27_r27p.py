"""Round 27 (helper r27p): places, ZIPs, dates, ages and IPs typed the loose way (round 27's
ids in the comments; core/privacy/round27_places_dates_ips.py)."""

from __future__ import annotations

import pytest

from core.privacy.redaction import redact

LEAKS = [
    ("Bristol CT zero six zero one zero", ["zero six zero one zero"]),  # s112
    ("my town is Plainville CT, oh six oh six two", ["oh six oh six two"]),
    ("it's 06 032", ["06 032"]),  # s116
    ("zip is 06 010", ["06 010"]),
    ("send the leaflet to flat 3b, 27 kingfisher close please", ["kingfisher", "flat 3b"]),  # s054
    ("we live at 4 rowan crescent", ["rowan crescent"]),
    ("Address: 1200 N. Halsted St. Apt 1708", ["Halsted", "1708"]),  # s055
    ("Is there a bus from New Britain?", ["New Britain"]),  # s077
    ("Thomaston to bristol, can I get a ride", ["Thomaston"]),  # s090 (bristol: the hospital)
    ("she lives at saint agnes home, bed 3", ["agnes", "bed 3"]),  # s096
    ("hogar de ancianos Villa Esperanza, cuarto 5", ["Esperanza", "cuarto 5"]),  # s105
    ("booked for 15h00 on 3 déc.", ["3 déc"]),  # s153
    ("rendez-vous le 12 janv", ["12 janv"]),
    ("my aunt is a centenarian, 103!", ["103"]),  # s165
    ("dad is 96, a nonagenarian", ["96"]),
    ("ip 10,0,0,12", ["10,0,0,12"]),  # s281
    ("my ip address is 192, 168, 1, 20", ["192, 168, 1, 20"]),
]

KEPT = [
    "Is Route 8 the fastest way to the hospital?",
    "it's a 2 hour drive for us",
    "1 or 2 days close together",
    "close the door please",
    "Bristol to Hartford is 20 minutes",
    "it is 10 000 steps",
    "what does a centenarian eat",
    "in New Jersey",
    "Going to bed early",
    "it's 3 pm",
]


@pytest.mark.parametrize(("text", "values"), LEAKS)
def test_round27_values_go(text: str, values: list[str]) -> None:
    stored = redact(text)
    for value in values:
        assert value not in stored, (text, stored)


@pytest.mark.parametrize("text", KEPT)
def test_round27_look_alikes_stay(text: str) -> None:
    assert redact(text) == text
