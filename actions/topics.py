"""The FAQ topic names: fixed, because the question log and staff reports key on them.

Each topic is an intent of the same name, answered by the response `utter_<topic>` in
domain.yml. Tests check that this list, the domain and the training data agree.
"""

from __future__ import annotations

FAQ_TOPICS: tuple[str, ...] = (
    "what_is_vertebroplasty",
    "compression_fracture",
    "procedure_duration",
    "procedure_steps",
    "recovery",
    "complications",
    "success_rate",
    "candidates",
    "preparation",
    "insurance_coverage",
    "hospital_experience",
)

CONVERSATION_INTENTS: tuple[str, ...] = (
    "greet",
    "goodbye",
    "thanks",
    "affirm",
    "deny",
    "bot_challenge",
    "help",
    "contact",
    "out_of_scope",
    "emergency",
    "not_covered",
    "request_callback",
    "stop",
)


def answer_response(topic: str) -> str:
    """The domain response that answers a topic."""
    return f"utter_{topic}"
