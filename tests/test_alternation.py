"""A factored alternation (core/privacy/alternation.py) matches what the plain list matches,
with the same preference, on random lists, contexts and texts."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.privacy.alternation import factored, one_of

# Few letters, so that the random words share prefixes and are prefixes of each other.
_WORD = st.text(alphabet="abA-", min_size=0, max_size=4)
# Fragments that are not plain words: quantified, classes, groups, escapes.
_FRAGMENT = st.sampled_from(["a?b", "[ab]a", "(?:a|b)b", r"\-a", "a+", r"a\b", "", r"\s?a", "Ab"])
_ALTERNATIVE = st.one_of(_WORD.map(re.escape), _FRAGMENT)
# What follows the list decides which alternative wins, so the preference shows.
_AFTER = st.sampled_from(["", "b", "(?=a)", r"\b", "a*b", "(?!b)", "-", "$"])
_TEXT = st.text(alphabet="abA- ", max_size=12)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    return [
        tuple(found.span(group) for group in range(pattern.groups + 1))
        for found in pattern.finditer(text)
    ]


@settings(max_examples=600, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    alternatives=st.lists(_ALTERNATIVE, min_size=1, max_size=8),
    after=_AFTER,
    flags=st.sampled_from([0, re.IGNORECASE]),
    texts=st.lists(_TEXT, min_size=1, max_size=4),
)
def test_factored_matches_the_plain_alternation(
    alternatives: list[str], after: str, flags: int, texts: list[str]
) -> None:
    plain = re.compile(f"((?:{'|'.join(alternatives)}))" + after, flags)
    factored = re.compile(f"({one_of(alternatives)})" + after, flags)
    for text in texts:
        assert _matches(factored, text) == _matches(plain, text), (alternatives, after, text)


def test_shares_leading_characters() -> None:
    assert one_of(["husband", "hubby", "wife", "wifey"]) == "(?:hu(?:sband|bby)|wife(?:|y))"


def test_an_alternative_that_cannot_move_keeps_its_place() -> None:
    # "nan" before "nanny": the engine must still try "nanna", "nan" and "nanny" in that order.
    factored = one_of(["nanna", "nan", "nanny"])
    for alternation in (factored, "(?:nanna|nan|nanny)"):
        found = re.fullmatch(f"({alternation})ny", "nanny")
        assert found is not None and found.group(1) == "nan"


def test_refuses_a_fragment_with_its_own_alternatives() -> None:
    with pytest.raises(ValueError):
        one_of(["a|b", "c"])


@settings(max_examples=300, derandomize=True)
@given(
    alternatives=st.lists(_ALTERNATIVE, min_size=1, max_size=8), texts=st.lists(_TEXT, max_size=4)
)
def test_a_written_alternation_factors_as_its_list(
    alternatives: list[str], texts: list[str]
) -> None:
    source = "|".join(alternatives)
    written = re.compile(f"({factored(source)})b?")
    listed = re.compile(f"({one_of(alternatives)})b?")
    assert written.pattern == listed.pattern
    for text in texts:
        assert _matches(written, text) == _matches(re.compile(f"((?:{source}))b?"), text)
