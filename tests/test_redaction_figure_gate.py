"""The redaction skips the passes that need a figure when a message holds none (a CPU saving:
bench/NOTES.md, "Identifiers (issue 21)"). Skipping must change nothing: on every message
without a figure, the gated redaction equals the redaction with every pass run.

The messages are the corpus's and the training data's with their figures taken out (so the
identifier-laden sentences, now figure-free, still reach the passes that read words), and
hostile text from hypothesis.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.redaction_compare import training_messages
from core.privacy import redaction
from tests.project import load_yaml

_FIGURES = re.compile(r"\d")


def _without_figures() -> list[str]:
    corpus = [item["text"] for item in load_yaml("core/privacy/data/pii_corpus.yml")["sentences"]]
    texts = {_FIGURES.sub("", text) for text in corpus + list(training_messages())}
    return sorted(t for t in texts if not any(ch.isdigit() for ch in t))


def _ungated(text: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The redaction as if the text held a figure: every pass runs."""
    with monkeypatch.context() as patched:
        patched.setattr(redaction, "_has_figure", lambda _text: True)
        return redaction.redact(text)


def test_skipping_figure_passes_changes_no_message_without_figures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = _without_figures()
    assert len(texts) > 2500  # the corpus and the training data, not an empty list
    differ = [t for t in texts if redaction.redact(t) != _ungated(t, monkeypatch)]
    assert differ == []


def test_the_gate_is_taken_for_messages_without_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    """The saving is real: a figure-free message does not reach a figure-only pass."""
    calls: list[str] = []
    real = redaction._phones_with_figures

    def counted(text: str, low: str) -> str:
        calls.append(text)
        return real(text, low)

    monkeypatch.setattr(redaction, "_phones_with_figures", counted)
    redaction.redact("my email is rosa at gmail dot com and I live on Elm Street")
    assert calls == []
    redaction.redact("call me on 860 555 0123")
    assert len(calls) == 1


# Words that reach many passes: cues of every kind, months, street words, number words.
_WORDS = st.sampled_from(
    re.findall(
        r"\S+",
        """my name is I'm dad mom born on dob march the ninth street st ave road apt unit zip
        code member id policy medicare ssn phone cell call at dot com gmail arroba age ninety
        years old turns plate vin license passport account card exp ends in last four from live
        in Harwinton Bristol corner of Pine and Maple Manor Margaret Olsen oh one two three""",
    )
)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    st.lists(
        st.one_of(_WORDS, st.text(st.characters(blacklist_categories=["Cs", "Nd"]), max_size=8)),
        max_size=25,
    )
)
def test_hostile_figure_free_text_is_redacted_as_without_the_gate(words: list[str]) -> None:
    text = " ".join(words)
    if any(ch.isdigit() for ch in text):  # other scripts' figures (No) are not Nd
        return
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(redaction, "_has_figure", lambda _text: True)
        ungated = redaction.redact(text)
    assert redaction.redact(text) == ungated
