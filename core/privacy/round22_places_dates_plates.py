"""Round 22's outside tester (helper r22p): towns, care homes, a worded house number, short
dates, plates and ages over 89 typed the loose way patients type them.

Why: the earlier rounds read each of these in other shapes; round 22 found the shapes they
missed, and each rule below reads the shape, not the instance:
- a listed town before a state code without a comma ("Bowling Green KY to you is a long
  drive", town-094) or a listed town whose name holds small words ("from Truth or
  Consequences", town-095);
- a care home named "<Gardens/Villas/...> at <Name>" ("The Gardens at Stonebridge, unit C-7",
  carehome-102; "the Villas at Cobble Creek", carehome-397), "<name> place" after a person's
  "is at" ("hes at rosewood place rm 11", carehome-112; "brightwater place memory care",
  carehome-398), "Our Lady of <Name> Residence" (carehome-110);
- a house number read out in words with "oh" before a capitalised street ("one oh three Pine
  Hollow Drive", address-077);
- a month with an abbreviated year ("born in march of '47", date-147/405), a month/day after a
  verb of an event ("my MRI was done 10/2", date-145; "the fracture was found 11-20",
  "I saw the doctor 11-7", date-156/406);
- a plate after a plate's cue whose state prefix alone was masked ("plate: MA 4GT-829",
  plate-258/408/409);
- an age over 89 as a part of a decade ("mom is in her mid 90s", "late 90s", age-169/410;
  "in her 90s" is Safe Harbor's own group, "90 or older", and stays).

Kept: a pain score or a fraction ("8/10 pain", "1/2 way"), a range with a unit ("2-3 days",
"5-10 mg"), "a good place", "first place", a hospital, a state alone, "the 90s" (a decade of
years, no one's age).

Every pattern is gated (`gates.gated`) on a word or substring its matches need. Entry point:
`masked(text)`, called from `redaction._redact_once` after the earlier rounds' place rules.
"""

from __future__ import annotations

import re

from core.privacy.gate_groups import any_gate
from core.privacy.gates import gated
from core.privacy.identifiers import (
    ADDRESS_MARK,
    AGE_MARK,
    DATE_MARK,
    ID_MARK,
    MONTH_NAME,
    STATE_CODES,
    STATE_CODES_THAT_ARE_WORDS,
    STREET_WORD_GATE,
    SURE_STREET_WORDS,
    UNSURE_STREET_WORDS,
)
from core.privacy.names import NAME_MARK, case_says_nothing, ordinary
from core.privacy.number_words import SPOKEN_NUMBER, SPOKEN_NUMBER_WORDS
from core.privacy.places import state_or_country
from core.privacy.word_towns_bare_homes_and_rooms import ROOM, _phrase

_NAME_WORD = r"[A-Z][\w'\u2019-]*"
_UNIT_AFTER = re.compile(
    r",?\s*(?i:unit|apt|apartment|rm|room|suite|bed)\.?\s*#?\s*[A-Za-z]?-?\d{1,4}[A-Za-z]?\b"
)

# ---------------------------------------------------------------- towns

# town-094 "Bowling Green KY to you is a long drive": 1-3 capitalised words that form a listed
# place, then a state code in capitals (no comma: the comma form is round 21's). The town and
# its state go together (as round 22's fix on main does for ", Ohio": one redaction is final).
# Only where a town says where someone is from: opening a sentence (the subject: "Bowling Green
# KY to you is a long drive") or after "from / in / near / outside". "how far is Bristol CT from
# Hartford" (a trip, the corpus's negative) stays.
_TOWN_CODE = gated(
    re.compile(
        r"(?:^\s*|(?<=[.!?\n])\s*|(?P<cue>\b(?i:from|in|near|outside(?:\s+of)?)\s+))"
        rf"(?P<town>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\s+(?P<code>[A-Z]{{2}})\b(?!['\u2019])"
    ),
    words=" ".join(sorted(STATE_CODES)),
)
# A cheap first look: a state code is two capitals standing alone.
# Two capitals with no letter either side. The letter before is asked last, by a lookbehind
# over the pair, so that the scan starts on a capital (the engine skips to one) and does not
# try a lookbehind at every position (measured: 0.75 µs -> 0.24 on a mix message).
_CAPITAL_PAIR = re.compile(r"[A-Z][A-Z](?![^\W\d_])(?<![^\W\d_][A-Z]{2})")


