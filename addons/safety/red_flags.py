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

from addons.cleaning.text import fold
from addons.safety.override import IntentOverride

EMERGENCY_INTENT = "emergency"
RED_FLAG_KEY = "red_flag"

# name -> alternative patterns, matched on folded text (see `fold`). Names are what staff see
# in the logs ("why an emergency?"). Severe back pain on its own is not a red flag: it is what
# the page's candidates have; sudden, worst-ever pain is.
LIMB = r"\b(leg|legs|feet|foot)\b"
NUMB = (
    r"\b(numb|numbness|weak|weakness|gave way|giving way|gave out|giving out|give out|"
    r"paraly[sz]ed|dead|tingling|pins and needles)\b"
)
SADDLE = r"\b(groin|buttocks?|bottom|genitals?|private parts|inner thighs?)\b"
RED_FLAG_PATTERNS: dict[str, list[str]] = {
    "leg_weakness_or_numbness": [
        r"\b(can'?t|cannot|can not|unable to)\s+(feel|move|lift|stand on)\b.{0,20}" + LIMB,
        LIMB + r".{0,25}" + NUMB,
        NUMB + r".{0,25}" + LIMB,
        r"\b(can'?t|cannot|can not|unable to)\s+(walk|stand( up)?)\b",
        r"\bsaddle\s+(numbness|anaesthesia|anesthesia)\b",
        r"\bnumb(ness)?\b.{0,20}" + SADDLE,
        SADDLE + r".{0,20}\bnumb(ness)?\b",
        r"\b(can'?t|cannot|can not|unable to)\s+feel\s+(anything|a thing|much)\s+down\s+there\b",
        r"\bnumb\b.{0,15}\bdown\s+there\b",
    ],
    "bladder_or_bowel_control": [
        r"\b(lost|losing|loss of|no|can'?t|cannot)\b.{0,20}\b(control|hold)\b.{0,25}"
        r"\b(bladder|bowels?|pee|urine|poo|stool)\b",
        r"\b(bladder|bowels?)\s+control\b.{0,20}\b(lost|gone|loss|losing)\b",
        r"\b(wet|wetting|soiled|soiling|peed|peeing|pooped|pooed)\s+"
        r"(myself|himself|herself|themselves)\b",
        r"\b(can'?t|cannot|can not|unable to)\b.{0,15}\bhold\s+(my|his|her|their)\s+water\b",
        r"(\bnot|n't)\s+(been\s+)?able\s+to\s+(pee|urinate|wee|pass urine|pass water|"
        r"go to the (toilet|bathroom|loo))\b",
        r"\bwet\s+(the|my|his|her)\s+bed\b",
        r"\b(haven'?t|hasn'?t|has not|have not|not)\s+(peed|urinated|passed urine|passed water)\b",
        r"\bleaking\s+(urine|pee|wee|stool)\b",
        r"\bbowel\s+accidents?\b",
        r"\b(can'?t|cannot|can not|unable to)\s+(pee|urinate|wee|pass urine|pass water)\b",
        r"\bincontinen(t|ce)\b",
    ],
    "chest_pain_or_breathing": [
        r"\bchest[\s-]*(pain|pains|pian|tight|tightness|hurts?|pressure|ache|aches|aching)\b",
        r"\b(pains?|tight|tightness|pressure|ache)\s+(in|on|across)\s+(my|his|her|the)?\s*chest\b",
        r"\bheart\s+(pain|pains|attack)\b",
        r"\b(can'?t|cannot|can not|barely|struggling to|hard to|trouble|difficulty)\s+"
        r"breath(e|ing)?\b",
        r"\bbreathing\s+(is\s+)?(difficult|difficulty|problems?|trouble|hard|laboured|labored)\b",
        r"\b(can'?t|cannot|hard to|difficult to|trouble|struggling to|unable to)\b.{0,12}"
        r"\bcatch\s+(my|his|her|their)\s+breath\b",
        r"\bgasping\b",
        r"\b(hurts?|hurting|painful|pain|sore)\s+(to|when\s+(i|he|she|they)|when)\s+"
        r"(breathe|breath|breathing)\b",
        r"\bshort(ness)?\s+of\s+breath\b",
        r"\bbreathless(ness)?\b",
    ],
    "fever_or_infected_site": [
        r"\b(fever+|feverish|high temperature|chills|rigors?|burning up)\b",
        r"\brunning\s+a\s+(high\s+)?temp(erature)?\b",
        # Fever in everyday words: "very hot and sweaty", "shivering and clammy".
        r"\b(hot|sweaty|sweating|clammy|shivery|shivering|shaking)\s+and\s+"
        r"(sweaty|sweating|clammy|shivery|shivering|hot)\b",
        r"\btemp(erature)?\s+(is\s+|of\s+)?(3[89]|4[0-2]|10[0-6])(\.\d)?\s*(c|f|degrees)?\b",
        r"\b(3[89]|4[0-2]|10[0-6])(\.\d)?\s*(degrees|deg)\b",
        r"\b(red|redness|swollen|swelling|hot|pus|oozing|leaking|bleeding)\b.{0,40}"
        r"\b(injection|needle|puncture|wound|site|cut)\b",
        r"\b(injection|needle|puncture|wound)\s+(site|spot|area)?\s*(is|looks|got|getting)?\s*"
        r"(red|swollen|hot|infected)\b",
        r"\bwhere\s+(the|they\s+put\s+the)\s+needle\b.{0,40}"
        r"\b(red|swollen|puffy|hot|infected|pus|oozing|bleeding)\b",
    ],
    "sudden_severe_pain": [
        r"\bsudden(ly)?\b.{0,25}"
        r"\b(severe|terrible|excruciating|unbearable|agonising|agonizing|worst)\b.{0,15}\bpain\b",
        r"\bsudden(ly)?\b.{0,10}\bpain\b.{0,25}\b(much worse|really bad|unbearable|excruciating)\b",
        r"\b(severe|excruciating|unbearable|agonising|agonizing)\s+(back\s+)?pain\b.{0,25}"
        r"\b(sudden(ly)?|out of nowhere|all of a sudden)\b",
        r"\bworst\s+pain\s+(of\s+(my|his|her)\s+life|ever|i'?ve\s+ever)\b",
    ],
    # Not "collapsed": "my vertebra collapsed" is how patients describe the fracture itself.
    "fainting_or_unconscious": [
        r"\b(unconscious|unresponsive|fainted|fainting|passed out|blacked out|keeled over)\b",
        r"\b(i|he|she|they|mum|mom|mother|dad|father|husband|wife)\s+(just\s+)?collapsed\b",
    ],
}


def _compile(patterns: dict[str, list[str]]) -> dict[str, Pattern[str]]:
    return {
        name: re.compile("|".join(f"(?:{p})" for p in alternatives), re.IGNORECASE | re.DOTALL)
        for name, alternatives in patterns.items()
    }


def first_red_flag_at(text: str) -> int | None:
    """Where the first red-flag mention in already folded `text` starts, or None.

    Used by the chat channels on a message too long to pass on whole, so that the part that
    describes the red flag still reaches the assistant (and this classifier).
    """
    starts = [m.start() for p in _RED_FLAGS.values() if (m := p.search(text))]
    return min(starts) if starts else None


def mentions_red_flag(text: str) -> bool:
    """Does the (unfolded) text mention a red flag? For the channels' decisions."""
    return first_red_flag_at(fold(text)) is not None


def find_red_flag(text: str | None, patterns: dict[str, Pattern[str]]) -> str | None:
    """The name of the first red flag the text mentions, or None."""
    if not text:
        return None
    folded = fold(text)
    for name, pattern in patterns.items():
        if pattern.search(folded):
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
