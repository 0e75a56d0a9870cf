"""action_log_question: record the patient's latest question in the question log.

It runs after the bot's reply (the rules put it last), so the answer is already on its way;
it only spools the entry to local disk and returns, and the background writer puts it in the
database. If this action fails or the action server is down, the patient's answer is not
affected; when the writer starts again it first back-fills the questions it missed from
Rasa's transcripts (core/question_log/backfill.py).
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.runtime import log_writer
from core.question_log.question_record import question_from_events

logger = logging.getLogger(__name__)


class ActionLogQuestion(Action):
    def name(self) -> str:
        return "action_log_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        try:
            # The channel comes from the latest user event, checked by the builder (rasa-sdk's
            # get_latest_input_channel() would fail on an event that is not an object).
            record = question_from_events(tracker.sender_id, list(tracker.events or []))
            if record is not None:
                log_writer().submit("question", record)
        except Exception:  # the log must never break the conversation
            logger.exception("Could not log the question of %s", tracker.sender_id)
        return []
