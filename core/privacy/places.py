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

from core.privacy.alternation import one_of
from core.privacy.identifiers import ADDRESS_MARK, CORRECTION_CUE, COUNTRIES, STATE_WORD
from core.privacy.names import TOWNS, ordinary
from core.privacy.place_keys import PlaceNames, place_key

DATA = Path(__file__).resolve().parent / "data" / "place_names.txt"


# A kind of care, not a home's name: "is it in Physical Rehab", "mom is in Cardiac Rehab"
# (2026-12-05: both masked as a care home). Rules reading "<Name> Rehab / Home" skip these.
CARE_KIND = (
    r"(?i:physical|occupational|speech|cardiac|pulmonary|inpatient|outpatient|acute|subacute|"
    r"sub-acute|stroke|spine|spinal|orthop(?:a)?edic|ortho|neuro|geriatric|short-term|long-term|"
    r"day|respite|drug|alcohol|hospital)"
)


@lru_cache(maxsize=1)
def place_names() -> PlaceNames:
    """Every US postal place name, lower case (read once, on first use); found typed with an
    accent or an apostrophe too ("española", "coeur d'alene": round 25, place_keys.py)."""
    lines = DATA.read_text(encoding="utf-8").splitlines()
    return PlaceNames(line for line in lines if line and not line.startswith("#"))


# Substrings one of which every PERSON_WHERE match holds (tested first on the lower-cased text).
WHERE_WORDS = ("'m ", "\u2019m ", "im ", "'re ", "\u2019re ", "'s ", "\u2019s ", " am ",
               " are ", " is ", "mov", "driv", "com", "came", "originally", "relocat", "head",
               "stay", "trav", "fly")  # fmt: skip
WHERE_GATE = re.compile(one_of(sorted(map(re.escape, WHERE_WORDS))))  # presence only
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


def place_words(town: str) -> int:
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
    end = place_words(town)
    head = match.group()[: match.start("town") - match.start()]
    return head + ADDRESS_MARK + town[end:] if end else match.group()


def masked_place_not_state(match: re.Match[str]) -> str:
    """PLACE_AFTER_MASK's replacement: as `masked_place`, but a state or a country after the
    masked town stays ("I'm out in [address removed], Alabama": round 29, r29n, city-010; a
    state alone is no identifier, docs/privacy.md)."""
    town = match.group("town")
    end = place_words(town)
    if end and state_or_country(town[:end]):
        return match.group()
    return masked_place(match)


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
        masked_person_where(m) != m.group() for m in PERSON_WHERE.finditer(text)
    )


# "Can I come from Hartford by bus?" (round 16's tester: masked): a trip to the hospital from
# one of its own towns is no one's where; a town outside the list still goes.
TRANSPORT_WORDS = r"bus|train|shuttle|taxi|cab|uber|lyft|directions?|parking"
_GETTING_HERE = re.compile(rf"\b(?:{TRANSPORT_WORDS})\b", re.IGNORECASE)


def masked_person_where(match: re.Match[str]) -> str:
    """PERSON_WHERE's replacement: `masked_town`, but one of the hospital's towns (names.TOWNS)
    stays in a message about getting here."""
    end = place_words(match.group("town"))
    if end and trip_to_hospital(match, match.group("town")[:end]):
        return match.group()
    return masked_town(match)


def trip_to_hospital(match: re.Match[str], place: str) -> bool:
    """Is `place` one of the hospital's towns, in a clause about getting here (bus, parking)?"""
    return place.lower() in TOWNS and _GETTING_HERE.search(_clause(match)) is not None


def _clause(match: re.Match[str]) -> str:
    """The clause around a match: from the stop or comma before it to the one after it
    ("im over in plymouth ct, do u have parking" asks about parking in another clause)."""
    text = match.string
    start = max(text.rfind(stop, 0, match.start()) for stop in ",;.!?\n") + 1
    ends = [i for i in (text.find(stop, match.end()) for stop in ",;.!?\n") if i >= 0]
    return text[start : min(ends, default=len(text))]


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
CAPITALISED_RUN = re.compile(r"(?<![\w'-])[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")
_WORD = re.compile(r"[^\W\d_][\w'-]*")


def state_or_country(place: str) -> bool:
    """Is the place name a state or a country ("winter in Florida" names no town)?"""
    # Folded too: "México", "Perú" are the countries once their accents go (round 25, r25e).
    return bool(STATE_WORD.fullmatch(place)) or place_key(place.lower()) in COUNTRIES


