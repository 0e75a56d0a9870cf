"""A suite asked about as a place of the hospital ("What is suite 200 for?", "where is suite 310")
is kept; a suite of someone's address still goes.

Why (round 24's outside tester, ordi497: over-masked): identifiers.UNIT masks "apartment",
"apt", "unit" and "suite" with their number, as part of an address. A clinic's suite is like a
hospital room or ward, which docs/privacy.md keeps: patients ask where it is or what it is
for, and staff need the question as asked. A suite is kept only when the message asks about it
(a question word or "get to" / "find" before it in the same clause) and nothing in the message
makes it a home ("live", "my", "our", "address", "ship", "mail", a masked street).
"""

from __future__ import annotations

import re

from core.privacy.identifiers import ADDRESS_MARK

# Before the suite, in its clause: a question about the place.
_ASKED = re.compile(
    r"\b(?:what|where|which|how\s+do\s+i\s+get\s+to|how\s+to\s+get\s+to|get\s+to|find|go\s+to|"
    r"is|are)\b[^.!?,;]{0,20}$",
    re.IGNORECASE,
)
# Anywhere in the message: the suite is someone's home or a postal address.
_HOME = re.compile(
    r"\b(?:live[sd]?|living|stay(?:s|ing)?|my|our|his|her|their|address|ship|mail|send|deliver|"
    r"home|apartment|apt|building|condo)\b|" + re.escape(ADDRESS_MARK),
    re.IGNORECASE,
)


def masked_unit(match: re.Match[str]) -> str:
    """identifiers.UNIT's replacement: the address's mark, unless a hospital suite is asked
    about."""
    text = match.string
    if (
        match.group()[:5].lower() == "suite"
        and _ASKED.search(text, 0, match.start()) is not None
        and _HOME.search(text) is None
    ):
        return match.group()
    return ADDRESS_MARK
