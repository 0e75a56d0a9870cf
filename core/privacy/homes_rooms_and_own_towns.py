"""Round 20's outside tester (class `address`): the parts of an address that stood beside a
mask (a Spanish floor and door, a flat's letter, a building's letter, the name of the block of
flats), care homes named "X of <Town>" or by a brand, the room of a care home, a mobile home
park written "MHP", and a town said to be one's own (or a relative's) in ways the earlier
rounds' cues did not read: "my daughter in Torrington", "Burlington? thats us", "Harwinton
girl all my life", "im at the veterans home in rocky hill".

Rooms: a room, bed or unit number *together with* the place someone lives or stays (a care
home, a block of flats) is part of that address and goes with it (the care home's name is
masked here; `towns_in_context.masked_rooms` then takes the room of a message whose address
is masked). A hospital's ward or room ("2 West", "room 2 of the clinic", "she's at Bristol
Hospital, room 306") names no one's home and stays: staff need it.

Why a module of its own: each pattern is gated (`gates.gated`) on a word its matches need, so
the common message pays a set look-up, not a scan. Entry points, called from
`redaction._redact_details`: `parts_after_mask` (in the block for a masked address, before the
town after the mark is read), `masked_homes_and_own_towns` (before round 19's
`units_homes.masked_where`, which reads these marks as context for a town or a unit after
them) and `has_where` (the gate of `_has_detail`: most of these hold no figure).
"""

from __future__ import annotations

import re

from core.privacy.gates import folded, gated, words_of
from core.privacy.identifiers import ADDRESS_MARK
from core.privacy.names import ordinary
from core.privacy.places import (
    CAPITALISED_RUN,
    masked_places_in_run,
    masked_town,
    place_names,
    place_words,
    state_or_country,
)

_MARK = re.escape(ADDRESS_MARK)
_TOWN = r"(?P<town>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2})"
_CAP_WORD = r"[A-Z][\w'\u2019-]*"
# Small words and verbs of a sentence typed in Title Case or capitals are no home's name.
_SMALL_WORDS_TEXT = (
    "at in to me my the of a an and for on go get come drive take back days day first few is "
    "it be we you your our his her their from with them him us i can will she he"
)
_SMALL_WORDS = frozenset(_SMALL_WORDS_TEXT.split())
# A hospital's or a clinic's name is no one's home.
_INSTITUTION_TEXT = (
    "hospital hospitals clinic medical health healthcare center centre campus infirmary "
    "emergency urgent"
)
_INSTITUTION_WORDS = frozenset(_INSTITUTION_TEXT.split())

# ------------------------------------------------------------- parts beside a masked address

# a06: "calle del Pino 23, 2º izq, Waterbury" had been stored "[address removed], 2º izq,
# Waterbury": a Spanish / Portuguese address goes on with the floor and the door ("2º izq",
# "3º B", "piso 2, puerta 3", "1er piso", "bajo dcha", "4ª planta", "andar 2", "apto 5"); they
# and the town after them are the address.
_ORDINAL_MARK = r"(?:[º°ª]|o\b|er\b|do\b|ro\b|to\b|a\b)"
_DOOR = r"(?:izq(?:uierda|da)?|dcha|dch|der(?:echa)?|dr(?:ta|a)?|esq(?:uerda)?|ctro|centro|[A-H])"
_FLOOR_WORD = (
    r"(?:piso|planta|puerta|pta|portal|escalera|esc|bloque|andar|apto|apt|dpto|depto|"
    r"departamento|interior|int|letra|bajo|entresuelo|ático|atico|sótano|sotano)"
)
_FLOOR_PART = (
    rf"(?:\d{{1,2}}\s*{_ORDINAL_MARK}\s*(?:(?i:{_FLOOR_WORD})\.?\s*)?(?:(?i:{_DOOR})\b\.?)?"
    rf"|(?i:{_FLOOR_WORD})\b\.?\s*(?:(?i:n[º°o])\.?\s*)?(?:\d{{1,3}}\s*{_ORDINAL_MARK}?)?"
    rf"\s*(?:(?i:{_DOOR})\b\.?)?)"
)
FLOOR_AND_DOOR_AFTER_MASK = re.compile(_MARK + rf"(?:\s*,?\s*{_FLOOR_PART}(?<=\w|\.|º|°|ª))+")

