"""The redaction's substring gates (core/privacy/gates.py) hide no match.

A gated pattern runs only when the text holds a substring its matches need; that saves CPU
(bench/NOTES.md, "Identifiers (issue 21)") and must change nothing. Two checks:

- pattern by pattern, on hostile text built from each gate's own substrings and the words
  around them: whenever the pattern itself matches, its gate lets it run;
- end to end, the redaction with every gate open equals the gated one on the corpus, the
  training and held-out messages, real patients' questions, and their figure-free, capitals
  and Title Case variants.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.redaction_compare import training_messages
from core.privacy import (
    ages_dates_and_handles,
    gates,
    identifiers,
    names,
    places,
    redaction,
    short_dates_and_ages,
    towns_in_context,
)
from tests.project import load_yaml

_MODULES = (
    identifiers,
    names,
    places,
    redaction,
    short_dates_and_ages,
    towns_in_context,
    ages_dates_and_handles,
)


def _gated() -> dict[str, gates.Gated]:
    found = {}
    for module in _MODULES:
        for name, value in vars(module).items():
            if isinstance(value, gates.Gated):
                found[f"{module.__name__}.{name}"] = value
    return found


GATED = _gated()


def test_the_hot_patterns_are_gated() -> None:
    """The gates exist (this file checks something) and skip an ordinary question."""
    assert len(GATED) >= 10
    question = "how long will i be in hospital after the procedure"
    assert sum(not gate.may_match(question) for gate in GATED.values()) >= 8


def _corpus_texts() -> list[str]:
    return [item["text"] for item in load_yaml("tests/pii_corpus.yml")["sentences"]]


def _real_questions() -> list[str]:
    texts: list[str] = []
    for relative in ("bench/real_questions.yml", "bench/untouched_questions.yml"):
        data = load_yaml(relative)
        items = data.get("questions", data) if isinstance(data, dict) else data
        texts.extend(item["text"] for item in items if isinstance(item, dict) and "text" in item)
    return texts


def _messages() -> list[str]:
    base = _corpus_texts() + list(training_messages()) + _real_questions()
    variants = {re.sub(r"\d", "", t) for t in base} | {t.upper() for t in base}
    variants |= {t.title() for t in base}
    return sorted(set(base) | variants)


@pytest.fixture
def gates_open() -> Iterator[None]:
    gates.OPEN = True
    try:
        yield
    finally:
        gates.OPEN = False


def test_open_gates_change_no_message(gates_open: None) -> None:
    texts = _messages()
    assert len(texts) > 8000
    opened = [redaction.redact(t) for t in texts]
    gates.OPEN = False
    differ = [(t, o) for t, o in zip(texts, opened, strict=True) if redaction.redact(t) != o]
    assert differ == []


def test_open_gates_change_no_continuation(gates_open: None) -> None:
    """A detail split over two messages is read with the same gates."""
    texts = _corpus_texts()
    pairs = list(itertools.pairwise(texts))
    opened = [redaction.redact_continuation(a, b) for a, b in pairs]
    gates.OPEN = False
    again = [redaction.redact_continuation(a, b) for a, b in pairs]
    differ = [p for p, o, g in zip(pairs, opened, again, strict=True) if o != g]
    assert differ == []


_AROUND = "my is the on of born dob 12 1941 3rd 12/3 10-17 '52 ave St id # : @ - / , . ( )"


def _pieces() -> list[str]:
    """The gates' own substrings, in three cases, and words and figures found beside them."""
    words = {n for gate in GATED.values() for n in gate.needles}
    words |= {w.upper() for w in words} | {w.title() for w in words}
    words |= set(_AROUND.split())
    words |= {"[phone removed]", "[name removed]", "\n", "\u017f", "\u0131", "\u212a", "\u0663"}
    return sorted(words)


_PIECES = _pieces()


@settings(
    max_examples=400,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12),
    st.lists(st.sampled_from([" ", "", "  ", ", ", "-", "."]), min_size=12, max_size=12),
)
def test_every_match_passes_its_gate(pieces: list[str], glue: list[str]) -> None:
    text = "".join(p + g for p, g in zip(pieces, glue, strict=False))
    for name, gate in GATED.items():
        if gate.pattern.search(text):
            assert gate.may_match(text), (name, text)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.text(max_size=200))
def test_open_gates_change_no_hostile_text(text: str) -> None:
    gated = redaction.redact(text)
    gates.OPEN = True
    try:
        assert redaction.redact(text) == gated
    finally:
        gates.OPEN = False
