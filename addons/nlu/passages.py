"""The page's own words when no topic fits: quote the sentence of the page that answers.

Why: some questions the page does answer fit none of the written topics well enough for the
classifiers ("does a fracture heal on its own?", "will it stop me losing height?"), so they got
the fallback although the answer is on the page. This component runs last: for a message
the classifiers could not place (`nlu_fallback`, with or without the clarifying question),
it finds the page sentence most like the question (TF-IDF over the page's passages, cosine
similarity) and, when that passage is one an approved answer restates, belongs to one of the
classifiers' two best topics, and is above a threshold measured on the development set for
wrong passages (bench/NOTES.md), adds the entity `page_passage` with that passage's id. The
rule "nlu_fallback with page_passage" (data/rules.yml) answers with `utter_page_passage`, whose
variation for that id quotes the passage, marked as the page's own words, with the passage as
its `metadata.source` (ops/generate_passages.py writes them). The intent stays `nlu_fallback`, so
the question log still shows a question no written answer fitted.

Never for what the page cannot answer: red flags and other procedures are not fallbacks (their
nets set their own intents), and a fallback message about costs, fasting, medicines or driving
(NOT_ANSWERABLE), or whose best guess is "not covered" or off topic, keeps its hand-off.
The passages are read from domain.yml at training time and stored in the model.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml
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
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from addons.cleaning.text import fold
from addons.nlu.artifacts import load_artifact, save_artifact
from core.content.passages import topics_of_passages

logger = logging.getLogger(__name__)

FALLBACK_INTENT = "nlu_fallback"
ENTITY = "page_passage"
RESPONSE = "utter_page_passage"
CLARIFY_ENTITIES = frozenset(
    {"clarify_first", "clarify_second", "clarify_first_title", "clarify_second_title"}
)
MODEL_FILE = "page_passages.pkl"
# Measured on bench/real_questions.yml (bench/NOTES.md, "Page passages"): below these, more
# quoted passages were wrong than right.
DEFAULT_MIN_SIMILARITY = 0.50
# The quoted passage must belong to one of the classifiers' best topics (a second opinion).
DEFAULT_AGREEMENT_DEPTH = 2
# A fallback whose best guess is one of these is not a question the page answers.
NOT_ANSWERING_INTENTS = frozenset({"not_covered", "out_of_scope", "emergency", "contact"})
# What the page never answers, however close a sentence looks: those keep their hand-off.
NOT_ANSWERABLE = re.compile(
    r"\b(cost\w*|price\w*|pay|paying|charge\w*|fee\w*|afford\w*|fast|fasting|eat\w*|"
    r"drink\w*|food|medicines?|medications?|drugs?|pills?|blood\s+thinners?|aspirin|warfarin|"
    r"stop\s+taking|driv\w*|car|flight|fly|flying|pregnan\w*|breast\s?feed\w*)\b"
)
# Words every passage shares or that carry no meaning here: they would make any question look
# like any passage.
DOMAIN_STOP_WORDS = frozenset(
    {"vertebroplasty", "kyphoplasty", "procedure", "patient", "patients", "doctor", "people"}
)
_SUFFIX = re.compile(r"(ing|ed|es|s)$")
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """Lower-case words without stop words, crudely stemmed ("heals", "healing" -> "heal")."""
    kept = []
    for word in _WORD.findall(fold(text).lower()):
        if word in ENGLISH_STOP_WORDS or word in DOMAIN_STOP_WORDS or len(word) < 2:
            continue
        kept.append(_SUFFIX.sub("", word) if len(word) > 4 else word)
    return kept


@dataclass
class PassageIndex:
    """The page's passages by id, and the TF-IDF model that compares a question with them."""

    ids: list[str]
    passages: list[str]
    topics: dict[str, set[str]]
    vectorizer: TfidfVectorizer
    matrix: Any

    @classmethod
    def build(
        cls, passages: dict[str, str], topics: dict[str, set[str]] | None = None
    ) -> PassageIndex:
        """`topics`: passage id -> the topics whose answers restate it (quotable only then)."""
        ids = list(passages)
        texts = [passages[i] for i in ids]
        vectorizer = TfidfVectorizer(analyzer=words, ngram_range=(1, 1), sublinear_tf=True)
        matrix = vectorizer.fit_transform(texts)
        return cls(
            ids=ids, passages=texts, topics=topics or {}, vectorizer=vectorizer, matrix=matrix
        )

    def best(self, question: str) -> tuple[str, float]:
        """(passage id, cosine similarity) of the passage most like the question."""
        vector = self.vectorizer.transform([question])
        if vector.nnz == 0:
            return self.ids[0], 0.0
        similarities = (self.matrix @ vector.T).toarray().ravel()
        best = int(np.argmax(similarities))
        return self.ids[best], float(similarities[best])