def _masked_town_code(match: re.Match[str]) -> str:
    code = match.group("code").lower()
    if code not in STATE_CODES:
        return match.group()
    words = match.group("town").split()
    for count in (3, 2, 1):
        if len(words) < count:
            continue
        chosen = words[:count]
        phrase = _phrase(chosen)
        if not phrase or state_or_country(phrase):
            continue
        if count == 1 and (code in STATE_CODES_THAT_ARE_WORDS or ordinary(chosen[0])):
            return match.group()
        if count < len(words):  # the town is the whole run after the cue or the start
            return match.group()
        return match.group()[: match.start("town") - match.start()] + ADDRESS_MARK
    return match.group()


# town-095 "She's from Truth or Consequences originally": a listed place whose name holds a
# small word in lower case ("or", "of", "the", "de", "on"), capitalised around it, after a cue
# of where a person is from or lives.
_SMALL_IN_NAME = r"(?:or|of|the|and|de|la|del|du|on|upon|in|by)"
_TOWN_WITH_SMALL = gated(
    re.compile(
        r"(?P<cue>\b(?i:from|in|near|to|outside(?:\s+of)?)\s+)"
        rf"(?P<town>{_NAME_WORD}\s+{_SMALL_IN_NAME}\s+{_NAME_WORD}(?:\s+{_NAME_WORD})?)"
    ),
    words="or of the and de la del du on upon in by",
)


def _masked_town_with_small(match: re.Match[str]) -> str:
    words = match.group("town").split()
    for count in (4, 3):
        if len(words) >= count and _phrase(words[:count]):
            if state_or_country(_phrase(words[:count]) or ""):
                return match.group()
            rest = " ".join(words[count:])
            return match.group("cue") + ADDRESS_MARK + (" " + rest if rest else "")
    return match.group()


# ---------------------------------------------------------------- care homes

# carehome-102 "The Gardens at Stonebridge, unit C-7", carehome-397 "the Villas at Cobble Creek":
# a word homes are named with, capitalised, then "at/of/on" and a capitalised name (1-3 words).
_HOME_HEAD = (
    r"Gardens|Villas|Villa|Residence|Residences|Commons|Terrace|Cottages|Estates|Suites|Lodge|"
    r"Village|Meadows|Pointe|Courtyard|Towers|Inn|Manor|Heights|Landing|Arbors|Orchards"
)
_HOME_AT_NAME = gated(
    re.compile(
        rf"(?:\b(?i:the)\s+)?\b(?:{_HOME_HEAD})\s+(?:at|of|on)\s+"
        rf"(?!(?:Hospital|Clinic|Medical|Health)\b)(?:{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}|"
        + re.escape(ADDRESS_MARK)
        + ")"
    ),
    words=_HOME_HEAD.lower().replace("|", " "),
)
# carehome-112 "hes at rosewood place rm 11", carehome-398 "he's at brightwater place memory
# care": "<name> place" after a person's "is at / lives at / stays in" ("hes" without its
# apostrophe too). Kept: "she's in a good place", "he's in first place", "at my place".
_PERSON_AT = (
    r"(?P<cue>\b(?i:(?:he|she|they|mom|dad|mum|who)\s*['\u2019]?s|is|are|lives|live|living|"
    r"stays|stay|staying|moved|resides|reside)\s+(?:(?i:now|still|currently)\s+)?"
    r"(?i:at|in|into|to)\s+(?:(?i:the)\s+)?)"
)
_NAMED_PLACE = gated(
    re.compile(
        _PERSON_AT + r"(?P<name>(?!(?i:a|an|my|your|our|his|her|their|this|that|one|some|any|"
        r"no|first|second|third|last|same|other|right|wrong|good|better|best|nice|safe|"
        r"quiet|dark|happy|new|old)\b)[^\W\d_][\w'\u2019-]+(?:\s+(?!(?i:place)\b)[^\W\d_][\w-]+)?)"
        r"\s+(?P<place>[Pp]lace)\b"
    ),
    words="place",
)


def _masked_named_place(match: re.Match[str]) -> str:
    name = match.group("name")
    if " " in name:  # two words before "place" are a name ("maple leaf place"), not a friend's
        return (
            match.group() if "'" in name or "\u2019" in name else match.group("cue") + ADDRESS_MARK
        )
    titled = name[0].isupper() and match.group("place")[0] == "P"
    if ordinary(name) and not (titled and not case_says_nothing(match.string)):
        return match.group()
    return match.group("cue") + ADDRESS_MARK


