"""Round 25 (r25e, round 24's addr096, addr108): numbered streets, a corner with one, and an
apartment given after "is".

Manhattan-style addresses name the street by its number: "210 W 98th", "corner of Maple and
5th". The street rules want a street word ("98th St") and the corner rules two capitalised
names, so both stayed raw; "my apt is 12C" (the unit after "is", not right after "apt") too.
An ordinal alone stays ("the 5th floor", "on the 98th day", "my 3rd visit"): only an ordinal
after a house number and a compass word, or one side of a corner after "corner of", is a
street.
"""

from __future__ import annotations

import re

from core.privacy.gates import gated
from core.privacy.identifiers import ADDRESS_MARK

_ORDINAL = r"\d{1,3}(?i:st|nd|rd|th)"
_ORDINAL_WORD = (
    r"(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
)
_COMPASS = r"(?:[NSEW]\.?|(?i:north|south|east|west))"
# "210 W 98th", "415 East 7th, apt 3": a house number, a compass word and a numbered street
# (its street word, if any, goes too). The compass word is what makes it a street: "2 of the 5th"
# or "10 5th graders" have none.
HOUSE_ON_NUMBERED = gated(
    re.compile(
        rf"(?<![\w.,/-])\d{{1,6}}[A-Za-z]?\s+{_COMPASS}\s+(?:{_ORDINAL}|{_ORDINAL_WORD})"
        r"(?:\s+(?i:st|street|ave|avenue|rd|road|pl|place)\b\.?)?(?![\w-])"
    ),
    needles=r"\d",
)
# "corner of Maple and 5th", "the intersection of 3rd & Elm", "corner of W 98th and Broadway":
# after a cue of a corner, one side a numbered street and the other a capitalised name or a
# numbered street too.
_SIDE = rf"(?:{_COMPASS}\s+)?(?:{_ORDINAL}|{_ORDINAL_WORD})(?:\s+(?i:st|street|ave|avenue)\b\.?)?"
_NAMED = r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)?"
CORNER_NUMBERED = gated(
    re.compile(
        r"(?P<cue>\b(?i:corner|intersection|junction|crossroads?)\s+(?i:of)\s+)"
        rf"(?:{_SIDE}\s+(?i:and|&)\s+(?:{_SIDE}|{_NAMED})|{_NAMED}\s+(?i:and|&)\s+{_SIDE})"
        r"(?![\w-])"
    ),
    words="corner intersection junction crossroad crossroads",
)
# "my apt is 12C", "our apartment's 4B", "her flat number is 7": the unit after its word and
# "is" (UNIT reads it only right after the word). Distances stay ("the apartment is 3 blocks").
APARTMENT_IS = gated(
    re.compile(
        r"(?P<cue>\b(?i:apartment|apt|flat)(?:\s+(?i:number|no\.?|#))?"
        r"(?:\s+(?i:is|was)|['\u2019]s|\s*:)\s*#?\s*)"
        r"(?P<unit>\d{1,5}[A-Za-z]?|[A-Za-z]-?\d{1,4})(?![\w-])"
        r"(?!\s+(?i:blocks?|miles?|mins?|minutes?|floors?|stair|steps|km|hours?|feet|ft)\b)"
    ),
    words="apartment apt flat",
)


def figure_passes(text: str) -> str:
    """The numbered streets, corners with one, and apartments after "is" masked (the text
    holds a figure; the corner rule also runs without: "corner of Maple and fifth")."""
    text = HOUSE_ON_NUMBERED.sub(ADDRESS_MARK, text)
    text = APARTMENT_IS.sub(lambda m: m.group("cue") + ADDRESS_MARK, text)
    return CORNER_NUMBERED.sub(lambda m: m.group("cue") + ADDRESS_MARK, text)


def corner_pass(text: str) -> str:
    """The corner rule alone (a message without a figure: "corner of Maple and fifth")."""
    return CORNER_NUMBERED.sub(lambda m: m.group("cue") + ADDRESS_MARK, text)
