"""Round 19's outside tester (class `address`): flat, lot and building numbers in an address,
care homes named "X Manor / Woods / Village", labels such as "home =", a town beside its ZIP,
streets written the Italian, Vietnamese and Chinese way, and towns after a residence verb or
preposition of another language.

Why a module of its own: each pattern is gated (`gates.gated`) on a word its matches need, so
the common message pays a set look-up, not a scan. Two entry points, called from
`redaction._redact_details`: `figure_passes` (the caller tests for a figure; these run early,
before the ZIP is read as an id and before the names pass reads a street as a name) and
`masked_where` (late, after the other place passes: it reads their marks as context).
`town_after_street` and `street_after_house_number` finish an address split over messages.
"""

from __future__ import annotations

import re

from core.privacy.gates import gated
from core.privacy.identifiers import (
    ADDRESS_MARK,
    SURE_STREET_WORDS,
    UNSURE_STREET_WORDS,
)
from core.privacy.names import ordinary
from core.privacy.places import (
    CARE_KIND,
    masked_place_not_state,
    place_names,
    place_words,
    state_or_country,
)

_MARK = re.escape(ADDRESS_MARK)
_CAP_WORD = r"[A-Z][\w'\u2019.-]*"
_TOWN = r"(?P<town>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2})"
_STREET_WORD = rf"(?:(?i:{SURE_STREET_WORDS})\b\.?|(?:{UNSURE_STREET_WORDS})\b|(?i:terr)\b\.?)"

# ---------------------------------------------------------------- passes that need a figure

# A20: "Bristol CT 06010-4421 is my zip": a town right before its state and ZIP (or a New
# England ZIP alone) is the writer's own town, even the hospital's ("Bristol" stays only when
# it is the hospital's). STATE_ZIP needs a space before the town, so at a message's start the
# town stayed and the ZIP was read as an id.
_STATE = r"(?:\b(?:[A-Z]{2}|(?i:ct|conn|connecticut|mass|massachusetts|ny))\b\.?)"
TOWN_STATE_ZIP = re.compile(
    r"(?<![\w'-])(?P<run>[^\W\d_][\w'.-]*(?:[^\S\n]+[^\W\d_][\w'.-]*){0,2}?)\s*,?\s*"
    rf"(?:{_STATE}\s*,?\s*\d{{5}}(?:-\d{{4}})?|0\d{{4}}(?:-\d{{4}})?)(?![\w-])"
)
# Its cheap test: five figures in a row (a ZIP's), found by one scan in C.
FIVE_FIGURES = re.compile(r"\d{5}")


def _masked_town_state_zip(match: re.Match[str]) -> str:
    """The place name ending the run, the state and the ZIP go; the words before stay."""
    run = match.group("run")
    words = list(re.finditer(r"[^\W\d_][\w'.-]*", run))
    places = place_names()
    for count in (3, 2, 1):
        if len(words) < count:
            continue
        last = words[-count:]
        phrase = " ".join(word.group().lower().rstrip(".") for word in last)
        first = last[0].group()
        if (
            phrase in places
            and not state_or_country(phrase)
            and (count > 1 or first[0].isupper() or not ordinary(first))
        ):
            return match.group()[: last[0].start()] + ADDRESS_MARK
    return match.group()


# A15, A32: "our condo is Bldg 7 #204", "our trailer is lot 44": building, lot and flat
# numbers after a word for one's home are an address ("room 2 of the clinic", "building 7"
# alone stay: no home is named).
_UNIT_WORD = (
    r"(?:(?i:bldg|building|blg|block|blk|lot|unit|apt|apartment|space|site|pad|suite|ste|flat)"
    r"\.?\s*#?\s*|#\s*)"
)
_UNIT = rf"{_UNIT_WORD}\d{{1,5}}[A-Za-z]?\b"
RESIDENCE_UNIT = gated(
    re.compile(
        r"(?P<cue>\b(?i:condo|condominium|apartment|apt|flat|trailer|mobile\s+home|camper|"
        r"townhouse|cottage|house|home|place|address|unit)\s+(?i:is|=|:|~|-)\s+"
        r"(?:(?i:in|at|on)\s+)?)"
        rf"{_UNIT}(?:\s*,?\s*{_UNIT})*"
    ),
    needles="#",
    words="bldg building blg block blk lot unit apt apartment space site pad suite ste flat",
)

