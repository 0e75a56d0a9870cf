"""Round 27's outside tester (helper r27p): places, ZIP codes, dates, ages and IP addresses
typed the loose way patients type them.

Why: each rule reads the shape of a phrasing the earlier rounds missed (docs/privacy.md,
round 27), not the one message:
- a ZIP code said in words after a masked town and state ("Bristol CT zero six zero one zero",
  s112), or in figures split 2 + 3 after "it's / is / zip" or a masked town ("it's 06 032",
  s116);
- a lower-case UK-style address: a number, one or two words and a UK street word ("27
  kingfisher close", "4 rowan crescent", s054), and a "flat 3b" beside it or beside a mark;
- the street after a direction's full stop, between two marks or after one ("[address
  removed]. Halsted St. [address removed]", s055): one address, masked whole;
- a listed place of two or three words after "from / in / near" ("bus from New Britain",
  s077); a state ("from New York State", "New Jersey") stays;
- a trip from town to town opening a message ("Thomaston to bristol, can I get a ride", s090):
  both ends are listed towns;
- a care home named for a saint, in lower case ("she lives at saint agnes home, bed 3", s096),
  and the bed / room after it;
- a Spanish / French / Italian room word after a home whose name was masked as a name
  ("hogar de ancianos [name removed], cuarto 5", s105);
- French month abbreviations after a day ("3 déc.", "12 janv", "1er févr", s153);
- an age over 89 beside "centenarian / nonagenarian" ("a centenarian, 103!", s165);
- an IP address typed with commas after "ip" ("ip 10,0,0,12", s281).

Kept: "close the door", "the crescent moon", "a 2 hour drive", "in New Jersey", "Bristol to
Hartford is 20 minutes" (no ride asked for), "it's 10 000 steps", "a centenarian's diet".

Every pattern is gated (`gates.gated`) on a word or substring its matches need. Entry point:
`masked(text)`, called last among the place rules in `redaction._redact_plain_once`.
"""

from __future__ import annotations

import re

from core.privacy.alternation import one_of
from core.privacy.gate_groups import any_gate
from core.privacy.gates import gated
from core.privacy.identifiers import ADDRESS_MARK, AGE_MARK, DATE_MARK, LINK_MARK
from core.privacy.names import NAME_MARK, TOWNS, ordinary
from core.privacy.number_words import DIGIT_WORDS
from core.privacy.places import place_names, state_or_country

_MARK = re.escape(ADDRESS_MARK)
_NAME = re.escape(NAME_MARK)

# ---------------------------------------------------------------- ZIP codes

_DIGIT_WORD = one_of(DIGIT_WORDS.split())
# s112: five digit words after a masked address (the town and state went, the ZIP said in
# words stayed).
SPOKEN_ZIP_AFTER_MARK = gated(
    re.compile(
        rf"(?<={_MARK})(?P<sep>(?:\s*,?\s+[A-Z]{{2}}\b\.?)?\s*,?\s+)(?:{_DIGIT_WORD})(?:[\s,-]+(?:{_DIGIT_WORD})){{4}}\b",
        re.IGNORECASE,
    ),
    needles="[address",
)
# s116: a ZIP in figures split 2 + 3 (New England ZIPs start with 0), after "it's / is / zip"
# or a masked town; "it's 10 000 steps" has no leading 0 and stays.
SPLIT_ZIP = gated(
    re.compile(
        rf"(?<![\w])(?P<cue>(?i:it'?s|it\u2019s|is|zip(?:\s*code)?:?)|{_MARK},?)\s+"
        r"(?P<zip>0\d[\s.]\d{3})(?![\w.,]?\d)"
    ),
    needles="0",
)

# ---------------------------------------------------------------- streets and flats

_UK_STREET = one_of(
    # Not "drive / walk / way / view / hill": "a 2 hour drive", "a 5 minute walk" (corpus).
    [
        "close",
        "crescent",
        "mews",
        "terrace",
        "gardens",
        "grove",
        "parade",
        "lane",
        "road",
        "avenue",
        "court",
        "square",
    ]
)
_UNIT = r"(?:flat|apt\.?|apartment|unit)\s+\d{1,4}[a-z]?"
# s054: "27 kingfisher close", "flat 3b, 27 kingfisher close": a house number, one or two
# lower-case words that are not a count's ("3 days", "2 more") and a UK street word.
UK_STREET = gated(
    re.compile(
        rf"(?i:\b{_UNIT},?\s+)?\b\d{{1,4}}[a-z]?\s+(?P<words>[a-z][a-z'-]+(?:\s+[a-z][a-z'-]+)?)"
        rf"\s+(?:{_UK_STREET})\b"
    ),
    words="close crescent mews terrace gardens grove parade lane road avenue court square",
)
UNIT_BY_MARK = gated(
    re.compile(rf"(?i:\b{_UNIT}),?\s*(?={_MARK})|(?<={_MARK}),?\s+(?i:{_UNIT})\b"),
    needles="[address",
)
# s055: "[address removed]. Halsted St. [address removed]": the street after a direction's
# full stop ("N. Halsted St.") is the address the marks stand for.
STREET_BETWEEN_MARKS = gated(
    re.compile(
        rf"{_MARK}\.?\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?\s+"
        r"(?:St|Ave|Av|Rd|Blvd|Dr|Ln|Ct|Pl|Ter|Pkwy|Hwy|Way|Street|Avenue|Road|Drive|Lane)\b\.?"
        rf"(?:\s*,?\s*{_MARK})?"
    ),
    needles="[address",
)