# carehome-110 "She resides at Our Lady of Mercy Residence" ("Our Lady of [name removed]
# Residence"): a saint's or church name before a home's word is the home's name; a hospital
# ("Our Lady of Lourdes Hospital") stays.
_CHURCH_HOME = gated(
    re.compile(
        r"\b(?:Our\s+Lady|Holy|Sacred|Good\s+Shepherd|Saint|St\.?)\s+(?:of\s+)?"
        rf"(?:{re.escape(NAME_MARK)}|{_NAME_WORD})(?:\s+{_NAME_WORD})?\s+"
        r"(?i:residence|home|manor|village|gardens|terrace|villa|lodge|house|living|"
        r"nursing\s+home|care\s+center|retirement\s+home)\b"
    ),
    words="lady holy sacred shepherd saint st",
)

# ---------------------------------------------------------------- a worded house number

# address-077 "one oh three Pine Hollow Drive": two or more number words ("oh" among them) and
# a capitalised street name with its street word, no cue needed: the shape is an address.
_SPOKEN = SPOKEN_NUMBER  # core/privacy/number_words.py: one list (round 25, r25m)
_WORDED_HOUSE = gated(
    re.compile(
        rf"\b(?i:{_SPOKEN}(?:[\s-]+{_SPOKEN}){{1,4}})\s+(?:{_NAME_WORD}\s+){{1,3}}"
        rf"(?:(?i:{SURE_STREET_WORDS})|{UNSURE_STREET_WORDS})\b\.?"
    ),
    # Every word the pattern reads (round 25, r25m: a hand copy lacked the teens, so
    # "thirteen fifteen Pine Hollow Drive" was never read).
    words=SPOKEN_NUMBER_WORDS,
)

# ---------------------------------------------------------------- dates

# date-147/405 "born in march of '47", "june of '39": a month and an abbreviated year.
_MONTH = MONTH_NAME  # identifiers' list (round 25, r25m)
_MONTH_SHORT_YEAR = gated(
    re.compile(rf"\b(?i:{_MONTH})\.?,?\s+(?:(?i:of)\s+)?['\u2019]\d{{2}}(?!\d)"),
    needles="' \u2019",
)
# date-145 "my MRI was done 10/2", date-156/406 "the fracture was found 11-20", "I saw the
# doctor 11-7": a month/day after a verb of an event (up to two words between). Kept: a pain
# score ("was 8/10"), a fraction ("1/2"), a range of things ("had 2-3 days", "on 3-4 walks").
_EVENT_SHORT_DATE = gated(
    re.compile(
        r"(?P<cue>\b(?i:done|was|were|on|found|seen|saw|had|taken|dated|scheduled|since|until|"
        r"booked|got|happened|fell|broke|started|began)\b(?:\s+[A-Za-z]+){0,2}\s+)"
        r"(?P<date>(?P<m>1[0-2]|0?[1-9])(?P<sep>[/-])(?P<d>3[01]|[12]\d|0?[1-9]))(?![\w/.-])"
        # What follows a date: the end, a stop, or a word that opens the next clause ("11-20
        # and", "10/2 at the..."): "on 3-4 walks", "had 2-3 days" stay.
        r"(?=\s*(?:$|[,.;:!?)]|(?i:and|but|at|in|when|so|then|because|with|for|or|this|last|"
        r"next|by|after|before|until|i|we|he|she|they|my|the)\b))"
    ),
    needles="/ -",
)
_SHORT_DATE_SHAPE = re.compile(r"\d[/-]\d")
_SHORT_YEAR = re.compile(r"['\u2019]\d\d")
_SMALL_BETWEEN_CAPITALS = re.compile(rf"[A-Z]\S*\s+{_SMALL_IN_NAME}\s+[A-Z]")
_SCORE_WORDS = re.compile(r"(?i:pain|scale|score|rate|rating|level|out\s+of|hurt)")
_FRACTIONS = frozenset({"1/2", "1/3", "2/3", "1/4", "3/4", "1/5", "1/8", "3/8", "5/8", "7/8"})


def _masked_event_short_date(match: re.Match[str]) -> str:
    date = match.group("date")
    if match.group("sep") == "/" and (date in _FRACTIONS or match.group("d") == "10"):
        return match.group()
    month, day = int(match.group("m")), int(match.group("d"))
    if match.group("sep") == "-" and month < day <= min(month + 5, 12):
        return match.group()  # a small range ("were 2-3 when", "1-2 in the line")
    if _SCORE_WORDS.search(match.string):
        return match.group()
    return match.group("cue") + DATE_MARK


# ---------------------------------------------------------------- plates

