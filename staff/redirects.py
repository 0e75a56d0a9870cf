"""Where the console may send a browser after a form: only to its own pages.

Why: `/login?next=...` and the review form's `back` field are chosen by whoever makes the
link. `next=/%09/evil.example/` passed the old "starts with one slash" check, and browsers,
which drop tabs, went to //evil.example/ (another site, looking like the console: a phishing
page after a real log-in). A CR/LF in the target made the redirect itself fail (a 500).

A target is used only if all of these hold, else the caller's default page is used:
- it is short, and has no control character, no whitespace and no backslash (browsers drop
  or rewrite these, and read a backslash as a slash);
- it starts with exactly one "/" and its path has no "//", also after percent-decoding
  (which is what a server or proxy further on may do);
- parsed, it has no scheme and no host;
- its path is a page of this console that answers GET (not the login page itself).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from staff.params import has_control_characters

MAX_TARGET_CHARS = 2000


def _plain_local_path(text: str) -> bool:
    return (
        text.startswith("/")
        and "//" not in text
        and "\\" not in text
        and not has_control_characters(text)
        and not any(char.isspace() for char in text)
    )


def fully_decoded(text: str, rounds: int = 3) -> str:
    """`text` percent-decoded until nothing changes (at most `rounds` times)."""
    for _ in range(rounds):
        decoded = unquote(text)
        if decoded == text:
            break
        text = decoded
    return text


def console_target(target: str | None, is_console_page: Callable[[str], bool]) -> str | None:
    """`target` if it is a safe path of this console, else None."""
    if not target or len(target) > MAX_TARGET_CHARS:
        return None
    if not _plain_local_path(target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    path = fully_decoded(parts.path)
    if not _plain_local_path(path):
        return None
    return target if is_console_page(path) else None
