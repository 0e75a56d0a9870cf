"""Round 21's outside tester (classes city, care_home, address; helper r21p): towns, care homes,
rooms and house numbers typed the loose way patients type them.

Why: the earlier rounds read a town after a cue when it is a listed place name typed as a name
is; round 21 found towns that are words or carry punctuation ("lives in Hope, Arkansas", "2 hrs
from paradise, ca", "I'm from st. cloud", "out in Coeur d'Alene", "we go back to Lodi", "born
[date] in Naples"), care homes without a word for homes or in lower case ("my dad is at shady
oaks", "she's in 312 at Lakeshore", "at Meadowview", "Heritage Pointe assisted living", "sunrise
of oak park", "The Gardens at Fox Run"), rooms in other forms ("rm 22B" after "the Willows",
"cuarto 9", "room one-oh-four", "room 31" and "214" in their own messages) and house numbers
without a street word ("my house is 14 Chestnut", "1600-B Cottonwood Dr", "N6054 County Road K",
"3307 Kensington" / "Boulevard"). Each rule reads the shape of the phrasing, not the instance.

Kept: "live in hope" (an idiom, unless a state follows: then it is a town), a state or a
country, a hospital's name ("she's in St. Francis": a saint's name after "in" is the hospital's;
"I'm from St. Cloud" goes), a room with no home in the message ("she is in room 214", decided
in round 20: it may be the hospital's).

Every pattern is gated (`gates.gated`) on a word or substring its matches need. Entry points,
called from `redaction`: `figure_passes` (in `_redact_details`, before the street rules:
"1600-B Cottonwood Dr"), `masked_where` (in `_redact_once` after the names, so it needs no gate
of `_redact_details`; it reads a name's mark as a home's: "at the [name removed], rm 22B"),
`split_part` (a detail's rest in the next message).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from core.privacy.gates import folded, gated, words_of
from core.privacy.identifiers import (
    ADDRESS_MARK,
    ID_MARK,
    STATE_CODES,
    STATE_CODES_THAT_ARE_WORDS,
    STATE_NAME_WORDS,
    SURE_STREET_WORDS,
    UNSURE_STREET_WORDS,
)
from core.privacy.names import NAME_MARK, case_says_nothing, ordinary
from core.privacy.number_words import SPOKEN_NUMBER
from core.privacy.places import (
    CARE_KIND,
    LIVE_IN_IDIOMS,
    place_names,
    state_or_country,
    trip_to_hospital,
)

_MARK = re.escape(ADDRESS_MARK)
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*\.?")
# "St." / "Ft." / "Mt." spelled out, as the list of US place names has them.
_ABBREVIATED = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port"}
_INSTITUTION_AFTER = re.compile(
    r"\s*(?i:hospital|clinic|medical|health|healthcare|center|centre|campus|infirmary)\b"
)
_SMALL = frozenset(
    [
        "the",
        "a",
        "an",
        "my",
        "our",
        "his",
        "her",
        "their",
        "your",
        "this",
        "that",
        "at",
        "in",
        "to",
        "of",
        "on",
        "is",
        "it",
        "and",
        "or",
        "for",
        "with",
        "from",
        "me",
        "we",
        "you",
        "i",
        "he",
        "she",
        "they",
        "be",
        "was",
        "are",
    ]
)


def _phrase(words: list[str]) -> str | None:
    """The words as a listed place name ("st. cloud" -> "saint cloud", "coeur d'alene" ->
    "coeur d alene"), or None."""
    parts = [word.lower().replace("\u2019", "'").rstrip(".") for word in words]
    if parts[0] in _ABBREVIATED:
        if len(parts) == 1:
            return None
        parts[0] = _ABBREVIATED[parts[0]]
    phrase = " ".join(parts)
    places = place_names()
    for form in (phrase, phrase.replace("'", " "), phrase.replace("'", "")):
        if form in places:
            return form
    return None


def _leading_place(words: list[str]) -> int:
    """How many of the leading 1-3 words form a listed place name (0: none)."""
    for count in (3, 2, 1):
        if len(words) >= count and _phrase(words[:count]):
            return count
    return 0


# ---------------------------------------------------------------- towns after a cue of home

# city-010 "I'm from st. cloud", city-017 "We're out in Coeur d'Alene", city-021 "we go back to
# Lodi", mixed-013 "born [date removed] in Naples": a cue that says where a person is from,
# lives or goes home to, then a listed place in any case and punctuation.
_BEING = (
    r"(?:i['\u2019]?m|i\s+am|we['\u2019]?re|we\s+are|she['\u2019]?s|she\s+is|he['\u2019]?s|"
    r"he\s+is|they['\u2019]?re|they\s+are)"
)
_HOME_CUE = re.compile(
    r"(?P<cue>\b(?i:"
    rf"(?P<being>{_BEING})\s+(?:(?:originally|out|up|down|over|back|still|now|just)\s+)?"
    r"(?P<prep>from|in|near|outside(?:\s+of)?)"
    r"|(?:live|lives|living|lived|moved|moving|relocated)\s+(?:(?:out|up|down|over|back|now|"
    r"still)\s+)?(?:in|near|to|outside(?:\s+of)?)"
    r"|(?:go|goes|going|went|head|heading|drive|driving|fly|flying|get|getting)\s+back\s+"
    r"(?:home\s+)?to"
    r"|born\b[^.?!\n]{0,40}?\bin|raised\s+in|grew\s+up\s+in"
    r")\s+)"
    r"(?P<town>[^\W\d_][\w'\u2019-]*\.?(?:\s+[^\W\d_][\w'\u2019-]*\.?){0,2})"
)
# The earlier rounds read a listed town after a person's "in" / "from" / "live in"; these cues
# add what they missed: an abbreviated or punctuated town ("st. cloud", "Coeur d'Alene") after
# any of them, any town after "back to" / "born ... in" / "raised in" / "grew up in".
# "back" alone is in most messages here (back pain): "back to" / "back home to" opens the
# pattern too (a scan of the case-folded text with a literal start).
_BACK_TO = re.compile(r"back\s+(?:home\s+)?to\b")
_NEW_CUES = frozenset({"back", "born", "raised", "grew"})
HOME_CUE = gated(
    _HOME_CUE,
    needles="d' d\u2019",
    words="st ste ft mt pt saint born raised grew",
)


def _masked_home_town(match: re.Match[str]) -> str:
    """_HOME_CUE's replacement: the listed place goes, the cue stays. Kept: a state or a
    country, an ordinary word alone ("back to work", "live in hope"), a hospital ("St. Francis
    Hospital"; a saint's name after "she's in" is the hospital's)."""
    town = match.group("town")
    words = [word.group() for word in _WORD.finditer(town)]
    count = _leading_place(words)
    if not count:
        return match.group()
    new_cue = _NEW_CUES.intersection(match.group("cue").lower().split())
    if not new_cue and not re.search(r"['\u2019.]|\b(?i:st|ste|ft|mt|pt|saint)\b", town):
        return match.group()
    phrase = _phrase(words[:count]) or ""
    end = list(_WORD.finditer(town))[count - 1].end()
    if town[end - 1] == "." and count == 1:
        end -= 1
    if state_or_country(phrase) or _INSTITUTION_AFTER.match(town, end):
        return match.group()
    if trip_to_hospital(match, phrase):  # "can I go back to Hartford by bus" (places.TOWNS)
        return match.group()
    first = words[0].lower().rstrip(".")
    # A word in lower case, or in a text in capitals or Title Case ("GET BACK TO NORMAL"), is
    # a word; capitalised inside a sentence it is the town ("born [date] in Naples").
    case_free = words[0][0].islower() or case_says_nothing(match.string)
    lower_word = case_free and ordinary(words[0])
    if count == 1 and (lower_word or phrase in LIVE_IN_IDIOMS):
        return match.group()
    saint = first in ("st", "ste", "saint")
    if saint and match.group("being") and match.group("prep").lower() != "from":
        return match.group()
    head = match.group()[: match.start("town") - match.start()]
    return head + ADDRESS_MARK + town[end:]


# ---------------------------------------------------------------- a town before its state

# city-016 "lives in Hope, Arkansas", city-018 "2 hrs from paradise, ca": a listed place before
# ", <state>" is a town even when it is a word; the state goes with it. Two-letter codes that are
# words or common abbreviations ("ok", "in", "me", "pa", "va") count only after a place that is
# no word.
# Full state names that are also first names: "I have hope, Virginia" may address a person.
_NAME_STATES = frozenset(["virginia", "georgia", "carolina", "dakota", "montana", "indiana"])
# The first words of two-word states, and what may follow them.
_STATE_PAIRS = {
    "new": {"hampshire", "jersey", "mexico", "york"},
    "north": {"carolina", "dakota"},
    "south": {"carolina", "dakota"},
    "rhode": {"island"},
    "west": {"virginia"},
}
# One cheap scan for a word after a comma; the state is then looked up in sets.
STATE_AFTER_COMMA = gated(
    re.compile(r",\s*(?P<state>[A-Za-z]{2,13})(?:\s+(?P<second>[A-Za-z]{4,9}))?\.?(?![\w'\u2019])"),
    ",",
)


def _state_after(match: re.Match[str]) -> str | None:
    """The state (lower case) a STATE_AFTER_COMMA match names, or None."""
    state = match.group("state").lower()
    second = (match.group("second") or "").lower()
    if state in _STATE_PAIRS:
        return f"{state} {second}" if second in _STATE_PAIRS[state] else None
    if second:
        return None
    return state if state in STATE_CODES or state in STATE_NAME_WORDS else None


def masked_towns_before_states(text: str) -> str:
    """Each listed place (1-3 words) right before ", <state>" masked, the state kept."""
    out, at = [], 0
    for match in STATE_AFTER_COMMA.finditer(text):
        state = _state_after(match)
        if state is None:
            continue
        before = list(_WORD.finditer(text, max(at, match.start() - 60), match.start()))
        before = [w for w in before if w.end() <= match.start()]
        if not before or text[before[-1].end() : match.start()].strip():
            continue
        for count in (3, 2, 1):
            chosen = before[-count:]
            if len(chosen) < count or chosen[0].start() < at:
                continue
            words = [w.group() for w in chosen]
            phrase = _phrase(words)
            if not phrase or state_or_country(phrase) or phrase.split()[0] in _SMALL:
                continue
            one_word = count == 1 and ordinary(words[0])
            if one_word and (state in STATE_CODES_THAT_ARE_WORDS or state in _NAME_STATES):
                continue
            if (
                len(state) == 2
                and state in STATE_CODES_THAT_ARE_WORDS
                and not words[0][0].isupper()
            ):
                continue
            out += [text[at : chosen[0].start()], ADDRESS_MARK]
            # The state goes with its town: after a masked town the address rules read it as
            # the address's state, so a second redaction would take it (round 22: "from
            # Bowling Green, Ohio"; one redaction is final).
            at = match.end()
            break
    return "".join(out) + text[at:] if out else text


# ---------------------------------------------------------------- care homes

# care_home-013 "my dad is at shady oaks", care_home-012 "she's in 312 at Lakeshore", split-007
# "at Meadowview": a home's name after a person's "is at / lives at / stays in" (or opening a
# message with "at"): two words ending in a word homes are named with, in any case, or one
# capitalised word built on one ("Lakeshore", "Meadowview", "Heatherwood").
_HOME_END = (
    r"oaks|pines|willows|meadows|gardens|pointe|glen|ridge|manor|village|terrace|springs|"
    r"haven|acres|commons|crossing|heights|hills|woods|lakes|shores|estates|lodge|villas"
)
_BUILT_ON = (
    r"view|shore|shores|wood|woods|brook|dale|glen|crest|haven|ridge|moor|gate|hurst|meadow|"
    r"meadows|pointe|oaks|pines|willows"
)
_PERSON_AT = (
    r"(?P<cue>(?:\b(?i:is|are|lives|live|living|stays|stay|staying|moved|went)|['\u2019]s|"
    r"\b\d{1,4}[A-Za-z]?,?)\s+(?:(?i:now|still|currently|over|out|up|down)\s+)?"
    r"(?i:at|in|into|to)\s+(?:(?i:the)\s+)?|^\s*(?i:at|in)\s+(?:(?i:the)\s+)?)"
)
HOME_AFTER_PERSON = gated(
    re.compile(
        _PERSON_AT + r"(?P<home>(?!(?i:the|a|an|my|our|his|her|their|this|that|your)\b)"
        rf"[^\W\d_][\w'\u2019-]+\s+(?i:{_HOME_END})\b"
        rf"|[A-Z][a-z]{{2,}}(?:{_BUILT_ON})\b)"
    ),
    needles=(_HOME_END + "|" + _BUILT_ON).replace("|", " "),
)
# care_home-003 "Heritage Pointe assisted living apt 118": a capitalised name right before a
# kind of home is that home's name when a flat or room of it follows, or when it opens the
# message. "the Oakwood nursing home is near the Lakeside clinic" and "I'm at the Maplewood
# assisted living on Riverside, room 3" (the writer's visit, round 20) stay.
_HOME_KIND = (
    r"assisted\s+living|nursing\s+home|memory\s+care|rest\s+home|senior\s+living|"
    r"retirement\s+(?:home|community|village)|skilled\s+nursing|group\s+home"
)
_HOME_KIND_WORDS = "assisted nursing memory rest senior retirement skilled group"
_KIND = re.compile(rf"(?i:{_HOME_KIND})\b")
NAME_BEFORE_KIND = gated(
    re.compile(
        rf"(?:^\s*|(?<![\w\]])(?=(?:[A-Z][\w'\u2019-]*\s+){{1,3}}(?i:{_HOME_KIND})\b,?\s*"
        r"(?i:apt|apartment|room|rm|unit|bed|suite|#)))"
        rf"(?P<name>(?:(?!{CARE_KIND}\s)[A-Z][\w'\u2019-]*\s+){{1,3}})"
        rf"(?=(?i:{_HOME_KIND})\b)"
    ),
    words=_HOME_KIND_WORDS,
)
# care_home-002 "sunrise of oak park" (stored "[address removed] of oak park"), care_home-014
# "The Gardens at Fox Run" ("The Gardens at [address removed]"): the rest of a home's name
# beside its mark.
PLACE_OF_MARK = gated(
    re.compile(
        _MARK
        + r"\s+(?i:of|at|in)\s+(?P<town>[^\W\d_][\w'\u2019-]*(?:\s+[^\W\d_][\w'\u2019-]*){0,2})"
    ),
    "[address",  # the mark's first word: "removed]" is in every mark
)
HOME_WORD_BEFORE_MARK = gated(
    re.compile(
        r"\b(?i:gardens|village|residence|residences|commons|terrace|courtyard|manor|meadows|"
        r"villas|inn|suites|cottages|lodge|estates|towers|apartments|pointe)\s+(?i:at|of|on)\s+"
        + _MARK
    ),
    "[address",  # the mark's first word: "removed]" is in every mark
)


_HOME_END_WORDS = frozenset(_HOME_END.split("|"))
_BUILT_ON_WORD = re.compile(rf"[A-Z][a-z]{{2,}}(?:{_BUILT_ON})\b")


def masked_homes(text: str) -> str:
    """HOME_AFTER_PERSON's homes masked; first a cheap test that a word ends as a home's name
    does (every match holds one)."""
    if _HOME_END_WORDS.isdisjoint(words_of(text)) and not _BUILT_ON_WORD.search(text):
        return text
    return HOME_AFTER_PERSON.sub(_masked_home, text)


def _masked_home(match: re.Match[str]) -> str:
    """HOME_AFTER_PERSON's replacement: the home goes, the cue stays; a hospital stays."""
    if _INSTITUTION_AFTER.match(match.string, match.end()):
        return match.group()
    home = match.group("home")
    if " " not in home and ordinary(home) and home[0].islower():
        return match.group()
    return match.group("cue") + ADDRESS_MARK