# a25: "Apartment 5-D, Building C, Lakeview Towers" had been stored "[address removed]-D,
# Building C, Lakeview Towers": a flat's letter glued to its masked number, a building's letter
# or number, and the name of the block (a name ending in a word for homes) after the mark.
GLUED_AFTER_MASK = re.compile(_MARK + r"-[A-Za-z0-9]{1,3}\b")
BUILDING_AFTER_MASK = re.compile(
    _MARK + r",?\s*(?i:building|bldg|blg|tower|wing|block|blk|entrance)\.?\s*#?\s*"
    r"(?:[A-Z]{1,2}|\d{1,4}[A-Za-z]?)\b"
)
_HOME_SUFFIX = (
    r"(?:Manor|Woods|Village|Pines|Meadows|Gardens|Commons|Estates|Towers?|Knoll|Glen|Lodge|"
    r"Residences?|Haven|Oaks|Acres|Terrace|Crossing|Landing|Ridge|Apartments|Apts|Court|Courts|"
    r"Place|Plaza|Heights|House|Hall|Condos?|Condominiums|Arms|Park)"
)
HOME_NAME_AFTER_MASK = re.compile(
    _MARK + rf",\s*(?:(?i:at|in)\s+)?(?:(?i:the)\s+)?(?:{_CAP_WORD}\s+){{1,3}}{_HOME_SUFFIX}\b"
)


def parts_after_mask(text: str) -> str:
    """Floor and door, a glued letter, a building and the block's name after a masked
    address join the mark (the caller tests for the mark)."""
    text = GLUED_AFTER_MASK.sub(ADDRESS_MARK, text)
    text = FLOOR_AND_DOOR_AFTER_MASK.sub(ADDRESS_MARK, text)
    text = BUILDING_AFTER_MASK.sub(ADDRESS_MARK, text)
    return HOME_NAME_AFTER_MASK.sub(ADDRESS_MARK, text)


# ---------------------------------------------------------------------- care homes and parks

# a24: "Lot 44 Pleasant Valley MHP" had been stored "Lot 44 Pleasant [name removed]": "MHP" /
# "MHC" (mobile home park / community) names a park of homes as "mobile home park" does
# (identifiers.PARK); a lot number before it goes with it.
PARK_ABBREVIATED = gated(
    re.compile(
        r"(?:\b(?i:lot|space|site|pad|spot|unit|trailer)\s*#?\s*\d{1,4}[A-Za-z]?\b,?\s*"
        r"(?:(?i:at|in|of|on)\s+)?(?:(?i:the)\s+)?)?"
        r"(?:[A-Z][\w'.-]*\s+){1,3}(?:MHP|MHC|M\.H\.P\.?|RV\s+Park|Trailer\s+Park)(?![\w-])"
    ),
    words="mhp mhc rv trailer",
    needles="m.h.p",
)

