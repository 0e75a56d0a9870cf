"""A learned scorer for people's names the hand-written rules leave (issue 21).

Why: eight rounds of outside testers each found phrasings of a name that no rule named
("tell Precious and Goodness I'll be late", "I'm Rain", "the neighbour who drives me is
wojtek"); each round's rules fixed that round and the next tester found new ones. A linear
model over the *context* of a word (the words around it, their case and the project's word
lists) can carry what the rounds taught to phrasings no rule names. It runs after the rules,
on their output (a mark is context), and masks a word only when its score passes a threshold
chosen so that no training message and no negative of the labelled corpus loses a word
(bench/NOTES.md, "A learned name recogniser (issue 21)").

The model sees a word itself only when the word is an ordinary word or a first name that is
one ("will", "may", "grace"): it learns which of those are names in which places, and cannot
memorise the corpus's names. The weights are a generated file (ops/train_name_model.py, run by
`make install`, seeded, a few seconds); when the file is missing the model is trained here,
in-process, and written, so redaction never runs without it (docs/privacy.md).
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from core.privacy import adjective_openings, gates, names
from core.privacy.identifiers import COUNTRIES
from core.privacy.names import (
    _FOREIGN_STOP,
    DATA,
    DESCRIBING,
    INSTITUTIONS,
    KEPT_WORDS,
    NAME_MARK,
    NOT_NAMES,
    ROOT,
    STOP,
)
from core.privacy.names import _lists as _names_lists
from core.privacy.places import state_or_country
from core.privacy.romanised_words import LOWER_ONLY, NEVER_NAMES
from core.privacy.round29_names import caregiver_role

LOGGER = logging.getLogger(__name__)

MODEL_PATH = Path(
    os.environ.get("LEARNED_NAMES_MODEL", str(ROOT / "var" / "learned_names" / "model.json"))
)
# Bump when the features change: a model file of another version is trained again.
FEATURES_VERSION = 2
# The switch the measurements and the tests use to see what the rules alone do.
ENABLED = True

# A mark, a word (hyphens and apostrophes inside: "Abernathy-Quist", "O'Connell"), a figure
# run, or any other character but a space.
TOKEN = re.compile(r"\[[A-Za-z ]{1,12} removed\]|[^\W\d_]+(?:['\u2019-][^\W\d_]+)*|\d+|[^\w\s]")
_POSSESSIVE = re.compile(r"['\u2019]s$", re.IGNORECASE)
_SENTENCE_END = frozenset(".!?\n:;")
_KIN_WORDS = """husband wife spouse partner mother mom mum mommy mama father dad daddy papa son
daughter brother sister aunt auntie aunty uncle niece nephew cousin grandmother grandma granny nana
grandfather grandpa grandson granddaughter fiance fiancee boyfriend girlfriend friend neighbour
neighbor caregiver carer hubby wife grandad granddad gran nan nanna nanny grammy gramps grampa
bestie sis bro stepmum stepmom stepdad coworker colleague boss pastor godmother godfather
mrs mr ms miss dr doctor nurse tio tia abuela abuelo nonna nonno oma opa"""
_KIN = frozenset(_KIN_WORDS.split())
_TITLE_WORDS = "mr mrs ms miss dr doctor nurse sister brother father pastor rev"
_TITLES = frozenset(_TITLE_WORDS.split())


def _words(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class Lists:
    """The project's word lists, lower case (core/privacy/data)."""

    first: frozenset[str]
    last: frozenset[str]
    word_names: frozenset[str]  # first names that are also words
    mostly_names: frozenset[str]  # ... written capitalised far more often
    ordinary: frozenset[str]
    places: frozenset[str]
    describing: frozenset[str]  # faiths, peoples, days, months, institutions (names.py)
    kept: frozenset[str]  # kept terms, countries, other languages' small words (names.py)
    gate: frozenset[str]  # first names that are no small word: the cheap test's set
    # `_codes` of the words met so far (bounded by _CODES_KEPT; no part of equality).
    codes_seen: dict[str, str] = field(default_factory=dict, compare=False, repr=False)


