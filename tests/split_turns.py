"""What the transcript and the question log store of a detail split over several messages.

The transcript redacts each turn with the turns before it, which come raw from the tracker in
memory or already masked when it was read back from the database; the question log redacts
the stored turn again. Tests of split details try every pattern of cache misses with this."""

from __future__ import annotations

from typing import Any

from core.privacy.redaction import redact
from core.privacy.transcripts import stored_events


def stored_turns(turns: list[str], reloads: tuple[bool, ...]) -> tuple[list[str], list[str]]:
    """The texts the transcript and the question log store, for one pattern of cache misses:
    at each turn the tracker is the one in memory (raw) or read back from the stored rows."""
    memory: list[dict[str, Any]] = []
    stored: list[dict[str, Any]] = []
    for text, reload in zip(turns, reloads, strict=True):
        if reload:
            memory = list(stored)
        first = len(memory)
        memory = [
            *memory,
            {"event": "action", "name": "action_listen"},
            {"event": "user", "text": text, "parse_data": {"text": text}},
            {"event": "bot", "text": "Thanks."},
        ]
        stored += stored_events(memory, first)
    transcript = [event["text"] for event in stored if event["event"] == "user"]
    question_log = [
        redact(event["text"]) for event in stored_events(stored, 0) if event["event"] == "user"
    ]
    return transcript, question_log
