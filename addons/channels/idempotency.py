"""Answer each client message once, even when it is sent again to another Rasa server.

Why: the widget resends a message whose reply did not arrive (a timeout, a Rasa server that
died mid-turn, a dropped connection), and the load balancer may route the retry to another
server. Without a shared record the turn ran twice: two rows in the transcript and the
question log, and two answers. Each message carries the client's `message_id`; the first
server to see it claims it in the shared database (`message_receipts`, unique per
conversation and id), and passes it to Rasa as the user message's id, so the transcript
says which turns it became:

- a repeat of an answered message gets the same reply again, rebuilt from the stored
  transcript (the bot's messages after the user turns with that id), not a second turn;
- a repeat while the first server is still answering waits for it (the answering server
  renews its lease while the turn runs, so a slow turn is not mistaken for a dead server);
- a repeat after the lease ran out (the claiming server died) takes the claim over: if the
  transcript already holds the turn (the server died after saving it) the stored reply is
  sent, otherwise the message is answered now. Nothing is lost and nothing doubles.

A message without an id is answered as before (other clients, the terminal chat).
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime, timedelta, timezone
from typing import Any

from rasa.shared.core.events import BotUttered, Event, UserUttered
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from addons.channels.answer_sources import answer_source
from core.db.database import session_factory
from core.db.models import MessageReceipt
from core.settings import load_settings

logger = logging.getLogger(__name__)

MESSAGE_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
# Longer than the slowest turn (the action server's timeout), so a live server keeps its
# claim; a dead one's claim is taken over after this.
DEFAULT_LEASE_SECONDS = 30.0
POLL_SECONDS = 0.2
NEW, TAKEN_OVER = "new", "taken over"
Reply = list[dict[str, Any]]


def lease_seconds() -> float:
    return float(os.environ.get("MESSAGE_LEASE_SECONDS") or DEFAULT_LEASE_SECONDS)


def valid_message_id(raw: object) -> str | None:
    """The client's message id if it is one; None for a missing one. ValueError if malformed."""
    if raw is None:
        return None
    if not isinstance(raw, str) or not MESSAGE_ID.fullmatch(raw):
        raise ValueError('"message_id" must be 8 to 64 letters, digits, "-" or "_".')
    return raw


def part_id(message_key: str, index: int) -> str:
    """Rasa's id for the `index`th turn a message became (two questions: two turns)."""
    return f"{message_key}.{index}"


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


class Receipts:
    """The shared claims on client message ids, in the project's database."""

    def __init__(self, database_url: str | None = None) -> None:
        self.sessions = session_factory(database_url or load_settings().database_url)

    def claim(self, conversation_id: str, message_key: str) -> str | None:
        """NEW if this server is the first to see the message, TAKEN_OVER if the server that
        claimed it let its lease run out without answering (it died), else None."""
        now = _now()
        lease = now + timedelta(seconds=lease_seconds())
        try:
            with self.sessions.begin() as session:
                session.add(
                    MessageReceipt(
                        conversation_id=conversation_id,
                        message_key=message_key,
                        claimed_at=now,
                        lease_until=lease,
                    )
                )
            return NEW
        except IntegrityError:
            pass
        with self.sessions.begin() as session:  # taken over only if unanswered and expired
            taken = session.execute(
                update(MessageReceipt)
                .where(
                    MessageReceipt.conversation_id == conversation_id,
                    MessageReceipt.message_key == message_key,
                    MessageReceipt.answered_at.is_(None),
                    MessageReceipt.lease_until < now,
                )
                .values(claimed_at=now, lease_until=lease)
                .execution_options(synchronize_session=False)
            )
            return TAKEN_OVER if taken.rowcount else None

    def state(self, conversation_id: str, message_key: str) -> tuple[bool, datetime] | None:
        """(answered, lease end) of a claimed message, or None if nobody claimed it."""
        with self.sessions() as session:
            row = session.execute(
                select(MessageReceipt.answered_at, MessageReceipt.lease_until).where(
                    MessageReceipt.conversation_id == conversation_id,
                    MessageReceipt.message_key == message_key,
                )
            ).first()
        return None if row is None else (row[0] is not None, _aware(row[1]))

    def renew(self, conversation_id: str, message_key: str) -> None:
        """Extend the lease of a message this server is still answering."""
        lease = _now() + timedelta(seconds=lease_seconds())
        self._set(conversation_id, message_key, unanswered_only=True, lease_until=lease)

    def answered(self, conversation_id: str, message_key: str) -> None:
        self._set(conversation_id, message_key, answered_at=_now())

    def release(self, conversation_id: str, message_key: str) -> None:
        """Give up the claim at once (the turn failed): a retry may take it over now."""
        self._set(conversation_id, message_key, lease_until=_now() - timedelta(seconds=1))

    def _set(
        self,
        conversation_id: str,
        message_key: str,
        unanswered_only: bool = False,
        **values: datetime,
    ) -> None:
        row = (MessageReceipt.conversation_id == conversation_id) & (
            MessageReceipt.message_key == message_key
        )
        if unanswered_only:
            row = row & MessageReceipt.answered_at.is_(None)
        with self.sessions.begin() as session:
            session.execute(
                update(MessageReceipt)
                .where(row)
                .values(**values)
                .execution_options(synchronize_session=False)
            )


