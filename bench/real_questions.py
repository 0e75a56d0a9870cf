"""Score the assistant on questions real people asked (bench/real_questions.yml, issue 12).

Why: the held-out set was written by the same hands as the training data, so it flatters the
model. This scorer runs the questions that patients, caregivers and public FAQ pages really
ask through the whole trained NLU pipeline (question focus, sibling and other-procedure nets,
red flags, the FallbackClassifier and the clarifying question), exactly as `rasa run` would,
and sorts every outcome into what matters for a patient-facing assistant:

- right: the predicted topic is the question's label (or one of its `also` labels);
- hand-off: an honest "I don't know, here is who can help": any nlu_fallback (including the
  clarifying question), or, for a not_on_page question, not_covered / out_of_scope / contact
  / help;
- wrong topic: a confident answer to a different FAQ topic: the bad case;
- other: anything else (an on-page question sent to not_covered or out_of_scope, an emergency
  reply, a greeting...): a missed answer, but not a wrong one.

The headline figures are "right or hand-off" and "wrong topic" as shares of all questions,
with breakdowns per kind of source, per label and for sibling procedures, and the list of
wrong-topic questions. The same classification is applied to a TF-IDF + logistic regression
baseline trained on data/nlu.yml (bench/nlu_accuracy.py's model; a best probability under
0.5 counts as a hand-off). Never trains on the questions.

Run: `.venv/bin/python -m bench.real_questions [--model models/current.tar.gz]`.
Writes bench/out/real_questions.json and prints a summary.
"""

from __future__ import annotations

import argparse
import json
import logging
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.nlu_accuracy import OUT, examples, parse_all, tfidf_model
from core.vocabulary.topics import FAQ_TOPICS
from tests.project import MODEL, ROOT, load_yaml

REAL_QUESTIONS = "bench/real_questions.yml"
NOT_ON_PAGE = "not_on_page"
FALLBACK = "nlu_fallback"
# Replies that hand an off-page question over honestly ("the page doesn't cover that", help).
HANDOFF_INTENTS = frozenset({FALLBACK, "out_of_scope", "not_covered", "contact", "help"})
BASELINE_MIN_PROBABILITY = 0.5
RIGHT, HANDOFF, WRONG, OTHER = "right", "hand-off", "wrong topic", "other"
OUTCOMES = (RIGHT, HANDOFF, WRONG, OTHER)


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


def classify(question: Question, predicted: str) -> str:
    """right / hand-off / wrong topic / other, as described in the module docstring."""
    if predicted in FAQ_TOPICS:
        return RIGHT if predicted in question.acceptable else WRONG
    if predicted == FALLBACK:
        return HANDOFF
    if question.label == NOT_ON_PAGE and predicted in HANDOFF_INTENTS:
        return HANDOFF
    return OTHER


def entity_values(parsed: dict[str, Any], name: str) -> list[str]:
    return [str(e.get("value")) for e in parsed.get("entities") or [] if e.get("entity") == name]


def score_parsed(question: Question, parsed: dict[str, Any]) -> Scored:
    intent = parsed.get("intent") or {}
    predicted = str(intent.get("name"))
    return Scored(
        question=question,
        predicted=predicted,
        confidence=float(intent.get("confidence") or 0.0),
        outcome=classify(question, predicted),
        clarify=entity_values(parsed, "clarify_first") + entity_values(parsed, "clarify_second"),
        sibling_noted=bool(entity_values(parsed, "sibling_procedure")),
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
        "right_or_handoff": rate(counts[RIGHT] + counts[HANDOFF], total),
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
    }


def percent(value: float) -> str:
    return f"{100 * value:5.1f} %"


def print_summary(result: dict[str, Any]) -> None:
    for system in ("shipped", "tfidf_baseline"):
        overall = result[system]["overall"]
        print(
            f"{system:15} right or hand-off {percent(overall['right_or_handoff'])}"
            f"  wrong topic {percent(overall['wrong_topic'])}"
            f"  (right {overall[RIGHT]}, hand-off {overall[HANDOFF]},"
            f" wrong {overall[WRONG]}, other {overall[OTHER]} of {overall['n']})"
        )
    shipped = result["shipped"]
    for title, key in (("by kind", "by_kind"), ("by label", "by_label"), ("sibling", "by_sibling")):
        print(f"\nshipped, {title}:")
        for name, figures in shipped[key].items():
            print(
                f"  {name:24} n={figures['n']:3}  right or hand-off"
                f" {percent(figures['right_or_handoff'])}  wrong {percent(figures['wrong_topic'])}"
            )
    print(f"\nshipped, wrong-topic answers ({len(shipped['wrong_topic'])}):")
    for wrong in shipped["wrong_topic"]:
        print(f"  [{wrong['label']} -> {wrong['predicted']}] {wrong['text'][:110]}")


def quiet_rasa() -> None:
    """Warnings only: Rasa logs every parsed message at debug level otherwise."""
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=MODEL, help="trained model archive")
    args = parser.parse_args()
    if not args.model.exists():
        raise SystemExit(f"No trained model at {args.model}: run `make train` first.")

    quiet_rasa()
    questions = load_questions()
    texts = [q.text for q in questions]
    parsed = parse_all(str(args.model), texts)
    shipped = [score_parsed(q, p) for q, p in zip(questions, parsed, strict=True)]
    baseline = [
        Scored(question=q, predicted=intent, confidence=p, outcome=classify(q, intent))
        for q, (intent, p) in zip(questions, baseline_predictions(texts), strict=True)
    ]
    model = args.model.resolve()
    result = {
        "model": str(model.relative_to(ROOT)) if model.is_relative_to(ROOT) else str(model),
        "questions": len(questions),
        "shipped": report(shipped),
        "tfidf_baseline": report(baseline),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "real_questions.json").write_text(json.dumps(result, indent=1, ensure_ascii=False))
    print_summary(result)


if __name__ == "__main__":
    main()