# a13, a27: "Sunrise of Farmington, rm 118", "my mom is at Brookdale of Avon": a care home is
# often a brand and its town ("X of <Town>"). After a cue that a person stays there, before a
# room or flat number, or when X is a senior-living brand, the name and its town go (the room
# then goes with the masked address). "University of Hartford", "Bank of America", "the
# Hospital of Central Connecticut" stay: an institution's word or a state is no home.
_BRAND = re.compile(
    r"(?i:sunrise|brookdale|atria|benchmark|arden\s+courts|brightview|hearthstone|elderwood|"
    r"masonicare)"
)
_NOT_A_HOME_HEAD = (
    r"(?:University|College|School|Academy|Bank|Town|City|Village|County|State|Department|"
    r"Dept|Board|Church|Diocese|Office|Hospital|Hospitals|Clinic|Center|Centre|Institute|"
    r"Museum|Library|Court|Friends|Sisters|Knights|Daughters|Sons|Bishop|Mayor|Port|Bay|"
    r"Gulf|Isle|Isles|Republic|Kingdom|Commonwealth|Province|District|Health|Medical)"
)
_ROOM_AHEAD = (
    r"(?=[^.!?\n]{0,40}?\b(?i:room|rm|bed|apt|apartment|unit|suite|cottage|villa|building|"
    r"bldg|wing|floor)\b)"
)
_STAY_CUE = (
    r"\b(?i:is|['\u2019]s|are|['\u2019]re|was|were|am|['\u2019]m|im|hes|shes|lives?|living|"
    r"stays?|staying|stayed|moved|moving|went)\s+(?:(?i:now|still|currently)\s+)?"
    r"(?i:at|in|into|to)\s+"
)
BRAND_OF_TOWN = gated(
    re.compile(
        r"(?<![\w'-])(?!" + _NOT_A_HOME_HEAD + r"\b)"
        r"(?P<name>(?:[A-Z][\w'\u2019-]*\s+){0,2}[A-Z][\w'\u2019-]*)\s+of\s+"
        r"(?P<town>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})"
    ),
    words="of",
)
# Every BRAND_OF_TOWN match holds "of" and a capital: one scan in C before the pattern.
_OF_CAPITAL = re.compile(r"\bof\s+[A-Z]")


def _masked_brand_of_town(match: re.Match[str]) -> str:
    """X of <Town>: the whole goes when <Town> is a listed town (no state, no country) and
    a room follows, a stay cue comes before, or X is a brand of senior living."""
    town = match.group("town")
    end = place_words(town)
    if not end or state_or_country(town[:end]):
        return match.group()
    name = match.group("name")
    text = match.string
    brand = _BRAND.fullmatch(name) is not None
    room = re.match(_ROOM_AHEAD, text[match.start("town") + end :]) is not None
    cue = re.search(_STAY_CUE + r"(?:(?i:the)\s+)?$", text[: match.start()]) is not None
    if not (brand or room or cue):
        return match.group()
    if not _SMALL_WORDS.isdisjoint(name.lower().split()):
        return match.group()
    return ADDRESS_MARK + town[end:] + text[match.end("town") : match.end()]


# a27: "hes at Masonicare in wallingford, 3rd floor, room 306b": a capitalised name after a
# cue that a person stays there, with a room, bed or flat number later in the clause, is the
# home's name (the town after it and the room then go with the mark). A hospital's name stays
# ("she's at Bristol Hospital, room 306", "at St Francis, room 12"): its rooms are no home's.
_NOT_A_HOME_NAME = (
    r"(?!(?i:the|a|an|my|our|his|her|their|this|that|ward|unit|icu|ccu|room|bed|floor|home|"
    r"work|church|school|hospital|rehab|st|saint|mt|mount|er|pacu|pre-op|recovery)\b)"
)
NAMED_STAY_WITH_ROOM = gated(
    re.compile(
        r"(?P<cue>" + _STAY_CUE + r")" + _NOT_A_HOME_NAME + r"(?P<name>[A-Z][\w'\u2019-]*"
        r"(?:\s+[A-Z][\w'\u2019-]*){0,3})"
        r"(?=(?:\s+(?i:in|of)\s+[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2})?[^.!?\n]{0,40}?"
        r"\b(?i:room|rm|bed|apt|apartment|unit|suite|cottage)\s*#?\s*\d)"
    ),
    words="room rm bed apt apartment unit suite cottage",
)
# "I'm at the Maplewood assisted living on Riverside, room 3": where the writer is now (a
# visit) is a labelled negative of round 18's corpus; the home of the person cared for goes.
_WRITER_CUE = re.compile(r"^(?i:i['\u2019]?m|im|i\s+am|we['\u2019]?re|we\s+are)\b")


