"""Did the patient really go through the callback form? Read from the tracker's events.

Why: `action_submit_callback` used to trust the slots. Anyone who can set slots (a direct
call to the action server, an injected `slot` event) could store a call-back request with
any name and number, without the form's phone check and without the consent question. The
submission now takes the values from the form's own run instead: the latest activation of
`callback_form`, the form deactivating itself when it was complete, and the slots the form
set in between, with nothing changing them afterwards.
"""

from __future__ import annotations

import re
from typing import Any

FORM = "callback_form"
CALLBACK_SLOTS = ("callback_name", "callback_phone", "callback_time", "callback_consent")
SUBMIT_ACTION = "action_submit_callback"
# The key of the request just stored ("<conversation id>:<epoch seconds>.<micro>"), kept in a
# slot for a withdrawal: the bot's own value, which the transcript stores as it is (round 23).
REQUEST_KEY_SLOT = "callback_request_key"


# Round 25 (round 24's call368): "cancel" typed after the name answer "Gladys Pumphrey" was
# stored as "[name removed]": read with the message before it, it looked like the name's third
# word. A message that stops the form (the NLU's `stop` intent, or the words the form's own
# prompt offers) is a command, never the end of a detail begun before it.
COMMAND_INTENTS = frozenset({"stop"})
_COMMAND = re.compile(
    r"^\W*(?:please\s+)?(?:cancel|stop|quit|exit|abort|never\s*mind|forget\s+it)"
    r"(?:\s+(?:it|that|this|please|the\s+(?:call(?:\s*back)?|request|form)))*\W*$",
    re.IGNORECASE,
)


def is_command(event: dict[str, Any]) -> bool:
    """Is this user event a command to stop the form ("cancel", "stop please")?"""
    parse_data = event.get("parse_data")
    intent = parse_data.get("intent") if isinstance(parse_data, dict) else None
    name = intent.get("name") if isinstance(intent, dict) else None
    # A stored event is hostile input: an intent's name may be any JSON value (a dict is not
    # hashable: the set lookup raised, and the question log lost the turn).
    if isinstance(name, str) and name in COMMAND_INTENTS:
        return True
    text = event.get("text")
    return isinstance(text, str) and bool(_COMMAND.match(text))


def _is(event: dict[str, Any], kind: str, name: Any = ...) -> bool:
    return event.get("event") == kind and (name is ... or event.get("name") == name)


def completed_form_values(events: Any) -> dict[str, Any] | None:
    """The callback slots as the latest completed run of the form set them, or None.

    None when the form never ran, is still running, was stopped (cancel, emergency) rather
    than completed, or when anything touched its slots, a new message arrived or the request
    was already submitted after it finished.
    """
    if not isinstance(events, list):
        return None
    events = [e for e in events if isinstance(e, dict)]
    starts = [i for i, e in enumerate(events) if _is(e, "active_loop", FORM)]
    if not starts:
        return None
    start = starts[-1]
    end = next(
        (i for i in range(start + 1, len(events)) if _is(events[i], "active_loop")),
        None,
    )
    if end is None or events[end].get("name") is not None:
        return None  # still active, or replaced by another loop
    last_action = next(
        (e.get("name") for e in reversed(events[start:end]) if _is(e, "action")), None
    )
    if last_action != FORM:
        return None  # deactivated by action_deactivate_loop (cancel, emergency), not completed
    values: dict[str, Any] = {}
    for event in events[start + 1 : end]:
        name = event.get("name")
        if _is(event, "slot") and isinstance(name, str) and name in CALLBACK_SLOTS:
            values[name] = event.get("value")
    for event in events[end + 1 :]:
        name = event.get("name")
        touched = _is(event, "slot") and isinstance(name, str) and name in CALLBACK_SLOTS
        if touched or _is(event, "user") or _is(event, "action", SUBMIT_ACTION):
            return None
    return values


def taken_by_the_form(before: list[dict[str, Any]], turn: list[dict[str, Any]]) -> bool:
    """Was the message an answer to the callback form (a name, a number, a time)?

    The form was active when it arrived and ran on it. Such answers are personal details,
    not questions: the question log (core/question_log/) must not turn
    them into question-log rows either. The turn that submits the request is a hand-off and
    stays logged.
    """
    loops = [e for e in before if e.get("event") == "active_loop"]
    active = bool(loops) and loops[-1].get("name") == FORM
    ran = any(e.get("event") == "action" and e.get("name") == FORM for e in turn)
    submitted = any(e.get("event") == "action" and e.get("name") == SUBMIT_ACTION for e in turn)
    return active and ran and not submitted
