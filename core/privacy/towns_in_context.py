"""Round 15 (r15p): towns an outside tester found stored raw after more cues of where a
person lives or comes from. Each pattern sits behind a substring test in
`might_round15_where`; a state, a country and the hospital's own town stay."""

from __future__ import annotations

import re

from core.privacy.alternation import one_of
from core.privacy.gates import gated
from core.privacy.identifiers import (
    ADDRESS_MARK,
    STREET_WORD_GATE,
    SURE_STREET_WORDS,
    UNSURE_STREET_WORDS,
)
from core.privacy.names import ordinary, unlisted_proper
from core.privacy.number_words import COUNTING_NUMBER, COUNTING_WORDS
from core.privacy.places import (
    HOSPITAL_TOWNS,
    LIVE_IN_IDIOMS,
    MONTHS,
    TRANSPORT_WORDS,
    masked_town,
    place_words,
    state_or_country,
)

# A capitalised run of 1-3 words: only a capitalised place name is a town after these cues.
_CAP_TOWN = r"(?P<town>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})"
_CAP_TOWN_LAZY = r"(?P<town>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}?)"

# "It's a 40 min trip for us from Barkhamsted", "my son flies in from Scranton": "from" and a
# capitalised town in a sentence about travel ("from Medicare", "from Bristol Hospital" stay).
FROM_TOWN = re.compile(r"(?P<cue>\b(?i:from)\s+)" + _CAP_TOWN)
TRAVEL_WORDS = re.compile(
    r"\b(?:trip|drive|ride|flies|flying|fly|flew|comes|coming|min|mins|minutes?|hours?|hrs?|"
    r"miles?|way)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+")  # a sentence's words; the stops between stay
# "i'm a Plainville resident", "Torrington born and raised": a town before what says one is
# from it ("the fracture area" is round 12's PLACE_AREA, and lower case).
TOWN_RESIDENT = re.compile(
    _CAP_TOWN_LAZY + r"(?=\s+(?i:residents?|native|born\s+and\s+raised|local)\b)"
)
# "somos de Waterbury", "abitiamo a Southington", "sono di Meriden": Spanish and Italian.
ROMANCE_FROM = re.compile(
    r"(?P<cue>\b(?i:somos|soy|es|sono|siamo|è)\s+(?i:de|di)\s+"
    r"|\b(?i:abito|abitiamo|abita|abitano|vivo|viviamo|vive|vivono)\s+(?i:a)\s+)" + _CAP_TOWN
)
# "Colebrook is where we are", "Winsted is home": a town opening a sentence before a cue of
# home ("Bristol is where the hospital is" stays).
TOWN_IS_HOME = re.compile(
    r"(?:^|(?<=[.!?]\s))\W*?"
    + _CAP_TOWN_LAZY
    + r"(?=\s+(?i:is\s+(?:where\s+(?:i|we|she|he|they)\s+(?:live|are|stay)|home))\b)"
)
# "my mom's apartment in Newington", "her sister's house in Higganum", "pick up would be in
# Thomaston": the town of a person's home, or of a pick-up.
HOME_IN = re.compile(
    r"(?P<cue>\b(?i:my|our|his|her|their)\s+(?:[\w]+['\u2019]s\s+)?"
    r"(?i:apartment|house|home|condo|place|trailer|farm)\s+(?:(?i:up|down|over|out)\s+)?"
    r"(?i:in)\s+"
    r"|\b(?i:pick\s*-?\s*up|drop\s*-?\s*off)\s+(?i:would\s+be|will\s+be|is)\s+(?i:in)\s+)"
    + _CAP_TOWN
)
# "i'm over the line in Oakville", "across the river in Portland".
OVER_THE_LINE = re.compile(
    r"(?P<cue>\b(?i:over|across)\s+the\s+(?i:state\s+line|line|border|river)\s+(?i:in)\s+)"
    + _CAP_TOWN
)
# "town: Harwinton", "city is Wolcott", "ciudad: Meriden" (a label before a town).
TOWN_LABEL = re.compile(
    r"(?P<cue>\b(?i:town|city|ciudad)\s*(?::|\s(?i:is))\s*)"
    r"(?P<town>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2})"
)
# "(Litchfield county)": a county names a place smaller than a state.
COUNTY = re.compile(_CAP_TOWN_LAZY + r"(?=\s+(?i:county)\b)")


