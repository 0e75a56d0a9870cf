"""At most a few messages of one conversation in the Rasa server, and red flags never wait.

Why: Rasa answers one conversation's messages one at a time (its lock store), polling for the
lock once a second. A client that sent a burst into one conversation made every later message
of it wait seconds; past about 60 queued messages Rasa gave up on them (LockError: dropped,
even an emergency, over Socket.IO) or the REST request timed out with a 503. So:

- each process admits MAX_IN_FLIGHT messages per conversation (one being answered, the rest
  waiting); any more are asked to wait for the earlier replies (REST: 429);
- a message that mentions a red-flag symptom while its conversation is busy gets the
  emergency message at once, straight from the channel (the assistant's own text, from the
  loaded model: replies.py), and is still passed to Rasa in the background, its replies
  discarded, so that it is stored in the transcript and the question log like any other
  emergency.

A patient's widget sends one message at a time, so it never meets the limit.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

logger = logging.getLogger(__name__)

MAX_IN_FLIGHT = 3
# Red-flag messages of one conversation being recorded in the background at a time; beyond
# this (someone sending a flood of red flags) they are answered but not recorded.
MAX_RECORDING = 3
WAIT_REPLY = (
    "I'm still answering your earlier messages. Please wait for my reply before sending "
    "the next one. If this is an emergency, call 911."
)


class ConversationBacklog:
    """Counts each conversation's messages that are inside the Rasa server (one process)."""

    def __init__(self, limit: int = MAX_IN_FLIGHT) -> None:
        self.limit = limit
        self._in_flight: Counter[str] = Counter()
        self._recording: Counter[str] = Counter()
        self._tasks: set[asyncio.Task[None]] = set()

    def busy(self, conversation_id: str) -> bool:
        return self._in_flight[conversation_id] > 0

    @contextmanager
    def _counted(self, counter: Counter[str], conversation_id: str) -> Iterator[None]:
        counter[conversation_id] += 1
        try:
            yield
        finally:
            counter[conversation_id] -= 1
            if counter[conversation_id] <= 0:
                del counter[conversation_id]

    @contextmanager
    def admit(self, conversation_id: str) -> Iterator[bool]:
        """Yields whether the message may go to Rasa; counts it while it is there."""
        if self._in_flight[conversation_id] >= self.limit:
            yield False
            return
        with self._counted(self._in_flight, conversation_id):
            yield True

    def record_in_background(
        self,
        conversation_id: str,
        text: str,
        input_channel: str,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
    ) -> None:
        """Pass an already answered message to Rasa later, so it is stored and logged."""
        if self._recording[conversation_id] >= MAX_RECORDING:
            logger.warning("Red flag answered but not recorded (flood) in %s", conversation_id)
            return

        async def record() -> None:
            with (
                self._counted(self._recording, conversation_id),
                self._counted(self._in_flight, conversation_id),
            ):
                message = UserMessage(
                    text, CollectingOutputChannel(), conversation_id, input_channel=input_channel
                )
                try:
                    await on_new_message(message)
                except Exception:
                    logger.exception("Recording a red flag of %s failed", conversation_id)

        task = asyncio.ensure_future(record())
        self._tasks.add(task)  # a reference, so the task is not collected before it runs
        task.add_done_callback(self._tasks.discard)


# One per process, shared by the REST and Socket.IO channels (the same conversation can be
# reached through both).
BACKLOG = ConversationBacklog()