# "bldg 4 #11", "Blk C #204": a building and a flat number after "#" together are a home's
# address even with no word for home before them ("building 2, suite 300" names a clinic).
BUILDING_AND_FLAT = gated(
    re.compile(
        r"\b(?i:bldg|building|blg|block|blk)\.?\s*#?\s*[A-Za-z0-9]{1,4}\s*,?\s*#\s*\d{1,5}[A-Za-z]?\b"
    ),
    words="bldg building blg block blk",
)

# A29: "home = 12B Riverside Terr., Collinsville": a label of one's home, a sign, then a house
# number and a name (capitalised, or before a street word) is an address to the clause's end.
_NOT_A_HOUSE = (
    r"(?!\d+\s*(?i:days?|weeks?|hours?|hrs?|nights?|mins?|minutes?|am|pm|times?|people|floors?|"
    r"stairs|steps|miles?|blocks?|mg|pills?)\b)"
)
HOME_LABEL = gated(
    re.compile(
        r"(?P<cue>\b(?i:home|house|addr|address|residence|mailing|domicile)\s*"
        r"(?:=>|->|[=:~\u2013\u2014-])\s*)"
        + _NOT_A_HOUSE
        + rf"\d{{1,6}}[A-Za-z]?\s+(?:[A-Z]|(?:[\w'.-]+\s+){{1,2}}{_STREET_WORD})"
        r"(?:[^.!?;\n]|\.(?=\s*,))*"
    ),
    words="home house addr address residence mailing domicile",
)

# A24: "mail the forms to 88 Elm (the blue one) in Plainville": a house number and a name
# after a cue of an address, then an aside in brackets, are the address (the street word is
# often left out; the aside says which house).
NUMBER_BEFORE_ASIDE = gated(
    re.compile(
        r"(?P<cue>\b(?i:send|sent|mail|ship|post|deliver)\b[^.!?\d\n]{0,40}?\b(?i:to)\s+"
        r"|\b(?i:address\s+is|addy\s+is|lives?\s+at|living\s+at|stay(?:s|ing)?\s+at|"
        r"we['\u2019]?re\s+at|i['\u2019]?m\s+at)\s+)"
        rf"\d{{1,5}}[A-Za-z]?\s+{_CAP_WORD}(?:\s+{_CAP_WORD})?(?=\s*\()"
    ),
    words="send sent mail ship post deliver address addy live lives living stay stays staying "
    "we re were i m im",
)

# A14: "abito in via Garibaldi 21": an Italian street word, a capitalised name, the number.
# "via Route 8", "via Exit 33", "via Door 4", "via MyChart 2 times", "via Farmington Ave 2
# times a day" (English "via": a way, a count, an American street) stay.
ITALIAN_STREET = gated(
    re.compile(
        r"\b(?i:via|viale|corso|piazza|piazzale|vicolo|largo|strada|contrada)\s+"
        r"(?!(?i:route|rte|exit|interstate|highway|hwy|i|us|bus|line|gate|door|entrance|floor|"
        r"level|building|bldg|room|elevator|lot|garage|wing|tower|the|a|my|your|mychart|email|"
        r"e-mail|text|phone|zoom|portal|app)\b)"
        rf"(?:(?!(?i:{SURE_STREET_WORDS})\b){_CAP_WORD}\s+){{1,3}}(?:(?i:n\.?|no\.?|n[º°])\s*)?"
        r"\d{1,5}[A-Za-z]?(?:/\d+)?\b"
        r"(?!\s*(?i:times|x|days?|weeks?|hours?|hrs?|mins?|minutes?|am|pm|miles?|stops?)\b)"
    ),
    words="via viale corso piazza piazzale vicolo largo strada contrada",
)
# A11: "mama mieszka na Lipowej 5 m 2" (Polish: lives at Lipowa street 5, flat 2): after the
# residence verb and "na / przy", a capitalised street name, the house number and the flat.
POLISH_HOME = gated(
    re.compile(
        r"(?P<cue>\b(?i:mieszka(?:m|my|ją|ja|ł|ła|li|ły)?)\s+(?i:na|przy)\s+)"
        r"(?:(?i:ulicy|ul\.|alei|al\.|placu|pl\.|osiedlu|os\.)\s*)?"
        r"[A-ZĄĆĘŁŃÓŚŹŻ][\w-]*(?:\s+[A-ZĄĆĘŁŃÓŚŹŻ][\w-]*){0,2}\s+\d{1,4}[A-Za-z]?"
        r"(?:\s*(?:/|(?i:m\.?|lok\.?|mieszk\.?)\s*)\s*\d{1,4}[A-Za-z]?)?\b"
    ),
    words="mieszkam mieszka mieszkamy mieszkają mieszkaja mieszkał mieszkała mieszkali mieszkały",
)
# A12: "nhà tôi ở số 58 đường Lincoln" (Vietnamese: my house is at number 58, Lincoln street):
# the number, then "đường" / "phố" (street) and its name; or the street word, name, number.
VIETNAMESE_STREET = gated(
    re.compile(
        r"(?:\b(?i:s[ốo])\s+)?\b\d{1,5}[A-Za-z]?(?:/\d+)?\s+(?i:đường|duong|phố|pho|đ\.)\s*"
        rf"{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,2}}"
        rf"|\b(?i:đường|phố)\s+{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,2}}\s*,?\s*(?:(?i:s[ốo])\s+)?"
        r"\d{1,5}[A-Za-z]?\b"
    ),
    words="đường duong phố pho đ",
)
# A38: "Hartford de Franklin Ave 455 hao" (pinyin: number 455, Franklin Ave, of Hartford):
# Chinese order puts the house number after the street, then "hao" / "号" (number).
CHINESE_ORDER_STREET = gated(
    re.compile(
        rf"(?:{_CAP_WORD}\s+){{1,3}}(?:{_STREET_WORD}|(?i:lu|jie|dao|xiang)\b)\s*"
        r"\d{1,5}[A-Za-z]?\s*(?:(?i:hao)\b|号)"
    ),
    needles="hao 号",
)


