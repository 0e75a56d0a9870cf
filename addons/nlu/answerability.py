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
}
# Reasons no topic's word can excuse: the page never reads anyone's own results. ("What about in
# my situation?" is not one: after the candidates answer it asks whether it is for them.)
WHATEVER_THE_TOPIC = frozenset({"own results"})
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


def decline_reason(text: str | None, topic: str, cues: TopicCues) -> str | None:
    """Why `text` should not get `topic`'s answer (the reason staff see), or None to keep it."""
    if not text or topic not in FAQ_TOPICS:
        return None
    lowered = fold(text).lower().replace("\u2019", "'")
    subject = _TOPIC_SUBJECT.get(topic)
    if subject is not None and not subject.search(lowered):
        return f"nothing of {topic} named"
    checked = _HOW_FAST.sub(" ", lowered)
    for reason, pattern in _OFF_PAGE.items():
        for match in pattern.finditer(checked):
            if reason in WHATEVER_THE_TOPIC or not cues.ties(topic, match.group(0)):
                return f"{reason}: {match.group(0).strip()}"
    return None


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
            reason = decline_reason(message.get(TEXT), topic, self._cues)
            if reason is not None:
                override_intent(message, NOT_COVERED_INTENT, REASON_KEY, reason)
        return messages
