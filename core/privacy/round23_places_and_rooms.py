"""Round 23's outside tester (helper r23p): towns, care homes, rooms and house numbers typed
the loose way patients type them (Pennsylvania towns this time).

Why: the earlier rounds read a town after a cue of a person's where ("we live in", "coming
from"); round 23 found the shapes they missed, and each rule below reads the shape, not the
instance (docs/privacy.md, round 23):
- a town of a place name's shape after a bare "from / near / in" (ct11 "is there a shuttle from
  Clarks Summit", ct12 "near old forge", ct25 "we r in forty fort"): two or three words that
  form a listed place and start with "Mt / Mount / New / Old / Port / Fort / Lake ..." or end
  with "Summit / Forge / Notch / Fort / Falls / Springs ..." (a place's own words);
- two listed towns after "between ... and" (ct14 "between Jessup and Mayfield");
- a message that is only a town, with or without its state (ct17 "mt pocono", ct24 "pittston",
  ct27 "throop pa");
- a town opening a message before "here," (ct18 "Sugar Notch here, will it snow") or before
  "to you / from you" (ct31 "New Milford to you is 90 min");
- a town before / after the Korean, Chinese or Japanese "live in" (ct15 "윌크스배리에 살아요",
  mx15 "住在费城");
- a care home named by ordinary words: "<Name> Home / Villa / Care Center / personal care
  home" (ch04, ch07, ch13, ch18), "the Meadows / Willows ..." before a room or after a person's
  "is at" (ch10, mx08), "hogar Casa Esperanza" (ch09), "Oak Hill (the assisted living ...)"
  (ch11); and the room, bed, unit or "#" of a masked home beside it, in the shapes "2W-31",
  "12B", "204-B", "#8", "unit C" (ch02, ch07, ch09, ch13, ch16, ch18);
- a house number beside a masked street ("the house is 2217 on the corner of [address]",
  ad19; "number 48 on Ridge", ad23).

Kept: a hospital's room or ward ("mom is in bed 2 of room 14 on the rehab floor", ch21: no
home is named, and "the rehab floor" is a hospital's; docs/privacy.md), the hospital's own
towns, a state or country, "Route 8", "Exit 170", "Main Street", "in new patients".

Every pattern is gated (`gates.gated`) on a word or substring its matches need. Entry points:
`masked_homes(text)` (before the names: the name rules would take "Saint Mary's Villa" as a
person) and `masked(text)` (after round 22's), both called from `redaction._redact_once`.
"""

from __future__ import annotations

import re

from core.privacy.gate_groups import any_gate
from core.privacy.gates import gated, words_of
from core.privacy.identifiers import ADDRESS_MARK, STATE_CODES, STATE_NAMES_PATTERN
from core.privacy.names import NAME_MARK, TOWNS, ordinary
from core.privacy.number_words import SPOKEN_NUMBER
from core.privacy.places import state_or_country
from core.privacy.word_towns_bare_homes_and_rooms import ROOM_WORDS, _phrase

_MARK = re.escape(ADDRESS_MARK)
_NAME = re.escape(NAME_MARK)
_WORD = r"[^\W\d_][\w'\u2019.-]*"
_CAP = r"[A-Z][\w'\u2019-]*"

# ---------------------------------------------------------------- towns