def _masked_tail_town(match: re.Match[str]) -> str:
    """Mask the place name that ends the `town` group (a lead-in word such as "Hi" may
    come first): the group runs up to a cue word, so the town is its last words."""
    town = match.group("town")
    starts = [m.start() for m in re.finditer(r"[^\W\d_][\w'-]*", town)]
    for start in starts:
        end = start + place_words(town[start:])
        if end == len(town) and end > start:
            place = town[start:end]
            if state_or_country(place) or place.lower() in HOSPITAL_TOWNS:
                return match.group()
            head = match.group()[: match.start("town") - match.start() + start]
            return head + ADDRESS_MARK + match.group()[match.end("town") - match.start() :]
    return match.group()


def _masked_lead_town(match: re.Match[str]) -> str:
    """Mask the place name that opens the `town` group; a state, a country, the hospital's
    town or a word that is no place name stays."""
    town = match.group("town")
    end = place_words(town)
    place = town[:end]
    if not end or state_or_country(place) or place.lower() in HOSPITAL_TOWNS:
        return match.group()
    head = match.group()[: match.start("town") - match.start()]
    return head + ADDRESS_MARK + town[end:] + match.group()[match.end("town") - match.start() :]


def _masked_travel_from(match: re.Match[str]) -> str:
    """FROM_TOWN in one sentence, only when that sentence speaks of travel ("from Medicare.
    a long drive" keeps "Medicare" in a sentence of its own)."""
    sentence = match.group()
    if TRAVEL_WORDS.search(sentence) is None:
        return sentence
    return FROM_TOWN.sub(_masked_lead_town, sentence)


_ITALIAN_VERBS = ("abit", "vivo", "vivi", "vive")
_HOME_IN_WORDS = ("pick", "drop", "apartment", "house", "home", "condo", "place", "trailer", "farm")


def _might_home_in(lower: str) -> bool:
    """HOME_IN's and OVER_THE_LINE's substring tests ("house in", "across the river in")."""
    return " in " in lower and (
        any(word in lower for word in _HOME_IN_WORDS) or "over the" in lower or "across" in lower
    )


def might_round15_where(lower: str) -> bool:
    """Substring tests (cheap) that every round 15 pattern's match passes."""
    return (
        "from " in lower
        or "resident" in lower
        or "native" in lower
        or "raised" in lower
        or "local" in lower
        or " de " in lower
        or " di " in lower
        or (" a " in lower and any(verb in lower for verb in _ITALIAN_VERBS))
        or "is where" in lower
        or "is home" in lower
        or _might_home_in(lower)
        or "town" in lower
        or "city" in lower
        or "ciudad" in lower
        or "county" in lower
        or "meet" in lower
        or "cross" in lower
    )


def masked_round15_where(text: str, lower: str) -> str:
    """Round 15's towns, each pattern behind its own substring test."""
    if "from " in lower:
        text = _SENTENCE.sub(_masked_travel_from, text)
    if "resident" in lower or "native" in lower or "raised" in lower or "local" in lower:
        text = TOWN_RESIDENT.sub(_masked_tail_town, text)
    if " de " in lower or " di " in lower or " a " in lower:
        text = ROMANCE_FROM.sub(_masked_lead_town, text)
    if "is where" in lower or "is home" in lower:
        text = TOWN_IS_HOME.sub(_masked_tail_town, text)
    if _might_home_in(lower):
        text = HOME_IN.sub(_masked_lead_town, text)
        text = OVER_THE_LINE.sub(_masked_lead_town, text)
    if "town" in lower or "city" in lower or "ciudad" in lower:
        text = TOWN_LABEL.sub(_masked_lead_town, text)
    if "county" in lower:
        text = COUNTY.sub(_masked_tail_town, text)
    if "meet" in lower or "cross" in lower or " and " in lower or "&" in lower:
        text = masked_streets_meeting(text)
    return text


