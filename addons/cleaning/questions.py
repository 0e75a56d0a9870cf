"""Find the questions in a patient's message: sentences, which ones ask, and the PII to drop.

Why: real messages are not FAQ lines. A caregiver writes three sentences of history and asks
at the end; a patient leaves a phone number before the question; two questions arrive in one
message. The classifier was trained on single questions, so it is shown the question
sentences, without the personal details (which carry no meaning for the topic and pulled
messages towards "contact").

Pure functions of the text, shared by the NLU component (focus.py) and the channels.
"""

from __future__ import annotations

import re

from addons.cleaning.abbreviations import split_sentences
from core.privacy.redaction import MARKS, redact

_QUESTION_START = re.compile(
    r"^\s*(and|but|also|so|ok|okay|plus|then|hi|hello)?[\s,]*"
    r"(how|what|what's|whats|when|where|why|who|whom|which|is|are|am|was|were|can|could|"
    r"will|would|do|does|did|should|shall|may|might|must|has|have|had|any|anything)\b",
    re.IGNORECASE,
)
_ASKING = re.compile(
    r"\b((i|we|he|she|they)(\s+wants?|\s+needs?|\s+would\s+like|'d\s+like)\s+to\s+"
    r"(know|ask)|tell\s+me|"
    r"i\s*'?m\s+wondering|"
    r"i\s+wonder|wondering|explain|please\s+advise|any\s+(info|information|advice))\b",
    re.IGNORECASE,
)
_MARK = re.compile("|".join(re.escape(mark) for mark in MARKS))
# Below this many words a message is read whole: a short message is its own question.
LONG_MESSAGE_WORDS = 25
MIN_QUESTION_WORDS = 3


def sentences(text: str) -> list[str]:
    """The message's sentences, stripped, empty ones left out."""
    return [part.strip() for part in split_sentences(text) if part and part.strip()]


def is_question(sentence: str) -> bool:
    """Does the sentence ask something (a question mark, a question word first, "tell me")?"""
    return (
        sentence.rstrip().endswith("?")
        or _QUESTION_START.match(sentence) is not None
        or _ASKING.search(sentence) is not None
    )


def without_pii(text: str) -> str:
    """The text with phone numbers, e-mail addresses, dates of birth and SSNs removed, and
    the sentences that only gave them ("my number is ...") dropped."""
    redacted = redact(text)
    if redacted == text:
        return text
    kept = [s for s in sentences(redacted) if not _MARK.search(s) or is_question(s)]
    return " ".join(_MARK.sub("", s) for s in kept).strip() or _MARK.sub("", redacted).strip()


def questions(text: str) -> list[str]:
    """The question sentences of the message, in order (the whole text if none is found)."""
    found = [s for s in sentences(text) if is_question(s)]
    return found or [text.strip()]


# A closing request that names no topic: the topic is in the sentence before it.
_GENERIC_REQUEST = re.compile(
    r"^\W*(please\W+)?((can|could|would|will)\s+you\s+(please\s+)?(explain|tell\s+me|help|"
    r"advise|let\s+me\s+know)|please\s+(explain|advise|tell\s+me|help|let\s+me\s+know))"
    r"(\s+(this|that|it|please|more|me))*\W*$",
    re.IGNORECASE,
)


# A sentence that only says what the patient does not have: "No chest pain, no fever."
# Also after a short "all is well": "(my legs) are fine, no numbness."
_DENIAL = re.compile(
    r"^\W*([\w' ]{0,30}\b(fine|ok|okay|good|normal|better|great|well)\W+)?"
    r"(no|not|nothing|none|never|without|(i|he|she|we)\s+(don'?t|do not|doesn'?t|does not|"
    r"haven'?t|have not|hasn'?t|has not)\s+(have|had|got|feel|felt|notice|noticed))\b[^?]*$",
    re.IGNORECASE,
)


