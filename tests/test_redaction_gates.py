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

import importlib
import itertools
import pkgutil
import re
from collections.abc import Iterator

import phonenumbers
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import core.privacy
from bench.redaction_compare import training_messages
from core.privacy import gates, learned_names, names, redaction, round28_names
from core.privacy.lower_case_names_in_context import first_before_marks
from tests.project import load_yaml

# Every module of the package: a gate added in a new module is checked without a list here.
_MODULES = tuple(
    importlib.import_module(f"core.privacy.{info.name}")
    for info in pkgutil.iter_modules(core.privacy.__path__)
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
    return [item["text"] for item in load_yaml("core/privacy/data/pii_corpus.yml")["sentences"]]


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


_AROUND = "my is the on of 12 1941 3rd 12/3 10-17 '52 Bob bob Oak St id # : @ ( ) _ + ?"
_GLUE = [" ", "", "  ", ", ", "-", ".", "?", "\u2019s ", "s ", "\n"]


def _pieces(gate: gates.Gated) -> list[str]:
    """The words of the pattern's own source (its alternatives: "aid", "sitter", "june"),
    the gate's words and substrings, in three cases, and words found around them."""
    source = set(re.findall(r"[a-z]{2,}", gate.pattern.pattern.lower()))
    pieces = source | set(gate.words) | set(gate.needles)
    pieces |= {p.upper() for p in pieces} | {p.title() for p in pieces} | set(_AROUND.split())
    pieces |= {"[phone removed]", "[name removed]", "\u017f", "\u0131", "\u212a", "\u0663"}
    return sorted(pieces)


@pytest.mark.parametrize("name", sorted(GATED))
def test_every_match_passes_its_gate(name: str) -> None:
    """Text built from the pattern's own words: whenever the pattern matches, the gate lets
    it run (a word missing from the gate's list fails here)."""
    gate = GATED[name]

    @settings(max_examples=300, derandomize=True, deadline=None, database=None)
    @given(
        st.lists(st.sampled_from(_pieces(gate)), min_size=1, max_size=7),
        st.lists(st.sampled_from(_GLUE), min_size=7, max_size=7),
    )
    def check(pieces: list[str], glue: list[str]) -> None:
        text = "".join(p + g for p, g in zip(pieces, glue, strict=False))
        if gate.pattern.search(text):
            assert gate.may_match(text), text

    check()


_BEFORE = ["", "my ", "the ", "on ", "12 ", "Bob ", "is ", "born ", "my aunt\u2019s ", "call "]
_AFTER = ["", " ", " Bob ", " 12", " 12th ", ", ", "s Bob ", ": Bob", " 1941", ". ", " is 1AC9"]


@pytest.mark.parametrize("name", sorted(GATED))
def test_each_word_of_a_pattern_in_context_passes_its_gate(name: str) -> None:
    """Each word of the pattern's source between a word before and after: a grid, not a
    sample, so a word left out of a gate's list ("aid" for HELPER_CUE) is found."""
    gate = GATED[name]
    words = set(re.findall(r"[a-z]{2,}", gate.pattern.pattern.lower())) | set(gate.words)
    hidden = [
        text
        for word in sorted(words)
        for form in (word, word.title())
        for before in _BEFORE
        for after in _AFTER
        if gate.pattern.search(text := before + form + after) and not gate.may_match(text)
    ]
    assert hidden == []


_END_PIECES = [
    "my",
    "number",
    "is",
    "phone",
    "cell",
    "ssn",
    "medicare",
    "member",
    "id",
    "email",
    "address",
    "call",
    "me",
    "at",
    "zip",
    "dob",
    "tel",
    "eight",
    "six",
    "oh",
    "five",
    "cero",
    "uno",
    "860",
    "555",
    "0123",
    "1AC9",
    "-KM3",
    "a.b",
    "x_y",
    "@gmail.com",
    ",",
    ".",
    "?",
    "!",
    "-",
    "+",
    "_",
    "@",
]


@settings(max_examples=1500, derandomize=True, deadline=None, database=None)
@given(
    st.lists(st.sampled_from(_END_PIECES), min_size=1, max_size=8),
    st.lists(st.sampled_from(_GLUE), min_size=8, max_size=8),
)
def test_the_test_from_the_end_passes_every_cued_part(pieces: list[str], glue: list[str]) -> None:
    text = "".join(p + g for p, g in zip(pieces, glue, strict=False))
    if redaction.CUED_PART_AT_END.search(text):
        assert redaction._may_end_with_part(text), text


@pytest.mark.parametrize(
    "text",
    [
        "my number is eight six oh",
        "call me at eight six oh, five five five.",
        "her ssn is 123",
        "email is a.b",
        "my number is x_y ?",
    ],
)
def test_cued_parts_at_the_end_pass_the_test_from_the_end(text: str) -> None:
    assert redaction.CUED_PART_AT_END.search(text)
    assert redaction._may_end_with_part(text)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.text(max_size=200))
