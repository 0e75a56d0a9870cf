"""Scale-out: the same bot on 1 and 2 Rasa servers behind HAProxy, and on Rasa's stock parts.

Each configuration is a real cluster (ops/cluster/topology.py: HAProxy, action servers, local
PostgreSQL and Redis) on this machine; the load generator (bench/load.py's 8-turn
conversations, each message with a message id and each conversation with a routing key, as
the widget sends them) runs beside it at 1, 4, 16 and 32 concurrent conversations. Measured:

- throughput (turns/s) and p50/p95 latency per level;
- CPU milliseconds per turn of the Rasa processes (their user + system time from /proc,
  summed over the instances, divided by the turns), so coordination overhead shows even on
  a machine whose cores are shared with the load generator;
- lost and duplicated turns: every message sent must be in the transcript exactly once, and
  the question log must hold every logged turn exactly once.

Configurations: ours with 1 and 2 instances (CachedSQLTrackerStore, AtomicRedisLockStore),
stock with 2 instances (SQLTrackerStore, RedisLockStore). Writes bench/out/cluster.json.
"""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import aiohttp
from sqlalchemy import func, select

from addons.channels.conversation_ids import ConversationKeys
from bench.load import OUT, run_level, wait_for_log
from core.db.database import session_factory
from core.db.models import Question
from core.db.rasa_events import rasa_events
from ops.cluster.topology import Cluster, Ports
from ops.rest_client import CONVERSATIONS_PATH, WEBHOOK_PATH
from tests.project import MODEL
from tests.servers import consecutive_free_ports, free_port

LEVELS = [int(n) for n in os.environ.get("CLUSTER_LEVELS", "1,4,16,32").split(",")]
CONFIGURATIONS = [
    ("ours, 1 instance", 1, False),
    ("ours, 2 instances", 2, False),
    ("stock Rasa parts, 2 instances", 2, True),
]
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


async def talk(
    session: aiohttp.ClientSession, base_url: str, messages: list[str], sent: dict[str, int]
) -> list[float]:
    async with session.post(base_url + CONVERSATIONS_PATH) as response:
        sender = str((await response.json())["sender"])
    route = uuid.uuid4().hex
    sent[sender] = 0
    latencies = []
    for message in messages:
        body = {"sender": sender, "message": message, "message_id": uuid.uuid4().hex}
        started = time.perf_counter()
        async with session.post(f"{base_url}{WEBHOOK_PATH}?route={route}", json=body) as answer:
            assert answer.status == 200, answer.status
            await answer.json()
        latencies.append((time.perf_counter() - started) * 1000)
        sent[sender] += 1
    return latencies


def transcript_check(cluster: Cluster, sent: dict[str, int]) -> dict[str, int]:
    """Turns sent against user turns stored, per conversation: lost and duplicated."""
    keys = ConversationKeys(cluster.env["CHANNEL_SECRET_KEY"].encode())
    ids = {str(keys.conversation_id(token)): count for token, count in sent.items()}
    with session_factory(str(cluster.database_url))() as session:
        stored = dict(
            session.execute(
                select(rasa_events.c.sender_id, func.count())
                .where(rasa_events.c.sender_id.in_(list(ids)))
                .where(rasa_events.c.type_name == "user")
                .group_by(rasa_events.c.sender_id)
            ).all()
        )
        duplicated_log = session.execute(
            select(func.count()).select_from(
                select(Question.message_id)
                .group_by(Question.message_id)
                .having(func.count() > 1)
                .subquery()
            )
        ).scalar_one()
    lost = sum(max(0, count - int(stored.get(cid, 0))) for cid, count in ids.items())
    duplicated = sum(max(0, int(stored.get(cid, 0)) - count) for cid, count in ids.items())
    log = wait_for_log(str(cluster.database_url), list(ids))
    return {
        "turns_sent": sum(ids.values()),
        "lost_turns": lost,
        "duplicated_turns": duplicated,
        "log_rows": log["logged"],
        "log_rows_expected": log["expected"],
        "duplicated_log_rows": int(duplicated_log),
    }


def measure(label: str, instances: int, stock: bool) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    cluster = Cluster(
        work_dir=work,
        model=MODEL,
        rasa_instances=instances,
        ports=Ports(
            chat=free_port(),
            first_rasa=consecutive_free_ports(instances),
            action_balancer=free_port(),
            first_action=consecutive_free_ports(2),
            postgres=free_port(),
            redis=free_port(),
        ),
        with_site=False,
        stock_rasa_parts=stock,
    )
    cluster.start()
    try:
        rasa = [cluster.processes[f"rasa{i}"].pid for i in range(instances)]
        sent: dict[str, int] = {}
        asyncio.run(run_level(cluster.url, 2, {}, talk))  # warm-up, not counted
        levels = {}
        for level in LEVELS:
            before = sum(cpu_seconds(pid) for pid in rasa)
            result: dict[str, Any] = asyncio.run(run_level(cluster.url, level, sent, talk))
            used = sum(cpu_seconds(pid) for pid in rasa) - before
            result["rasa_cpu_ms_per_turn"] = 1000 * used / result["turns"]
            levels[str(level)] = result
            print(
                f"{label:32s} {level:3d} conversations: {result['throughput']:5.1f} turns/s, "
                f"p50 {result['p50']:5.0f} ms, p95 {result['p95']:5.0f} ms, "
                f"Rasa CPU {result['rasa_cpu_ms_per_turn']:5.1f} ms/turn",
                flush=True,
            )
        checks = transcript_check(cluster, sent)
        print(f"{label:32s} {checks}", flush=True)
        return {"label": label, "instances": instances, "stock": stock, "levels": levels, **checks}
    finally:
        cluster.stop()
        if cluster.postgres is not None:
            cluster.postgres.remove()


def main() -> None:
    results = [measure(*configuration) for configuration in CONFIGURATIONS]
    OUT.mkdir(parents=True, exist_ok=True)
    machine = {"cores": os.cpu_count()}
    (OUT / "cluster.json").write_text(json.dumps({"machine": machine, "runs": results}, indent=2))


if __name__ == "__main__":
    main()