def _writer_at(match: re.Match[str]) -> bool:
    """Does the stay cue of the match say where the writer is ("I'm at", "im at", "we are
    at")?"""
    if _WRITER_CUE.match(match.group("cue")):
        return True
    before = match.string[max(0, match.start() - 6) : match.start()]
    return re.search(r"\b(?i:i|we)\s*$", before) is not None


def _masked_named_stay(match: re.Match[str]) -> str:
    """The home's name goes; a hospital's, a town alone (the town rules judge it) or a Title
    Case sentence's words stay."""
    name = match.group("name")
    words = name.lower().split()
    if _writer_at(match):
        return match.group()
    if not _SMALL_WORDS.isdisjoint(words) or not _INSTITUTION_WORDS.isdisjoint(words):
        return match.group()
    # A town alone is for the town rules, but "at Pinecrest in Bristol" names a home and its
    # town (a home's name may also be some town's).
    at_home_in = match.group("cue").rstrip().lower().endswith("at") and re.match(
        r"\s+(?i:in|of)\s", match.string[match.end() :]
    )
    if place_words(name) == len(name) and not at_home_in:
        return match.group()
    return match.group("cue") + ADDRESS_MARK


# a27: "hes at Masonicare in wallingford": a senior-living brand after a cue that a person
# stays there is their home even with no room ("Sunrise", "Atria" are brands only here).
# Round 29 (r29p, care_home-002): "Mom lives at Brookdale Oak Park": the community's
# capitalised name after the brand goes with it. Masked alone, the brand's mark was context
# for the town rules when the question log redacted the stored text again ("[address removed]
# Oak Park"), so the two stores disagreed: one redaction must leave nothing for another.
_COMMUNITY_AFTER_BRAND = r"(?:\s+(?!I\b)(?-i:[A-Z][\w'\u2019-]*)){0,3}"
BRAND_STAY = gated(
    re.compile(
        r"(?P<cue>"
        + _STAY_CUE
        + r"(?:(?i:the)\s+)?)(?-i:"
        + _BRAND.pattern
        + r")\b"
        + _COMMUNITY_AFTER_BRAND
    ),
    words="sunrise brookdale atria benchmark arden brightview hearthstone elderwood masonicare",
)


def _masked_brand_stay(match: re.Match[str]) -> str:
    return match.group() if _writer_at(match) else match.group("cue") + ADDRESS_MARK


# ------------------------------------------------------------------------ one's own town

# a08: "my daughter in Torrington can drive me": the town a relative is in is their home
# (Safe Harbor counts a relative's address); "my daughter in law" (no place), "my son in
# Florida" (a state) and "my wife in Bristol Hospital" (an institution) stay.
_KIN = (
    r"(?:son|daughter|sister|brother|mom|mum|mother|dad|father|aunt|auntie|uncle|niece|nephew|"
    r"cousin|kids?|grandson|granddaughter|grandma|grandpa|grandmother|grandfather|friend|"
    r"parents?|husband|wife|fianc[eé]e?|boyfriend|girlfriend|partner|neighbou?r|"
    r"stepson|stepdaughter|children|family|folks|sis|bro)"
)
KIN_IN_TOWN = gated(
    re.compile(
        r"(?P<cue>\b(?i:my|our|his|her|their)\s+(?:(?i:older|younger|eldest|oldest|youngest|"
        r"big|little|baby|step|grown|only|other)\s+)?(?i:" + _KIN + r")\s+"
        r"(?:(?i:who|that)\s+(?i:lives?|is|stays?)\s+)?(?:(?i:up|down|over|out|back)\s+)?"
        r"(?i:in|from)\s+)" + _TOWN
    ),
    words="son sons daughter daughters sister sisters brother brothers mom mum mother dad "
    "father aunt auntie uncle niece nephew cousin kid kids grandson granddaughter grandma "
    "grandpa grandmother grandfather friend parent parents husband wife fiance fiancee fiancé "
    "fiancée boyfriend girlfriend partner neighbor neighbour stepson stepdaughter children "
    "family folks sis bro",
)