def without_denials(text: str) -> str:
    """The message without the sentences that only deny symptoms, when others follow.

    Why: "No chest pain, no breathing trouble, no fever. Just wondering when I can garden
    again" was read as a "no" (the deny intent: "All right...") and the question went
    unanswered and unlogged (issue 23, round 3). The red-flag net still reads the whole
    message (full_text); this is only what the topic classifier reads.
    """
    parts = sentences(text)
    kept = [part for part in parts if not _DENIAL.match(part)]
    return " ".join(kept) if kept and len(kept) < len(parts) else text


# A sentence that only greets: "Good afternoon.", "Hi there!", "Hello doctor,".
_GREETING_ONLY = re.compile(
    r"^\W*(good\s+(morning|afternoon|evening|day)|hi|hello|hey|hiya|greetings|howdy|"
    r"buenos\s+d[ií]as|buenas(\s+(tardes|noches))?|hola)"
    r"(\s+(there|all|everyone|folks|team|doctor|doc|nurse|again))?\W*$",
    re.IGNORECASE,
)


def without_greeting(text: str) -> str:
    """The message without an opening sentence that only greets, when a question follows.

    Why: "Good afternoon. My father was told he needs vertebroplasty. Is it painful?" was
    read as a greeting: the question got "Hello! Ask me anything" and no question-log row
    (round 13's outside tester). As with denials, only the classifier's text changes.
    """
    parts = sentences(text)
    asks = any(is_question(part) for part in parts[1:])  # "Hi! I have a question." greets
    if len(parts) > 1 and asks and _GREETING_ONLY.match(parts[0]):
        return " ".join(parts[1:])
    return text


def focus(text: str) -> str:
    """What the classifier should read: without PII and without sentences that only deny
    symptoms; for a long message, its last two questions (the story before them is context
    the topics do not depend on). A closing "Can you explain?" is read with the sentence
    before it, which holds the topic."""
    cleaned = without_greeting(without_denials(without_pii(text)))
    if len(cleaned.split()) < LONG_MESSAGE_WORDS:
        return cleaned
    parts = sentences(cleaned)
    if len(parts) > 1 and _GENERIC_REQUEST.match(parts[-1]):
        return parts[-2]
    asked = [q for q in questions(cleaned) if len(q.split()) >= MIN_QUESTION_WORDS]
    return " ".join(asked[-2:]) if asked else cleaned


def compound_parts(text: str) -> list[str]:
    """Two questions asked in one message, as two messages; otherwise the message alone.

    Only when the message holds exactly two sentences that ask, each of at least three
    words, and nothing follows the second: "How long does it take? And is it painful?".
    The story before the first question goes with the first part.
    """
    parts = sentences(text)
    # Not a denial ("are fine, no numbness." opens like a question): it is no second turn.
    asked = [
        i
        for i, s in enumerate(parts)
        if is_question(s) and len(s.split()) >= 3 and not _DENIAL.match(s)
    ]
    if asked == [len(parts) - 1]:  # one asking sentence, last: maybe "…take and is it…?"
        joined = _joined_questions(parts[-1])
        if joined is not None:
            return [" ".join([*parts[:-1], joined[0]]), joined[1]]
    if len(asked) != 2 or asked[1] != len(parts) - 1:
        return [text]
    first = " ".join(parts[: asked[1]])
    return [first, parts[asked[1]]]


# "and" (or ", and", "also") joining two questions in one sentence.
_JOIN = re.compile(r",?\s+(?:and|also|and also)\s+", re.IGNORECASE)


def _joined_questions(sentence: str) -> tuple[str, str] | None:
    """Two questions joined by "and" in one sentence, as two; None if it is one question.

    "how long does it take and is it covered by medicare?": both halves must read as
    questions (a question word first) of at least three words, so "is it safe and
    effective" and "can I walk and drive afterwards" stay whole.
    """
    if _QUESTION_START.match(sentence) is None:
        return None
    for join in _JOIN.finditer(sentence):
        first, second = sentence[: join.start()].strip(), sentence[join.end() :].strip()
        if (
            len(first.split()) >= MIN_QUESTION_WORDS
            and len(second.split()) >= MIN_QUESTION_WORDS
            and _QUESTION_START.match(second) is not None
        ):
            return first, second
    return None
