"""Redact every log line a process writes, whoever logs it.

Why: the project's own log lines carry ids, never message text, but Rasa, Sanic and other
libraries log what they like (a failing message, a parse error quoting its input, an
exception whose text holds the message). Rather than trust every library, each of the
project's processes (the Rasa server through its channels, the action server, the staff
console) installs this once: every log record's message, and the text of its exception, is
passed through the same redaction as stored text before any handler sees it.

It wraps the log record factory, so it applies to every logger and handler, including ones
configured after it is installed (Rasa configures its own at start-up), and the warnings
module's `showwarning`: warnings (Rasa's "Failed to parse arguments in line '...'") reach
stderr, hence var/log, without passing through logging.

The servers' own start-up lines stay readable: a web address on this machine (localhost,
127.0.0.1, 0.0.0.0, [::1], or a host the process names at install) with its port but no
path, and a version after a package's name ("python: 3.10.13", which looks like a date) are
kept as they are; only the text around them is redacted. Neither can hold what a patient
typed: the address keeps no path or query, the version only dotted figures after a name.
Round 28: so is Sanic's own "Starting worker [15530]" / "Stopping worker [15530]" (the
worker's process id, which read as "[[ID removed]]"): a process id is no identifier of a
patient, and only figures in brackets after those exact words are kept.
"""

from __future__ import annotations

import logging
import re
import traceback
import warnings
from collections.abc import Iterable
from typing import Any

from core.privacy.redaction import redact

_installed = False
_LOCAL_HOSTS = ("localhost", "127.0.0.1", "0.0.0.0", "[::1]")  # noqa: S104 (names, no bind)
_own_hosts: set[str] = set(_LOCAL_HOSTS)
_VERSION = (
    r"\b(?:python|sanic|sanic-routing|sanic-ext|rasa|rasa-sdk|rasa_sdk|sqlalchemy|flask|"
    r"werkzeug|version)(?::\s*|==|\s+)v?\d{1,3}(?:\.\d{1,3}){1,3}(?![\w.])"
)


# Sanic's lines for its worker process (sanic/server/runners.py, sanic/server.py); a Linux
# process id has at most 7 figures.
_WORKER = r"\b(?:Starting|Stopping) worker \[\d{1,7}\]"


def _compile_kept() -> re.Pattern[str]:
    hosts = "|".join(re.escape(host) for host in sorted(_own_hosts, key=len, reverse=True))
    return re.compile(
        rf"\bhttps?://(?:{hosts})(?::\d{{1,5}})?(?![\w.:/-])|{_VERSION}|{_WORKER}", re.I
    )


_kept = _compile_kept()


# Rasa's lines that quote a patient's whole message (round 7, p153: "Failed to parse arguments
# in line '/leokadia_z_1937 ...'" kept a handle no pattern reads as a detail): the quote goes.
QUOTED_MESSAGE = re.compile(
    r"(?P<head>(?:in line|user_text=|Continuing without)\s*)"
    r"(?P<quote>'[^\n]*?'(?=[.,\s]|$)|\S[^\n]*?(?=\.\s*$|$))"
)
MESSAGE_MARK = "[message removed]"


def _without_quoted_messages(message: str) -> str:
    return QUOTED_MESSAGE.sub(lambda match: match.group("head") + MESSAGE_MARK, message)


def redact_line(message: str) -> str:
    """The log line redacted, except the server's own addresses and versions."""
    if "in line" in message or "user_text=" in message or "Continuing without" in message:
        message = _without_quoted_messages(message)
    parts, last = [], 0
    for match in _kept.finditer(message):
        parts += [redact(message[last : match.start()]), match.group()]
        last = match.end()
    return "".join(parts) + redact(message[last:]) if parts else redact(message)


def _redacted_record_factory(factory: Any) -> Any:
    def make_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record: logging.LogRecord = factory(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: the handler reports it as usual
            return record
        cleaned = redact_line(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and record.exc_info[1] is not None and not record.exc_text:
            text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
            record.exc_text = redact(text)
        return record

    return make_record


def install(own_hosts: Iterable[str] = ()) -> None:
    """Redact all log records of this process from now on (idempotent). `own_hosts`: the
    host names this server listens on, kept in its own log lines."""
    global _installed, _kept
    _own_hosts.update(host.strip() for host in own_hosts if host and host.strip())
    _kept = _compile_kept()
    if _installed:
        return
    logging.setLogRecordFactory(_redacted_record_factory(logging.getLogRecordFactory()))
    warnings.showwarning = _redacted_showwarning(warnings.showwarning)
    _installed = True


def _redacted_showwarning(show: Any) -> Any:
    """Warnings go to stderr through the warnings module, not logging (Rasa's "Failed to
    parse arguments in line '...'" quotes the message: round 7 found it in var/log/rasa.log)."""

    def show_redacted(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: Any = None,
        line: str | None = None,
    ) -> None:
        show(redact_line(str(message)), category, filename, lineno, file, line)

    return show_redacted
