"""Round 12 (i21s): towns after a cue of where a person is, named homes, corners without a
street word, and a corrected house number.

Why a list: "I'm in Harwinton", "we're over in terryville", "coming up from Naugatuck" hold a
town (Safe Harbor counts it) that no shape gives away; the US postal place names
(data/place_names.txt, ops/make_place_list.py) say which words are one. The list is read
lazily: only a message with a cue of a person's where pays for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from core.privacy.identifiers import ADDRESS_MARK, CORRECTION_CUE
from core.privacy.names import ordinary

DATA = Path(__file__).resolve().parent / "data" / "place_names.txt"


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every US postal place name, lower case (read once, on first use)."""
    lines = DATA.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


# Substrings one of which every PERSON_WHERE match holds (tested first on the lower-cased text).
WHERE_WORDS = ("'m ", "\u2019m ", "im ", "'re ", "\u2019re ", "'s ", "\u2019s ", " am ",
               " are ", " is ", "mov", "driv", "com", "came", "originally", "relocat", "head",
               "stay", "trav", "fly")  # fmt: skip
WHERE_GATE = re.compile("|".join(map(re.escape, WHERE_WORDS)))  # faster than any(...) here
_BEING = (
    r"(?:i['\u2019]?m|i\s+am|we['\u2019]?re|we\s+are|she['\u2019]?s|she\s+is|he['\u2019]?s|"
    r"he\s+is|they['\u2019]?re|they\s+are|(?:i|we|they)\s+stay|(?:she|he)\s+stays)"
)
# "I'm in Harwinton", "we're over in terryville", "she moved to Oakville", "we'll be driving
# from Torrington", "coming up from Naugatuck", "originally from Wolcott": a person's where.
PERSON_WHERE = re.compile(
    rf"(?P<cue>\b(?i:{_BEING}\s+(?:(?:over|out|up|down|right|just|still|now)\s+)?(?:in|near)"
    r"|(?:moved|moving|move|relocated|relocating)\s+(?:back\s+)?(?:to|from)"
    r"|(?:driving|coming|came|come|travell?ing|flying|heading|commuting|moved|moving)\s+"
    r"(?:(?:up|down|over|in|out|all\s+the\s+way)\s+)?from"
    r"|originally\s+from)\s+)"
    r"(?P<town>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2})"
)
# "[address removed], in harwinton", "[address removed] area, southington", "[address
# removed], Forestville": a place name in any case after a masked address.
PLACE_AFTER_MASK = re.compile(
    re.escape(ADDRESS_MARK) + r"(?P<cue>(?:\s+area)?,?\s+(?:(?i:over|out|up|down)\s+)?"
    r"(?:(?i:in|near)\s+)?)(?P<town>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2})"
)
# "we live in the Torrington area", "im from the waterbury area", "near the West Hartford
# area" (2026-12-04: raw): a place name before "area" / "region" after "the" or a word of where.
PLACE_AREA = re.compile(
    r"(?P<cue>\b(?i:the|in|near|from|around|outside)\s+)"
    r"(?!(?i:the)\b)(?P<town>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2}?)"
    r"(?=\s+(?i:area|region)\b)"
)
# "at Bristol Hospital": the hospital's name is no one's where.
_INSTITUTION = re.compile(r"\s+(?i:hospital|clinic|medical|health|center|centre|campus)\b")


def _place_words(town: str) -> int:
    """The length of the longest leading run of 1-3 words of `town` that is a place name
    (an ordinary word in lower case is none: "we're in pain", "near the library")."""
    words = list(re.finditer(r"[^\W\d_][\w'-]*", town))
    places = place_names()
    for count in (3, 2, 1):
        if len(words) < count:
            continue
        phrase = " ".join(word.group().lower() for word in words[:count])
        first = words[0].group()
        if phrase in places and (count > 1 or first[0].isupper() or not ordinary(first)):
            end = words[count - 1].end()
            return 0 if _INSTITUTION.match(town, end) else end
    return 0


def masked_place(match: re.Match[str]) -> str:
    """PERSON_WHERE's and PLACE_AFTER_MASK's replacement: the place name goes, the cue stays."""
    town = match.group("town")
    end = _place_words(town)
    head = match.group()[: match.start("town") - match.start()]
    return head + ADDRESS_MARK + town[end:] if end else match.group()


def might_place(lower: str) -> bool:
    """Substring tests (cheap) that every PERSON_WHERE match passes, on the lower-cased text."""
    near = " in " in lower or " near " in lower or "from " in lower or " to " in lower
    return near and WHERE_GATE.search(lower) is not None


def has_place_area(text: str, lower: str) -> bool:
    """Does the text name a place before "area" / "region" (the gate for _has_detail)?"""
    return ("area" in lower or "region" in lower) and any(
        masked_place(m) != m.group() for m in PLACE_AREA.finditer(text)
    )


def has_person_where(text: str, lower: str) -> bool:
    """Does the text name a place after a cue of a person's where (the gate for _has_detail)?"""
    return might_place(lower) and any(
        masked_place(m) != m.group() for m in PERSON_WHERE.finditer(text)
    )


