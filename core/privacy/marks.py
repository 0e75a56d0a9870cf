"""The marks redaction leaves in place of a detail, kept whole: no rule may match inside one.

Why: stored text is redacted again (the question log redacts the stored transcript turn, a
second pass reads the first pass's marks as context), so a mark is part of the text every
rule reads. Its inner words are no text of the patient's: round 19 (t21r19, H05) stored
"BCBS ID: XJH884210093 group 0048312" as "[name removed]: [[name removed] removed] group
[[name removed] removed]": "ID" was taken for a name at the start of the message, and the
rule that masks a name where the message says it again masked the "ID" inside both
"[ID removed]" marks. Any word a mark holds ("ID", "SSN", "Date", "Removed", "name") can be
found as a name the same way, so the rule here is for every mark and every span: a span
that cuts into a mark is dropped, a span that holds a mark whole may stand.
"""

from __future__ import annotations

import re

# Every mark the project writes into stored text: the redaction's own (identifiers.py,
# names.py), the form answers' and a personal value's (transcripts.py), a log message's
# (log_redaction.py). Spelled out here rather than imported: names.py imports this module,
# and a mark's text never changes without the stored text's tests failing.
MARK_WORDS = (
    "email",
    "phone",
    "SSN",
    "date",
    "ID",
    "address",
    "link",
    "age",
    "name",
    "form answer",
    "detail",
    "message",
)
_MARK_PATTERN = r"\[(?:" + "|".join(map(re.escape, MARK_WORDS)) + r") removed\]"
# Any case: a message in capitals is read in lower case (names.py).
MARK = re.compile(_MARK_PATTERN, re.IGNORECASE)
# For a pattern whose run of characters could reach into a mark (a link's path is any
# character but a space: "www.example.com[age removed]" became "[link removed] removed]",
# round 19): `(?:{NOT_A_MARK}[^\s])*` stops where a mark begins. Case-blind like MARK
# (the patterns that use it are).
NOT_A_MARK = rf"(?!(?i:{_MARK_PATTERN}))"


def mark_spans(text: str) -> list[tuple[int, int]]:
    """Where the marks stand in the text (none without "removed]", the cheap test first)."""
    if "removed]" not in text:
        return []
    return [m.span() for m in MARK.finditer(text)]


def cuts_a_mark(span: tuple[int, int], marks: list[tuple[int, int]]) -> bool:
    """Does the span take part of a mark but not all of it ("ID" of "[ID removed]")?"""
    start, end = span
    return any(start < b and end > a and not (start <= a and end >= b) for a, b in marks)


def outside_marks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans without those that cut into a mark of the text."""
    marks = mark_spans(text)
    if not marks:
        return spans
    return [span for span in spans if not cuts_a_mark(span, marks)]
