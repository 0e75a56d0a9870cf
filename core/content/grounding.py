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


def source_passages(responses: dict[str, list[dict[str, Any]]]) -> Iterator[tuple[str, str]]:
    """(response name, the page passage it restates) for every answer that names one."""
    for name, variations in responses.items():
        for variation in variations:
            source = (variation.get("metadata") or {}).get("source")
            if isinstance(source, str) and source.strip():
                yield name, source
