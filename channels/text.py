"""Clean a patient's message before anything else sees it.

Why here: a lone surrogate made Rasa answer nothing (not even to a red flag), a NUL character
later broke the CSV and NLU exports, and odd control characters end up in staff pages and
spreadsheets. Normalising once, where the text enters, means every later step (NLU, tracker
store, question log, exports) only ever sees clean text.

Regular expressions rather than a loop over characters: a message at the body limit is
cleaned in well under a millisecond, so even a flood of them barely touches the event loop.
"""

from __future__ import annotations

import re
import unicodedata

_NONCHARACTERS = "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
# Control characters (C0 and C1) except the line and space ones below, lone surrogates,
# and Unicode's non-characters: none of them is text a patient typed.
DROPPED = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS + "]"
)
# Tabs, form feeds, carriage returns and Unicode's separators become a space.
AS_SPACE = re.compile("[\t\x0b\x0c\r\x85\u2028\u2029]")
BLANK_LINES = re.compile("\n{3,}")


def normalise_text(raw: str) -> str:
    """NFC text without surrogates or control characters; newlines kept, ends trimmed.

    "\\r\\n" becomes a newline and other line or tab separators a space, so a message pasted
    from a document keeps its shape; at most two newlines in a row are kept.
    """
    text = DROPPED.sub("", raw.replace("\r\n", "\n"))
    text = unicodedata.normalize("NFC", AS_SPACE.sub(" ", text))
    return BLANK_LINES.sub("\n\n", text).strip()
