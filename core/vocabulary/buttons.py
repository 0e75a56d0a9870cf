"""Buttons the custom actions show (not in domain.yml, because actions send them).

Kept apart from the actions that use them so that the chat channels in the Rasa server can
read which payloads are the bot's own buttons without importing the action code.
"""

from __future__ import annotations

CALLBACK_BUTTON = {"title": "Request a call back", "payload": "/request_callback"}
CONSENT_BUTTONS = [
    {"title": "Yes, please call me", "payload": "/affirm"},
    {"title": "No", "payload": "/deny"},
]
ACTION_BUTTONS = [CALLBACK_BUTTON, *CONSENT_BUTTONS]
