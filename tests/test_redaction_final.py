"""One redaction is final: redacting stored text again changes nothing.

The question log reads the stored, already redacted turn and redacts it again, and
`make redact-stored` runs the redaction over what is stored; so a second redaction that
changed the text would give staff a question log that differs from the transcript. It did in
31 of 15,372 messages (2026-12-04): a town masked late in a pass was read the second time by
the rule for a town after a masked address, which then took the state after it or the small
words of another language ("mieszkamy w [address removed], ile trwa zabieg?" lost "ile trwa").
"""

from __future__ import annotations

import pytest

from bench.redaction_compare import training_messages
from core.privacy.redaction import redact
from tests.project import load_yaml


def _messages() -> list[str]:
    corpus = [item["text"] for item in load_yaml("core/privacy/data/pii_corpus.yml")["sentences"]]
    questions: list[str] = []
    for relative in ("bench/real_questions.yml", "bench/untouched_questions.yml"):
        data = load_yaml(relative)
        items = data.get("questions", data) if isinstance(data, dict) else data
        questions.extend(i["text"] for i in items if isinstance(i, dict) and "text" in i)
    return corpus + list(training_messages()) + questions


def test_every_message_the_project_holds_reads_the_same_redacted_twice() -> None:
    texts = _messages()
    assert len(texts) > 4000
    changed = [(t, once) for t in texts if redact(once := redact(t)) != once]
    assert changed == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("mieszkamy w New Britain, ile trwa zabieg?", "ile trwa zabieg?"),
        ("mieszkamy na ulicy Broad Street 118 w New Britain, jak dojechać?", "jak dojechać?"),
        ("dad's at his place in Bethlehem CT, alone", "CT, alone"),
        ("my uncle lives down in Myrtle Beach SC and wants to come up", "SC and wants"),
        ("were coming from woonsocket RI, 4 hr drive, will it be done in a day", "RI, 4 hr"),
    ],
)
def test_a_town_masked_late_keeps_its_state_and_the_words_after_it(text: str, kept: str) -> None:
    """A state is kept (Safe Harbor keeps states), and so are another language's small words;
    the town goes, and a second redaction changes nothing."""
    once = redact(text)
    assert "[address removed]" in once and kept in once, once
    assert redact(once) == once


@pytest.mark.parametrize(
    "text", ["molsen\uff20example.com", "email me: a.kowal\ufe6bexample.org please"]
)
def test_a_full_width_or_small_at_sign_is_an_at_sign(text: str) -> None:
    """Round 20: "molsen<U+FF20>example.com" was stored as "molsen<U+FF20>[link removed]"."""
    redacted = redact(text)
    assert "molsen" not in redacted and "kowal" not in redacted, redacted
    assert "[email removed]" in redacted
