"""Red-flag symptom detection: a deterministic safety net under the emergency intent.

Why: the DIET classifier learns `emergency` from examples, but a patient describing leg
numbness or a fever after the procedure must never get an FAQ answer because the model was
unsure. This component runs after the intent classifiers and before `FallbackClassifier`;
when a message matches one of the red-flag patterns below it sets the intent to `emergency`
with full confidence, so the fixed emergency message is sent before anything else. It only
ever *raises* a message to `emergency`; it never lowers one.

The patterns favour safety over precision: "no fever, how long is recovery?" is treated as
an emergency. Answering a worried question with "call 911" costs far less than missing one.
"""

from __future__ import annotations

import re
from re import Pattern
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from safety.override import IntentOverride

EMERGENCY_INTENT = "emergency"
RED_FLAG_KEY = "red_flag"

# name -> alternative patterns. Names are what staff see in the logs ("why an emergency?").
LIMB = r"\b(leg|legs|feet|foot)\b"
NUMB = r"\b(numb|numbness|weak|weakness|gave way|giving way|paraly[sz]ed|dead|tingling)\b"
RED_FLAG_PATTERNS: dict[str, list[str]] = {
    "leg_weakness_or_numbness": [
        r"\b(can'?t|cannot|can not|unable to)\s+(feel|move|lift|stand on)\b.{0,20}" + LIMB,
        LIMB + r".{0,25}" + NUMB,
        NUMB + r".{0,25}" + LIMB,
    ],
    "bladder_or_bowel_control": [
        r"\b(lost|losing|loss of|no|can'?t|cannot)\b.{0,20}\b(control|hold)\b.{0,25}"
        r"\b(bladder|bowels?|pee|urine|poo|stool)\b",
        r"\b(wet|soiled)\s+(myself|himself|herself)\b",
        r"\bincontinen(t|ce)\b",
    ],
    "chest_pain_or_breathing": [
        r"\bchest\s+(pain|pains|tightness|hurts?|pressure)\b",
        r"\bpains?\s+in\s+(my|his|her|the)\s+chest\b",
        r"\b(can'?t|cannot|can not|struggling to|hard to|trouble)\s+breath(e|ing)?\b",
        r"\bshort(ness)?\s+of\s+breath\b",
        r"\bbreathless(ness)?\b",
    ],
    "fever_or_infected_site": [
        r"\b(fever|feverish|high temperature|chills)\b",
        r"\b(red|swollen|swelling|hot|pus|oozing|leaking)\b.{0,30}"
        r"\b(injection|needle|puncture|wound|site|cut)\b",
        r"\b(injection|needle|puncture|wound)\s+(site|spot|area)?\s*(is|looks|got|getting)?\s*"
        r"(red|swollen|hot|infected)\b",
    ],
    "sudden_severe_pain": [
        r"\bsudden(ly)?\b.{0,25}"
        r"\b(severe|terrible|excruciating|unbearable|agonising|agonizing|worst)\b.{0,15}\bpain\b",
        r"\b(severe|excruciating|unbearable|agonising|agonizing)\s+pain\b.{0,25}"
        r"\b(sudden(ly)?|out of nowhere|all of a sudden)\b",
    ],
}


def _compile(patterns: dict[str, list[str]]) -> dict[str, Pattern[str]]:
    return {
        name: re.compile("|".join(f"(?:{p})" for p in alternatives), re.IGNORECASE | re.DOTALL)
        for name, alternatives in patterns.items()
    }


def first_red_flag_at(text: str) -> int | None:
    """Where the first red-flag mention in `text` starts, or None.

    Used by the chat channels on a message too long to pass on whole, so that the part that
    describes the red flag still reaches the assistant (and this classifier).
    """
    normalised = text.replace("\u2019", "'")
    starts = [m.start() for p in _RED_FLAGS.values() if (m := p.search(normalised))]
    return min(starts) if starts else None


def find_red_flag(text: str | None, patterns: dict[str, Pattern[str]]) -> str | None:
    """The name of the first red flag the text mentions, or None."""
    if not text:
        return None
    normalised = text.replace("\u2019", "'")
    for name, pattern in patterns.items():
        if pattern.search(normalised):
            return name
    return None


_RED_FLAGS = _compile(RED_FLAG_PATTERNS)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RedFlagClassifier(IntentOverride):
    """Forces the `emergency` intent when a message describes a red-flag symptom."""

    intent = EMERGENCY_INTENT
    reason_key = RED_FLAG_KEY

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self._patterns = _RED_FLAGS

    def reason(self, text: str | None) -> str | None:
        return find_red_flag(text, self._patterns)
