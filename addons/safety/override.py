"""Deterministic safety nets that override the classifier's intent: the shared part.

Each net (red flags, other languages) only decides *whether* a message text calls for its
intent and why; this module sets the intent with full confidence and records the reason.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
)
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.focus import full_text


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


class IntentOverride(GraphComponent, IntentClassifier):
    """Base of the safety-net components: `intent` when `reason(text)` gives a reason.

    Subclasses set `intent` and `reason_key` and implement `reason`; they are registered with
    Rasa's recipe themselves (this base is not a pipeline component). A net whose intent has
    more than one reply sets `marker_entity`: the reason is then also an entity of that name,
    which a rule can ask for (rules read entities, not the parse's other keys).
    """

    intent: str
    reason_key: str
    marker_entity: str | None = None

    def __init__(self, config: dict[str, Any]) -> None:
        self.component_config = config

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> IntentOverride:
        return cls(config)

    def reason(self, text: str | None) -> str | None:
        """Why the message gets `intent` (staff see it in the logs), or None."""
        raise NotImplementedError

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            # The whole message: a red flag in the story before the question counts.
            reason = self.reason(full_text(message))
            if reason is not None:
                override_intent(message, self.intent, self.reason_key, reason)
                if self.marker_entity is not None:
                    entity = {"entity": self.marker_entity, "value": reason, "start": 0, "end": 0}
                    message.set(ENTITIES, [*message.get(ENTITIES, []), entity], add_to_output=True)
        return messages
