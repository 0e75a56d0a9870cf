"""CSV of the filtered inbox, and review results as Rasa NLU training data."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable

import yaml

from actions.storage.models import Question
from actions.storage.values import one_line, without_controls

CSV_COLUMNS = [
    "asked_at", "conversation_id", "channel", "text", "intent", "confidence", "outcome",
    "corrected_intent", "reviewed_by", "reviewed_at", "response", "model_version",
]  # fmt: skip
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """Text safe to open in a spreadsheet: a leading =, +, - or @ is not run as a formula,
    and no control character (a NUL breaks CSV readers)."""
    text = "" if value is None else without_controls(str(value))
    return "'" + text if text.startswith(FORMULA_START) else text


def questions_csv(rows: Iterable[Question]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([_cell(getattr(row, column)) for column in CSV_COLUMNS])
    return buffer.getvalue()


def nlu_yaml(corrected: Iterable[Question], unanswered: Iterable[Question]) -> str:
    """Corrected questions as examples of their right intent; unanswered ones to be labelled.

    The result merges into data/nlu.yml as it is (`rasa data validate` accepts it). Questions
    nobody has labelled yet are listed as comments, since an example needs an intent.
    """
    by_intent: dict[str, set[str]] = defaultdict(set)
    for question in corrected:
        text = one_line(question.text, len(question.text))
        if question.corrected_intent and text:
            by_intent[question.corrected_intent].add(text)
    body = {
        "version": "3.1",
        "nlu": [
            {"intent": intent, "examples": "".join(f"- {t}\n" for t in sorted(texts))}
            for intent, texts in sorted(by_intent.items())
        ],
    }
    out = ["# Exported from the staff console: review, then merge into data/nlu.yml."]
    out.append(yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=1000).rstrip())
    todo = sorted({t for q in unanswered if (t := one_line(q.text, len(q.text)))})
    if todo:
        out.append("# Not understood and not yet labelled (give each an intent, then move it up):")
        out.extend(f"#   - {t}" for t in todo)
    return "\n".join(out) + "\n"
