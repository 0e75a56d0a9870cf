"""The fallback's two bars (issue 24): topic answers need 0.55, small talk 0.40.

A weak reading of "much obliged" or "what can you do" is good enough for a reply that carries
no medical fact; a weak reading of a medical topic, of the consent answer (affirm/deny) or of
"stop" is not. The component is Rasa's FallbackClassifier with only the bar changed, so the
ambiguity rule must still hold for every intent.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.fallback import DEFAULT_SMALL_TALK_THRESHOLD, RiskAwareFallback
from core.vocabulary.topics import CONVERSATION_INTENTS, FAQ_TOPICS, SMALL_TALK_INTENTS
from tests.project import load_yaml

FALLBACK = "nlu_fallback"


def shipped_config() -> dict[str, Any]:
    """The component's settings as config.yml ships them."""
    pipeline = load_yaml("config.yml")["pipeline"]
    entry = next(c for c in pipeline if c["name"] == "addons.nlu.fallback.RiskAwareFallback")
    return {**RiskAwareFallback.get_default_config(), **entry}


def classify(ranking: list[tuple[str, float]], config: dict[str, Any] | None = None) -> str:
    entries = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    message = Message(data={"text": "x", "intent": dict(entries[0]), "intent_ranking": entries})
    RiskAwareFallback(config or shipped_config()).process([message])
    return str(message.get("intent")["name"])


def test_the_shipped_bars() -> None:
    config = shipped_config()
    assert config["threshold"] == 0.55
    assert config["small_talk_threshold"] == DEFAULT_SMALL_TALK_THRESHOLD == 0.40
    assert config["ambiguity_threshold"] == 0.1


@pytest.mark.parametrize("intent", sorted(SMALL_TALK_INTENTS))
def test_a_weaker_reading_of_small_talk_is_kept(intent: str) -> None:
    assert classify([(intent, 0.45), ("what_is_vertebroplasty", 0.2)]) == intent


@pytest.mark.parametrize(
    "intent", [*FAQ_TOPICS, "affirm", "deny", "stop", "request_callback", "not_covered"]
)
def test_topics_consent_and_the_form_keep_the_full_bar(intent: str) -> None:
    assert classify([(intent, 0.45), ("greet", 0.2)]) == FALLBACK
    assert classify([(intent, 0.6), ("greet", 0.2)]) == intent


def test_small_talk_below_its_own_bar_or_ambiguous_still_falls_back() -> None:
    assert classify([("thanks", 0.35), ("goodbye", 0.1)]) == FALLBACK
    assert classify([("goodbye", 0.45), ("deny", 0.40)]) == FALLBACK


def test_small_talk_never_includes_a_topic_or_a_state_changing_intent() -> None:
    assert set(CONVERSATION_INTENTS) >= SMALL_TALK_INTENTS
    assert not SMALL_TALK_INTENTS & {*FAQ_TOPICS, "affirm", "deny", "stop", "request_callback"}
    assert not SMALL_TALK_INTENTS & {"emergency", "not_covered", "follow_up"}


NAMES = st.sampled_from([*FAQ_TOPICS, *CONVERSATION_INTENTS, "", "nlu_fallback", "x" * 300])


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    ranking=st.lists(
        st.tuples(NAMES, st.floats(min_value=0.0, max_value=1.0, allow_nan=False)),
        min_size=1,
        max_size=6,
    )
)
def test_any_ranking_is_kept_only_above_its_bar(ranking: list[tuple[str, float]]) -> None:
    """Hostile rankings: the result is the top intent or the fallback, never below its bar."""
    config = shipped_config()
    got = classify(ranking, config)
    top, confidence = ranking[0]
    assert got in {top, FALLBACK}
    if got == top and top != FALLBACK:
        bar = config["small_talk_threshold"] if top in SMALL_TALK_INTENTS else config["threshold"]
        assert confidence >= bar
        if len(ranking) > 1:
            assert confidence - ranking[1][1] >= config["ambiguity_threshold"]
