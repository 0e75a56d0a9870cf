"""action_handoff: give the department's configured contact details and offer a call back."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.runtime import contact_details
from core.vocabulary.buttons import CALLBACK_BUTTON
from core.vocabulary.callback_languages import CALLBACK_IN_ENGLISH_ONLY, callback_request_language
from core.vocabulary.contact import handoff_text

# Read (and report missing values) when the action server starts, not at the first hand-off.
contact_details()


class ActionHandoff(Action):
    def name(self) -> str:
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        # Round 23 (cb09/cb13): a call-back asked for in another language hears, in it, that
        # the form works in English only and how to reach the department instead.
        language = callback_request_language(tracker.latest_message.get("text"))
        if language is not None:
            dispatcher.utter_message(text=CALLBACK_IN_ENGLISH_ONLY[language])
        dispatcher.utter_message(text=handoff_text(contact_details()), buttons=[CALLBACK_BUTTON])
        return []