# "We Live In Hope" (typed in Title Case): a state of mind after "live in" that is also a
# place name ("Hope", "Harmony") stays.
LIVE_IN_IDIOMS = frozenset({"hope", "harmony", "peace", "comfort", "luxury", "faith", "denial"})


def masked_town(match: re.Match[str]) -> str:
    """LIVE_WHERE's, STAY_WITH's and SEASON_IN's replacement: `masked_place`, but a state, a
    country or an idiom's word ("live in hope") stays."""
    end = place_words(match.group("town"))
    place = match.group("town")[:end]
    if end and (state_or_country(place) or place.lower() in LIVE_IN_IDIOMS):
        return match.group()
    return masked_place(match)


def masked_places_in_run(run: str, kept: Callable[[str, str, int, int], bool]) -> str:
    """The capitalised run with each place name of 1-3 words in it masked (one word only when
    no ordinary word: "Is", "Hill"), longest first, unless `kept(run, phrase, start, end)`
    says that place stays (a state, a country, an institution's town...)."""
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
            start, end = chosen[0].start(), chosen[-1].end()
            if kept(run, phrase, start, end):
                continue
            out += [run[at:start], ADDRESS_MARK]
            at, i = end, i + count - 1
            break
        i += 1
    return "".join(out) + run[at:]


def _kept_where_one_lives(run: str, phrase: str, start: int, end: int) -> bool:
    """A state or a country stays, and a town that names an institution ("Bristol Hospital")."""
    return bool(_INSTITUTION.match(run, end)) or state_or_country(phrase)


def _masked_run(match: re.Match[str]) -> str:
    """CAPITALISED_RUN's replacement in a message that says where a person lives."""
    return masked_places_in_run(match.group(), _kept_where_one_lives)


def has_live_phrase(lower: str) -> bool:
    """Substring tests (cheap) that every LIVE_PHRASE match passes, on the lower-cased text.
    Each of LIVE_PHRASE_WORDS holds "where " or "town", asked first (measured: 1.2 µs -> 0.1
    on a message with neither)."""
    return ("where " in lower or "town" in lower) and any(
        word in lower for word in LIVE_PHRASE_WORDS
    )


def masked_places_where_one_lives(text: str) -> str:
    """The text with its capitalised place names masked when it says they are where a person
    lives; unchanged when it does not (the hospital's town is named every day)."""
    if not LIVE_PHRASE.search(text):
        return text
    return CAPITALISED_RUN.sub(_masked_run, text)


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


