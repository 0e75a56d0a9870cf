"""Round 17's outside tester (places and numbers): each class of leak, with a case that stays."""

from __future__ import annotations

import pytest

from core.privacy.redaction import redact, redact_continuation


@pytest.mark.parametrize(
    ("typed", "raw"),
    [
        ("moved to Waterbury from Ponce Puerto Rico, can i get papers in spanish", "Ponce"),
        ("vivo en el 57 de la calle Park St, segundo piso, en Hartford", "Hartford"),
        ("vive con su hija, cerca del parque, en Meriden", "Meriden"),
        ("she's in her late 90s, 97 I think", "97"),
        ("he is in his mid nineties, maybe 95", "95"),
        ("babai im është 91 vjeç", "91"),
        ("gjyshja është 93 vjeçare", "93"),
        ("cell: 860 555 01 45", "45"),
        ("our van plate says NANA 4 ME", "ME"),
    ],
)
def test_round17_value_goes(typed: str, raw: str) -> None:
    assert raw not in redact(typed)


@pytest.mark.parametrize(
    ("previous", "text", "raw"),
    [
        ("june 9", "1931", "1931"),
        ("she was born the 3rd of may", "1929.", "1929"),
        ("last 4 of my ss", "is 5521", "5521"),
        ("last four of his social", "5521", "5521"),
    ],
)
def test_round17_split_value_goes(previous: str, text: str, raw: str) -> None:
    assert raw not in redact_continuation(previous, text)


@pytest.mark.parametrize(
    ("previous", "text"),
    # Round 21 (r21d): "june 9" / "1991" is no longer kept: a year after a message that was a
    # month and a day alone is that date's year, masked as the same date typed in one message
    # is ("my birthday is" / "April 9" / "1939" had kept "1939"). A year after more words stays.
    [
        ("june 9 was my sister's wedding", "1991"),
        ("my appointment is at", "1030"),
        ("last 4 of my ss", "is that ok"),
    ],
)
def test_round17_split_young_or_other_stays(previous: str, text: str) -> None:
    assert redact_continuation(previous, text) == redact(text)


@pytest.mark.parametrize(
    "typed",
    [
        "Is Bristol the nearest hospital?",
        "Can I come from Hartford by bus?",
        "vive en Florida en invierno",
        "in her 90s",
    ],
)
def test_round17_kept(typed: str) -> None:
    assert redact(typed) == typed
