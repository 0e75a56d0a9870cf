"""A month's abbreviation is no name where a month is meant (issue 21, round 27, r27n).

Why: "Jan" is a first name, and the name rules read "Is Jan or Feb better for booking?" as two
people (s370: both masked). A month's short form ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
"Aug", "Sep", "Sept", "Oct", "Nov", "Dec") is a month where the words beside it say so: another
month joined to it by "or", "and", "to", "-", "/" or a comma ("Jan or Feb", "Sept-Oct"), or a
word that places a time before it ("in Jan", "by Feb", "until Mar", "early Jan", "end of
Jan", "next Aug"). "Jan said", "ask Jan", "Jan Kowalski" have no such word and stay names.
"""

from __future__ import annotations

import re

_SHORT = "jan feb mar apr jun jul aug sep sept oct nov dec"
SHORT_MONTHS = frozenset(_SHORT.split())
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_JOIN = r"[ \t]*(?:or|and|to|thru|through|till|until|[-\u2013/,&])[ \t]*"
# Another month joined after, or before, the short form.
_MONTH_AFTER = re.compile(rf"\.?{_JOIN}{_MONTH}(?![\w'\u2019])", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"(?<![\w'\u2019]){_MONTH}{_JOIN}$", re.IGNORECASE)
_MONTH_RANGE = re.compile(rf"{_MONTH}(?:[-\u2013/]{_MONTH})+", re.IGNORECASE)
# A word that places a time right before it.
_TIME_WORD_BEFORE = re.compile(
    r"(?<![\w'\u2019])(?:in|by|until|till|til|since|during|early|late|mid|end[ \t]+of|"
    r"start[ \t]+of|beginning[ \t]+of|middle[ \t]+of|next|this|last|every|each)[ \t-]+$",
    re.IGNORECASE,
)


def month_meant(text: str, start: int, end: int) -> bool:
    """The text's `start:end` is a month's short form where the words beside say a month."""
    said = text[start:end].lower().rstrip(".")
    if _MONTH_RANGE.fullmatch(said) and any(p in SHORT_MONTHS for p in re.split(r"\W+", said)):
        return True  # "Feb-Mar", "Sept/Oct": months joined in one word
    if said not in SHORT_MONTHS:
        return False
    if text.startswith("'", end) or text.startswith("\u2019", end):
        return False  # "in Jan's car": a person's
    before = text[max(0, start - 40) : start]
    return bool(
        _MONTH_AFTER.match(text, end)
        or _MONTH_BEFORE.search(before)
        or _TIME_WORD_BEFORE.search(before)
    )


def kept(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans less the months' short forms meant as months. Only the spans' own words are
    looked at first (a set lookup each), so a text naming no month pays next to nothing."""
    if not any(_may_be_month(text[s:e]) for s, e in spans):
        return spans
    return [(s, e) for s, e in spans if not month_meant(text, s, e)]


def _may_be_month(said: str) -> bool:
    low = said.lower().rstrip(".")
    return low in SHORT_MONTHS or (len(low) < 20 and bool(_MONTH_RANGE.fullmatch(low)))
