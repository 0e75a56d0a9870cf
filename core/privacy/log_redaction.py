"""Redact every log line a process writes, whoever logs it.

Why: the project's own log lines carry ids, never message text, but Rasa, Sanic and other
libraries log what they like (a failing message, a parse error quoting its input, an
exception whose text holds the message). Rather than trust every library, each of the
project's processes (the Rasa server through its channels, the action server, the staff
console) installs this once: every log record's message, and the text of its exception, is
passed through the same redaction as stored text before any handler sees it.

It wraps the log record factory, so it applies to every logger and handler, including ones
configured after it is installed (Rasa configures its own at start-up).
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from core.privacy.redaction import redact

_installed = False


def _redacted_record_factory(factory: Any) -> Any:
    def make_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record: logging.LogRecord = factory(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: the handler reports it as usual
            return record
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and record.exc_info[1] is not None and not record.exc_text:
            text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
            record.exc_text = redact(text)
        return record

    return make_record


def install() -> None:
    """Redact all log records of this process from now on (idempotent)."""
    global _installed
    if _installed:
        return
    logging.setLogRecordFactory(_redacted_record_factory(logging.getLogRecordFactory()))
    _installed = True
