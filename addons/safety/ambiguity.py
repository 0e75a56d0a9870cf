"""The clarifying question: when a message fits two topics about equally, ask which one.

Why: for a patient-facing medical assistant a confident answer to the wrong question is worse
than a question back. Rasa's FallbackClassifier already turns a message whose top two intents
are close (or whose best intent is weak) into `nlu_fallback`; the generic "Sorry, I didn't
understand" then threw away what the model did know. This component runs after it: when the
fallback's two best candidates are both FAQ topics and both plausible, it adds the entities
`clarify_first` / `clarify_second` (the topics) and their button titles. The rule
"nlu_fallback with clarify_first" (data/rules.yml) answers with `utter_clarify`: "Did you
mean ...?" with the two topics as buttons (filled from the slots of the same names) and
"Something else". The intent stays `nlu_fallback`, so the question log and the two-misses
hand-off see a message that was not understood.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
)
from rasa.shared.nlu.training_data.message import Message

from core.vocabulary.topics import FAQ_TOPICS, TOPIC_QUESTIONS

FALLBACK_INTENT = "nlu_fallback"
# Both candidates must be this plausible to be offered (tuned on bench/real_questions.yml).
DEFAULT_MIN_FIRST = 0.25
DEFAULT_MIN_SECOND = 0.10


def candidates(message: Message, min_first: float, min_second: float) -> list[str] | None:
    """The two topics to offer for a fallback message, or None."""
    intent = message.get(INTENT) or {}
    if intent.get(INTENT_NAME_KEY) != FALLBACK_INTENT:
        return None
    ranking = [
        entry
        for entry in message.get(INTENT_RANKING_KEY) or []
        if entry.get(INTENT_NAME_KEY) != FALLBACK_INTENT
    ][:2]
    if len(ranking) < 2 or any(e.get(INTENT_NAME_KEY) not in FAQ_TOPICS for e in ranking):
        return None
    first, second = (float(e.get(PREDICTED_CONFIDENCE_KEY) or 0.0) for e in ranking)
    if first < min_first or second < min_second:
        return None
    return [str(ranking[0][INTENT_NAME_KEY]), str(ranking[1][INTENT_NAME_KEY])]


def _entity(name: str, value: str) -> dict[str, Any]:
    return {"entity": name, "value": value, "start": 0, "end": 0, "extractor": "AmbiguityClarifier"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class AmbiguityClarifier(GraphComponent, EntityExtractorMixin):
    """Marks a fallback message that fits two topics with the two topics to offer."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.min_first = float(config.get("min_first", DEFAULT_MIN_FIRST))
        self.min_second = float(config.get("min_second", DEFAULT_MIN_SECOND))

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"min_first": DEFAULT_MIN_FIRST, "min_second": DEFAULT_MIN_SECOND}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> AmbiguityClarifier:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            topics = candidates(message, self.min_first, self.min_second)
            if topics is None:
                continue
            first, second = topics
            added = [
                _entity("clarify_first", first),
                _entity("clarify_second", second),
                _entity("clarify_first_title", TOPIC_QUESTIONS[first]),
                _entity("clarify_second_title", TOPIC_QUESTIONS[second]),
            ]
            message.set(ENTITIES, [*message.get(ENTITIES, []), *added], add_to_output=True)
        return messages
