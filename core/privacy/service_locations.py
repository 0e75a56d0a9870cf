"""Where a service is, not where a person lives: a road or street named after a clinic's word,
or a road asked about for its traffic (round 21's ordinary questions, helper r21p).

Why: round 21's tester found "Is the clinic off Route 8?", "Is Highway 12 closed near the
hospital?" and "Will the Rehab center on Main Street take me?" stored with the road masked. A
street or road named without a house number *after a word for a service* ("the clinic off",
"the Rehab center on") gives that service's location, and a road said to be closed or busy is
a question about the trip; neither names anyone's home. "we're out on route 229", "off route
6", "the house on Riverside" still go (docs/privacy.md, round 21). This module imports
nothing from the other privacy modules, so `identifiers` can ask it.
"""

from __future__ import annotations

import re

# "the clinic off", "the Rehab center on", "your office is on", "the hospital right off of":
# the words just before a road or street (the preposition may sit inside the street's match).
_SERVICE_BEFORE = re.compile(
    r"\b(?:clinic|hospital|office|center|centre|rehab|pharmacy|lab|laboratory|building|"
    r"practice|entrance|parking|garage|campus|department|dept|surgery|imaging|radiology|"
    r"er|urgent\s+care)\s+(?:(?:is|are|was)\s+)?(?:(?:just|right)\s+)?"
    r"(?:(?:on|off|at|near|by|along)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
# "Is Highway 12 closed", "is route 8 backed up": a road's state is a question about the trip.
_ROAD_STATE_AFTER = re.compile(
    r"\s+(?:closed|open|blocked|busy|backed\s+up|jammed|flooded|icy|plowed|under\s+construction|"
    r"(?:still\s+)?being\s+(?:repaved|fixed|worked\s+on)|detoured)\b",
    re.IGNORECASE,
)


# Round 23 (r23p, or06 "Is it far from Route 8?", or65 "Can I take the bus, Route 8?"): a road
# asked about as the way here (how far from it, the bus on it) is the trip's, not a home's;
# "we live off Route 8", "the bus picks me up at my house on Route 8" still go.
_TRIP_BEFORE = re.compile(
    r"\b(?:far|close|closer|distance|mins?|minutes|miles|hours?|hrs?)\s+(?:away\s+)?"
    r"(?:from|to|of)\s+(?:the\s+)?$|\b(?:bus|buses|train|shuttle|van)\s*[,:-]?\s*"
    r"(?:(?:on|along|via|down|up)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


# Round 26 (r26p, ord497 "Is Route 8 the fastest way to the hospital?"): a road weighed as the
# way here ("the fastest way", "quicker than I-84", "a good route") is the trip's, not a home's.
_WAY_AFTER = re.compile(
    r"\s+(?:(?:the|a|an|still|really)\s+)*(?:(?:fastest|quickest|shortest|best|easiest|safest|"
    r"fast|quick|short|good|better|right|only|usual|scenic)\s+(?:way|route|road|drive)\b"
    r"|(?:faster|quicker|shorter|better|easier|safer)\b)",
    re.IGNORECASE,
)


def service_location(text: str, start: int, end: int) -> bool:
    """Is the road or street at text[start:end] a service's location, a road asked about for
    its traffic or as the way here (so it stays)?"""
    if _SERVICE_BEFORE.search(text, max(0, start - 40), start):
        return True
    if _TRIP_BEFORE.search(text, max(0, start - 24), start):
        return True
    return _ROAD_STATE_AFTER.match(text, end) is not None or _WAY_AFTER.match(text, end) is not None