# plate-258/408/409 "plate: MA 4GT-829", "NY KXT-4471", "my plate is CA 8ABC123": the state
# before the plate was masked alone; the plate after the mark goes too.
_PLATE_AFTER_MARK = gated(
    re.compile(
        r"(?P<head>\b(?i:plates?|tags?|reg|registration)\b[^.?!\n]{0,20}?)"
        + re.escape(ID_MARK)
        + r"\s+(?=[A-Z0-9-]*\d)[A-Z0-9]{1,8}(?:[ -][A-Z0-9]{1,5})?(?![\w-])"
    ),
    words="plate plates tag tags reg registration",
)

# ---------------------------------------------------------------- ages over 89 as a decade

# age-169/410 "mom is in her mid 90s", "late 90s": an age over 89 as a part of a decade after
# "in his/her/their/my". Safe Harbor puts every age over 89 in one group, "90 or older": "in her
# 90s" (kept since round 17) says no more than that group, "mid / late 90s" says more. "the 90s"
# (a decade of years) stays.
_DECADE_AGE = gated(
    re.compile(
        r"(?P<cue>\b(?i:in|into)\s+(?i:his|her|their|my|your|our)\s+)"
        r"(?P<age>(?i:early|mid|late|upper)[\s-]*(?:(?:9|1[0-1])0['\u2019]?s|(?i:nineties|hundreds)))\b"
    ),
    words="early mid late upper",
)


# Every pass below opens on its own gate (the rooms' pass only after one of them changed the
# text): when none would open, none runs (measured: 2.9 µs -> 0.4 on an ordinary message).
# The two towns' gates open on "in", "or", "the", "of" (most messages): they are asked with
# the capitals their matches need (`_town_may_apply`), and the dates' gates ("'", "-", "/")
# only of a text with a figure (measured: the whole pass 2.3 µs -> 1.0 on a mix message).
_MAY_APPLY = any_gate(
    _HOME_AT_NAME,
    _NAMED_PLACE,
    _CHURCH_HOME,
    _WORDED_HOUSE,
    _PLATE_AFTER_MARK,
    _DECADE_AGE,
    figured=(_MONTH_SHORT_YEAR, _EVENT_SHORT_DATE),
)


def _town_may_apply(text: str) -> bool:
    """Whether a town's pass (a town before its code, a town with small words) may match:
    its gate and the capitals it needs, as `masked` asks them."""
    return bool(
        (_TOWN_CODE.may_match(text) and _CAPITAL_PAIR.search(text))
        or (_TOWN_WITH_SMALL.may_match(text) and _SMALL_BETWEEN_CAPITALS.search(text))
    )


def masked(text: str) -> str:
    """Round 22's places, dates, plates and ages masked (each pass gated on its words)."""
    if not _MAY_APPLY(text) and not _town_may_apply(text):
        return text
    before = text
    if _TOWN_CODE.may_match(text) and _CAPITAL_PAIR.search(text):
        text = _TOWN_CODE.sub(_masked_town_code, text)
    if _TOWN_WITH_SMALL.may_match(text) and _SMALL_BETWEEN_CAPITALS.search(text):
        text = _TOWN_WITH_SMALL.sub(_masked_town_with_small, text)
    if _HOME_AT_NAME.may_match(text):
        text = _HOME_AT_NAME.sub(ADDRESS_MARK, text)
    if _NAMED_PLACE.may_match(text):
        text = _NAMED_PLACE.sub(_masked_named_place, text)
    if _CHURCH_HOME.may_match(text):
        text = _CHURCH_HOME.sub(ADDRESS_MARK, text)
    if _WORDED_HOUSE.may_match(text) and STREET_WORD_GATE.search(text):
        text = _WORDED_HOUSE.sub(ADDRESS_MARK, text)
    if text is not before and text != before and ADDRESS_MARK in text:
        # A home's room or unit beside the home now masked ("rm 11", "unit C-7").
        text = re.sub(re.escape(ADDRESS_MARK) + _UNIT_AFTER.pattern, ADDRESS_MARK, text)
        text = ROOM.sub(ADDRESS_MARK, text)
    if _MONTH_SHORT_YEAR.may_match(text) and _SHORT_YEAR.search(text):
        text = _MONTH_SHORT_YEAR.sub(DATE_MARK, text)
    if _EVENT_SHORT_DATE.may_match(text) and _SHORT_DATE_SHAPE.search(text):
        text = _EVENT_SHORT_DATE.sub(_masked_event_short_date, text)
    if ID_MARK in text and _PLATE_AFTER_MARK.may_match(text):
        text = _PLATE_AFTER_MARK.sub(lambda m: m.group("head") + ID_MARK, text)
    if _DECADE_AGE.may_match(text):
        text = _DECADE_AGE.sub(lambda m: m.group("cue") + AGE_MARK, text)
    return text
