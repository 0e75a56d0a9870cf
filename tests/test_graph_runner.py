"""The sequential graph runner (addons/engine/graph_runner.py, issue 22) against Rasa's own.

The trained model's graph, run both ways on hostile and ordinary messages and on real
conversation states, must give the same parse (intent, ranking, entities, every key) and
the same next action with the same policy and confidence.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import dask
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.core.agent import Agent
from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.engine.runner.dask import DaskGraphRunner

from addons.engine import graph_runner
from addons.engine.graph_runner import SequentialGraphRunner
from tests.project import MODEL

SAMPLES = [
    "how long does recovery take?", "is it safe", "hello", "my back hurts and my legs are numb",
    "does medicare cover kyphoplasty", "blorf zzz", "¿cuánto dura?", "/recovery", "", "x" * 900,
]  # fmt: skip


@pytest.fixture(scope="module")
def processor() -> Iterator[MessageProcessor]:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` first.")
    agent = Agent.load(str(MODEL))
    assert agent.processor is not None
    yield agent.processor


def runners(processor: MessageProcessor) -> tuple[DaskGraphRunner, SequentialGraphRunner]:
    """Rasa's runner as loaded, and the sequential one over the very same nodes."""
    rasas = processor.graph_runner
    assert type(rasas) is DaskGraphRunner
    ours = SequentialGraphRunner.__new__(SequentialGraphRunner)
    ours.__dict__.update(rasas.__dict__)
    return rasas, ours


def parse(processor: MessageProcessor, runner: Any, text: str) -> dict[str, Any]:
    processor.graph_runner = runner
    return asyncio.run(processor.parse_message(UserMessage(text, sender_id="runner")))


@settings(derandomize=True, max_examples=40, deadline=None)
@given(text=st.text(max_size=120) | st.sampled_from(SAMPLES))
def test_the_parse_is_the_same(processor: MessageProcessor, text: str) -> None:
    rasas, ours = runners(processor)
    try:
        assert parse(processor, ours, text) == parse(processor, rasas, text)
    finally:
        processor.graph_runner = rasas


def test_the_next_actions_are_the_same(processor: MessageProcessor) -> None:
    rasas, ours = runners(processor)
    try:
        for text in SAMPLES:
            predictions = []
            for runner in (rasas, ours):
                processor.graph_runner = runner
                tracker = asyncio.run(processor.fetch_tracker_with_initial_session(f"r-{text}"))
                message = UserMessage(text, sender_id=tracker.sender_id)
                asyncio.run(processor._handle_message_with_tracker(message, tracker))
                prediction = processor.predict_next_with_tracker_if_should(tracker)
                predictions.append(
                    (prediction[0].name(), prediction[1].policy_name, prediction[1].max_confidence)
                )
            assert predictions[0] == predictions[1], text
    finally:
        processor.graph_runner = rasas


def test_no_dask_scheduler_per_run(
    processor: MessageProcessor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fails on Rasa's runner: every run goes through dask's scheduler."""
    rasas, ours = runners(processor)

    def refused(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("dask.get called")

    monkeypatch.setattr(dask, "get", refused)
    try:
        assert parse(processor, ours, "how long does it take")["intent"]["name"]
    finally:
        processor.graph_runner = rasas


def test_install_makes_the_server_load_with_the_sequential_runner(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import rasa.core.processor

    monkeypatch.setattr(rasa.core.processor, "DaskGraphRunner", DaskGraphRunner)
    graph_runner.install()
    assert rasa.core.processor.DaskGraphRunner is SequentialGraphRunner
