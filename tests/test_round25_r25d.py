"""Round 25's outside tester (helper r25d): ages over 89 in a list or said again in words, a
lower-case town closing a masked street, a hospital suite asked about, and the bot's own
example figures in its stored replies."""

from __future__ import annotations

import json
from typing import Any

import pytest

from actions.callback import INCOMPLETE_PHONE, INVALID_PHONE
from core.privacy.redaction import redact
from core.privacy.transcripts import stored_events
from tests.test_transcript_redaction import nlu_user_event


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        # ag06, ag11: a list of ages with no cue before its first figure.
        ("my parents (90 and 94) live with me", ["90", "94"]),
        ("Ages 90, 91 and 93 - three of my relatives", ["90", "91", "93"]),
        ("my parents are 92 & 96, can they both have it", ["92", "96"]),
        ("mom and dad, 91 and 95, both need it", ["91", "95"]),
        ("my grandparents are ninety and ninety-three", ["ninety"]),
        ("both of them (92, 95)", ["92", "95"]),
        # ag02, ag13: a second age in words after a masked one.
        ("Patients aged ninety-four and ninety one, both with fractures", ["ninety"]),
        ("my father is ninety-two and mother ninety", ["ninety"]),
        ("my father is 92 and my mother ninety-six", ["92", "ninety"]),
        # ad05: a lower-case town that is a word, closing a masked street.
        ("ship to: forty-two elm street, fairview", ["fairview"]),
        ("send it to 42 elm street, riverside", ["riverside"]),
        ("we live at 14 pine road, greenville. is parking free?", ["greenville"]),
    ],
)
def test_the_detail_goes(typed: str, gone: list[str]) -> None:
    stored = redact(typed)
    for value in gone:
        assert value not in stored, stored


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("bp was 90 and 94 over 60", None),
        ("rooms 90 and 94", None),
        ("page (90 and 94)", None),
        ("scores were 90 and 95", None),
        ("it takes 90 minutes and then 94 minutes", None),
        ("mom is 92 and we waited ninety five minutes", "ninety five minutes"),
        ("mom is 91, a hundred and one problems", "a hundred and one problems"),
        ("my father is ninety-two and the drive is ninety minutes", "ninety minutes"),
        ("it's 5 main street, thanks", "thanks"),
        # Round 24's ordi497, and other questions about a hospital suite.
        ("What is suite 200 for?", None),
        ("where is suite 200", None),
        ("how do I get to suite 310?", None),
    ],
)
def test_the_ordinary_words_stay(typed: str, kept: str | None) -> None:
    stored = redact(typed)
    assert stored == typed if kept is None else stored.endswith(kept), stored


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("I live in suite 200 at the Marlowe", "200"),
        ("my address is 12 Oak Street, suite 310", "310"),
    ],
)
def test_a_home_suite_and_a_street_still_go(typed: str, gone: str) -> None:
    assert gone not in redact(typed)


def _bot(text: str) -> dict[str, Any]:
    return {"event": "bot", "timestamp": 1.0, "text": text, "data": {}, "metadata": {}}


@pytest.mark.parametrize("prompt", [INVALID_PHONE, INCOMPLETE_PHONE])
def test_the_bots_own_example_number_stays_in_the_stored_reply(prompt: str) -> None:
    # cb19, cb21: "for example (860) 555-0123" was stored as "for example [phone removed]".
    stored = stored_events([nlu_user_event("Greta Lindholm"), _bot(prompt)], 0)
    assert stored[1]["text"] == prompt


def test_a_number_the_patient_typed_still_goes_from_the_reply() -> None:
    events = [
        nlu_user_event("you can reach me on 845 555 0135"),
        _bot("Can the team call (845) 555-0135? Our line is 860-555-0199."),
    ]
    stored = stored_events(events, 0)
    text = json.dumps(stored)
    assert "0135" not in text
    assert stored[1]["text"].endswith("Our line is 860-555-0199.")


def test_the_example_goes_once_the_patient_typed_it() -> None:
    events = [nlu_user_event("is it 860 555 0123?"), _bot(INVALID_PHONE)]
    assert "555-0123" not in stored_events(events, 0)[1]["text"]