def has_round15_where(text: str, lower: str) -> bool:
    """Does a round 15 cue name a place (the gate for _has_detail)?"""
    return might_round15_where(lower) and masked_round15_where(text, lower) != text


# "77 Wolcot Strret" (round 15's tester): a misspelled street word left the number raw and
# the street to the names pass. A house number, one or two capitalised words and a word one
# slip (a letter dropped, added, changed or two swapped) from a street word is an address.
SLIPPED_STREET = re.compile(
    r"(?<![\w.,/-])\d{1,5}[A-Za-z]?\s+(?:[A-Z][\w'-]*\s+){1,2}(?P<street>[A-Za-z]{4,10})\b\.?"
)
# Long street words only: a slip of "lane" or "way" is too often a word of its own.
_LONG_STREET_WORDS = frozenset({"street", "avenue", "drive", "court", "circle", "terrace",
                                "boulevard", "place", "road", "highway", "parkway"})  # fmt: skip


def _one_slip(word: str, target: str) -> bool:
    """Is `word` one slip from `target` (Damerau distance 1; "strret", "avnue", "raod")?"""
    if word == target or abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        diff = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        if len(diff) == 1:
            return len(word) > 4  # "rood" for "road" is a word's slip too often
        i = diff[0] if len(diff) == 2 else -1
        return (
            len(diff) == 2
            and diff[1] == i + 1
            and word[i] == target[i + 1]
            and word[i + 1] == target[i]
        )
    short, long_ = (word, target) if len(word) < len(target) else (target, word)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_))) and len(short) >= 4


def _masked_slipped_street(match: re.Match[str]) -> str:
    """SLIPPED_STREET's replacement when the last word is a slip of a street word and no
    ordinary word ("drove", "cart" stay as they are)."""
    street = match.group("street").lower()
    if ordinary(street) or not any(_one_slip(street, word) for word in _LONG_STREET_WORDS):
        return match.group()
    return ADDRESS_MARK


def masked_slipped_streets(text: str) -> str:
    """SLIPPED_STREET over a text with a digit (the caller's cheap test)."""
    return SLIPPED_STREET.sub(_masked_slipped_street, text)


# "we live near the reservoir in" / "Canton. is that too far" (round 15's tester): a message
# that breaks off after a cue of where one lives and "in" / "near" / "from", and the next
# message opening with a capitalised place name.
LIVE_CUE_AT_END = re.compile(
    r"\b(?i:live[sd]?|living|stay(?:s|ing)?|resides?|moved|we['\u2019]re|i['\u2019]m|im|"
    r"house|home|apartment|condo|place)\b[^.!?]{0,60}?\b(?i:in|near|from)\W*$"
)
TOWN_OPENING = re.compile(r"^\s*(?P<town>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})")


def town_after_split(previous: str, text: str) -> tuple[str, str] | None:
    """(the town opening `text` when `previous` ended with a cue of where one lives and "in";
    the address mark). The cheap test on `text` comes first; a state, a country and the
    hospital's town stay ("I'm in" / "Florida. till april")."""
    opening = TOWN_OPENING.match(text)
    if not opening or not LIVE_CUE_AT_END.search(previous):
        return None
    town = opening.group("town")
    end = place_words(town)
    place = town[:end]
    if not end or state_or_country(place) or place.lower() in HOSPITAL_TOWNS:
        return None
    return place, ADDRESS_MARK


