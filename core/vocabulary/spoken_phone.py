"""A phone number typed in words, read as its figures, for the call-back form's phone question.

Why: round 19's outside tester answered the form's "What phone number should they call?" with
"eight six oh five five five oh one eight seven", as a patient reading their number aloud
would type it; the form refused it and kept asking, and every later message of the patient
was then taken for another attempt at a number. The redaction already masks numbers said in
words (core/privacy/redaction.py); the form now reads them, so the stored call-back request
holds the figures staff dial.

The words read: digits ("zero", "oh", "o", "one" ... "nine", and the Spanish ones the
redaction knows), "double" / "triple" before a digit, pairs said as one number ("twelve",
"sixty five", "twenty"), "hundred" after a digit ("eight hundred"), "plus" opening a number,
and figures mixed in ("860 five five five 0187"). Spaces, commas, dots, dashes and the words
"dash" / "hyphen" may stand between them. A run of such words is a number; the answer is
taken only when exactly one run of three digits or more stands in it (a time said in words,
"at eight", is no second number; two phone numbers are: the form asks which one).
"""

from __future__ import annotations

import re

_DIGITS = {
    "zero": "0",
    "oh": "0",
    "o": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "cero": "0",
    "uno": "1",
    "dos": "2",
    "tres": "3",
    "cuatro": "4",
    "cinco": "5",
    "seis": "6",
    "siete": "7",
    "ocho": "8",
    "nueve": "9",
}
_TEENS = {
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
}
_TENS = {
    "twenty": "2",
    "thirty": "3",
    "forty": "4",
    "fifty": "5",
    "sixty": "6",
    "seventy": "7",
    "eighty": "8",
    "ninety": "9",
}
_REPEATS = {"double": 2, "triple": 3}
_JOINS = frozenset({"dash", "hyphen"})
_PLUS = frozenset({"+", "plus"})
_TOKEN = re.compile(r"\d+|[^\W\d_]+|\+|[^\s\w]", re.UNICODE)
_SEPARATOR = frozenset(",.-/()")
MIN_NUMBER_DIGITS = 3


def _runs(text: str) -> list[str]:
    """The runs of figures the text says, in words or figures or both, in order."""
    runs: list[str] = []
    current = ""
    pending_repeat = 1
    tokens = _TOKEN.findall(text.lower())
    i = 0

    def close() -> None:
        nonlocal current, pending_repeat
        if current.strip("+"):
            runs.append(current)
        current, pending_repeat = "", 1

    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token.isdigit():
            current += token * pending_repeat
            pending_repeat = 1
        elif token in _DIGITS:
            digit = _DIGITS[token]
            if nxt == "hundred":
                current += digit * pending_repeat + "00"
                i += 1
            else:
                current += digit * pending_repeat
            pending_repeat = 1
        elif token in _TEENS:
            current += _TEENS[token]
            pending_repeat = 1
        elif token in _TENS:
            if nxt in _DIGITS and _DIGITS[nxt] != "0" and nxt not in ("o", "oh", "cero"):
                current += _TENS[token] + _DIGITS[nxt]  # "sixty five"
                i += 1
            elif nxt == "-" and i + 2 < len(tokens) and tokens[i + 2] in _DIGITS:
                current += _TENS[token] + _DIGITS[tokens[i + 2]]  # "sixty-five"
                i += 2
            else:
                current += _TENS[token] + "0"  # "twenty"
            pending_repeat = 1
        elif token in _REPEATS and nxt and (nxt.isdigit() or nxt in _DIGITS):
            pending_repeat = _REPEATS[token]
        elif token in _PLUS:
            close()
            current = "+"
        elif token in _SEPARATOR or token in _JOINS:
            pass  # between the figures of one number
        else:
            close()
        i += 1
    close()
    return runs


def number_said(text: str) -> str | None:
    """The one number of three digits or more the text says, as figures ("+" kept), or None
    when it says none or more than one."""
    numbers = [run for run in _runs(text) if len(run.lstrip("+")) >= MIN_NUMBER_DIGITS]
    return numbers[0] if len(numbers) == 1 else None
