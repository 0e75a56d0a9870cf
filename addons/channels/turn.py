"""One patient turn, the same for every channel.

Why one pipeline: the REST and Socket.IO channels used to repeat this sequence, and each fix
(the emergency at the door, the failed turn's fixed message, idempotent retries) had to be
made twice and was once made only once (Socket.IO sent nothing at all on a failed turn). A
channel now only reads its transport (JSON body, Socket.IO event) and writes the reply back;
everything in between happens here, in this order:

    1. clean      addons/cleaning/inbound.py: a string, normalised, button payloads screened,
                  capped (a red flag is kept, never cut off)
    2. split      two questions in one message become two turns (Prepared.parts)
    3. backlog    a red flag of a busy conversation is answered at once; more than a few
                  waiting messages of one conversation are asked to wait (backlog.py)
    4. once       a client's `message_id` is answered once across every server
                  (idempotency.py): a retry gets the stored reply
    5. answer     each part through Rasa's `on_new_message`, collected with each answer's
                  page passage (answer_sources.py); a failed turn still gives the fixed
                  emergency message for a red flag, else an apology
    6. merge      the parts' replies as one: no clarifying question about a topic another part
                  answered, no answer twice (compound.py)

Only Rasa's public API is used: the `Agent` the server loaded (its domain's responses and its
tracker store) and the channel's `on_new_message` callback.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rasa.core.agent import Agent
from rasa.core.channels.channel import UserMessage
from rasa.shared.core.events import Event

from addons.channels.answer_sources import SourcedCollectingOutputChannel
from addons.channels.backlog import BACKLOG, WAIT_REPLY, ConversationBacklog
from addons.channels.compound import merge_parts, once_each
from addons.channels.idempotency import Receipts, Reply, answer_once, part_id
from addons.channels.replies import emergency_language, emergency_messages, failure_messages
from addons.cleaning.inbound import prepare_message
from addons.cleaning.payloads import allowed_payloads
from addons.engine import action_results, graph_runner
from addons.safety.red_flags import mentions_red_flag

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
RETRY_AFTER_SECONDS = 2


@dataclass(frozen=True)
class TurnReply:
    """The bot's messages for one client message, in Rasa's REST format, and how to send them.

    `status` is what the REST channel answers with (429: wait for the earlier replies; 503:
    another server is still answering this message id, retry after `retry_after` seconds);
    the messages always say it in words too, for channels without a status.
    """

    messages: Reply
    status: int = 200
    retry_after: int | None = None
    headers: dict[str, str] = field(default_factory=dict)


class TurnFailed(Exception):
    """The turn failed before any reply: `reply` is what the patient gets instead."""

    def __init__(self, reply: Reply) -> None:
        super().__init__("the turn failed")
        self.reply = reply


def responses_of(agent: Agent) -> Mapping[str, Any]:
    """The responses of the model the server loaded (never a second copy read from disk)."""
    if agent.domain is None:
        raise RuntimeError("The assistant's model is not loaded yet.")
    return agent.domain.responses


class TurnPipeline:
    """Answers one client message for a channel; shared state is per process."""

    def __init__(self, channel_name: str, backlog: ConversationBacklog = BACKLOG) -> None:
        # Cheaper stand-ins for two parts of Rasa's turn, same behaviour (addons/engine/).
        action_results.install()
        graph_runner.install()
        self.channel_name = channel_name
        self.backlog = backlog
        self._receipts: Receipts | None = None

    @property
    def receipts(self) -> Receipts:
        """The shared message receipts, opened on the first message that carries an id."""
        if self._receipts is None:
            self._receipts = Receipts()
        return self._receipts

    async def answer(
        self,
        raw_message: object,
        conversation_id: str,
        message_key: str | None,
        agent: Agent,
        on_new_message: OnNewMessage,
    ) -> TurnReply:
        """The reply to `raw_message`; BadRequest if it is not a message at all."""
        responses = responses_of(agent)
        prepared = prepare_message(raw_message, allowed_payloads(responses))

        def addressed(messages: Reply) -> Reply:
            return [{"recipient_id": conversation_id, **message} for message in messages]

        if prepared.reply is not None:
            return TurnReply(addressed([{"text": prepared.reply}]))
        if not prepared.parts:  # a widget's empty opening message: nothing to answer
            return TurnReply([])
        text = prepared.text or ""
        if self.backlog.busy(conversation_id) and mentions_red_flag(text):
            self.backlog.record_in_background(
                conversation_id, text, self.channel_name, on_new_message
            )
            return TurnReply(addressed(emergency_messages(responses, emergency_language([text]))))
        with self.backlog.admit(conversation_id) as admitted:
            if not admitted:
                return TurnReply(addressed([{"text": WAIT_REPLY}]), status=429)

            async def run() -> Reply:
                return await self._run(
                    prepared.parts, conversation_id, message_key, responses, on_new_message
                )

            if message_key is None:
                try:
                    return TurnReply(await run())
                except TurnFailed as failed:
                    return TurnReply(failed.reply)

            async def transcript() -> list[Event]:
                tracker = await agent.tracker_store.retrieve_full_tracker(conversation_id)
                return [] if tracker is None else list(tracker.events)

            try:
                reply = await answer_once(
                    self.receipts, conversation_id, message_key, run, transcript
                )
            except TurnFailed as failed:  # not answered: the claim is released for a retry
                return TurnReply(failed.reply)
        if reply is None:
            return TurnReply(
                addressed([{"text": WAIT_REPLY}]),
                status=503,
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )
        return TurnReply(reply)

    async def _run(
        self,
        parts: list[str],
        conversation_id: str,
        message_key: str | None,
        responses: Mapping[str, Any],
        on_new_message: OnNewMessage,
    ) -> Reply:
        """Pass each part to Rasa as its own turn; the bot's messages of all of them.

        A failure after some messages went out keeps them (the patient has an answer); a
        failure before any raises TurnFailed with the fixed reply.
        """
        collector = SourcedCollectingOutputChannel()
        starts: list[int] = []
        try:
            for index, part in enumerate(parts):  # two questions: two turns, one reply
                starts.append(len(collector.messages))
                await on_new_message(
                    UserMessage(
                        part,
                        collector,
                        conversation_id,
                        input_channel=self.channel_name,
                        metadata=None,
                        message_id=None if message_key is None else part_id(message_key, index),
                    )
                )
        except Exception as error:  # the patient still gets an answer; the log says which one
            logger.exception(
                "%s: the message in conversation %s failed", self.channel_name, conversation_id
            )
            if not collector.messages:
                failed = failure_messages(parts, responses)
                raise TurnFailed([{"recipient_id": conversation_id, **m} for m in failed]) from (
                    error
                )
        bounds = [*starts, len(collector.messages)]
        by_part = [collector.messages[a:b] for a, b in itertools.pairwise(bounds)]
        return once_each(merge_parts(by_part, clarify_text(responses)))


def clarify_text(responses: Mapping[str, Any]) -> str:
    """The clarifying question's text, as the loaded model sends it."""
    variations = responses.get("utter_clarify") or [{}]
    return str(variations[0].get("text", ""))