def test_open_gates_change_no_hostile_text(text: str) -> None:
    gated = redaction.redact(text)
    gates.OPEN = True
    try:
        assert redaction.redact(text) == gated
    finally:
        gates.OPEN = False


def test_a_spanish_street_without_a_number_is_masked() -> None:
    """Found by opening the figure gate alone (test_redaction_figure_gate.py): "Av." and
    "Col." streets without a house number never reached the pass that masks them."""
    text = "Dirección: Av. Insurgentes Sur, Col. Crédito Constructor, mi papá viene de México"
    redacted = redaction.redact(text)
    assert "Insurgentes" not in redacted and "Crédito" not in redacted, redacted


@settings(max_examples=3000, derandomize=True, deadline=None, database=None)
@given(
    st.lists(
        st.sampled_from(["the", "The", "a", "an", "st", "St", "saint", "Ste", "san", "santa", "x"]),
        min_size=1,
        max_size=4,
    ),
    st.lists(
        st.sampled_from([" ", "  ", ". ", ".", "\t", "_", "", "\n ", "1"]), min_size=4, max_size=4
    ),
    st.text(alphabet="abSt .\u017f\u0131", max_size=4),
)
def test_reading_back_for_an_article_agrees_with_the_pattern(
    words: list[str], glue: list[str], noise: str
) -> None:
    text = noise + "".join(w + g for w, g in zip(words, glue, strict=False)) + "francis"
    for start in range(len(text) + 1):
        expected = names._ARTICLE_OR_SAINT_BEFORE.search(text, max(0, start - 8), start)
        assert names._after_article_or_saint(text, start) == bool(expected), (text, start)


_FIGURES = ["1", "2", "4", "7", "9", "\uff14", "\u0663"]
_GROUP = st.lists(st.sampled_from(_FIGURES), max_size=4).map("".join)


@settings(max_examples=2000, derandomize=True, deadline=None, database=None)
@given(
    st.sampled_from(["", "+", "00", "011 ", "call +", "(", "tel: "]),
    st.lists(st.tuples(_GROUP, st.sampled_from([" ", "-", ".", "", ") ", " x"])), max_size=4),
)
@example("+", [("49", " "), ("11", "")])  # the shortest numbers the library finds
@example("+", [("43", " "), ("111", "")])
@example("(", [("8", ""), ("666666", "")])
def test_the_phone_library_finds_nothing_with_fewer_figures_than_the_bound(
    head: str, groups: list[tuple[str, str]]
) -> None:
    """_phones_by_library skips messages with fewer than MIN_PHONE_FIGURES figures: the
    library must find no number in such text ("+49 11", four figures, is one)."""
    text = head + "".join(group + sep for group, sep in groups)
    if redaction._figure_count(text) >= redaction.MIN_PHONE_FIGURES:
        return
    matcher = phonenumbers.PhoneNumberMatcher(text, "US", leniency=phonenumbers.Leniency.POSSIBLE)
    assert [m.raw_string for m in matcher] == [], text