@lru_cache(maxsize=1)
def lists() -> Lists:
    """The lists, read once."""
    first = _words("first_names.txt")
    return Lists(
        first=first,
        last=_words("surnames.txt"),
        word_names=_words("first_names_that_are_words.txt"),
        mostly_names=_words("first_names_mostly_names.txt"),
        # The names module's ordinary words: the list, the project's own words, kept terms.
        ordinary=_names_lists()[2] | STOP,
        places=_words("place_names.txt"),
        describing=DESCRIBING | NOT_NAMES | INSTITUTIONS,
        kept=frozenset(
            w.lower() for w in KEPT_WORDS | _FOREIGN_STOP | NEVER_NAMES | LOWER_ONLY | COUNTRIES
        ),
        gate=first - STOP,
    )


# What `_POSSESSIVE` reads, as characters: an apostrophe, then an "s" as IGNORECASE matches
# it (the long s U+017F too).
_APOSTROPHES = frozenset("'\u2019")
_S_FORMS = frozenset("sS\u017f")


def _plain(word: str) -> str:
    """The word in lower case, without a possessive's "'s". The "'s" is read from the last two
    characters, not by `_POSSESSIVE` (whose "$" also stands before a final newline: such a
    word still goes to it): measured 1.0 µs -> 0.4 a word."""
    if word[-1:] in _S_FORMS and word[-2:-1] in _APOSTROPHES:
        word = word[:-2]
    elif "\n" in word:
        word = _POSSESSIVE.sub("", word)
    return word.lower().replace("\u2019", "'")


def _shape(word: str) -> str:
    if word.isupper():
        return "X" if len(word) > 1 else "I"
    if word[0].isupper():
        return "Xx" if word[1:].islower() or len(word) == 1 else "XxX"
    return "x" if word.islower() else "xX"


# How many words' codes a table keeps (a few MB at most; the mix meets about 3,000 words).
_CODES_KEPT = 50_000


def _codes(plain: str, table: Lists) -> str:
    """Which lists hold the word, as letters: F first, L surname, W word-name, M mostly a
    name, O ordinary, P place, D a faith, people, day, month or institution, K a word the
    rules keep (a term, a country, another language's small word). Kept per word: a scored
    word asks it of itself and its neighbours (measured: 0.5 µs -> 0.1 a word)."""
    seen = table.codes_seen
    codes = seen.get(plain)
    if codes is None:
        codes = _codes_read(plain, table)
        if len(seen) < _CODES_KEPT:
            seen[plain] = codes
    return codes


def _codes_read(plain: str, table: Lists) -> str:
    return (
        ("F" if plain in table.first else "")
        + ("L" if plain in table.last else "")
        + ("W" if plain in table.word_names else "")
        + ("M" if plain in table.mostly_names else "")
        + ("O" if plain in table.ordinary else "")
        + ("P" if plain in table.places else "")
        + ("D" if plain in table.describing else "")
        + ("K" if plain in table.kept else "")
    )


def candidate(plain: str, word: str, start: bool, table: Lists) -> bool:
    """Could this word be a name the model should score? A cheap set test: a word in no list
    of words, a first name, or a capitalised word away from a sentence's start. Small words
    ("and", "my", "will") and ordinary words that are only surnames ("back", "long") count
    only when capitalised there: the rules' cues read them."""
    if len(plain) < 2 or not plain[0].isalpha():
        return False
    if plain not in table.ordinary:
        return True
    if not start and word[0].isupper():
        return True
    return plain in table.first and plain not in STOP


def _context(tokens: list[str], i: int, table: Lists) -> str:
    """A neighbour as a feature: a mark's kind, punctuation, an ordinary word itself, or
    for any other word only its shape and lists (no name is learned by heart)."""
    if i < 0:
        return "<s>"
    if i >= len(tokens):
        return "</s>"
    token = tokens[i]
    if token[0] == "[" and token.endswith("removed]"):
        return "<name>" if token == NAME_MARK else "<mark>"
    if not token[0].isalpha():
        return "<num>" if token[0].isdigit() else token
    plain = _plain(token)
    if plain in table.ordinary and plain not in table.first:
        return plain
    return f"{_shape(token)}|{_codes(plain, table)}"


