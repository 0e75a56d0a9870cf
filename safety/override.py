"""Setting a message's intent with full confidence: shared by the deterministic safety nets."""

from __future__ import annotations

from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
)
from rasa.shared.nlu.training_data.message import Message


def override_intent(message: Message, intent: str, reason_key: str, reason: str) -> None:
    """Make `intent` the message's intent at confidence 1.0 and record why under `reason_key`.

    The classifier's ranking is kept (at confidence 0) so staff can still see what the model
    thought, and FallbackClassifier, which runs later, leaves a confident intent alone.
    """
    chosen = {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}
    ranking = [chosen] + [
        dict(entry, **{PREDICTED_CONFIDENCE_KEY: 0.0})
        for entry in message.get(INTENT_RANKING_KEY) or []
        if entry.get(INTENT_NAME_KEY) != intent
    ]
    message.set(INTENT, chosen, add_to_output=True)
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
    message.set(reason_key, reason, add_to_output=True)
