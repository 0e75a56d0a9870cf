"""Redact a conversation's events before Rasa's tracker store writes them.

Why: the transcript (Rasa's `events` table) is read by every reviewer in the staff console,
by the back-fill and by retention; it kept phone numbers, e-mail addresses and the call-back
form's answers raw, although the same details are needed only in `callback_requests`. The
tracker store (addons/stores/cached_sql_store.py) passes every new event through `stored_events`,
so what lands in the database is

- every text (the patient's messages, the bot's replies, the parse data) with phone numbers,
  e-mail addresses, dates of birth and social security numbers masked (core/privacy/redaction.py);
- the patient's answers to the call-back form replaced by a mark, and the form's personal slot
  values (name, phone, preferred time) masked, as is any other place those values appear (the
  bot repeats the name and number back: "Thank you, Jane ...").

The tracker in the Rasa server's memory keeps the raw values for the rest of the turn: the
form needs them to submit the request. If a conversation is read back from the database in the
middle of the form, the masked values are asked for again (actions/callback.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from core.privacy.redaction import PHONE_MARK, continuation, redact
from core.vocabulary.callback_form import taken_by_the_form

FORM_ANSWER_MARK = "[form answer removed]"
# The call-back form's personal slots and the mark each stored value becomes.
PERSONAL_SLOT_MARKS: dict[str, str] = {
    "callback_name": "[name removed]",
    "callback_phone": PHONE_MARK,
    "callback_time": "[time removed]",
}
PERSONAL_VALUE_MARK = "[detail removed]"
MARKS = frozenset({FORM_ANSWER_MARK, PERSONAL_VALUE_MARK, *PERSONAL_SLOT_MARKS.values()})
# Keys whose strings are names chosen by the bot's own code (event kinds, intents, actions,
# slots, policies), never the patient's words: left as they are.
STRUCTURAL_KEYS = frozenset(
    {"event", "name", "policy", "timestamp", "message_id", "input_channel", "model_id"}
)
# Shorter values ("Al", "5") would mask ordinary words and figures everywhere.
MIN_VALUE_CHARS = 3


def _is_personal_slot(event: dict[str, Any]) -> bool:
    """A SlotSet of one of the form's personal slots (any other shape is not one)."""
    name = event.get("name")
    return event.get("event") == "slot" and isinstance(name, str) and name in PERSONAL_SLOT_MARKS


def is_mark(value: Any) -> bool:
    """Is this a value the redaction wrote (so not the patient's real detail)?"""
    return isinstance(value, str) and value in MARKS


def _user_turns(events: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """(start, end) of each user message and the events that followed it."""
    starts = [i for i, event in enumerate(events) if event.get("event") == "user"]
    return list(zip(starts, [*starts[1:], len(events)][: len(starts)], strict=True))


def form_answer_indexes(events: Sequence[dict[str, Any]]) -> set[int]:
    """Indexes of the user events that were answers to the call-back form."""
    listed = list(events)
    return {
        start
        for start, end in _user_turns(listed)
        if taken_by_the_form(listed[:start], listed[start:end])
    }


def personal_values(events: Sequence[dict[str, Any]], answers: set[int]) -> list[str]:
    """The conversation's personal details: the form's slot values and the raw answers."""
    values: set[str] = set()
    for index, event in enumerate(events):
        if _is_personal_slot(event):
            value = event.get("value")
        elif index in answers:
            value = event.get("text")
        else:
            continue
        if isinstance(value, str) and len(value.strip()) >= MIN_VALUE_CHARS and not is_mark(value):
            values.add(value.strip())
    return sorted(values, key=len, reverse=True)


class _Scrubber:
    """Masks PII patterns and this conversation's personal values in every patient string."""

    def __init__(self, values: list[str]) -> None:
        self._values = (
            re.compile(
                r"(?<!\w)(?:" + "|".join(re.escape(value) for value in values) + r")(?!\w)",
                re.IGNORECASE,
            )
            if values
            else None
        )

    def text(self, value: str) -> str:
        if self._values is not None:
            value = self._values.sub(PERSONAL_VALUE_MARK, value)
        return redact(value)

    def data(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {
                key: item if key in STRUCTURAL_KEYS else self.data(item)
                for key, item in value.items()
            }
        if isinstance(value, list):
            return [self.data(item) for item in value]
        return value


def _masked_answer(event: dict[str, Any], scrubber: _Scrubber) -> dict[str, Any]:
    masked = scrubber.data(event)
    masked["text"] = FORM_ANSWER_MARK
    parse_data = masked.get("parse_data")
    if isinstance(parse_data, dict):
        masked["parse_data"] = {**parse_data, "text": FORM_ANSWER_MARK, "entities": []}
    return masked


def _masked_slot(event: dict[str, Any]) -> dict[str, Any]:
    if event.get("value") is None:
        return event
    return {**event, "value": PERSONAL_SLOT_MARKS[str(event.get("name"))]}


def _replaced(value: Any, old: str, new: str) -> Any:
    """`value` with `old` replaced by `new` in every string of it (keys kept)."""
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, dict):
        return {key: _replaced(item, old, new) for key, item in value.items()}
    if isinstance(value, list):
        return [_replaced(item, old, new) for item in value]
    return value


def _continuations(events: Sequence[dict[str, Any]]) -> dict[int, tuple[str, str]]:
    """For each event of a turn whose user message finishes a detail the message before it
    broke off ("my number is 860 555" / "0178 sorry hit send too soon"), the rest of that
    detail and its mark: masked in the message, its parse data and any reply that repeats it."""
    found: dict[int, tuple[str, str]] = {}
    previous, current = "", None
    for index, event in enumerate(events):
        text = event.get("text")
        if event.get("event") == "user":
            current = continuation(previous, text) if previous and isinstance(text, str) else None
            previous = text if isinstance(text, str) else ""
        if current:
            found[index] = current
    return found


def stored_events(events: Sequence[dict[str, Any]], first_new: int) -> list[dict[str, Any]]:
    """What to store of `events[first_new:]` (event dicts), judged with the whole list.

    The whole conversation is needed to know whether a message answered the form and which
    values are personal; only the new events are returned, redacted copies.
    """
    listed = list(events)
    answers = form_answer_indexes(listed)
    scrubber = _Scrubber(personal_values(listed, answers))
    continued = _continuations(listed)
    stored = []
    for index in range(first_new, len(listed)):
        event = listed[index]
        if index in continued:
            event = _replaced(event, *continued[index])
        if index in answers:
            stored.append(_masked_answer(event, scrubber))
        elif _is_personal_slot(event):
            stored.append(_masked_slot(event))
        else:
            stored.append(scrubber.data(event))
    return stored
