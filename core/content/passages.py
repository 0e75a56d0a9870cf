"""The page's sentences, as passages an answer can quote, and which topic each one belongs to.

Why shared: the passage retriever (addons/nlu/passages.py) quotes these sentences when no topic
fits, the grounding tests check that a quoted passage is the page's own words, and the
benchmark (bench/real_questions.py) judges a quoted passage right or wrong by the topic whose
answer restates it. All three must cut the page the same way.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from core.content.grounding import normalise, source_passages

ROOT = Path(__file__).resolve().parents[2]
# A sentence ends at . ! or ? followed by white space and a capital letter or a bullet.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u2022])")
# Fewer words than this is a heading, a caption or a navigation line, not a statement.
MIN_WORDS = 7


def source_page_path() -> Path:
    """The hospital's patient page: ../shared/source beside the clone, or $SOURCE_PAGE."""
    override = os.environ.get("SOURCE_PAGE")
    path = Path(override) if override else ROOT.parent / "shared/source/vertebroplasty-page.txt"
    if not path.is_file():
        raise FileNotFoundError(
            f"The source page is missing at {path}; set SOURCE_PAGE to its location."
        )
    return path


def page_passages(page: str) -> list[str]:
    """The page's statements, one sentence each, in page order.

    Headings and questions ("How can Vertebroplasty help me?"), bullet points, captions and the
    navigation line (none of them ends with a full stop) are left out: they are not answers. A
    sentence that leans on the one before ("In others, ...", "This ...", "These ...") is kept
    with it, so a quote never starts in the middle of a thought.
    """
    passages: list[str] = []
    for paragraph in re.split(r"\n\s*\n", page):
        previous_in_paragraph = False
        for raw in _SENTENCE_END.split(" ".join(paragraph.split())):
            sentence = raw.strip()
            if (
                len(sentence.split()) < MIN_WORDS
                or not sentence.endswith(".")
                or sentence.startswith("\u2022")
            ):
                previous_in_paragraph = False
                continue
            if previous_in_paragraph and re.match(r"(In others|This|These|It)\b", sentence):
                passages[-1] = f"{passages[-1]} {sentence}"
            else:
                passages.append(sentence)
            previous_in_paragraph = True
    return passages


def passage_topics(passage: str, responses: dict[str, list[dict[str, Any]]]) -> set[str]:
    """The topics whose answer restates (names as its source) a sentence of this passage."""
    sentences = [normalise(s) for s in _SENTENCE_END.split(passage) if s.strip()]
    topics = set()
    for name, source in source_passages(responses):
        restated = normalise(source)
        if any(sentence.rstrip(".") in restated for sentence in sentences):
            topics.add(name.removeprefix("utter_"))
    return topics


def topics_of_passages(
    passages: Iterable[str], responses: dict[str, list[dict[str, Any]]]
) -> dict[str, set[str]]:
    """passage -> the topics it belongs to (empty for a sentence no answer restates)."""
    return {passage: passage_topics(passage, responses) for passage in passages}


_QUOTE = re.compile(r"\u201c([^\u201d]*)\u201d")


def without_page_quotes(text: str, page: str) -> str:
    """The text with every quotation of the page's exact words taken out.

    Why: a page-passage answer quotes the page on purpose, marked with quotation marks; the
    checks that our own words restate rather than paste the page, and read at grade 8, apply to
    the frame around the quote. A quotation that is not the page's exact words stays in, so it
    is still checked.
    """
    page_text = normalise(page)
    return _QUOTE.sub(
        lambda m: " " if normalise(m.group(1)) in page_text else m.group(0), text
    ).strip()
