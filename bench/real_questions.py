"""Score the assistant on questions real people asked, strictly (issues 12 and 24).

Why: the held-out set was written by the same hands as the training data, so it flatters the
model. This scorer runs the questions that patients, caregivers and public FAQ pages really
ask through the whole trained NLU pipeline (question focus, sibling and other-procedure nets,
red flags, the FallbackClassifier, the clarifying question and the page-passage answer),
exactly as `rasa run` would, and sorts every outcome strictly: a hand-off where the page has
the answer is a miss.

- answered right: the predicted topic is the question's label (or one of its `also` labels);
  a quoted page passage that an acceptable topic's answer restates; for a not_on_page
  question, an honest hand-off (the fallback, not_covered, out_of_scope, contact, help);
- clarifying question offering the right topic: the fallback asked "Did you mean ...?" with an
  acceptable topic among the buttons (a second turn, so not counted as answered);
- hand-off: the fallback (or a clarifying question without the right topic) for a question
  the page answers;
- wrong topic: a confident answer to a different FAQ topic, or a quoted passage that no
  acceptable topic restates (a wrong passage): the bad case;
- other: anything else (an on-page question sent to not_covered or out_of_scope, an emergency
  reply, a greeting...): a missed answer, but not a wrong one.

The headline is "answered right"; beside it "right or clarifying" and "wrong topic", with
breakdowns per kind of source, per label and for sibling procedures, and the list of
wrong-topic questions. The same classification is applied to a TF-IDF + logistic regression
baseline trained on data/nlu.yml (bench/nlu_accuracy.py's model; a best probability under
0.5 counts as a hand-off). Never trains on the questions.

Sets (--set): `dev` (bench/real_questions.yml, the development set used to find gaps),
`untouched` (bench/untouched_questions.yml: never tuned on, scored once per release) and
`heldout` (tests/nlu_heldout.yml, the patient-typed held-out set; its label is the intent) and
`fresh` (bench/fresh_questions.yml, issue 24's fourth pass: questions from sites no other set
uses; `--half a|b` scores one half by site, and half b is printed without details).

Run: `.venv/bin/python -m bench.real_questions [--set dev|untouched|heldout|fresh] [--half a|b]
[--model ...]`. Writes bench/out/real_questions.json (dev), untouched_questions.json,
heldout_strict.json or fresh_questions[_a|_b].json.
"""

from __future__ import annotations

import argparse
import json
import logging
import zlib
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from addons.nlu.passages import domain_passages
from bench.nlu_accuracy import OUT, examples, parse_all, tfidf_model
from core.content.passages import topics_of_passages
from core.vocabulary.topics import FAQ_TOPICS
from tests.project import MODEL, ROOT, load_yaml, nlu_examples

SETS = {
    "dev": ("bench/real_questions.yml", "real_questions.json"),
    "untouched": ("bench/untouched_questions.yml", "untouched_questions.json"),
    "heldout": ("tests/nlu_heldout.yml", "heldout_strict.json"),
    "fresh": ("bench/fresh_questions.yml", "fresh_questions.json"),
}
# The fresh set (issue 24, fourth pass) is split by site: half "a" to find causes, half "b"
# kept unread (figures only, no details) so it still measures new text.
HALVES = ("a", "b")
REAL_QUESTIONS = SETS["dev"][0]
NOT_ON_PAGE = "not_on_page"
FALLBACK = "nlu_fallback"
PASSAGE = "page_passage"
# Replies that hand an off-page question over honestly ("the page doesn't cover that", help).
HANDOFF_INTENTS = frozenset({FALLBACK, "out_of_scope", "not_covered", "contact", "help"})
BASELINE_MIN_PROBABILITY = 0.5
RIGHT, CLARIFY, HANDOFF, WRONG, OTHER = (
    "right",
    "clarify right",
    "hand-off",
    "wrong topic",
    "other",
)
OUTCOMES = (RIGHT, CLARIFY, HANDOFF, WRONG, OTHER)


@dataclass(frozen=True)
class Question:
    text: str
    label: str
    also: tuple[str, ...]
    sibling: str | None
    source: str
    kind: str

    @property
    def acceptable(self) -> set[str]:
        return {self.label, *self.also}


@dataclass
class Scored:
    question: Question
    predicted: str
    confidence: float
    outcome: str
    clarify: list[str] = field(default_factory=list)
    sibling_noted: bool = False
    passage: str | None = None


def load_questions(relative: str = REAL_QUESTIONS) -> list[Question]:
    return [
        Question(
            text=str(entry["text"]),
            label=str(entry["label"]),
            also=tuple(str(a) for a in entry.get("also", [])),
            sibling=entry.get("sibling"),
            source=str(entry["source"]),
            kind=str(entry["kind"]),
        )
        for entry in load_yaml(relative)["questions"]
    ]


