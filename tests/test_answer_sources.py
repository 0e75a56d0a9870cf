"""Every topic answer carries the passage of the hospital's page it restates ("Where does
this come from?"), over REST and Socket.IO alike, and the passage is really on the page."""

from __future__ import annotations

import pytest

from addons.channels.answer_sources import PAGE_TITLE, answer_source
from core.content.grounding import normalise
from tests.project import source_page_path
from tests.servers import Assistant
from tests.socketio_client import WebchatClient

pytestmark = pytest.mark.e2e


def answer_with_source(messages: list[dict]) -> dict:
    [answer] = [m for m in messages if m.get("source")]
    return answer


def test_a_rest_answer_names_its_page_passage(assistant: Assistant) -> None:
    messages = assistant.send("sources-rest", "how long does it take?")
    answer = answer_with_source(messages)
    assert "1-2 hours" in answer["text"]
    source = answer["source"]
    assert source["title"] == PAGE_TITLE and source["url"] is None  # no address configured
    assert normalise(source["passage"]) in normalise(source_page_path().read_text())
    assert "1-2 hours" in source["passage"]
    # Only the answer carries it: the disclaimer and the other messages do not.
    assert [m for m in messages if "source" in m] == [answer]


def test_a_socketio_answer_names_its_page_passage_in_a_shape_rasa_webchat_shows(
    assistant: Assistant,
) -> None:
    """rasa-webchat shows a message only if its keys are exactly `text` (or `text` and
    `quick_replies`): with `source` beside the text it dropped every topic answer. The
    passage follows the answer as a custom payload of its own."""
    client = WebchatClient()
    try:
        client.connect(assistant.rasa_url)
        replies = client.say("how long does it take?")
    finally:
        client.close()
    shapes = [sorted(m) for m in replies]
    assert all(shape in (["text"], ["quick_replies", "text"], ["custom"]) for shape in shapes)
    [at] = [i for i, m in enumerate(replies) if m.get("custom", {}).get("kind") == "source"]
    assert "1-2 hours" in replies[at - 1]["text"]
    source = replies[at]["custom"]["source"]
    assert source["topic"] == "procedure_duration"
    assert normalise(source["passage"]) in normalise(source_page_path().read_text())


def test_replies_that_restate_nothing_carry_no_source(assistant: Assistant) -> None:
    for message in ["hello", "what's the weather like", "thanks"]:
        assert not [m for m in assistant.send("sources-none", message) if "source" in m]


def test_a_resent_message_gets_its_source_again(assistant: Assistant) -> None:
    from ops import rest_client

    token = assistant.token("sources-resend")
    first = rest_client.send(assistant.rasa_url, token, "how long is recovery", message_id="s" * 16)
    again = rest_client.send(assistant.rasa_url, token, "how long is recovery", message_id="s" * 16)
    assert answer_with_source(again)["source"] == answer_with_source(first)["source"]


@pytest.mark.parametrize("metadata", [None, "x", {}, {"source": ""}, {"source": 3}, []])
def test_metadata_without_a_passage_gives_no_source(metadata: object) -> None:
    assert answer_source(metadata) is None
