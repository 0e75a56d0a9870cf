"""Personal details never reach a store or a log: the redaction, measured and attacked.

The labelled corpus (tests/pii_corpus.yml) and the comparison of detectors are described in
bench/NOTES.md, "Redaction (issue 11)"; the recall target is 99 %, with no false redaction of
any training or held-out message.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.redaction_compare import found, training_messages
from core.privacy.redaction import EMAIL_MARK, PHONE_MARK, contains_pii, redact
from tests.project import load_yaml


@pytest.mark.parametrize(
    "text",
    [
        "call me on 860-555-0123 please",
        "my number is (860) 555 0123",
        "ring +1 860 555 0123",
        "8605550123",
        "07700 900123",
        "860.555.0123 after 5",
        # Said in words (the privacy outsider of issue 11 found them stored raw).
        "my number is eight six zero five five five zero one nine one",
        "call me on eight six oh, five five five, zero one two three",
        "ring 860 five five five double one two three",
    ],
)
def test_phone_numbers_are_redacted(text: str) -> None:
    redacted = redact(text)
    assert PHONE_MARK in redacted
    assert not any(ch.isdigit() for ch in redacted.replace(PHONE_MARK, "").split("after")[0])


@pytest.mark.parametrize("text", ["mail mary.smith+ir@example.org", "MARY@EXAMPLE.CO.UK?"])
def test_email_addresses_are_redacted(text: str) -> None:
    assert EMAIL_MARK in redact(text) and "@" not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "one or two nights in hospital, maybe three",
        "one two three four five six",  # six digits: not a phone number
        "it takes one to two hours, and nine out of ten feel better",
    ],
)
def test_numbers_in_words_that_are_not_phone_numbers_are_kept(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "does it take 1-2 hours?",
        "is 90% success right?",
        "over 400 procedures",
        "I'm 85 years old",
        "within 24-48 hours",
        "she can hardly sleep at night. How long does it take?",  # no spelled-out e-mail
        "we met at home.Then we went to the clinic",
    ],
)
def test_ordinary_figures_are_kept(text: str) -> None:
    assert redact(text) == text


# --- the labelled corpus (tests/pii_corpus.yml) and the training data -----------------------

CORPUS = load_yaml("tests/pii_corpus.yml")["sentences"]


def test_the_corpus_is_large_enough_and_labelled() -> None:
    labelled = [pii for item in CORPUS for pii in item["pii"]]
    assert len(labelled) >= 200
    assert {pii["kind"] for pii in labelled} == {"phone", "email", "ssn", "date_of_birth"}
    assert all(str(pii["value"]) in item["text"] for item in CORPUS for pii in item["pii"])


def test_recall_on_the_corpus_is_at_least_99_percent() -> None:
    labelled = [(item["text"], pii) for item in CORPUS for pii in item["pii"]]
    missed = [
        text for text, pii in labelled if not found(str(pii["value"]), pii["kind"], redact(text))
    ]
    assert 1 - len(missed) / len(labelled) >= 0.99, missed


def test_the_corpus_negatives_are_untouched() -> None:
    changed = [item["text"] for item in CORPUS if not item["pii"] and redact(item["text"])
               != item["text"]]  # fmt: skip
    assert not changed


def test_no_training_or_held_out_message_is_redacted() -> None:
    changed = [text for text in training_messages() if contains_pii(text)]
    assert not changed


# --- hostile text (hypothesis) ----------------------------------------------------------------

NO_DIGITS = st.text(st.characters(blacklist_categories=("Cs", "Nd")), max_size=30).map(
    lambda t: t.replace("@", " ")
)
PHONES = st.builds(
    lambda a, e, line, style: style.format(a=a, e=e, l=f"{line:04d}"),
    st.integers(201, 989),
    st.integers(200, 989),
    st.integers(0, 9999),
    st.sampled_from(
        [
            "({a}) {e}-{l}",
            "{a}-{e}-{l}",
            "{a}.{e}.{l}",
            "+1 {a} {e} {l}",
            "{a}{e}{l}",
            "1-{a}-{e}-{l}",
        ]
    ),
)
EMAILS = st.from_regex(
    r"[a-z][a-z0-9._+-]{0,15}@[a-z0-9-]{1,12}\.(com|org|net|edu|co\.uk)", fullmatch=True
)
SSNS = st.builds(
    lambda a, b, c: f"{a}-{b:02d}-{c:04d}",
    st.integers(100, 899),
    st.integers(1, 99),
    st.integers(1, 9999),
)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(before=NO_DIGITS, detail=st.one_of(PHONES, EMAILS, SSNS), after=NO_DIGITS)
def test_a_detail_in_any_surrounding_text_is_removed(before: str, detail: str, after: str) -> None:
    redacted = redact(f"{before} {detail} {after}")
    assert detail not in redacted
    if "@" not in detail:
        assert "".join(ch for ch in detail if ch.isdigit())[-4:] not in redacted


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(st.characters(blacklist_categories=["Cs"]), max_size=300))
def test_redaction_never_raises_is_idempotent_and_never_adds_digits(text: str) -> None:
    once = redact(text)
    assert redact(once) == once
    assert sum(ch.isdigit() for ch in once) <= sum(ch.isdigit() for ch in text)