# Every KIN_IN_TOWN match holds "in" or "from" between spaces: one scan in C first.
_IN_OR_FROM = re.compile(r"\s(?i:in|from)\s")

# a09: "does the shuttle go out to Burlington? thats us": a message saying a place is the
# writer's ("that's us", "that's home", "that's where we are") makes its capitalised place
# names theirs, travel question or not.
SELF_CLAIM = gated(
    re.compile(
        r"\b(?i:that['\u2019]?s|that\s+is|thats|this\s+is)\s+"
        r"(?i:us|home|our\s+(?:town|area|neck\s+of\s+the\s+woods|home|place|village)|"
        r"where\s+(?:i|we|they|he|she)\s*(?:['\u2019]?m|['\u2019]?re|am|are|is|['\u2019]?s)"
        r"(?:\s+(?:at|from|based))?)\b"
    ),
    words="us home our where",
)
_WORD = re.compile(r"[^\W\d_][\w'-]*")


def _kept_claimed(run: str, phrase: str, start: int, end: int) -> bool:
    """A state or a country stays, and a place an institution is named after."""
    return state_or_country(phrase) or place_words(run[start:]) == 0


def _masked_run(match: re.Match[str]) -> str:
    """CAPITALISED_RUN's replacement in a message that claims a place as the writer's."""
    return masked_places_in_run(match.group(), _kept_claimed)


def _masked_claimed_towns(text: str) -> str:
    return CAPITALISED_RUN.sub(_masked_run, text) if SELF_CLAIM.search(text) else text


# a15: "Harwinton girl all my life": a town before a word for a person is that person's town
# (its demonym in English is the town's name): "a Wolcott boy", "Bristol gal", "proud
# Naugatuck native", "Plymouth lifer". A state stays ("Jersey girl", "Florida man").
_PERSON_NOUN = (
    r"(?:girl|girls|boy|boys|gal|gals|guy|guys|lad|lass|man|woman|lady|native|natives|lifer|"
    r"lifers|kid|townie|townies|through\s+and\s+through)"
)
PERSON_NOUN = gated(
    re.compile(rf"(?<=[^\W\d_])[^\S\n]+(?i:{_PERSON_NOUN})\b"),
    words="girl girls boy boys gal gals guy guys lad lass man woman lady native natives lifer "
    "lifers kid townie townies through",
)
# The one to three words before the person's noun (read on the text before it).
_WORDS_BEFORE = re.compile(r"(?<![\w'-])[^\W\d_][\w'-]*(?:[^\S\n]+[^\W\d_][\w'-]*){0,2}$")


def _demonym_end(words: list[re.Match[str]]) -> int:
    """Where the place name ending `words` starts (a listed town, capitalised when of more
    than one word, no ordinary word when of one; no state), or -1."""
    places = place_names()
    for count in (3, 2, 1):
        if len(words) < count:
            continue
        last = words[-count:]
        phrase = " ".join(word.group().lower() for word in last)
        if phrase not in places or state_or_country(phrase):
            continue
        if count == 1 and ordinary(last[0].group()):
            continue
        if count > 1 and not all(word.group()[0].isupper() for word in last):
            continue
        return last[0].start()
    return -1


def _masked_demonyms(text: str) -> str:
    """Each town right before a person's noun goes ("Harwinton girl", "a Wolcott boy")."""
    out, at = [], 0
    for noun in PERSON_NOUN.finditer(text):
        head = max(at, noun.start() - 60)
        before = _WORDS_BEFORE.search(text, head, noun.start())
        if not before:
            continue
        start = _demonym_end(list(_WORD.finditer(before.group())))
        if start < 0:
            continue
        out += [text[at : before.start() + start], ADDRESS_MARK]
        at = noun.start()
    return "".join(out) + text[at:] if out else text


