"""Withdraw the call-back request just sent: "cancel" or "no" right after the consent "yes".

Why (round 21, callback-028/-029): the request stayed `new` and the patient was told
"All right..."; the team would have called anyway. The rules run this action only right after
`action_submit_callback` (data/rules.yml); the request is marked `withdrawn` in the database
(core/db/callback_withdrawal.py) and the patient is told so, or told how to reach the team
when it could not be done.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.callback import REQUEST_KEY_SLOT
from actions.runtime import contact_details, log_writer
from core.db.callback_withdrawal import withdraw_request
from core.db.values import identifier
from core.settings import load_settings
from core.vocabulary.contact import handoff_text

logger = logging.getLogger(__name__)

WITHDRAWN = (
    "All right, I've withdrawn your call-back request: the team will not call you about it. "
    "You can ask for a call back again at any time."
)
NOT_WITHDRAWN = (
    "Sorry, I couldn't withdraw your call-back request here, so the team may still call you. "
    "To stop it, please contact the department:"
)
NOTHING_SENT = (
    "No call-back request was sent, so there is nothing to withdraw and the team will not call."
)
MAX_CONVERSATION_ID_CHARS = 255


class ActionWithdrawCallback(Action):
    def name(self) -> str:
        return "action_withdraw_callback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        key = tracker.get_slot(REQUEST_KEY_SLOT)
        if not isinstance(key, str) or not key:
            dispatcher.utter_message(text=NOTHING_SENT)
            return []
        conversation_id = identifier(tracker.sender_id, MAX_CONVERSATION_ID_CHARS)
        withdrawn = False
        try:
            log_writer().flush()  # the request just spooled is in the database
            withdrawn = bool(conversation_id) and withdraw_request(
                load_settings().database_url, str(conversation_id), key
            )
        except SQLAlchemyError as error:
            logger.warning("Call-back request not withdrawn: %s", type(error).__name__)
        if withdrawn:
            dispatcher.utter_message(text=WITHDRAWN)
        else:
            dispatcher.utter_message(text=NOT_WITHDRAWN)
            dispatcher.utter_message(text=handoff_text(contact_details()))
        return [SlotSet(REQUEST_KEY_SLOT, None)]
