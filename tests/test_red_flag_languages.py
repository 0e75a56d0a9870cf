"""Every language the red-flag net reads has every flag and every message (issue 23).

The translations are the team's, marked in domain.yml for the hospital's review; a language
added to red_flag_languages.py without its messages would send an emergency without the
patient's language, or a language-help line that does not exist.
"""

from __future__ import annotations

import pytest

from addons.safety.language import detect_other_language
from addons.safety.red_flag_languages import OTHER_LANGUAGES
from addons.safety.red_flag_policy import (
    EMERGENCY,
    LANGUAGE_HELP,
    LANGUAGE_HELP_PHONE,
    SAFETY_LINE,
    language_help,
)
from addons.safety.red_flags import RED_FLAG_PATTERNS
from core.vocabulary.contact import ContactDetails
from tests.project import load_yaml

RESPONSES = load_yaml("domain.yml")["responses"]


@pytest.mark.parametrize("language", sorted(OTHER_LANGUAGES))
@pytest.mark.parametrize("message", [EMERGENCY, SAFETY_LINE, LANGUAGE_HELP, LANGUAGE_HELP_PHONE])
def test_each_language_has_every_message(language: str, message: str) -> None:
    variations = RESPONSES.get(f"{message}_{language}")
    assert variations and variations[0]["text"].strip()


@pytest.mark.parametrize("language", sorted(OTHER_LANGUAGES))
def test_each_language_reads_every_red_flag(language: str) -> None:
    assert set(OTHER_LANGUAGES[language]) == set(RED_FLAG_PATTERNS)


@pytest.mark.parametrize("language", sorted(OTHER_LANGUAGES))
def test_translated_emergency_messages_are_shown_as_emergencies(language: str) -> None:
    variation = RESPONSES[f"{EMERGENCY}_{language}"][0]
    assert variation["custom"] == {"kind": "emergency"} and "911" in variation["text"]


# "number" in each language. The hand-off that follows the help line may have no number (the
# hospital configured none: "Please use the Contact Us page"), so the line must not promise one.
NUMBER_WORDS = {"es": ("número", "llame"), "pt": ("número", "ligue"), "pl": ("numer", "zadzwoń")}


@pytest.mark.parametrize("language", sorted(OTHER_LANGUAGES))
def test_the_language_help_line_is_true_with_or_without_a_number(language: str) -> None:
    """Issue 23, round 3: config/contact.yml has no phone (only the hospital may fill it in),
    yet the line sent the patient to "the contact details below". Without a number the line
    names the Contact Us page and 911 in the patient's language; with one, the number."""
    without = language_help(language, ContactDetails(department="IR"))
    with_phone = language_help(language, ContactDetails(phone="(860) 555-0123"))
    assert (without, with_phone) == (
        f"{LANGUAGE_HELP}_{language}",
        f"{LANGUAGE_HELP_PHONE}_{language}",
    )
    text = RESPONSES[without][0]["text"].lower()
    assert not any(word in text for word in NUMBER_WORDS[language][:1]), text
    assert not any(word in text for word in ("abajo", "abaixo", "poniżej", "below")), text
    assert "contact us" in text and "911" in text
    assert NUMBER_WORDS[language][0] in RESPONSES[with_phone][0]["text"].lower()


def test_the_polish_emergency_message_does_not_say_accident() -> None:
    """Issue 23, round 3: "nagły wypadek" reads as "a sudden accident"."""
    text = RESPONSES[f"{EMERGENCY}_pl"][0]["text"].lower()
    assert "wypadek" not in text and "stan nagły" in text


@pytest.mark.parametrize(
    "text",
    [
        "trudno mi oddychać od rana",  # Spanish "mi" outvoted the Polish words
        "nie mogę utrzymać moczu od wczoraj",  # German "nie"
        "boli mnie w klatce piersiowej i trudno mi oddychać",
        "czy po zabiegu może być gorączka?",
        "trudno mi oddychac od rana",  # typed without Polish letters
    ],
)
def test_polish_is_read_as_polish_by_the_language_guard(text: str) -> None:
    assert detect_other_language(text) == "pl"
