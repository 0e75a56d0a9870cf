"""Round 26 (helper r26p; round 26's age471, pas259, dat136, dat468, dat469): ages over 89 in
clinical shorthand, and dates of a booked day written without a month's full name or a slash.

Why: Safe Harbor counts every age over 89 and every element of a date but the year. Patients
and relatives copy both from wristbands, letters and notes, in the notes' own shorthand:

- "F/94 with kyphosis", "94/M": a sex letter and an age with a slash (the rules read "94F",
  "94 y/o F" only);
- "ZIMMERMAN,OTTO  M  91Y": an age with a "Y" / "y" / "yr" glued to it;
- "my date is the 22nd, right?", "the op is on the 3rd": a day of the month after a noun for a
  booked day and "is" / "was" / "on" (the rules read "appointment ... the 3rd" and "on the
  22nd" only);
- "my surgery is 12 18": a month and a day with a space after such a noun and "is" / "on"
  ("my surgery is 12/18" was masked);
- "Procedure: Dec-21", "21-Dec": a short month and a day joined by a dash or dot.

Ordinary look-alikes stay: "F/U in 2 weeks", "my pain is 7 8 out of 10" (no noun for a booked
day), "Is the 3rd floor radiology desk ...", ages under 90 ("M/54"), "dose is 12 18 units".
Every pattern needs a figure, so they run only in the figure passes of the redaction.
"""

from __future__ import annotations

import re

from core.privacy.gates import gated
from core.privacy.identifiers import AGE_MARK, DATE_MARK

_OLD = r"(?:9\d|1[01]\d)"
# "F/94", "M / 91", "94/F": a sex letter and an age over 89 with a slash.
SEX_SLASH_AGE = re.compile(
    rf"(?<![\w/])(?P<sex>[MFmf])\s?/\s?(?P<age>{_OLD})(?![\w/.,]\d|[\w%])"
    rf"|(?<![\w/.,])(?P<age2>{_OLD})\s?/\s?(?P<sex2>[MFmf])(?![\w/])"
)
# "91Y", "91y", "91yr" (an age over 89 with its unit glued; "91 yrs" was read before).
AGE_WITH_Y = gated(
    re.compile(rf"(?<![\w.,/$#-]){_OLD}(?:[Yy]|yrs?|YRS?|Yrs?)(?![\w'\u2019/-])"),
    needles="0y 1y 2y 3y 4y 5y 6y 7y 8y 9y",
)
# A noun for a booked day, then "is" / "was" / "on" / "set for"...
_BOOKED = (
    r"(?P<cue>\b(?i:date|day|op|operation|surgery|procedure|appointment|appt|admission|"
    r"discharge|follow[\s-]?up|check[\s-]?up|scan|mri|biopsy|injection|infusion|consult|"
    r"consultation|visit|slot|booking|kyphoplasty|vertebroplasty)"
    r"(?:['\u2019]s|\s+(?i:is|was|will\s+be))?(?:\s+(?i:on|for|set\s+for|scheduled\s+for|"
    r"booked\s+for))?\s+)"
)
# "my date is the 22nd, right?" (the day ends the clause).
BOOKED_ORDINAL = gated(
    re.compile(
        _BOOKED + r"(?P<the>(?i:the)\s+)(?:[1-9]|[12]\d|3[01])(?i:st|nd|rd|th)"
        r"(?=\s*(?:[,.;!?)]|$|\s+(?i:right|correct|yes|ok|okay|and|but|so|then|at)\b))"
    ),
    words="date day op operation surgery procedure appointment appt admission discharge "
    "follow followup checkup check scan mri biopsy injection infusion consult consultation "
    "visit slot booking kyphoplasty vertebroplasty",
)
# "my surgery is 12 18": a month and a day with a space, after such a noun and "is" / "on".
BOOKED_MONTH_DAY = gated(
    re.compile(
        _BOOKED + r"(?P<date>(?:0?[1-9]|1[0-2])\s+(?:0?[1-9]|[12]\d|3[01]))"
        r"(?!\s*(?:[:.]\d|(?i:am|pm|a\.m|p\.m|o['\u2019]?clock|min|hour|hr|day|week|month|year|"
        r"unit|mg|ml|cc|%|percent|times|x\b))|[\w/.-]|\s+\d)"
    ),
    words="date day op operation surgery procedure appointment appt admission discharge "
    "follow followup checkup check scan mri biopsy injection infusion consult consultation "
    "visit slot booking kyphoplasty vertebroplasty",
)
_SHORT_MONTH = r"(?i:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
# "Dec-21", "dec.21", "21-Dec": a short month and a day joined (no year after).
MONTH_DASH_DAY = gated(
    re.compile(
        rf"\b{_SHORT_MONTH}[-.](?:0?[1-9]|[12]\d|3[01])(?![\w/.-]|-\d)"
        rf"|(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])-{_SHORT_MONTH}\b(?!-\d)"
    ),
    words="jan feb mar apr jun jul aug sep sept oct nov dec",
)


def _masked_sex_age(match: re.Match[str]) -> str:
    """The sex letter stays (no identifier), the age goes."""
    if match.group("sex"):
        return match.group("sex") + "/" + AGE_MARK
    return AGE_MARK + "/" + match.group("sex2")


def figure_passes(text: str) -> str:
    """The ages and dates this module describes, masked (the text holds a figure)."""
    if "/" in text:
        text = SEX_SLASH_AGE.sub(_masked_sex_age, text)
    text = AGE_WITH_Y.sub(AGE_MARK, text)
    text = BOOKED_ORDINAL.sub(lambda m: m.group("cue") + m.group("the") + DATE_MARK, text)
    text = BOOKED_MONTH_DAY.sub(lambda m: m.group("cue") + DATE_MARK, text)
    return MONTH_DASH_DAY.sub(DATE_MARK, text)