# "corner of Pine and Maple", "intersection of Chestnut & Federal": two capitalised names
# after a corner's cue are streets even without a street word.
BARE_CORNER = re.compile(
    r"(?P<cue>\b(?i:corner|intersection|junction|crossroads?)\s+(?i:of)\s+)"
    r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)?\s+(?i:and|&)\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)?"
)
# "at Sunnybrook Assisted Living", "in Riverview Towers", "moved into Maplewood Manor": the
# proper name of a home or block (its kind capitalised too) right after "at" / "in" / "into" /
# "to" / "from" is where a person lives, an address's part (docs/privacy.md), though its first
# word alone may be a kept place. "the Maplewood assisted living", "Heather Hill rehab" (a
# description, round 10) stay.
# Capitalised (the kind is part of the proper name): tested on the text as typed.
HOME_WORDS = ("Living", "Home", "Care", "Cent", "Manor", "Tower", "Estates", "Residences",
              "Commons")  # fmt: skip
HOME_GATE = re.compile("|".join(HOME_WORDS))
NAMED_HOME = re.compile(
    r"(?P<cue>\b(?i:at|in|into|to|from)\s+)(?!(?i:the|a|an|my|our|his|her|their)\b)"
    r"(?:[A-Z][\w'-]*\s+){1,3}"
    r"(?:(?:Assisted|Senior|Independent)\s+Living|(?:Nursing|Rest|Retirement|Group)\s+Home"
    r"|(?:Nursing|Rehab(?:ilitation)?|Care|Retirement|Senior)\s+(?:Center|Centre|Community)"
    r"|Memory\s+Care|Manor|Towers?|Estates|Residences|Commons)\b"
)
# "2207 N. Wabash, unit 4", "45 w main", "1400 S Halsted": a number, a direction and a name
# with no street word (before a unit, or "main"/"broad"/"center" that are streets anyway).
DIRECTION_STREET = re.compile(
    r"(?<![\w.])\d{1,6}[A-Za-z]?\s+(?i:[nsew]\.?|north|south|east|west)\s+"
    r"(?:(?i:main|broad|center|centre|central|state|church|park|high|elm|maple|oak)\b"
    r"|[A-Z][\w'-]+(?=,?\s+(?i:unit|apt|apartment|suite|ste|fl|floor|#)))"
)
# "my addy is 12 birch hill", "addr: 9 Oak": slang cues of an address and what follows.
ADDY = re.compile(
    r"(?P<cue>\b(?i:addy|addr\.?)\s*(?i:is\s+|:\s*|-\s*)?)"
    r"\d{1,6}[A-Za-z]?(?:\s+(?![\d])[^\W\d_][\w'.-]*){1,3}"
)
# "calle 5 de mayo #312", "avenida 16 de septiembre 40": a street named after a date, with
# its number; "colonia centro", "col. roma": a Mexican neighbourhood.
DATED_STREET = re.compile(
    r"\b(?i:calle|avenida|av\.?|blvd\.?|boulevard|privada|cerrada|callej[oó]n|calzada)\s+"
    r"\d{1,2}\s+(?i:de)\s+[^\W\d_]+(?:(?:\s*(?:#|(?i:no\.?|n[uú]m(?:ero)?\.?))\s*|\s+)\d{1,6}[A-Za-z]?\b)?"
    r"|\b(?i:colonia)\s+[^\W\d_][\w'-]*"
)
# "Lindenstraße 8", "Bahnhofstr. 12", "Rosenweg 3a", "Kirchgasse 5": a German street and number.
GERMAN_STREET = re.compile(
    r"\b[A-ZÄÖÜ][\wäöüß-]*(?i:straße|strasse|str\.|weg|gasse|platz|allee|damm)\s*\d{1,4}[a-z]?\b"
)
GERMAN_GATE = ("stra", "str.", "weg ", "gasse", "platz", "allee", "damm")
# "[address removed] past the feed store, number 1142", "[address removed] #312", "in the
# 06489 area": a house number or ZIP near an address said another way.
NUMBER_NEAR_MASK = re.compile(
    r"(?P<head>"
    + re.escape(ADDRESS_MARK)
    + r"[^.?!\d\[]{0,40}?(?:\b(?i:house\s+number|number|no\.?|n[uú]m(?:ero)?\.?)\s*|#\s*))"
    r"\d{1,6}[A-Za-z]?\b"
    r"|\b\d{5}(?=\s+(?i:area)\b)"
)


def masked_number_near(match: re.Match[str]) -> str:
    """NUMBER_NEAR_MASK's replacement: the words between stay, the number goes."""
    return (match.group("head") or "") + ADDRESS_MARK


# "actually no, its 1178, sorry typo" / "sorry, 383 not 338" (round 12): the next message
# corrects the house number of an address just given.
_CORRECTED_NUMBER = re.compile(
    r"(?<![\w.:/$])\d{1,6}[A-Za-z]?(?:,?\s+(?i:not|instead\s+of)\s+\d{1,6}[A-Za-z]?)?"
    r"(?![\w:/%$.]|\s*(?i:am|pm|mg|min|minutes|hours?|days?|weeks?|years?|lbs?|kg|%))"
)


def corrected_house_number(previous: str, text: str, redact: Callable[[str], str]) -> str | None:
    """The number(s) in `text` that correct the house number of the address `previous`
    gave (a word of correcting, a number, and an address `redact` masks in `previous`).
    The cheap tests on `text` come first: most messages never pay for redacting `previous`."""
    if not any(c.isdigit() for c in text) or not CORRECTION_CUE.search(text):
        return None
    match = _CORRECTED_NUMBER.search(text)
    if not match or not any(c.isdigit() for c in previous):
        return None
    return match.group() if ADDRESS_MARK in redact(previous) else None
