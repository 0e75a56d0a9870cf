"""Round 17's outside tester: "hi!! its gerry from plainville, ..." kept the writer's town,
typed in lower case, after the writer said who they were."""

from __future__ import annotations

import pytest

from core.privacy.redaction import redact


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("hi!! its gerry from plainville, wifes name is Dot, how long is the stay", "plainville"),
        ("this is Anna from New Britain, can my mum have it", "New Britain"),
        ("im marek from waterbury, is parking free", "waterbury"),
    ],
)
def test_the_town_a_writer_comes_from_is_masked(text: str, town: str) -> None:
    redacted = redact(text)
    assert town.lower() not in redacted.lower(), redacted


@pytest.mark.parametrize(
    "text",
    [
        "this is sister Mary from the convent calling",
        "its me from Florida, is it hot there",
        "it is from the hospital",
        "this is Anna from Bristol Hospital radiology",
    ],
)
def test_a_writer_from_no_town_keeps_the_words(text: str) -> None:
    redacted = redact(text)
    for word in ("convent", "Florida", "hospital", "Bristol Hospital"):
        if word in text:
            assert word in redacted, redacted