@settings(max_examples=2000, derandomize=True, deadline=None, database=None)
@given(
    st.sampled_from(["", "011 ", "0114", "1 ", "(", "tel: ", "call ", "\uff58 ", "ph "]),
    st.lists(
        st.tuples(_GROUP, st.sampled_from([" ", "-", ".", "", ") ", ";", ",", " # ", " in "])),
        max_size=4,
    ),
)
@example("011 ", [("49", " "), ("11", "")])  # the exit code and the shortest after a plus
@example("", [("1", " "), ("444", "-"), ("44", "")])
def test_the_phone_library_finds_nothing_short_without_a_plus_x_or_int(
    head: str, groups: list[tuple[str, str]]
) -> None:
    """_phones_by_library skips messages with fewer than MIN_PHONE_FIGURES_WITHOUT_PLUS
    figures that hold no plus sign, "x" nor "int" (its docstring says why)."""
    text = head + "".join(group + sep for group, sep in groups)
    if redaction._figure_count(
        text
    ) >= redaction.MIN_PHONE_FIGURES_WITHOUT_PLUS or redaction._LIBRARY_CUE.search(text):
        return
    matcher = phonenumbers.PhoneNumberMatcher(text, "US", leniency=phonenumbers.Leniency.POSSIBLE)
    assert [m.raw_string for m in matcher] == [], text


def _reading_names_until_nothing_changes(text: str) -> str:
    """The redaction as it was before 2026-12-04: every message's names read again while a
    mark is in it and a reading still finds one (at most three readings); then, as in
    `redact`, the learned scorer (issue 21), which the gate does not concern, and the names
    read again after its marks (round 22); a lower-case first name before a mark joins it
    (round 25, r25f), which the gate does not concern either, and a first name masked once
    where it is said again (round 28, r28n)."""
    original = text
    text = _read_again(redaction._redact_once(text))
    final = first_before_marks(learned_names.masked(text))
    final = round28_names.said_again(original, final)  # round 28 (r28n): "grace [name]"
    return _read_again(final) if final != text else final


def _read_again(text: str) -> str:
    for _ in range(2):
        if names.NAME_MARK not in text:
            break
        again = names.redact_names(text)
        if again == text:
            break
        text = again
    return text


def test_names_are_read_again_wherever_that_still_finds_one() -> None:
    """`redact` reads a message's names a second time only when the first reading left a mark
    and a capital outside the marks (or the message is in capitals or Title Case): on every
    message the project holds, in three cases, that gives what reading every message again
    gave (bench/NOTES.md: a tenth of the CPU, none of the leaks found)."""
    texts = _messages()
    differ = [
        (t, got, want)
        for t in texts
        if (got := redaction.redact(t)) != (want := _reading_names_until_nothing_changes(t))
    ]
    assert differ == []


@settings(max_examples=400, derandomize=True, deadline=None, database=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Maaaaab",
                "its",
                "me",
                "Bob",
                "bob",
                "Kowalczyk",
                "again",
                "[name removed]",
                "I",
                "Mrs.",
                "Wolcott",
                "in",
                "park",
                "my",
                "son",
                "is",
                "name",
                "here",
                "thanks",
            ]
        ),
        min_size=1,
        max_size=8,
    ),
    st.lists(st.sampled_from([" ", ", ", ". ", "\n", " - "]), min_size=8, max_size=8),
)
def test_the_second_reading_is_skipped_only_where_it_finds_nothing(
    words: list[str], glue: list[str]
) -> None:
    text = "".join(w + g for w, g in zip(words, glue, strict=False))
    assert redaction.redact(text) == _reading_names_until_nothing_changes(text), text


def test_a_title_before_a_masked_name_stays_in_one_reading_as_in_two() -> None:
    """ "the patient is Mrs. Dlamini-Nkosi": a second reading took "Mrs." for a name beside
    the mark; a title alone names no one, and the message reads the same redacted again."""
    once = redaction.redact("the patient is Mrs. Dlamini-Nkosi")
    assert once == "the patient is Mrs. [name removed]"
    assert redaction.redact(once) == once


def test_the_kin_gate_knows_both_spellings_of_neighbour() -> None:
    """The kin words the gates compare are the words a kin pattern matches: "neighbou?r" in
    the pattern is "neighbour" and "neighbor" in a message, not "neighbou"."""
    assert names.CAPITAL_KIN_NAME.may_match("my neighbour Hope is 92")
    assert names.CAPITAL_KIN_NAME.may_match("our neighbor Grace drives")


@settings(max_examples=500, derandomize=True, deadline=None, database=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_an_ascii_texts_words_are_its_runs_of_letters(text: str) -> None:
    """gates._Folded splits an ASCII text by translation: the same words as the regex."""
    from core.privacy import gates

    assert gates._Folded(text).words == frozenset(gates._LETTER_RUN.findall(text.casefold()))