# a18: "im at the veterans home in rocky hill, building 4 room 12": the town of a home a person
# stays in, with a word or two before the kind ("the veterans home", "a state-run nursing
# home"); `places.KIND_IN` needed the kind right after "the". The writer's own visit ("I'm at
# the nursing home in Bristol") goes only with a building, room, unit or bed number: then it
# is where they live. "the hospital in Bristol" stays (no home).
_KIND = (
    r"(?:nursing\s+home|care\s+home|group\s+home|rest\s+home|veterans?['\u2019]?\s+home|"
    r"soldiers['\u2019]?\s+home|home|assisted\s+living|rehab|facility|hospice|memory\s+care|"
    r"senior\s+(?:living|housing|apartments|community|center)|retirement\s+"
    r"(?:home|community|village)|residence|apartments?|complex|community|shelter)"
)
KIND_IN_TOWN = gated(
    re.compile(
        r"(?P<cue>(?P<who>\b(?i:i['\u2019]?m|im|i\s+am|we['\u2019]?re|were|we\s+are)|"
        r"(?i:['\u2019]s|\bis|\bare|\bwas|\blives?|\bliving|\bstays?|\bstaying|\bmoved|\bwent|"
        r"\bhes|\bshes))\s+(?:(?i:now|still|currently|living|staying)\s+)?"
        r"(?i:in|at|into|to)\s+(?i:a|an|the|this)\s+(?:[\w'\u2019-]+\s+){0,2}?"
        rf"(?i:{_KIND})\s+(?:(?i:up|down|over|out|right)\s+)?(?i:in|near|of)\s+)" + _TOWN
    ),
    words="home living rehab facility hospice care senior retirement residence apartment "
    "apartments complex community shelter",
)
_UNIT_NUMBER = re.compile(
    r"\b(?i:room|rm|bed|building|bldg|unit|apt|apartment|suite|cottage|wing)\s*#?\s*\d"
)


def _masked_kind_town(match: re.Match[str]) -> str:
    if match.group("who") and not _UNIT_NUMBER.search(match.string, match.end()):
        return match.group()
    return masked_town(match)


# ------------------------------------------------------------------------------ entry points


def masked_homes_and_own_towns(text: str, digit: bool) -> str:
    """Round 20's homes, rooms' homes and own towns (each gated on a word it needs; a room's
    home only when the text holds a figure, `digit`)."""
    text = PARK_ABBREVIATED.sub(ADDRESS_MARK, text)
    if _OF_CAPITAL.search(text):
        text = BRAND_OF_TOWN.sub(_masked_brand_of_town, text)
    if digit:
        text = NAMED_STAY_WITH_ROOM.sub(_masked_named_stay, text)
    text = BRAND_STAY.sub(_masked_brand_stay, text)
    if KIN_IN_TOWN.may_match(text) and _IN_OR_FROM.search(text):
        text = KIN_IN_TOWN.sub(masked_town, text)
    text = KIND_IN_TOWN.sub(_masked_kind_town, text)
    text = _masked_demonyms(text)
    return _masked_claimed_towns(text)


# Every word one of the figure-free passes needs (their gates' words), tested at once: most
# messages hold none, and one set test is cheaper than a gate per pass.
_ANY_WORD = frozenset().union(
    *(
        pattern.words
        for pattern in (PARK_ABBREVIATED, BRAND_STAY, KIN_IN_TOWN, KIND_IN_TOWN, PERSON_NOUN,
                        SELF_CLAIM)
    )
)  # fmt: skip


def has_where(text: str) -> bool:
    """Does a round 20 cue name a home or a town (the gate for `_has_detail`, which asks only
    of a text without a figure)?"""
    words = words_of(text)
    # `_OF_CAPITAL`'s "of" stands between a word boundary and a space: the word "of" of the
    # gates' reading. Asked first, it spares the scan most messages (measured: 1.0 µs -> 0.1).
    if (
        _ANY_WORD.isdisjoint(words)
        and "m.h.p" not in folded(text)
        and ("of" not in words or not _OF_CAPITAL.search(text))
    ):
        return False
    return masked_homes_and_own_towns(text, digit=False) != text