# The words US places are named with at their start or end ("Mount Pocono", "Old Forge",
# "Clarks Summit", "Sugar Notch", "Forty Fort"): with one of them, two listed words are a town's
# name in any case.
_TOWN_HEADS = frozenset(
    [
        "mt",
        "mt.",
        "mount",
        "new",
        "old",
        "port",
        "fort",
        "ft",
        "ft.",
        "lake",
        "glen",
        "saint",
        "st",
        "st.",
    ]
)
_TOWN_TAILS = frozenset(
    [
        "summit",
        "forge",
        "notch",
        "fort",
        "falls",
        "springs",
        "heights",
        "haven",
        "creek",
        "hollow",
        "junction",
        "township",
        "twp",
        "mills",
        "grove",
        "ridge",
        "harbor",
        "gap",
        "run",
        "landing",
        "hill",
        "hills",
        "valley",
    ]
)
# Listed places of that shape that are ordinary phrases too ("in new home", "in the village").
_COMMON = frozenset(
    [
        "new home",
        "new site",
        "new era",
        "new deal",
        "new market",
        "new town",
        "new city",
        "new post",
        "new point",
        "new park",
        "new church",
        "new roads",
        "new river",
        "new hope",
        "new england",
        "old town",
        "old fields",
        "lake view",
        "lake shore",
        "rest haven",
        "hot springs",
        "medical springs",
        "center city",
        "the hills",
        "the village",
        "new square",
        "new century",
        "new freedom",
        "new harmony",
        "new liberty",
        "new enterprise",
        "mount hope",
        "mount healthy",
        "mount calm",
        "port reading",
        "high hill",
        "lake success",
    ]
)
_INSTITUTION = re.compile(
    r"\s*(?i:hospital|clinic|medical|health|healthcare|center|centre|campus|infirmary|"
    r"station|exit|road|rd|street|st|avenue|ave|route)\b"
)
# ct11 "from Clarks Summit", ct12 "near old forge", ct25 "in forty fort".
_CUED_TOWN = gated(
    re.compile(
        r"(?P<cue>\b(?i:from|near|in|outside(?:\s+of)?|around)\s+)"
        rf"(?P<town>{_WORD}\s+{_WORD}(?:\s+{_WORD})?)"
    ),
    words=" ".join(w.rstrip(".") for w in _TOWN_HEADS | _TOWN_TAILS),
)
# ct14 "between Jessup and Mayfield": two capitalised listed towns.
_BETWEEN = gated(
    re.compile(
        rf"(?P<cue>\b(?i:between)\s+)(?P<a>{_CAP}(?:\s+{_CAP})?)(?P<mid>\s+(?:and|&)\s+)"
        rf"(?P<b>{_CAP}(?:\s+{_CAP})?)"
    ),
    words="between",
)
# Any state's name (identifiers' list, as the other town rules read it: round 25, r25m), or
# two letters (checked against the states' codes in `_town_alone`).
_STATE = rf"(?:,?\s+(?P<state>[A-Za-z]{{2}}|(?i:{STATE_NAMES_PATTERN}))\.?)?"
# ct17 "mt pocono", ct24 "pittston", ct27 "throop pa": a message that is only a town.
_ALONE = re.compile(rf"^\s*(?P<town>{_WORD}(?:\s+{_WORD}){{0,2}}?){_STATE}\s*[.!?]*\s*$")
# ct18 "Sugar Notch here, will it snow", ct31 "New Milford to you is 90 min": a town opening
# a message, before "here" and a stop, or before "to / from you / here / the hospital".
_OPENING = gated(
    re.compile(
        rf"^\s*(?P<town>{_WORD}(?:\s+{_WORD}){{0,2}}?)"
        r"(?=\s+(?:(?i:here)\s*(?:[,.;:!-]|$)|(?i:to|from)\s+(?i:you|your|here|the\s+hospital)\b))"
    ),
    words="here you your hospital",
)


def _place(words: list[str]) -> str | None:
    """The words as a listed town (not a state, a country or the hospital's own), or None."""
    phrase = _phrase(words)
    if not phrase or state_or_country(phrase) or phrase.split()[-1] in TOWNS:
        return None
    return phrase


def _shaped(words: list[str]) -> bool:
    """Does a two- or three-word name start or end with a word places are named with?"""
    return words[0].lower() in _TOWN_HEADS or words[-1].lower() in _TOWN_TAILS


def _masked_cued(match: re.Match[str]) -> str:
    words = match.group("town").split()
    for count in (3, 2):
        if len(words) < count or not _shaped(words[:count]):
            continue
        phrase = _place(words[:count])
        if not phrase or (phrase in _COMMON and not words[0][0].isupper()):
            continue
        town = match.group("town")
        end = [m.end() for m in re.finditer(r"\S+", town)][count - 1]
        if _INSTITUTION.match(town + match.string[match.end() :], end):
            return match.group()
        return match.group("cue") + ADDRESS_MARK + town[end:]
    return match.group()


def _known_town(name: str) -> bool:
    words = name.split()
    phrase = _place(words)
    return bool(phrase) and (len(words) > 1 or not ordinary(words[0]))


