"""Round 26 (helper r26p; round 26's car102-car110, car441, car442, car445): a care home named
by the words before its kind of care, and the wings, floors, rooms and beds that follow it.

Why: the earlier rules took a home's name only when it was capitalised and no ordinary word
("Brightview assisted living"), or only before a flat or at the message's start. Homes are
named with ordinary words far more often than not ("Evergreen", "Golden Years", "Lakeview",
"sunset", "brookside", "st. agnes") and patients type them in any case, so those stayed raw:

- "from the Evergreen Assisted Living, wing C, bed 3", "she's at brookside assisted living in
  bed 2", "sunset senior living apt 112", "he's a resident at st. agnes care center",
  "Golden Years Nursing & Rehabilitation, rm 118", "from Lakeview Health and Rehab, room 221-B":
  one to three words before a kind of care (assisted living, senior living, care center,
  nursing & rehabilitation, health and rehab...) are that home's name; the home goes whole.
  Words that cannot be a home's name stop it: articles, pronouns, prepositions, "local",
  "nearby", and a kind of care or medicine ("wound care center", "urgent care center",
  "an assisted living", "is assisted living covered" stay).
- "Hebrew Home at Riverdale, 4th fl room 407": the home is named_homes_at_places's (one rule
  for "<Name> Home at <Place>"); its rooms go here.
- "Brookdale Harbor Chase will bring her by van": a senior-living chain's name and the
  capitalised words after it are one home (the chain names are no ordinary words).
- The writer's own visit ("I'm at the Maplewood assisted living on Riverside, room 3", a
  negative since round 10) stays: where the writer is now is no one's address.

A home's wing, floor, room, bed or flat right after it goes with it ("wing C, bed 3",
"4th fl room 407", "room 221-B"): a care home's room says where a person lives
(docs/privacy.md); hospital rooms are untouched (they follow no home's name here).
"""

from __future__ import annotations

import re

from core.privacy import named_homes_at_places
from core.privacy.alternation import one_of
from core.privacy.gate_groups import any_gate
from core.privacy.gates import gated
from core.privacy.identifiers import ADDRESS_MARK
from core.privacy.names import NAME_MARK