def figure_passes(text: str) -> str:
    """Round 19's addresses that hold a figure (the caller tests for one), before the ids
    and the names read their parts."""
    if FIVE_FIGURES.search(text):
        text = TOWN_STATE_ZIP.sub(_masked_town_state_zip, text)
    text = RESIDENCE_UNIT.sub(lambda m: m.group("cue") + ADDRESS_MARK, text)
    text = BUILDING_AND_FLAT.sub(ADDRESS_MARK, text)
    text = HOME_LABEL.sub(lambda m: m.group("cue") + ADDRESS_MARK, text)
    text = NUMBER_BEFORE_ASIDE.sub(lambda m: m.group("cue") + ADDRESS_MARK, text)
    text = POLISH_HOME.sub(lambda m: m.group("cue") + ADDRESS_MARK, text)
    text = ITALIAN_STREET.sub(ADDRESS_MARK, text)
    text = VIETNAMESE_STREET.sub(ADDRESS_MARK, text)
    return CHINESE_ORDER_STREET.sub(ADDRESS_MARK, text)


# ------------------------------------------------------------- passes that need no figure

# A15, A21, A36: "at Heritage Village", "St. Joseph's Manor in Trumbull is where mom lives",
# "she's on 2 West at Sheriden Woods": a capitalised name ending in a word that names a
# home, a complex or a park of homes (capitalised: part of the proper name) is where someone
# lives. After "at / in / into / to / from" or opening the message; a saint's name may lead.
_HOME_SUFFIX = (
    r"(?:Manor|Woods|Village|Pines|Meadows|Gardens|Commons|Estates|Towers?|Knoll|Glen|Lodge|"
    r"Residences?|Haven|Oaks|Acres|Terrace|Rehab(?:ilitation)?|Crossing|Landing|Ridge)"
)
NAMED_PLACE_OF_HOMES = gated(
    re.compile(
        r"(?P<cue>\b(?i:at|in|into|to|from)\s+|^\s*)"
        r"(?!(?i:the|a|an|my|our|his|her|their|this|that)\b)"
        rf"(?!{CARE_KIND}\s)"  # "in Physical Rehab" (places.CARE_KIND)
        # "Does Rehab come to my house?" (round 21: masked): a question's verb opens no name.
        r"(?!(?i:does|do|did|is|are|was|were|will|would|can|could|should|has|have)\s)"
        r"(?P<name>(?:(?:St|Ste|Saint)\.?\s+)?(?:[A-Z][\w'\u2019-]*\s+){1,3}"
        rf"{_HOME_SUFFIX})\b"
    ),
    words="manor woods village pines meadows gardens commons estates tower towers knoll glen "
    "lodge residence residences haven oaks acres terrace rehab rehabilitation crossing landing "
    "ridge",
)
# Small words and verbs of a sentence typed in Title Case or capitals are no home's name.
_SMALL_WORDS_TEXT = (
    "at in to me my the of a an and for on go get come drive take back days day first few is "
    "it be we you your our his her their from with them him us walk i can will"
)
_SMALL_WORDS = frozenset(_SMALL_WORDS_TEXT.split())


