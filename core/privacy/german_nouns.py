"""German nouns are capitalised: in a German message they are no names.

Why: round 26's outside tester found "Ich habe Fragen zur Narkose" stored as "Ich habe [name
removed] zur [name removed]", and "Tut die Behandlung weh?" loses "Behandlung". The name rules
read a capitalised word in no list inside a sentence as a name; German writes every noun so.
In a message that holds German function words, a found name of one word that is in no list
of first names or surnames and ends as German nouns do (-ung, -keit, -ose, -en ...) is kept.
A name from the lists still goes ("Ich bin Helga Braun").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from core.privacy.gates import words_of

# Frequent German words that are no English words (nor names in the lists' sense): two of
# them make a message German ("die", "was", "will", "bin" are English words too: left out).
_GERMAN_WORDS_TEXT = """
ich habe hat haben nicht und ist sind das zur zum eine einen einer mein meine meiner meinem
meinen wie dauert tut weh sehr auch noch kann können konnen bitte danke für fur über uber wann
warum wir sie ihr mich mir nach vor wird werden soll muss darf gibt welche
"""
_GERMAN_WORDS = frozenset(_GERMAN_WORDS_TEXT.split())
_NOUN_ENDING = re.compile(
    r"(?:ung|ungen|keit|heit|schaft|ose|osen|ion|ionen|tät|nis|tum|en|er|e|haus|arzt|ärztin)$"
)
_WORD = re.compile(r"[^\W\d_]+")


def is_german(text: str) -> bool:
    """Does the message hold two or more of German's frequent function words?"""
    return len(_GERMAN_WORDS & words_of(text)) >= 2


def without_nouns(
    text: str, spans: list[tuple[int, int]], known: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """The spans without German nouns taken for names: in a German message, a span of one
    capitalised word that `known` (a first name or surname in the lists) does not know and
    that ends as a German noun does."""
    if not spans or not is_german(text):
        return spans
    kept = []
    for start, end in spans:
        words = _WORD.findall(text, start, end)
        noun = (
            len(words) == 1
            and words[0][:1].isupper()
            and not known(words[0])
            and _NOUN_ENDING.search(words[0].lower()) is not None
            # A name's cue before it, or another name found beside it, says it is a name
            # ("Ich bin Jürgen Köhler": neither is in the lists, both end as nouns do).
            and not _NAME_CUE_BEFORE.search(text, max(0, start - 30), start)
            and not any(_beside(span, (start, end), text) for span in spans)
        )
        if not noun:
            kept.append((start, end))
    return kept


# "Ich bin", "ich heiße", "mein Name ist", "Herr", "Frau", "meine Mutter", "mein Mann"...
_NAME_CUE_BEFORE = re.compile(
    r"\b(?:ich\s+bin|ich\s+hei(?:ß|ss)e|(?:mein|sein|ihr)\s+name\s+ist|name\s*:|herr|frau|dr\.?|"
    r"(?:mein|meine|meinem|meinen|meiner|unser|unsere)\s+(?:mann|frau|mutter|vater|sohn|tochter|"
    r"bruder|schwester|enkel|enkelin|oma|opa|nachbar|nachbarin|tante|onkel))\s+$",
    re.IGNORECASE,
)


def _beside(span: tuple[int, int], other: tuple[int, int], text: str) -> bool:
    """Are the two spans two words of one name: only a space between them?"""
    if span == other:
        return False
    gap = text[span[1] : other[0]] if span[1] <= other[0] else text[other[1] : span[0]]
    return 0 < len(gap) <= 2 and not gap.strip()
