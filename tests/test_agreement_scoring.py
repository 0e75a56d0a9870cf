"""The TF-IDF second opinion's direct scoring (addons/nlu/agreement.py, issue 22).

Whatever a patient types, the direct computation must give the intents the probabilities
the trained scikit-learn pipeline gives (the combined ranking, and so every answer, depends
on them), and the component must not go through the Pipeline's `predict_proba` per message.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.pipeline import Pipeline

from addons.nlu.agreement import DirectScorer, TfidfAgreement, tfidf_model
from tests.project import nlu_examples


@pytest.fixture(scope="module")
def model() -> Pipeline:
    examples = nlu_examples("data/nlu.yml")
    texts = [text for lines in examples.values() for text in lines]
    intents = [intent for intent, lines in examples.items() for _ in lines]
    return tfidf_model().fit(texts, intents)


def component(model: Pipeline) -> TfidfAgreement:
    return TfidfAgreement({}, None, None, model)


messages = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["how long does it take?", "is it safe", "hello", "", " ", "a" * 999]),
    st.lists(st.sampled_from(["recovery", "cement", "pain", "🙂", "\u0000", "ß", "İ"])).map(
        " ".join
    ),
)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(text=messages)
def test_direct_scores_are_the_pipelines_probabilities(model: Pipeline, text: str) -> None:
    direct = component(model).probabilities(text)
    expected = dict(zip(model.classes_, model.predict_proba([text])[0], strict=True))
    assert list(direct) == [str(c) for c in expected]
    assert np.allclose(list(direct.values()), list(expected.values()), rtol=0, atol=1e-12)


def test_each_message_skips_the_pipeline(model: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fails on the component before issue 22: it called `predict_proba` for every message."""
    agreement = component(model)

    def refused(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("predict_proba called")

    monkeypatch.setattr(Pipeline, "predict_proba", refused)
    assert max(agreement.probabilities("how long is the recovery"), key=len)


def test_a_model_that_is_not_a_softmax_keeps_predict_proba(model: Pipeline) -> None:
    """A one-vs-rest or binary model's probabilities are not a softmax: no direct scorer."""
    binary = tfidf_model().fit(["yes please", "no thanks"] * 3, ["affirm", "deny"] * 3)
    assert DirectScorer.of(binary) is None
    assert component(binary).probabilities("yes") == pytest.approx(
        dict(zip(binary.classes_, binary.predict_proba(["yes"])[0], strict=True))
    )
