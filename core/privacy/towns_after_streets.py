"""A town in lower case that is also an ordinary word, right after a masked street address:
"ship to: forty-two elm street, fairview".

Why (round 25's outside tester, ad05): the rules for a town after a masked address
(redaction.TOWN_AFTER_ADDRESS, places.PLACE_AFTER_MASK) keep a lower-case ordinary word, so
that "[address removed], please" or "..., thanks" stay; "fairview", "riverside", "greenville"
typed in lower case are ordinary-looking too and were stored raw. After a masked street, a
comma and then a US place name (1 to 3 words) that closes the address (end of the message, a
full stop, a state or a ZIP after it) is the town of the address, and goes.
"""

from __future__ import annotations

import re

from core.privacy.identifiers import ADDRESS_MARK, STATE_WORD
from core.privacy.places import place_names

TOWN_CLOSING_ADDRESS = re.compile(
    re.escape(ADDRESS_MARK)
    + r"\s*,\s*(?P<town>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2}?)"
    + r"(?=\s*(?:[.;!?)]|,?\s*$|,?\s+\d{5}\b|,\s*[^\W\d_]+\s*(?:[.;!?]|$)))"
)
# Words that close a message and are US place names too: they are what the patient adds, not
# a town ("[address removed], thanks", "[address removed], home").
_CLOSERS = frozenset(
    [
        "please",
        "thanks",
        "thank",
        "ok",
        "okay",
        "asap",
        "today",
        "tomorrow",
        "tonight",
        "now",
        "home",
        "right",
        "yes",
        "no",
        "sure",
        "downtown",
        "apartment",
        "apt",
        "unit",
        "suite",
        "floor",
        "back",
        "front",
        "upstairs",
        "downstairs",
    ]
)


def _masked(match: re.Match[str]) -> str:
    town = match.group("town")
    phrase = town.lower()
    if phrase in _CLOSERS or phrase not in place_names() or STATE_WORD.fullmatch(town):
        return match.group()
    return ADDRESS_MARK


def masked(text: str) -> str:
    """The text with a place name that closes a masked address replaced by the address mark."""
    if ADDRESS_MARK not in text:
        return text
    return TOWN_CLOSING_ADDRESS.sub(_masked, text)
