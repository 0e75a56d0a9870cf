"""Every reply a patient can get reads at US grade 8 or below, and the median at 7 or below
(Flesch-Kincaid, issue 14: health-literacy guidance asks for grade 6-8).

Measured offline with textstat (pinned; its syllable counts come from pyphen's bundled
dictionaries). Covered: every response in domain.yml, the channels' own replies and the
call-back form's and hand-off's messages. Very short replies (under 12 words: "You're
welcome.") are left out: the formula is meaningless for them.
"""

from __future__ import annotations

import re
import statistics

import pytest
import textstat

from actions.callback import (
    CANCELLED,
    DECLINED,
    FIRST_NUMBER_TAKEN,
    INTERRUPTED,
    INVALID_PHONE,
    NOT_SENT,
    PHONE_NOT_TAKEN,
    SUBMITTED,
)
from actions.callback_withdrawal import NOT_WITHDRAWN, NOTHING_SENT, WITHDRAWN
from addons.channels.backlog import WAIT_REPLY
from addons.channels.replies import FAILURE_REPLY
from addons.cleaning.inbound import TOO_LONG_REPLY
from core.content.grounding import response_texts
from core.content.passages import without_page_quotes
from core.vocabulary.contact import ContactDetails, handoff_text
from tests.project import load_yaml, source_page_path

MAX_GRADE = 8.0
MAX_MEDIAN_GRADE = 7.0
MIN_WORDS = 12
TRANSLATED = re.compile(r"_(es|pt|pl) #\d+$")


def patient_replies() -> dict[str, str]:
    page = source_page_path().read_text(encoding="utf-8")
    # A quotation of the page's own words (utter_page_passage) is the hospital's text, shown as
    # such; the words around it are ours and are measured.
    replies = {
        f"{name} #{i}": without_page_quotes(text, page)
        for i, (name, text) in enumerate(response_texts(load_yaml("domain.yml")["responses"]))
    }
    replies.update(
        {
            "channel: too long": TOO_LONG_REPLY.format(length=1234, limit=1000),
            "channel: wait": WAIT_REPLY,
            "channel: failure": FAILURE_REPLY,
            "form: invalid phone": INVALID_PHONE,
            "form: no phone taken": PHONE_NOT_TAKEN,
            "form: submitted": SUBMITTED.format(
                callback_name="Ann", callback_phone="860-555-0100", callback_time="mornings"
            ),
            "form: declined": DECLINED,
            "form: cancelled": CANCELLED,
            "form: not sent": NOT_SENT,
            "form: interrupted": INTERRUPTED,
            "form: first number": FIRST_NUMBER_TAKEN.format(callback_phone="(860) 555-0100"),
            "form: withdrawn": WITHDRAWN,
            "form: not withdrawn": NOT_WITHDRAWN,
            "form: nothing sent": NOTHING_SENT,
            "hand-off": handoff_text(ContactDetails()),
        }
    )
    # Flesch-Kincaid is an English formula: the Spanish, Portuguese and Polish messages are
    # left out (the hospital's language services review them, docs/red-flags.md).
    return {
        name: text
        for name, text in replies.items()
        if len(text.split()) >= MIN_WORDS and not TRANSLATED.search(name)
    }


GRADES = {name: textstat.flesch_kincaid_grade(text) for name, text in patient_replies().items()}


@pytest.mark.parametrize("name", sorted(GRADES))
def test_each_reply_is_at_grade_8_or_below(name: str) -> None:
    assert GRADES[name] <= MAX_GRADE, f"{name}: grade {GRADES[name]:.1f}"


def test_the_median_reply_is_at_grade_7_or_below() -> None:
    assert len(GRADES) >= 25
    assert statistics.median(GRADES.values()) <= MAX_MEDIAN_GRADE


def test_the_measure_tells_hard_text_from_plain() -> None:
    """The checker itself: a sentence written like a journal abstract must fail."""
    hard = (
        "Percutaneous vertebroplasty constitutes a minimally invasive interventional "
        "radiological procedure facilitating stabilisation of osteoporotic vertebral fractures."
    )
    assert textstat.flesch_kincaid_grade(hard) > MAX_GRADE
