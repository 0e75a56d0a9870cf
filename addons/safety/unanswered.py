"""A clear question that nothing answers: the hand-off, not "Sorry, I didn't understand".

Why: "I take warfarin, is that a problem?", "will I need physio after?" or "do you do
kyphoplasty as well?" are plain English questions the page does not answer. No topic fitted,
no clarifying question was asked and no sentence of the page answered them, so they got the
fallback: "I didn't quite understand, put it another way", the menu, and no way to a person
(issue 24). Asking a patient to rephrase a question we understood well enough to know we
cannot answer wastes their turn; the honest reply is "I can't find that on the page" and the
department's contact details: the `not_covered` rule.

The fallback menu stays for what is not a clear question: gibberish, a word or two, a message
mostly of words that are not English. Runs last in the pipeline, so the clarifying question
and the page passages come first, and only a message still left as a bare `nlu_fallback` is
considered.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY
from rasa.shared.nlu.training_data.message import Message

from addons.cleaning.questions import is_question, sentences
from addons.cleaning.text import fold
from addons.safety.language import english_words
from addons.safety.override import IntentOverride

NOT_COVERED_INTENT = "not_covered"
FALLBACK_INTENT = "nlu_fallback"
REASON_KEY = "unanswered_question"
# A fallback carrying one of these has its own reply (the clarifying question, a page passage).
ANSWERED_BY = frozenset({"clarify_first", "page_passage"})
MIN_WORDS = 4
# Share of the words that must be English words: "asdf qwer zxcv uiop?" is not a question.
MIN_ENGLISH_SHARE = 0.75
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# A question word anywhere ("i take warfarin is that a problem"): patients drop the "?".
ASKS = re.compile(
    r"\b(how|what|whats|when|where|why|who|which|is|are|am|can|could|will|would|do|does|"
    r"did|should|may|might|must)\b"
)


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    """The English word forms, kept: `english_words` re-reads its table on every call (it
    only builds a cached list elsewhere), and this net looks words up on every fallback."""
    return english_words()


def clear_question(text: str | None) -> str | None:
    """ "question" when the text reads as a clear English question, else None."""
    if not text:
        return None
    lowered = fold(text).lower().replace("\u2019", "'")
    words = WORD.findall(lowered)
    if len(words) < MIN_WORDS:
        return None
    known = sum(w in _english() or w.split("'")[0] in _english() for w in words)
    if known < MIN_ENGLISH_SHARE * len(words):
        return None
    asks = any(is_question(s) for s in sentences(text)) or ASKS.search(lowered)
    return "question" if asks else None


def unresolved(message: Message) -> bool:
    """Still a bare fallback: no clarifying question and no page passage to give."""
    intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
    marks = {entity.get("entity") for entity in message.get(ENTITIES) or []}
    return intent == FALLBACK_INTENT and not marks & ANSWERED_BY


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class UnansweredQuestionHandOff(IntentOverride):
    """Sets `not_covered` for a clear question that no topic or passage answers."""

    intent = NOT_COVERED_INTENT
    reason_key = REASON_KEY

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        _english()  # load the word list at start-up, not on the first message

    def reason(self, text: str | None) -> str | None:
        return clear_question(text)

    def process(self, messages: list[Message]) -> list[Message]:
        super().process([message for message in messages if unresolved(message)])
        return messages
