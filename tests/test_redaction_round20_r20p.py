"""Round 20's outside tester, class `address` (a06, a08, a09, a13, a15, a18, a24, a25, a27):
a Spanish floor and door after a masked street, a relative's town, a town the writer says is
theirs, care homes named "X of <Town>" or by a brand and their rooms, a town used as one's
demonym, the town of a veterans' home, a mobile home park written "MHP", a flat's letter and a
block of flats after a masked flat number. A hospital's room or ward stays (docs/privacy.md)."""

from __future__ import annotations

import pytest

from core.privacy.redaction import redact

LEAKS = [
    # the tester's messages
    ("mi dirección es calle del Pino 23, 2º izq, Waterbury", ["Pino 23", "izq", "Waterbury"]),
    ("my daughter in Torrington can drive me, is that ok", ["Torrington"]),
    ("does the shuttle go out to Burlington? thats us", ["Burlington"]),
    ("Sunrise of Farmington, rm 118, ask for the 2nd floor nurse",
     ["Sunrise of Farmington", "rm 118"]),
    ("Harwinton girl all my life, is the hospital far from me", ["Harwinton"]),
    ("im at the veterans home in rocky hill, building 4 room 12", ["rocky hill", "room 12"]),
    ("Lot 44 Pleasant Valley MHP, gravel road, can an ambulance get in",
     ["Lot 44", "Pleasant Valley"]),
    ("Apartment 5-D, Building C, Lakeview Towers — can transport come upstairs?",
     ["5-D", "Building C", "Lakeview Towers"]),
    ("hes at Masonicare in wallingford, 3rd floor, room 306b",
     ["Masonicare", "wallingford", "306b"]),
    # new wordings of the same classes
    ("vivo en calle Mayor 5, piso 2, puerta 3, Hartford", ["Mayor 5", "puerta 3", "Hartford"]),
    ("mi casa: Avenida Central 14, 3º B, Meriden", ["Central 14", "3º B", "Meriden"]),
    ("moro na Rua Augusta 40, 3º andar, Danbury", ["Augusta 40", "andar", "Danbury"]),
    ("my son in Waterbury will bring me", ["Waterbury"]),
    ("our neighbour from Wolcott is driving", ["Wolcott"]),
    ("my daughter over in Bristol picks me up", ["Bristol"]),
    ("is there a van to Thomaston? that's us", ["Thomaston"]),
    ("Avon, that is us", ["Avon"]),
    ("that's home for us, New Hartford", ["New Hartford"]),
    ("my mom is at Brookdale of Avon", ["Brookdale", "Avon"]),
    ("dad's at Arden Courts of Farmington, room 12", ["Arden Courts", "Farmington", "room 12"]),
    ("Benchmark of Glastonbury apt 3", ["Glastonbury", "apt 3"]),
    ("she stays at Sunrise of Wallingford", ["Sunrise", "Wallingford"]),
    ("he's at Atria in Glastonbury", ["Atria", "Glastonbury"]),
    ("mom's at Pinecrest in Bristol, room 22", ["Pinecrest", "Bristol", "room 22"]),
    ("I am a proud Wolcott boy", ["Wolcott"]),
    ("Terryville gal here, how far is it", ["Terryville"]),
    ("born a New Britain girl", ["New Britain"]),
    ("we're at the veterans home in rocky hill, bldg 2 room 9", ["rocky hill", "room 9"]),
    ("we're in Birch Hollow MHC", ["Birch Hollow"]),
    ("apt 12-B, Building D, Harbor Point Apartments", ["12-B", "Building D", "Harbor Point"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "values"), LEAKS)
def test_round20_address_is_masked(text: str, values: list[str]) -> None:
    """Each value of an address, home, room or own town is gone from the stored text."""
    out = redact(text)
    for value in values:
        assert value.lower() not in out.lower(), (text, out)


KEPT = [
    "Can I come from Hartford by bus?",
    "does the shuttle go to Bristol?",
    "Is Bristol the nearest hospital?",
    "does the shuttle go out to Burlington?",
    "room 2 of the clinic",
    "she is on 2 West",
    "she's at Bristol Hospital, room 306",
    "she's at St Francis, room 12",
    "I'm at the Maplewood assisted living on Riverside, room 3",
    "my daughter in law will drive me",
    "my son in the ICU asked",
    "my wife in Bristol Hospital is fine",
    "University of Hartford student here",
    "Bank of America card",
    "the Hospital of Central Connecticut",
    "Nice guy, the doctor",
    "Good man, thanks",
    "the delivery man came early",
    "Jersey girl here",
    "thats us in the picture",
    "Sorry, that is us. We are late",
    "is that where we are supposed to go? Bristol?",
    "what is the first floor for",
    "the lot is full, where do I park",
    "is there an RV lot",
]


@pytest.mark.parametrize("text", KEPT)
def test_round20_ordinary_text_stays(text: str) -> None:
    """No one's address in these (a trip, a hospital's room, an in-law, a state): stored as
    typed."""
    assert redact(text) == text
