"""Other spine procedures and conditions: a deterministic net under the `not_covered` intent.

Why: the classifier knows only vertebroplasty topics, so "what to expect after spinal fusion"
or "how long is recovery from a discectomy" looked like the recovery question and got the
vertebroplasty answer: a confident answer about the wrong operation. The hospital's page does
not describe those procedures, so the only honest reply is "the page doesn't cover that"
and the hand-off (the `not_covered` rule).

The net fires when a message names a procedure or condition outside the page and either does
not mention vertebroplasty at all, or compares the two ("is vertebroplasty better than
fusion?": the page makes no such comparison). A message that names another procedure only as
history ("I had a fusion in 2015, can I still have vertebroplasty?") is left to the model.
Kyphoplasty is not here: it is a sibling procedure, answered with a note
(addons/safety/siblings.py).
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from addons.cleaning.text import fold
from addons.safety.override import IntentOverride

NOT_COVERED_INTENT = "not_covered"
OTHER_PROCEDURE_KEY = "other_procedure"

# name -> alternatives, matched on folded text. Names are what staff see in the logs.
OTHER_PROCEDURE_PATTERNS: dict[str, list[str]] = {
    "spinal_fusion": [
        r"\b(spinal|spine|lumbar|cervical|back|neck)\s+fusions?\b",
        r"\bfusion\s+(surgery|operation|procedure)\b",
        r"\b(alif|plif|tlif|xlif|acdf)\b",
        r"\b(fused|fusing)\s+(my|his|her|the)?\s*(spine|vertebrae|back|neck)\b",
        r"\b(rods?|screws?)\s+(and|&)\s+(rods?|screws?)\b",
        r"\bfusions?\b",
    ],
    "disc_surgery": [
        r"\b(micro)?discectom(y|ies)\b",
        r"\b(disc|disk)\s+(replacement|surgery|removal|operation|prosthesis)\b",
        r"\bartificial\s+(disc|disk)\b",
    ],
    "decompression_surgery": [
        r"\blaminectom(y|ies)\b",
        r"\blaminotom(y|ies)\b",
        r"\bforaminotom(y|ies)\b",
        r"\blaminoplast(y|ies)\b",
        r"\b(spinal|spine|lumbar)\s+decompression\b",
        r"\bcorpectom(y|ies)\b",
    ],
    "spine_tumour_surgery": [
        r"\b(spinal|spine)\s+(tumou?r|cancer)\s+(surgery|operation|removal|resection)\b",
        r"\b(tumou?r)\s+(removal|resection)\b.{0,30}\b(spine|spinal|vertebra)",
        r"\btumou?r\s+(surgery|operation)\b",
        r"\bsurgery\s+for\s+(spinal|spine|bone)\s+(cancer|tumou?rs?|metastas[ie]s)\b",
    ],
    "other_spine_treatment": [
        r"\bepidural\s+(steroid\s+)?injections?\b",
        r"\b(spinal|spine|steroid|cortisone)\s+injections?\b",
        r"\b(nerve\s+)?stimulators?\b",
        r"\bfacet\s+(joint\s+)?(injections?|blocks?)\b",
        r"\bnerve\s+blocks?\b",
        r"\bnerve\s+root\s+(blocks?|injections?)\b",
        r"\b(steroid|cortisone)\s+shots?\b",
        r"\b(radiofrequency|rf)\s+ablation\b",
        r"\brhizotom(y|ies)\b",
        r"\bspinal\s+cord\s+stimulat(or|ion)\b",
        # A stimulator described, not named: vertebroplasty leaves nothing to charge.
        r"\b(implant|device|stimulator)('s)?\s+batter(y|ies)\b",
        r"\brecharg\w*\b.{0,30}\b(implant|device|batter(y|ies))\b",
        r"\bsacroplast(y|ies)\b",
        r"\bscoliosis\s+(surgery|operation|correction)\b",
        r"\b(spine|spinal|back|neck)\s+(surgery|operation)\b",
        r"\bchiropract(or|ors|ic)\b",
        # Surgery on the back described rather than named ("an operation on his back to put
        # rods in"): the page's procedure is an injection, never an open operation.
        r"\b(surgery|operation)\s+on\s+(my|his|her|their|the|your)\s+(back|spine|neck)\b",
        r"\b(put|putting|insert\w*|plac\w+)\s+(metal\s+|titanium\s+)?rods?\b",
        r"\bkyphosis\s+(correction|surgery|operation|repair)\b",
        r"\bosteotom(y|ies)\b",
        # Devices and methods the page does not name (issue 24, third pass).
        r"\bspine\s?jacks?\b",
        # Braces and corsets: the page says nothing about bracing a fracture.
        r"\b(back|spinal|spine|lumbar|thoracic|neck|tlso)\s+(braces?|corsets?|orthos[ie]s)\b",
        r"\b(braces?|bracing|corsets?)\b.{0,30}\b(fractures?|spine|back|vertebra\w*)\b",
        r"\b(wear\w*)\s+(a\s+|the\s+)?(braces?|corsets?)\b",
    ],
    "other_spine_condition": [
        r"\b(herniated|slipped|bulging|ruptured|prolapsed)\s+(disc|disk)s?\b",
        r"\bsciatica\b",
        r"\bspinal\s+stenosis\b",
        r"\bspondylolisthesis\b",
        r"\bdegenerative\s+(disc|disk)\b",
        r"\bpinched\s+nerve\b",
    ],
    # Osteoporosis itself (its risks, tests and medicines) is not on the page; the fractures
    # it causes are (compression_fracture), and those questions name no test or medicine.
    "osteoporosis_care": [
        r"\bosteoporo\w*\b.{0,40}\b(risk\s+factors?|medications?|medicines?|drugs?|"
        r"treatments?|treated|prevent\w*|diagnos\w*|tests?|screening|bone\s+density)\b",
        r"\b(risk\s+factors?|medications?|medicines?|drugs?|prevent\w*|diagnos\w*|"
        r"screening|bone\s+density)\b.{0,40}\bosteoporo\w*",
        r"\bfragility\s+fractures?\b",
        r"\bdexa\b",
        # Osteoporosis itself as the subject: what it is, its causes, who gets it. "Fractures
        # caused by osteoporosis" and "osteoporotic fractures" stay with the fracture answer.
        r"\bwhat(\s+exactly|\s+really)?('s|\s+is|\s+are)\s+(exactly\s+|really\s+)?"
        r"(osteoporosis|osteopenia)\b(?!\s+(fractures?|compression))",
        r"\b(causes?|causing)\s+(of\s+)?(osteoporosis|osteopenia)\b(?!\s+(fractures?|compression))",
        r"\b(who|which\s+people)\s+(gets?|is\s+at\s+risk\s+of|develops?)\s+(osteoporosis|osteopenia)\b",
        r"\b(osteoporosis|osteopenia)\s+and\s+who\s+gets\b",
        r"\b(osteoporosis|osteopenia)\s+(affects?|do(es)?\s+to|weakens?)\b",
        r"\blow\s+bone\s+(mass|density)\b",
        r"\b(exercis\w*|workouts?|diet|calcium|vitamin\s+d)\b.{0,40}\b(osteoporo\w*|osteopenia)\b",
        r"\b(osteoporo\w*|osteopenia)\b.{0,40}\b(exercis\w*|workouts?|diet|calcium|vitamin\s+d)\b",
        # Its medicines, by name: their side effects are not the procedure's complications.
        r"\b(bisphosphonates?|alendronate|fosamax|risedronate|actonel|ibandronate|boniva|"
        r"zoledronic|reclast|aclasta|denosumab|prolia|teriparatide|forteo|romosozumab|evenity|"
        r"raloxifene|evista|calcitonin)\b",
    ],
    # Cancer care in the spine (metastases, myeloma): the page names tumours only as a cause
    # of fractures.
    "spine_cancer_care": [
        r"\b(metasta\w*|myeloma)\b.{0,40}\b(treat\w*|therap\w*|modalit\w*|options?|surgery)\b",
        r"\b(treat\w*|therap\w*|modalit\w*|options?)\b.{0,40}\b(metasta\w*|myeloma)\b",
    ],
}
# The page's own procedure and its names: with one of these, another procedure is only context.
THIS_PROCEDURE = re.compile(
    r"\b(vertebro\s?plast\w*|vert[aeio]?bro\w*plast\w*|kypho\s?plast\w*|"
    r"vertebral\s+(augmentation|cement\w*)|cement\s+(injection|procedure|treatment))\b"
)
# "Can it treat a slipped disc?", "Will cement help my bulging disc?", "Is it any good for a
# herniated disc?": whether vertebroplasty helps a condition is a question about who it is for
# (the candidates answer: "not usually helpful for chronic back pain or disc problems"), not
# about another treatment.
DOES_IT_HELP = re.compile(
    r"\b(can|could|will|would|does|do|is|are)\s+(it|this|that|vertebroplasty|kyphoplasty|"
    r"the\s+procedure|the\s+treatment|(the\s+|bone\s+)?cement(\s+(injection|treatment))?)\b"
    r".{0,25}\b(treat|help|fix|cure|work|relieve|used|good\s+for|suitable|an?\s+option|useful|"
    r"effective|recommended|appropriate|indicated|benefit)"
    # "Can someone with a herniated disc get this procedure?", "Would a person with sciatica
    # benefit from it?": the same question about who it is for, asked about the patient.
    r"|\b(someone|anyone|a\s+person|people|patients?)\s+with\b.{0,40}"
    r"\b(get|have|benefit|qualify|be\s+treated)\b"
    r"|\bbenefit\s+from\s+(it|this|that|the\s+(procedure|treatment)|vertebroplasty|kyphoplasty|"
    r"(bone\s+)?cement)\b"
)
# "Is this for me?", "could she have it?": the same question about who it is for.
FOR_ME = re.compile(
    r"\b(is|are)\s+(this|it|vertebroplasty|the\s+(procedure|treatment))\s+"
    r"((right|suitable|good|meant)\s+)?(for|an?\s+option\s+for)\s+(me|him|her|them|us|my|his)\b"
    r"|\b(can|could|would|should)\s+(i|he|she|they|we)\s+(have|get)\s+(it|this|vertebroplasty)\b"
)
# Disc problems, which the page names: "not usually helpful for chronic back pain or disc
# problems" (the candidates answer).
DISC_PROBLEM = re.compile(
    r"\b(herniated|slipped|bulging|ruptured|prolapsed|degenerative|degenerated)\s+(disc|disk)s?\b"
    r"|\b(disc|disk)s?\s+(problems?|disease|degeneration|bulges?|herniations?|prolapse)\b"
)
CANDIDATES_INTENT = "candidates"
DISC_PROBLEM_KEY = "disc_problem"
CONDITIONS = frozenset({"other_spine_condition", "osteoporosis_care", "spine_cancer_care"})
COMPARISON = re.compile(
    r"\b(vs\.?|versus|compared?\s+(to|with)|comparison|better\s+than|worse\s+than|"
    r"difference|differ|instead\s+of|rather\s+than|or\s+(a|an|the)\b|"
    r"(the\s+)?same\s+(thing\s+)?as|similar\s+to|like\s+(a|an|the)\b|"
    # "Is SpineJack a kyphoplasty?", "is a sacroplasty a kind of vertebroplasty?"
    r"\bis\s+(an?\s+)?\w+\s+(an?\s+)?((kind|type|form|version|variant)\s+of\s+)?(an?\s+)?"
    r"(vertebro|kypho))"
)

_PATTERNS = {
    name: re.compile("|".join(f"(?:{p})" for p in alternatives), re.DOTALL)
    for name, alternatives in OTHER_PROCEDURE_PATTERNS.items()
}


def find_other_procedure(text: str | None) -> str | None:
    """The name of the other procedure or condition the message asks about, or None."""
    if not text:
        return None
    folded = fold(text)
    named = next((name for name, pattern in _PATTERNS.items() if pattern.search(folded)), None)
    if named is None:
        return None
    if named in CONDITIONS and (DOES_IT_HELP.search(folded) or FOR_ME.search(folded)):
        return None  # "can it help sciatica?": a question about vertebroplasty's candidates
    if THIS_PROCEDURE.search(folded) and not COMPARISON.search(folded):
        return None  # the other procedure is context for a vertebroplasty question
    return named


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class OtherProcedureGuard(IntentOverride):
    """Sets `not_covered` for questions about spine procedures the page does not describe."""

    intent = NOT_COVERED_INTENT
    reason_key = OTHER_PROCEDURE_KEY

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)

    def reason(self, text: str | None) -> str | None:
        return find_other_procedure(text)


def asks_about_disc_problem(text: str | None) -> str | None:
    """ "disc_problem" when the message asks whether it helps a disc problem, else None.

    Why: "would it help a bulging disk?" was left to the model (which did not know it) while
    "degenerative disc disease, is this for me?" was sent to "the page doesn't cover that";
    the page answers both the same way: not usually helpful for disc problems (issue 24).
    """
    if not text:
        return None
    folded = fold(text)
    if DISC_PROBLEM.search(folded) is None:
        return None
    if not (DOES_IT_HELP.search(folded) or FOR_ME.search(folded)):
        return None
    return None if find_other_procedure(text) is not None else DISC_PROBLEM_KEY


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DiscProblemGuard(IntentOverride):
    """Sets `candidates` for "does it help my disc problem?": the page's answer is no."""

    intent = CANDIDATES_INTENT
    reason_key = DISC_PROBLEM_KEY

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)

    def reason(self, text: str | None) -> str | None:
        return asks_about_disc_problem(text)
