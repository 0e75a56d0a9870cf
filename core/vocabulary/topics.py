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
    "follow_up",
)


# Conversation intents whose reply carries no medical fact and changes no state (a greeting, a
# thank-you, the help menu, the contact details, "I only answer about vertebroplasty"): the
# fallback accepts a weaker reading for them (addons/nlu/fallback.py). Not affirm/deny (the
# call-back form's consent), stop and request_callback (they end or start the form).
SMALL_TALK_INTENTS: frozenset[str] = frozenset(
    {"greet", "goodbye", "thanks", "bot_challenge", "help", "contact", "out_of_scope"}
)


def answer_response(topic: str) -> str:
    """The domain response that answers a topic."""
    return f"utter_{topic}"


# A short question per topic, as a patient would ask it: the buttons of the clarifying
# question ("Did you mean ...?") when a message fits two topics about equally.
TOPIC_QUESTIONS: dict[str, str] = {
    "what_is_vertebroplasty": "What is vertebroplasty?",
    "compression_fracture": "What is a compression fracture?",
    "procedure_duration": "How long does it take?",
    "procedure_steps": "What happens during it?",
    "recovery": "What is recovery like?",
    "complications": "What are the risks?",
    "success_rate": "How well does it work?",
    "candidates": "Who can have it?",
    "preparation": "How do I prepare?",
    "insurance_coverage": "Is it covered by insurance?",
    "hospital_experience": "Who does it at this hospital?",
}
