"""The answerability gate: a topic answer only for a question tied to that topic (issue 24).

Why: questions the page does not answer, written by other people for other pages ("What should
I do if I get sick before surgery?", "What causes low back pain?", "Do I need to remove my
jewelry?"), share the words of a topic ("before surgery", "back pain", "before") and the
classifiers, trained on our own phrasings, answered them confidently with that topic. The
untouched set v2 got 12.4 % wrong topics that way while the development set, tuned on, showed
2.5 %. A confident wrong answer is the bad case: the honest reply to a question the page does
not answer is the hand-off ("I can't find that on the hospital's page" and the contact
details, the `not_covered` rule).

So a classifier's topic is kept only when the question is tied to it; two checks, both on the
text the classifiers read (the question, addons/nlu/focus.py):

- **an off-page subject**: the question is about something the page never answers: costs and
  bills, medicines by name or kind, eating and fasting, driving and travel, washing, hospital
  practicalities (what to bring or wear, checking in, visitors, cancelling, appointments and
  waiting lists), other treatments instead of it, being unwell before the day, the scanner
  (noise, metal, contrast, radiation), aftercare the page does not describe (physiotherapy,
  exercise and sports, sleeping positions, lifting), what one's own results mean. Everyday
  activities stay with the recovery answer ("back to normal activities within 24-48 hours").
  Unless the same word ties it to the topic the classifiers chose (never for one's own results):
  "will medicare pay for it?" keeps the insurance answer ("pay" is one of that topic's cues)
  and "will I need an MRI beforehand?" the tests answer (the page names the MRI for
  preparation). A topic's cues are learned at training time from its training examples (words
  mostly used for that topic) and from the page passage its answer restates (domain.yml
  `metadata.source`).
- **no subject of the topic**: a topic about one thing needs that thing named or pointed at.
  Only the compression-fracture answer needs it (a fracture, a vertebra, the bones, a
  collapse... or "it"/"that"): "what causes low back pain?" is not a question about fractures.
  The procedure's topics are asked about "it", "the procedure", "the surgery" or nothing at
  all, so a missing subject says nothing there (measured: bench/NOTES.md, issue 24, fourth
  pass).

Runs after the other-procedure and red-flag nets (their intents are not topics) and before the
fallback: the declined question gets `not_covered` at full confidence, the reason in the parse
data (`not_answerable`) for staff, and the classifiers' ranking is kept.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.cleaning.text import fold
from addons.nlu.artifacts import load_artifact, save_artifact
from addons.nlu.focus import full_text
from addons.nlu.passages import words
from addons.safety.override import override_intent
from core.vocabulary.topics import FAQ_TOPICS, answer_response

NOT_COVERED_INTENT = "not_covered"
REASON_KEY = "not_answerable"
MODEL_FILE = "topic_cues.pkl"
# A word is a cue of a topic when at least this share of its uses in the topics' training
# examples is in that topic's. Cues only ever keep an answer, so a word used once is enough.
DEFAULT_MIN_SHARE = 0.3
MIN_USES = 1

# Subjects the page never answers, by the reason staff see. Matched on folded, lower-case text.
OFF_PAGE_SUBJECTS: dict[str, str] = {
    "cost": (
        r"\b(costs?|costing|price[sd]?|pricing|pay|paying|paid|charges?|charged|fees?|"
        r"afford\w*|bills?|billed|billing|co-?pays?|deductibles?|out\s+of\s+pocket|expensive|"
        r"cheap\w*|dollars?|rupees?|pre-?auth\w*|prior\s+auth\w*|authori[sz]ation|appeal\w*|"
        r"denied|denial|claims?)\b|[$£€]\s?\d"
    ),
    "medicine": (
        r"\b(medicines?|medications?|meds|drugs?|pills?|tablets?|pain\s?killers?|"
        r"blood[\s-]+thinn\w*|anticoagula\w*|aspirin|warfarin|coumadin|eliquis|apixaban|"
        r"xarelto|rivaroxaban|plavix|clopidogrel|ibuprofen|advil|motrin|naproxen|aleve|"
        r"tylenol|paracetamol|acetaminophen|opioids?|morphine|oxycodone|tramadol|insulin|"
        r"prednisone|supplements?|vitamins?)\b"
    ),
    "food": r"\b(eat|eating|ate|food|meals?|breakfast|fast|fasting|nil\s+by\s+mouth|drink\w*)\b",
    "travel": r"\b(driv\w*|drove|car|fly|flying|flights?|plane|travel\w*|holidays?|taxi)\b",
    "washing": r"\b(shower\w*|bath|baths|bathe|bathing|swim\w*|hot\s+tub|wash\w*)\b",
    "practicalities": (
        r"\b(park|parking|paperwork|check\s+in|checking\s+in|arrive|arrival|bring|bringing|"
        r"wear(?!\s+off)|wearing|jewel\w*|make-?up|nail\s+polish|piercings?|visitors?|visiting|"
        r"waiting\s+room|kept\s+informed|cancel\w*|reschedul\w*|directions|facility|"
        r"accompany|escort|ride\s+home|take\s+me\s+home|someone\s+with\s+me|"
        r"waiting\s+lists?|wait(ing)?\s+times?|referr\w*|refer\s+me|appointments?|book\w*)\b"
    ),
    "alternatives": (
        r"\b(alternatives?|other\s+(treatments?|options?|ways|procedures?)|instead\s+of)\b"
    ),
    "unwell before": r"\b(sick|ill|a\s+cold|the\s+flu|flu|covid|coronavirus)\b",
    "scanner": (
        r"\b(noise|noisy|loud|claustrophob\w*|metal|pacemakers?|contrast|dye|radiation|"
        r"radioactive|the\s+exam|the\s+machine|scanner)\b"
    ),
    "aftercare": (
        r"\b(physio\w*|physical\s+therap\w*|rehab\w*|exercis\w*|sleep\w*|mattress|pillows?|"
        r"lift\w*|bend\w*|twist\w*|sex|golf|tennis|gym|yoga|pilates|jog\w*|running|hik\w*|"
        r"stitches|dressings?|bandages?|ice|heat|heating\s+pad)\b"
    ),
    "own results": (
        r"\bmy\s+((mri|x-?ray|bone|ct|blood)\s+)?"
        r"(results?|reports?|scans?|x-?rays?|mri|tests?|images?)\s+(show\w*|says?|said|mean\w*)\b"
    ),
    # The page says what it treats (the fracture), never that it treats the osteoporosis itself.
    "treating osteoporosis": (
        r"\b(cur\w*|treat\w*|revers\w*|fix\w*|get\s+rid\s+of|sort\s+out)\s+(for\s+)?"
        r"((my|her|his|the|your|their|our)\s+)?(\w+'s\s+)?(osteopor\w*|thin\s+bones|bone\s+thinning)"
    ),
    # The page names "medical-grade bone cement" (what kind it is) and nothing more: no leaks,
    # allergies, contents.
    "cement details": (
        r"\b(leak\w*|seep\w*|ooz\w*|spill\w*|allerg\w*|made\s+(of|from)|ingredients?|toxic\w*|"
        r"chemicals?|brand\s+of\s+(cement|glue))\b"
    ),
    # Whether one person with a health problem or great age should have it: the page cannot
    # decide that for anyone (only with such a detail: `ONLY_WITH`).
    "advice for one person": (
        r"\bshould\s+(i|he|she|we|they|my\s+\w+|mum|mom|dad|mother|father|grandma|grandad)\s+"
        r"((get|have|undergo|try|choose|do|book)\s+(it|this|that|one|vertebroplasty|"
        r"the\s+(procedure|operation|surgery|treatment|injection))|go\s+ahead|go\s+for\s+it)\b"
        r"|\bor\s+(just\s+)?wait(\s+and\s+see)?\b"
        r"|\b(right|ok|okay|safe|suitable|good|wise|sensible|a\s+good\s+idea)\s+for\s+"
        r"(me|him|her|us|them|my\s+\w+)\s+(with|if|given|because|since|as)\b"
    ),
}
# Reasons no topic's word can excuse: the page never reads anyone's own results. ("What about in
# my situation?" is not one: after the candidates answer it asks whether it is for them.)
WHATEVER_THE_TOPIC = frozenset(
    {"own results", "treating osteoporosis", "cement details", "advice for one person"}
)
# Reasons that hold only when the question also says this: "should my wife get this done for her
# fractured spine?" is the candidates answer (the page says who it suits); "should my mum get it?
# she's 91 and has heart problems" asks about something the page does not weigh.
ONLY_WITH: dict[str, re.Pattern[str]] = {
    "advice for one person": re.compile(
        r"\b(\d{2,3}|heart|cardiac|diabet\w*|kidneys?|renal|lungs?|copd|asthma|cancer|dementia|"
        r"frail\w*|pacemakers?|strokes?|blood\s+pressure|bleed\w*|elderly|aged?|weak|conditions?|"
        r"illness\w*|disease\w*|problems?|trouble)\b"
        r"|\bfor\s+(me|him|her|us|them|my\s+\w+)\s+(with|if|given|because|since|as)\b"
    ),
}
# ...but a question about the cement's risks ("is it a problem if the cement leaks?") is the
# complications answer's: the page says complications are rare and to discuss them (the
# development set's forum questions about leaks are labelled so).
EXCUSED_BY_TEXT: dict[str, re.Pattern[str]] = {
    "cement details": re.compile(
        r"\b(problems?|risks?|risky|danger\w*|complications?|side[\s-]+effects?|drawbacks?|"
        r"harm\w*|bad|safe\w*|how\s+often|chances?|likely)\b"
    ),
}
_OFF_PAGE = {reason: re.compile(pattern) for reason, pattern in OFF_PAGE_SUBJECTS.items()}
# "how fast does the cement harden" asks about time, not fasting.
_HOW_FAST = re.compile(r"\bhow\s+fast\b")

# Topics about one thing, which the question must name or point at.
TOPIC_SUBJECTS: dict[str, str] = {
    "compression_fracture": (
        r"\b(fractur\w*|vertebr\w*|bones?|break\w*|broken|broke|collaps\w*|crush\w*|"
        r"compress\w*|squash\w*|osteopor\w*|kyphos\w*|hump\w*|hunch\w*|curv\w*|stoop\w*|"
        r"posture|height|shorter|spin\w*|vcfs?|heal\w*|worse|hurts?\s+more|on\s+my\s+feet|"
        r"it|its|this|that|they|them|these|those)\b"
    ),
}
_TOPIC_SUBJECT = {topic: re.compile(pattern) for topic, pattern in TOPIC_SUBJECTS.items()}
# Pain that goes on and on is the fracture section's ("the bone does not stabilize and continues
# to move, causing persistent pain"), with or without the fracture named.
_LASTING_PAIN = re.compile(
    r"\b(months?|years?|for\s+ages|lasts?|persist\w*|ongoing|lasting|keeps?\s+(on\s+)?(hurting|going|aching)|"
    r"still\s+(hurt\w*|in\s+pain|painful|sore|aching|have\s+pain|has\s+pain)|"
    r"carr(y|ies|ying)\s+on|go(es|ing)?\s+on|won'?t\s+go\s+away|not\s+go(ing)?\s+away)\b"
)

# Off-page words the topic excuses when the question asks what CAUSES the fracture: "a car
# accident", "slipping on ice", "lifting a box" are trauma (the page: "less often by tumor or
# trauma"), not driving, aftercare or lifting after the procedure.
CAUSE_EXCUSES: dict[str, tuple[re.Pattern[str], frozenset[str]]] = {
    "compression_fracture": (
        re.compile(
            r"\b(caus\w*|due\s+to|because\s+of|lead\w*\s+to|result\w*\s+(in|from)|"
            r"accidents?|crash\w*|collisions?|slip\w*|fell|falling|trauma|injur\w*|"
            r"break|breaks|crack|cracks|crush|snap)\b"
        ),
        frozenset({"travel", "aftercare"}),
    ),
}

# A topic's answer that a question about something else must not get: "how long will I need
# off work?" or "how long until I can drive?" ask about the time after, not the 1-2 hours the
# procedure takes.
NOT_ABOUT: dict[str, tuple[str, re.Pattern[str]]] = {
    "procedure_duration": (
        "time until an activity",
        re.compile(
            r"\b(off\s+work|time\s+off|work|job|back\s+to|return\w*|until|till|before\s+i\s+can|"
            r"resum\w*|recover\w*|sick\s+(leave|note)|again)\b"
        ),
    ),
}


@dataclass(frozen=True)
class TopicCues:
    """topic -> the words that tie a question to it (stemmed as `passages.words` does)."""

    cues: dict[str, frozenset[str]]

    @classmethod
    def learn(
        cls,
        examples: dict[str, list[str]],
        passages: dict[str, str],
        min_share: float = DEFAULT_MIN_SHARE,
    ) -> TopicCues:
        """Cues from each topic's training `examples` and the page `passages` it restates."""
        uses: dict[str, Counter[str]] = defaultdict(Counter)
        for topic in FAQ_TOPICS:
            for example in examples.get(topic, []):
                uses[topic].update(set(words(example)))
        totals: Counter[str] = Counter()
        for counter in uses.values():
            totals.update(counter)
        cues = {}
        for topic in FAQ_TOPICS:
            learned = {
                word
                for word, count in uses[topic].items()
                if count >= MIN_USES and count / totals[word] >= min_share
            }
            cues[topic] = frozenset(learned | set(words(passages.get(topic, ""))))
        return cls(cues)

    def ties(self, topic: str, phrase: str) -> bool:
        """Some word of `phrase` is a cue of `topic`."""
        return bool(set(words(phrase)) & self.cues.get(topic, frozenset()))


