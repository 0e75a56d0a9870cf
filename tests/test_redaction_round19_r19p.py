"""Round 19's outside tester, class `address` (A11-A38) and the split address X07: flat, lot and
building numbers, care homes named "X Manor / Woods / Village", "home =" labels, a town beside
its ZIP, Italian, Vietnamese and Chinese-order streets, towns after a residence verb of another
language, and a street and a town each sent alone after "we live at 19"."""

from __future__ import annotations

import itertools

import pytest

from core.privacy.redaction import redact, redact_continuation

LEAKS = [
    # the tester's messages
    ("mieszkam na ulicy Długiej 12 m. 4 w New Britain", ["Długiej 12", "m. 4", "New Britain"]),
    ("nhà tôi ở số 58 đường Lincoln, Hartford", ["58 đường Lincoln", "Lincoln", "Hartford"]),
    ("abito in via Garibaldi 21 a Waterbury", ["Garibaldi 21", "Waterbury"]),
    ("our condo is Bldg 7 #204 at Heritage Village in Southbury",
     ["Bldg 7", "#204", "Heritage Village", "Southbury"]),
    ("she's at Pine Grove Rehab in Canton, bed 3 room 17", ["Pine Grove", "Canton", "room 17"]),
    ("Bristol CT 06010-4421 is my zip, is there a closer site", ["Bristol", "06010"]),
    ("St. Joseph's Manor in Trumbull is where mom lives now", ["Joseph's Manor", "Trumbull"]),
    ("mail the forms to 88 Elm (the blue one) in Plainville please", ["88 Elm", "Plainville"]),
    ("i stay at my sons place in unionville since the fall", ["unionville"]),
    ("home = 12B Riverside Terr., Collinsville", ["12B", "Riverside", "Collinsville"]),
    ("our trailer is lot 44 in Cedar Knoll park, Wolcott", ["lot 44", "Cedar Knoll", "Wolcott"]),
    ("she's on 2 West at Sheriden Woods, the nurses there asked", ["Sheriden Woods"]),
    ("wo zhu zai Hartford de Franklin Ave 455 hao", ["Franklin", "455", "Hartford"]),
    # new wordings of the same classes
    ("mieszkamy na ulicy Polnej 3 m. 7 w Meriden", ["m. 7", "Meriden"]),
    ("mama mieszka na Lipowej 5 m 2 we Wallingford", ["Lipowej", "5 m 2", "Wallingford"]),
    ("my apartment is Bldg 2 #12 at Maple Commons", ["Bldg 2", "#12"]),
    ("the condo is bldg 3 #5", ["bldg 3", "#5"]),
    ("dad's place is Bldg C? no, bldg 4 #11 at Heritage Village", ["bldg 4", "#11", "Heritage"]),
    ("their place is lot 9 in Sunny Acres park, Plymouth", ["lot 9", "Sunny Acres", "Plymouth"]),
    ("the trailer is lot 4", ["lot 4"]),
    ("St. Mary's Manor in Hamden is where she is", ["Mary's Manor", "Hamden"]),
    ("he is at Sheriden Woods now", ["Sheriden"]),
    ("grandma's at Heritage Oaks since june", ["Heritage", "Oaks"]),
    ("dad's in Ashlar Village now", ["Ashlar"]),
    ("she's at Pine Knoll, the nurses call me", ["Pine", "Knoll"]),
    ("my mom lives at Heritage Village, Southbury", ["Heritage Village", "Southbury"]),
    ("i'm staying at my daughters house in wolcott till then", ["wolcott"]),
    ("he stays at his sons place in farmington", ["farmington"]),
    ("home: 9 Birch Hill, Terryville", ["9 Birch", "Terryville"]),
    ("Wolcott CT 06716 is us", ["Wolcott", "06716"]),
    ("terryville ct 06786 thats my zip", ["terryville", "06786"]),
    ("post it to 12 Park (upstairs) in Bristol", ["12 Park", "Bristol"]),
    ("wo ba ba zhu zai New Britain", ["New Britain"]),
    ("wo men zhu zai Farmington de Main St 88 hao", ["Farmington", "Main St 88"]),
    ("Main St 88 hao", ["Main St 88"]),
    ("ba toi o so 9 duong Park, Bristol", ["9 duong Park", "Bristol"]),
    ("nakatira kami sa Plymouth", ["Plymouth"]),
    ("li rete Waterbury", ["Waterbury"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "values"), LEAKS)
def test_round19_address_is_masked(text: str, values: list[str]) -> None:
    """Each value of an address, home or town is gone from the stored text."""
    out = redact(text)
    for value in values:
        assert value.lower() not in out.lower(), (text, out)


KEPT = [
    "Can I come from Hartford by bus?",
    "Is Bristol the nearest hospital?",
    "room 2 of the clinic",
    "is the clinic in building 7?",
    "can I get there via Exit 33 off I-84",
    "I logged in via MyChart 2 times",
    "take 2 Tylenol (extra strength) before?",
    "home - 3 days rest after?",
    "Home: 2 days after the procedure, right?",
    "Will I be able to walk in the woods after",
    "Can I Walk In The Woods After",
    "my home is a mess, can I still go",
    "my place in line for the procedure",
    "is parking lot 4 free",
    "the house is 2 floors, is that ok",
    "is room 17 private",
    "bed 3 or bed 4?",
    "can I stay at my daughters place after",
    "i stay at home mostly",
    "my home is near Bristol Hospital",
    "at the Commons entrance",
    "how far is Bristol CT from Hartford",
    "is there a bus via the main entrance",
    "our unit is great, thanks",
    "my house has 3 steps",
    "via email please",
]


@pytest.mark.parametrize("text", KEPT)
def test_round19_ordinary_text_stays(text: str) -> None:
    """No one's address in these: the text is stored as typed."""
    assert redact(text) == text


SPLIT = [
    (["we live at 19", "Larkspur Lane", "Burlington"], ["Larkspur", "Burlington"]),
    (["my address is 7", "Quarry Hill Rd", "Bristol CT"], ["Quarry", "Bristol"]),
    (["mom lives at 220", "Fenn Road"], ["Fenn"]),
    (["44 Cedar Ln", "Wolcott"], ["Wolcott"]),
]


@pytest.mark.parametrize(("turns", "values"), SPLIT)
def test_round19_split_address_is_masked(turns: list[str], values: list[str]) -> None:
    """X07: a street sent alone after a cued house number, and a town sent alone after a
    street, go with the address (each message read with the one before)."""
    stored = [redact(turns[0])] + [redact_continuation(a, b) for a, b in itertools.pairwise(turns)]
    joined = " | ".join(stored)
    for value in values:
        assert value not in joined, (turns, stored)


SPLIT_KEPT = [
    ("I parked on Main Street", "Bristol"),
    ("directions to the hospital?", "Bristol"),
    ("we live at 19", "Thanks"),
    ("room 19", "Main Street"),
    ("what street is it on", "Brewster Road"),
]


@pytest.mark.parametrize(("previous", "text"), SPLIT_KEPT)
def test_round19_split_look_alikes_stay(previous: str, text: str) -> None:
    """A street or a town after a message that gave no home address is stored as typed."""
    assert redact_continuation(previous, text) == text


WARDS = [
    ("she's on 2 West at Sheriden Woods, the nurses there asked", "she's on 2 West at "),
    ("do you have parking in the West garage", "do you have parking in the West garage"),
    ("my mom is on 3 East", "my mom is on 3 East"),
    ("the North entrance is closed?", "the North entrance is closed?"),
    ("is he in the South wing", "is he in the South wing"),
]


@pytest.mark.parametrize(("text", "kept"), WARDS)
def test_round19_ward_and_wing_stay(text: str, kept: str) -> None:
    """A36: "2 West" (a ward) and "the West garage" (a part of the hospital) were masked as a
    name; a compass word after a floor's number or before a part of a building stays."""
    assert redact(text).startswith(kept)


@pytest.mark.parametrize("text", ["my neighbour Mrs West drives me", "Kanye West is my son"])
def test_round19_surname_west_is_still_masked(text: str) -> None:
    """The surname West elsewhere is still a name."""
    assert "West" not in redact(text)