def _masked_named_place(match: re.Match[str]) -> str:
    """The name goes, the cue stays; a name that is all a listed place ("New Haven", a town's
    village) or a Title Case sentence's words stay for the town rules to judge."""
    name = match.group("name")
    words = [word.lower() for word in re.findall(r"[^\W\d_][\w'\u2019-]*", name)]
    if not _SMALL_WORDS.isdisjoint(words):
        return match.group()
    if place_words(name) == len(name):
        return match.group()
    return match.group("cue") + ADDRESS_MARK


# A26: "i stay at my sons place in unionville", "her daughter's house is in Avon": the town of
# one's own or a relative's home.
_KIN = (
    r"(?:son|daughter|sister|brother|mom|mum|mother|dad|father|aunt|auntie|uncle|niece|nephew|"
    r"cousin|kid|grandson|granddaughter|grandma|grandpa|friend|parent|in-law|boyfriend|"
    r"girlfriend|partner)(?:s|['\u2019]s|s['\u2019])?"
)
HOME_IN_TOWN = gated(
    re.compile(
        r"(?P<cue>\b(?i:my|our|his|her|their)\s+"
        rf"(?:(?i:{_KIN})\s+)?"
        r"(?i:place|house|home|condo|apartment|apt|flat|trailer|farm|cottage)\s+"
        r"(?:(?i:is|was)\s+)?(?:(?i:up|down|over|out|right)\s+)?(?i:in|near)\s+)" + _TOWN
    ),
    words="place house home condo apartment apt flat trailer farm cottage",
)
# A11, A14, A38: a town after a residence verb of another language: Polish "mieszka(m/my) w",
# Italian "abito / vivo a", pinyin "zhu zai" (live at), Tagalog "nakatira (kami) sa", Creole
# "nou rete".
FOREIGN_RESIDENCE = gated(
    re.compile(
        r"(?P<cue>\b(?i:mieszka(?:m|my|ją|ja|ł|ła|li|ły)?\s+(?:w|we)"
        r"|(?:abit|viv)(?:o|a|e|iamo|ono|ano)\s+(?:a|ad|in)"
        r"|zhu\s*zai|ju\s*zhu\s*zai"
        r"|nakatira\s+(?:(?:ako|kami|kami|siya|sila|kayo)\s+)?sa"
        r"|(?:nou|mwen|li|yo)\s+rete(?:\s+nan)?)\s+|住在\s*)" + _TOWN
    ),
    words="mieszkam mieszka mieszkamy mieszkają mieszkaja mieszkał mieszkała mieszkali "
    "mieszkały abito abita abitiamo abitano vivo viva vive viviamo vivono zhu zhuzai nakatira "
    "rete",
    needles="住在",
)


def _masked_listed_town(match: re.Match[str]) -> str:
    """A listed place name (the hospital's town too: it is the writer's here) goes; a state or
    a country stays."""
    town = match.group("town")
    end = place_words(town)
    if not end or state_or_country(town[:end]):
        return match.group()
    return match.group("cue") + ADDRESS_MARK + town[end:]


# A11: "[address removed] m. 4 w New Britain" (Polish "m." = flat), "/4", "lok. 2", "int. 3"
# (Italian), "bldg 2", "#204": a flat's number right after a masked address goes with it.
UNIT_AFTER_MASK = re.compile(
    _MARK + r"(?:,?\s*(?:(?i:m|lok|mieszk|apto?|app|int|interno|flat|bldg|building|blg|bed|"
    r"room|rm)\.?\s*#?\s*|#\s*|/\s*)\d{1,5}[A-Za-z]?\b)+"
)
# A32: "[address removed] in Cedar Knoll park, Wolcott": the park of homes a lot is in.
PARK_AFTER_MASK = re.compile(
    _MARK + r"(?P<cue>,?\s+(?i:in|at|of)\s+(?:(?i:the)\s+)?)"
    r"(?:[A-Z][\w'-]*\s+){1,3}(?i:park|village|estates|court|community|campground)\b"
)
# A11, A14, A16, A24: a town after a masked address, behind an aside in brackets ("88 Elm
# (the blue one) in Plainville"), a kind of home ("Pine Grove Rehab in Canton") or another
# language's "in" (Polish "w", Italian "a", Spanish "en", Portuguese "em", French "à",
# Vietnamese "ở / tại").
TOWN_AFTER_MASK = re.compile(
    _MARK + r"(?P<cue>(?:\s+(?i:rehab(?:ilitation)?|nursing\s+home|care\s+home|rest\s+home|"
    r"assisted\s+living|park))?(?:\s*\([^()\n]{0,40}\))?"
    r"(?:,\s+(?:(?i:in|near)\s+)?|\s+(?i:in|near|w|we|a|en|em|à|ở|tại)\s+))" + _TOWN
)


