"""Understanding accuracy: the shipped pipeline against two baselines, on the held-out set.

- Shipped: config.yml (spaCy tokenizer + lemmas, DIET, red-flag net, FallbackClassifier).
- Baseline 1: the same pipeline with Rasa's WhitespaceTokenizer instead of spaCy.
- Baseline 2: TF-IDF (word 1-2-grams + character 2-5-grams) + logistic regression (sklearn).
All three learn from data/nlu.yml only and are scored on tests/nlu_heldout.yml, never trained
on. Rasa pipelines are trained with several random seeds; figures are medians. Also: 5-fold
cross-validation of the shipped pipeline on the training data, and the false-answer rate on
tests/should_not_answer.txt (off-topic, nonsense, other languages) through the whole pipeline,
fallback included.

Writes bench/out/nlu.json; bench/report.py turns it into bench/results.md.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from addons.nlu.agreement import tfidf_model
from core.vocabulary.topics import FAQ_TOPICS
from tests.project import ROOT, nlu_examples

OUT = ROOT / "bench" / "out"
SEEDS = [int(s) for s in os.environ.get("BENCH_SEEDS", "42,1,2").split(",")]
CV_FOLDS = 5


def examples(relative: str) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for intent, items in nlu_examples(relative).items():
        texts += items
        labels += [intent] * len(items)
    return texts, labels


def write_nlu(path: Path, texts: list[str], labels: list[str]) -> None:
    by_intent: dict[str, list[str]] = {}
    for text, label in zip(texts, labels, strict=True):
        by_intent.setdefault(label, []).append(text)
    data = {
        "version": "3.1",
        "nlu": [
            {"intent": i, "examples": "".join(f"- {t}\n" for t in ts)}
            for i, ts in by_intent.items()
        ],
    }
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def config_variant(seed: int, whitespace: bool) -> str:
    text = (ROOT / "config.yml").read_text().replace("random_seed: 42", f"random_seed: {seed}")
    if whitespace:
        text = text.replace(
            "  - name: SpacyNLP\n    model: var/spacy/en_patient_pipeline\n"
            "    case_sensitive: false\n  - name: SpacyTokenizer\n",
            "  - name: WhitespaceTokenizer\n",
        )
        assert "Spacy" not in text.split("policies:")[0], "config.yml changed shape"
    path = Path(tempfile.mkstemp(suffix=".yml")[1])
    path.write_text(text)
    return str(path)


def train_rasa_nlu(config: str, nlu_file: str) -> tuple[str, float]:
    from rasa.model_training import train_nlu

    out = tempfile.mkdtemp(prefix="bench-nlu-")
    started = time.perf_counter()
    model = train_nlu(config, nlu_file, out, domain=str(ROOT / "domain.yml"))
    assert model, "training failed"
    return model, time.perf_counter() - started


def parse_all(model: str, texts: list[str]) -> list[dict[str, Any]]:
    from rasa.core.agent import Agent

    agent = Agent.load(model)

    async def run() -> list[dict[str, Any]]:
        return [await agent.parse_message(text) for text in texts]

    return asyncio.run(run())


def raw_intent(parsed: dict[str, Any]) -> str:
    """The classifier's own choice (as `rasa test nlu` scores it), ignoring the fallback."""
    for entry in parsed.get("intent_ranking") or []:
        if entry["name"] != "nlu_fallback":
            return str(entry["name"])
    return str(parsed["intent"]["name"])


def scores(truth: list[str], predicted: list[str]) -> dict[str, Any]:
    labels = sorted(set(truth))
    per_label = f1_score(truth, predicted, labels=labels, average=None, zero_division=0)
    return {
        "accuracy": accuracy_score(truth, predicted),
        "macro_f1": f1_score(truth, predicted, labels=labels, average="macro", zero_division=0),
        "per_intent_f1": dict(zip(labels, (float(x) for x in per_label), strict=True)),
    }


