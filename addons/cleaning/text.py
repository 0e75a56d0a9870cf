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


# Letters from other scripts that look like Latin ones (Cyrillic, Greek) and small capitals:
# "ch\u0435st pain" with a Cyrillic e must still be chest pain. NFKC already maps full-width,
# mathematical and circled letters to plain ones.
_LOOKALIKES = str.maketrans(
    {
        # Cyrillic
        "\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c",
        "\u0445": "x", "\u0443": "y", "\u0456": "i", "\u0458": "j", "\u0455": "s",
        "\u04cf": "l", "\u0501": "d", "\u0410": "a", "\u0415": "e", "\u041e": "o",
        "\u0420": "p", "\u0421": "c", "\u0422": "t", "\u041d": "h", "\u041c": "m",
        # Greek
        "\u03b1": "a", "\u03bf": "o", "\u03c1": "p", "\u03b5": "e", "\u03b9": "i",
        "\u03ba": "k", "\u03c4": "t", "\u03c5": "u", "\u03f2": "c", "\u03c2": "c", "\u0391": "a",
        "\u0395": "e", "\u039f": "o", "\u0397": "h", "\u0399": "i", "\u039a": "k",
        "\u039c": "m", "\u039d": "n", "\u03a4": "t",
        "\u0442": "t", "\u043a": "k", "\u043c": "m", "\u043d": "h", "\u0432": "b",
        "\u0570": "h", "\u2ca5": "c", "\u13df": "c", "\ua4da": "c", "\u13a5": "i",
        # small capitals, dotless i
        "\u1d00": "a", "\u0299": "b", "\u1d04": "c", "\u1d05": "d", "\u1d07": "e",
        "\ua730": "f", "\u0262": "g", "\u029c": "h", "\u026a": "i", "\u1d0a": "j",
        "\u1d0b": "k", "\u029f": "l", "\u1d0d": "m", "\u0274": "n", "\u1d0f": "o",
        "\u1d18": "p", "\u0280": "r", "\ua731": "s", "\u1d1b": "t", "\u1d1c": "u",
        "\u1d20": "v", "\u1d21": "w", "\u028f": "y", "\u1d22": "z", "\u0131": "i",
    }
)  # fmt: skip


# Negative circled and negative squared Latin capitals (no compatibility mapping in NFKC).
_LOOKALIKES.update({0x1F150 + n: chr(ord("a") + n) for n in range(26)})
_LOOKALIKES.update({0x1F170 + n: chr(ord("a") + n) for n in range(26)})


def fold(text: str) -> str:
    """Text as the patterns read it: compatibility forms, accents, invisible characters and
    look-alike letters folded to plain lower-case Latin (\u2019 counts as an apostrophe).

    Why: "\uff23\uff28\uff25\uff33\uff34 \uff30\uff21\uff29\uff2e" (full-width),
    "che\u0301st pain", "l\u200begs numb" and "ch\u0435st pain" are all what a patient means by
    chest pain or numb legs, and the net must not depend on how a keyboard encoded them.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if unicodedata.category(c) not in ("Mn", "Me", "Cf"))
    return kept.translate(_LOOKALIKES).replace("\u2019", "'").lower()
