"""Round 26 (issue 21), fixed on main: German nouns are no names."""

from __future__ import annotations

import pytest

from core.privacy.redaction import redact


@pytest.mark.parametrize(
    "typed",
    [
        # nam015 (round 26): "[name removed] zur [name removed]".
        "Ich habe Fragen zur Narkose",
        "Tut die Behandlung weh?",
        "Hallo, ich habe Fragen zur Narkose. Wie lange dauert es?",
        "Wie lange dauert die Behandlung?",
        "Meine Mutter hat Schmerzen im Rücken, ist das normal?",
    ],
)
def test_a_german_question_is_stored_as_typed(typed: str) -> None:
    assert redact(typed) == typed


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("Ich bin Helga Braun und habe Fragen zur Narkose", "Helga"),
        ("Ich bin Frau Jansen und habe Fragen", "Jansen"),
        ("Mein Mann Dieter hat Schmerzen, ist das normal?", "Dieter"),
    ],
)
def test_a_name_in_a_german_message_still_goes(typed: str, gone: str) -> None:
    stored = redact(typed)
    assert gone not in stored
    assert "Fragen" in stored or "Schmerzen" in stored
