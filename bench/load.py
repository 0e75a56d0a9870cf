"""Full-stack speed and costs: the real Rasa server, action server and database under load.

An asyncio client (aiohttp) plays realistic 8-turn conversations (new conversations, mixed
topics, follow-ups, misses and hand-offs) over the REST webhook at 1, 4, 16 and 32 concurrent
conversations, and 60-turn conversations for latency against conversation length. Afterwards
every question the bot logged must be in the database (checked against the transcripts).
Costs: training time (cache off), start-up time to the first answered message, peak memory
(VmHWM) of each process, model size. Runs on SQLite, and on PostgreSQL when installed.

Writes bench/out/load.json; bench/report.py turns it into bench/results.md.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
from sqlalchemy import func, select

from core.db.database import session_factory
from core.db.models import Question
from core.db.rasa_events import rasa_events
from core.vocabulary.topics import FAQ_TOPICS
from ops.rest_client import CONVERSATIONS_PATH, WEBHOOK_PATH
from tests.postgres import PostgresServer, postgres_bin
from tests.project import MODEL, ROOT
from tests.servers import Assistant, running_assistant

OUT = ROOT / "bench" / "out"
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
LEVELS = [1, 4, 16, 32]
LONG_TURNS = 60
LOGGED = set(FAQ_TOPICS) | {
    "contact", "request_callback", "not_covered", "out_of_scope", "nlu_fallback", "emergency",
}  # fmt: skip

CONVERSATIONS = [
    ["hello", "what is vertebroplasty", "how long does it take?", "what about recovery?",
     "is it safe?", "does medicare cover it", "thanks", "bye"],
    ["hi", "my dad has a compression fracture, what is that", "who is a good candidate",
     "what tests do i need first", "blorf zzz qq", "what's the weather like", "thank you", "bye"],
    ["how effective is it", "what happens during the procedure", "can i drive afterwards",
     "how many have you done", "asdf qwer", "tell me a joke", "ok", "goodbye"],
    ["what can you do?", "/recovery", "and how long does that take?", "what are the risks",
     "can I talk to a person", "no thanks", "is it covered by insurance", "bye"],
]  # fmt: skip
LONG = [m for c in CONVERSATIONS for m in c if m not in ("bye", "goodbye")]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


async def new_conversation(session: aiohttp.ClientSession, base_url: str) -> str:
    """A server-issued conversation token (addons/channels/rest.py), as every client gets one."""
    async with session.post(base_url + CONVERSATIONS_PATH) as response:
        assert response.status == 201, response.status
        return str((await response.json())["sender"])


async def talk(
    session: aiohttp.ClientSession, base_url: str, messages: list[str], record: set[str]
) -> list[float]:
    """One conversation; its conversation id is added to `record` for the log check."""
    sender = await new_conversation(session, base_url)
    record.add(sender)
    latencies = []
    for message in messages:
        started = time.perf_counter()
        body = {"sender": sender, "message": message}
        async with session.post(base_url + WEBHOOK_PATH, json=body) as response:
            assert response.status == 200, response.status
            await response.json()
        latencies.append((time.perf_counter() - started) * 1000)
    return latencies


Talk = Callable[[aiohttp.ClientSession, str, list[str], Any], Awaitable[list[float]]]


async def run_level(
    base_url: str,
    concurrency: int,
    record: Any,
    talker: Talk | None = None,
    conversations: int | None = None,
) -> dict[str, float]:
    """`concurrency` workers play `conversations` (default max(12, 3 x concurrency))
    conversations with `talker` (this module's `talk` unless another client is given, e.g.
    the cluster bench's)."""
    play = talker or talk
    conversations = conversations or max(12, concurrency * 3)
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(conversations):
        queue.put_nowait(i)
    latencies: list[float] = []

    async def worker(session: aiohttp.ClientSession) -> None:
        while not queue.empty():
            i = queue.get_nowait()
            latencies.extend(
                await play(session, base_url, CONVERSATIONS[i % len(CONVERSATIONS)], record)
            )

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        started = time.perf_counter()
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return {
        "turns": len(latencies),
        "throughput": len(latencies) / elapsed,
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "p99": percentile(latencies, 99),
    }


async def run_long(base_url: str, record: set[str]) -> list[float]:
    async with aiohttp.ClientSession() as session:
        messages = [LONG[i % len(LONG)] for i in range(LONG_TURNS)]
        return await talk(session, base_url, messages, record)


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def logged_questions_check(database_url: str, conversation_ids: list[str]) -> dict[str, int]:
    """Questions in the log against questions in the transcripts, for this run's senders."""
    with session_factory(database_url)() as session:
        logged = session.execute(
            select(func.count())
            .select_from(Question)
            .where(Question.conversation_id.in_(conversation_ids))
        ).scalar_one()
        expected = 0
        for (data,) in session.execute(
            select(rasa_events.c.data)
            .where(rasa_events.c.sender_id.in_(conversation_ids))
            .where(rasa_events.c.type_name == "user")
        ):
            intent = ((json.loads(data).get("parse_data") or {}).get("intent") or {}).get("name")
            expected += intent in LOGGED
    return {"logged": int(logged), "expected": int(expected)}


def wait_for_log(
    database_url: str, conversation_ids: list[str], timeout: float = 60
) -> dict[str, int]:
    deadline = time.monotonic() + timeout
    while True:
        counts = logged_questions_check(database_url, conversation_ids)
        if counts["logged"] >= counts["expected"] or time.monotonic() > deadline:
            return counts
        time.sleep(1)


def measure(assistant: Assistant, label: str) -> dict[str, Any]:
    url = assistant.rasa_url
    tokens: set[str] = set()
    # Start-up: restart Rasa and time it to the first answered message.
    assistant.stop_rasa()
    started = time.perf_counter()
    assistant.start_rasa()
    asyncio.run(run_long_once(url))
    startup = time.perf_counter() - started
    asyncio.run(run_level(url, 4, set()))  # warm-up, not reported
    levels: dict[int, list[dict[str, float]]] = {level: [] for level in LEVELS}
    for _ in range(RUNS):
        for level in LEVELS:
            levels[level].append(asyncio.run(run_level(url, level, tokens)))
            print(label, level, round(levels[level][-1]["p95"], 1), flush=True)
    long_runs = [asyncio.run(run_long(url, tokens)) for _ in range(RUNS)]
    keys = assistant.keys()
    conversation_ids = [c for t in tokens if (c := keys.conversation_id(t))]
    counts = wait_for_log(assistant.database_url, conversation_ids)
    return {
        "label": label,
        "startup_seconds": startup,
        "levels": {
            str(level): {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            for level, runs in levels.items()
        },
        "long": [statistics.median(run[i] for run in long_runs) for i in range(LONG_TURNS)],
        "log_check": counts,
        "peak_rss_mb": {
            name: peak_rss_mb(process.pid) for name, process in assistant.processes.items()
        },
    }


async def run_long_once(base_url: str) -> None:
    async with aiohttp.ClientSession() as session:
        await talk(session, base_url, ["hello"], set())


def training_seconds() -> float:
    out = tempfile.mkdtemp(prefix="bench-train-")
    started = time.perf_counter()
    rasa = str(Path(sys.executable).parent / "rasa")
    subprocess.run(
        [rasa, "train", "--out", out, "--fixed-model-name", "t"],
        cwd=ROOT, env={**os.environ, "RASA_MAX_CACHE_SIZE": "0"}, check=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return time.perf_counter() - started


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {
        "machine": {
            "cores": os.cpu_count(),
            "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        },
        "date": time.strftime("%Y-%m-%d"),
        "model_size_mb": MODEL.stat().st_size / 2**20,
        "training_seconds": statistics.median(training_seconds() for _ in range(RUNS)),
    }
    print("training", round(result["training_seconds"], 1), flush=True)
    with running_assistant(Path(tempfile.mkdtemp(prefix="bench-sqlite-"))) as assistant:
        result["sqlite"] = measure(assistant, "sqlite")
    if postgres_bin() is not None:
        server = PostgresServer()
        try:
            server.start()
            url = server.create_database()
            folder = Path(tempfile.mkdtemp(prefix="bench-pg-"))
            with running_assistant(folder, database_url=url) as assistant:
                result["postgresql"] = measure(assistant, "postgresql")
        finally:
            server.remove()
    (OUT / "load.json").write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