# ---------------------------------------------------------------- towns

_PLACE_WORD = r"[A-Z][\w'-]+"
# s077: "is there a bus from New Britain?": a listed place of two or three capitalised words.
TOWN_AFTER_CUE = gated(
    re.compile(rf"\b(?i:from|in|near)\s+(?P<town>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{1,2}})"),
    words="from in near",
)
# s090: "Thomaston to bristol, can I get a ride": two listed towns, a trip opening the message.
TRIP = gated(
    re.compile(r"^\s*(?P<a>[^\W\d_][\w'-]+)\s+to\s+(?P<b>[^\W\d_][\w'-]+)\b"),
    words="to",
)

# ---------------------------------------------------------------- homes and rooms

_ROOM = r"(?:room|rm|bed|unit|apt|suite|cuarto|habitaci[oó]n|cama|chambre|lit|stanza|letto)"
# s096: "saint agnes home, bed 3": a home named for a saint, in any case, and its bed or room.
SAINT_HOME = gated(
    re.compile(
        r"(?i:\b(?:saint|st\.?|san|santa|sainte)\s+[a-z][\w'-]+(?:\s+[a-z][\w'-]+)?\s+"
        r"(?:home|manor|villa|lodge|residence|house|care\s+home|nursing\s+home))\b"
        rf"(?:,?\s+(?i:{_ROOM})\s*#?\d{{1,4}}[a-z]?\b)?"
    ),
    words="home manor villa lodge residence house",
)
# s105: "hogar de ancianos [name removed], cuarto 5": the room of a home masked as a name.
ROOM_AFTER_MASKED_HOME = gated(
    re.compile(
        r"(?i:\b(?:hogar|residencia|asilo|casa\s+de\s+reposo|maison\s+de\s+retraite|ehpad|"
        r"casa\s+di\s+riposo|home|villa|manor))(?:\s+(?i:de|de\s+ancianos|del|di))?\s+"
        rf"(?:{_NAME}|{_MARK})(?P<room>,?\s+(?i:{_ROOM})\s*#?\d{{1,4}}[a-z]?\b)"
    ),
    needles="[name [address",
)

# ---------------------------------------------------------------- dates, ages, IPs

# s153: "3 déc.", "12 janv", "1er févr": French month abbreviations (the English ones and the
# full French names were read before).
FRENCH_MONTH_DAY = gated(
    re.compile(
        r"\b(?:[12]\d|3[01]|0?[1-9])(?:er)?\s+(?i:janv|f[ée]vr?|avr|juil|ao[uû]t?|d[ée]c|sept)"
        r"(?:\.|\b)(?:\s+(?:19|20)\d{2}\b)?"
    ),
    needles="janv fev fév avr juil aou aoû dec déc sept",
)
# s165: "my aunt is a centenarian, 103!": the age beside the word that says it is over 89.
AGE_BY_AGE_WORD = gated(
    re.compile(
        r"(?i:\b(?:super)?centenarian|\bnonagenarian)\b(?P<gap>[^\d.?!]{0,24}?)"
        r"\b(?P<age>9\d|1[0-2]\d)\b"
        r"|\b(?P<age2>9\d|1[0-2]\d)\b(?P<gap2>[^\d.?!]{0,24}?)"
        r"(?i:\b(?:super)?centenarian|\bnonagenarian)"
    ),
    needles="centenarian nonagenarian",
)
# s281: "ip 10,0,0,12": four numbers joined by commas after "ip".
COMMA_IP = gated(
    re.compile(
        r"(?i:\bip(?:\s+address)?(?:\s+is)?\s*:?\s*)(?P<ip>\d{1,3}(?:\s?,\s?\d{1,3}){3})(?![\d,])"
    ),
    words="ip",
)


def _listed_town(word: str) -> bool:
    """A town of the hospital's area or a listed place that is no ordinary word."""
    lower = word.lower()
    return lower in TOWNS or (lower in place_names() and not ordinary(word))


def _town_after_cue(match: re.Match[str]) -> str:
    town = match.group("town")
    words = town.split()
    # The longest run of the words that is a listed place, not a state or country.
    for size in range(len(words), 1, -1):
        place = " ".join(words[:size])
        if place.lower() in place_names() and not state_or_country(place):
            if all(ordinary(w) for w in words[:size]) and place.lower() not in TOWNS:
                continue
            start = match.start("town")
            rest = match.group(0)[start - match.start() + len(place) :]
            return match.group(0)[: start - match.start()] + ADDRESS_MARK + rest
    return match.group(0)


