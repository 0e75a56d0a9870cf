"""Turn a tracker into the question-log entry for its latest patient message.

Pure functions of the tracker's events, so they are tested with real trackers and no server.

Only validated values reach an entry (see core/db/values.py for why): the channel is
one of Rasa's channel names, the model version a plain identifier, the intent a short
string, the confidence a finite number in [0, 1], the time a real moment (the current time
if the event's is not), ids and texts cut to their columns and free of NUL and lone
surrogates. Whatever the events hold, the result is None or an entry the database accepts.
"""

from __future__ import annotations

import json
import time
from bisect import bisect_right
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

from core.db.models import MAX_TEXT_CHARS, Question
from core.db.values import (
    bounded_text,
    finite_float,
    identifier,
    label,
    one_line,
    storable_text,
    token,
    unit_interval,
)
from core.privacy.redaction import redact
from core.privacy.transcripts import stored_events
from core.vocabulary.callback_form import SUBMIT_ACTION, taken_by_the_form
from core.vocabulary.topics import FAQ_TOPICS

HANDOFF_ACTION = "action_handoff"
EMERGENCY_ACTION = "utter_emergency"

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
# Rasa 3.6's own input channels (rasa.core.channels.BUILTIN_CHANNELS); any other value of a
# user event's `input_channel` is stored as "unknown". A custom channel that should be told
# apart in the log adds its name here.
KNOWN_CHANNELS = frozenset(
    {
        "botframework", "callback", "cmdline", "facebook", "hangouts", "mattermost", "rasa",
        "rest", "rocketchat", "slack", "socketio", "telegram", "twilio", "twilio_voice",
        "webexteams",
    }
)  # fmt: skip
UNKNOWN_CHANNEL = "unknown"
# From 2001-09-09 (epoch 1e9) to a day ahead of this machine's clock: anything else is not
# when a patient wrote, and would hide the entry from the inbox or from retention.
EARLIEST_TIMESTAMP = 1e9
CLOCK_SKEW_SECONDS = 86_400.0

_COLUMNS = Question.__table__.columns
MESSAGE_ID_CHARS = _COLUMNS["message_id"].type.length
CONVERSATION_ID_CHARS = _COLUMNS["conversation_id"].type.length
INTENT_CHARS = _COLUMNS["intent"].type.length
MODEL_VERSION_CHARS = _COLUMNS["model_version"].type.length
RED_FLAG_CHARS = _COLUMNS["red_flag"].type.length
RED_FLAG_CUE_CHARS = _COLUMNS["red_flag_cue"].type.length
# What the NLU's red-flag net records on a message (addons/safety/red_flags.py), and the slot
# the red-flag policy sets when two messages together were the report.
RED_FLAG_CONTEXT_KEY = "red_flag_context"
RED_FLAG_REASON_SLOT = "red_flag_reason"
# An emergency the classifier alone raised (no red-flag pattern matched, no two-message
# report): staff still see it among the emergencies, and that the net did not find it, which
# is what the net's patterns should learn from (issue 23: such entries had no flag at all).
MODEL_ONLY = ("model_only", "the model said emergency; no red-flag pattern")


