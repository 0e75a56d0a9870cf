"""The callback request: ask, validate the form's answers and store the request.

The phone number is checked (a bad one is asked again, with an example); nothing is stored
without the patient's explicit consent; the stored request starts with status `new`.

The form's texts live here rather than in domain.yml: Rasa's data validator counts a
response used only by a form or an action as unused, which `--fail-on-warnings` rejects.
Clinical answers stay in domain.yml.
"""

from __future__ import annotations

import abc
import re
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.runtime import log_writer

CALLBACK_SLOTS = ("callback_name", "callback_phone", "callback_time", "callback_consent")

PROMPTS = {
    "callback_name": (
        "I can ask the team to call you back. What name should they ask for? "
        "(Type 'cancel' at any time to stop.)"
    ),
    "callback_phone": "What phone number should they call? Please include the area code.",
    "callback_time": "When is a good time to call? For example: weekday mornings.",
    "callback_consent": (
        "Do you agree that the interventional radiology team may call you on {callback_phone} "
        "about your question?"
    ),
}
CONSENT_BUTTONS = [
    {"title": "Yes, please call me", "payload": "/affirm"},
    {"title": "No", "payload": "/deny"},
]
INVALID_PHONE = (
    "Sorry, that doesn't look like a phone number. Please type it with the area code, "
    "for example (860) 555-0123."
)
SUBMITTED = (
    "Thank you, {callback_name}. Your request has been passed to the interventional radiology "
    "team, who will call {callback_phone} ({callback_time}). This is not for emergencies: if "
    "you need urgent help, call 911."
)
DECLINED = (
    "No problem. Without your agreement we won't call you, and your details have not been kept."
)
CANCELLED = "All right, I've cancelled the call-back request and your details have not been kept."
MAX_FIELD_CHARS = 200
PHONE_ALLOWED = re.compile(r"^\+?[\d\s().\-/]+$")
MIN_PHONE_DIGITS, MAX_PHONE_DIGITS = 7, 15  # E.164 allows at most 15 digits


def normalise_phone(value: str) -> str | None:
    """The number as typed (trimmed) if it looks like a phone number, else None."""
    value = value.strip()
    digits = re.sub(r"\D", "", value)
    if not PHONE_ALLOWED.match(value) or not MIN_PHONE_DIGITS <= len(digits) <= MAX_PHONE_DIGITS:
        return None
    return value


def _clean_text(value: Any) -> str | None:
    text = " ".join(str(value or "").split())
    return text[:MAX_FIELD_CHARS] if text else None


class ValidateCallbackForm(FormValidationAction):
    def name(self) -> str:
        return "validate_callback_form"

    def validate_callback_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"callback_name": _clean_text(value)}

    def validate_callback_phone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        phone = normalise_phone(str(value or ""))
        if phone is None:
            dispatcher.utter_message(text=INVALID_PHONE)
        return {"callback_phone": phone}

    def validate_callback_time(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"callback_time": _clean_text(value)}


class ActionSubmitCallback(Action):
    """Store the request (only with consent), tell the patient, and clear the form."""

    def name(self) -> str:
        return "action_submit_callback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        name, phone, preferred_time, consent = (tracker.get_slot(s) for s in CALLBACK_SLOTS)
        if consent is True and name and phone and preferred_time:
            now = datetime.now(timezone.utc)
            log_writer().submit(
                "callback",
                {
                    "request_key": f"{tracker.sender_id}:{now.timestamp():.6f}"[:255],
                    "conversation_id": tracker.sender_id[:255],
                    "requested_at": now.isoformat(),
                    "name": name,
                    "phone": phone,
                    "preferred_time": preferred_time,
                    "consent": True,
                    "status": "new",
                },
            )
            dispatcher.utter_message(
                text=SUBMITTED.format(
                    callback_name=name, callback_phone=phone, callback_time=preferred_time
                )
            )
        else:
            dispatcher.utter_message(text=DECLINED)
        return [SlotSet(slot, None) for slot in CALLBACK_SLOTS]


class ActionCancelCallback(Action):
    """The patient stopped the form: forget what they typed and say so."""

    def name(self) -> str:
        return "action_cancel_callback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        # After an emergency the emergency message must stand alone.
        if (tracker.latest_message.get("intent") or {}).get("name") != "emergency":
            dispatcher.utter_message(text=CANCELLED)
        return [SlotSet(slot, None) for slot in CALLBACK_SLOTS]


class _AskCallbackSlot(Action, abc.ABC):
    """Ask for one slot of the callback form (one subclass per slot, below).

    Abstract, so that the action server registers only the subclasses.
    """

    @property
    @abc.abstractmethod
    def slot(self) -> str: ...

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = PROMPTS[self.slot].format(callback_phone=tracker.get_slot("callback_phone") or "")
        buttons = CONSENT_BUTTONS if self.slot == "callback_consent" else []
        dispatcher.utter_message(text=text, buttons=buttons)
        return []


class ActionAskCallbackName(_AskCallbackSlot):
    slot = "callback_name"


class ActionAskCallbackPhone(_AskCallbackSlot):
    slot = "callback_phone"


class ActionAskCallbackTime(_AskCallbackSlot):
    slot = "callback_time"


class ActionAskCallbackConsent(_AskCallbackSlot):
    slot = "callback_consent"