def _masked_name_before_kind(match: re.Match[str]) -> str:
    """NAME_BEFORE_KIND's replacement: the name after the sentence's small words goes."""
    name = match.group("name")
    words = list(_WORD.finditer(name))
    keep = 0
    for word in words:
        if word.group().lower().rstrip(".") not in _SMALL:
            break
        keep = word.end()
    if keep >= len(name.rstrip()):
        return match.group()
    head = match.group()[: match.start("name") - match.start()]
    return head + name[:keep] + (" " if keep else "") + ADDRESS_MARK + " "


def _masked_place_of_mark(match: re.Match[str]) -> str:
    """PLACE_OF_MARK's replacement: a listed place after the mark joins it."""
    town = match.group("town")
    words = [word.group() for word in _WORD.finditer(town)]
    count = _leading_place(words)
    if not count or state_or_country(_phrase(words[:count]) or ""):
        return match.group()
    end = list(_WORD.finditer(town))[count - 1].end()
    return ADDRESS_MARK + town[end:]


# ---------------------------------------------------------------- rooms

# care_home-006 "the Willows, rm 22B" (the home masked as a name), care_home-010 "cuarto 9",
# care_home-011 "room one-oh-four": a room, bed or flat of a message whose home is masked.
_SPOKEN = SPOKEN_NUMBER  # core/privacy/number_words.py: one list (round 25, r25m)
# The words of a room, bed or flat, in the languages patients typed (one list for every
# room rule: round 23's rooms of a home take it too; round 25, r25m).
ROOM_WORDS = (
    r"room|rm|bed|unit|apt|suite|cuarto|habitaci[oó]n|cama|chambre|zimmer|quarto|stanza|"
    r"pok[oó]j"
)
_ROOM_WORD = ROOM_WORDS
ROOM = gated(
    re.compile(
        rf"\b(?i:{_ROOM_WORD})(?![^\W\d_])\.?\s*(?:#|(?i:no\.?|number)\s*)?"
        rf"(?:\d{{1,4}}[A-Za-z]?\b|(?i:{_SPOKEN}(?:[\s-]+{_SPOKEN}){{0,3}})\b)"
    ),
    words="room rm bed unit apt suite cuarto habitación habitacion cama chambre zimmer quarto "
    "stanza pokój pokoj",
)
# The home may still be a capitalised name here (names are read after this module): "at the
# Willows, rm 22B".
_HOME_IN_TEXT = re.compile(
    _MARK + r"|\b(?i:at|in)\s+(?i:the)\s+(?:" + re.escape(NAME_MARK) + "|"
    r"(?!(?:[A-Z][\w'\u2019-]+\s+)?(?i:hospital|clinic|er|icu|ward|center|centre|medical|"
    r"infirmary|unit)\b)[A-Z][\w'\u2019-]+"
    rf"(?:\s+[A-Z][\w'\u2019-]+)?,?\s+(?=(?i:{_ROOM_WORD})\b))"
)
# care_home-012 "she's in 312 at [address removed]": the number of a person's room at a home.
NUMBER_BEFORE_HOME = gated(
    re.compile(
        r"(?P<cue>\b(?i:in)\s+)\d{1,4}[A-Za-z]?(?=,?\s+(?i:at)\s+(?:"
        + _MARK
        + "|"
        + re.escape(NAME_MARK)
        + "))"
    ),
    r"\d",
)