# A trip's words: "Bristol to Hartford is 20 minutes" (no ride asked for) stays.
_TRIP_WORD = re.compile(r"\b(?i:ride|lift|bus|train|shuttle|taxi|cab|uber|lyft|transport|pick)")


def _trip(match: re.Match[str]) -> str:
    a, b = match.group("a"), match.group("b")
    if not (_listed_town(a) and _listed_town(b)) or not _TRIP_WORD.search(match.string):
        return match.group(0)
    if state_or_country(a) or state_or_country(b):
        return match.group(0)
    # The start of a trip is where the patient is (docs/privacy.md: "a town a trip starts
    # from"); the end, when it is one of the hospital's towns, is where the hospital is and
    # stays as it does everywhere ("Thomaston to bristol" -> "[address removed] to bristol").
    head = match.group(0)[: match.start("a") - match.start()]
    end = b if b.lower() in TOWNS else ADDRESS_MARK
    return f"{head}{ADDRESS_MARK} to {end}"


def _uk_street(match: re.Match[str]) -> str:
    words = match.group("words").split()
    # "3 days close to", "2 more walk", "Route 8 the fastest way": a count's or a sentence's
    # words, not a street's name.
    if any(w.lower() in _COUNTED or w.lower().endswith("est") for w in words):
        return match.group(0)
    return ADDRESS_MARK


_COUNTED = frozenset(
    [
        "days",
        "weeks",
        "months",
        "years",
        "hours",
        "minutes",
        "mins",
        "times",
        "more",
        "or",
        "and",
        "of",
        "to",
        "in",
        "at",
        "on",
        "km",
        "miles",
        "hour",
        "hours",
        "hr",
        "hrs",
        "min",
        "mins",
        "minute",
        "minute",
        "mile",
        "mile",
        "km",
        "steps",
        "blocks",
        "floors",
        "doors",
        "houses",
        "stops",
        "the",
        "a",
        "an",
        "my",
        "your",
        "his",
        "her",
        "our",
        "their",
        "this",
        "that",
        "any",
        "some",
        "no",
        "each",
        "every",
        "other",
        "same",
        "only",
    ]
)


def _age(match: re.Match[str]) -> str:
    if match.group("age"):
        return match.group(0)[: match.start("age") - match.start()] + AGE_MARK
    return AGE_MARK + match.group(0)[match.end("age2") - match.start() :]


# Every rule below is a gated pattern: when none of their gates would open, none runs
# (measured: 3.6 µs -> 0.4 on an ordinary message). The ZIPs, the UK streets' house numbers,
# the French dates' days, the ages and the IPs are figures [0-9] in every match: their gates
# are asked only of a text with a figure.
_MAY_APPLY = any_gate(
    STREET_BETWEEN_MARKS,
    UNIT_BY_MARK,
    SPOKEN_ZIP_AFTER_MARK,
    TOWN_AFTER_CUE,
    TRIP,
    SAINT_HOME,
    ROOM_AFTER_MASKED_HOME,
    figured=(UK_STREET, SPLIT_ZIP, FRENCH_MONTH_DAY, AGE_BY_AGE_WORD, COMMA_IP),
)


def masked(text: str) -> str:
    """Round 27's places, ZIP codes, dates, ages and IP addresses (module docstring)."""
    if not _MAY_APPLY(text):
        return text
    text = STREET_BETWEEN_MARKS.sub(ADDRESS_MARK, text)
    text = UK_STREET.sub(_uk_street, text)
    text = UNIT_BY_MARK.sub("", text)  # the flat is part of the masked address
    text = SPOKEN_ZIP_AFTER_MARK.sub(lambda m: m.group("sep") + ADDRESS_MARK, text)
    text = SPLIT_ZIP.sub(lambda m: m.group(0)[: m.start("zip") - m.start()] + ADDRESS_MARK, text)
    text = TOWN_AFTER_CUE.sub(_town_after_cue, text)
    # TRIP is anchored at the start: one match there, not sub's try at every position
    # (measured: 2.0 µs -> 0.3 on a long message holding "to").
    trip = TRIP.pattern.match(text) if TRIP.may_match(text) else None
    if trip is not None:
        text = _trip(trip) + text[trip.end() :]
    text = SAINT_HOME.sub(ADDRESS_MARK, text)
    text = ROOM_AFTER_MASKED_HOME.sub(
        lambda m: m.group(0)[: m.start("room") - m.start()] + ", " + ADDRESS_MARK, text
    )
    text = FRENCH_MONTH_DAY.sub(DATE_MARK, text)
    text = AGE_BY_AGE_WORD.sub(_age, text)
    return COMMA_IP.sub(
        lambda m: m.group(0)[: m.start("ip") - m.start()] + LINK_MARK, text
    )  # as "ip 10.0.0.12"