# Round 14 (r14p): towns after more cues of where a person lives or comes from, and a
# Polish street with its number. Each pattern sits behind a substring test in
# `might_round14_where`; a state or a country stays (Safe Harbor allows them).
_KIND = (
    r"(?:nursing\s+home|care\s+home|group\s+home|assisted\s+living|rehab|hospital|facility|"
    r"home|hospice|memory\s+care|senior\s+living)"
)
# "my daughter drives over from Wethersfield every weekend", "he came down from Winsted",
# "my parents moved up here from Ponce": a person travels or moved from a town.
TRAVEL_FROM = re.compile(
    r"(?P<cue>\b(?i:drives?|drove|driving|comes?|came|coming|moved?|moving|flies|flew|"
    # Not "in": "my son drives in from Waterbury" is a labelled negative (round 4's corpus).
    r"travels?|travell?ed)\s+(?:(?:over|up|down|out|back|all\s+the\s+way|here|there)\s+)"
    r"{0,2}from\s+)" + _TOWN
)
# "she's in a nursing home up in Winsted", "dad is at a rehab over in Torrington": the town
# of the home or facility a person is in.
KIND_IN = re.compile(
    r"(?P<cue>(?i:['\u2019]s|\bis|['\u2019]m|\bam|['\u2019]re|\bare|\bwas|\bwere|\blives?|"
    r"\bliving|\bstays?|\bstaying|\bmoved|\bwent)\s+(?:(?i:now|still|currently)\s+)?"
    rf"(?i:in|at|into|to)\s+(?i:a|an|the)\s+(?i:{_KIND})\s+"
    r"(?:(?i:up|down|over|out|right)\s+)?(?i:in|near)\s+)" + _TOWN
)
# "grew up in Waterbury", "raised in Naugatuck", "born in Meriden" (a year or month stays).
GREW_UP_IN = re.compile(
    r"(?P<cue>\b(?i:grew\s+up|raised|born(?:\s+and\s+raised)?|brought\s+up)\s+"
    r"(?:(?i:right|over|out|up|down)\s+)?(?i:in|near)\s+)" + _TOWN
)
# "mi mamá vive sola en Meriden", "vivo en Hartford", "minha mãe mora sozinha em Danbury".
ABROAD_LIVE = re.compile(
    r"(?P<cue>\b(?i:viven?|vivo|vivimos|vivía|mora|moram|moro|moramos|reside)\s+"
    r"(?:(?i:sol[ao]s?|sozinh[ao]s?|ahora|agora|aqu[ií]|todav[ií]a)\s+)?(?i:en|em|no|na)\s+)"
    + _TOWN
)
# "how far is it from Canton to you guys", "from Plymouth to the hospital": a trip's start.
HOW_FAR_FROM = re.compile(
    r"(?P<cue>\b(?i:how\s+far\s+(?:away\s+)?(?:is\s+(?:it|that)\s+|it\s+is\s+)?from)\s+)" + _TOWN
)
FROM_TO_US = re.compile(
    r"(?P<cue>\b(?i:from)\s+)(?P<town>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2}?)"
    r"(?=\s+(?i:to|into)\s+(?i:you|your|the\s+hospital|bristol|here)\b)"
)
# "we head down to Port St Lucie every november", "going up to Bar Harbor": a person's second
# town ("we head down to the lobby", "go down to Florida" stay).
HEAD_TO = re.compile(
    r"(?P<cue>\b(?i:head(?:s|ed|ing)?|go(?:es|ing)?|went|fly|flies|flying|flew|drive|drives|"
    r"driving|drove)\s+(?i:down|up|out|over)\s+(?i:to)\s+)" + _TOWN  # "go back to Normal" stays
)
# "from Ponce in Puerto Rico", "in Dover in Delaware": a town before its state.
TOWN_IN_STATE = re.compile(
    r"(?P<cue>\b(?i:from|in|near|to)\s+)(?P<town>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}?)"
    r"(?=,?\s+(?i:in)\s+(?:Puerto\s+Rico|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b)"
)
# "Retired schoolteacher from Thomaston, 81 yrs young", "Widow from Wolcott here": who one is
# and the capitalised town one is from, opening the message ("Retired nurse from the VA" stays).
ROLE_FROM = re.compile(
    r"^(?P<cue>\W*(?:[A-Za-z]+\s+){0,3}?[A-Za-z]+\s+(?i:from)\s+)(?P<town>[A-Z][\w'-]*"
    r"(?:\s+[A-Z][\w'-]*){0,2})"
)
# "we live in southingotn (sorry, southington)", "in Bristl, I mean Bristol": the town given
# again as a correction after a town already masked.
CORRECTED_TOWN = re.compile(
    r"(?P<cue>(?:\(\s*|\b)(?i:sorry|i\s+mean|i\s+meant|typo|oops)[,:]?\s+"
    r"(?:(?i:i\s+mean|i\s+meant)[,:]?\s+)?)" + _TOWN
)
# "mieszkamy przy ulicy Broad Street 118", "ul. Długa 5/3": a Polish street and its number.
POLISH_STREET = re.compile(
    r"(?P<cue>\b(?i:ulicy|ulica|ul\.)\s+)(?:[^\W\d_][\w.'-]*\s+){1,4}?\d{1,5}[A-Za-z]?"
    r"(?:\s*/\s*\d{1,4})?\b"
)
# Bristol is the hospital's own town: a trip to it or from it is no one's where.
HOSPITAL_TOWNS = frozenset({"bristol"})
_MONTH_WORDS = (
    "january february march april may june july august september october november december"
)
MONTHS = frozenset(_MONTH_WORDS.split())
# Spanish and Portuguese words after "en"/"em" that are place names too ("vive en Paz").
_ABROAD_WORDS = frozenset({"casa", "paz", "familia", "família", "el", "la", "los", "las"})


def _masked_trip_town(match: re.Match[str]) -> str:
    """A town one travels to or from, but not the hospital's own ("drive up to Bristol")."""
    end = place_words(match.group("town"))
    if end and match.group("town")[:end].lower() in HOSPITAL_TOWNS:
        return match.group()
    return masked_person_where(match)


def _masked_birth_town(match: re.Match[str]) -> str:
    """A town one was born or raised in; a month ("born in May") stays."""
    word = _WORD.match(match.group("town"))
    if word and word.group().lower() in MONTHS:
        return match.group()
    return masked_town(match)


def _masked_abroad_town(match: re.Match[str]) -> str:
    """A town after "vive en"; a Spanish or Portuguese word ("vive en casa") stays."""
    word = _WORD.match(match.group("town"))
    if word and word.group().lower() in _ABROAD_WORDS:
        return match.group()
    return masked_town(match)