# The kinds of care a home is named by. "nursing home" is left to the earlier rules ("the
# Oakwood nursing home is near the Lakeside clinic" is a negative since round 10).
_KIND = (
    r"(?:assisted|independent|senior|supportive)\s+living(?:\s+(?:center|centre|community|"
    r"facility|residence))?"
    r"|(?:memory|personal|health)\s*care\s+(?:center|centre|home|community|facility)"
    r"|care\s+(?:center|centre|community|facility)"
    r"|(?:nursing|rehab(?:ilitation)?|health|healthcare)\s*(?:&|and|n|\+)\s*"
    r"(?:rehab(?:ilitation)?|nursing|wellness)(?:\s+(?:center|centre|facility|home))?"
    r"|retirement\s+(?:home|community|village|residence)"
    r"|convalescent\s+(?:home|center|centre)"
    # Round 28 (r28p, care-011): "Heritage Pointe senior apartments #407" kept "Heritage":
    # senior housing is a home someone lives in, named by the words before it.
    r"|senior\s+(?:apartments|apts|housing|residences?|villas|flats|condos|towers)"
)
_KIND_WORDS = "living care nursing rehab rehabilitation wellness retirement convalescent senior"
# A word of a home's name: letters (with an apostrophe, a dot of "st.", a hyphen) or a mark.
_WORD = rf"(?:[^\W\d_][\w'\u2019.-]*|{re.escape(NAME_MARK)}|{re.escape(ADDRESS_MARK)})"
# The kind is found first (a word gate, then one pass); the name is read backwards from it.
KIND = gated(re.compile(rf"\b(?i:{_KIND})\b"), words=_KIND_WORDS)
_NAME_BEFORE = re.compile(rf"(?<![\w\]'\u2019-])(?:{_WORD}[ \t]+){{1,3}}$")
_ONE_WORD = re.compile(_WORD)
# Words that are no part of a home's name: the name starts after the last of them.
_NOT_NAME_WORDS = (
    "a an the my our his her their your its this that these those any some every each no "
    "which what whose who whom where when how why whether if than then there here "
    "i i'm im me we we're us you he he's she she's they they're it it's is are was were "
    "be been being am do does did can could will would should may might must shall "
    "to at in on of for from into onto by with about near like as and or but nor vs "
    "versus via per than over under between after before during without "
    "not also just only even still both either neither other another same such "
    "local nearby nearest new old good best better cheap cheaper affordable private public "
    "state federal county medicare medicaid insurance covered cover covers pay paid pays "
    "long short term long-term short-term full part day daily night home own "
    "moving move moved go going went get getting got live lives living lived stay stays "
    "staying staying visit visiting need needs needed want wants called named "
    "wound urgent primary critical intensive acute subacute sub-acute respite palliative "
    "hospice spine spinal pain eye cancer heart vein foot child adult elder elderly senior "
    "memory personal skilled skilled-nursing physical occupational speech cardiac pulmonary "
    "inpatient outpatient stroke orthopedic orthopaedic ortho neuro geriatric drug "
    "alcohol hospital health healthcare medical dental mental behavioral family community "
    "residential assisted independent supportive nursing rehab rehabilitation "
    "quality patient after-care aftercare post-op postop transitional continuing "
    "lot lots kind kinds type types sort place places facility facilities options option "
    "info information cost costs price prices"
)
_NOT_NAME = frozenset(_NOT_NAME_WORDS.split())
# "I'm at the Maplewood assisted living ...": the writer's own visit (a negative since round 10).
_WRITER_AT = re.compile(r"(?i:\b(?:i['\u2019]?m|i\s+am)\s+(?:at|in)\s+(?:the\s+)?)$")
# Senior-living chains whose names are no ordinary words, and the community's name after.
_CHAINS = ["brookdale", "atria", "emeritus", "brightview", "harborchase", "kisco"]
CHAIN_AND_HOME = gated(
    re.compile(
        rf"\b(?P<chain>(?i:{one_of(_CHAINS)}))\b(?P<rest>(?:\s+(?:[A-Z][\w'\u2019-]*|"
        rf"{re.escape(NAME_MARK)}|{re.escape(ADDRESS_MARK)})){{0,3}})"
    ),
    words=" ".join(_CHAINS),
)
# The home's parts after it: "wing C", "bed 3", "rm 118", "4th fl", "room 221-B", "apt 112".
_UNIT = (
    r"(?:(?i:wing|bed|room|rm|apt|apartment|unit|suite|building|bldg|cottage|hall|floor|fl)"
    r"\.?\s*#?\s*(?:\d{1,4}(?:-?[A-Za-z]\b)?|[A-Za-z]\b|[A-Za-z]-?\d{1,4}\b)"
    r"|\d{1,2}(?:st|nd|rd|th)\s+(?i:floor|fl)\b\.?"
    r"|#\s?\d{1,4}[A-Za-z]?\b)"  # "senior apartments #407" (round 28, r28p)
)
UNITS_AFTER_HOME = gated(
    re.compile(
        re.escape(ADDRESS_MARK) + rf"(?P<units>(?:\s*,?\s*(?:(?i:in|on|at)\s+)?{_UNIT}){{1,4}})"
    ),
    "removed]",
)
_ONE_UNIT = re.compile(_UNIT)


def _homes_by_kind(text: str) -> str:
    """Each kind of care with one to three words before it: the words after the last one that
    cannot be part of a home's name go with the kind; the text stays where no word is left."""
    pieces: list[str] = []
    done = 0
    for kind in KIND.finditer(text):
        start = kind.start()
        name = _NAME_BEFORE.search(text, max(done, start - 90), start)
        if name is None:
            continue
        words = list(_ONE_WORD.finditer(text, name.start(), name.end()))
        first = len(words)
        while first > 0 and words[first - 1].group().lower().rstrip(".") not in _NOT_NAME:
            first -= 1
        if first == len(words):
            continue
        begin = words[first].start()
        if _WRITER_AT.search(text, max(0, begin - 20), begin):
            continue
        pieces += [text[done:begin], ADDRESS_MARK]
        done = kind.end()
    return "".join(pieces) + text[done:] if pieces else text


def _masked_units(match: re.Match[str]) -> str:
    return ADDRESS_MARK + _ONE_UNIT.sub(ADDRESS_MARK, match.group("units"))


# The passes below open on their own gates (the units only after one changed the text): when
# none would, none runs (measured: 1.4 µs -> 0.3 on an ordinary message).
_MAY_APPLY = any_gate(KIND, named_homes_at_places.HOME_AT_PLACE, CHAIN_AND_HOME)


def masked(text: str) -> str:
    """The homes and their parts this module describes, masked."""
    if not _MAY_APPLY(text):
        return text
    before = text
    text = _homes_by_kind(text)
    text = named_homes_at_places.masked(text)  # one rule for "<Name> Home at <Place>" (r25f)
    text = CHAIN_AND_HOME.sub(ADDRESS_MARK, text)
    if text is before or text == before:
        return text
    return UNITS_AFTER_HOME.sub(_masked_units, text)
