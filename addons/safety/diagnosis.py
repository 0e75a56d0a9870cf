"""A request for a diagnosis: "I have bad back pain, do I have a compression fracture?".

Why: the classifiers read such a message as the fracture topic and answered with the page's
explanation of compression fractures, ending "your doctor can explain your own fracture": as
if the patient had one (issue 24, outside round 2). Whether someone has a fracture, a broken
vertebra or osteoporosis is for a doctor who examines them; the assistant says it cannot tell
and gives the department's contact details (the rule "not_covered with diagnosis_request").

Only a question whether a person has the condition: "do I have...", "could my mum have...",
"is this pain a fracture?", "have I broken a vertebra?". A question about the condition in
general ("how do I know if I have one?", "can a compression fracture heal?") or a statement
("I have a compression fracture, is this for me?") is left to the classifiers: the page
answers those. A red flag in the message still wins (the red-flag net runs after this one).
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from addons.cleaning.text import fold
from addons.safety.override import IntentOverride

NOT_COVERED_INTENT = "not_covered"
DIAGNOSIS_KEY = "diagnosis_request"
DIAGNOSIS_ENTITY = "diagnosis_request"

WHO = r"(i|he|she|they|we|you|my\s+\w+|mum|mom|dad|mother|father|his\s+\w+|her\s+\w+)"
KIND = (
    r"(compression|spinal|spine|vertebral|osteoporotic|back|small|bad|another|new|stress|"
    r"wedge|crush|hairline|collapsed|broken|cracked|fractured)"
)
CONDITION = (
    rf"((a|an|any|some)\s+)?({KIND}\s+){{0,2}}"
    r"(fractures?|break|vertebra|vertebrae|back|bones?|osteoporosis|thin\s+bones|"
    r"brittle\s+bones|crack)\b"
)
ASKS_DIAGNOSIS = re.compile(
    # "do I have a compression fracture?", "could my mum have broken her back?"
    rf"\b(do|does|could|might|would|can|may)\s+{WHO}\s+(have|has|got|be\s+having)\s+"
    rf"(got\s+)?{CONDITION}"
    # "have I got a compression fracture?"
    rf"|\b(have|has)\s+{WHO}\s+got\s+{CONDITION}"
    rf"|\b(do|does|could|might|would|can|may)\s+{WHO}\s+have\s+"
    r"(broken|fractured|cracked|collapsed)\s+(a\s+|my\s+|his\s+|her\s+|their\s+)?"
    r"(vertebra|vertebrae|back|spine|bone)"
    # "is this pain a fracture?", "could it be a compression fracture?"
    r"|\b(is|could|might|would|can)\s+((this|that|the|my|his|her)\s+(back\s+)?pain|this|it|"
    r"that)\s+(be\s+)?"
    rf"((a|an)\s+)?({KIND}\s+){{0,2}}(fracture|break|broken\s+(bone|vertebra|back))\b"
    # "have I broken a vertebra?", "has my dad fractured his spine?"
    rf"|\b(have|has)\s+{WHO}\s+(broken|fractured|cracked|collapsed)\s+"
    r"(a\s+|my\s+|his\s+|her\s+|their\s+)?(vertebra|vertebrae|back|spine|bone)"
    # "am I suffering from a compression fracture?"
    rf"|\b(am|is|are)\s+{WHO}\s+(suffering\s+from|having)\s+{CONDITION}"
)

# A question word right before "do I have...": the cause or the signs, not a diagnosis.
ASKED_ABOUT = re.compile(r"\b(why|how|when|where|what|which|who|if|whether)\s*$")


def asks_for_diagnosis(text: str | None) -> str | None:
    """ "diagnosis_request" when the message asks whether someone has the condition."""
    if not text:
        return None
    folded = fold(text)
    for found in ASKS_DIAGNOSIS.finditer(folded):
        # "why do I have a compression fracture?" asks the cause, which the page answers
        if not ASKED_ABOUT.search(folded, 0, found.start()):
            return DIAGNOSIS_KEY
    return None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DiagnosisRequestGuard(IntentOverride):
    """Sets `not_covered`, marked as a diagnosis request, for "do I have a fracture?"."""

    intent = NOT_COVERED_INTENT
    reason_key = DIAGNOSIS_KEY
    marker_entity = DIAGNOSIS_ENTITY

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)

    def reason(self, text: str | None) -> str | None:
        return asks_for_diagnosis(text)
