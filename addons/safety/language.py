"""English-only guard: messages in another language get the "outside what I can help with" reply.

Why: the assistant's answers are written, checked and approved in English. The classifier
learns intents from character n-grams, and "Quanto tempo dura o procedimento?" shares enough
of them with "how long does the procedure take" to be answered in English as if understood
(bench/results.md, false-answer rate). A patient writing in Portuguese gets more from "I can
only help in English, here is how to reach a person" than from an English answer to a question
we only guessed at.

How: deterministic and offline, from word lists already installed with spaCy.
- Mostly non-Latin letters (Cyrillic, Chinese, Arabic, ...): not English.
- Latin letters: count the words that are stop words of another language that spaCy knows
  (French, Spanish, German, ...) but are not English words (spaCy's English stop words and
  the forms in the English lemma table of spacy-lookups-data). Two such words and more of
  them than English stop words, or one such word with letters English does not use (é, ñ,
  ã, ß, ...) and no English stop word, mark the message as another language.

It only ever lowers a message to `out_of_scope`, and runs before the red-flag classifier, so
an English red-flag phrase in a mixed message still raises `emergency`.
"""

from __future__ import annotations

import gzip
import importlib
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy_lookups_data
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from spacy.lang.en.stop_words import STOP_WORDS

from addons.cleaning.text import fold
from addons.safety.language_words import WORDS
from addons.safety.override import IntentOverride

OUT_OF_SCOPE_INTENT = "out_of_scope"
LANGUAGE_KEY = "language"
# The entity that sends "I can only help in English" (the rule "a message in another
# language"); an English message outside the topic gets the topics without that line.
LANGUAGE_ENTITY = "other_language"
# Languages whose stop words are checked: the ones the hospital's patients most often write
# in that use Latin letters. Non-Latin scripts are caught by the script check.
LATIN_LANGUAGES = ("fr", "es", "de", "pt", "it", "nl", "pl", "ro", "tr", "vi", "id", "tl",
                   "sv", "da", "nb", "fi", "cs", "sk", "hr", "hu", "ca")  # fmt: skip
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Letters only Polish uses among the languages checked (not "ć": Croatian has it too). Why:
# "trudno mi oddychać od rana" has Spanish "mi" and was read as Spanish (issue 23).
POLISH_LETTERS = re.compile("[ąęłńśźż]")
# Latin and French phrases that English speakers use; removed before counting.
ENGLISH_LOANS = re.compile(
    r"\b(de novo|in situ|in vitro|in vivo|per se|vice versa|et al|ad hoc|a la|"
    r"de facto|status quo|pro bono|bona fide|via|vs)\b"
)


def english_words() -> frozenset[str]:
    """English stop words plus every word form in the English lemma table.

    Not cached: it is only needed to build `foreign_stop_words` (cached), and holding the
    67,000 English forms for the life of the server would only cost memory.
    """
    table = Path(spacy_lookups_data.__file__).parent / "data" / "en_lemma_lookup.json.gz"
    with gzip.open(table, "rt", encoding="utf-8") as handle:
        lookup: dict[str, str] = json.load(handle)
    return frozenset(STOP_WORDS) | frozenset(lookup) | frozenset(lookup.values())


@lru_cache(maxsize=1)
def foreign_stop_words() -> dict[str, frozenset[str]]:
    """Per language, its stop words that are not also English words."""
    english = english_words()
    words: dict[str, frozenset[str]] = {}
    for code in LATIN_LANGUAGES:
        stop_words = importlib.import_module(f"spacy.lang.{code}.stop_words").STOP_WORDS
        single = {w.lower() for w in stop_words if " " not in w}
        words[code] = frozenset(single - english)
    return words


def _is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def detect_other_language(text: str | None) -> str | None:
    """A language code (or "non-latin") when the text is clearly not English, else None."""
    if not text:
        return None
    letters = [c for c in text if c.isalpha()]
    non_latin = sum(not _is_latin(c) for c in letters)
    if non_latin >= 2 and non_latin * 2 >= len(letters):
        return "non-latin"
    lowered = ENGLISH_LOANS.sub(" ", text.lower().replace("\u2019", "'"))
    words = WORD.findall(lowered)
    if not words:
        return None
    if POLISH_LETTERS.search(lowered):
        return "pl"
    english_hits = sum(w in STOP_WORDS for w in words)
    # Also count the parts of elided forms such as "qu'est" or "l'opération".
    parts = words + [p for w in words if "'" in w for p in w.split("'")]
    hits = {code: sum(p in stop for p in parts) for code, stop in foreign_stop_words().items()}
    code, best = max(hits.items(), key=lambda item: item[1])
    accented = any(not c.isascii() and _is_latin(c) for c in lowered)
    if best >= 2 and best > english_hits:
        return code
    if best >= 1 and accented and english_hits == 0:
        # One stop word is weak evidence: "mi" is Spanish and Polish (issue 23).
        return replied_language(words, english_hits) or code
    return replied_language(words, english_hits)


def replied_language(words: list[str], english_hits: int) -> str | None:
    """Spanish, Portuguese or Polish by their everyday words (language_words.py), or None.

    Two of a language's words and more than the English stop words; in a message of three
    words or fewer, one is enough when no English stop word is there ("¿duele?").
    """
    folded = [fold(w) for w in words]
    hits = {code: sum(w in vocabulary for w in folded) for code, vocabulary in WORDS.items()}
    code, best = max(hits.items(), key=lambda item: item[1])
    if best >= 2 and best > english_hits:
        return code
    if best >= 1 and english_hits == 0 and len(words) <= 3:
        return code
    return None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class EnglishOnlyGuard(IntentOverride):
    """Sets `out_of_scope` for messages written in another language."""

    intent = OUT_OF_SCOPE_INTENT
    reason_key = LANGUAGE_KEY
    marker_entity = LANGUAGE_ENTITY

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        foreign_stop_words()  # load the word lists at start-up, not on the first message

    def reason(self, text: str | None) -> str | None:
        return detect_other_language(text)
