"""The replies a channel gives itself, without a full turn: the emergency and the apology.

Why the emergency comes from the loaded model's responses: the message given at the door (a
red flag while the conversation is busy, or a turn that failed) must be the assistant's own
`utter_emergency`, never a second copy that could drift from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from addons.safety.red_flags import mentions_red_flag

EMERGENCY_RESPONSE = "utter_emergency"
FAILURE_REPLY = (
    "Sorry, something went wrong on our side. Please try again in a moment. If this is an "
    "emergency, call 911."
)


def emergency_messages(responses: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The assistant's emergency answer (text, then the widget's marker)."""
    response = responses[EMERGENCY_RESPONSE][0]
    messages: list[dict[str, Any]] = [{"text": " ".join(response["text"].split())}]
    if response.get("custom"):
        messages.append({"custom": response["custom"]})
    return messages


def failure_messages(parts: list[str], responses: Mapping[str, Any]) -> list[dict[str, Any]]:
    """What a patient gets when the assistant fails mid-turn (a database, Redis or the model
    away): the emergency message itself if the message describes a red flag, else an apology.

    Why: the apology says "call 911", but a patient describing numb legs must get the fixed
    emergency message whatever broke (found by stopping Redis under a cluster).
    """
    if any(mentions_red_flag(part) for part in parts):
        return emergency_messages(responses)
    return [{"text": FAILURE_REPLY}]
