"""At most a few messages of one conversation in the Rasa server at a time.

Why: Rasa answers one conversation's messages one at a time (its lock store), polling for the
lock once a second. A client that sent a burst into one conversation made every later message
of it wait seconds; past about 60 queued messages Rasa gave up on them (LockError: dropped,
even an emergency, over Socket.IO) or the REST request timed out with a 503. So each process
admits MAX_IN_FLIGHT messages per conversation (one being answered, the rest waiting) and
answers any more at once:

- a message that mentions a red-flag symptom gets the emergency message straight from the
  channel (the same text as the assistant's, read from domain.yml), so it never waits behind
  a backlog and is never dropped;
- anything else is asked to wait for the earlier replies (REST: 429).

A patient's widget sends one message at a time, so it never meets the limit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from safety.red_flags import first_red_flag_at, fold

MAX_IN_FLIGHT = 3
WAIT_REPLY = (
    "I'm still answering your earlier messages. Please wait for my reply before sending "
    "the next one. If this is an emergency, call 911."
)
DOMAIN_FILE = Path(__file__).resolve().parents[1] / "domain.yml"


@cache
def emergency_messages() -> list[dict[str, Any]]:
    """The assistant's own emergency answer (text, then the widget's marker), from domain.yml."""
    with open(DOMAIN_FILE, encoding="utf-8") as handle:
        response = yaml.safe_load(handle)["responses"]["utter_emergency"][0]
    messages: list[dict[str, Any]] = [{"text": " ".join(response["text"].split())}]
    if response.get("custom"):
        messages.append({"custom": response["custom"]})
    return messages


def overflow_reply(text: str) -> tuple[list[dict[str, Any]], bool]:
    """What to answer a message that cannot be admitted; True when it is the emergency."""
    if first_red_flag_at(fold(text)) is not None:
        return emergency_messages(), True
    return [{"text": WAIT_REPLY}], False


class ConversationBacklog:
    """Counts each conversation's messages that are inside the Rasa server (one process)."""

    def __init__(self, limit: int = MAX_IN_FLIGHT) -> None:
        self.limit = limit
        self._in_flight: Counter[str] = Counter()

    @contextmanager
    def admit(self, conversation_id: str) -> Iterator[bool]:
        """Yields whether the message may go to Rasa; counts it while it is there."""
        if self._in_flight[conversation_id] >= self.limit:
            yield False
            return
        self._in_flight[conversation_id] += 1
        try:
            yield True
        finally:
            self._in_flight[conversation_id] -= 1
            if self._in_flight[conversation_id] <= 0:
                del self._in_flight[conversation_id]


# One per process, shared by the REST and Socket.IO channels (the same conversation can be
# reached through both).
BACKLOG = ConversationBacklog()
