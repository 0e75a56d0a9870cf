"""Alternative page-passage retrievers, for measurement only (issue 24).

Why: the shipped retriever (addons/nlu/passages.py: TF-IDF over crudely stemmed words) quotes
almost nothing at the threshold that keeps wrong passages out. These are the cheap, offline
alternatives worth measuring against it on the development set
(`python -m bench.passage_threshold --compare`): word pairs as well as words, each passage
indexed with the page's heading above it, each passage indexed with its neighbours (a sentence
window), and Okapi BM25 (scores divided by the query's best possible score, so one threshold
scale fits all). Nothing here is shipped; bench/NOTES.md has the figures.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Callable

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from addons.nlu.passages import words

Scorer = Callable[[str], np.ndarray]


def word_pairs(text: str) -> list[str]:
    kept = words(text)
    return kept + [f"{a}_{b}" for a, b in itertools.pairwise(kept)]


def tfidf(documents: list[str], analyzer: Callable[[str], list[str]] = words) -> Scorer:
    vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True)
    matrix = vectorizer.fit_transform(documents)

    def scores(question: str) -> np.ndarray:
        vector = vectorizer.transform([question])
        if vector.nnz == 0:
            return np.zeros(len(documents))
        return np.asarray((matrix @ vector.T).toarray()).ravel()

    return scores


def bm25(documents: list[str], k1: float = 1.2, b: float = 0.75) -> Scorer:
    counts = [Counter(words(d)) for d in documents]
    lengths = np.array([sum(c.values()) for c in counts], dtype=float)
    average = float(lengths.mean()) or 1.0
    frequency = Counter(w for c in counts for w in c)
    n = len(documents)
    idf = {w: math.log(1 + (n - f + 0.5) / (f + 0.5)) for w, f in frequency.items()}

    def scores(question: str) -> np.ndarray:
        asked = set(words(question))
        out = np.zeros(n)
        for i, c in enumerate(counts):
            norm = k1 * (1 - b + b * lengths[i] / average)
            out[i] = sum(idf[w] * c[w] * (k1 + 1) / (c[w] + norm) for w in asked if w in c)
        best_possible = sum(idf.get(w, 0.0) for w in asked) * (k1 + 1) / (1 + k1)
        return out / best_possible if best_possible else out

    return scores


def heading_of(passage: str, page: str) -> str:
    """The last heading (a short line ending with '?') above the passage on the page."""
    position = page.find(passage[:40])
    lines = [line.strip() for line in page[: max(position, 0)].splitlines()]
    headings = [line for line in lines if line.endswith("?") and len(line.split()) < 12]
    return headings[-1] if headings else ""


def retrievers(passages: list[str], page: str) -> dict[str, Scorer]:
    """name -> scorer over `passages` (same order), the shipped one first."""
    headed = [f"{heading_of(p, page)} {p}" for p in passages]
    windows = [" ".join(passages[max(0, i - 1) : i + 2]) for i in range(len(passages))]
    return {
        "shipped: tf-idf words": tfidf(passages),
        "tf-idf words + pairs": tfidf(passages, word_pairs),
        "tf-idf + headings": tfidf(headed),
        "tf-idf sentence windows": tfidf(windows),
        "bm25": bm25(passages),
        "bm25 + headings": bm25(headed),
    }