def _lowered(text: str) -> str:
    return fold(text).lower().replace("\u2019", "'")


def decline_reason(
    text: str | None, topic: str, cues: TopicCues, whole: str | None = None
) -> str | None:
    """Why `text` should not get `topic`'s answer (the reason staff see), or None to keep it.

    `whole` is the patient's whole message when the classifiers read only its question
    (addons/nlu/focus.py): "should my mum get it or wait? she's 91 with heart problems" tells
    the detail that makes it one person's decision after the question.
    """
    if not text or topic not in FAQ_TOPICS:
        return None
    lowered = _lowered(text)
    story = _lowered(whole) if whole else lowered
    subject = _TOPIC_SUBJECT.get(topic)
    if subject is not None and not (subject.search(lowered) or _LASTING_PAIN.search(lowered)):
        return f"nothing of {topic} named"
    if topic in NOT_ABOUT:
        reason, pattern = NOT_ABOUT[topic]
        found = pattern.search(lowered)
        if found:
            return f"{reason}: {found.group(0).strip()}"
    checked = _HOW_FAST.sub(" ", lowered)
    for reason, pattern in _OFF_PAGE.items():
        for match in pattern.finditer(checked):
            if not _excused(reason, topic, match.group(0), checked, story, cues):
                return f"{reason}: {match.group(0).strip()}"
    return None