# ---------------------------------------------------------------- house numbers

# address-020 "my house is 14 Chestnut, the blue one": a house number and a capitalised name
# after "my house is" / "I live at" are an address without their street word.
HOUSE_IS = gated(
    re.compile(
        r"(?P<cue>\b(?i:(?:my|our|his|her|their|mom['\u2019]?s|dad['\u2019]?s)\s+"
        r"(?:house|home|place|address|apartment|condo|trailer)\s+(?:is|was)\s+(?:at\s+)?"
        r"|(?:i|we|they|he|she)\s+lives?\s+at\s+))"
        r"\d{1,6}[A-Za-z]?\s+(?!(?i:min|mins|minutes|miles|mi|blocks|hours|hrs|km)\b)"
        rf"[A-Z][a-z]+(?:\s+(?!(?i:{SURE_STREET_WORDS}|{UNSURE_STREET_WORDS})\b)[A-Z][a-z]+)?"
        # With its street word it is the street rules' ("I live at 532 Old Mill Way").
        rf"(?![\w'-])(?!\s+[A-Z])(?!\s+(?i:{SURE_STREET_WORDS}|{UNSURE_STREET_WORDS})\b)"
    ),
    words="house home place address apartment condo trailer live lives",
)
# address-010 "1600-B Cottonwood Dr": a house number with a letter after a hyphen.
LETTERED_HOUSE = gated(
    re.compile(
        r"\b\d{1,6}-[A-Za-z]\s+(?:[A-Z][\w'-]*\.?\s+){1,3}"
        rf"(?:(?i:{SURE_STREET_WORDS})|{UNSURE_STREET_WORDS})\b\.?"
    ),
    "-",
)
# address-008 "N6054 County Road K" (stored "[ID removed] County Road K"): a lettered county
# road after a rural house number (or its mark).
LETTER_ROAD = gated(
    re.compile(
        r"(?:" + re.escape(ID_MARK) + "|" + _MARK + r"|\b[NSEWnsew]?\d{1,6})\s+"
        r"(?i:county|cty|co\.?|state|town)\s+(?i:road|rd|highway|hwy|trunk|route|rte)\.?\s+"
        r"[A-Z]{1,2}\b"
    ),
    words="county cty co state town",
)
_ROAD_WORDS = frozenset(["road", "rd", "highway", "hwy", "trunk", "route", "rte"])


