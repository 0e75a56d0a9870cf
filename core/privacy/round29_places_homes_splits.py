"""Round 29's places, care homes, ZIPs and details split over messages (issue 21, r29p).

Why: an outside tester (round 29, /work/tools/t21r29) found these stored raw:
- a town that is an ordinary word, typed in lower case before its state: "we live in
  independence mo", "i am from commerce texas" (city-009, city-017). The rule for such towns
  (word_towns_with_states.py) reads capitalised words only; here the postal list must hold the
  town in that very state (`data/word_town_states.txt`) and the state must end the clause.
- a spaced ZIP: "is there a clinic closer to 9 0 2 1 0" (zip-004): five single figures after
  a cue of where (closer to, near, zip).
- a care home's name before its unit ("Heritage Pointe, apt 118": care_home-007) or after
  its room on a pasted label ("Rm 4B  Room 4B Sunny Acres": mix-009): a Title Case name whose
  last word is one homes are named with (Pointe, Terrace, Acres, Manor, ...) beside a unit
  goes, and so do its units; a unit left after a home's mark ("[address removed] wing C":
  care_home-012) goes too.
- the day a stay ends: "she is at Willow Creek Rehab until the 20th" (care_home-009): a day
  after "until / till / through" when the clause says someone stays somewhere (a discharge
  date is a date of the person's care).
- parts sent alone after a cue in the message before (`split_part`, read by
  `redaction.continuation`): "dob" / "4/" (split-002), "my medicare" / "is 7KP3" (split-005);
  and a date's rest after its start alone ("4/" / "17/1938").
- an e-mail's start at the end of a message after an e-mail cue: "email is hazel" /
  ".moss77@gmail.com" (split-006). The first message is stored before the second comes, so it
  is judged alone: a first name or a word that is no ordinary word after "email is" at the
  end of the message is the address's start ("email is down", "email is fine" stay).
- a town alone answering a question of where or how far in the message before: "how far is
  the hospital" / "from tupelo" (city-019, `town_answering_where`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.privacy import gates
from core.privacy.gate_groups import any_gate
from core.privacy.gates import gated, words_of
from core.privacy.identifiers import ADDRESS_MARK, DATE_MARK, EMAIL_MARK, ID_MARK, MONTH_NAME
from core.privacy.names import DATA, ordinary
from core.privacy.places import place_words
from core.privacy.word_towns_with_states import word_town_states

# ------------------------------------------------------------------ lower-case word towns

_STATE_NAMES = {
    "alabama": "al", "alaska": "ak", "arizona": "az", "arkansas": "ar", "california": "ca",
    "colorado": "co", "connecticut": "ct", "delaware": "de", "florida": "fl", "georgia": "ga",
    "hawaii": "hi", "idaho": "id", "illinois": "il", "indiana": "in", "iowa": "ia",
    "kansas": "ks", "kentucky": "ky", "louisiana": "la", "maine": "me", "maryland": "md",
    "massachusetts": "ma", "michigan": "mi", "minnesota": "mn", "mississippi": "ms",
    "missouri": "mo", "montana": "mt", "nebraska": "ne", "nevada": "nv", "ohio": "oh",
    "oklahoma": "ok", "oregon": "or", "pennsylvania": "pa", "tennessee": "tn", "texas": "tx",
    "utah": "ut", "vermont": "vt", "virginia": "va", "washington": "wa", "wisconsin": "wi",
    "wyoming": "wy",
}  # fmt: skip
# Codes that are common words or abbreviations open no gate ("in", "or", "me", "ok", "pa"...):
# after them the town must be typed with a state's name or another code.
_CODES = (
    "ak az ar ca ct fl ga il ia ks ky md mn ms mo mt nv nh nj nm ny nc nd ri sc sd tn tx ut "
    "vt va wv wi wy"
)
_STATE_WORDS = _CODES + " " + " ".join(_STATE_NAMES)
LOWER_TOWN_STATE = gated(
    re.compile(
        r"\b(?P<cue>(?i:(?:live[sd]?|living|stay(?:s|ing)?|moved|reside[sd]?|residing)\s+"
        r"(?:(?:alone|now|still)\s+)?(?:in|near|outside(?:\s+of)?)|from|near|outside(?:\s+of)?)"
        r"\s+)(?P<town>[a-z][a-z'\u2019-]+),?\s+(?P<state>(?i:"
        + "|".join(_STATE_WORDS.split())
        + r"))\.?(?=\s*(?:[,.!?;:)]|$|\s(?i:and|but|so|area|too|now)\b))"
    ),
    words=_STATE_WORDS,
)


def _lower_town(match: re.Match[str]) -> str:
    state = match["state"].lower()
    code = _STATE_NAMES.get(state, state)
    town = match["town"].lower()
    listed = code in word_town_states().get(town, frozenset())
    if not listed and not (place_words(town) and not ordinary(town)):
        return match.group()
    return match["cue"] + ADDRESS_MARK + match.group()[match.end("town") - match.start() :]


# ------------------------------------------------------------------------------ spaced ZIP

# "closer to 9 0 2 1 0", "zip is 0 6 0 1 0": five figures one by one after a cue of where.
# The figures are looked for first (a text with a figure only), the cue then behind them.
# The gate asks for the cue's words (the callback reads the cue, the pattern the figures).
SPACED_ZIP = gated(
    re.compile(r"(?<![\d.-])\d(?:[ .-]\d){4}(?![ .-]?\d)"),
    words="zip zipcode postal post postcode closer close near nearest around live area",
)
_ZIP_CUE_BEFORE = re.compile(
    r"\b(?i:zip(?:\s*code)?|postal\s+code|post\s*code|closer\s+to|close\s+to|"
    r"near(?:est)?(?:\s+to)?|around|live\s+in|area)\s*(?:(?i:is|of)\s+|[:#]\s*)?$"
)


def _spaced_zip(match: re.Match[str]) -> str:
    before = match.string[max(0, match.start() - 20) : match.start()]
    return ADDRESS_MARK if _ZIP_CUE_BEFORE.search(before) else match.group()


# ---------------------------------------------------------------------- care homes and units

# Last words homes are named with ("Heritage Pointe", "Lakeview Terrace", "Sunny Acres").
_HOME_WORDS = (
    "pointe point terrace acres manor gardens garden village commons estates woods creek "
    "meadows meadow hills glen ridge landing lodge heights grove haven oaks pines springs "
    "residence residences villa villas crossing court place park"
)
# Words that make the name a hospital's or a clinic's (their rooms are kept by design).
_NOT_HOME = (
    r"(?!(?i:hospital|medical|clinic|health|center|centre|regional|memorial|general|"
    r"university|the|my|our|her|his|their|room|rm|wing|unit|apt|bed|suite|is|are|was|were|"
    r"at|in|on|to|and|or|of|where|what|which|how|when|does|do|can|will|near|by|from|"
    r"please|hi|hello|visit|visiting|lives?|living)\b)"
)
_HOME_NAME = (
    r"(?P<name>" + _NOT_HOME + r"[A-Z][a-z'\u2019-]+(?:\s+" + _NOT_HOME + r"[A-Z][a-z'\u2019-]+)"
    r"{0,2}?\s+(?i:" + "|".join(_HOME_WORDS.split()) + r"))(?![\w'-])"
)
_UNIT_WORDS = "wing bed room rm apt apartment unit suite cottage bldg building"
_UNIT = (
    r"(?:(?i:wing|bed|room|rm|apt|apartment|unit|suite|cottage|bldg|building)\.?\s*#?\s*"
    r"(?:\d{1,4}[A-Za-z]?|[A-Za-z]\d{0,3})(?![\w-]))"
)
# "Heritage Pointe, apt 118", "Lakeview Terrace wing C room 9": the home and its units.
HOME_BEFORE_UNIT = gated(
    re.compile(_HOME_NAME + r"(?P<units>(?:,?\s+" + _UNIT + r"){1,3})"),
    words=_UNIT_WORDS,
)
# "Rm 4B  Room 4B Sunny Acres" (a pasted label): the units and the home after them.
UNITS_BEFORE_HOME = gated(
    re.compile(
        r"(?P<units>" + _UNIT + r"(?:,?\s+" + _UNIT + r"){0,2}),?\s+" + _HOME_NAME + r"(?!\s+[A-Z])"
    ),
    words=_UNIT_WORDS,
)
# "Heritage Pointe, [address removed]": the unit was masked by an earlier pass ("apt 118").
HOME_BEFORE_MARK = gated(
    re.compile(_HOME_NAME + r"(?=,?\s+" + re.escape(ADDRESS_MARK) + r")"),
    needles="[address",
)
# "[address removed] wing C [address removed]": a unit left after a home's mark.
UNIT_AFTER_MARK = gated(
    re.compile(r"(?<=" + re.escape(ADDRESS_MARK) + r")(?P<units>(?:,?\s+" + _UNIT + r"){1,3})"),
    words=_UNIT_WORDS,
)
_ONE_UNIT = re.compile(_UNIT)


def _home_and_units(match: re.Match[str]) -> str:
    units = _ONE_UNIT.sub(ADDRESS_MARK, match["units"])
    if match.start("name") < match.start("units"):
        return ADDRESS_MARK + units
    return (
        units
        + match.group()[match.end("units") - match.start() : match.start("name") - match.start()]
        + ADDRESS_MARK
    )


def _units_after_mark(match: re.Match[str]) -> str:
    return _ONE_UNIT.sub(ADDRESS_MARK, match["units"])


# --------------------------------------------------------------------- the day a stay ends

_ORDINAL_WORDS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"twenty[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|"
    r"thirty[\s-]first"
)
_DAY = (
    r"(?:(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|"
    + _ORDINAL_WORDS
    + r")(?:\s+of\s+(?:"
    + MONTH_NAME
    + r"))?|(?:"
    + MONTH_NAME
    + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}/\d{1,2})(?![\w/])"
)
# "she is at Willow Creek Rehab until the 20th", "mom's staying at [address removed] till
# March 3": someone stays somewhere, and the day the stay ends.
STAY_UNTIL = gated(
    re.compile(
        r"(?P<head>\b(?i:is|['\u2019]s|are|was|be|been|stays?|staying|stayed|remains?|"
        r"remaining|lives?|living)\s+(?:(?i:still|now|there)\s+)?(?i:at|in)\s+"
        r"(?!(?i:pain|bed|agony|tears)\b)[^.!?\n]{1,60}?\b(?i:until|till|til|thru|through)\s+)"
        r"(?P<day>(?i:" + _DAY + r"))"
    ),
    words="until till til thru through",
)

_MAY_APPLY = any_gate(LOWER_TOWN_STATE, STAY_UNTIL, figured=(SPACED_ZIP,))


_HOME_WORD_SET = frozenset(_HOME_WORDS.split())
_UNIT_WORD_SET = frozenset(_UNIT_WORDS.split(" "))


def _may_hold_home(text: str) -> bool:
    """Every match of the three home rules holds a home's last word and a unit or a mark:
    one look at the text's word set first (the gates' own are opened by the gate test)."""
    if gates.OPEN:
        return True
    words = words_of(text)
    return not words.isdisjoint(_HOME_WORD_SET) and (
        ADDRESS_MARK in text or not words.isdisjoint(_UNIT_WORD_SET)
    )


def masked_homes(text: str) -> str:
    """Homes named beside their units (module docstring): before the names read the home's
    words ("Heritage [name removed], [address removed]")."""
    if not _may_hold_home(text):
        return text
    text = HOME_BEFORE_UNIT.sub(_home_and_units, text)
    text = UNITS_BEFORE_HOME.sub(_home_and_units, text)
    return HOME_BEFORE_MARK.sub(ADDRESS_MARK, text) if ADDRESS_MARK in text else text


def masked(text: str) -> str:
    """Round 29's towns, ZIPs, units and days of a stay (module docstring)."""
    if _MAY_APPLY(text):
        text = LOWER_TOWN_STATE.sub(_lower_town, text)
        text = SPACED_ZIP.sub(_spaced_zip, text) if " " in text else text
        text = STAY_UNTIL.sub(lambda m: m["head"] + DATE_MARK, text)
    if ADDRESS_MARK in text:
        text = UNIT_AFTER_MARK.sub(_units_after_mark, text)
    return MAIL_START_AT_END.sub(_mail_start, text)


