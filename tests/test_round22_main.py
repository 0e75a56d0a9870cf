"""Round 22's outside tester (t21r22), fixed on main: another language's Mr and Mrs before a
name, and one redaction final after the learned scorer's marks.

The question log redacts the stored, already redacted turn again; after the scorer masked
"Annegret" the rules read "Frau [name removed] Vogelsang" and masked the surname there only,
so the transcript kept it.
"""

from __future__ import annotations

import pytest
import yaml

from core.privacy.redaction import redact
from tests.project import ROOT

HONORIFICS = [
    ("Herr Jürgen Schäfer fragt nach der Nachsorge", ["Jürgen", "Schäfer"]),
    ("Frau Annegret Vogelsang hat Fragen", ["Annegret", "Vogelsang"]),
    ("Señora Lucía Pérez pregunta si duele", ["Lucía", "Pérez"]),
    ("Madame Élodie Marchand a une question", ["Élodie", "Marchand"]),
    ("Pani Halina Nowak pyta o zabieg", ["Halina", "Nowak"]),
    ("Signora Giuseppina Russo chiede", ["Giuseppina", "Russo"]),
]


@pytest.mark.parametrize(("text", "values"), HONORIFICS)
def test_a_name_after_another_languages_mr_or_mrs_is_masked(text: str, values: list[str]) -> None:
    redacted = redact(text)
    assert [v for v in values if v in redacted] == []


@pytest.mark.parametrize(
    "text",
    [
        "the frau at the desk was kind",
        "Pan Am flight 12 was my last trip",
        "Herr is it?",
        # Round 18's ordinary question, masked by the learned scorer once it was merged.
        "I take metformin and lisinopril, is that ok?",
        "can I keep taking atorvastatin and metoprolol before it",
    ],
)
def test_the_same_words_without_a_name_after_them_stay(text: str) -> None:
    assert redact(text) == text


def _round_22_messages() -> list[str]:
    path = ROOT / "tests" / "round22_messages.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]


@pytest.mark.parametrize("text", ["Frau Annegret Vogelsang hat Fragen", *_round_22_messages()])
def test_one_redaction_is_final_after_the_scorers_marks(text: str) -> None:
    once = redact(text)
    assert redact(once) == once