def half_of(source: str) -> str:
    """The fresh set's half of a question, fixed by its site so a site is never in both."""
    site = urlparse(source).netloc.lower().removeprefix("www.")
    return HALVES[zlib.crc32(site.encode()) % 2]


def load_heldout(relative: str = SETS["heldout"][0]) -> list[Question]:
    """The patient-typed held-out examples as questions whose label is their intent."""
    return [
        Question(text=text, label=intent, also=(), sibling=None, source=relative, kind="typed")
        for intent, texts in nlu_examples(relative).items()
        for text in texts
    ]


@cache
def _passages() -> tuple[dict[str, str], dict[str, set[str]]]:
    """passage id -> the quoted passage, and passage -> the topics whose answers restate it."""
    domain = load_yaml("domain.yml")
    by_id = domain_passages(domain)
    return by_id, topics_of_passages(by_id.values(), domain["responses"])


def passage_text(passage_id: str) -> str:
    return _passages()[0].get(passage_id, passage_id)


def passage_is_right(question: Question, passage: str) -> bool:
    """A quoted passage is right when an acceptable topic's answer restates it."""
    topics = _passages()[1].get(passage, set())
    return bool(topics & question.acceptable)


def classify(
    question: Question,
    predicted: str,
    clarify: list[str] | None = None,
    passage: str | None = None,
) -> str:
    """answered right / clarify right / hand-off / wrong topic / other (module docstring)."""
    if predicted == PASSAGE:
        return RIGHT if passage and passage_is_right(question, passage) else WRONG
    if predicted in question.acceptable:
        return RIGHT
    if question.label == NOT_ON_PAGE and predicted in HANDOFF_INTENTS:
        return RIGHT
    if predicted in FAQ_TOPICS:
        return WRONG
    if predicted == FALLBACK:
        return CLARIFY if set(clarify or []) & question.acceptable else HANDOFF
    return OTHER


def entity_values(parsed: dict[str, Any], name: str) -> list[str]:
    return [str(e.get("value")) for e in parsed.get("entities") or [] if e.get("entity") == name]


def score_parsed(question: Question, parsed: dict[str, Any]) -> Scored:
    intent = parsed.get("intent") or {}
    predicted = str(intent.get("name"))
    clarify = entity_values(parsed, "clarify_first") + entity_values(parsed, "clarify_second")
    passage_id = next(iter(entity_values(parsed, PASSAGE)), None)
    passage = passage_text(passage_id) if passage_id else None
    if passage:
        predicted = PASSAGE
    return Scored(
        question=question,
        predicted=predicted,
        confidence=float(intent.get("confidence") or 0.0),
        outcome=classify(question, predicted, clarify, passage),
        clarify=clarify,
        sibling_noted=bool(entity_values(parsed, "sibling_procedure")),
        passage=passage,
    )


def baseline_predictions(texts: list[str]) -> list[tuple[str, float]]:
    """TF-IDF + logistic regression on data/nlu.yml; weak predictions become the fallback."""
    model = tfidf_model()
    model.fit(*examples("data/nlu.yml"))
    classes = [str(c) for c in model.classes_]
    predictions = []
    for probabilities in model.predict_proba(texts):
        best = int(probabilities.argmax())
        probability = float(probabilities[best])
        intent = classes[best] if probability >= BASELINE_MIN_PROBABILITY else FALLBACK
        predictions.append((intent, probability))
    return predictions


def rate(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


def summarise(scored: list[Scored]) -> dict[str, Any]:
    """Outcome counts and the two headline shares for a group of questions."""
    counts = Counter(s.outcome for s in scored)
    total = len(scored)
    return {
        "n": total,
        **{outcome: counts.get(outcome, 0) for outcome in OUTCOMES},
        "answered_right": rate(counts[RIGHT], total),
        "right_or_clarify": rate(counts[RIGHT] + counts[CLARIFY], total),
        "wrong_topic": rate(counts[WRONG], total),
    }


def breakdown(scored: list[Scored], key: str) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[Scored]] = defaultdict(list)
    for s in scored:
        value = getattr(s.question, key)
        groups[str(value) if value else "none"].append(s)
    return {name: summarise(group) for name, group in sorted(groups.items())}