# "please send the forms to 3021 Ridgewood" / "Circle, sorry my thumb slipped" (round 15's
# tester): an address broken off before its street word. A house number and one or two
# capitalised words ending a message after "send / mail ... to", "address is", "live at"
# are an address on their own, and a street word opening the next message goes with them.
CUED_NUMBER_AT_END = re.compile(
    r"(?P<cue>\b(?i:send|sent|mail|ship|post)\b[^.!?\d]{0,40}?\b(?i:to)\s+"
    r"|\b(?i:address\s+is|addy\s+is|lives?\s+at|living\s+at|stay(?:s|ing)?\s+at)\s+)"
    r"(?P<addr>\d{1,5}[A-Za-z]?\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)(?P<end>\W*)$"
)
STREET_OPENING = re.compile(
    rf"^\s*(?P<street>(?i:{SURE_STREET_WORDS})\b\.?|(?:{UNSURE_STREET_WORDS})\b)"
)


def masked_number_at_end(text: str) -> str:
    """CUED_NUMBER_AT_END's address goes, its cue stays (the caller tests for a digit)."""
    return CUED_NUMBER_AT_END.sub(lambda m: m.group("cue") + ADDRESS_MARK + m.group("end"), text)


def street_after_split(previous: str, text: str) -> tuple[str, str] | None:
    """(the street word opening `text` when `previous` ended with a cued house number and
    name; the address mark). The cheap test on `text` comes first."""
    opening = STREET_OPENING.match(text)
    if not opening or not CUED_NUMBER_AT_END.search(previous):
        return None
    return opening.group("street"), ADDRESS_MARK


# "our place is where Birch Hollow Lane meets Route 69" (round 15's tester): in a message
# that says where one lives, each street that meets another is an address.
_STREET_NAME = (
    rf"(?:[A-Z][\w'-]*\s+){{1,3}}(?:(?i:{SURE_STREET_WORDS})\b\.?|(?:{UNSURE_STREET_WORDS})\b)"
    r"|\b(?i:route|rte|rt)\.?\s*\d{1,4}\b"
    + "|"
    + re.escape(ADDRESS_MARK)  # "Route 69" may be masked already
)
STREETS_MEET = re.compile(
    rf"(?P<first>{_STREET_NAME})(?P<cue>\s+(?i:meets|meet|crosses|and|&)\s+)(?P<second>{_STREET_NAME})"
)
LIVE_SAYING = re.compile(
    r"\b(?:our|my|his|her|their)\s+(?:place|house|home|apartment|condo|farm)\b"
    r"|\b(?:we|i|they|he|she)\s+lives?\b|\bpick\s*-?\s*up\b",
    re.IGNORECASE,
)


def masked_streets_meeting(text: str) -> str:
    """STREETS_MEET's two streets go in a message that says where one lives (the caller's
    cheap test: "meet", "cross" or " and " in it); "Main St and Route 6 are busy" stays."""
    if LIVE_SAYING.search(text) is None:
        return text
    return STREETS_MEET.sub(lambda m: ADDRESS_MARK + m.group("cue") + ADDRESS_MARK, text)


# Round 16 (r16f): "saw it on Reddit from Barkhamsted folks", "my sister near Killingworth":
# testers keep finding new cues before a town, so a net on the word itself: after a word of
# place, a capitalised word in no list of words (`names.unlisted_proper`) is a town. The
# hospital's towns, states and countries stay; "to" and "at" are left out ("talk to X" names a
# person, the names pass takes those).
PLACE_WORD_TOWN = re.compile(
    r"(?P<cue>\b(?i:from|in|near|outside(?:\s+of)?|around)\s+)(?P<town>[A-Z][a-z]{3,})\b"
)
PLACE_WORD_GATE = re.compile(r"(?:from|in|near|outside|around) [A-Z]")


def _masked_unlisted_town(match: re.Match[str]) -> str:
    town = match.group("town")
    if town.lower() in HOSPITAL_TOWNS or state_or_country(town):
        return match.group()
    if not unlisted_proper(match.string, match.start("town"), match.end("town")):
        return match.group()
    return match.group("cue") + ADDRESS_MARK


def masked_unlisted_towns(text: str) -> str:
    """The text with PLACE_WORD_TOWN's unlisted towns masked (a substring test first)."""
    if not PLACE_WORD_GATE.search(text):
        return text
    return PLACE_WORD_TOWN.sub(_masked_unlisted_town, text)


