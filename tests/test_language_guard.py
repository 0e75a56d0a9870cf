"""The English-only guard: other languages get `out_of_scope`, English is never caught."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.safety.language import LANGUAGE_KEY, EnglishOnlyGuard, detect_other_language
from tests.project import nlu_examples


def english_examples() -> list[str]:
    """Every English sentence in the training and held-out data (out_of_scope holds the
    other-language examples, so it is left out)."""
    return [
        text
        for path in ("data/nlu.yml", "tests/nlu_heldout.yml")
        for intent, texts in nlu_examples(path).items()
        if intent != "out_of_scope"
        for text in texts
    ]


def test_no_english_training_or_held_out_message_is_caught() -> None:
    examples = english_examples()
    assert len(examples) > 800
    caught = {text: detect_other_language(text) for text in examples}
    assert {text: lang for text, lang in caught.items() if lang} == {}


@pytest.mark.parametrize(
    "text",
    [
        "¿Cuánto tiempo se tarda en recuperarse?",
        "Est-ce que la vertébroplastie fait mal ?",
        "Wie lange muss ich im Krankenhaus bleiben?",
        "Quais são os riscos do procedimento?",
        "Quali sono i rischi della procedura?",
        "Is het veilig voor mijn moeder?",
        "Какие риски у этой процедуры?",  # noqa: RUF001 (Cyrillic on purpose)
        "这个手术有风险吗",
        "ما هي مخاطر العملية",
        "Có đau không?",
    ],
)
def test_other_languages_are_caught(text: str) -> None:
    assert detect_other_language(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "is a de novo fracture treated the same way?",
        "my name is Maria de la Cruz",
        "we live in La Jolla, is it done there?",
        "can I e-mail you my scans",
        "ok",
        "🙂🙏",
        "",
        None,
    ],
)
def test_english_with_foreign_words_is_left_alone(text: str | None) -> None:
    assert detect_other_language(text) is None


def test_component_lowers_the_message_to_out_of_scope() -> None:
    component = EnglishOnlyGuard({})
    french = Message(data={TEXT: "Combien de temps dure la récupération ?"})
    french.set(INTENT, {"name": "recovery", "confidence": 0.91})
    french.set(INTENT_RANKING_KEY, [{"name": "recovery", "confidence": 0.91}])
    english = Message(data={TEXT: "how long is recovery?"})
    english.set(INTENT, {"name": "recovery", "confidence": 0.97})

    component.process([french, english])

    assert french.get(INTENT) == {"name": "out_of_scope", "confidence": 1.0}
    assert french.get(INTENT_RANKING_KEY)[1] == {"name": "recovery", "confidence": 0.0}
    assert french.get(LANGUAGE_KEY) == "fr"
    assert english.get(INTENT) == {"name": "recovery", "confidence": 0.97}
