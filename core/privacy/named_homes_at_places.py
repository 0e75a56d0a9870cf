"""A home named "<Name> Home at / of <Place>" goes whole (issue 21, round 24's report, r25f:
care153 "Lives at Hebrew Home at Riverdale" was stored "Lives at [address removed] Home at
Riverdale": the rule for where someone lives took "Hebrew" and left the home's place, which
names the home as well as a street would).

Why "Home": round 22's rule for "<Gardens / Villas / Manor ...> at <Name>" lists the words
homes are named with, but "Home" is also the patient's own ("at Home", "going Home on
Monday"), so here it needs a capitalised word or a masked part before it ("Hebrew Home",
"Masonic Home", "Jewish Home at Rockleigh") and a capitalised place after it that is no day,
month or hospital ("Hebrew Home at Riverdale"). Kept: "Welcome Home at last", "Home at 5",
"back Home on Monday".
"""

from __future__ import annotations

import re

from core.privacy.gates import gated
from core.privacy.identifiers import ADDRESS_MARK
from core.privacy.names import NOT_NAMES

_WORD = r"[A-Z][\w'\u2019-]+"
HOME_AT_PLACE = gated(
    re.compile(
        r"(?:" + re.escape(ADDRESS_MARK) + r"|(?<![\w'\u2019-])" + _WORD + r")"
        r"\s+Home\s+(?:at|of|in|on)\s+"
        r"(?!(?:Hospital|Clinic|Medical|Health|Last|Christmas|Easter)\b)"
        rf"(?P<place>{_WORD}(?:\s+{_WORD}){{0,2}}|" + re.escape(ADDRESS_MARK) + ")"
    ),
    words="home",
)


def _home(match: re.Match[str]) -> str:
    words = match["place"].lower().split()
    if any(word in NOT_NAMES for word in words):
        return match.group()  # "Home on Monday"
    head = match.group().split()[0]
    if head.lower() in {"welcome", "back", "going", "come", "coming", "stay", "staying"}:
        return match.group()
    return ADDRESS_MARK


def masked(text: str) -> str:
    """The text with such a home's name replaced by the address mark."""
    return HOME_AT_PLACE.sub(_home, text)
