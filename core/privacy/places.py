"""Round 12 (i21s): towns after a cue of where a person is, named homes, corners without a
street word, and a corrected house number.

Why a list: "I'm in Harwinton", "we're over in terryville", "coming up from Naugatuck" hold a
town (Safe Harbor counts it) that no shape gives away; the US postal place names
(data/place_names.txt, ops/make_place_list.py) say which words are one. The list is read
lazily: only a message with a cue of a person's where pays for it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from core.privacy.identifiers import ADDRESS_MARK
from core.privacy.names import ordinary

DATA = Path(__file__).resolve().parent / "data" / "place_names.txt"


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every US postal place name, lower case (read once, on first use)."""
    lines = DATA.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


# Substrings one of which every PERSON_WHERE match holds (tested first on the lower-cased text).
WHERE_WORDS = ("'m ", "\u2019m ", "im ", "'re ", "\u2019re ", "'s ", "\u2019s ", " am ", " are ",
               " is ", "mov", "driv", "com", "came", "originally", "relocat", "head", "stay")  # fmt: skip
_BEING = (
    r"(?:i['\u2019]?m|i\s+am|we['\u2019]?re|we\s+are|she['\u2019]?s|she\s+is|he['\u2019]?s|"
    r"he\s+is|they['\u2019]?re|they\s+are|(?:i|we|they)\s+stay|(?:she|he)\s+stays)"
)
# "I'm in Harwinton", "we're over in terryville", "she moved to Oakville", "we'll be driving
# from Torrington", "coming up from Naugatuck", "originally from Wolcott": a person's where.
PERSON_WHERE = re.compile(
    rf"(?P<cue>\b(?i:{_BEING}\s+(?:(?:over|out|up|down|right|just|still|now)\s+)?(?:in|near)"
    r"|(?:moved|moving|move|relocated|relocating)\s+(?:back\s+)?(?:to|from)"
    r"|(?:driving|coming|came|come|travell?ing|flying|heading|commuting|moved|moving)\s+"
    r"(?:(?:up|down|over|in|out|all\s+the\s+way)\s+)?from"
    r"|originally\s+from)\s+)"
    r"(?P<town>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2})"
)
# "[address removed], in harwinton", "[address removed] area, southington", "[address
# removed], Forestville": a place name in any case after a masked address.
PLACE_AFTER_MASK = re.compile(
    re.escape(ADDRESS_MARK) + r"(?P<cue>(?:\s+area)?,?\s+(?:(?i:over|out|up|down)\s+)?"
    r"(?:(?i:in|near)\s+)?)(?P<town>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2})"
)
# "at Bristol Hospital": the hospital's name is no one's where.
_INSTITUTION = re.compile(r"\s+(?i:hospital|clinic|medical|health|center|centre|campus)\b")


def _place_words(town: str) -> int:
    """The length of the longest leading run of 1-3 words of `town` that is a place name
    (an ordinary word in lower case is none: "we're in pain", "near the library")."""
    words = list(re.finditer(r"[^\W\d_][\w'-]*", town))
    places = place_names()
    for count in (3, 2, 1):
        if len(words) < count:
            continue
        phrase = " ".join(word.group().lower() for word in words[:count])
        first = words[0].group()
        if phrase in places and (count > 1 or first[0].isupper() or not ordinary(first)):
            end = words[count - 1].end()
            return 0 if _INSTITUTION.match(town, end) else end
    return 0


def masked_place(match: re.Match[str]) -> str:
    """PERSON_WHERE's and PLACE_AFTER_MASK's replacement: the place name goes, the cue stays."""
    town = match.group("town")
    end = _place_words(town)
    head = match.group()[: match.start("town") - match.start()]
    return head + ADDRESS_MARK + town[end:] if end else match.group()


def might_place(lower: str) -> bool:
    """Substring tests (cheap) that every PERSON_WHERE match passes, on the lower-cased text."""
    return any(word in lower for word in WHERE_WORDS) and (
        " in " in lower or " near " in lower or "from " in lower or " to " in lower
    )


def has_person_where(text: str, lower: str) -> bool:
    """Does the text name a place after a cue of a person's where (the gate for _has_detail)?"""
    return might_place(lower) and any(masked_place(m) != m.group() for m in PERSON_WHERE.finditer(text))
