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

import re

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


# The area code typed after the local number ("555 0129 area code 206", "555-0129, area code
# is 206"): the number is the two together (round 28, phon-010's wording at the phone question).
_AREA_CODE_AFTER = re.compile(
    r"(?<![\d+])(?P<local>\d{3}[\s.\-]?\d{4})(?!\d)[\s,;:.\-]*(?:and\s+|with\s+)?(?:the\s+)?"
    r"area\s*code\s*(?:is\s*|of\s*|=\s*|:\s*)?\(?(?P<area>[2-9]\d\d)\)?(?!\d)",
    re.IGNORECASE,
)


def with_area_code_after(typed: str) -> str:
    """`typed` with a local number and the area code typed after it written as one number
    ("555 0129 area code 206" -> "206 555 0129"); any other answer unchanged."""
    if "area" not in typed.lower():
        return typed
    found = _AREA_CODE_AFTER.search(typed)
    if found is None:
        return typed
    number = f"{found.group('area')} {found.group('local')}"
    return typed[: found.start()] + number + typed[found.end() :]
