"""Names inside hashtags ("#TeamHarold", "#PrayersForEdith").

Why: families post a hashtag for the person they pray for or cheer on, and paste it into the
chat; the name in it was stored raw (round 24's outside tester) because no name rule reads a
word joined to others in CamelCase. A hashtag whose parts hold a first name that is no
ordinary word goes whole, as a name ("#MondayMotivation", "#BlessedAndGrateful" stay).

Round 25 (r25n): a tag typed in lower case holds its name the same way
("#getwellsoonbartholomew", "#prayersfordesmond", ht06/ht11: stored raw): the tag is read as
ordinary words and one first name (or surname) of four letters or more that is no word, end
to end ("#vertebroplasty", "#mondaymotivation", "#throwbackthursday" stay). And a handle
joined by "_" to a name's mark goes whole ("nadia_kowalczyk_77" kept "_kowalczyk_77" after
the first name went, ht07).
"""

from __future__ import annotations

import re

from core.privacy.gates import gated
from core.privacy.names import NAME_MARK, is_first_name, is_surname, ordinary

HASHTAG = gated(re.compile(r"(?<![\w&#])#(?P<tag>[^\W\d_]\w{2,})"), needles="#")
# The parts of a CamelCase tag: a capital and its small letters, or a run of small letters.
_PART = re.compile(r"[A-Z][a-z]+|[a-z]+")


def _names_someone(tag: str) -> bool:
    if tag.islower():
        return _words_and_a_name(tag)
    parts = _PART.findall(tag)
    return len(parts) > 1 and any(is_first_name(part) and not ordinary(part) for part in parts)


def _name_part(part: str) -> bool:
    """A first name of four letters or more, or a census surname of five ("bartholomew" is
    one), that is no ordinary word."""
    if len(part) < 4 or ordinary(part):
        return False
    return is_first_name(part) or (len(part) >= 5 and is_surname(part))


def _words_and_a_name(tag: str) -> bool:
    """Can the lower-case tag be cut into ordinary words and at least one first name that is
    no word? (Cuts end to end: `ends[i]` says whether tag[:i] can be cut, and with a name.)"""
    if not tag.isalpha() or len(tag) > 40:
        return False
    ends: list[tuple[bool, bool]] = [(True, False)] + [(False, False)] * len(tag)
    for end in range(1, len(tag) + 1):
        for start in range(max(0, end - 15), end):
            can, named = ends[start]
            if not can:
                continue
            part = tag[start:end]
            if _name_part(part):
                ends[end] = (True, True)
                break
            if (len(part) > 1 or part == "a") and ordinary(part):
                ends[end] = (True, named or ends[end][1])
    return ends[-1] == (True, True)


# A handle's other parts joined to a name's mark by "_" ("[name removed]_kowalczyk_77").
HANDLE_AROUND_MARK = gated(
    re.compile(
        r"(?<![\w.@])(?:[A-Za-z0-9]+_)*" + re.escape(NAME_MARK) + r"(?:_[A-Za-z0-9]+)+"
        r"|(?<![\w.@])(?:[A-Za-z0-9]+_)+" + re.escape(NAME_MARK)
    ),
    needles="[name",
)


def masked(text: str) -> str:
    """The text with each hashtag that holds a first name replaced by the name's mark, and a
    handle joined to a name's mark masked whole."""
    if "#" in text:
        text = HASHTAG.sub(
            lambda found: NAME_MARK if _names_someone(found.group("tag")) else found.group(), text
        )
    return HANDLE_AROUND_MARK.sub(NAME_MARK, text) if "_" in text else text
