"""Shared fixtures: one real assistant (Rasa server + action server) for the e2e tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.project import load_yaml
from tests.servers import Assistant, running_assistant


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    with running_assistant(tmp_path_factory.mktemp("assistant")) as running:
        yield running


@pytest.fixture(scope="session")
def domain_texts() -> dict[str, str]:
    """response name -> its (first) text, exactly as the domain defines it."""
    responses: dict[str, Any] = load_yaml("domain.yml")["responses"]
    return {name: " ".join(variations[0]["text"].split()) for name, variations in responses.items()}