# ------------------------------------------------------------------- an e-mail's start alone

MAIL_START_AT_END = gated(
    re.compile(
        r"(?P<head>\b(?i:e-?mail(?:\s+address)?|mail)\s*(?:(?i:is|=)\s*|:\s*))"
        r"(?P<part>[A-Za-z][A-Za-z0-9_.+-]{1,40}?)\s*$"
    ),
    needles="mail",
)


def _mail_start(match: re.Match[str]) -> str:
    part = match["part"].rstrip(".")
    word = part.lower()
    if word.isalpha() and ordinary(word) and not _first_name(word):
        return match.group()
    return match["head"] + EMAIL_MARK


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    text = (DATA / "first_names.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


def _first_name(word: str) -> bool:
    return word in _first_names()


# ------------------------------------------------------------- parts split over two messages

_BIRTH_CUE_AT_END = re.compile(
    r"\b(?:dob|d\.o\.b|born|birthday|b-?day|birth\s*date|date\s+of\s+birth)\.?"
    r"(?:\s+(?:is|was|on|:))*\s*[:=-]?\s*$",
    re.IGNORECASE,
)
# "4/", "4/17/", "04-": a date's start alone.
_DATE_START_ALONE = re.compile(r"^\W*?(?P<part>\d{1,2}\s*[/.-](?:\s*\d{1,2}\s*[/.-])?)\s*$")
# "17/1938", "17/38": the rest of a date whose start came alone.
_DATE_REST = re.compile(r"^\W*?(?P<part>\d{1,2}\s*[/.-]\s*(?:\d{2}|1[89]\d{2}|20\d{2}))(?![\w/])")
_MEDICARE_CUE_AT_END = re.compile(
    r"\b(?:medicare|mbi|beneficiary)(?:\s+(?:card|number|no\.?|num|id|#))?\s*[:#=]?\s*$",
    re.IGNORECASE,
)
# "is 7KP3", "7KP3-RT6": an MBI's first part (a figure 1-9, a letter, then letters/figures).
_MBI_START = re.compile(
    r"^\W*(?:(?i:it['\u2019]?s|its|is|=)\s*)?"
    r"(?P<part>[1-9][A-Za-z][A-Za-z0-9]{1,2}(?:\s*-\s*[A-Za-z0-9]{2,4}){0,2})\s*-?\s*$"
)
# "my medicare is 7KP3" / "-RT6-WQ22": the MBI's rest after its start ended the message.
_MBI_START_AT_END = re.compile(
    r"(?:(?<![\w-])[1-9][A-Za-z][A-Za-z0-9]\d|" + re.escape(ID_MARK) + r")\s*-?\s*$"
)
_MBI_REST = re.compile(
    r"^\s*-?\s*(?P<part>(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]{3,4}(?:\s*-\s*[A-Za-z0-9]{3,4})?)"
    r"(?![\w-])"
)
_MEDICARE_CUE = re.compile(r"\b(?:medicare|mbi|beneficiary)\b|\[ID removed\]", re.IGNORECASE)
# The eleven characters of an MBI (CMS: figure 1-9, letter, letter or figure, figure, ...).
_MBI = re.compile(r"[1-9][A-Z][A-Z0-9]\d[A-Z][A-Z0-9]\d[A-Z]{2}\d{2}", re.IGNORECASE)


def _whole_mbi(start: re.Match[str], rest: re.Match[str]) -> bool:
    """Do the start ending one message and the rest opening the next make a whole MBI?"""
    joined = re.sub(r"[\s-]", "", start.group() + rest["part"])
    return _MBI.fullmatch(joined) is not None


# A question of where or how far ("how far is the hospital", "where are you located").
_WHERE_QUESTION = re.compile(
    r"\b(?i:how\s+far|where|distance|miles|drive|closest|nearest|near\s+me|come\s+from)\b"
)
_TOWN_ALONE = re.compile(
    r"^\W*(?P<cue>(?i:(?:i['\u2019]?m\s+|we['\u2019]?re\s+|coming\s+)?(?:from|in|near|"
    r"out\s+of|outside(?:\s+of)?)\s+))?(?P<town>[^\W\d_][\w'\u2019.-]*(?:\s+[^\W\d_][\w'-]*){0,2})"
    r"\W*$"
)


def split_part(previous: str, text: str) -> tuple[str, str] | None:
    """(the part of a detail `text` holds after the cue or the start `previous` ended with;
    its mark): "dob" / "4/", "4/" / "17/1938", "my medicare" / "is 7KP3"."""
    if len(text) > 40:
        return None
    match = _DATE_START_ALONE.match(text)
    if match and _BIRTH_CUE_AT_END.search(previous):
        return match["part"], DATE_MARK
    match = _DATE_REST.match(text)
    if match and _DATE_START_ALONE.match(previous):
        return match["part"], DATE_MARK
    match = _MBI_START.match(text)
    mbi_like = match is not None and any(ch.isdigit() for ch in match["part"][1:])
    if match and mbi_like and _MEDICARE_CUE_AT_END.search(previous):
        return match["part"], ID_MARK
    match = _MBI_REST.match(text)
    start = _MBI_START_AT_END.search(previous) if match else None
    if match and start and (_MEDICARE_CUE.search(previous + text) or _whole_mbi(start, match)):
        return match["part"], ID_MARK
    return town_answering_where(previous, text)


def town_answering_where(previous: str, text: str) -> tuple[str, str] | None:
    """(a town alone, the whole message, answering a question of where or how far in the
    message before; the address mark): "how far is the hospital" / "from tupelo"."""
    if len(text) > 40:
        return None
    match = _TOWN_ALONE.match(text)
    if not match or not _WHERE_QUESTION.search(previous):
        return None
    town = match["town"].rstrip(".")
    end = place_words(town)
    if not end or end != len(town):
        return None
    if " " not in town and ordinary(town.lower()):
        return None
    return town, ADDRESS_MARK
