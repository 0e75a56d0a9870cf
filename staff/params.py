"""Checked query parameters: every value a page reads from its URL, or a 400 naming it.

Why: a URL is typed, bookmarked, edited and fuzzed. A date like 9999-12-31 overflowed the
date arithmetic, a page of 10**20 overflowed the database's integer, `nan` passed as a
confidence, and a NUL in a search made PostgreSQL refuse the query: each was a 500, or a
page that silently showed something else than what was asked. Every reader here accepts
only a plain, bounded value and otherwise raises BadParameter, a 400 whose message names
the parameter and says what it takes. Values are never echoed back.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date

from werkzeug.exceptions import BadRequest

EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2099, 12, 31)
MAX_PAGE = 100_000  # 5 million questions at 50 a page
MAX_TEXT_CHARS = 200

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")
_DECIMAL = re.compile(r"[0-9]{0,3}(\.[0-9]{0,9})?")


class BadParameter(BadRequest):
    """A 400 whose message is "<name>: <what it takes>"."""

    def __init__(self, name: str, needs: str) -> None:
        super().__init__(f"{name}: {needs}")
        self.parameter = name


def _raw(args: Mapping[str, str], name: str) -> str:
    return args.get(name) or ""


def has_control_characters(value: str) -> bool:
    """Whether `value` holds a control, format, surrogate or unassigned character."""
    return any(unicodedata.category(char).startswith("C") for char in value)


def optional_date(args: Mapping[str, str], name: str) -> date | None:
    """A YYYY-MM-DD date between 2000 and 2099, or None when absent."""
    value = _raw(args, name)
    if not value:
        return None
    needs = f"a date from {EARLIEST_DATE} to {LATEST_DATE}, written YYYY-MM-DD."
    if not _DATE.fullmatch(value):
        raise BadParameter(name, needs)
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise BadParameter(name, needs) from None
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise BadParameter(name, needs)
    return day


def page_number(args: Mapping[str, str], name: str = "page") -> int:
    """A page from 1 to MAX_PAGE; 1 when absent."""
    value = _raw(args, name)
    if not value:
        return 1
    if not _WHOLE_NUMBER.fullmatch(value) or not 1 <= int(value) <= MAX_PAGE:
        raise BadParameter(name, f"a whole number from 1 to {MAX_PAGE}.")
    return int(value)


def optional_fraction(args: Mapping[str, str], name: str) -> float | None:
    """A finite decimal number from 0 to 1 (no exponent, no nan/inf), or None when absent."""
    value = _raw(args, name)
    if not value:
        return None
    needs = "a number from 0 to 1, such as 0.5."
    if not _DECIMAL.fullmatch(value) or not any(c.isdigit() for c in value):
        raise BadParameter(name, needs)
    number = float(value)
    if not math.isfinite(number) or not 0.0 <= number <= 1.0:
        raise BadParameter(name, needs)
    return number


def plain_text(args: Mapping[str, str], name: str, max_chars: int = MAX_TEXT_CHARS) -> str:
    """Text of at most `max_chars` characters without control characters ("" when absent)."""
    value = _raw(args, name)
    if len(value) > max_chars:
        raise BadParameter(name, f"at most {max_chars} characters.")
    if has_control_characters(value):
        raise BadParameter(name, "text without control characters.")
    return value


def choice(args: Mapping[str, str], name: str, allowed: Iterable[str]) -> str:
    """One of `allowed`, or "" when absent."""
    value = _raw(args, name)
    options = tuple(allowed)
    if value and value not in options:
        raise BadParameter(name, f"one of {', '.join(options)} (or nothing).")
    return value


def path_identifier(value: str, name: str, max_chars: int = 255) -> str:
    """An id taken from the URL's path: bounded, no control characters."""
    if not value or len(value) > max_chars or has_control_characters(value):
        raise BadParameter(name, f"an id of 1 to {max_chars} printable characters.")
    return value