def _masked_between(match: re.Match[str]) -> str:
    if not (_known_town(match.group("a")) and _known_town(match.group("b"))):
        return match.group()
    return match.group("cue") + ADDRESS_MARK + match.group("mid") + ADDRESS_MARK


def _town_alone(text: str) -> str:
    """A message that is only a town (and its state): the town and its state go."""
    match = _ALONE.match(text)
    if not match:
        return text
    words = match.group("town").split()
    if len(words) == 1 and ordinary(words[0]):  # "thanks", "ok": the cheap test first
        return text
    state = match.group("state")
    if state and len(state) == 2 and state.lower() not in STATE_CODES:
        return text
    # Ordinary words and no town's head or tail: the text stays, whatever the place lists say
    # (asked before them: measured 2.2 µs -> 1.2 on a short ordinary message).
    if len(words) > 1 and not _shaped(words) and all(ordinary(w) for w in words):
        return text
    phrase = _place(words)
    if not phrase or (phrase in _COMMON and not words[0][0].isupper()):
        return text
    return text[: match.start("town")] + ADDRESS_MARK + text[match.end() :].rstrip(" ")


def _masked_opening(match: re.Match[str]) -> str:
    words = match.group("town").split()
    phrase = _place(words)
    if not phrase:
        return match.group()
    if not words[0][0].isupper() and (all(ordinary(w) for w in words) or phrase in _COMMON):
        return match.group()
    if len(words) == 1 and ordinary(words[0]):
        return match.group()
    return match.group()[: match.start("town") - match.start()] + ADDRESS_MARK


# ct15 "윌크스배리에 살아요" (I live in Wilkes-Barre), "…에서 왔어요" (came from); mx15 "住在费城"
# (live in Philadelphia), "来自…"; Japanese "…に住んでいます". The word before / after the
# language's "live in" is a town; home, here, a hospital or a country stays.
_KOREAN = re.compile(
    r"(?P<town>[\uac00-\ud7a3]{2,})(?=(?:에|에서)\s*(?:살|사는|삽니다|사세요|왔|와요|옵니다))"
)
_KOREAN_KEPT = frozenset(
    [
        "우리집",
        "여기",
        "거기",
        "저기",
        "병원",
        "근처",
        "시골",
        "아파트",
        "동네",
        "미국",
        "한국",
        "중국",
        "일본",
        "캐나다",
        "멕시코",
        "요양원",
        "딸네",
        "아들네",
        "혼자",
        "같이",
        "서울시",
    ]
)
_HAN_TOWN = re.compile(
    r"(?:住在|我住|住|来自|來自|搬到)(?P<town>[\u4e00-\u9fff]{2,5}?)"
    r"(?=[\s,\uff0c.\u3002;\uff1b!\uff01?\uff1f\u3001]|\u5e02|$)"
    r"|(?P<jtown>[\u30a0-\u30ff\u4e00-\u9fff]{2,8})(?=に住)"
)
_HAN_KEPT = re.compile(r"[家院这這那里裡附近国國一起楼樓房屋室]")


def _masked_scripts(text: str) -> str:
    if max(text) >= "\uac00" and "에" in text:
        text = _KOREAN.sub(
            lambda m: m.group() if m.group("town") in _KOREAN_KEPT else ADDRESS_MARK, text
        )
    if "住" in text or "来自" in text or "來自" in text or "搬到" in text:

        def _han(match: re.Match[str]) -> str:
            group = "town" if match.group("town") else "jtown"
            town = match.group(group)
            if _HAN_KEPT.search(town):
                return match.group()
            start = match.start(group) - match.start()
            return match.group()[:start] + ADDRESS_MARK

        text = _HAN_TOWN.sub(_han, text)
    return text


# ---------------------------------------------------------------- care homes (before names)

