"""What an answer claims, in comparable form: its figures and its source passage.

Why shared: the grounding tests (every figure of every response is on the page) and
`make check-source` (which answers a new version of the page breaks) must read figures the
same way, or a change the tests would reject could pass the check, or the reverse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

UNIT_WORDS = {
    "%": "%",
    "percent": "%",
    "hour": "hour",
    "hours": "hour",
    "minute": "minute",
    "minutes": "minute",
    "day": "day",
    "days": "day",
}
FIGURE = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)(?:\s*(?:-|\u2013|to)\s*(\d+(?:\.\d+)?))?\s*"
    r"(%|percent\b|hours?\b|minutes?\b|days?\b)?",
    re.IGNORECASE,
)
# Figures that are not clinical facts and so are not expected on the page, with the reason.
NON_CLINICAL_FIGURES = {
    "911": "the emergency telephone number the issue requires in the emergency message",
}


def normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    return re.sub(r"\s+", " ", text).strip().lower()


def figures(text: str) -> set[str]:
    """Numbers, ranges, percentages and durations, in one canonical form ("1-3%")."""
    found = set()
    for low, high, unit in FIGURE.findall(normalise(text)):
        number = f"{low}-{high}" if high else low
        found.add(number + (UNIT_WORDS[unit.lower()] if unit else ""))
        found.add(number)  # the bare number, so "90%" on the page supports "90" too
    return found


def stated_figures(text: str) -> set[str]:
    """The figures as written (with their unit when there is one), for reports."""
    written = set()
    for low, high, unit in FIGURE.findall(normalise(text)):
        number = f"{low}-{high}" if high else low
        written.add(number + (UNIT_WORDS[unit.lower()] if unit else ""))
    return written


def response_texts(responses: dict[str, list[dict[str, Any]]]) -> Iterator[tuple[str, str]]:
    """(response name, text) for every variation and button title of every response."""
    for name, variations in responses.items():
        for variation in variations:
            yield name, variation.get("text", "")
            yield from ((name, button["title"]) for button in variation.get("buttons", []))


def source_parts(source: str) -> list[str]:
    """The page passages of a `metadata.source`: one per line (a blank line in domain.yml).

    Why several: an answer may state facts from two places of the page (how soon the pain
    eases, and that relief lasts months and years); each passage is the page's own words.
    """
    return [line.strip() for line in source.splitlines() if line.strip()]


def source_passages(responses: dict[str, list[dict[str, Any]]]) -> Iterator[tuple[str, str]]:
    """(response name, a page passage it restates) for every passage every answer names."""
    for name, variations in responses.items():
        for variation in variations:
            source = (variation.get("metadata") or {}).get("source")
            if isinstance(source, str):
                yield from ((name, part) for part in source_parts(source))


# The key facts an answer may state in its own words, as (how an answer may say it, how the
# page says it). Why: figures alone missed invented facts in words ("most within a few days",
# "many other health plans", "the doctor looks at X-rays" in an answer whose passage says none
# of it; issue 24). A term an answer uses must be in the passage(s) it cites.
KEY_TERMS: dict[str, tuple[str, str]] = {
    "minutes": (r"\bminutes?\b", r"\bminutes?\b"),
    "hours": (r"\bhours?\b", r"\bhours?\b"),
    "days": (r"\bdays?\b", r"\bdays?\b"),
    "weeks": (r"\bweeks?\b", r"\bweeks?\b"),
    "months": (r"\bmonths?\b", r"\bmonths?\b"),
    "years": (r"\byears?\b", r"\byears?\b"),
    "at once": (r"straight away|right away|at once|\bimmediate", r"\bimmediate"),
    "medicare": (r"\bmedicare\b", r"\bmedicare\b"),
    "medicaid": (r"\bmedicaid\b", r"\bmedicaid\b"),
    "private insurers": (
        r"private\s+insur|health\s+plans?|insurance\s+compan",
        r"private\s+insurers",
    ),
    "x-ray": (r"\bx-?rays?\b", r"\bx-?rays?\b|imaging|fluoroscopy"),
    "mri": (r"\bmri\b|magnetic", r"\bmri\b"),
    "bone scan": (r"bone\s+scans?", r"bone\s+scans?"),
    "sedation": (r"sedat|asleep|awake", r"sedation"),
    "osteoporosis": (r"osteoporo", r"osteoporo"),
    "tumour": (r"\btumou?rs?\b|cancer", r"\btumou?rs?\b"),
    "injury": (r"\binjur|\btrauma|accident|\bfalls?\b", r"\btrauma\b"),
    "quality of life": (r"quality\s+of\s+life", r"quality\s+of\s+life"),
    "kyphosis": (r"kyphosis|hunch|\bhump", r"kyphosis"),
}
_KEY_TERMS = {
    term: (re.compile(said), re.compile(on_page)) for term, (said, on_page) in KEY_TERMS.items()
}


def key_terms(text: str) -> set[str]:
    """The key facts (KEY_TERMS) an answer states."""
    lowered = normalise(text)
    return {term for term, (said, _) in _KEY_TERMS.items() if said.search(lowered)}


def unsupported(answer: str, source: str) -> set[str]:
    """What the answer states that the passage(s) it cites do not: figures and key terms."""
    cited = normalise(source)
    missing = {f for f in stated_figures(answer) if f not in figures(source)}
    missing |= {t for t in key_terms(answer) if not _KEY_TERMS[t][1].search(cited)}
    return missing