def _events_since_last_user_message(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for index in range(len(events) - 1, -1, -1):
        if events[index].get("event") == "user":
            return events[index:]
    return []


def outcome_for(intent: str | None, actions_run: set[str]) -> str | None:
    """What the bot did with the message; None when the message asked nothing."""
    if HANDOFF_ACTION in actions_run or SUBMIT_ACTION in actions_run:
        return "handoff"
    if intent in FAQ_TOPICS:
        return "answered"
    if intent in OUTCOME_BY_INTENT:
        return OUTCOME_BY_INTENT[intent]
    return None


# A greeting, thanks or yes/no holds no question mark and is short; a message read as one
# that has either asked something the bot did not answer (round 15 and 17's outside testers:
# "Thanks for the info! Is there any lifting restriction afterwards?" got "You're welcome",
# "hi!! its gerry ..., shes 92, fell 11/30, her number ..." got a greeting, and staff never
# saw either). Logged as a fallback: the bot did not answer.
COURTESY_MAX_WORDS = 12


def says_more_than_a_courtesy(text: str) -> bool:
    """Does a message the classifier read as a courtesy carry a question or a story?"""
    return "?" in text or len(text.split()) > COURTESY_MAX_WORDS


def channel_name(value: object) -> str:
    """One of Rasa's channel names, or "unknown"."""
    return value if isinstance(value, str) and value in KNOWN_CHANNELS else UNKNOWN_CHANNEL


def event_time(value: object, now: float | None = None) -> float:
    """The event's time in seconds since the epoch, or now if it is not a plausible one."""
    now = time.time() if now is None else now
    seconds = finite_float(value)
    if seconds is None or not EARLIEST_TIMESTAMP <= seconds <= now + CLOCK_SKEW_SECONDS:
        return now
    return seconds


def message_key(conversation_id: str, user: dict[str, Any]) -> str:
    """The entry's unique key: Rasa's message id, else the conversation and the time.

    The same event gives the same key (Rasa's events always have an id and a real time), so
    an entry rebuilt by the back-fill is recognised as the one the action logged.
    """
    message_id = identifier(user.get("message_id"), MESSAGE_ID_CHARS)
    if message_id:
        return message_id
    return f"{conversation_id}:{event_time(user.get('timestamp')):.6f}"[:MESSAGE_ID_CHARS]


def _intent(user: dict[str, Any]) -> tuple[str | None, float | None]:
    parse_data = user.get("parse_data")
    intent = parse_data.get("intent") if isinstance(parse_data, dict) else None
    if not isinstance(intent, dict):
        return None, None
    return label(intent.get("name"), INTENT_CHARS), unit_interval(intent.get("confidence"))


def red_flag_of(user: dict[str, Any], turn: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    """The red flag the turn was about and the context cue that decided, as staff see them."""
    for event in turn:
        if event.get("event") == "slot" and event.get("name") == RED_FLAG_REASON_SLOT:
            name, _, why = storable_text(event.get("value")).partition(" | ")
            return label(name, RED_FLAG_CHARS), one_line(why, RED_FLAG_CUE_CHARS) or None
    parse_data = user.get("parse_data")
    context = parse_data.get(RED_FLAG_CONTEXT_KEY) if isinstance(parse_data, dict) else None
    if not isinstance(context, dict):
        return None, None
    flag = label(context.get("flag"), RED_FLAG_CHARS)
    if flag is None:
        return None, None
    return flag, one_line(context.get("cue"), RED_FLAG_CUE_CHARS) or None


def question_from_events(
    conversation_id: str, events: list[Any], channel: str | None = None
) -> dict[str, Any] | None:
    """The log entry for the latest user message, or None if it is not a question.

    `channel` is the channel Rasa reported for the message, if the caller has it; otherwise
    (and when it is not a channel name) the user event's own `input_channel` is used.
    """
    if not identifier(conversation_id, CONVERSATION_ID_CHARS) or not isinstance(events, list):
        return None
    # As the transcript stores them: PII and the call-back form's details masked, so the
    # reply that repeats a patient's name and number is logged without them.
    usable = stored_events([e for e in events if isinstance(e, dict)], 0)
    return question_of_turn(conversation_id, usable, channel)


def question_of_turn(
    conversation_id: str, usable: list[dict[str, Any]], channel: str | None = None
) -> dict[str, Any] | None:
    """The entry for the latest user message of `usable`: events as stored (redacted dicts).

    Split from `question_from_events` so that a conversation's rows are judged by
    `stored_events` once, not once per message (the follower and the back-fill).
    """
    conversation = identifier(conversation_id, CONVERSATION_ID_CHARS)
    if not conversation:
        return None
    turn = _events_since_last_user_message(usable)
    if not turn or taken_by_the_form(usable[: len(usable) - len(turn)], turn):
        return None
    user = turn[0]
    intent, confidence = _intent(user)
    actions_run = {
        name for e in turn if e.get("event") == "action" and isinstance(name := e.get("name"), str)
    }
    outcome = outcome_for(intent, actions_run)
    if EMERGENCY_ACTION in actions_run:
        outcome = "emergency"  # a report the policy saw over two messages
    text = storable_text(user.get("text"))
    if outcome is None and intent in NOT_QUESTIONS and says_more_than_a_courtesy(text):
        outcome = "fallback"  # read as a greeting or thanks: what it asked went unanswered
    if outcome is None:
        return None
    responses = [storable_text(e.get("text")) for e in turn if e.get("event") == "bot"]
    metadata = user.get("metadata")
    model_id = metadata.get("model_id") if isinstance(metadata, dict) else None
    red_flag, red_flag_cue = red_flag_of(user, turn)
    if outcome == "emergency" and red_flag is None:
        red_flag, red_flag_cue = MODEL_ONLY
    known_channel = channel_name(channel)
    if known_channel == UNKNOWN_CHANNEL:
        known_channel = channel_name(user.get("input_channel"))
    return {
        "message_id": message_key(conversation, user),
        "conversation_id": conversation,
        "asked_at": datetime.fromtimestamp(
            event_time(user.get("timestamp")), tz=timezone.utc
        ).isoformat(),
        "channel": known_channel,
        "text": redact(text[:MAX_TEXT_CHARS]),
        "text_truncated": len(text) > MAX_TEXT_CHARS,
        "intent": intent,
        "confidence": confidence,
        "response": bounded_text("\n".join(r for r in responses if r), MAX_TEXT_CHARS * 2),
        "outcome": outcome,
        "model_version": token(model_id, MODEL_VERSION_CHARS),
        "red_flag": red_flag,
        "red_flag_cue": red_flag_cue,
    }


def stored_event(data: Any) -> dict[str, Any] | None:
    """A stored row's event, or None when the row is not a JSON object."""
    try:
        event = json.loads(data)
    except (TypeError, ValueError, RecursionError):
        return None
    return event if isinstance(event, dict) else None


def turn_records(
    sender: str, rows: Sequence[tuple[int, Any]], wanted: set[int] | None = None
) -> list[dict[str, Any]]:
    """The entries of the user messages stored in rows `wanted` (None: all of them).

    `rows` are (row id, stored JSON) in id order; a turn runs from its user message to the
    next one. Rows that are not events are left out; the rest is judged as the store keeps it
    (`stored_events` over all of them, once) and each wanted turn goes to `question_of_turn`.
    """
    ids: list[int] = []
    events: list[dict[str, Any]] = []
    for row_id, data in rows:
        event = stored_event(data)
        if event is not None:
            ids.append(row_id)
            events.append(event)
    starts = [
        i
        for i, e in enumerate(events)
        if e.get("event") == "user" and (wanted is None or ids[i] in wanted)
    ]
    if not starts:
        return []
    every_start = [i for i, e in enumerate(events) if e.get("event") == "user"]
    usable = stored_events(events, 0)
    records = []
    for start in starts:
        following = bisect_right(every_start, start)
        end = every_start[following] if following < len(every_start) else len(usable)
        record = question_of_turn(sender, usable[:end], usable[start].get("input_channel"))
        if record is not None:
            records.append(record)
    return records
