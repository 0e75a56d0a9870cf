"""action_handoff: give the department's configured contact details and offer a call back."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.runtime import contact_details
from core.vocabulary.buttons import CALLBACK_BUTTON
from core.vocabulary.contact import handoff_text

# Read (and report missing values) when the action server starts, not at the first hand-off.
contact_details()


class ActionHandoff(Action):
    def name(self) -> str:
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(text=handoff_text(contact_details()), buttons=[CALLBACK_BUTTON])
        return []
