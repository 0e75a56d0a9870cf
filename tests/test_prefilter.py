"""The literal prefilter never changes what the red-flag patterns find.

The prefilter skips a pattern when none of its required literals is in the text. That is safe
only if every match really contains one: checked for each pattern on strings hypothesis
builds from the pattern itself, and end to end against scanning every pattern (the way the
net worked before the prefilter) on the corpus, the training data and hostile text.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from addons.cleaning.text import fold
from addons.safety import red_flags
from addons.safety.prefilter import LiteralPrefilter, required_literals
from addons.safety.red_flag_languages import OTHER_LANGUAGES
from tests.project import load_yaml, nlu_examples

ALL_PATTERNS = [
    (language, name, alternative)
    for language, patterns in {"en": red_flags.RED_FLAG_PATTERNS, **OTHER_LANGUAGES}.items()
    for name, alternatives in patterns.items()
    for alternative in alternatives
]


def every_pattern_mentions(read: str, language: str) -> set[tuple[str, int]]:
    """What the net found before the prefilter: every pattern scanned."""
    return {
        (name, m.start())
        for code, name, alternative in ALL_PATTERNS
        if code == language
        for m in re.finditer(alternative, read, re.DOTALL)
    }


def prefiltered_mentions(read: str, language: str) -> set[tuple[str, int]]:
    return {(m.flag, m.start) for m in red_flags.mentions(read, language)}


def texts_to_check() -> list[str]:
    corpus = load_yaml("tests/red_flag_corpus.yml")
    texts = [item["text"] for item in corpus["reports"] + corpus["non_reports"]]
    texts += [m for item in corpus["two_message_reports"] for m in item["messages"]]
    for path in ("data/nlu.yml", "tests/nlu_heldout.yml"):
        texts += [t for examples in nlu_examples(path).values() for t in examples]
    return texts


def test_almost_every_pattern_has_a_required_literal() -> None:
    """Otherwise the prefilter saves nothing (a pattern without one always runs)."""
    unknown = [p for _, _, p in ALL_PATTERNS if required_literals(p) is None]
    assert len(unknown) <= len(ALL_PATTERNS) // 20, unknown


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bchest\s+pain\b", {"chest"}),
        (r"\b(fiebre|escalofrios)\b", {"fiebre", "escalofrios"}),
        (r"\bp[łl]uc\b", {"płuc", "pluc"}),
        (r"\b(numb)?\s*legs?\b", {"leg"}),
        (r"(a|b)?\s+", None),
        (r"\b(\w+|pain)\b", None),
    ],
)
def test_required_literals_reads_the_parse_tree(pattern: str, expected: set[str] | None) -> None:
    found = required_literals(pattern)
    assert (None if found is None else set(found)) == expected


# Hypothesis cannot build strings for look-behinds; those patterns are covered end to end.
GENERATABLE = [entry for entry in ALL_PATTERNS if "(?<" not in entry[2]]


@pytest.mark.parametrize(("language", "name", "pattern"), GENERATABLE)
@settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(data=st.data())
def test_every_match_contains_a_required_literal(
    language: str, name: str, pattern: str, data: st.DataObject
) -> None:
    """Soundness, pattern by pattern, on strings built to match the pattern."""
    required = required_literals(pattern)
    if required is None:
        return
    text = data.draw(st.from_regex(re.compile(pattern, re.DOTALL), fullmatch=True))
    match = re.fullmatch(pattern, text, re.DOTALL)
    if match is None:  # look-arounds the generator ignored
        return
    assert any(literal in text for literal in required), (text, required)


def test_the_net_finds_the_same_mentions_as_scanning_every_pattern() -> None:
    for text in texts_to_check():
        folded = fold(text)
        for language in red_flags.LANGUAGES:
            read = red_flags.readable(text, language)
            assert prefiltered_mentions(read, language) == every_pattern_mentions(read, language)
        assert (red_flags.first_red_flag_at(folded) is None) == (
            not any(
                every_pattern_mentions(red_flags.readable(text, lang), lang)
                for lang in red_flags.LANGUAGES
            )
        )


PIECES = sorted({lit for _, _, p in ALL_PATTERNS for lit in (required_literals(p) or ())})


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(PIECES),
            st.sampled_from([" ", "  ", "\n", "my ", "the ", "legs ", "since ", "can't "]),
            st.text(max_size=8),
        ),
        max_size=40,
    ).map("".join)
)
def test_hostile_text_gets_the_same_mentions(text: str) -> None:
    """Pattern words glued to broken unicode, control characters and whitespace."""
    for language in red_flags.LANGUAGES:
        read = red_flags.readable(text, language)
        assert prefiltered_mentions(read, language) == every_pattern_mentions(read, language)


def test_a_pattern_without_required_literals_always_runs() -> None:
    prefilter = LiteralPrefilter([(re.compile(r"\d+"), "digits"), (re.compile("chest"), "c")])
    assert [p for _, p in prefilter.candidates("42")] == ["digits"]
    assert [p for _, p in prefilter.candidates("chest 42")] == ["digits", "c"]
