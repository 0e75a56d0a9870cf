"""Which messages starting with "/" are the bot's own buttons, and what to do with the rest.

Why: Rasa reads any message that starts with "/" as an intent written out by hand
("/recovery@1 ..."), skipping the whole NLU pipeline, and with it the red-flag and language
safety nets. A patient's client only ever needs the payloads of the bot's own buttons (and the
widget's silent opening "/greet"), so exactly those are passed on; anything else that starts
with "/" is an ordinary message: its leading slashes are dropped so that Rasa's NLU, and the
red-flag check, read it like any other text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from core.vocabulary.buttons import ACTION_BUTTONS
from core.vocabulary.topics import FAQ_TOPICS

# The widget's first, silent message: it makes the assistant open with its disclaimer.
OPENING_PAYLOAD = "/greet"
# What other chat widgets send as their silent opening: rasa-webchat's `initPayload` (its
# README's example and Botfront's default are "/get_started"). Each is answered as the opening:
# the disclaimer and the greeting, not an answer to the words "get started".
OPENING_ALIASES = frozenset({"/get_started", "/start"})
INTENT_PREFIX = "/"


def _buttons_in(value: Any) -> Iterator[dict[str, Any]]:
    """Every button dict anywhere in a domain's responses."""
    if isinstance(value, dict):
        if isinstance(value.get("payload"), str) and "title" in value:
            yield value
        for child in value.values():
            yield from _buttons_in(child)
    elif isinstance(value, list):
        for child in value:
            yield from _buttons_in(child)


def button_payloads(domain_responses: Any, action_buttons: Iterable[dict[str, str]]) -> frozenset:
    """The payloads of every button. A templated one ("/{clarify_first}", filled from a slot
    by the clarifying question) stands for any FAQ topic: it can send each of them."""
    payloads = {b["payload"] for b in _buttons_in(domain_responses)}
    if any("{" in payload for payload in payloads):
        payloads = {p for p in payloads if "{" not in p} | {f"/{t}" for t in FAQ_TOPICS}
    payloads.update(b["payload"] for b in action_buttons)
    payloads.add(OPENING_PAYLOAD)
    return frozenset(p for p in payloads if p.startswith(INTENT_PREFIX))


# The last responses seen and their payloads: a server has one model at a time, so this is
# computed once per loaded model (the responses object is kept, so its id is not reused).
_last: tuple[Mapping[str, Any], frozenset] | None = None


def allowed_payloads(responses: Mapping[str, Any]) -> frozenset:
    """The exact payloads the bot's buttons send: the loaded model's responses and the actions'."""
    global _last
    if _last is None or _last[0] is not responses:
        _last = (responses, button_payloads(responses, ACTION_BUTTONS))
    return _last[1]


def screen_payload(text: str, allowed: frozenset) -> str:
    """The text Rasa should get: a button payload as it is, a widget's opening payload as ours,
    any other "/..." as plain words."""
    if not text.startswith(INTENT_PREFIX) or text in allowed:
        return text
    if text.lower() in OPENING_ALIASES:
        return OPENING_PAYLOAD
    return text.lstrip(INTENT_PREFIX + " \n")
