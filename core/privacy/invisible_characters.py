"""Invisible characters inside a Latin word are dropped before the redaction reads it (issue
21, round 24's report, r25f: mixe354 "D\\u200boris Hamm\\u200bond needs to know about fasting"
was stored "D\\u200boris [name removed]\\u200bond": a zero-width space cut each name in two,
and the parts were read as words of their own).

Why drop them: a zero-width space, joiner or non-joiner, a word joiner, a byte-order mark or
a soft hyphen between two Latin letters shows nothing and means nothing (a paste from a web
page or a document leaves them); read as a break they hide a name from every rule. Between
letters of other scripts a joiner or non-joiner may be spelling (Persian, the Indic scripts)
and stays, as does a joiner in an emoji sequence.
"""

from __future__ import annotations

import re

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
INVISIBLE_IN_WORD = re.compile(rf"(?<=[{_LATIN}])[{_INVISIBLE}]+(?=[{_LATIN}])")
_ANY_INVISIBLE = re.compile(f"[{_INVISIBLE}]")


def dropped(text: str) -> str:
    """The text without invisible characters between Latin letters (ASCII text: unchanged at
    once, no scan)."""
    if text.isascii() or not _ANY_INVISIBLE.search(text):
        return text
    return INVISIBLE_IN_WORD.sub("", text)