_ASCII_NOT_LETTERS = bytes(i for i in range(128) if not chr(i).isalpha())
_ASCII_NOT_CAPITALS = bytes(i for i in range(128) if not chr(i).isupper())


def _message_case(text: str) -> str:
    """The message's case. An ASCII text's letters and capitals are counted by deleting the
    other bytes (a capital is a letter there), not by a comprehension (measured: 2.0 µs ->
    0.3 a message)."""
    if text.isascii():
        data = text.encode("ascii")
        count = len(data.translate(None, _ASCII_NOT_LETTERS))
        upper = len(data.translate(None, _ASCII_NOT_CAPITALS))
    else:
        letters = [c for c in text if c.isalpha()]
        count = len(letters)
        upper = sum(1 for c in letters if c.isupper())
    if not count:
        return "none"
    if upper == 0:
        return "lower"
    if upper >= 0.8 * count:
        return "upper"
    return "mixed"


def features(tokens: list[str], i: int, msg_case: str, table: Lists) -> list[str]:
    """The features of tokens[i] (a candidate word)."""
    word = tokens[i]
    plain = _plain(word)
    shape = _shape(word)
    codes = _codes(plain, table)
    before = tokens[i - 1] if i else ""
    start = not before or before in _SENTENCE_END
    p1 = _context(tokens, i - 1, table)
    p2 = _context(tokens, i - 2, table)
    n1 = _context(tokens, i + 1, table)
    n2 = _context(tokens, i + 2, table)
    wordlike = plain in table.ordinary or plain in table.word_names
    found = [
        "bias",
        f"shape={shape}",
        f"codes={codes}",
        f"sc={shape}|{codes}",
        f"case={msg_case}|{shape}",
        f"start={start}|{shape}",
        f"start={start}|{codes}",
        f"p1={p1}",
        f"p2={p2}",
        f"n1={n1}",
        f"n2={n2}",
        f"p1n1={p1}|{n1}",
        f"p2p1={p2}|{p1}",
        f"n1n2={n1}|{n2}",
        f"p1c={p1}|{codes}",
        f"n1c={n1}|{codes}",
        f"p1s={p1}|{shape}",
        f"n1s={n1}|{shape}",
        f"poss={plain != word.lower().replace(chr(0x2019), chr(39))}",
        f"len={min(len(plain), 8)}",
    ]
    if wordlike:
        found.append(f"w={plain}")
        found.append(f"wp1={plain}|{p1}")
        found.append(f"wn1={plain}|{n1}")
        found.append(f"ws={plain}|{shape}|{start}")
    if p1 in _KIN or p2 in _KIN:
        found.append(f"kin|{shape}|{codes}")
    if plain in _TITLES:
        found.append("title")
    return found


@dataclass(frozen=True)
class Model:
    """Weights (feature -> weight) and the score a name must pass."""

    weights: dict[str, float]
    threshold: float

    def score(self, features: list[str]) -> float:
        """The features' weights added in order (the same sum as a generator's, without its
        frame per feature: measured 0.4 µs less a scored word)."""
        return sum(map(self.weights.get, features, repeat(0.0)))

    def to_json(self) -> str:
        return json.dumps(
            {"version": FEATURES_VERSION, "threshold": self.threshold, "weights": self.weights},
            sort_keys=True,
            indent=0,
        )

    @classmethod
    def from_json(cls, text: str) -> Model | None:
        data = json.loads(text)
        if data.get("version") != FEATURES_VERSION:
            return None
        return cls(weights=dict(data["weights"]), threshold=float(data["threshold"]))


def spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, token) for every token of the text."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


