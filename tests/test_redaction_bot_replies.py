"""The redaction leaves the bot's own replies as they are.

The transcript stores every reply redacted, and a resent message is answered from it
(addons/channels/idempotency.py): round 16's clause rule read "Many people are back to their
usual activities" in the recovery answer as a town ("Many", Louisiana) before "people", and a
patient who resent their question was shown "[address removed] people" (found by
tests/test_message_idempotency.py on a fresh clone)."""

from __future__ import annotations

from core.privacy.redaction import redact
from tests.project import load_yaml


def _responses() -> list[tuple[str, str]]:
    domain = load_yaml("domain.yml")
    return [
        (name, variant["text"])
        for name, variants in domain["responses"].items()
        for variant in variants
        if isinstance(variant, dict) and isinstance(variant.get("text"), str)
    ]


def test_every_reply_in_the_domain_is_stored_as_written() -> None:
    responses = _responses()
    assert len(responses) > 50
    changed = [(name, redact(text)) for name, text in responses if redact(text) != text]
    assert changed == []


def test_a_quantity_word_before_people_is_no_town() -> None:
    text = "Many people are back to their usual activities within 24-48 hours."
    assert redact(text) == text
