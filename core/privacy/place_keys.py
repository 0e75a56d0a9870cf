"""Round 25 (r25e, round 24's city122, city125, mixe488): a town typed with its accent or its
apostrophe is the listed town.

The US postal list (data/place_names.txt, ops/make_place_list.py) is plain ASCII: the Post
Office writes "Espanola" for Española, NM and "Coeur d Alene" for Coeur d'Alene, ID. Patients
type the town as it is spelled ("Española, NM is where my abuela lives", "my dad's in Coeur
d'Alene", "from española"), and every rule that asked the list whether a phrase is a town said
no. `PlaceNames` is the list's set with a membership test that, when the phrase is not found as
typed, tries it again folded the Post Office's way: accents dropped (NFKD, combining marks
removed), an apostrophe read as a space ("d'alene" -> "d alene") or as nothing ("o'neill").
Plain ASCII phrases without an apostrophe pay one extra `isascii` test on a miss only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from core.privacy.identifiers import ADDRESS_MARK

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "`": "'"})


def place_key(phrase: str) -> str:
    """The phrase folded the way the postal list writes names: no accents, "'" as typed."""
    if not phrase.isascii():
        decomposed = unicodedata.normalize("NFKD", phrase.translate(_APOSTROPHES))
        phrase = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return phrase


class PlaceNames(frozenset[str]):
    """The lower-case US postal place names; `in` also finds a name typed with its accents
    or its apostrophe ("española", "coeur d'alene")."""

    __slots__ = ()

    def __new__(cls, names: Iterable[str]) -> PlaceNames:
        return super().__new__(cls, names)

    def __contains__(self, phrase: object) -> bool:
        if frozenset.__contains__(self, phrase):
            return True
        if not isinstance(phrase, str) or (phrase.isascii() and "'" not in phrase):
            return False
        key = place_key(phrase)
        if key != phrase and frozenset.__contains__(self, key):
            return True
        if "'" not in key:
            return False
        return frozenset.__contains__(self, key.replace("'", " ")) or frozenset.__contains__(
            self, key.replace("'", "")
        )


# The rules that find a town after a cue read capitalised words ("[A-Z][\w'-]*"), so "Coeur
# d'Alene" was read as "Coeur" (no town) and "from española" as no capital at all. This pass
# reads the phrase after a cue of where (in, from, near, to, outside, around) when the phrase
# holds an accent or an apostrophe inside a word, and masks the longest run of one to three
# words that the postal list holds once folded. A lone lower-case word must be no ordinary word
# ("from española" goes; "in español" is no listed town). "O'Neill", "O'Brien" are listed towns
# but far more often surnames (a clinician's after "to"): a phrase opening with "O'" stays.
_WORD = r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*"
_CUED_PHRASE = re.compile(
    r"(?P<cue>\b(?i:in|from|near|to|outside|around|of)\s+)"
    rf"(?P<town>{_WORD}(?:[ \t]+{_WORD}){{0,2}})"
)
# Cheap test first: a letter that is no ASCII, or an apostrophe between two letters.
_APOSTROPHE_IN_WORD = re.compile(r"[^\W\d_]['\u2019][^\W\d_]")


def _folded_town_end(town: str) -> int:
    """Where the longest leading run of 1-3 words of `town` that is a listed place, typed with
    an accent or an apostrophe, ends (0 when none)."""
    from core.privacy.names import ordinary
    from core.privacy.places import place_names

    words = list(re.finditer(_WORD, town))
    places = place_names()
    for count in (3, 2, 1):
        if len(words) < count:
            continue
        phrase = town[: words[count - 1].end()]
        if phrase.isascii() and not _APOSTROPHE_IN_WORD.search(phrase):
            continue  # the other rules read plain names
        key = " ".join(word.group().lower() for word in words[:count])
        if key.startswith(("o'", "o\u2019")) or key not in places:
            continue
        if count == 1 and (ordinary(place_key(key)) or ordinary(key)) and not town[0].isupper():
            continue
        return words[count - 1].end()
    return 0


def _masked_cued_town(match: re.Match[str]) -> str:
    town = match.group("town")
    end = _folded_town_end(town)
    return match.group("cue") + ADDRESS_MARK + town[end:] if end else match.group()


def might_fold(text: str) -> bool:
    """Could `masked` change the text (no ASCII letter, or an apostrophe inside a word)?"""
    if text.isascii():
        return ("'" in text or "\u2019" in text) and _APOSTROPHE_IN_WORD.search(text) is not None
    return True


def masked(text: str) -> str:
    """The text with each town typed with its accent or apostrophe after a cue of where masked
    ("my dad's in [address removed], can he...", "from [address removed]")."""
    return _CUED_PHRASE.sub(_masked_cued_town, text) if might_fold(text) else text