# The cheap test: words of two letters or more ("don't" whole), and a capital and a letter
# after a word (not a sentence's first word, not the pronoun "I").
_LETTERS = re.compile(r"[^\W\d_]{2,}(?:['\u2019][^\W\d_]+)*")
_CAPITAL_INSIDE = re.compile(r"[\w,'\u2019)\]\"]\s+[^\W\d_a-z][^\W\d_]")


def might_hold_candidate(text: str, table: Lists) -> bool:
    """Could any word of the text be a candidate? Set operations on its lower-case words
    (a word in no list of words, or a first name) and one search for a capital inside a
    sentence: most ordinary messages stop here, for a microsecond or two."""
    if text.isascii() and "'" not in text:
        # Without an apostrophe, an ASCII text's _LETTERS words are its letter runs of two
        # letters or more: the gates' reading of the text has them, made once for all the
        # gates (measured: 1.5 µs -> 0.3 on an ordinary message).
        for word in gates.words_of(text).difference(table.ordinary):
            if len(word) > 1:
                return True
        for word in gates.words_of(text).intersection(table.gate):
            if len(word) > 1:
                return True
        # An ASCII text's capital is A-Z: a text without one (three in four of the mix's texts
        # here) needs no scan (measured: 0.9 µs -> 0.2 a message).
        return not text.islower() and _CAPITAL_INSIDE.search(text) is not None
    words = set(_LETTERS.findall(text.lower()))
    if not words.issubset(table.ordinary) or not words.isdisjoint(table.gate):
        return True
    return _CAPITAL_INSIDE.search(text) is not None


def scores(text: str, model: Model) -> list[tuple[int, float]]:
    """(token index, score) of every candidate word of the text (tokens: TOKEN.findall)."""
    table = lists()
    if not might_hold_candidate(text, table):
        return []
    ordinary, first = table.ordinary, table.first
    tokens = TOKEN.findall(text)
    msg_case = ""
    out = []
    before = ""
    for i, token in enumerate(tokens):
        at_start = not before or before in _SENTENCE_END
        before = token
        # The cheap path first: an ordinary word in lower case (or opening a sentence) that
        # is no first name is no candidate; most words of most messages stop here.
        lowered = token.lower()
        if lowered in ordinary and (at_start or token[0].islower()) and lowered not in first:
            continue
        if not token[0].isalpha() or not candidate(_plain(token), token, at_start, table):
            continue
        msg_case = msg_case or _message_case(text)
        out.append((i, model.score(features(tokens, i, msg_case, table))))
    return out


def scored(text: str, model: Model) -> list[tuple[int, int, float]]:
    """(start, end, score) of every candidate word in the text."""
    found = scores(text, model)
    if not found:
        return []
    where = spans(text)
    return [(where[i][0], where[i][1], score) for i, score in found]


def kept_by_rules(text: str, start: int, end: int) -> bool:
    """Does a keep decision of the rules cover the word at text[start:end]? The same lists
    and tests the rules keep a word by (names.py): a kept term, a country or state, another
    language's small word, a faith, day or institution, a place kept alone, the hospital's
    towns, a brand; a doctor's surname after the title (kept by design, docs/privacy.md); an
    acronym, a brand or code written with capitals inside ("IR", "ValueError"); a slip or a
    form of an ordinary word that is no first name ("stiffest"); a lower-case word ending as
    an adjective does ("osteopenic"); a term's or a generic drug's ending ("lisinopril"); a
    first name naming a thing after a determiner ("the Margaret ward")."""
    word = text[start:end]
    lowered = word.lower()
    table = lists()
    if (
        lowered in table.kept
        or lowered in table.describing
        or lowered in names.NOT_ALONE
        or lowered in names.TOWNS
        or lowered in names.CAPITALISED_WORDS
        or state_or_country(word)
        or names.TITLE_BEFORE.search(text, max(0, start - 14), start)
        or names.SEASON_AFTER_ITS.search(text, max(0, start - 8), end)  # "it's summer here"
        or caregiver_role(word)  # Round 29 (r29n): "my home aide, [name removed], will"
    ):
        return True
    if not word[1:].islower() and not word.islower() and not _JOINED_PARTS.search(word):
        return True  # "IR", "iPhone", "ValueError" ("O'Connell" and "Abernathy-Quist" pass)
    first = names._is_first(word)
    if not first and names.TERM_ENDING.search(word):
        return True  # a term's or a drug's ending, as the rules read it ("lisinopril")
    if word.islower() and (
        names.other_language(text)  # "è troppo vecchio", "li tonbe": the language's words
        or (not first and (not names.unknown(word) or names._ADJECTIVE.search(word)))
    ):
        return True
    if not first and word[0].isupper() and _sentence_start_to_the_rules_only(text, start, end):
        return True  # "¿Cuesta mucho?": a capital at a sentence's start says nothing
    if adjective_openings.kept(text, start, end):
        return True  # Round 23 (r23n): "Rusty on the details", "Sunny and warm, can I walk?"
    # The rules ask it of a known first name; "that" is as often the conjunction ("let them
    # know that Honey called"), and "this" with it.
    before = names.WORD_BEFORE.search(text, max(0, start - 40), start)
    if not first or before is None or before.group(1).lower() in ("that", "this"):
        return False
    after = names._NEXT_WORD.match(text, end)
    return names.thing_after_determiner(before.group(1), word, after.group(1) if after else "")


