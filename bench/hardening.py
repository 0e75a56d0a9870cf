"""The public endpoint under hostile load: emergency replies while huge messages arrive, and
the fuzz run's figures.

- Emergency latency: a new conversation sends "I can't feel my legs" (the first message, so
  the disclaimer and the emergency message come back) 30 times on an idle server, then 30
  times while 4 other clients keep sending 1 MB messages back to back (refused with 413 at
  the door, before the body is read). Target: median and p95 under attack <= 1.5 x idle.
- The same while 4 clients send messages just under the body limit (over the length cap:
  cleaned, scanned for red flags and answered "please shorten it" by the channel), against
  4 clients sending ordinary short questions: a message at the limit should cost the
  server no more than an ordinary one. Sustained back-to-back load from 4 clients slows
  every reply on 2 cores; what matters is that huge messages add nothing to it.
- Fuzz: the test suite's seeded hostile requests (tests/fuzz_messages.py), counted by kind,
  with 5xx, missing replies and missed emergencies (all must be 0) and requests per second.

Writes bench/out/hardening.json; bench/report.py adds it to bench/results.md.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

from addons.cleaning.inbound import MAX_BODY_BYTES
from bench.load import OUT, new_conversation, percentile
from ops.rest_client import WEBHOOK_PATH
from tests.fuzz_messages import judge, run_fuzz
from tests.project import load_yaml
from tests.servers import Assistant, running_assistant

EMERGENCY = "I can't feel my legs since this morning"
SAMPLES = 30
ATTACKERS = 4
FUZZ_SEED, FUZZ_CONVERSATIONS, FUZZ_MESSAGES, FUZZ_CLIENTS = 20261124, 110, 10, 4


async def emergency_latencies(base_url: str, emergency_text: str) -> list[float]:
    latencies = []
    async with aiohttp.ClientSession() as session:
        for _ in range(SAMPLES):
            sender = await new_conversation(session, base_url)
            started = time.perf_counter()
            body = {"sender": sender, "message": EMERGENCY}
            async with session.post(base_url + WEBHOOK_PATH, json=body) as response:
                replies = await response.json()
            latencies.append((time.perf_counter() - started) * 1000)
            assert any(" ".join(m.get("text", "").split()) == emergency_text for m in replies)
    return latencies


async def flood(base_url: str, size: int, stop: asyncio.Event, counts: dict[str, int]) -> None:
    """Send messages of `size` characters back to back until told to stop."""
    async with aiohttp.ClientSession() as session:
        sender = await new_conversation(session, base_url)
        message = ("my back hurts " * (size // 14 + 1))[:size] if size > 60 else "is it safe?"
        body = json.dumps({"sender": sender, "message": message})
        while not stop.is_set():
            try:
                async with session.post(
                    base_url + WEBHOOK_PATH, data=body, headers={"Content-Type": "application/json"}
                ) as response:
                    await response.read()
                    counts[str(response.status)] = counts.get(str(response.status), 0) + 1
            except (aiohttp.ClientError, ConnectionError):  # a refused (413) upload is cut off
                counts["closed"] = counts.get("closed", 0) + 1


async def under_attack(
    base_url: str, emergency_text: str, size: int
) -> tuple[list[float], dict[str, int]]:
    stop = asyncio.Event()
    counts: dict[str, int] = {}
    floods = [asyncio.create_task(flood(base_url, size, stop, counts)) for _ in range(ATTACKERS)]
    await asyncio.sleep(1)
    try:
        latencies = await emergency_latencies(base_url, emergency_text)
    finally:
        stop.set()
        await asyncio.gather(*floods)
    return latencies, counts


def summary(latencies: list[float]) -> dict[str, float]:
    return {"p50": statistics.median(latencies), "p95": percentile(latencies, 95)}


def measure(assistant: Assistant) -> dict[str, Any]:
    emergency_text = " ".join(
        load_yaml("domain.yml")["responses"]["utter_emergency"][0]["text"].split()
    )
    asyncio.run(emergency_latencies(assistant.rasa_url, emergency_text))  # warm-up
    idle = asyncio.run(emergency_latencies(assistant.rasa_url, emergency_text))
    huge, huge_counts = asyncio.run(under_attack(assistant.rasa_url, emergency_text, 1_000_000))
    at_limit, limit_counts = asyncio.run(
        under_attack(assistant.rasa_url, emergency_text, MAX_BODY_BYTES - 200)
    )
    ordinary, ordinary_counts = asyncio.run(under_attack(assistant.rasa_url, emergency_text, 0))
    started = time.perf_counter()
    results = run_fuzz(assistant, FUZZ_SEED, FUZZ_CONVERSATIONS, FUZZ_MESSAGES, FUZZ_CLIENTS)
    elapsed = time.perf_counter() - started
    failures, kinds = judge(results, emergency_text)
    statuses: dict[str, int] = {}
    for _, status, _ in results:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    return {
        "emergency_idle_ms": summary(idle),
        "emergency_while_1mb_messages_ms": summary(huge),
        "emergency_while_messages_at_the_limit_ms": summary(at_limit),
        "emergency_while_ordinary_questions_ms": summary(ordinary),
        "flood_requests": {
            "1mb": huge_counts,
            "at_the_limit": limit_counts,
            "ordinary": ordinary_counts,
        },
        "fuzz": {
            "requests": len(results),
            "per_second": len(results) / elapsed,
            "kinds": dict(kinds),
            "statuses": statuses,
            "failures": len(failures),
            "server_errors": sum(1 for _, status, _ in results if status >= 500),
        },
    }


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with running_assistant(Path(tempfile.mkdtemp(prefix="bench-hardening-"))) as assistant:
        result = measure(assistant)
    (OUT / "hardening.json").write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
