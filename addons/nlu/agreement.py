"""A second opinion: DIET's intent is kept only as far as a TF-IDF model agrees with it.

Why: on real questions (bench/real_questions.yml) DIET's wrong answers were confident (median
0.93), so the fallback threshold never caught them, while the TF-IDF + logistic-regression
baseline, which won cross-validation, made different mistakes and was better calibrated. The
two are combined as a weighted geometric mean of their probabilities: an intent scores high
only when both models give it weight, so a topic that one model is sure of and the other
doubts drops below the FallbackClassifier's threshold and the patient gets the clarifying
question (two candidates as buttons) or the honest fallback instead of a wrong answer.

Trained by `rasa train` on the same data/nlu.yml (nothing is downloaded), stored in the model
archive, and run after DIET and before the safety nets and the FallbackClassifier.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline, make_pipeline
from sklearn.utils.extmath import softmax

from addons.nlu.artifacts import load_artifact, save_artifact

logger = logging.getLogger(__name__)

MODEL_FILE = "tfidf_intents.pkl"
DEFAULT_DIET_WEIGHT = 0.5
RANKING_LENGTH = 10


def tfidf_model() -> Pipeline:
    """Word 1-2-grams and character 2-5-grams, TF-IDF weighted, logistic regression.

    Also the baseline `make bench` compares the shipped pipeline with (bench/nlu_accuracy.py).
    """
    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
        ]
    )
    return make_pipeline(features, LogisticRegression(max_iter=2000, C=10))


def combined_ranking(
    diet: list[dict[str, Any]], tfidf: dict[str, float], diet_weight: float
) -> list[dict[str, Any]]:
    """Each intent's weighted geometric mean of the two models' confidences, best first.

    An intent missing from DIET's (cut) ranking counts as DIET's smallest listed confidence,
    not zero: DIET lists only its top intents.
    """
    diet_scores = {
        str(e[INTENT_NAME_KEY]): float(e.get(PREDICTED_CONFIDENCE_KEY) or 0.0) for e in diet
    }
    floor = min(diet_scores.values(), default=0.0)
    names = set(diet_scores) | set(tfidf)
    scores = {
        name: (diet_scores.get(name, floor) ** diet_weight)
        * (tfidf.get(name, 0.0) ** (1.0 - diet_weight))
        for name in names
    }
    best = sorted(scores.items(), key=lambda item: item[1], reverse=True)[:RANKING_LENGTH]
    return [{INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: score} for name, score in best]


@dataclass(frozen=True)
class DirectScorer:
    """The TF-IDF model's `predict_proba` for one text, without the Pipeline around it.

    Why: through the Pipeline, one message cost about 7 ms, 5.7 of them in FeatureUnion's
    joblib dispatch around two vectorisers that take 1.3 ms together, plus sklearn's input
    checks (measured for issue 22, bench/NOTES.md). This computes the same thing directly:
    both vectorisers' rows side by side, times the coefficients, plus the intercepts, softmax
    (the multinomial logistic regression's probabilities): the same numbers, about 6 times
    cheaper. Built only for the pipeline `tfidf_model()` makes; anything else keeps
    `predict_proba`.
    """

    vectorisers: tuple[Any, ...]
    coefficients: np.ndarray  # features x classes
    intercepts: np.ndarray
    classes: tuple[str, ...]

    @classmethod
    def of(cls, model: Pipeline) -> DirectScorer | None:
        features, classifier = model.steps[0][1], model.steps[-1][1]
        if (
            len(model.steps) != 2
            or not isinstance(features, FeatureUnion)
            or features.transformer_weights is not None
            or not isinstance(classifier, LogisticRegression)
            or len(classifier.classes_) < 3
            or classifier.multi_class not in ("auto", "multinomial")
            or classifier.solver == "liblinear"
        ):
            return None  # a binary or one-vs-rest model: its probabilities are not a softmax
        return cls(
            vectorisers=tuple(step for _, step in features.transformer_list),
            coefficients=np.ascontiguousarray(classifier.coef_.T),
            intercepts=classifier.intercept_,
            classes=tuple(str(c) for c in classifier.classes_),
        )

    def probabilities(self, text: str) -> dict[str, float]:
        row = sp.hstack([v.transform([text]) for v in self.vectorisers], format="csr")
        scores = np.asarray(row @ self.coefficients) + self.intercepts
        return dict(zip(self.classes, map(float, softmax(scores)[0]), strict=True))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class TfidfAgreement(GraphComponent, IntentClassifier):
    """Re-scores DIET's intents by how far a TF-IDF model trained on the same data agrees."""

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Pipeline | None = None,
    ) -> None:
        self.diet_weight = float(config.get("diet_weight", DEFAULT_DIET_WEIGHT))
        self._model_storage = model_storage
        self._resource = resource
        self._model = model
        self._scorer = DirectScorer.of(model) if model is not None else None

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"diet_weight": DEFAULT_DIET_WEIGHT}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> TfidfAgreement:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT) and m.get(INTENT)]
        model = tfidf_model()
        model.fit([m.get(TEXT) for m in examples], [m.get(INTENT) for m in examples])
        self._model = model
        self._scorer = DirectScorer.of(model)
        save_artifact(self._model_storage, self._resource, MODEL_FILE, model)
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> TfidfAgreement:
        model = load_artifact(model_storage, resource, MODEL_FILE)
        return cls(config, model_storage, resource, model)

    def probabilities(self, text: str) -> dict[str, float]:
        """The TF-IDF model's probability of each intent for `text`."""
        if self._scorer is not None:
            return self._scorer.probabilities(text)
        if self._model is None:
            return {}
        probabilities = self._model.predict_proba([text])[0]
        return {str(c): float(p) for c, p in zip(self._model.classes_, probabilities, strict=True)}

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            diet = message.get(INTENT_RANKING_KEY) or []
            if not text or not diet or self._model is None:
                continue
            ranking = combined_ranking(diet, self.probabilities(text), self.diet_weight)
            message.set(INTENT, dict(ranking[0]), add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
