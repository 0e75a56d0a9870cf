"""The call-back form's answers kept aside while the form is open, for whichever server reads
the conversation next.

Why: the transcript stores the form's answers masked (core/privacy/transcripts.py), and a Rasa
server that reads a conversation from the database (another instance behind the balancer,
or the same one after a restart or a cache eviction) rebuilt the form from the masks: it
asked the patient for their name again. While the form is open its answers are written here,
in the same transaction as the transcript rows; when the form ends, or the session does
(expiry or restart), they are deleted; a tracker read from the database gets them back in
place of the masks. An abandoned form's answers go after FORM_ANSWERS_MINUTES (default 60,
the session's expiry) unchanged: on any conversation's next write, when the Rasa server
starts (the tracker store's creation), every twelfth of that time from an idle timer (so
they go even when no one writes; nothing is added to a turn), or by the retention job.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

import sqlalchemy as sa
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from core.db.models import FormAnswer
from core.privacy.retention import expired_form_answers
from core.privacy.transcripts import PERSONAL_SLOT_MARKS, is_mark

TABLE = FormAnswer.__table__
LOGGER = logging.getLogger(__name__)
MIN_SWEEP_SECONDS = 30.0


def sweep_interval(ttl: timedelta) -> float:
    """Seconds between idle sweeps: a twelfth of the TTL (5 minutes for 60), at least 30 s;
    an abandoned answer so lives at most 13/12 of FORM_ANSWERS_MINUTES."""
    return max(MIN_SWEEP_SECONDS, ttl.total_seconds() / 12)


def sweep(engine: sa.engine.Engine, ttl: timedelta) -> int:
    """Delete the abandoned answers now; 0 if the table is not there yet (before migrations)."""
    try:
        with engine.begin() as connection:
            return expired_form_answers(connection, ttl)
    except sa.exc.SQLAlchemyError as error:
        LOGGER.warning("Form answers not swept: %s", type(error).__name__)
        return 0


def start_sweeping(engine: sa.engine.Engine, ttl: timedelta) -> threading.Event:
    """Sweep now (a restart: a form left before it cannot wait for a write) and then every
    `sweep_interval(ttl)` in a daemon thread; set the returned event to stop it."""
    stop = threading.Event()
    sweep(engine, ttl)

    def run() -> None:
        while not stop.wait(sweep_interval(ttl)):
            sweep(engine, ttl)

    threading.Thread(target=run, name="form-answers-sweep", daemon=True).start()
    return stop


def open_form_answers(tracker: DialogueStateTracker) -> dict[str, str]:
    """The personal slots' real values while a form is active; empty when none is."""
    if not tracker.active_loop_name:
        return {}
    return {
        name: value
        for name in PERSONAL_SLOT_MARKS
        if isinstance(value := tracker.get_slot(name), str) and not is_mark(value)
    }


def keep(
    connection: sa.engine.Connection,
    conversation_id: str,
    answers: Mapping[str, str],
    ttl: timedelta,
) -> bool:
    """Replace the conversation's kept answers with `answers` (none: the form has ended),
    and delete every conversation's answers left unchanged for `ttl` (abandoned forms).
    True when answers were deleted for good (the caller clears SQLite's log of them)."""
    deleted = connection.execute(
        sa.delete(TABLE).where(TABLE.c.conversation_id == conversation_id)
    ).rowcount
    expired_form_answers(connection, ttl)
    if answers:
        now = datetime.now(timezone.utc)
        connection.execute(
            sa.insert(TABLE),
            [
                {
                    "conversation_id": conversation_id,
                    "slot": slot,
                    "value": value,
                    "updated_at": now,
                }
                for slot, value in answers.items()
            ],
        )
    return bool(deleted) and not answers


def kept(connection: sa.engine.Connection, conversation_id: str, ttl: timedelta) -> dict[str, str]:
    """The conversation's kept answers, unless left unchanged for `ttl` (then not restored)."""
    fresh = TABLE.c.updated_at >= datetime.now(timezone.utc) - ttl
    rows = connection.execute(
        sa.select(TABLE.c.slot, TABLE.c.value).where(
            TABLE.c.conversation_id == conversation_id, fresh
        )
    ).all()
    return {str(slot): str(value) for slot, value in rows}


def restored(tracker: DialogueStateTracker, answers: Mapping[str, str]) -> DialogueStateTracker:
    """The tracker with the masked form answers replaced by the kept ones (if a form is open)."""
    if not answers or not tracker.active_loop_name:
        return tracker
    events: list[Any] = []
    for event in tracker.events:
        if isinstance(event, SlotSet) and event.key in answers and is_mark(event.value):
            event = SlotSet(event.key, answers[event.key], event.timestamp, event.metadata)
        events.append(event)
    return DialogueStateTracker.from_events(tracker.sender_id, events, tracker.slots.values())
