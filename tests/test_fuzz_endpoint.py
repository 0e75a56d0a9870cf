"""Fuzz the public endpoint through the real servers: nothing a stranger sends may stop,
spoof or slow the assistant, or lose a question.

1,100 seeded hostile requests (tests/fuzz_messages.py) over REST from 4 concurrent clients,
plus Socket.IO messages from a real python-socketio client, against a fresh assistant. Then:
no 5xx; every request that carries text got at least one reply; every red-flag message got
the emergency message; both servers still answer; every question in the transcripts is in the
question log; nothing is left in the spool; the logs hold no tracebacks.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from core.question_log.backfill import missing_questions
from core.question_log.spool import Spool
from tests.fuzz_messages import RED_FLAGS, judge, run_fuzz
from tests.servers import Assistant, running_assistant
from tests.socketio_client import WebchatClient, texts
from tests.stored import wait_for

pytestmark = pytest.mark.e2e

SEED = 20261124
CONVERSATIONS = 110
MESSAGES_PER_CONVERSATION = 10
CLIENTS = 4
SOCKETIO_MESSAGES = 60


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    with running_assistant(tmp_path_factory.mktemp("fuzz")) as assistant:
        yield assistant


def emergency_text(domain_texts: dict[str, str]) -> str:
    return domain_texts["utter_emergency"]


def test_a_thousand_hostile_requests_lose_nothing(
    fuzzed: Assistant, domain_texts: dict[str, str]
) -> None:
    results = run_fuzz(fuzzed, SEED, CONVERSATIONS, MESSAGES_PER_CONVERSATION, CLIENTS)
    assert len(results) >= 1000
    failures, kinds = judge(results, emergency_text(domain_texts))
    assert not failures, failures[:5]
    assert kinds["red_flag_in_noise"] + kinds["red_flag_after_slash"] >= 100, kinds

    # Both servers are alive and still answer properly.
    assert requests.get(fuzzed.action_url + "/health", timeout=10).status_code == 200
    assert "1-2 hours" in fuzzed.texts("after-fuzz", "how long does it take?")[-1]

    # Every question in the transcripts reaches the question log; nothing stays spooled.
    spool = Spool(fuzzed.work_dir / "spool")
    assert wait_for(lambda: spool.pending_count() == 0, timeout=60), spool.pending_count()
    assert wait_for(lambda: missing_questions(fuzzed.database_url, hours=1) == [], timeout=30), (
        missing_questions(fuzzed.database_url, hours=1)[:3]
    )
    for log in ("rasa.log", "actions.log"):
        assert "Traceback" not in (fuzzed.work_dir / log).read_text(errors="replace"), log


def test_socketio_clients_sending_garbage_get_answers_and_red_flags_the_emergency(
    fuzzed: Assistant, domain_texts: dict[str, str]
) -> None:
    rng = random.Random(SEED)
    emergency = emergency_text(domain_texts)
    client = WebchatClient()
    client.connect(fuzzed.rasa_url)
    failures: list[tuple[object, ...]] = []
    try:
        for _ in range(SOCKETIO_MESSAGES):
            flag = rng.random() < 0.3
            noise = "".join(
                rng.choice("abc xyz/\x00\u202e\ud83d\n") for _ in range(rng.randint(0, 60))
            )
            message: object = f"{noise} {rng.choice(RED_FLAGS)} {noise}" if flag else noise + " hi"
            if not flag and rng.random() < 0.2:
                message = rng.choice([None, 5, ["x"], {"a": 1}])
            replies = texts(client.say(message, session_id=rng.choice([None, "forged", "default"])))
            if not replies:
                failures.append(("no reply", message))
            elif flag and emergency not in replies:
                failures.append(("no emergency", message, replies))
    finally:
        client.close()
    assert not failures, failures[:5]


def test_a_spoofed_socketio_event_cannot_crash_the_server(fuzzed: Assistant) -> None:
    client = WebchatClient()
    client.open(fuzzed.rasa_url)
    for data in (None, 5, "text", [1, 2], {"session_id": {"$ne": 1}}, {"session_id": "x" * 10_000}):
        client.sio.emit("session_request", data)
    token = client.request_session(None)
    assert texts(client.say("is it safe?"))
    client.close()
    assert token and threading.active_count() >= 1
    assert Path(fuzzed.work_dir / "rasa.log").exists()
