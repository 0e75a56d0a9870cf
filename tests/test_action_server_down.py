"""With the action server down, patients still get their answers (they are responses)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.servers import Assistant, running_assistant

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def assistant_without_actions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    with running_assistant(tmp_path_factory.mktemp("no-actions"), with_action_server=False) as a:
        yield a


def test_answers_arrive_without_the_action_server(assistant_without_actions, domain_texts) -> None:
    texts = [" ".join(t.split()) for t in assistant_without_actions.texts("down-1", "how long?")]
    assert texts[-1] == domain_texts["utter_procedure_duration"]


def test_emergency_works_without_the_action_server(assistant_without_actions, domain_texts) -> None:
    texts = [
        " ".join(t.split()) for t in assistant_without_actions.texts("down-2", "I have chest pain")
    ]
    assert texts == [domain_texts["utter_emergency"]]