_JOINED_PARTS = re.compile(r"['\u2019-]")


def _sentence_start_to_the_rules_only(text: str, start: int, end: int) -> bool:
    """Where the rules read a sentence's start that the model's features do not (after "¿",
    a bracket or a quote): there the rules' decision holds, a capitalised word in no list of
    first names is no name unless long and unlisted (names._long_unlisted)."""
    before = text[:start].rstrip()[-1:]
    if not before or before in _SENTENCE_END or not names._sentence_start(text, start):
        return False
    return not names._long_unlisted(text, text[start:end], end)


def proposed(text: str, model: Model) -> list[tuple[int, int]]:
    """The spans of the words the model scores as a name (a possessive's "'s" left out)."""
    hits = [i for i, score in scores(text, model) if score > model.threshold]
    if not hits:
        return []
    where = spans(text)
    out = []
    for i in hits:
        start, end, word = where[i]
        keep = _POSSESSIVE.search(word)
        out.append((start, end - (len(keep.group()) if keep else 0)))
    return out


def masked_with(text: str, model: Model) -> str:
    """The text with every word the model scores as a name, and no keep decision of the
    rules covers, replaced by the name's mark (a possessive's "'s" stays: "[name
    removed]'s car"). The model proposes, the rules dispose: their word tests
    (`kept_by_rules`), then the span filters the rules' own finds pass (names.without_kept).
    A message in capitals or Title Case keeps its words: the rules read it in lower case,
    where a capital says nothing."""
    found = proposed(text, model)  # first: the cheap set test stops most messages
    if not found or names.case_says_nothing(text):
        return text
    found = [span for span in found if not kept_by_rules(text, *span)]
    if not found:
        return text
    found = names.without_kept(text, found)
    # A name the model finds is masked where the message says it again too ("Maeve, no
    # sorry, Maeve O'Sullivan-Park": round 25, r25c), as the rules' finds are.
    return names.with_name_marks(text, sorted(set(found + names.said_again(text, found))))


def masked(text: str) -> str:
    """The rules' output with the names the model finds masked too (`redact` calls this)."""
    if not ENABLED:
        return text
    return masked_with(text, model())


@lru_cache(maxsize=1)
def model() -> Model:
    """The trained model: read from MODEL_PATH, or trained here and written there when the
    file is missing or of another version (never silently skipped)."""
    try:
        loaded = Model.from_json(MODEL_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError):
        loaded = None
    if loaded is not None:
        return loaded
    from core.privacy.learned_names_training import train_and_write

    trained = train_and_write(MODEL_PATH)
    # Logged once the file is written: a log line is redacted too (log_redaction.py), and
    # its redaction then reads the new file instead of training again.
    LOGGER.warning("learned name model was missing at %s: trained it in-process", MODEL_PATH)
    return trained
