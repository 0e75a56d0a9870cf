"""Round 23's outside tester, fixed on main: a doctor's full name whose first name is also a
word (docs/privacy.md: a doctor's surname typed alone stays, a full name is masked)."""

from __future__ import annotations

import pytest

from core.privacy.names import NAME_MARK
from core.privacy.redaction import redact


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Is Dr. Faith Adeyemi the one doing it?", f"Is Dr. {NAME_MARK} the one doing it?"),
        ("is dr Hope Adeyemi on call tonight", f"is dr {NAME_MARK} on call tonight"),
        ("Dr. Joy Nwachukwu said two levels", f"Dr. {NAME_MARK} said two levels"),
    ],
)
def test_a_doctors_full_name_goes_when_the_first_name_is_a_word(typed: str, stored: str) -> None:
    assert redact(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "Is Dr. Patel the one doing it?",
        "I have faith in Dr. Patel",
        "Dr. Patel gave me hope",
        "Will Dr Patel be there?",
        "is the Dr in today",
    ],
)
def test_a_doctors_surname_alone_and_the_words_stay(typed: str) -> None:
    assert redact(typed) == typed