_GREETINGS = frozenset({"hi", "hello", "hey", "greetings", "good", "morning", "afternoon",
                        "evening", "night", "love", "regards", "cheers", "thanks", "hugs",
                        "sent", "message", "note", "news", "my", "our", "his", "her", "their",
                        "i", "we", "he", "she", "they", "you", "it", "is", "was", "am", "are",
                        "drives", "comes", "came", "moved", "drove"})  # fmt: skip


def _masked_role_town(match: re.Match[str]) -> str:
    """ROLE_FROM's replacement: the words before "from" say who one is, not a name (each an
    ordinary word or in lower case: "schoolteacher"), and the town a capitalised place name."""
    words = _WORD.findall(match.group("cue"))[:-1]
    if any(word.lower() in _GREETINGS for word in words):
        return match.group()  # "greetings from Bristol", "my son drives in from Waterbury"
    if not words or not all(ordinary(w) or (i > 0 and w.islower()) for i, w in enumerate(words)):
        return match.group()
    return masked_town(match)


def _masked_polish_street(match: re.Match[str]) -> str:
    """POLISH_STREET's replacement: the cue stays, the street and number go."""
    return match.group("cue") + ADDRESS_MARK


def _masked_corrected_town(match: re.Match[str]) -> str:
    """CORRECTED_TOWN's replacement, once a town is masked before it: the correction is a
    place name in any case ("southington")."""
    if ADDRESS_MARK not in match.string[: match.start()]:
        return match.group()
    end = place_words(match.group("town"))
    if not end:
        first = _WORD.match(match.group("town"))
        end = first.end() if first and first.group().lower() in place_names() else 0
    if not end or state_or_country(match.group("town")[:end]):
        return match.group()
    return match.group("cue") + ADDRESS_MARK + match.group("town")[end:]


def might_round14_where(lower: str) -> bool:
    """Substring tests (cheap) that every round 14 pattern's match passes."""
    return (
        "from " in lower
        or " to " in lower
        or "grew" in lower
        or "raised" in lower
        or "born" in lower
        or "brought up" in lower
        or " en " in lower
        or " em " in lower
        or "ul" in lower
        or (
            "home" in lower
            or "rehab" in lower
            or "hospi" in lower
            or "facility" in lower
            or "living" in lower
            or "care" in lower
        )
        or "sorry" in lower
        or "mean" in lower
        or (" in " in lower and ("near " in lower or lower.count(" in ") > 1))  # TOWN_IN_STATE
    )


def masked_round14_where(text: str, lower: str) -> str:
    """Round 14's towns and the Polish street, each behind its own substring test."""
    if "from " in lower:
        text = TRAVEL_FROM.sub(_masked_trip_town, text)
        if "far" in lower:
            text = HOW_FAR_FROM.sub(_masked_trip_town, text)
        if " to " in lower or "into" in lower:
            text = FROM_TO_US.sub(_masked_trip_town, text)
        text = ROLE_FROM.sub(_masked_role_town, text)
    if " in " in lower:
        text = TOWN_IN_STATE.sub(masked_town, text)
    if " to " in lower:
        text = HEAD_TO.sub(_masked_trip_town, text)
    if " in " in lower or " at " in lower:
        if any(word in lower for word in ("home", "rehab", "hospi", "facility", "living", "care")):
            text = KIND_IN.sub(_masked_trip_town, text)  # "in the hospital in Bristol" stays
        if "grew" in lower or "raised" in lower or "born" in lower or "brought" in lower:
            text = GREW_UP_IN.sub(_masked_birth_town, text)
    if " en " in lower or " em " in lower or " no " in lower or " na " in lower:
        text = ABROAD_LIVE.sub(_masked_abroad_town, text)
    if "ul" in lower:
        text = POLISH_STREET.sub(_masked_polish_street, text)
    return text


def masked_corrected_towns(text: str, lower: str) -> str:
    """CORRECTED_TOWN, when a town is masked already ("(sorry, southington)")."""
    if ADDRESS_MARK in text and ("sorry" in lower or "mean" in lower or "typo" in lower
                                 or "oops" in lower):  # fmt: skip
        return CORRECTED_TOWN.sub(_masked_corrected_town, text)
    return text


def has_round14_where(text: str, lower: str) -> bool:
    """Does a round 14 cue name a place (the gate for _has_detail)?"""
    return might_round14_where(lower) and masked_round14_where(text, lower) != text