# "hi!! its gerry from plainville, wifes name is ..." (round 17's tester: the writer's town
# stayed, in lower case): after the writer says who they are ("it's / this is / I'm" and a
# name, masked by then), "from" and a listed place is where they come from, in any case;
# "this is sister [name removed] from the convent" keeps "the convent" (no place).
WRITER_FROM = gated(
    re.compile(
        r"\b(?:it['\u2019]?s|this\s+is|i['\u2019]?m|i\s+am)\s+"
        r"(?:\[name removed\](?:\s+\[name removed\])?|[^\W\d_][\w'\u2019-]*)\s+from\s+"
        r"(?P<town>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2})",
        re.IGNORECASE,
    ),
    words="from",
)


def _masked_writer_town(match: re.Match[str]) -> str:
    """WRITER_FROM's replacement: the listed place goes; a state or a country stays."""
    town = match.group("town")
    end = place_words(town)
    if not end or state_or_country(town[:end]):
        return match.group()  # place_words gives 0 for "Bristol Hospital": a workplace
    start = match.start("town") - match.start()
    return match.group()[:start] + ADDRESS_MARK + match.group()[start + end :]


def masked_writer_towns(text: str) -> str:
    """The town the writer says they come from, after saying who they are."""
    return WRITER_FROM.sub(_masked_writer_town, text)


# Round 16 (r16p): "my dad stays in Thomaston", "we're Southington people", "mom's nursing
# home is in Cheshire" (the outside tester): each new cue of where one lives left a town raw.
# A rule on the clause instead of more cues: a town in a clause that names a person and a
# word of living or staying is where that person lives, even the hospital's own town ("we
# just moved to Bristol"); a clause about the hospital or getting there keeps it ("Is Bristol
# the nearest hospital?", "Can I come from Hartford by bus?").
_CLAUSE = re.compile(r"[^,;.!?\n]+?(?=\s+(?i:but)\s|[,;.!?\n]|$)")
_PERSON = re.compile(
    r"\b(?:i|i['\u2019]m|im|we|we['\u2019]re|us|my|our|he|she|they|his|her|their|mom|mum|ma|"
    r"mother|dad|father|pop|parents|grand(?:ma|pa|mother|father)|aunt|uncle|son|daughter|wife|"
    r"husband|brother|sister|mieszka\w*)\b",
    re.IGNORECASE,
)
# A word of living or staying, or a word after the town that says one is of it.
_RESIDING = re.compile(
    r"\b(?:stay(?:s|ing)?|live[sd]?|living|home|moved|grew\s+up|resides?|mieszka\w*)\b"
    r"|(?:['\u2019]s|\bis|\bare|['\u2019]re|\bam|['\u2019]m)\s+(?:(?:now|still|over|up|down|out)\s+)?"
    r"in\s+[A-Z]",
    re.IGNORECASE,
)
_DEMONYM = r"(?:people|family|guy|gal|girl|folks|household)"
_DEMONYM_WORD = re.compile(rf"\b{_DEMONYM}\b", re.IGNORECASE)
# "the Kowalskis of Terryville": a family named by its town needs no other person.
_FAMILY_OF = re.compile(r"\bthe\s+[A-Z][a-z]+s\s+of\s+[A-Z]")
_GETTING_THERE = re.compile(
    r"\b(?:hospital|site|campus|nearest|closest|clinic|office|entrance|drive\s+to|driving\s+to|"
    rf"get\s+to|{TRANSPORT_WORDS})\b",
    re.IGNORECASE,
)
_CLAUSE_TOWN = re.compile(
    r"(?P<cue>\b(?i:in|to|from|of|near|w)\s+)(?P<town>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})"
    rf"|(?P<named>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){{0,2}}?)(?=\s+(?i:{_DEMONYM})\b)"
)
# Place names that are also words of a state of mind or time ("we live in Hope", "moved in May").
_NOT_TOWNS = LIVE_IN_IDIOMS | MONTHS
_RESIDING_WORDS = ("stay", "liv", "home", "moved", "grew", "resid", "mieszka", "people",
                   "family", "guy", "gal", "girl", "folks", "household", "s in ", "s of ",
                   "re in ", "m in ", " is in ", " are in ")  # fmt: skip