# ch04 "the Lutheran Home in Topton", ch07 "Saint Mary's Villa", ch13 "Birchwood personal care
# home", ch18 "Mountain View Care Center": capitalised words before a home's word. "the Nursing
# Home", "Urgent Care Center", "Funeral Home", "Home Depot" stay.
_NOT_A_HOME_NAME = (
    r"(?:The|A|An|My|Our|His|Her|Their|Your|This|That|Nursing|Rest|Group|Funeral|Urgent|"
    r"Primary|Health|Cancer|Wound|Critical|Intensive|Spine|Heart|Cardiac|Eye|Pain|Kidney|"
    r"Dialysis|Medical|Day|Respite|Home|Care|Hospice|Foster|Mobile|Personal|Senior|Skilled|"
    r"Physical|Stroke|Orthopedic|Ortho|Neuro|Pulmonary|Sleep|Women['\u2019]?s|Children['\u2019]?s)"
)
_HOME_NAME = gated(
    re.compile(
        # "Our Lady of Peace Home" is round 22's (a name's part after "of").
        rf"(?<![\w\]])(?<!\b[Oo]f\s)(?P<name>(?:(?!{_NOT_A_HOME_NAME}\b){_CAP}\s+){{0,2}}"
        rf"(?!{_NOT_A_HOME_NAME}\b){_CAP})\s+"
        r"(?P<kind>Home|Villa|Care\s+Center|Care\s+Centre|Care\s+Home|Personal\s+Care\s+Home|"
        r"(?i:personal\s+care\s+home|care\s+center|care\s+home))\b"
    ),
    words="home villa center centre",
)
# ch10 "the Meadows, room", mx08 "is at the willows room 8": "the" and a word homes are named
# with, before a room or after a person's "is at".
_THE_HOME = gated(
    re.compile(
        r"(?P<cue>(?:\b(?i:is|are|lives|live|living|stays|stay|staying|moved)|['\u2019]s)\s+"
        r"(?i:at|in|into|to)\s+(?i:the)\s+|^\s*(?i:(?:at\s+)?the)\s+|(?<=\s)(?i:the)\s+)"
        r"(?P<home>(?i:meadows|willows|pines|oaks|gardens|birches|maples|elms|orchards|"
        r"laurels|cedars|hamptons|terraces|commons|groves|heights|arbors))\b"
        # "The Gardens at Stonebridge" is round 22's (the name after "at" goes with it).
        r"(?!\s+(?i:at|of|on)\b)"
        r"(?P<after>,?\s+(?i:room|rm|bed|unit|apt|suite|#)|)"
    ),
    words="meadows willows pines oaks gardens birches maples elms orchards laurels cedars "
    "hamptons terraces commons groves heights arbors",
)
# ch09 "el hogar Casa Esperanza": the capitalised name after a Spanish word for a home.
_SPANISH_HOME = gated(
    re.compile(
        r"(?P<cue>\b(?i:hogar|residencia|asilo|casa\s+de\s+reposo|casa\s+hogar)\s+"
        r"(?:(?i:de|del|la|las|los|el)\s+)?)"
        rf"(?P<name>{_CAP}(?:\s+(?:de\s+|del\s+|la\s+)?{_CAP}){{0,2}})"
    ),
    words="hogar residencia asilo reposo",
)
# ch11 "she's at Oak Hill (the assisted living not the cemetery)": a capitalised name after a
# person's "is at" that the next words call a home.
_NAMED_THEN_KIND = gated(
    re.compile(
        r"(?P<cue>(?:\b(?i:is|lives|live|stays|stay)|['\u2019]s)\s+(?i:at|in)\s+)"
        rf"(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}})(?=\s*[(,-]\s*(?:(?i:the|an?|it['\u2019]?s)\s+)?"
        r"(?i:assisted\s+living|nursing\s+home|memory\s+care|care\s+home|personal\s+care|"
        r"rest\s+home|retirement\s+home|group\s+home|senior\s+living|skilled\s+nursing)\b)"
    ),
    words="assisted nursing memory care rest retirement group senior skilled",
)
# A room after the home, or its mark (the address rules ran first: "unit 3A" is masked).
_ROOM_AFTER = re.compile(r"[\s,]+(?:(?i:room|rm|bed|unit|apt|suite|#)|" + _MARK + ")")
_PERSON_AT = re.compile(
    r"(?:\b(?:is|are|lives|live|living|stays|stay|staying|moved)|['\u2019]s)\s+(?:at|in|into|to)"
    r"\s+(?:the\s+)?$|(?:nursing\s+home|hogar|home)\s*,\s*$",
    re.IGNORECASE,
)


_THE_BEFORE = re.compile(r"\b(?i:the)\s+$")


