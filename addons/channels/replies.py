"""The replies a channel gives itself, without a full turn: the emergency and the apology.

Why the emergency comes from the loaded model's responses: the message given at the door (a
red flag while the conversation is busy, or a turn that failed) must be the assistant's own
`utter_emergency`, never a second copy that could drift from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from addons.safety.language import detect_other_language
from addons.safety.red_flag_languages import OTHER_LANGUAGES
from addons.safety.red_flags import mention_language

EMERGENCY_RESPONSE = "utter_emergency"
FAILURE_REPLY = (
    "Sorry, something went wrong on our side. Please try again in a moment. If this is an "
    "emergency, call 911."
)


def emergency_language(texts: list[str]) -> str | None:
    """The language (es, pt, pl) a red flag in `texts` is written in, or None for English.

    The language guard's reading of the whole text first (it weighs every word), then the
    language of the first mention: the same order as the red-flag policy's replies.
    """
    for text in texts:
        language = detect_other_language(text)
        if language not in OTHER_LANGUAGES:
            language = mention_language(text)
        if language in OTHER_LANGUAGES:
            return language
    return None


def emergency_messages(
    responses: Mapping[str, Any], language: str | None = None
) -> list[dict[str, Any]]:
    """The assistant's emergency answer (text, then the widget's marker), followed by the
    same in the patient's language when it is one the team translated (issue 23, round 3:
    a failed turn in Polish got the English message only)."""
    names = [EMERGENCY_RESPONSE]
    if language in OTHER_LANGUAGES and f"{EMERGENCY_RESPONSE}_{language}" in responses:
        names.append(f"{EMERGENCY_RESPONSE}_{language}")
    messages: list[dict[str, Any]] = []
    for name in names:
        response = responses[name][0]
        messages.append({"text": " ".join(response["text"].split())})
        if response.get("custom"):
            messages.append({"custom": response["custom"]})
    return messages


def failure_messages(parts: list[str], responses: Mapping[str, Any]) -> list[dict[str, Any]]:
    """What a patient gets when the assistant fails mid-turn (a database, Redis or the model
    away): the emergency message itself if the message describes a red flag, else an apology.

    Why: the apology says "call 911", but a patient describing numb legs must get the fixed
    emergency message whatever broke (found by stopping Redis under a cluster).
    """
    flagged = [part for part in parts if mention_language(part) is not None]
    if flagged:
        return emergency_messages(responses, emergency_language(flagged))
    return [{"text": FAILURE_REPLY}]
