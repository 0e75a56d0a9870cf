"""Round 26 (helper r26p; round 26's tow085, tow093, tow459, tow462, zip118, add449, add451,
add453): towns a person comes from or lives in, and streets named without a house number.

Why: the town rules read US postal place names that are no ordinary words, after cues; the
street rules read a street word or a house number. Round 26's tester typed:

- "I was born in Guadalajara", "grew up in Monterrey, now in San Antonio", "she lives in
  Monterrey": a city abroad (in no US list) after a cue of a life's place (born / raised /
  grew up / lives / now in) is a town; a country or a state stays ("born in Mexico").
- "mom is from Mobile", "Is there a shuttle from Paradise? (the town in CA)": a US place name
  that is also a word, capitalised, after "is / are / was from" or before "(the town ...)".
- "code postal 33139 Miami Beach": the town after a masked ZIP's cue.
- "we're on Western near 63rd": a street and a numbered cross street after "we're / I'm /
  live on" (a drug after "I'm on" has no numbered street after it: "I'm on Eliquis" stays).
- "the yellow house on Cherry, 3rd from the end", "we live on Larkspur": a capitalised word
  after "live(s) on" or a home word and "on" is a street (a day, a month, "Social Security",
  "Medicare" stay).
- "i live above the bakery on 18th street": a numbered street a few words after "live".
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from core.privacy.gate_groups import any_gate
from core.privacy.gates import gated
from core.privacy.identifiers import ADDRESS_MARK

_CAP = r"[A-Z][\w'\u2019-]*"
_RUN = rf"{_CAP}(?:[ \t]+{_CAP}){{0,2}}"
# Cues after which a capitalised place is where a person lives, lived or was born.
LIFE_TOWN = gated(
    re.compile(
        r"(?P<cue>\b(?i:(?:born|raised|grew\s+up|brought\s+up|lives?|lived|living|resides?|"
        r"resided|settled|now|now\s+living|moved\s+to|moving\s+to)\s+in|"
        r"(?:moved\s+(?:here\s+|up\s+|down\s+|over\s+)?|(?:is|are|was|were|am|i['\u2019]?m|"
        r"(?:s?he|who|it)['\u2019]s|we['\u2019]re|they['\u2019]re|originally)\s+"
        r"(?:originally\s+)?)from)\s+)"
        rf"(?P<town>{_RUN})"
    ),
    words="born raised grew brought live lives lived living reside resides resided settled now "
    "moved moving from",
)
_STRONG = re.compile(
    r"(?i:born|raised|grew|brought|live|lives|lived|living|reside|resides|resided|settled|now|"
    r"moved|originally)"
)
# "Paradise? (the town in CA)", "Mobile, the city": a capitalised place said to be a town.
CALLED_TOWN = gated(
    re.compile(
        rf"(?<![\w'\u2019-])(?P<town>{_RUN})(?=[?!.,:]?\s*[(\-\u2013\u2014]?\s*"
        r"(?i:(?:the|a|that['\u2019]?s\s+the|it['\u2019]?s\s+a)\s+(?:town|city|village)\b))"
    ),
    words="town city village",
)
# "code postal 33139 Miami Beach": a town right after a masked ZIP and its cue.
TOWN_AFTER_ZIP = gated(
    re.compile(
        r"(?P<zip>\b(?i:code\s+postal|postal\s+code|c[o\u00f3]digo\s+postal|zip(?:\s*code)?|"
        r"post\s*code|cp)\s*[:#]?\s*\[(?:ID|address) removed\]\s*,?\s+)"
        rf"(?P<town>{_RUN})"
    ),
    words="postal zip postcode post cp código codigo",
)
_ORDINAL_STREET = r"\d{1,3}(?:st|nd|rd|th)"
_STREET_WORD = (
    r"(?i:street|st|avenue|ave|road|rd|place|pl|terrace|ter|lane|ln|drive|dr|court|ct|way|"
    r"blvd|boulevard|parkway|pkwy)\b\.?"
)
# "we're on Western near 63rd": a street and a numbered cross street.
CORNER_AFTER_ON = gated(
    re.compile(
        r"(?P<cue>\b(?i:we['\u2019]?re|we\s+are|i['\u2019]?m|i\s+am|she['\u2019]?s|he['\u2019]?s|"
        r"they['\u2019]?re|lives?|living|located)\s+(?i:on|off)\s+)"
        rf"(?P<street>{_CAP}(?:\s+{_CAP})?(?:\s+{_STREET_WORD})?\s+(?i:near|by|off|at|and|&|"
        rf"between|past|close\s+to)\s+{_ORDINAL_STREET}(?:\s+{_STREET_WORD})?)\b"
    ),
    words="we re im am are is lives living located",
)
# "i live above the bakery on 18th street": a numbered street a few words after "live".
NUMBERED_STREET_AFTER_LIVE = gated(
    re.compile(
        r"(?P<cue>\b(?i:live|lives|living|stay|stays|staying)\b[^.?!\n\d]{1,32}?\b(?i:on|off)\s+)"
        rf"(?P<street>{_ORDINAL_STREET}\s+{_STREET_WORD})"
    ),
    words="live lives living stay stays staying",
)
# "the yellow house on Cherry, 3rd from the end", "we live on Larkspur": a capitalised word.
BARE_STREET_AFTER_HOME = gated(
    re.compile(
        r"(?P<cue>\b(?i:live|lives|lived|living|house|home|place|apartment|condo|duplex|"
        r"trailer|townhouse|townhome)\s+(?i:on)\s+)"
        rf"(?P<street>{_CAP}(?:\s+{_CAP})?)(?=\s*(?:[,.;!?)]|$)|\s+(?i:near|by|off|at|and|"
        r"between|across|in|street|st|avenue|ave|road|rd|drive|dr|lane|ln)\b)"
    ),
    words="live lives lived living house home place apartment condo duplex trailer townhouse "
    "townhome",
)
_INSTITUTION = re.compile(
    r"(?i:hospital|clinic|medical|health|center|centre|campus|university|college)(?:['\u2019]s)?"
)
_NOT_STREET_WORDS = (
    "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays "
    "thursdays fridays saturdays sundays january february march april may june july august "
    "september october november december christmas easter thanksgiving halloween "
    "social medicare medicaid ssi ssdi disability oxygen hospice dialysis the a my our "
    "tv i earth fire"
)
_NOT_STREET = frozenset(_NOT_STREET_WORDS.split())


_KEPT_LIST = Path(__file__).resolve().parent / "data" / "kept_words_round11.txt"


@lru_cache(maxsize=1)
def cities_abroad() -> frozenset[str]:
    """The big cities abroad the word lists keep as words (so no name rule masks "Kyiv"): the
    section of kept_words_round11.txt that lists them. After a cue of a life's place they are
    towns ("born in Guadalajara")."""
    cities: set[str] = set()
    reading = in_comment = False
    for line in _KEPT_LIST.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):  # a section's comment may run over several lines
            reading = "big cities abroad" in line or (reading and in_comment)
            in_comment = True
            continue
        in_comment = False
        if reading:
            cities.update(line.split())
    return frozenset(cities)


def _town_kept(town: str, strong: bool) -> str:
    """The part of the capitalised run that is a town (empty: no town). A US place name goes
    in any case after a cue; a word in no list goes after a strong cue only (a city abroad);
    a state, a country, a month or a day stays."""
    from core.privacy.names import ordinary
    from core.privacy.places import LIVE_IN_IDIOMS, place_names, state_or_country

    words = town.split()
    if words[0].lower() in LIVE_IN_IDIOMS:
        return ""  # "We Live In Hope Of A Cure"
    if any(_INSTITUTION.fullmatch(word) for word in words[1:]):
        return ""  # "I came from Bristol Hospital's website": a hospital's town stays
    places = place_names()
    for count in range(len(words), 0, -1):
        phrase = " ".join(words[:count])
        if state_or_country(phrase) or state_or_country(words[0]):
            return ""
        if phrase.lower() in places and words[count - 1].lower() not in _NOT_STREET:
            return phrase
    if strong and words[0].lower() in cities_abroad():
        return words[0]
    if strong and not ordinary(words[0]) and words[0].lower() not in _NOT_STREET:
        count = 1
        while count < len(words) and not ordinary(words[count]):
            count += 1
        if not words[0].isupper():
            return " ".join(words[:count])
    return ""


def _masked_life_town(match: re.Match[str]) -> str:
    strong = _STRONG.search(match.group("cue")) is not None
    town = _town_kept(match.group("town"), strong)
    if not town:
        return match.group()
    return match.group("cue") + ADDRESS_MARK + match.group("town")[len(town) :]


def _masked_called_town(match: re.Match[str]) -> str:
    town = _town_kept(match.group("town"), True)
    if not town or town != match.group("town"):
        return match.group()
    return ADDRESS_MARK


# "the Maplewood assisted living on Riverside": "living" is the home's kind there.
_KIND_BEFORE = re.compile(r"(?i:assisted|senior|independent)\s+$")


def _masked_bare_street(match: re.Match[str]) -> str:
    start = match.start()
    if _KIND_BEFORE.search(match.string, max(0, start - 14), start):
        return match.group()
    if any(word.lower() in _NOT_STREET for word in match.group("street").split()):
        return match.group()
    return match.group("cue") + ADDRESS_MARK


# The passes below open on their own gates (the ZIP's town after a mark too): when none
# would, none runs (measured: 1.5 µs -> 0.3 on an ordinary message).
_MAY_APPLY = any_gate(LIFE_TOWN, CALLED_TOWN, BARE_STREET_AFTER_HOME, TOWN_AFTER_ZIP)


def masked(text: str) -> str:
    """The towns and streets this module describes, masked."""
    if not _MAY_APPLY(text):
        return text
    text = LIFE_TOWN.sub(_masked_life_town, text)
    text = CALLED_TOWN.sub(_masked_called_town, text)
    text = BARE_STREET_AFTER_HOME.sub(_masked_bare_street, text)
    if "removed]" in text:
        text = TOWN_AFTER_ZIP.sub(lambda m: m.group("zip") + ADDRESS_MARK, text)
    return text


def figure_passes(text: str) -> str:
    """The streets with numbered cross streets or names this module describes, masked (the
    text holds a figure)."""
    text = CORNER_AFTER_ON.sub(lambda m: m.group("cue") + ADDRESS_MARK, text)
    return NUMBERED_STREET_AFTER_LIVE.sub(lambda m: m.group("cue") + ADDRESS_MARK, text)