def _masked_home_name(match: re.Match[str]) -> str:
    """A home's name goes when a room of it follows, a person is at it, or "the" names it
    before a place or a stop ("the Lutheran Home in Topton"); "Do I Go Home The Same Day" and a
    kind of care ("Urgent Care Center", never matched) stay."""
    text = match.string
    if not (
        _ROOM_AFTER.match(text, match.end())
        or _PERSON_AT.search(text, max(0, match.start() - 40), match.start())
        or (
            _THE_BEFORE.search(text, max(0, match.start() - 5), match.start())
            and re.match(r"\s*(?:,|in\s|$)", text[match.end() :])
            and not all(ordinary(word) for word in match.group("name").split())
        )
    ):
        return match.group()
    return ADDRESS_MARK


def _masked_the_home(match: re.Match[str]) -> str:
    """The home goes when a room of it follows or a person is at it ("walk in the woods",
    "the gardens are nice" stay)."""
    cue = match.group("cue")
    if not match.group("after") and cue.strip().lower() in ("the", "at the"):
        return match.group()
    return cue + ADDRESS_MARK + match.group("after")


# The four passes below open on their own gates: when none would, none runs (measured: 1.2 µs
# -> 0.3 on an ordinary message).
_MAY_BE_HOME = any_gate(_HOME_NAME, _THE_HOME, _SPANISH_HOME, _NAMED_THEN_KIND)


def masked_homes(text: str) -> str:
    """Care homes named by ordinary words (before the names: "Saint Mary's Villa" would be a
    person's name to them)."""
    if not _MAY_BE_HOME(text):
        return text
    text = _HOME_NAME.sub(_masked_home_name, text)
    text = _THE_HOME.sub(_masked_the_home, text)
    text = _SPANISH_HOME.sub(lambda m: m.group("cue") + ADDRESS_MARK, text)
    return _NAMED_THEN_KIND.sub(lambda m: m.group("cue") + ADDRESS_MARK, text)


# ---------------------------------------------------------------- rooms, house numbers

_ROOM_WORD = ROOM_WORDS  # one list (round 25, r25m)
_SPOKEN = SPOKEN_NUMBER  # core/privacy/number_words.py: one list (round 25, r25m)
# "room 2W-31", "rm 12B", "Room #8", "unit C", "cuarto 9", "room one-oh-four", "bed 3".
_ROOM_NUMBER = (
    rf"(?:\d{{1,4}}[A-Za-z]{{0,2}}(?:-[A-Za-z0-9]{{1,4}})?|[A-Za-z]{{1,2}}-?\d{{1,4}}[A-Za-z]?"
    rf"|[A-Z](?![\w'])|(?i:{_SPOKEN}(?:[\s-]+{_SPOKEN}){{0,3}}))"
)
_ROOM = (
    rf"\b(?i:{_ROOM_WORD})(?![^\W\d_])\.?\s*(?:#\s*|(?i:no\.?|number)\s*)?{_ROOM_NUMBER}\b"
    r"|#\s*\d{1,4}[A-Za-z]?\b"
)
# A room of the home masked beside it (same clause or the next): "[address removed], room
# 2W-31", "[address removed] room 118", "hogar [address removed], cuarto 9".
_ROOM_AFTER_HOME = gated(
    re.compile(rf"(?P<head>{_MARK}[^.?!\n\[]{{0,40}}?)(?P<room>{_ROOM})(?:\s+(?i:of\s+)?{_ROOM})?"),
    "removed]",
)
# ch02 "hes in rm 12B at [address removed]": the room before its home.
_ROOM_BEFORE_HOME = gated(
    re.compile(rf"(?P<room>{_ROOM})(?=,?\s+(?i:at|in|of)\s+(?:(?i:the)\s+)?(?:{_MARK}|{_NAME}))"),
    "removed]",
)
# ch16 "Can [name removed] bring her in their van, she is in 204-B": a person "is in" a
# lettered number, in a message naming a place by a mark.
_LETTERED_ROOM = gated(
    re.compile(
        r"(?P<cue>\b(?i:is|are|stays|lives)\s+(?i:in)\s+)"
        r"(?P<room>\d{1,4}-?[A-Za-z]\b|[A-Za-z]-?\d{1,4}\b|\d{1,2}[A-Za-z]-\d{1,4}\b)"
    ),
    "removed]",
)
_HOSPITAL = re.compile(r"\b(?i:hospital|clinic|er|icu|ward|infirmary|medical\s+center)\b")
# ad19 "the house is 2217 on the corner of [address removed]", ad23 "number 48 on Ridge": a
# house number beside a street masked or named after "on".
_HOUSE_BESIDE = gated(
    re.compile(
        r"(?P<cue>\b(?i:house|home|place)(?:\s+(?i:is|number|no\.?|#))?\s*,?\s*"
        r"(?:(?i:number|no\.?|#)\s*)?|\b(?i:number|no\.)\s*)"
        r"(?P<number>\d{1,6}[A-Za-z]?)\s+(?i:on)\s+(?:(?i:the\s+corner\s+of)\s+)?"
        rf"(?P<street>{_MARK}|{_NAME})"
    ),
    words="house home place number no",
)


