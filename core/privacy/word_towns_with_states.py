"""A capitalised ordinary word before a state's code is a town where the context says so (issue
21, round 24's report, r25f: city134 "my mother lives alone in Opportunity WA, can she go home
same day" was stored raw).

Why: the rule for a town before a state code (round22_places_dates_plates) keeps a one-word
town that is an ordinary word ("in Pain OK" is no place), and "Opportunity" is a word. Two
things tell a town:
- the state: a one-word US postal place that is a word, typed before the code of a state it
  lies in, after "in / from / near / outside" ("from Hope AR", "near Opportunity MT");
  `data/word_town_states.txt` (ops/make_word_town_states.py, from the postal list) holds
  those places with their states, ~1,000 lines read only when such a phrase is there;
- the verb: after "lives / lived / moved / staying ... in", a capitalised word and a state's
  code are where someone lives whether or not the postal list has it (Opportunity, WA is a
  town the postal list files under Spokane Valley).
A code that is a word or a medical abbreviation ("CT", "MD", "DC", "OK", "PA", "MS") is no
state here, nor a month or a day before it ("in March CT").
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.privacy.gates import gated
from core.privacy.identifiers import ADDRESS_MARK, STATE_CODES, STATE_CODES_THAT_ARE_WORDS
from core.privacy.names import DATA, NOT_NAMES, ordinary

# Codes read as something else in a patient's message (scans, doctors, discharge, injections).
_NOT_STATES = STATE_CODES_THAT_ARE_WORDS | frozenset(["ct", "md", "dc", "sc", "ga", "nc", "nm"])
_CODES = frozenset(STATE_CODES) - _NOT_STATES
_LIVES = r"(?:lives?|lived|living|moved?|moving|stays?|staying|resides?|residing)"
TOWN_BEFORE_CODE = gated(
    re.compile(
        r"\b(?P<lives>(?i:" + _LIVES + r"\s+(?:alone\s+|now\s+|still\s+|with\s+\w+\s+)?))?"
        r"(?i:in|from|near|to|outside(?:\s+of)?)\s+"
        r"(?P<town>[A-Z][a-z'\u2019-]+(?:\s+[A-Z][a-z'\u2019-]+)?),?\s+(?P<code>[A-Z]{2})\b"
        r"(?!['\u2019\w])"
    ),
    words=" ".join(sorted(_CODES)),
)


@lru_cache(maxsize=1)
def word_town_states() -> dict[str, frozenset[str]]:
    """Each lower-case town that is an English word, and the codes of the states it lies in."""
    lines = (DATA / "word_town_states.txt").read_text(encoding="utf-8").splitlines()
    return {
        name: frozenset(codes)
        for name, *codes in (line.split() for line in lines if line and not line.startswith("#"))
    }


def _town(match: re.Match[str]) -> str:
    code = match["code"].lower()
    town = match["town"]
    words = town.lower().split()
    if code not in _CODES or any(word in NOT_NAMES for word in words):
        return match.group()
    lives = match["lives"] is not None
    listed = len(words) == 1 and code in word_town_states().get(words[0], frozenset())
    if not (listed or (lives and all(ordinary(word) for word in words))):
        return match.group()  # other towns (no word) are the earlier rules' to read
    return match.group()[: match.start("town") - match.start()] + ADDRESS_MARK


def masked(text: str) -> str:
    """The text with such a town and its state replaced by the address mark."""
    return TOWN_BEFORE_CODE.sub(_town, text)
