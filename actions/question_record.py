"""Turn a tracker into the question-log entry for its latest patient message.

Pure functions of the tracker's events, so they are tested with real trackers and no server.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from actions.redaction import redact
from actions.storage.models import MAX_TEXT_CHARS
from actions.topics import FAQ_TOPICS

HANDOFF_ACTION = "action_handoff"
CALLBACK_SUBMIT_ACTION = "action_submit_callback"
# Intents that do not ask anything: greetings, thanks, yes/no, "what can you do".
NOT_QUESTIONS = {"greet", "goodbye", "thanks", "affirm", "deny", "bot_challenge", "help"}

OUTCOME_BY_INTENT = {
    "nlu_fallback": "fallback",
    "out_of_scope": "out_of_scope",
    "emergency": "emergency",
    "contact": "handoff",
    "request_callback": "handoff",
    "not_covered": "handoff",
}


def _events_since_last_user_message(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for index in range(len(events) - 1, -1, -1):
        if events[index].get("event") == "user":
            return events[index:]
    return []


def outcome_for(intent: str | None, actions_run: set[str]) -> str | None:
    """What the bot did with the message; None when the message asked nothing."""
    if HANDOFF_ACTION in actions_run or CALLBACK_SUBMIT_ACTION in actions_run:
        return "handoff"
    if intent in FAQ_TOPICS:
        return "answered"
    if intent in OUTCOME_BY_INTENT:
        return OUTCOME_BY_INTENT[intent]
    return None


def question_from_events(
    conversation_id: str, events: list[dict[str, Any]], channel: str | None
) -> dict[str, Any] | None:
    """The log entry for the latest user message, or None if it is not a question."""
    turn = _events_since_last_user_message(events)
    if not turn:
        return None
    user = turn[0]
    parse_data = user.get("parse_data") or {}
    intent = (parse_data.get("intent") or {}).get("name")
    confidence = (parse_data.get("intent") or {}).get("confidence")
    actions_run = {e.get("name") for e in turn if e.get("event") == "action"}
    outcome = outcome_for(intent, {a for a in actions_run if a})
    if outcome is None:
        return None
    text = user.get("text") or ""
    timestamp = float(user.get("timestamp") or 0.0)
    message_id = user.get("message_id") or f"{conversation_id}:{timestamp:.6f}"
    responses = [e.get("text") for e in turn if e.get("event") == "bot" and e.get("text")]
    metadata = user.get("metadata") or {}
    return {
        "message_id": str(message_id)[:64],
        "conversation_id": conversation_id[:255],
        "asked_at": datetime.fromtimestamp(timestamp, tz=timezone.utc).isoformat(),
        "channel": (channel or user.get("input_channel") or "unknown")[:64],
        "text": redact(text[:MAX_TEXT_CHARS]),
        "text_truncated": len(text) > MAX_TEXT_CHARS,
        "intent": intent,
        "confidence": float(confidence) if confidence is not None else None,
        "response": "\n".join(str(r) for r in responses)[: MAX_TEXT_CHARS * 2],
        "outcome": outcome,
        "model_version": (metadata.get("model_id") or None),
    }
