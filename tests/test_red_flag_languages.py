"""Every language the red-flag net reads has every flag and every message (issue 23).

The translations are the team's, marked in domain.yml for the hospital's review; a language
added to red_flag_languages.py without its messages would send an emergency without the
patient's language, or a language-help line that does not exist.
"""

from __future__ import annotations

import pytest

from addons.safety.red_flag_languages import OTHER_LANGUAGES
from addons.safety.red_flag_policy import EMERGENCY, LANGUAGE_HELP, SAFETY_LINE
from addons.safety.red_flags import RED_FLAG_PATTERNS
from tests.project import load_yaml

RESPONSES = load_yaml("domain.yml")["responses"]


@pytest.mark.parametrize("language", sorted(OTHER_LANGUAGES))
@pytest.mark.parametrize("message", [EMERGENCY, SAFETY_LINE, LANGUAGE_HELP])
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