def stored_reply(events: Iterable[Event], conversation_id: str, message_key: str) -> Reply | None:
    """The bot's messages after the user turns of `message_key`, as the channel sent them;
    None if the transcript has no such turn."""
    prefix = f"{message_key}."
    reply: Reply = []
    found = collecting = False
    for event in events:
        if isinstance(event, UserUttered):
            collecting = bool(event.message_id and event.message_id.startswith(prefix))
            found = found or collecting
        elif collecting and isinstance(event, BotUttered):
            message: dict[str, Any] = {"recipient_id": conversation_id}
            if event.text:
                message["text"] = event.text
            message.update({key: value for key, value in (event.data or {}).items() if value})
            source = answer_source((event.metadata or {}).get("metadata"))
            if source is not None:
                message["source"] = source
            reply.append(message)
    return reply if found else None


async def _answer_holding_claim(
    receipts: Receipts,
    conversation_id: str,
    message_key: str,
    answer: Callable[[], Awaitable[Reply]],
) -> Reply:
    """Run `answer`, renewing the claim's lease every third of it until the turn ends.

    Why: a turn can outlast the lease on a busy machine; without renewal, the client's retry
    made another server take the claim over as if this one had died, and the message became
    two turns. A server that dies stops renewing, so its claim still runs out.
    """

    async def keep_claim() -> None:
        while True:
            await asyncio.sleep(lease_seconds() / 3)
            try:
                await asyncio.to_thread(receipts.renew, conversation_id, message_key)
            except Exception:  # the database away: the turn goes on; the lease may lapse
                logger.warning("Could not renew the claim on a message of %s", conversation_id)

    renewal = asyncio.ensure_future(keep_claim())
    try:
        return await answer()
    finally:
        renewal.cancel()


async def answer_once(
    receipts: Receipts,
    conversation_id: str,
    message_key: str,
    answer: Callable[[], Awaitable[Reply]],
    transcript: Callable[[], Awaitable[Iterable[Event]]],
) -> Reply | None:
    """The reply to the message: answered now by `answer` if this server claims it, else the
    stored one. None if another server is still answering it after waiting a while (the
    client should retry)."""
    deadline = asyncio.get_running_loop().time() + lease_seconds() + 1
    while True:
        claimed = await asyncio.to_thread(receipts.claim, conversation_id, message_key)
        if claimed is not None:
            stored = None
            if claimed == TAKEN_OVER:  # the server that died may have saved the turn
                stored = stored_reply(await transcript(), conversation_id, message_key)
            if stored is None:
                try:
                    stored = await _answer_holding_claim(
                        receipts, conversation_id, message_key, answer
                    )
                except BaseException:
                    await asyncio.to_thread(receipts.release, conversation_id, message_key)
                    raise
            await asyncio.to_thread(receipts.answered, conversation_id, message_key)
            return stored
        state = await asyncio.to_thread(receipts.state, conversation_id, message_key)
        if state is not None and state[0]:
            stored = stored_reply(await transcript(), conversation_id, message_key)
            return stored if stored is not None else []
        if asyncio.get_running_loop().time() > deadline:
            return None
        await asyncio.sleep(POLL_SECONDS)
