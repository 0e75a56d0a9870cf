"""One reply for a message split into two questions: no question back about what is answered.

Why: the turn pipeline passes "is it a big operation? do they cut you open" to Rasa as two
turns (addons/cleaning/questions.py). The first part alone fitted two topics and got the
clarifying question ("Did you mean one of these?"); the second got the answer to one of
them; the patient saw both (issue 24). And two parts about one topic gave its answer twice.
So, across the parts of one message:

- a clarifying question is dropped when another part's answer is one of the topics it
  offers (the patient has that answer already);
- an answer that an earlier part already gave (same topic) is not given again;
- a hand-off (or any other message) exactly as an earlier part sent it is not sent again:
  since the insurance answer ends with the hand-off (issue 24, outside round 2), "is it
  covered by Medicare? and what would I pay myself?" would otherwise show it twice.

Everything else (the disclaimer, notes, emergency messages) is kept as sent. The
conversation's own record (the tracker) keeps every turn; only the reply is merged.
"""

from __future__ import annotations

from typing import Any

Message = dict[str, Any]


def answered_topic(message: Message) -> str | None:
    """The topic of an answer message (its page passage names it), else None."""
    source = message.get("source")
    topic = source.get("topic") if isinstance(source, dict) else None
    return topic if isinstance(topic, str) else None


def offered_topics(message: Message, clarify_text: str) -> set[str]:
    """The topics a clarifying question offers as buttons (empty for any other message)."""
    buttons = message.get("buttons")
    if message.get("text") != clarify_text or not isinstance(buttons, list):
        return set()
    return {
        str(button.get("payload", "")).removeprefix("/")
        for button in buttons
        if isinstance(button, dict)
    }


def merge_parts(parts: list[list[Message]], clarify_text: str) -> list[Message]:
    """The messages of all parts, in order, without the repeats described above."""
    answered = {topic for messages in parts for m in messages if (topic := answered_topic(m))}
    merged: list[Message] = []
    given: set[str] = set()
    for messages in parts:
        for message in messages:
            topic = answered_topic(message)
            if topic is not None and topic in given:
                continue  # the same answer again
            if len(parts) > 1 and message in merged:
                continue  # the same hand-off (or note) again
            if len(parts) > 1 and offered_topics(message, clarify_text) & answered:
                continue  # "did you mean X?" next to the answer to X
            if topic is not None:
                given.add(topic)
            merged.append(message)
    return merged


def once_each(messages: list[Message]) -> list[Message]:
    """The bot's messages with a repeat of an earlier one left out.

    Why: a message split into two questions is two turns, and both may get the same answer
    ("what are the side effects? can it cause paralysis": the risks passage twice, issue 23,
    round 3). One answer is enough; the safety line after the second still comes.
    """
    seen: list[Message] = []
    kept: list[Message] = []
    repeat = False
    for message in messages:
        if "text" in message:
            repeat = message in seen
            seen.append(message)
        # A marker without text ({"custom": {"kind": "emergency"}}) goes with its text.
        if not repeat:
            kept.append(message)
    return kept
