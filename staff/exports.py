"""CSV of the filtered inbox, and review results as Rasa NLU training data.

Times in the CSV stay in UTC (ISO 8601 with a Z, in columns whose names end in `_utc`), unlike
the pages, which show the hospital's time: a file outlives the setting it was made with and
is read by other programs, and UTC is the one time that needs no zone to be read right.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime

import yaml

from core.db.models import Question
from core.db.values import one_line, without_controls
from staff.hospital_time import as_utc

# Column name -> Question attribute: the time columns say in their name that they are UTC.
CSV_COLUMNS = {
    "asked_at_utc": "asked_at", "conversation_id": "conversation_id", "channel": "channel",
    "text": "text", "intent": "intent", "confidence": "confidence", "outcome": "outcome",
    "corrected_intent": "corrected_intent", "reviewed_by": "reviewed_by",
    "reviewed_at_utc": "reviewed_at", "response": "response", "model_version": "model_version",
    "red_flag": "red_flag", "red_flag_cue": "red_flag_cue",
}  # fmt: skip
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def utc_text(moment: datetime) -> str:
    """2026-01-15T15:30:00Z: the same text on SQLite (naive) and PostgreSQL (aware)."""
    return as_utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


def _cell(value: object) -> str:
    """Text safe to open in a spreadsheet: a leading =, +, - or @ is not run as a formula,
    and no control character (a NUL breaks CSV readers)."""
    if isinstance(value, datetime):
        return utc_text(value)
    text = "" if value is None else without_controls(str(value))
    return "'" + text if text.startswith(FORMULA_START) else text


def questions_csv(
    rows: Iterable[Question], feedback: Mapping[str, tuple[bool, str | None]] | None = None
) -> str:
    """The questions as CSV, with the patient's feedback on each answer (if any)."""
    feedback = feedback or {}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([*CSV_COLUMNS, "feedback", "feedback_comment"])
    for row in rows:
        given = feedback.get(row.message_id)
        verdict = "" if given is None else ("helpful" if given[0] else "unhelpful")
        writer.writerow(
            [_cell(getattr(row, attribute)) for attribute in CSV_COLUMNS.values()]
            + [verdict, _cell(given[1] if given else None)]
        )
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
