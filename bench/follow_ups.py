"""Score follow-up conversations strictly (tests/follow_ups.yml, issue 24).

Why: a question such as "and afterwards?" or "is that common?" only makes sense after the
previous answer. The trained model is loaded with Rasa's Agent (in-memory tracker store, so
each conversation keeps its slots, `last_topic` included, exactly as the running server does)
and every message of every conversation is sent in order. Each message after the first is
scored like a real question (bench/real_questions.py's strict outcomes) against the topic the
conversation expects; the figure is the share answered right. The first messages are scored
too, separately, to tell a failed follow-up from a failed opening question.

Run: `.venv/bin/python -m bench.follow_ups [--model models/current.tar.gz]`.
Writes bench/out/follow_ups.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import uuid
from pathlib import Path
from typing import Any

from bench.nlu_accuracy import OUT
from bench.real_questions import (
    Question,
    Scored,
    print_summary,
    quiet_rasa,
    report,
    score_parsed,
)
from tests.project import MODEL, load_yaml

CONVERSATIONS = "tests/follow_ups.yml"


def conversations() -> list[dict[str, Any]]:
    return list(load_yaml(CONVERSATIONS)["conversations"])


async def run_conversations(model: str) -> tuple[list[Scored], list[Scored]]:
    """(first messages, follow-up messages), each scored against its expected topic."""
    from rasa.core.agent import Agent

    agent = Agent.load(model)
    openings: list[Scored] = []
    follow_ups: list[Scored] = []
    for conversation in conversations():
        sender = f"follow-up-{uuid.uuid4().hex}"
        for number, turn in enumerate(conversation["turns"]):
            await agent.handle_text(str(turn["text"]), sender_id=sender)
            tracker = await agent.tracker_store.retrieve(sender)
            assert tracker is not None
            question = Question(
                text=str(turn["text"]),
                label=str(turn["expect"]),
                also=(),
                sibling=None,
                source=f"{CONVERSATIONS}#{conversation['name']}",
                kind="opening" if number == 0 else "follow_up",
            )
            scored = score_parsed(question, tracker.latest_message.parse_data)
            (openings if number == 0 else follow_ups).append(scored)
    return openings, follow_ups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=MODEL, help="trained model archive")
    args = parser.parse_args()
    if not args.model.exists():
        raise SystemExit(f"No trained model at {args.model}: run `make train` first.")
    quiet_rasa()
    # Without an action server the question log and hand-off actions fail; the replies and the
    # understanding this scores do not depend on them, so their tracebacks are left out.
    logging.getLogger("rasa.core.processor").setLevel(logging.CRITICAL)
    openings, follow_ups = asyncio.run(run_conversations(str(args.model)))
    result: dict[str, Any] = {
        "file": CONVERSATIONS,
        "conversations": len(conversations()),
        "shipped": report(follow_ups),
        "openings": report(openings),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "follow_ups.json").write_text(json.dumps(result, indent=1, ensure_ascii=False))
    print_summary({"shipped": result["shipped"]}, details=False)
    print(f"openings: answered right {result['openings']['overall']['answered_right']:.1%}")
    for kind in ("openings", "shipped"):
        for row in result[kind]["questions"]:
            if row["outcome"] != "right":
                shown = row["predicted"] + (f" {row['passage'][:60]}" if row["passage"] else "")
                print(f"  {kind}: [{row['label']} -> {shown}] {row['text']}")


if __name__ == "__main__":
    main()
