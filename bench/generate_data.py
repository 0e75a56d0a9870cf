"""Fill a database with realistic question-log volumes, for speed checks of the console.

Questions are spread over the last N days with a daily rhythm, topics in proportions a
patient FAQ sees, and realistic outcomes (most answered, some fallbacks, off-topic, hand-offs
and a few emergencies); a share of them reviewed; plus callback requests. Never run it
against a production database: every row is marked with conversation ids `synthetic-…`.

    python -m bench.generate_data --questions 100000 [--days 90] [--database-url URL]
"""

from __future__ import annotations

import argparse
import random
import time
import uuid
from datetime import datetime, timedelta, timezone

from sqlalchemy import insert

from core.db.database import session_factory
from core.db.models import CallbackRequest, Question
from core.settings import load_settings
from core.vocabulary.topics import FAQ_TOPICS

SAMPLES = {
    "procedure_duration": ["how long does it take", "how long is the procedure?"],
    "recovery": ["when will I feel better", "what is recovery like"],
    "complications": ["is it safe", "what are the risks"],
    "insurance_coverage": ["does medicare cover it", "medicare?"],
    "what_is_vertebroplasty": ["what is vertebroplasty", "my mom's doctor said vertebro plasty"],
}
OTHER = [
    ("nlu_fallback", "fallback", "asdf ghjk"),
    ("out_of_scope", "out_of_scope", "what's the weather"),
    ("contact", "handoff", "can I talk to a person"),
    ("not_covered", "handoff", "can I drive after it"),
    ("emergency", "emergency", "I can't feel my legs"),
]
OTHER_WEIGHTS = [8, 5, 5, 3, 1]


def generate(database_url: str, questions: int, days: int, seed: int = 7) -> None:
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    now = datetime.now(timezone.utc)
    rows, callbacks = [], []
    for i in range(questions):
        asked = now - timedelta(days=rng.random() * days, hours=rng.gauss(0, 3))
        conversation = f"synthetic-{i // 4}"
        if rng.random() < 0.78:
            topic = rng.choice(FAQ_TOPICS)
            text = rng.choice(SAMPLES.get(topic, [f"question about {topic.replace('_', ' ')}"]))
            intent, outcome, confidence = topic, "answered", rng.uniform(0.6, 1.0)
        else:
            intent, outcome, text = rng.choices(OTHER, weights=OTHER_WEIGHTS)[0]
            confidence = rng.uniform(0.1, 0.6) if outcome == "fallback" else rng.uniform(0.5, 1)
        reviewed = rng.random() < 0.2
        rows.append(
            {
                "message_id": uuid.UUID(int=rng.getrandbits(128)).hex,
                "conversation_id": conversation,
                "asked_at": asked,
                "channel": "rest",
                "text": f"{text} ({i})",
                "text_truncated": False,
                "intent": intent,
                "confidence": confidence,
                "response": "…",
                "outcome": outcome,
                "model_version": "synthetic",
                "reviewed_at": asked + timedelta(days=1) if reviewed else None,
                "reviewed_by": "generator" if reviewed else None,
            }
        )
        if outcome == "handoff" and rng.random() < 0.3:
            callbacks.append(
                {
                    "request_key": f"{conversation}:{i}",
                    "conversation_id": conversation,
                    "requested_at": asked,
                    "name": f"Patient {i}",
                    "phone": f"860-555-{rng.randint(0, 9999):04d}",
                    "preferred_time": "weekday mornings",
                    "consent": True,
                    "status": rng.choice(["new", "contacted", "closed"]),
                }
            )
    sessions = session_factory(database_url)
    for start in range(0, len(rows), 5000):
        with sessions.begin() as session:
            session.execute(insert(Question), rows[start : start + 5000])
    if callbacks:
        with sessions.begin() as session:
            session.execute(insert(CallbackRequest), callbacks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    started = time.perf_counter()
    generate(args.database_url or load_settings().database_url, args.questions, args.days)
    print(f"Inserted {args.questions} questions in {time.perf_counter() - started:.1f} s.")


if __name__ == "__main__":
    main()