def _excused(reason: str, topic: str, word: str, text: str, story: str, cues: TopicCues) -> bool:
    """An off-page `word` found for `reason` in `text` still leaves `topic`'s answer right."""
    needed = ONLY_WITH.get(reason)
    if needed is not None and not (needed.search(text) or needed.search(story)):
        return True
    excuse = EXCUSED_BY_TEXT.get(reason)
    if excuse is not None and excuse.search(text):
        return True
    if reason in WHATEVER_THE_TOPIC:
        return False
    cause = CAUSE_EXCUSES.get(topic)
    if cause is not None and reason in cause[1] and cause[0].search(text):
        return True
    return cues.ties(topic, word)


def cited_passages(domain: dict[str, Any]) -> dict[str, str]:
    """topic -> the page passage(s) its approved answer restates (`metadata.source`)."""
    responses = domain.get("responses") or {}
    cited = {}
    for topic in FAQ_TOPICS:
        sources = [
            str((variation.get("metadata") or {}).get("source", ""))
            for variation in responses.get(answer_response(topic), [])
        ]
        cited[topic] = " ".join(sources)
    return cited


def topic_examples(training_data: TrainingData) -> dict[str, list[str]]:
    examples: dict[str, list[str]] = defaultdict(list)
    for message in training_data.intent_examples:
        intent = message.get(INTENT)
        if intent in FAQ_TOPICS:
            examples[str(intent)].append(str(message.get(TEXT) or ""))
    return examples


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class AnswerabilityGate(GraphComponent, IntentClassifier):
    """Turns a topic answer to a question not tied to that topic into `not_covered`."""

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        cues: TopicCues | None = None,
    ) -> None:
        self.min_share = float(config.get("min_share", DEFAULT_MIN_SHARE))
        self.domain_path = Path(str(config.get("domain", "domain.yml")))
        self._model_storage = model_storage
        self._resource = resource
        self._cues = cues

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"min_share": DEFAULT_MIN_SHARE, "domain": "domain.yml"}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> AnswerabilityGate:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        domain = yaml.safe_load(self.domain_path.read_text(encoding="utf-8"))
        self._cues = TopicCues.learn(
            topic_examples(training_data), cited_passages(domain), self.min_share
        )
        save_artifact(self._model_storage, self._resource, MODEL_FILE, self._cues)
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> AnswerabilityGate:
        cues = load_artifact(model_storage, resource, MODEL_FILE)
        return cls(config, model_storage, resource, cues)

    def process(self, messages: list[Message]) -> list[Message]:
        if self._cues is None:
            return messages
        for message in messages:
            topic = str((message.get(INTENT) or {}).get(INTENT_NAME_KEY))
            reason = decline_reason(message.get(TEXT), topic, self._cues, full_text(message))
            if reason is not None:
                override_intent(message, NOT_COVERED_INTENT, REASON_KEY, reason)
        return messages
