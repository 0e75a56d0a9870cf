"""Measure the page-passage threshold on the development set (bench/NOTES.md, issue 24).

Why: a quoted passage that does not answer the question is as bad as a wrong topic. For every
development-set question that the trained pipeline leaves as a fallback the page might answer
(addons/nlu/passages.py `answerable`), this finds the best passage and its similarity with the
same index the component builds, judges the passage right or wrong (bench/real_questions.py:
right when an acceptable topic's answer restates it), and prints, for each threshold, how many
fallbacks would be answered rightly and wrongly. The development set only: the untouched set is
never used for tuning.

`--compare` also scores the alternative retrievers of bench/passage_retrievers.py on the same
fallbacks (quoted right / wrong at each threshold, the passage's topic among the classifiers'
two best), to see whether one answers more with no wrong passage.

Run: `.venv/bin/python -m bench.passage_threshold [--model models/current.tar.gz] [--compare]`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.passages import PassageIndex, answerable, domain_passages
from bench import passage_retrievers
from bench.nlu_accuracy import parse_all
from bench.real_questions import Question, load_questions, passage_is_right, quiet_rasa
from core.content.passages import source_page_path, topics_of_passages
from tests.project import MODEL, load_yaml

THRESHOLDS = [round(0.05 * i, 2) for i in range(2, 15)]
COMPARE_THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
COMPARE_DEPTH = 2


def compare(
    fallbacks: list[tuple[Question, list[str]]],
    passages: list[str],
    topics: dict[str, set[str]],
) -> None:
    """Quoted right/wrong per retriever and threshold, the passage's topic in the top 2."""
    print(f"\nretrievers (passage topic within the classifiers' top {COMPARE_DEPTH}; right/wrong):")
    print(f"{'retriever':26}" + "".join(f"{t:>9}" for t in COMPARE_THRESHOLDS))
    for name, scores in passage_retrievers.retrievers(
        passages, source_page_path().read_text()
    ).items():
        found = []
        for question, ranked in fallbacks:
            similarities = scores(question.text)
            best = passages[int(np.argmax(similarities))]
            if topics[best] & set(ranked[:COMPARE_DEPTH]):
                found.append((float(similarities.max()), passage_is_right(question, best)))
        cells = []
        for threshold in COMPARE_THRESHOLDS:
            fired = [right for similarity, right in found if similarity >= threshold]
            cells.append(f"{sum(fired)}/{len(fired) - sum(fired)}")
        print(f"{name:26}" + "".join(f"{c:>9}" for c in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=MODEL, help="trained model archive")
    parser.add_argument("--compare", action="store_true", help="also score other retrievers")
    args = parser.parse_args()
    quiet_rasa()
    domain = load_yaml("domain.yml")
    passages = domain_passages(domain)
    topics = topics_of_passages(passages.values(), domain["responses"])
    index = PassageIndex.build(passages)
    questions = load_questions()
    parsed = parse_all(str(args.model), [q.text for q in questions])
    candidates = []
    fallbacks: list[tuple[Question, list[str]]] = []
    for question, result in zip(questions, parsed, strict=True):
        message = Message(data={"text": result.get("text") or question.text})
        message.set("intent", result.get("intent"))
        message.set("intent_ranking", result.get("intent_ranking"))
        if not answerable(message):
            continue
        fallbacks.append((question, [e["name"] for e in result.get("intent_ranking") or []][1:]))
        passage_id, similarity = index.best(question.text)
        right = passage_is_right(question, passages[passage_id])
        ranked = [
            e["name"] for e in result.get("intent_ranking") or [] if e["name"] != "nlu_fallback"
        ]
        rank = next(
            (i for i, name in enumerate(ranked) if name in topics[passages[passage_id]]), 99
        )
        candidates.append((similarity, right, question, passages[passage_id], rank))
    print(f"{len(candidates)} answerable fallbacks on {len(questions)} development questions")
    for depth in (99, 3, 2, 1):
        print(
            f"passage topic within the classifier's top {depth}:"
            if depth < 99
            else "any passage an answer restates:"
        )
        print("threshold  quoted  right  wrong")
        for threshold in THRESHOLDS:
            fired = [c for c in candidates if c[0] >= threshold and c[4] < depth]
            n_right = sum(1 for c in fired if c[1])
            print(f"{threshold:9.2f}  {len(fired):6}  {n_right:5}  {len(fired) - n_right:5}")
    for similarity, right, question, passage, rank in sorted(candidates, key=lambda c: -c[0]):
        mark = "right" if right else "WRONG"
        print(
            f"{similarity:.2f} r{rank} {mark} [{question.label}] {question.text[:60]}"
            f" => {passage[:40]}"
        )
    if args.compare:
        compare(fallbacks, list(passages.values()), topics)


if __name__ == "__main__":
    main()