def _masked_room_after(match: re.Match[str]) -> str:
    if _HOSPITAL.search(match.group("head")):
        return match.group()
    return match.group("head") + ADDRESS_MARK


# "room [address removed]-31": an earlier rule took "room 2W" of "room 2W-31"; the rest goes.
_ROOM_REST = re.compile(_MARK + r"-[A-Za-z0-9]{1,4}\b")
# ch02 "hes in rm 12B at sunrise of abington": a room, then "at <name> of <listed town>" (a
# home named for its town, as round 20's "Sunrise of Farmington") go together.
_ROOM_AT_HOME_OF = gated(
    re.compile(
        rf"(?P<room>{_ROOM})\s+(?i:at)\s+(?:(?i:the)\s+)?(?P<home>{_WORD}(?:\s+{_WORD})?)"
        rf"\s+(?i:of)\s+(?P<town>{_WORD}(?:\s+{_WORD})?)"
    ),
    words="room rm bed unit apt suite cuarto",
)


def _masked_room_at_home_of(match: re.Match[str]) -> str:
    words = match.group("town").split()
    for count in (2, 1):
        if len(words) >= count and _place(words[:count]):
            if _HOSPITAL.search(match.group("home")):
                return match.group()
            end = [m.end() for m in re.finditer(r"\S+", match.group("town"))][count - 1]
            return ADDRESS_MARK + match.group("town")[end:]
    return match.group()


_ROOM_GATE = frozenset(
    "room rm bed unit apt suite cuarto habitación habitacion cama is are".split()  # noqa: SIM905
)


def _rooms(text: str) -> str:
    if "]-" in text:  # a later pass may find "room 2W" taken and "-31" left
        text = _ROOM_REST.sub(ADDRESS_MARK, text)
    if "#" not in text and _ROOM_GATE.isdisjoint(words_of(text)):
        return text
    if ADDRESS_MARK in text:
        text = _ROOM_REST.sub(ADDRESS_MARK, text)
        text = _ROOM_AFTER_HOME.sub(_masked_room_after, text)
    if (ADDRESS_MARK in text or NAME_MARK in text) and not _HOSPITAL.search(text):
        text = _ROOM_BEFORE_HOME.sub(ADDRESS_MARK, text)
        text = _LETTERED_ROOM.sub(lambda m: m.group("cue") + ADDRESS_MARK, text)
    return text


def masked(text: str) -> str:
    """Towns, rooms and house numbers of this module (after round 22's place rules)."""
    if _CUED_TOWN.may_match(text):
        text = _CUED_TOWN.sub(_masked_cued, text)
    text = _BETWEEN.sub(_masked_between, text)
    if len(text) < 40 and text.count(" ") < 4:
        text = _town_alone(text)
    # _OPENING is anchored at the start: one match there, not sub's try at every position.
    opening = _OPENING.pattern.match(text) if _OPENING.may_match(text) else None
    if opening is not None:
        text = _masked_opening(opening) + text[opening.end() :]
    if not text.isascii():
        text = _masked_scripts(text)
    if _ROOM_AT_HOME_OF.may_match(text) and " of " in text:
        text = _ROOM_AT_HOME_OF.sub(_masked_room_at_home_of, text)
    if "removed]" in text:
        text = _rooms(text)
    if _HOUSE_BESIDE.may_match(text) and " on " in text:
        text = _HOUSE_BESIDE.sub(lambda m: m.group("cue") + ADDRESS_MARK, text)
    return text


__all__ = ["masked", "masked_homes"]
