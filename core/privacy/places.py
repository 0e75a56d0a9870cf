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

from core.privacy.identifiers import ADDRESS_MARK, CORRECTION_CUE, COUNTRIES, STATE_WORD
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


# Round 13 (r13p): towns after looser cues of where a person lives, and an address's street
# name or lot after its masked number.
_TOWN = r"(?P<town>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2})"
# "We live out in Burlington", "my dad lives alone in plymouth", "we live in Prospect": a word
# or two may stand between "live(s)" and "in"; right after the cue a capitalised place name is
# a town even when it is an ordinary word ("we live in pain", "live in a house" stay).
LIVE_WHERE = re.compile(
    r"(?P<cue>\b(?i:live[sd]?|living)\s+(?:(?!(?i:in|near)\b)[A-Za-z']+\s+){0,2}(?i:in|near)\s+)"
    + _TOWN
)
# "staying with my daughter in Avon", "i stay with my son in Kensington": a person's where is
# the town of the kin or friend they stay with ("stay with me in the room" stays).
STAY_WITH = re.compile(
    r"(?P<cue>\b(?i:stay(?:s|ing|ed)?|live[sd]?|living)\s+with\s+"
    r"(?:(?!(?i:in|near)\b)[A-Za-z']+\s+){1,3}?(?i:in|near)\s+)" + _TOWN
)
# "I winter in Sarasota", "we summer up in Bar Harbor": a snowbird's second home; a state
# stays ("we winter in Florida").
SEASON_IN = re.compile(
    r"(?P<cue>\b(?i:(?:i|we|they|he|she)\s+(?:(?:usually|still|also|always|now|often)\s+)?"
    r"(?:winter|summer)s?\s+(?:(?:down|up|out|over)\s+)?(?:in|near)\s+))" + _TOWN
)
# "is Southington close to you? thats where I live", "Terryville, that's my town": a message
# that says where a person lives makes its capitalised place names their town.
LIVE_PHRASE_WORDS = ("where i ", "where we ", "where my ", "where our ", "where they ",
                     "where he ", "where she ", "my town", "our town", "hometown",
                     "home town")  # fmt: skip
LIVE_PHRASE = re.compile(
    r"\bwhere\s+(?:i|we|they|he|she|(?:my|our)\s+[\w']+(?:\s+[\w']+)?)\s+"
    r"(?:live[sd]?|stays?|resides?|grew\s+up)\b"
    r"|\b(?:my|our|his|her|their)\s+(?:home\s*town|town)\b",
    re.IGNORECASE,
)
_CAPITALISED_RUN = re.compile(r"(?<![\w'-])[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")
_WORD = re.compile(r"[^\W\d_][\w'-]*")


def _state_or_country(place: str) -> bool:
    """Is the place name a state or a country ("winter in Florida" names no town)?"""
    return bool(STATE_WORD.fullmatch(place)) or place.lower() in COUNTRIES


# "We Live In Hope" (typed in Title Case): a state of mind after "live in" that is also a
# place name ("Hope", "Harmony") stays.
_LIVE_IN_IDIOMS = frozenset({"hope", "harmony", "peace", "comfort", "luxury", "faith", "denial"})


def masked_town(match: re.Match[str]) -> str:
    """LIVE_WHERE's, STAY_WITH's and SEASON_IN's replacement: `masked_place`, but a state, a
    country or an idiom's word ("live in hope") stays."""
    end = _place_words(match.group("town"))
    place = match.group("town")[:end]
    if end and (_state_or_country(place) or place.lower() in _LIVE_IN_IDIOMS):
        return match.group()
    return masked_place(match)


def _masked_run(match: re.Match[str]) -> str:
    """_CAPITALISED_RUN's replacement in a message that says where a person lives: each place
    name of 1-3 words in the run goes (one word only when no ordinary word: "Is", "Hill")."""
    run = match.group()
    words = list(_WORD.finditer(run))
    places, out, at, i = place_names(), [], 0, 0
    while i < len(words):
        for count in (3, 2, 1):
            chosen = words[i : i + count]
            if len(chosen) < count:
                continue
            phrase = " ".join(word.group() for word in chosen)
            if phrase.lower() not in places or (count == 1 and ordinary(phrase)):
                continue
            end = chosen[-1].end()
            if _INSTITUTION.match(run, end) or _state_or_country(phrase):
                continue
            out += [run[at : chosen[0].start()], ADDRESS_MARK]
            at, i = end, i + count - 1
            break
        i += 1
    return "".join(out) + run[at:]


