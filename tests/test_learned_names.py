"""The learned name scorer after the rules (core/privacy/learned_names.py, issue 21).

Each test of what the model finds also checks that the rules alone leave the name (so it
fails with the model switched off); the tests of what stays check that the model scored the
word and left it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.privacy import learned_names as ln
from core.privacy import learned_names_training as tr
from core.privacy import names
from core.privacy.names import NAME_MARK
from core.privacy.redaction import redact
from tests.project import ROOT, nlu_examples

# Template sentences with names that no corpus row holds: phrasings of the rounds' classes
# (a word-name or a name in no list before a verb of coming or helping, a possessive, "X and
# Y"), none of which a rule names.
UNSEEN = [
    ("Ember drives me to the hospital", "Ember"),
    ("Ember called me yesterday about the time", "Ember"),
    ("Marigold and Clover are coming too", "Marigold"),
    ("Marigold and Clover are coming too", "Clover"),
    ("Cadence's taking me, is parking free", "Cadence"),  # Destiny: in the corpus (r26a)
    ("Harmony will bring my pills", "Harmony"),
    ("Raven will bring my pills", "Raven"),
    ("Ember and i will come on monday", "Ember"),
]
LOOK_ALIKES = [
    "May I eat before it?",
    "Will it hurt?",
    "Grace period for the bill?",
    "Is there a Grace period for paying?",
    "When does Rehab start?",
    "Eve of the procedure, can I eat?",
    "Eve",
]


# First names that are also words, before a verb of helping, in frames no rule reads: the
# model's own part since round 21's rules took "my son Will is driving" and "Pat is my wife's
# name". The model is retrained whenever the corpus or the rules change, so its finds are
# counted over the set, not pinned one by one.
WORD_NAMES = [
    "Grace",
    "Misty",
    "Rocky",
    "Honey",
    "Brandy",
    "Candy",
    "Amber",
    "Ginger",
    "Dusty",
    "Crystal",
]
WORD_NAME_FRAMES = ["{} will wait in the car", "{} will bring me in the morning"]
# Look-alikes the redaction tests keep on purpose (tests/test_redaction*.py, test_log_redaction.py):
# the model scores each word below as a name; a keep decision of the rules disposes of it
# (learned_names.kept_by_rules, names.without_kept).
KEPT_BY_THE_RULES = [
    ("ask Dr Patel about it", "Patel"),  # a doctor's surname after the title (by design)
    ("I asked Dr Zbigniewski about it", "Zbigniewski"),
    ("we're originally from South Korea", "South"),  # a country
    ("mio nonno ha 99 anni, \u00e8 troppo vecchio?", "troppo"),  # another language's text
    ("manman m gen 103 ane, li tonbe", "li"),
    ("is the Margaret ward open at night", "Margaret"),  # a thing after "the"
    ("can I bring our Frank is in the car?", "Frank"),  # a first name that is a word, after "our"
    ("i'm osteopenic, is that ok", "osteopenic"),  # a lower-case word ending as adjectives do
    ("im stiffest", "stiffest"),  # a form of an ordinary word
    ("Hartford called me about the forms", "Hartford"),  # the hospital's towns
]
# Kept before the model is asked, or never proposed: capitals, Title Case, code.
KEPT_UNSCORED = [
    "MY BROTHER'S SPECIALIST RECOMMENDED VERTOBROPLASTY, WHAT IS IT EXACTLY",
    "Is It An Operation Or A Minor Procedure",
    "ValueError: bad message: ssn",
    "Florida's heat is bad for my back",
    "ta hen haipa, hui teng ma",
    "can I use my Bank of America card",
    "Christmas Eve, is the clinic open",
    "Virginia is a long drive",  # a state (proposed by the model of leave-one-round-out's fold)
]


_rules = tr.rules_only()  # `redact` with the model switched off


def test_training_is_deterministic() -> None:
    rows, messages = tr.corpus_rows(), tr.nlu_messages()
    rules = tr.rules_only()
    first = tr.train(rows, messages, rules)
    second = tr.train(rows, messages, rules)
    assert first.to_json() == second.to_json()
    assert first.threshold > 0 and len(first.weights) > 1000


def test_no_word_of_the_corpus_names_is_a_feature() -> None:
    """The model cannot memorise the corpus's names: a word appears in a feature only when
    it is an ordinary word or a first name that is one."""
    table = ln.lists()
    words = {
        f.split("=", 1)[1].split("|")[0]
        for f in ln.model().weights
        if f.startswith(("w=", "wp1=", "wn1=", "ws="))
    }
    assert words and all(w in table.ordinary or w in table.word_names for w in words)


@pytest.mark.parametrize(("text", "name"), UNSEEN)
def test_unseen_sentences_are_unseen_and_left_by_the_rules(text: str, name: str) -> None:
    corpus = tr.CORPUS.read_text(encoding="utf-8")
    assert not re.search(rf"(?i)\b{name}\b", corpus)
    assert name in _rules(text), "the rules alone now find it: pick another sentence"


def test_finds_names_in_sentences_it_was_not_trained_on() -> None:
    """Counted over the set, not pinned one by one: the model is retrained whenever the
    corpus or the rules change (round 23's corpus rows dropped "Harmony will bring my pills"
    while the model found others)."""
    found = [text for text, name in UNSEEN if name not in redact(text)]
    assert len(found) * 3 >= len(UNSEEN) * 2, found


def test_masks_none_of_the_held_out_messages() -> None:
    messages = [m for ms in nlu_examples("tests/nlu_heldout.yml").values() for m in ms]
    model = ln.model()
    scored = [m for m in messages if ln.scores(_rules(m), model)]
    assert scored, "the model scored no held-out message: the test would say nothing"
    assert [m for m in messages if ln.masked_with(_rules(m), model) != _rules(m)] == []
    assert [m for m in messages if redact(m) != m] == []


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_ordinary_look_alikes_stay(text: str) -> None:
    assert redact(text) == text
    if text.split()[0] not in ("May", "Will"):  # small words: never candidates
        assert ln.scores(text, ln.model()), "the model did not score the look-alike"


@pytest.fixture
def model_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "learned_names" / "model.json"
    monkeypatch.setattr(ln, "MODEL_PATH", path)
    ln.model.cache_clear()
    yield path
    ln.model.cache_clear()


def test_a_missing_model_file_is_trained_not_skipped(model_path: Path) -> None:
    assert not model_path.exists()
    assert "Ember" not in redact("Ember drives me to the hospital")
    assert model_path.exists()
    assert ln.Model.from_json(model_path.read_text(encoding="utf-8")) == ln.model()


def test_a_model_file_of_another_version_is_trained_again(model_path: Path) -> None:
    model_path.parent.mkdir(parents=True)
    model_path.write_text('{"version": 0, "threshold": 0, "weights": {}}', encoding="utf-8")
    assert ln.model().weights


def test_huge_input_does_not_raise() -> None:
    for text in ("Mary and June " * 5000, "\x00\x01\u202e" * 4000, "[name removed] " * 3000):
        assert isinstance(ln.masked(text), str)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=400))
def test_hostile_input_does_not_raise(text: str) -> None:
    """Any code point, lone surrogates and control characters included."""
    assert isinstance(ln.masked(text), str)


def test_model_file_is_generated_not_committed() -> None:
    assert "var/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert ln.MODEL_PATH.is_relative_to(ROOT / "var") or "LEARNED_NAMES_MODEL" in str(ln.MODEL_PATH)


def test_finds_first_names_that_are_words_the_rules_miss() -> None:
    """In at least a third of the sentences the rules leave the name and the model masks it
    (with the model switched off: none); where the rules find it, the model keeps it found."""
    sentences = [(f.format(n), n) for f in WORD_NAME_FRAMES for n in WORD_NAMES]
    missed = [(t, n) for t, n in sentences if n in _rules(t)]
    found_by_model = [t for t, n in missed if n not in redact(t)]
    assert len(found_by_model) * 3 >= len(sentences), (found_by_model, missed)
    assert [t for t, n in sentences if (t, n) not in missed and n in redact(t)] == []


@pytest.mark.parametrize(("text", "word"), KEPT_BY_THE_RULES)
def test_the_rules_keep_decisions_dispose_of_the_models_proposals(text: str, word: str) -> None:
    """Whether or not this model proposes the word, a keep decision of the rules covers it."""
    rules = _rules(text)
    start = rules.index(word)
    assert ln.kept_by_rules(rules, start, start + len(word)) or not names.without_kept(
        rules, [(start, start + len(word))]
    )
    assert redact(text) == rules
    assert word in redact(text)


def test_the_model_proposes_most_of_the_words_the_rules_keep() -> None:
    """So the test above says something: the model, retrained with every corpus change,
    still proposes most of those words (it proposed all ten when they were chosen)."""
    proposed = [
        word
        for text, word in KEPT_BY_THE_RULES
        if word in [_rules(text)[a:b] for a, b in ln.proposed(_rules(text), ln.model())]
    ]
    assert len(proposed) * 2 >= len(KEPT_BY_THE_RULES), proposed


@pytest.mark.parametrize("text", KEPT_UNSCORED)
def test_messages_in_capitals_title_case_or_code_stay(text: str) -> None:
    assert redact(text) == _rules(text)
    assert ln.masked(_rules(text)) == _rules(text)


def test_a_message_without_a_candidate_is_not_scored() -> None:
    """The gate: most ordinary messages never reach the features."""
    table = ln.lists()
    assert not ln.might_hold_candidate("can i eat before the procedure", table)
    assert ln.scores("can i eat before the procedure", ln.model()) == []


def test_a_first_name_joined_before_a_surname_gives_one_mark() -> None:
    """The rules' span filter joins a first name before a found surname ((0, 11) beside
    (0, 5)); replaced one by one, the second cut into the first's mark (round 23's helper:
    "[name removed] removed] asking")."""
    assert names.with_name_marks("Sunny Patel asking", [(0, 5), (0, 11)]) == (f"{NAME_MARK} asking")
    assert "removed] removed]" not in ln.masked("Sunny Patel asking")