def figure_passes(text: str) -> str:
    """House numbers without a street word, or with a lettered suffix (the caller tests for a
    figure; before the street rules, which would take "Cottonwood Dr" alone)."""
    text = LETTERED_HOUSE.sub(ADDRESS_MARK, text)
    return HOUSE_IS.sub(lambda m: m.group("cue") + ADDRESS_MARK, text)


def masked_where(text: str) -> str:
    """Towns, homes, their rooms and lettered roads of this module (after the earlier rounds'
    place rules)."""
    # "back" in the folded text first: every _BACK_TO match starts with it, and a substring
    # test costs a fraction of the scan (measured: 0.37 µs -> 0.2 on an ordinary message).
    if HOME_CUE.may_match(text) or ("back" in (fold := folded(text)) and _BACK_TO.search(fold)):
        text = _HOME_CUE.sub(_masked_home_town, text)
    text = masked_towns_before_states(text)
    text = masked_homes(text)
    if NAME_BEFORE_KIND.may_match(text) and _KIND.search(text):
        text = NAME_BEFORE_KIND.sub(_masked_name_before_kind, text)
    if ADDRESS_MARK in text or NAME_MARK in text:
        text = PLACE_OF_MARK.sub(_masked_place_of_mark, text)
        text = HOME_WORD_BEFORE_MARK.sub(ADDRESS_MARK, text)
        text = NUMBER_BEFORE_HOME.sub(lambda m: m.group("cue") + ADDRESS_MARK, text)
    if LETTER_ROAD.may_match(text) and not _ROAD_WORDS.isdisjoint(words_of(text)):
        text = LETTER_ROAD.sub(ADDRESS_MARK, text)
    if ROOM.may_match(text) and _HOME_IN_TEXT.search(text):
        text = ROOM.sub(ADDRESS_MARK, text)
    return text


