"""What the channels accept from a client, and what they pass to Rasa.

Every channel calls `prepare_message` on the client's message before Rasa sees it: the text
must be a string; it is normalised (addons/cleaning/text.py), screened for hand-written intents
(addons/cleaning/payloads.py) and capped at MAX_MESSAGE_CHARS.

Why a cap: a 1 MB message took 12.9 s of the Rasa server's single event loop, during which
another patient's emergency waited, and became a 6 MB row. The widget has the same cap. A
message over the cap gets a polite request to shorten it, answered by the channel at once,
unless it mentions a red-flag symptom: then the part around that mention (within the cap) is
passed on, so the emergency message is never lost to the length rule.

A message with no text (`message` missing, null, empty or blank) is a widget opening the chat:
rasa-webchat sends one when it opens (`user_uttered` without `message` unless the page sets an
`initPayload`). It is answered as the opening (the greeting, with the disclaimer if it is the
first message), never with "could not read that message".
"""

from __future__ import annotations

from dataclasses import dataclass

from addons.cleaning.payloads import OPENING_PAYLOAD, screen_payload
from addons.cleaning.questions import compound_parts
from addons.cleaning.text import fold, normalise_text
from addons.safety.red_flags import first_red_flag_at, mentions_red_flag

MAX_MESSAGE_CHARS = 1000
# A 1,000-character message is at most 12 KB as JSON, even with every character escaped as
# a surrogate pair (\ud83d\ude00); with the other fields, anything bigger than this is
# refused (413) before it is read.
MAX_BODY_BYTES = 16 * 1024
TOO_LONG_REPLY = (
    "Sorry, that message is too long for me ({length:,} characters). Please shorten it to "
    "under {limit:,} characters, or ask one question at a time. If this is an emergency, "
    "call 911."
)


class BadRequest(ValueError):
    """A request the channel refuses with a 4xx; the message is safe to show the client."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Prepared:
    """Either the text to pass to Rasa, or a reply the channel gives itself."""

    text: str | None = None
    reply: str | None = None

    @property
    def parts(self) -> list[str]:
        """The messages to pass to Rasa, in order: two when the text asks two questions.

        Why split: the classifier gives one topic per message, so "How long does it take?
        And is it painful?" got one answer. Each question is passed as its own message and
        both answers come back in the one reply. A message with a red flag, a button payload
        or anything else stays whole: the emergency must be the only answer.
        """
        if self.text is None:
            return []
        if self.text.startswith("/") or mentions_red_flag(self.text):
            return [self.text]
        return compound_parts(self.text)


def prepare_message(raw: object, allowed_payloads: frozenset) -> Prepared:
    """What to do with a client's `message` (None when the client sent none); BadRequest if it
    is neither a string nor missing.

    `allowed_payloads`: the bot's own button payloads (payloads.allowed_payloads), the only
    "/intent" messages passed on as they are.
    """
    if raw is None:
        return Prepared(text=OPENING_PAYLOAD)
    if not isinstance(raw, str):
        raise BadRequest('"message" must be a string.')
    text = normalise_text(raw)
    if not text:
        return Prepared(text=OPENING_PAYLOAD)
    if len(text) > MAX_MESSAGE_CHARS:
        red_flag_at = first_red_flag_at(fold(text))  # a position in the folded text
        if red_flag_at is None:
            return Prepared(reply=TOO_LONG_REPLY.format(length=len(text), limit=MAX_MESSAGE_CHARS))
        text = window_around(text, original_position(text, red_flag_at))
    return Prepared(text=screen_payload(text, allowed_payloads))


def original_position(text: str, folded_at: int) -> int:
    """The position in `text` of the character at `folded_at` in `fold(text)`.

    Folding drops accents and invisible characters, so positions shift; each character is
    folded on its own to count how far the folded text has got.
    """
    reached = 0
    for index, char in enumerate(text):
        reached += len(fold(char))
        if reached > folded_at:
            return index
    return len(text)


# A cut backs off to a space only this near the edge: further, it is not a word (a run of
# marks or symbols) and backing off could drop the red flag itself.
LONGEST_WORD = 60


def window_around(text: str, at: int) -> str:
    """The patient's own text around position `at`, at most MAX_MESSAGE_CHARS, whole words.

    Why the patient's text and not the folded copy the red-flag patterns read: the folded copy
    is lower-case, and the redaction recognises names partly by their capitals (an outside
    tester's long emergency stored "i'm oluwaseun adeyemi" raw). Whole words, so that an
    e-mail address or a name at the edge is not cut into pieces the redaction cannot see.
    """
    start = max(0, at - MAX_MESSAGE_CHARS // 4)
    end = min(len(text), start + MAX_MESSAGE_CHARS)
    if start > 0:  # begin after the space that ends a cut word, if one is near
        space = text.find(" ", start, min(at, start + LONGEST_WORD))
        start = space + 1 if space != -1 else start
    if end < len(text):  # end at the space before a cut word, if one is near
        space = text.rfind(" ", max(at, end - LONGEST_WORD), end)
        end = space if space != -1 else end
    return text[start:end].strip()