def report(scored: list[Scored]) -> dict[str, Any]:
    clarified = [s for s in scored if s.clarify]
    siblings = [s for s in scored if s.question.sibling]
    return {
        "overall": summarise(scored),
        "by_kind": breakdown(scored, "kind"),
        "by_label": breakdown(scored, "label"),
        "by_sibling": breakdown(scored, "sibling"),
        "predicted": dict(Counter(s.predicted for s in scored).most_common()),
        "clarifying_question": {
            "asked": len(clarified),
            "offered_an_acceptable_topic": sum(
                1 for s in clarified if set(s.clarify) & s.question.acceptable
            ),
        },
        "sibling_note": {
            "sibling_questions": len(siblings),
            "noted": sum(1 for s in siblings if s.sibling_noted),
        },
        "wrong_topic": [row(s) for s in scored if s.outcome == WRONG],
        "missed": [row(s) for s in scored if s.outcome in (CLARIFY, HANDOFF)],
        "passages": [row(s) for s in scored if s.passage],
        "other": [row(s) for s in scored if s.outcome == OTHER],
        "questions": [row(s) for s in scored],
    }


def row(s: Scored) -> dict[str, Any]:
    q = asdict(s.question)
    q["also"] = list(s.question.also)
    return {
        **q,
        "predicted": s.predicted,
        "confidence": round(s.confidence, 3),
        "outcome": s.outcome,
        "clarify": s.clarify,
        "sibling_noted": s.sibling_noted,
        "passage": s.passage,
    }


def percent(value: float) -> str:
    return f"{100 * value:5.1f} %"


def print_summary(result: dict[str, Any], details: bool = True) -> None:
    """The strict figures; with `details`, the breakdowns and the wrong answers too.

    The untouched set is printed without details: reading its misses would be tuning on it.
    """
    for system in ("shipped", "tfidf_baseline"):
        if system not in result:
            continue
        overall = result[system]["overall"]
        print(
            f"{system:15} answered right {percent(overall['answered_right'])}"
            f"  (+clarifying {percent(overall['right_or_clarify'])})"
            f"  wrong topic {percent(overall['wrong_topic'])}"
            f"  [right {overall[RIGHT]}, clarify {overall[CLARIFY]}, hand-off"
            f" {overall[HANDOFF]}, wrong {overall[WRONG]}, other {overall[OTHER]}"
            f" of {overall['n']}]"
        )
    if not details:
        return
    shipped = result["shipped"]
    for title, key in (("by kind", "by_kind"), ("by label", "by_label"), ("sibling", "by_sibling")):
        print(f"\nshipped, {title}:")
        for name, figures in shipped[key].items():
            print(
                f"  {name:24} n={figures['n']:3}  answered right"
                f" {percent(figures['answered_right'])}  wrong {percent(figures['wrong_topic'])}"
            )
    print(f"\nshipped, wrong-topic answers ({len(shipped['wrong_topic'])}):")
    for wrong in shipped["wrong_topic"]:
        shown = wrong["predicted"] if not wrong["passage"] else f"passage {wrong['passage'][:40]}"
        print(f"  [{wrong['label']} -> {shown}] {wrong['text'][:110]}")


def quiet_rasa() -> None:
    """Warnings only: Rasa logs every parsed message at debug level otherwise."""
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=MODEL, help="trained model archive")
    parser.add_argument("--set", choices=sorted(SETS), default="dev", help="which questions")
    parser.add_argument("--half", choices=HALVES, help="the fresh set: one half, by site")
    args = parser.parse_args()
    if not args.model.exists():
        raise SystemExit(f"No trained model at {args.model}: run `make train` first.")

    quiet_rasa()
    relative, out_name = SETS[args.set]
    questions = load_heldout(relative) if args.set == "heldout" else load_questions(relative)
    if args.half:
        questions = [q for q in questions if half_of(q.source) == args.half]
        out_name = out_name.replace(".json", f"_{args.half}.json")
    if not questions:
        # The untouched set between versions is an empty placeholder: nothing to score, and an
        # older run's figures must not be reported as if they were this release's.
        (OUT / out_name).unlink(missing_ok=True)
        print(f"{relative}: no questions yet (a placeholder until its next version); not scored.")
        return
    texts = [q.text for q in questions]
    parsed = parse_all(str(args.model), texts)
    shipped = [score_parsed(q, p) for q, p in zip(questions, parsed, strict=True)]
    baseline = [
        Scored(question=q, predicted=intent, confidence=p, outcome=classify(q, intent))
        for q, (intent, p) in zip(questions, baseline_predictions(texts), strict=True)
    ]
    model = args.model.resolve()
    result = {
        "set": args.set,
        "file": relative,
        "model": str(model.relative_to(ROOT)) if model.is_relative_to(ROOT) else str(model),
        "questions": len(questions),
        "shipped": report(shipped),
        "tfidf_baseline": report(baseline),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / out_name).write_text(json.dumps(result, indent=1, ensure_ascii=False))
    print_summary(result, details=args.set != "untouched" and args.half != "b")


if __name__ == "__main__":
    main()
