"""Checked values for the question log: whatever a client sent, only what fits a column.

Why: everything in a tracker's events and slots can be chosen by whoever talks to the Rasa
server or calls the action server directly: a number where text belongs, an object as the
model id, a formula as the channel, text with NUL (which PostgreSQL refuses) or lone
surrogates (which are not UTF-8). A value that does not fit its column used to fail the
insert of its whole batch. The builders (question_record.py, callback.py) therefore pass
every value through one of these functions, each of which returns a value of the right type
and size, or None.
"""

from __future__ import annotations

import math
import re

# NUL: PostgreSQL text cannot hold it. U+D800-U+DFFF: a lone surrogate is not valid UTF-8.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# Control characters other than tab, newline and carriage return: never part of a name.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A name or id: letters, digits and . _ - : only, starting with a letter or digit (so no
# formula start such as = + - @).
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")


def storable_text(value: object) -> str:
    """`value` if it is a string, without NUL and lone surrogates; "" for anything else."""
    return _UNSTORABLE.sub("", value) if isinstance(value, str) else ""


def without_controls(value: object) -> str:
    """Storable text without control characters other than tab, newline and carriage return.

    For what staff export: a row stored before messages were cleaned at the door may hold a
    NUL or an escape sequence, which a CSV reader or Rasa's NLU validator rejects.
    """
    return _CONTROL.sub("", storable_text(value))


def bounded_text(value: object, max_chars: int) -> str:
    """Storable text cut to `max_chars` characters."""
    return storable_text(value)[:max_chars]


def identifier(value: object, max_chars: int) -> str | None:
    """An id as given (only unstorable characters dropped), cut to `max_chars`; None if blank.

    Ids are not tidied further: a conversation id must still match Rasa's transcript rows.
    """
    text = bounded_text(value, max_chars)
    return text if text.strip() else None


def one_line(value: object, max_chars: int) -> str:
    """Storable text on one line: control characters dropped, whitespace runs made one space."""
    text = " ".join(without_controls(value).split())
    return text[:max_chars].rstrip()


def token(value: object, max_chars: int) -> str | None:
    """A plain identifier (safe characters only) cut to `max_chars`, or None."""
    if not isinstance(value, str) or not _TOKEN.fullmatch(value):
        return None
    return value[:max_chars]


def label(value: object, max_chars: int) -> str | None:
    """A short printable string of at most `max_chars` characters (not cut), or None."""
    if isinstance(value, str) and 0 < len(value) <= max_chars and value.isprintable():
        return value
    return None


def finite_float(value: object) -> float | None:
    """A real number as a finite float; None for bools, strings, NaN, infinities, overflow."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:  # an int beyond the float range
        return None
    return number if math.isfinite(number) else None


def unit_interval(value: object) -> float | None:
    """A finite number clamped to [0, 1] (a confidence), or None."""
    number = finite_float(value)
    return None if number is None else min(1.0, max(0.0, number))
