"""Round 25 (r25e, round 24's care142, care144, care146, care155, care157, addr465): the parts
of a home a person lives in, and care homes named without a capital or a cue word.

- A home's unit words beyond room, bed, apartment and lot: "[address removed], cottage 22",
  "..., mailbox 14", "Casa de Paz, habitación 5". Like ROOM_NUMBER (towns_in_context.py), they
  go only in a message whose home is masked: the hospital's own rooms stay (docs/privacy.md).
- A room in words: "room two fourteen at heritage oaks" (the rules read "room 214" only).
- A Spanish home's name: "la residencia se llama Casa de Paz" left "Casa de [name removed]";
  "Casa / Hogar / Residencia / Villa de <Name>" is the home's name whole.
- A care home named by its kind in lower case: "bayview rehab & nursing bed 3" (its name a word
  in no list of ordinary words: "the rehab & nursing" and "physical rehab and nursing" stay).
- A chain's home and its town: "at Good Samaritan Society - Sioux Falls Village".
"""

from __future__ import annotations

import re

from core.privacy.gate_groups import any_gate
from core.privacy.gates import gated
from core.privacy.identifiers import ADDRESS_MARK
from core.privacy.names import NAME_MARK

_NUMBER_WORD = (
    r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred)"
)
_NUMBER_WORDS = rf"{_NUMBER_WORD}(?:[\s-]+(?:and\s+)?{_NUMBER_WORD}){{0,3}}"
_UNIT_WORD = (
    r"cottage|cabin|villa|casita|bungalow|mail\s*box|habitaci[oó]n|cuarto|chambre|zimmer|"
    r"room|rm|bed|apt|apartment|trailer"
)
_MARK = re.escape(ADDRESS_MARK)
# "[address removed], cottage 22", "room two fourteen", "habitación 5": in a message whose home
# is masked, a unit word and its number (figures or words) go.
UNIT_OF_HOME = gated(
    re.compile(
        rf"\b(?i:{_UNIT_WORD})(?![^\W\d_])\s*(?:#|(?i:no\.?|number|n[uú]mero)\s*)?\s*"
        rf"(?:\d{{1,5}}[A-Za-z]?(?![\w-])|(?i:{_NUMBER_WORDS})\b)"
    ),
    words="cottage cabin villa casita bungalow mailbox mail habitación habitacion cuarto chambre "
    "zimmer room rm bed apt apartment trailer",
)
# A room in words before "at" and a home's name in lower case: "room two fourteen at heritage
# oaks" (round 24's care146). The home's name ends in a word homes are named with.
_HOME_END = (
    r"oaks|pines|willows|meadows|gardens|pointe|glen|ridge|manor|village|terrace|springs|"
    r"haven|acres|commons|crossing|heights|hills|woods|lakes|shores|estates|lodge|villas"
)
ROOM_AT_HOME = gated(
    re.compile(
        rf"\b(?i:room|rm|bed|cottage|apt|apartment|unit)\s+(?:(?i:number|no\.?)\s+)?"
        rf"(?i:{_NUMBER_WORDS})(?P<cue>\s+(?i:at|in)\s+)"
        r"(?!(?i:the|a|an|my|our|his|her|their|this|that|your)\b)"
        rf"[^\W\d_][\w'\u2019-]+\s+(?i:{_HOME_END})\b"
    ),
    words=_HOME_END.replace("|", " "),
)
# "Casa de Paz", "Hogar de Ancianos San José", "Residencia de los Olivos", "Casa de [name
# removed]": a Spanish home's name after its word, capitalised.
CASA_DE = gated(
    re.compile(
        r"\b(?:Casa|Hogar|Residencia|Villa|Quinta)\s+(?:de\s+(?:la\s+|las\s+|los\s+|el\s+)?|del\s+)"
        rf"(?:{re.escape(NAME_MARK)}|[A-ZÁÉÍÓÚÑ][\w'\u2019-]*)(?:\s+[A-ZÁÉÍÓÚÑ][\w'\u2019-]*)?"
    ),
    words="casa hogar residencia villa quinta",
)
# "bayview rehab & nursing", "Maple Crest nursing and rehabilitation center".
LOWER_KIND_HOME = gated(
    re.compile(
        r"(?<![\w\]\[])(?P<name>(?:[^\W\d_][\w'\u2019-]+\s+)?[^\W\d_][\w'\u2019-]+)\s+"
        r"(?P<kind>(?i:rehab(?:ilitation)?(?:\s*&\s*|\s+(?:and|n)\s+)nursing|nursing"
        r"(?:\s*&\s*|\s+(?:and|n)\s+)rehab(?:ilitation)?|health(?:\s*&\s*|\s+and\s+)"
        r"rehab(?:ilitation)?)"
        r"(?:\s+(?i:center|centre|facility|home))?)\b"
    ),
    words="rehab rehabilitation",
)
# "at Good Samaritan Society - Sioux Falls Village": a chain's name, a dash, and the home.
CHAIN_HOME = gated(
    re.compile(
        r"(?P<cue>\b(?i:at|in|to|from|into)\s+)(?:[A-Z][\w'\u2019.-]*\s+){1,3}"
        r"(?:Society|Communities|Living|Senior\s+Living)\s*[-\u2013\u2014]\s*"
        r"(?:[A-Z][\w'\u2019.-]*\s+){0,3}[A-Z][\w'\u2019.-]*"
    ),
    needles="society communities living",
)


def _masked_kind_home(match: re.Match[str]) -> str:
    """LOWER_KIND_HOME's replacement: the home goes when the word before its kind is a name
    (in no list of ordinary words, no kind of care)."""
    from core.privacy.names import ordinary
    from core.privacy.places import CARE_KIND

    words = match.group("name").split()
    last = words[-1]
    if ordinary(last) or re.fullmatch(CARE_KIND, last):
        return match.group()
    if len(words) == 2 and (ordinary(words[0]) or re.fullmatch(CARE_KIND, words[0])):
        return match.group()[: match.start("name") - match.start()] + words[0] + " " + ADDRESS_MARK
    return ADDRESS_MARK


# The passes below open on their own gates: when none would, none runs (measured: 1.9 µs
# -> 0.3 on an ordinary message).
_MAY_APPLY = any_gate(CASA_DE, CHAIN_HOME, LOWER_KIND_HOME, ROOM_AT_HOME, UNIT_OF_HOME)


def masked(text: str) -> str:
    """The homes and their units this module describes, masked."""
    if not _MAY_APPLY(text):
        return text
    text = CASA_DE.sub(ADDRESS_MARK, text)
    text = CHAIN_HOME.sub(lambda m: m.group("cue") + ADDRESS_MARK, text)
    text = LOWER_KIND_HOME.sub(_masked_kind_home, text)
    text = ROOM_AT_HOME.sub(lambda m: ADDRESS_MARK + m.group("cue") + ADDRESS_MARK, text)
    return UNIT_OF_HOME.sub(ADDRESS_MARK, text) if ADDRESS_MARK in text else text
