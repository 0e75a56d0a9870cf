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
# and Unicode's non-characters: none of them is text a patient typed. Each becomes a space,
# so that "/recovery\x00chest pain" stays two words ("chest" is not glued to "recovery").
SEPARATING = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS + "]"
)
# Invisible format characters (Unicode category Cf: zero-width spaces and joiners, soft
# hyphens, byte-order marks, direction overrides, tag characters): removed, so that
# "l\u200begs" is "legs", "555\u200b123" is a number the redaction sees, and
# "\u202enip tsehc" is not shown to staff as something the patient did not type.
INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\ufff9-\ufffb\U000110bd\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
# Tabs, form feeds, carriage returns and Unicode's separators become a space.
AS_SPACE = re.compile("[\t\x0b\x0c\r\x85\u2028\u2029]")
BLANK_LINES = re.compile("\n{3,}")
SPACES = re.compile(" {2,}")


def normalise_text(raw: str) -> str:
    """NFKC text without surrogates, control or invisible characters; newlines kept, trimmed.

    NFKC rather than NFC: full-width and other compatibility letters ("\uff23\uff28\uff25",
    mathematical bold) become the plain letters the NLU and the red-flag net know. Runs of
    spaces become one.

    "\\r\\n" becomes a newline and other line or tab separators a space, so a message pasted
    from a document keeps its shape; at most two newlines in a row are kept.
    """
    text = SEPARATING.sub(" ", raw.replace("\r\n", "\n"))
    text = unicodedata.normalize("NFKC", INVISIBLE.sub("", AS_SPACE.sub(" ", text)))
    return SPACES.sub(" ", BLANK_LINES.sub("\n\n", text)).strip()