def passage_topics_by_id(domain: dict[str, Any]) -> dict[str, set[str]]:
    """passage id -> the topics whose approved answers restate that passage."""
    passages = domain_passages(domain)
    by_text = topics_of_passages(passages.values(), domain.get("responses") or {})
    return {passage_id: by_text[text] for passage_id, text in passages.items()}


def agrees(message: Message, topics: set[str], depth: int) -> bool:
    """The passage belongs to one of the classifiers' `depth` best topics."""
    ranked = [
        e.get(INTENT_NAME_KEY)
        for e in message.get(INTENT_RANKING_KEY) or []
        if e.get(INTENT_NAME_KEY) != FALLBACK_INTENT
    ]
    return bool(topics & set(ranked[:depth]))


def domain_passages(domain: dict[str, Any]) -> dict[str, str]:
    """passage id -> passage, from the conditional variations of `utter_page_passage`."""
    passages = {}
    for variation in (domain.get("responses") or {}).get(RESPONSE, []):
        for condition in variation.get("condition") or []:
            if condition.get("name") == ENTITY:
                passages[str(condition["value"])] = str(variation["metadata"]["source"])
    return passages


def answerable(message: Message) -> bool:
    """A fallback the page might answer: not off topic, not about costs, medicines, driving..."""
    intent = message.get(INTENT) or {}
    if intent.get(INTENT_NAME_KEY) != FALLBACK_INTENT:
        return False
    ranking = [
        e.get(INTENT_NAME_KEY)
        for e in message.get(INTENT_RANKING_KEY) or []
        if e.get(INTENT_NAME_KEY) != FALLBACK_INTENT
    ]
    if ranking and ranking[0] in NOT_ANSWERING_INTENTS:
        return False
    return not NOT_ANSWERABLE.search(fold(message.get(TEXT) or "").lower())


def _entity(value: str) -> dict[str, Any]:
    return {"entity": ENTITY, "value": value, "start": 0, "end": 0, "extractor": "PagePassage"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class PagePassageAnswer(GraphComponent, EntityExtractorMixin):
    """Marks a fallback message that a passage of the page answers with that passage's id."""

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        index: PassageIndex | None = None,
    ) -> None:
        self.min_similarity = float(config.get("min_similarity", DEFAULT_MIN_SIMILARITY))
        self.agreement_depth = int(config.get("agreement_depth", DEFAULT_AGREEMENT_DEPTH))
        self.domain_path = Path(str(config.get("domain", "domain.yml")))
        self._model_storage = model_storage
        self._resource = resource
        self._index = index

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "min_similarity": DEFAULT_MIN_SIMILARITY,
            "agreement_depth": DEFAULT_AGREEMENT_DEPTH,
            "domain": "domain.yml",
        }

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> PagePassageAnswer:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        domain = yaml.safe_load(self.domain_path.read_text(encoding="utf-8"))
        passages = domain_passages(domain)
        if not passages:
            raise ValueError(f"{self.domain_path} has no {RESPONSE} passages: run `make rules`")
        self._index = PassageIndex.build(passages, passage_topics_by_id(domain))
        save_artifact(self._model_storage, self._resource, MODEL_FILE, self._index)
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> PagePassageAnswer:
        index = load_artifact(model_storage, resource, MODEL_FILE)
        return cls(config, model_storage, resource, index)

    def process(self, messages: list[Message]) -> list[Message]:
        if self._index is None:
            return messages
        for message in messages:
            if not answerable(message):
                continue
            passage_id, similarity = self._index.best(message.get(TEXT) or "")
            topics = self._index.topics.get(passage_id, set())
            if similarity < self.min_similarity or not agrees(
                message, topics, self.agreement_depth
            ):
                continue
            kept = [e for e in message.get(ENTITIES, []) if e.get("entity") not in CLARIFY_ENTITIES]
            message.set(ENTITIES, [*kept, _entity(passage_id)], add_to_output=True)
            message.set("page_passage_similarity", round(similarity, 3), add_to_output=True)
        return messages
