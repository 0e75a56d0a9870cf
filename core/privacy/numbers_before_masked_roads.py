"""A house number right before a masked road goes with it (issue 21, round 24's report, r25f:
addr105 "we are in the blue house at 600 county road 12" was stored "at 600 [address
removed]": the rule for a numbered rural road took "county road 12" and left the number).

Why a cue: a figure before an address mark may be a count ("2 [address removed]" where the
mark is a town: "2 hours from ..." never puts the town right after the figure, but a list may).
After "at / on / is / address: / live(s)" a figure right before the mark is the house's number.
"""

from __future__ import annotations

import re

from core.privacy.gates import gated
from core.privacy.identifiers import ADDRESS_MARK

HOUSE_NUMBER_BEFORE_MARK = gated(
    re.compile(
        r"(?P<cue>\b(?i:at|on|is|address|addr|live|lives|living|house|home)\s*:?\s+)"
        r"\d{1,6}[A-Za-z]?(?:-\d{1,4})?\s+" + re.escape(ADDRESS_MARK)
    ),
    needles="[address",  # not "removed]", which every mark holds
)


def masked(text: str) -> str:
    """The text with such a house number joined to the road's mark."""
    return HOUSE_NUMBER_BEFORE_MARK.sub(lambda m: m["cue"] + ADDRESS_MARK, text)
