"""Phone numbers and e-mail addresses never reach the question log."""

from __future__ import annotations

import pytest

from privacy.redaction import EMAIL_MARK, PHONE_MARK, redact


@pytest.mark.parametrize(
    "text",
    [
        "call me on 860-555-0123 please",
        "my number is (860) 555 0123",
        "ring +1 860 555 0123",
        "8605550123",
        "07700 900123",
        "860.555.0123 after 5",
    ],
)
def test_phone_numbers_are_redacted(text: str) -> None:
    redacted = redact(text)
    assert PHONE_MARK in redacted
    assert not any(ch.isdigit() for ch in redacted.replace(PHONE_MARK, "").split("after")[0])


@pytest.mark.parametrize("text", ["mail mary.smith+ir@example.org", "MARY@EXAMPLE.CO.UK?"])
def test_email_addresses_are_redacted(text: str) -> None:
    assert EMAIL_MARK in redact(text) and "@" not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "does it take 1-2 hours?",
        "is 90% success right?",
        "over 400 procedures",
        "I'm 85 years old",
        "within 24-48 hours",
    ],
)
def test_ordinary_figures_are_kept(text: str) -> None:
    assert redact(text) == text
