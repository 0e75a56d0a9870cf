"""The commonest first names of the patients' generation, typed alone in a sentence, are names.

The name lists counted every census first name the English lexeme table also holds in lower
case as "a word too", so "Mary", "Robert", "John", "James", "Michael" alone without a cue were
kept ("I spoke with Robert yesterday"). Now a name written capitalised about 6x as often as
in lower case is mostly a name (core/privacy/data/first_names_mostly_names.txt, written by
ops/make_name_lists.py); real words that are names, places, faiths stay.
"""

from __future__ import annotations

import pytest

from core.privacy.names import NAME_MARK
from core.privacy.redaction import redact


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I spoke with Robert yesterday about the procedure", "Robert"),
        ("Michael will drive me home afterwards", "Michael"),
        ("is it ok if James stays with me overnight", "James"),
        ("Sarah is taking me to the appointment", "Sarah"),
        ("Mary helps me with my shower, can she come in", "Mary"),
        ("on Tuesdays Mary helps me get dressed", "Mary"),
        ("my neighbour says John had it done last year", "John"),
        ("can David sit with me during it", "David"),
        ("Thomas usually does my medications", "Thomas"),
        ("Richard wants to know if he can come in the room", "Richard"),
        ("I asked Charles to call you back", "Charles"),
        ("Paul is worried about the sedation", "Paul"),
    ],
)
def test_a_common_first_name_alone_is_masked(text: str, name: str) -> None:
    redacted = redact(text)
    assert name not in redacted
    assert NAME_MARK in redacted


@pytest.mark.parametrize(
    "text",
    [
        "Frank answer please, is it safe",
        "Rose from bed slowly after the procedure?",
        "Will Jesus Help Me Through This",
        "we winter in Florida, can I have it done there",
        "my cousin had it done in Paris",
        "who is taylor swift",
        "Grace period for the bill?",
        "May I drive after?",
        "Will I be awake?",
        "Mark the date for me",
    ],
)
def test_names_that_are_words_places_or_faiths_stay(text: str) -> None:
    assert redact(text) == text
