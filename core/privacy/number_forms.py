"""Numbers typed in shapes the rules do not read, read as the plain figures they are (round 23).

Why: the redaction's number rules look for ASCII figures and hyphens. An outside tester
(round 23) typed the same identifiers as a phone or a scanner writes them, and they were
stored raw:

- dash-like characters between figure groups: "soc sec no. 412<en dash>73<en dash>9086" (ss06),
  "ssn 412 <em dash> 73 <em dash> 9091" (ss11); any of U+2010-2015, U+2212, U+FE58,
  U+FE63 and U+FF0D, with spaces around it, is a hyphen between figures;
- digits in other forms: keycap emoji "5️⃣7️⃣0️⃣…" (ph22: digit, U+FE0F, U+20E3), circled,
  parenthesised, full-width and mathematical digits (Unicode gives each a digit value);
- read-out numbers with "double" / "triple" before a figure or a digit word: "570 triple 5 0
  1 3 0" (ph30), "medical record no. is double seven four four one two two" (mr13);
- OCR'd letters for figures: "O5/17/1940" (mx14: letter O for zero, I or l for one, in a
  date-shaped group of figures) and cue words with figures for letters ("D0B").

Rather than teach every rule these shapes, the text is *folded*: each such piece is replaced
by its plain reading ("412-73-9086", "5705550164", "5 5 5", "05/17/1940", "DOB"), the
redaction runs on the folded text, and every piece it left unmasked is put back as typed
(`unfolded`), so an ordinary message ("Mon <en dash> Fri", "1<keycap> how long 2<keycap> does
it hurt") is stored exactly as it came. Only texts holding such a piece pay for more than one
cheap test.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from core.privacy.gates import gated
from core.privacy.identifiers import SSN_MARK
from core.privacy.number_words import ORDINAL_WORD

# Characters a dash-like mark may be (the ASCII hyphen needs no folding).
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
# Digit forms other than ASCII with a digit value 0-9: circled, negative circled, double
# circled, dingbat circled, parenthesised, with a full stop, full-width, mathematical,
# Arabic-Indic, extended Arabic-Indic and Devanagari. Superscripts (²) stay: "m²" is a unit.
_OTHER_DIGITS = (
    "\u2460-\u2468\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792"
    "\u2474-\u247c\u2488-\u2490\uff10-\uff19\U0001d7ce-\U0001d7ff"
    "\u0660-\u0669\u06f0-\u06f9\u0966-\u096f"
)
# A keycap: a figure, the emoji variation selector (often left out) and the combining keycap.
_KEYCAP = r"[0-9]\ufe0f?\u20e3"
_DIGITISH = rf"(?:{_KEYCAP}|[0-9{_OTHER_DIGITS}])"
# The one cheap test for a non-ASCII text: does it hold a piece to fold at all?
_NON_ASCII_PIECE = re.compile(rf"[{_DASHES}{_OTHER_DIGITS}\u20e3]")

_DIGIT_WORD = r"(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|[0-9])"
_PIECES = re.compile(
    rf"(?P<keycap>{_KEYCAP})"
    rf"|(?P<digit>[{_OTHER_DIGITS}])"
    # Between two figures (of any form): "412<en dash>73", "412 <em dash> 73".
    rf"|(?<=[0-9{_OTHER_DIGITS}\u20e3])(?P<dash>[ \u00a0]*[{_DASHES}][ \u00a0]*)(?={_DIGITISH})"
    # "triple 5", "double seven": the multiplier and the one digit it repeats (not "double
    # 50 mg": one digit only).
    rf"|\b(?P<times>(?i:double|triple))\s+(?P<repeated>(?i:{_DIGIT_WORD}))\b(?![.,]\d)"
    # "O5/17/1940", "l2-O3-45": two or three groups of figures with O, o, I or l among them.
    r"|(?<![\w/.-])(?P<ocr>[\dOoIl]{1,4}(?:[/.-][\dOoIl]{1,4}){1,2})(?![\w/-])"
    # "D0B", "d0b:": a date-of-birth cue with a zero for its O.
    r"|\b(?P<cue>[Dd]0[Bb])\b",
)
_OCR_DIGITS = str.maketrans("OoIl", "0011")
_TIMES = {"double": 2, "triple": 3}
# An ASCII text needs one of these for a piece: a multiplier's word, "d0b", or a letter O, I
# or l beside a figure.
_MULTIPLIER = re.compile(r"\b(?i:double|triple)\b")
# Every OCR'd group holds a real figure, so one of its letters stands beside a figure: "O5",
# "l9", "1O". Run only on a text with a figure (the gates' one reading of the text says).
_OCR_HINT = gated(re.compile(r"[0-9][OoIl]|[OoIl][0-9]"), needles=r"\d")


def _reading(match: re.Match[str]) -> str | None:
    """The plain reading of one piece, or None when it is to stay as typed."""
    kind = match.lastgroup
    if kind == "keycap":
        return match.group()[0]
    if kind == "digit":
        return str(unicodedata.digit(match.group()))
    if kind == "dash":
        return "-"
    if kind == "repeated":
        word = match.group("repeated")
        return " ".join([word] * _TIMES[match.group("times").lower()])
    if kind == "ocr":
        piece = match.group()
        groups = re.split(r"[/.-]", piece)
        # Every group keeps a real figure and three in all: "I/O", "lol-1" stay words.
        if piece.isascii() and not any(c in "OoIl" for c in piece):
            return None  # a plain date or number: the rules read it as typed
        if not all(any(c.isdigit() for c in g) for g in groups):
            return None
        if sum(c.isdigit() for c in piece) < 3:
            return None
        return piece.translate(_OCR_DIGITS)
    if kind == "cue":
        word = match.group()
        return word[0] + ("O" if word[2].isupper() else "o") + word[2]
    return None


class Folded:
    """A text's folded reading and, for each of its characters, the piece of the typed text
    it came from (`units`: (typed start, typed end, folded start, folded end), in order)."""

    __slots__ = ("text", "typed", "units")

    def __init__(self, typed: str) -> None:
        self.typed = typed
        parts: list[str] = []
        units: list[tuple[int, int, int, int]] = []
        at = 0
        size = 0
        for match in _PIECES.finditer(typed):
            reading = _reading(match)
            if reading is None:
                continue
            # A multiplier's piece is its repeated word; the multiplier itself goes with it.
            start = match.start("times") if match.lastgroup == "repeated" else match.start()
            parts.append(typed[at:start])
            size += start - at
            units.append((start, match.end(), size, size + len(reading)))
            parts.append(reading)
            size += len(reading)
            at = match.end()
        parts.append(typed[at:])
        self.text = "".join(parts) if units else typed
        self.units = units


def may_fold(text: str) -> bool:
    """Could the text hold a piece to fold? (One or two cheap tests for most messages.)"""
    if not text.isascii() and _NON_ASCII_PIECE.search(text) is not None:
        return True
    return (
        (
            ("ouble" in text or "riple" in text or "OUBLE" in text or "RIPLE" in text)
            and _MULTIPLIER.search(text) is not None
        )
        or ("0" in text and ("d0b" in text or "D0B" in text or "D0b" in text or "d0B" in text))
        or _OCR_HINT.search(text) is not None
    )


def fold(text: str) -> Folded:
    return Folded(text)


def unfolded(folded: Folded, redacted: str) -> str:
    """`redacted` (the redaction of `folded.text`) with every folded piece it left whole put
    back as it was typed. Marks hold no figure and no hyphen, so a folded piece that the
    redaction kept is found unchanged in it."""
    if not folded.units:
        return redacted
    out: list[str] = []
    units = folded.units
    text = folded.text
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, text, redacted, autojunk=False).get_opcodes():
        if tag != "equal":
            out.append(redacted[j1:j2])
            continue
        at = i1
        for typed_start, typed_end, start, end in units:
            if end <= at or start >= i2:
                continue
            if start >= at and end <= i2:  # whole in the kept span: as typed
                out.append(text[at:start])
                out.append(folded.typed[typed_start:typed_end])
                at = end
        out.append(text[at:i2])
    return "".join(out)


# Round 23 (ss08): "my ss is" / "412 73" / "9088": "ss", "soc sec", "s.s.n." are the social
# security number's short names too; an SSN's first five alone in the next message are its
# start (the last four after them are found by the rule for an SSN's rest).
_SHORT_SSN_CUE_AT_END = gated(
    re.compile(
        r"\b(?:ss|s\.s\.?|soc\.?\s*sec\.?(?:urity)?|s\.s\.n\.?)"
        r"(?:\s*(?:#|no\.?|num(?:ber)?))?\s*(?:is|was|:|=|-)?[^\w]*$",
        re.IGNORECASE,
    ),
    words="ss s soc",
)
_SSN_START_ALONE = re.compile(r"^\W*(?P<part>\d{3}[\s-]?\d{2})\W*$")


def ssn_start_after_short_cue(previous: str, text: str) -> tuple[str, str] | None:
    """(an SSN's first five alone in `text` after `previous` ended with a short name of the
    SSN; the SSN's mark). The cheap test on `text` first."""
    found = _SSN_START_ALONE.match(text) if len(text) < 20 else None
    if not found or not _SHORT_SSN_CUE_AT_END.search(previous):
        return None
    return found.group("part"), SSN_MARK


# Round 23 (dt33): "my birthday is next week the 9th": words of when between the birthday
# and its day ("next week", "this coming friday", "in a few days, on"); the day is the
# birth date's day and month's part. The day goes with its "the".
_WHEN_WORD = (
    r"(?:is|was|'s|falls|will|be|on|this|next|coming|up|in|a|few|couple|of|days?|weeks?|"
    r"weekend|month|soon|tomorrow|actually|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|so|it|that|its|it's)"
)
_ORDINAL_WORD = ORDINAL_WORD  # core/privacy/number_words.py: one list (round 25, r25m)
BIRTHDAY_DAY = gated(
    re.compile(
        rf"(?P<head>\b(?:birthday|bday|b-day)(?:[\s,]+{_WHEN_WORD}){{1,6}}[\s,]+)"
        rf"(?P<day>(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_WORD}))\b",
        re.IGNORECASE,
    ),
    words="birthday bday",
)


def masked_birthday_day(text: str, mark: str) -> str:
    """The day of a birthday said after words of when, masked (the words stay)."""
    return BIRTHDAY_DAY.sub(lambda m: m.group("head") + mark, text)