# "moved to Waterbury from Ponce Puerto Rico" (round 17): a clause that opens with a word of
# living has dropped its "I"; its writer is the person.
_ELIDED_PERSON = re.compile(
    r"^\s*(?:(?:just|recently|finally)\s+)?(?:moved|living|staying|grew\s+up)\b", re.IGNORECASE
)


def _residence_clause(clause: str) -> bool:
    """Does the clause say where a person lives, and not how to reach the hospital?"""
    if _GETTING_THERE.search(clause):
        return False
    if _FAMILY_OF.search(clause) or _ELIDED_PERSON.match(clause):
        return True
    if not _PERSON.search(clause):
        return False
    return _RESIDING.search(clause) is not None or _DEMONYM_WORD.search(clause) is not None


def _masked_clause_town(match: re.Match[str]) -> str:
    """_CLAUSE_TOWN's replacement: the leading place name (listed, or a capitalised word in no
    list) goes, whatever town it is; a state or a country stays."""
    town = match.group("town") or match.group("named")
    start = match.start("town") if match.group("town") else match.start("named")
    end = place_words(town)
    if not end and unlisted_proper(match.string, start, start + len(town.split()[0])):
        end = len(town.split()[0])
    place = town[:end]
    if not end or state_or_country(place) or place.lower() in _NOT_TOWNS:
        return match.group()
    if match.group("named") and ordinary(place):
        return match.group()  # "Many people are back to their usual activities": Many, LA
    head = match.group()[: start - match.start()]
    return head + ADDRESS_MARK + match.group()[start - match.start() + end :]


def _masked_residence_clause(match: re.Match[str]) -> str:
    """A clause's towns, when the clause says where a person lives."""
    clause = match.group()
    if not _residence_clause(clause):
        return clause
    return _CLAUSE_TOWN.sub(_masked_clause_town, clause)


_RESIDING_GATE = re.compile(one_of(sorted(map(re.escape, _RESIDING_WORDS))))  # presence
_LATER_CAPITAL = re.compile(r"(?<=.)[A-Z]", re.DOTALL)


def might_residence_town(text: str, lower: str) -> bool:
    """Substring tests (cheap): a word of residing and a capital after the first letter."""
    return _RESIDING_GATE.search(lower) is not None and _LATER_CAPITAL.search(text) is not None


def masked_residence_towns(text: str, lower: str) -> str:
    """The towns of clauses that say where a person lives (behind `might_residence_town`)."""
    if not might_residence_town(text, lower):
        return text
    return _CLAUSE.sub(_masked_residence_clause, text)


def has_residence_town(text: str, lower: str) -> bool:
    """Does a clause name the town where a person lives (the gate for _has_detail)?"""
    return might_residence_town(text, lower) and masked_residence_towns(text, lower) != text


# "vivo en el 57 de la calle Park St, segundo piso, en Hartford" (round 17): in a Spanish
# sentence that says where one lives, a town after "en" is that home's town, commas or not.
_SPANISH_HOME = gated(
    re.compile(r"\b(?i:viv[oe]|vivimos|viven)\b[^.!?\n]*"), words="vivo vive vivimos viven"
)
_EN_TOWN = re.compile(r"\b(?i:en)\s+(?P<town>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})")


def masked_spanish_home_towns(text: str) -> str:
    """The towns after "en" in a sentence of "vivo / vive / vivimos / viven"; a state stays."""
    return _SPANISH_HOME.sub(lambda m: _EN_TOWN.sub(masked_town, m.group()), text)


