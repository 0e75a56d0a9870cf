"""The real-questions development set (bench/real_questions.yml) is well formed and unseen.

Why: the set measures how the assistant copes with the way real people ask (issue 12). It is
only worth anything if every entry is a real question with a known label and the address it
came from, if no question is counted twice, and if none of them was ever trained on or is part
of the held-out set: a question copied into data/nlu.yml would score itself. Fast: no model.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

from core.vocabulary.topics import FAQ_TOPICS
from tests.project import load_yaml, nlu_examples

REAL_QUESTIONS = "bench/real_questions.yml"
NOT_ON_PAGE = "not_on_page"
LABELS = {*FAQ_TOPICS, NOT_ON_PAGE}
KINDS = {"faq_page", "forum", "leaflet", "other_procedure"}
SIBLINGS = {"kyphoplasty", "vertebral_augmentation"}
FIELDS = {"text", "label", "also", "sibling", "source", "kind"}
MIN_QUESTIONS = 300
# How a question names a sibling procedure (the `sibling` field says which one it names).
NAMES_KYPHOPLASTY = re.compile(r"kyph\w*plast", re.IGNORECASE)
NAMES_AUGMENTATION = re.compile(r"vertebral\s+augmentation", re.IGNORECASE)


def canonical(text: str) -> str:
    """Lower case, punctuation and runs of whitespace folded to single spaces."""
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def questions() -> list[dict[str, Any]]:
    entries = load_yaml(REAL_QUESTIONS)["questions"]
    assert isinstance(entries, list)
    return entries


def test_every_entry_has_text_a_known_label_and_a_web_source() -> None:
    problems = []
    for number, entry in enumerate(questions(), start=1):
        where = f"#{number} {str(entry.get('text'))[:50]!r}"
        if set(entry) - FIELDS:
            problems.append(f"{where}: unknown fields {sorted(set(entry) - FIELDS)}")
        if not isinstance(entry.get("text"), str) or not entry["text"].strip():
            problems.append(f"{where}: no text")
        if entry.get("label") not in LABELS:
            problems.append(f"{where}: unknown label {entry.get('label')!r}")
        also = entry.get("also", [])
        if not isinstance(also, list) or not set(also) <= LABELS or entry.get("label") in also:
            problems.append(f"{where}: bad also {also!r}")
        if entry.get("sibling") not in (None, *SIBLINGS):
            problems.append(f"{where}: unknown sibling {entry.get('sibling')!r}")
        if entry.get("kind") not in KINDS:
            problems.append(f"{where}: unknown kind {entry.get('kind')!r}")
        source = urlparse(str(entry.get("source", "")))
        if source.scheme not in ("http", "https") or not source.netloc:
            problems.append(f"{where}: source is not an http(s) address")
    assert not problems, "\n".join(problems)


def test_the_set_is_large_enough_and_covers_every_topic() -> None:
    entries = questions()
    assert len(entries) >= MIN_QUESTIONS, f"only {len(entries)} questions"
    labels = {entry["label"] for entry in entries}
    assert labels == LABELS, f"labels without a question: {sorted(LABELS - labels)}"
    assert {entry["kind"] for entry in entries} == KINDS


def test_no_question_appears_twice() -> None:
    seen: dict[str, str] = {}
    duplicates = []
    for entry in questions():
        key = canonical(entry["text"])
        if key in seen:
            duplicates.append(f"{entry['text']!r} repeats {seen[key]!r}")
        seen[key] = entry["text"]
    assert not duplicates, "\n".join(duplicates)


def test_no_question_is_in_the_training_or_heldout_data() -> None:
    known = {
        canonical(example)
        for relative in ("data/nlu.yml", "tests/nlu_heldout.yml")
        for examples in nlu_examples(relative).values()
        for example in examples
    }
    leaked = [entry["text"] for entry in questions() if canonical(entry["text"]) in known]
    assert not leaked, f"real questions also in data/nlu.yml or tests/nlu_heldout.yml: {leaked}"


def test_sibling_is_marked_exactly_when_the_text_names_one() -> None:
    """The per-sibling figures must count the questions that really name a sibling."""
    wrong = []
    for entry in questions():
        text = entry["text"]
        if NAMES_KYPHOPLASTY.search(text):
            expected: str | None = "kyphoplasty"
        elif NAMES_AUGMENTATION.search(text):
            expected = "vertebral_augmentation"
        else:
            expected = None
        if entry.get("sibling") != expected:
            wrong.append(f"{text[:60]!r}: sibling {entry.get('sibling')!r}, expected {expected!r}")
    assert not wrong, "\n".join(wrong)
