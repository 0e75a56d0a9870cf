"""Training for core/privacy/learned_names.py: examples, the fit, the threshold.

Why a module of its own: the redaction reads only the weights; this runs at install time
(ops/train_name_model.py) or once when the weights are missing. Deterministic (a fixed seed,
sorted inputs, liblinear), so the same project gives the same file.

Examples: every candidate word of the labelled corpus (core/privacy/data/pii_corpus.yml: data
of this package, so that a run-time fallback training needs no tests folder; a word of a "name"
value is positive, every other word negative), of the training messages (data/nlu.yml,
all negative), and of generated variants of the corpus rows that hold names: each name swapped
for other names from the lists, as typed, in lower case and capitalised, so that the model
learns the places names stand in rather than the names. Each corpus row is also read as the
rules leave it (marks for context), since that is what the model sees at run time.
tests/nlu_heldout.yml is never read here: it measures false redactions.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from core.privacy import learned_names as ln
from core.privacy.names import ROOT

SEED = 21
VARIANTS = 4
CORPUS = ROOT / "core" / "privacy" / "data" / "pii_corpus.yml"
NLU = ROOT / "data" / "nlu.yml"
# The threshold sits this far above the highest-scoring negative of the training data.
MARGIN = 0.5

Example = tuple[list[str], int]
Rules = Callable[[str], str]


def corpus_rows(path: Path = CORPUS) -> list[dict[str, Any]]:
    """The labelled corpus, in its order (oldest round first)."""
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))["sentences"])


def nlu_messages(path: Path = NLU) -> list[str]:
    """Every example of a Rasa NLU file."""
    texts = []
    for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
        if "intent" in block:
            texts += [ln_[2:].strip() for ln_ in block["examples"].splitlines() if ln_[:2] == "- "]
    return texts


def name_values(row: dict[str, Any]) -> list[str]:
    return [str(p["value"]) for p in row.get("pii") or [] if p["kind"] == "name"]


def _value_spans(text: str, values: Iterable[str]) -> list[tuple[int, int]]:
    found = []
    for value in values:
        pattern = re.compile(r"(?<!\w)" + re.escape(value) + r"(?!\w)")
        hits = [m.span() for m in pattern.finditer(text)]
        if not hits:
            hits = [m.span() for m in re.finditer(pattern.pattern, text, re.IGNORECASE)]
        found += hits
    return found


def labelled(text: str, positive: Sequence[tuple[int, int]]) -> list[Example]:
    """(features, label) for every candidate word of the text."""
    table = ln.lists()
    found = ln.spans(text)
    tokens = [t for _, _, t in found]
    case = ln._message_case(text)
    out = []
    for i, (start, end, token) in enumerate(found):
        if not token[0].isalpha():
            continue
        before = tokens[i - 1] if i else ""
        if not ln.candidate(
            ln._plain(token), token, not before or before in ln._SENTENCE_END, table
        ):
            continue
        label = int(
            any(s < end and start < e for s, e in positive) and ln._plain(token) not in ln._TITLES
        )
        out.append((ln.features(tokens, i, case, table), label))
    return out


def _redacted_positives(redacted: str, values: list[str], text: str) -> list[tuple[int, int]]:
    """Where the rules left a name's word: a word of a name value that the rest of the
    sentence does not also hold."""
    rest = text
    for value in values:
        rest = rest.replace(value, " ")
    other = {t.lower() for _, _, t in ln.spans(rest)}
    words = {t.lower() for v in values for _, _, t in ln.spans(v)} - other
    return [(s, e) for s, e, t in ln.spans(redacted) if t.lower() in words]


class _Pools:
    def __init__(self, rng: random.Random) -> None:
        table = ln.lists()
        self.rng = rng
        self.first = sorted(table.first - table.ordinary)
        self.word_names = sorted(table.word_names | table.mostly_names)
        self.last = sorted(table.last - table.ordinary)

    def name_for(self, word: str, position: int) -> str:
        plain = word.lower()
        if position == 0 and not (plain in ln.lists().last and plain not in ln.lists().first):
            pool = self.word_names if self.rng.random() < 0.25 else self.first
        else:
            pool = self.last
        return self.rng.choice(pool)


def _styled(new: str, old: str, style: str) -> str:
    if style == "lower":
        return new.lower()
    if style == "capital" or (style == "typed" and old[:1].isupper() and not old.isupper()):
        return new.capitalize()
    if style == "typed" and old.isupper():
        return new.upper()
    return new.lower()


def variants(row: dict[str, Any], pools: _Pools) -> list[tuple[str, list[tuple[int, int]]]]:
    """The row with its names swapped for others from the lists, in each style."""
    values = name_values(row)
    out = []
    for k in range(VARIANTS):
        style = ("typed", "lower", "capital", "typed")[k % 4]
        text = row["text"]
        new_values = []
        for value in sorted(set(values), key=lambda v: (-len(v), v)):
            words = re.findall(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|[^\w]+|\d+", value)
            position = 0
            new = []
            for piece in words:
                if piece[0].isalpha() and len(piece) > 1 and piece.lower() not in ln._TITLES:
                    new.append(_styled(pools.name_for(piece, position), piece, style))
                    position += 1
                else:
                    new.append(piece)
            replacement = "".join(new)
            pattern = re.compile(r"(?<!\w)" + re.escape(value) + r"(?!\w)")
            text = pattern.sub(replacement.replace("\\", r"\\"), text)
            new_values.append(replacement)
        out.append((text, _value_spans(text, new_values)))
    return out


def examples(
    rows: Sequence[dict[str, Any]], messages: Sequence[str], rules: Rules | None, seed: int = SEED
) -> list[Example]:
    """Every training example (see the module's docstring)."""
    rng = random.Random(seed)  # noqa: S311 - seeded examples, not security
    pools = _Pools(rng)
    out: list[Example] = []
    for row in rows:
        text = row["text"]
        values = name_values(row)
        out += labelled(text, _value_spans(text, values))
        if rules is not None and values:
            redacted = rules(text)
            out += labelled(redacted, _redacted_positives(redacted, values, text))
        if values:
            for variant, positive in variants(row, pools):
                out += labelled(variant, positive)
        elif text.lower() != text:
            out += labelled(text.lower(), [])
    for message in messages:
        out += labelled(message, [])
        if message.lower() != message:
            out += labelled(message.lower(), [])
    return out


def fit(data: Sequence[Example], seed: int = SEED) -> dict[str, float]:
    """Logistic regression (liblinear, L2) over the features: feature -> weight, the
    intercept folded into "bias"."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(f, 1) for f, _ in data])
    labels = [label for _, label in data]
    classifier = LogisticRegression(
        C=1.0, solver="liblinear", random_state=seed, max_iter=200, class_weight={0: 1, 1: 2}
    )
    classifier.fit(matrix, labels)
    weights = {
        name: round(float(w), 5)
        for name, w in zip(vectorizer.get_feature_names_out(), classifier.coef_[0], strict=True)
        if abs(w) >= 1e-4
    }
    weights["bias"] = round(weights.get("bias", 0.0) + float(classifier.intercept_[0]), 5)
    return weights


def negative_texts(rows: Sequence[dict[str, Any]], messages: Sequence[str]) -> list[str]:
    """The texts no word of which may be masked: the corpus's negatives and the messages."""
    return [r["text"] for r in rows if not r.get("pii")] + list(messages)


def threshold_for(
    weights: dict[str, float], negatives: Iterable[str], rules: Rules | None
) -> float:
    """Just above the highest score of any word of a negative text, as the rules leave it."""
    probe = ln.Model(weights=weights, threshold=0.0)
    top = 0.0
    for text in negatives:
        seen = rules(text) if rules is not None else text
        for _, _, score in ln.scored(seen, probe):
            top = max(top, score)
    return round(top + MARGIN, 4)


def train(rows: Sequence[dict[str, Any]], messages: Sequence[str], rules: Rules | None) -> ln.Model:
    """The model for these rows and messages."""
    weights = fit(examples(rows, messages, rules))
    return ln.Model(
        weights=weights, threshold=threshold_for(weights, negative_texts(rows, messages), rules)
    )


def rules_only() -> Rules:
    """`redact` with the learned model switched off (imported here, late: redaction.py
    imports learned_names)."""
    from core.privacy.redaction import redact

    def run(text: str) -> str:
        was = ln.ENABLED
        ln.ENABLED = False
        try:
            return redact(text)
        finally:
            ln.ENABLED = was

    return run


def train_and_write(path: Path) -> ln.Model:
    """Train on the corpus and data/nlu.yml and write the weights to `path`."""
    model = train(corpus_rows(), nlu_messages(), rules_only())
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(model.to_json(), encoding="utf-8")
    tmp.replace(path)
    return model
