"""The NLU component that shows the classifiers the question, not the whole message.

First in the pipeline (config.yml): the text the tokenizer, featurizers and DIET read becomes
`questions.focus(text)`, with slips of the page's topic words corrected
(addons/safety/spelling.py): without phone numbers, e-mail addresses and other personal details,
and, for a long message, only its last two questions. The patient's whole message is kept
under `full_text` for the safety nets (addons/safety/override.py): a red flag in the story before
the question must still raise the emergency. The stored message (the transcript, the
question log) is always what the patient wrote, redacted.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.cleaning.questions import focus
from addons.safety.spelling import correct_topic_words

FULL_TEXT = "full_text"


def full_text(message: Message) -> str | None:
    """The patient's whole message, before the focus (or the text if there was none)."""
    value = message.get(FULL_TEXT)
    return value if isinstance(value, str) else message.get(TEXT)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class QuestionFocus(GraphComponent):
    """Replaces the text the classifiers read with the message's question(s), PII removed."""

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
    ) -> QuestionFocus:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str) or not text:
                continue
            focused = correct_topic_words(focus(text))
            if focused != text:
                message.set(FULL_TEXT, text)
                message.set(TEXT, focused)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Training examples are single questions already: read as they are."""
        return training_data