# "fifty-five elm street, apartment two", "fourty five church st" (round 16's tester): a house
# number in words, one to three words and a sure street word are an address without any cue
# (WORDED_STREET's cues missed them); "fourty" is the common slip of "forty". Not "oh" or
# "zero" (core/privacy/number_words.py holds the words once: round 25, r25m).
_NUMBER_WORDS = COUNTING_WORDS
_NUMBER_WORD = COUNTING_NUMBER
_NOT_A_STREET_NAME = (
    r"(?:hours?|hrs?|minutes?|mins?|miles?|blocks?|doors?|streets?|houses?|floors?|steps?|"
    r"of|a|an|the|end|or|and|more|long|short|side|little|bit|way|days?|weeks?|times?|years?|"
    r"months?|to|from|down|up|on|in|at|across|off|my|our|your|his|her|their|this|that|other)"
)
UNCUED_WORDED_STREET = gated(
    re.compile(
        rf"\b(?i:{_NUMBER_WORD}(?:[\s-]+(?:and\s+)?{_NUMBER_WORD}){{0,3}}\s+"
        rf"(?:(?!{_NOT_A_STREET_NAME}\b)[a-z][\w'.-]*\s+){{1,3}}(?:{SURE_STREET_WORDS})\b\.?"
        rf"(?:,?\s+(?:apartment|apt\.?|unit|suite)\s*#?\s*(?:\d{{1,4}}[a-z]?|{_NUMBER_WORD})\b)?)"
    ),
    words=_NUMBER_WORDS,
)


def masked_uncued_worded_street(text: str) -> str:
    """UNCUED_WORDED_STREET, once a number word and a street word are both words of the text
    (two gates: number words alone are in many messages)."""
    if not UNCUED_WORDED_STREET.may_match(text) or not STREET_WORD_GATE.may_match(text):
        return text
    return UNCUED_WORDED_STREET.sub(ADDRESS_MARK, text)


# "my dad is at Sheriden Woods, bed 14B", "[address removed], room 312" (round 16's tester):
# the room or bed of the place where a person stays is part of its address. A capitalised name
# after "is at" before a room or bed is that place; a room or bed goes only in a message whose
# address is masked ("she is in bed 4 on ward 7", "room 3" at an unnamed home stay: the
# hospital's own rooms are no one's address).
FACILITY_BEFORE_ROOM = re.compile(
    r"(?P<cue>\b(?i:is|['\u2019]s|are|['\u2019]re|am|['\u2019]m|stays?|staying|lives?|living)\s+"
    r"(?i:at|in)\s+)(?!(?i:ward|unit|icu|room|bed|the|a|my|our)\b)"
    r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}(?=,?\s+(?i:room|rm|bed)\s*#?\s*\d)"
)
ROOM_NUMBER = re.compile(r"\b(?i:room|rm|bed)\s*#?\s*\d{1,4}[A-Za-z]?\b")


def masked_rooms(text: str) -> str:
    """FACILITY_BEFORE_ROOM's place, then each room or bed of a message with a masked
    address (the caller tests for a figure)."""
    lower = text.lower()
    if "room" not in lower and "rm" not in lower and "bed" not in lower:
        return text
    text = FACILITY_BEFORE_ROOM.sub(_masked_facility, text)
    return ROOM_NUMBER.sub(ADDRESS_MARK, text) if ADDRESS_MARK in text else text


# Round 20 (r20p): "she's at Bristol Hospital, room 306", "at St Francis, room 12" had been
# masked: a hospital's room is no one's home (docs/privacy.md), so a name with a hospital's or
# clinic's word, or a saint's name without a word for homes, stays ("St. Joseph's Manor" goes).
_HOSPITAL_NAME = re.compile(
    r"\b(?i:hospital|medical|clinic|health|healthcare|infirmary|center|centre|campus)\b"
    r"|^(?i:st|saint|mt|mount)\b\.?(?!.*\b(?i:manor|home|village|residence|woods|gardens)\b)"
)


def _masked_facility(match: re.Match[str]) -> str:
    """FACILITY_BEFORE_ROOM's replacement: the place goes, a hospital's name stays."""
    name = match.group()[match.end("cue") - match.start() :]
    if _HOSPITAL_NAME.search(name):
        return match.group()
    return match.group("cue") + ADDRESS_MARK
