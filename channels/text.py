"""Clean a patient's message before anything else sees it.

Why here: a lone surrogate made Rasa answer nothing (not even to a red flag), a NUL character
later broke the CSV and NLU exports, and odd control characters end up in staff pages and
spreadsheets. Normalising once, where the text enters, means every later step (NLU, tracker
store, question log, exports) only ever sees clean text.
"""

from __future__ import annotations

import unicodedata

# Rasa's REST channel and the widget both speak JSON; these are the characters we keep.
KEPT_CONTROLS = {"\n"}
SPACE_CONTROLS = {"\t", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"}


def _is_dropped(char: str) -> bool:
    category = unicodedata.category(char)
    if category == "Cs":  # lone surrogate: not a character at all
        return True
    if category == "Cc" and char not in KEPT_CONTROLS:  # NUL, ESC, DEL, C1 controls...
        return True
    codepoint = ord(char)
    return (0xFDD0 <= codepoint <= 0xFDEF) or (codepoint & 0xFFFE) == 0xFFFE  # non-characters


def normalise_text(raw: str) -> str:
    """NFC text without surrogates or control characters; newlines kept, ends trimmed.

    "\\r\\n" and other line or tab separators become a newline or a space, so a message pasted
    from a document keeps its shape; at most two newlines in a row are kept.
    """
    text = raw.replace("\r\n", "\n")
    text = "".join(
        " " if c in SPACE_CONTROLS else c for c in text if c in SPACE_CONTROLS or not _is_dropped(c)
    )
    text = unicodedata.normalize("NFC", text)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()