def masked_where(text: str) -> str:
    """Round 19's homes and towns (each gated; the mark-led ones only after a mark)."""
    text = NAMED_PLACE_OF_HOMES.sub(_masked_named_place, text)
    text = HOME_IN_TOWN.sub(_masked_listed_town, text)
    text = FOREIGN_RESIDENCE.sub(_masked_listed_town, text)
    if ADDRESS_MARK not in text:
        return text
    text = UNIT_AFTER_MASK.sub(ADDRESS_MARK, text)
    text = PARK_AFTER_MASK.sub(lambda m: ADDRESS_MARK + m.group("cue") + ADDRESS_MARK, text)
    # A state or a country after the masked town stays (round 29, r29n: "out in Opp, Alabama").
    return TOWN_AFTER_MASK.sub(masked_place_not_state, text)


def has_where(text: str) -> bool:
    """Does a round 19 cue name a home or a town (the gate for `_has_detail`)?"""
    return masked_where(text) != text


# ------------------------------------------------------------- an address split over messages

# X07: "we live at 19" / "Larkspur Lane" / "Burlington": a house number alone ending a
# message after a cue of where one lives; the street opening the next message goes with it,
# and a town alone after a message that was (or ended with) a street.
HOUSE_NUMBER_AT_END = re.compile(
    r"\b(?i:live[sd]?|living|stay(?:s|ing)?|reside[sd]?|address\s+is|house\s+is|home\s+is|"
    r"we['\u2019]?re|i['\u2019]?m)\s+(?:(?i:at|on)\s+)?(?:(?i:number)\s+)?"
    r"\d{1,5}[A-Za-z]?\W*$"
)
STREET_OPENING = re.compile(
    rf"^\s*(?P<part>(?:{_CAP_WORD}\s+){{1,3}}{_STREET_WORD}|(?:[\w'.-]+\s+){{1,2}}"
    rf"(?i:{SURE_STREET_WORDS})\b\.?)"
)
# The message before is a street alone ("Larkspur Lane"), or says where one lives and ends
# with a street ("I parked on Main Street" / "Bristol" stays).
_STREET_END = rf"(?:\d{{1,5}}[A-Za-z]?\s+)?(?:{_CAP_WORD}\s+){{1,3}}{_STREET_WORD}\W*$"
STREET_ALONE = re.compile(rf"^\W*{_STREET_END}")
STREET_AT_END = re.compile(
    r"\b(?i:live[sd]?|living|stay(?:s|ing)?|reside[sd]?|address|house|home|place)\b"
    rf"[^.!?\n]*?{_STREET_END}"
)
TOWN_ALONE = re.compile(
    r"^\s*(?P<town>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2}?)"
    rf"(?=\s*,?\s*(?:{_STATE})?\s*(?:\d{{5}}(?:-\d{{4}})?)?\s*[.!]*\s*$)"
)


def street_after_house_number(previous: str, text: str) -> tuple[str, str] | None:
    """(the street opening `text` when `previous` ended with a cued house number alone; the
    address mark). The cheap test on `text` first."""
    opening = STREET_OPENING.match(text)
    if not opening or not HOUSE_NUMBER_AT_END.search(previous):
        return None
    return opening.group("part"), ADDRESS_MARK


def town_after_street(previous: str, text: str) -> tuple[str, str] | None:
    """(the town that is all of `text` when `previous` ended with a street; the address mark).
    The hospital's own town goes too: after a street it is the writer's."""
    alone = TOWN_ALONE.match(text)
    if not alone:
        return None
    town = alone.group("town")
    if place_words(town) != len(town) or state_or_country(town):
        return None
    if not (STREET_ALONE.match(previous) or STREET_AT_END.search(previous)):
        return None
    return town, ADDRESS_MARK