# ---------------------------------------------------------------- a detail's rest next message

# split-007 "she is in room" / "214": a number alone after a message that ended with a room's
# word; care_home-016 "the Heatherwood one" / "room 31": a room alone after a message naming a
# home; address-016 "my address for the letter" / "3307 Kensington" and "3307 Kensington" /
# "Boulevard, apartment 4": a house number and name after an address's cue, and the street word
# after them.
_ROOM_CUE_AT_END = re.compile(rf"\b(?i:{_ROOM_WORD}|apartment)\.?\s*(?:#|(?i:no\.?|number))?\W*$")
_NUMBER_ALONE = re.compile(
    r"^\s*(?:(?i:it['\u2019]?s|its|is|number|no\.?|#)\s*)?(?P<part>\d{1,4}[A-Za-z]?)\W*$"
)
_ROOM_ALONE = re.compile(
    rf"^\s*(?P<part>(?i:{_ROOM_WORD}|apartment)\.?\s*#?\s*\d{{1,4}}[A-Za-z]?)\W*$"
)
_HOME_WORDS = re.compile(
    r"\b(?i:home|nursing|assisted|facility|memory\s+care|residence|community|apartment|"
    r"building)\b"
)
_ADDRESS_CUE_AT_END = re.compile(
    r"\b(?i:address|addy|live\s+at|lives\s+at|send\s+(?:it|them|the\s+\w+)\s+to|mail\s+"
    r"(?:it|them)\s+to)\b[^.?!\d]{0,30}$"
)
_HOUSE_ALONE = re.compile(r"^\s*(?P<part>\d{1,6}[A-Za-z]?\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})")
_HOUSE_ONLY = re.compile(r"^\s*\d{1,6}[A-Za-z]?\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}\W*$")
_STREET_OPENING = re.compile(
    rf"^\s*(?P<part>(?i:{SURE_STREET_WORDS})\b\.?|(?:{UNSURE_STREET_WORDS})\b)"
)


def split_part(previous: str, text: str, redact: Callable[[str], str]) -> tuple[str, str] | None:
    """(the part of `text` that finishes a room or an address `previous` began; its mark)."""
    number = _NUMBER_ALONE.match(text)
    if number and _ROOM_CUE_AT_END.search(previous):
        return number.group("part"), ADDRESS_MARK
    room = _ROOM_ALONE.match(text)
    if room:
        before = redact(previous)
        if (
            _HOME_IN_TEXT.search(before)
            or re.search(r"\bthe\s+" + re.escape(NAME_MARK), before, re.I)
            or _HOME_WORDS.search(previous)
        ):
            return room.group("part"), ADDRESS_MARK
    house = _HOUSE_ALONE.match(text)
    if house and _ADDRESS_CUE_AT_END.search(previous):
        return house.group("part"), ADDRESS_MARK
    street = _STREET_OPENING.match(text)
    if street and _HOUSE_ONLY.match(previous):
        return street.group("part"), ADDRESS_MARK
    return None