def tfidf_baseline(train: tuple[list[str], list[str]], test_texts: list[str]) -> list[str]:
    model = tfidf_model()
    model.fit(*train)
    return [str(p) for p in model.predict(test_texts)]


def tfidf_cross_validation(train: tuple[list[str], list[str]]) -> dict[str, float]:
    """The same 5-fold protocol for the TF-IDF baseline (stratified folds, as Rasa's)."""
    texts, labels = train
    folds = StratifiedKFold(CV_FOLDS, shuffle=True, random_state=0)
    predicted = [str(p) for p in cross_val_predict(tfidf_model(), texts, labels, cv=folds)]
    return {
        "macro_f1": float(f1_score(labels, predicted, average="macro", zero_division=0)),
        "accuracy": float(accuracy_score(labels, predicted)),
    }


def cross_validation(nlu_file: str) -> dict[str, Any]:
    """Rasa's own stratified k-fold cross-validation of the shipped pipeline."""
    from rasa.nlu.test import cross_validate
    from rasa.shared.nlu.training_data.loading import load_data

    intents, _, _ = asyncio.run(
        cross_validate(
            load_data(nlu_file),
            CV_FOLDS,
            config_variant(42, False),
            output=tempfile.mkdtemp(prefix="bench-cv-"),
            disable_plotting=True,
            report_as_dict=True,
        )
    )
    return {
        "folds_weighted_f1": list(intents.test["F1-score"]),
        "folds_accuracy": list(intents.test["Accuracy"]),
        "macro_f1": float(intents.evaluation["report"]["macro avg"]["f1-score"]),
        "accuracy": float(intents.evaluation["accuracy"]),
    }


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("RASA_MAX_CACHE_SIZE", "0")  # honest training times
    train_texts, train_labels = examples("data/nlu.yml")
    test_texts, test_labels = examples("tests/nlu_heldout.yml")
    not_answer = [
        line.strip()
        for line in (ROOT / "tests" / "should_not_answer.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    result: dict[str, Any] = {"seeds": SEEDS, "heldout_size": len(test_texts)}
    nlu_file = str(ROOT / "data" / "nlu.yml")

    for name, whitespace in (("shipped", False), ("whitespace", True)):
        runs: list[dict[str, Any]] = []
        for seed in SEEDS:
            model, seconds = train_rasa_nlu(config_variant(seed, whitespace), nlu_file)
            parsed = parse_all(model, test_texts + not_answer)
            held, extra = parsed[: len(test_texts)], parsed[len(test_texts) :]
            raw = [raw_intent(p) for p in held]
            final = [p["intent"]["name"] for p in held]
            false_answers = [
                (text, p["intent"]["name"])
                for text, p in zip(not_answer, extra, strict=True)
                if p["intent"]["name"] in FAQ_TOPICS
            ]
            runs.append(
                {
                    "seed": seed,
                    "train_seconds": seconds,
                    "raw": scores(test_labels, raw),
                    "end_to_end": scores(test_labels, final),
                    "false_answer_rate": len(false_answers) / len(not_answer),
                    "false_answers": false_answers,
                    "predictions": raw,
                }
            )
            print(name, seed, round(runs[-1]["raw"]["macro_f1"], 4), flush=True)
        result[name] = runs

    tfidf = tfidf_baseline((train_texts, train_labels), test_texts)
    result["tfidf"] = scores(test_labels, tfidf)
    print("tfidf", round(result["tfidf"]["macro_f1"], 4), flush=True)

    median_run = sorted(result["shipped"], key=lambda r: r["raw"]["macro_f1"])[len(SEEDS) // 2]
    labels = sorted(set(test_labels))
    result["confusion"] = {
        "labels": labels,
        "matrix": confusion_matrix(test_labels, median_run["predictions"], labels=labels).tolist(),
        "seed": median_run["seed"],
    }

    result["cross_validation"] = cross_validation(nlu_file)
    result["tfidf_cross_validation"] = tfidf_cross_validation((train_texts, train_labels))
    (OUT / "nlu.json").write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    random.seed(0)
    main()