def has_live_phrase(lower: str) -> bool:
    """Substring tests (cheap) that every LIVE_PHRASE match passes, on the lower-cased text."""
    return any(word in lower for word in LIVE_PHRASE_WORDS)


def masked_places_where_one_lives(text: str) -> str:
    """The text with its capitalised place names masked when it says they are where a person
    lives; unchanged when it does not (the hospital's town is named every day)."""
    if not LIVE_PHRASE.search(text):
        return text
    return _CAPITALISED_RUN.sub(_masked_run, text)


def might_live_where(lower: str) -> bool:
    """Substring tests (cheap) that every LIVE_WHERE, STAY_WITH or SEASON_IN match passes."""
    if " in " not in lower and " near " not in lower:
        return False
    return "liv" in lower or "stay" in lower or "winter" in lower or "summer" in lower


def masked_live_where(text: str, lower: str) -> str:
    """LIVE_WHERE, STAY_WITH, SEASON_IN and LIVE_PHRASE, each behind its own substring test."""
    if might_live_where(lower):
        if "liv" in lower:
            text = LIVE_WHERE.sub(masked_town, text)
        if "with" in lower:
            text = STAY_WITH.sub(masked_town, text)
        if "winter" in lower or "summer" in lower:
            text = SEASON_IN.sub(masked_town, text)
    return masked_places_where_one_lives(text) if has_live_phrase(lower) else text


def has_live_where(text: str, lower: str) -> bool:
    """Does a round 13 cue of where one lives name a place (the gate for _has_detail)?"""
    if not might_live_where(lower) and not has_live_phrase(lower):
        return False
    return masked_live_where(text, lower) != text


# "House number 17, Quarry Hill - can someone pick me up": after a masked house number and a
# comma, one to three capitalised words that end at punctuation, a dash or the end are the
# street (its words may be ordinary ones); "[address removed], Thank you!" stays.
STREET_AFTER_MASK = re.compile(
    re.escape(ADDRESS_MARK) + r",\s*(?P<street>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2})"
    r"(?=\s*(?:[-\u2013\u2014,.;:!?)]|$))"
)
_NOT_A_STREET = frozenset({
    "thank", "thanks", "please", "sorry", "hi", "hello", "hey", "yes", "no", "ok", "okay", "dr",
    "mr", "mrs", "ms", "miss", "doctor", "nurse", "i", "im", "i'm", "we", "my", "our", "you",
    "your", "he", "she", "they", "it", "the", "a", "an", "and", "but", "or", "so", "then", "thx",
    "ty",
})  # fmt: skip


def masked_street_after_mask(match: re.Match[str]) -> str:
    """STREET_AFTER_MASK's replacement: the street joins the mark, unless it is one ordinary
    word, a greeting or thanks, or the hospital ("[address removed], Bristol Hospital.")."""
    street = match.group("street")
    words = street.split()
    if len(words) == 1 and ordinary(street):
        return match.group()
    if any(word.lower().strip(".") in _NOT_A_STREET for word in words):
        return match.group()
    if _INSTITUTION.search(" " + street):
        return match.group()
    return ADDRESS_MARK


def masked_streets_after_mask(text: str) -> str:
    """STREET_AFTER_MASK until it changes nothing ("[address], Quarry Hill, Old Mill")."""
    for _ in range(3):
        again = STREET_AFTER_MASK.sub(masked_street_after_mask, text)
        if again == text:
            break
        text = again
    return text


# "Maple Ridge trailer park, lot 42", "[address removed] space 12", "[address removed], unit
# 4B": a lot, space, site, pad or unit number right after a masked address goes with it.
LOT_AFTER_MASK = re.compile(
    re.escape(ADDRESS_MARK)
    + r",?\s*(?i:lot|space|site|pad|spot|unit|apt\.?|apartment|suite|ste\.?)\s*#?\s*"
    # "lot #7": the figure may be masked already (NUMBER_NEAR_MASK reads "#7" as a number).
    r"(?:\d{1,5}[A-Za-z]?\b|" + re.escape(ADDRESS_MARK) + ")"
)
