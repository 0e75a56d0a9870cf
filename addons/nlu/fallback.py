"""Rasa's FallbackClassifier with a lower bar for small talk than for medical answers.

Why: the fallback threshold (0.55) is set for topic answers, where a confident wrong answer
about a medical procedure is the worst outcome (bench/NOTES.md: 0.50 lets more wrong topics
through on real questions). The same bar made "hi friend", "much appreciated" or "what sort
of things can i ask" fall back although the model had them right: with both models agreeing
(addons/nlu/agreement.py) short small-talk messages rarely reach 0.55. A reply to a greeting,
a thank-you, "what can you do", the contact details or "I can only answer questions about
vertebroplasty" carries no medical fact and changes no state, so a weaker reading is good
enough for them. Intents that change the conversation's state keep the full bar: `affirm`
and `deny` answer the call-back form's consent question, `stop` cancels the form,
`request_callback` starts it; and so do `emergency`, `not_covered` and `follow_up`, which
the safety nets and the follow-up reader decide.

The ambiguity rule (top two closer than `ambiguity_threshold`) is unchanged for every intent.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.fallback_classifier import THRESHOLD_KEY, FallbackClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY
from rasa.shared.nlu.training_data.message import Message

from core.vocabulary.topics import SMALL_TALK_INTENTS

SMALL_TALK_THRESHOLD_KEY = "small_talk_threshold"
# Measured on the patient-typed held-out set and the development set (bench/NOTES.md, issue 24).
DEFAULT_SMALL_TALK_THRESHOLD = 0.40


def threshold_for(intent: str | None, threshold: float, small_talk_threshold: float) -> float:
    """The confidence an intent needs to be kept: the lower bar only for small talk."""
    return small_talk_threshold if intent in SMALL_TALK_INTENTS else threshold


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class RiskAwareFallback(FallbackClassifier):
    """Falls back below `threshold`, or below `small_talk_threshold` for small talk."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **FallbackClassifier.get_default_config(),
            SMALL_TALK_THRESHOLD_KEY: DEFAULT_SMALL_TALK_THRESHOLD,
        }

    def _nlu_confidence_below_threshold(self, message: Message) -> tuple[bool, float]:
        intent = message.data.get(INTENT) or {}
        confidence = float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
        needed = threshold_for(
            intent.get(INTENT_NAME_KEY),
            float(self.component_config[THRESHOLD_KEY]),
            float(
                self.component_config.get(SMALL_TALK_THRESHOLD_KEY, DEFAULT_SMALL_TALK_THRESHOLD)
            ),
        )
        return confidence < needed, confidence
