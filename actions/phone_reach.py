"""Which phone numbers the call-back team can dial as written (round 28, issue 21).

Why: the call-back form asks for a number "with the area code", but took "555 0177", and
"5550166" from "five five five oh one six six", and confirmed "who will call 5550166": staff
cannot call a US number without its area code, nor "07700 900123" (a number from abroad
written without its + and country code). The form now takes a number only when it can be
dialled from the hospital: a US or Canadian number with its area code (10 figures, 11 after
a 1), or a number from abroad with its country code, after + or after 011 (the US way to dial
abroad, stored with + like any other). Anything else that reads as a number is refused with a
message that says what it lacks (actions/callback.py).
"""

from __future__ import annotations

US_EXIT_CODE = "011"


def dialled_abroad(groups: list[str]) -> str | None:
    """A number typed with the US exit code, "011 44 20 7946 0958", as "+44 20 7946 0958";
    None for any other run of figure groups. A country code never starts with 0 or 1 after
    011 (+1 is dialled without it)."""
    digits = "".join(groups)
    if not digits.startswith(US_EXIT_CODE) or len(digits) < 3 + 8:
        return None
    if digits[3] not in "23456789":
        return None
    first = groups[0][len(US_EXIT_CODE) :] if len(groups[0]) > 2 else ""
    if len(groups[0]) < 3:  # "01 1 44 ...": no exit code as people type it
        return None
    return "+" + " ".join([first, *groups[1:]] if first else groups[1:])
