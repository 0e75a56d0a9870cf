"""Names inside hashtags ("#TeamHarold", "#PrayersForEdith").

Why: families post a hashtag for the person they pray for or cheer on, and paste it into the
chat; the name in it was stored raw (round 24's outside tester) because no name rule reads a
word joined to others in CamelCase. A hashtag whose parts hold a first name that is no
ordinary word goes whole, as a name ("#MondayMotivation", "#BlessedAndGrateful" stay).
"""

from __future__ import annotations

import re

from core.privacy.gates import gated
from core.privacy.names import NAME_MARK, _is_first, ordinary

HASHTAG = gated(re.compile(r"(?<![\w&#])#(?P<tag>[^\W\d_]\w{2,})"), needles="#")
# The parts of a CamelCase tag: a capital and its small letters, or a run of small letters.
_PART = re.compile(r"[A-Z][a-z]+|[a-z]+")


def _names_someone(tag: str) -> bool:
    parts = _PART.findall(tag)
    return len(parts) > 1 and any(_is_first(part) and not ordinary(part) for part in parts)


def masked(text: str) -> str:
    """The text with each hashtag that holds a first name replaced by the name's mark."""
    return HASHTAG.sub(
        lambda found: NAME_MARK if _names_someone(found.group("tag")) else found.group(), text
    )
