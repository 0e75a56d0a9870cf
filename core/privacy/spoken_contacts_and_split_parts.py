"""Phones, SSNs, e-mails, links and record numbers as round 19's outside tester said them
(r19d), and the parts of a name or a Medicare number split over messages that the message
before alone does not reveal.

- "eight sixty five fifty five oh one ninety seven": a phone said in tens, without commas;
- "four one two dash five five dash seven seven eight eight": digits said with "dash";
- "email is bobbyjoe at example com": an address without its "dot";
- "[email removed]: nanabevwhitby": the address's user name said again after it;
- "bit dot ly slash nanasbackfund": a link's path after the masked domain;
- "accession number RAD2025-4471 when i call": a radiology or lab record's number;
- "my name is Gertrude" / "Oyelaran-Whitfield", "TE5" / "MK75": split parts.

Each pattern is gated on a word or a substring its matches need (core/privacy/gates.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from core.privacy.gates import gated
from core.privacy.identifiers import EMAIL_MARK, ID_MARK, LINK_MARK, PHONE_MARK, SSN_MARK
from core.privacy.names import NAME_MARK, ordinary, unknown

_DIGIT = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_TENS = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|"
    r"five|six|seven|eight|nine))?)"
)
# P29 (round 19): "my number: eight sixty five fifty five oh one ninety seven": a phone said in
# pairs ("sixty five") and single figures with no comma between the groups (round 16's rule
# needed the commas). Seven to eleven figures read, a pair and a single figure among them,
# and a word of a phone in the message unless the figures make ten or eleven.
TENS_PHONE = gated(
    re.compile(rf"\b(?:{_DIGIT}[\s,-]+)*{_TENS}(?:[\s,-]+(?:{_TENS}|{_DIGIT}))+\b", re.IGNORECASE),
    words=(
        "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen "
        "twenty thirty forty fifty sixty seventy eighty ninety"
    ),
)
_TENS_TOKEN = re.compile(rf"{_TENS}|{_DIGIT}", re.IGNORECASE)
_PHONE_WORDS = re.compile(
    r"\b(?:phone|number|cell|mobile|call|ring|text|reach|contact|tel|landline|home)\b",
    re.IGNORECASE,
)


def _masked_tens_phone(match: re.Match[str]) -> str:
    """TENS_PHONE's replacement (see the pattern)."""
    digits, single, pair = 0, False, False
    for token in _TENS_TOKEN.findall(match.group()):
        if re.fullmatch(_DIGIT, token, re.IGNORECASE):
            digits, single = digits + 1, True
        else:
            digits, pair = digits + 2, True
    if not (single and pair and 7 <= digits <= 11):
        return match.group()
    if digits < 10 and not _PHONE_WORDS.search(match.string):
        return match.group()
    return PHONE_MARK


# S12 (round 19): "ssn is four one two dash five five dash seven seven eight eight": figures said
# one by one with "dash" between the groups; 3-2-4 figures are an SSN, 7 to 11 a phone.
DASHED_DIGITS = gated(
    re.compile(
        rf"\b(?:{_DIGIT}|\d+)(?:\s+(?:{_DIGIT}|\d+))*"
        rf"(?:\s*,?\s*\b(?:dash|hyphen)\b\s*(?:{_DIGIT}|\d+)(?:\s+(?:{_DIGIT}|\d+))*)+\b",
        re.IGNORECASE,
    ),
    words="dash hyphen",
)
_DASH = re.compile(r"\b(?:dash|hyphen)\b", re.IGNORECASE)
_FIGURE_TOKEN = re.compile(rf"\d+|{_DIGIT}", re.IGNORECASE)


def _masked_dashed_digits(match: re.Match[str]) -> str:
    """DASHED_DIGITS's replacement (see the pattern)."""
    groups = [
        sum(len(t) if t.isdigit() else 1 for t in _FIGURE_TOKEN.findall(part))
        for part in _DASH.split(match.group())
    ]
    if groups == [3, 2, 4]:
        return SSN_MARK
    return PHONE_MARK if 7 <= sum(groups) <= 11 else match.group()


# E10 (round 19): "email is bobbyjoe at example com": an address said without its "dot"; the
# top-level domain ends the clause. The user name is no small word ("email me at work com..."
# stays) unless the message speaks of an e-mail.
UNDOTTED_EMAIL = gated(
    re.compile(
        r"(?<![\w.@+-])(?P<local>[\w.+-]{2,64})\s+at\s+[\w-]{2,63}\s+(?:com|net|org|edu|gov)"
        r"(?=\s*(?:[,.;:!?)]|$|\s+(?:and|or|please|pls|thanks|thank|if|i|it)\b))",
        re.IGNORECASE,
    ),
    words="com net org edu gov",
)


def _masked_undotted_email(match: re.Match[str]) -> str:
    local = match.group("local")
    said = "mail" in match.string.lower()
    if not said and ordinary(local) and not re.search(r"[\d_.]", local):
        return match.group()
    return EMAIL_MARK


# E16 (round 19): "my email is my name all together at example dot com: nanabevwhitby": the
# address's user name said after the masked address, after a colon or a dash or "it's"; a
# word in no list of words, or with a figure, an underscore or a dot.
NAME_AFTER_EMAIL = gated(
    re.compile(
        re.escape(EMAIL_MARK) + r"(?P<sep>\s*[:=]\s*|\s+[-\u2013\u2014]\s*"
        r"|,?\s+(?:it['\u2019]?s|i\.?e\.?|that['\u2019]?s|which\s+is|so)\s+)"
        r"(?P<handle>[\w.+-]{3,64})(?![\w@])",
        re.IGNORECASE,
    ),
    needles=EMAIL_MARK,
)


def _masked_name_after_email(match: re.Match[str]) -> str:
    handle = match.group("handle").rstrip(".")
    if re.search(r"[\d_.]", handle) or not ordinary(handle):
        return EMAIL_MARK + match.group("sep") + EMAIL_MARK
    return match.group()


# U14 (round 19): "bit dot ly slash nanasbackfund" was stored "[link removed] slash
# nanasbackfund": a path said or typed after a masked link is the link's.
PATH_AFTER_LINK = gated(
    re.compile(
        re.escape(LINK_MARK)
        + r"(?:\s*(?:/|\b(?:forward\s+|back\s*)?slash\b)\s*[\w.~%+=?&#-]*[\w~%+=#-])+",
        re.IGNORECASE,
    ),
    needles=LINK_MARK,
)
# "is dot gd slash backfund2025": a spoken link with a path, whatever its top-level domain
# (a link shortener's "ly", "gd", "gl" are in no list of them); the "slash" says it is one.
SPOKEN_LINK_WITH_PATH = gated(
    re.compile(
        r"\b[\w-]+(?:\s+dot\s+[\w-]+)*\s+dot\s+[a-z]{2,6}"
        r"(?:\s+(?:forward\s+)?slash\s+[\w.~%+=-]+)+",
        re.IGNORECASE,
    ),
    words="slash",
)
# R13 (round 19): "quote accession number RAD2025-4471 when i call": the number of an imaging
# or lab record (an MRN's kin) after its name, with three figures or letters and figures
# mixed; "order", "exam", "study", "lab" count only with "number" / "#" / "id".
CLINICAL_RECORD_ID = gated(
    re.compile(
        r"(?P<head>\b(?:(?:accession|specimen|requisition|encounter|csn|fin)"
        r"(?:\s*(?:number|num|no\.?|nbr|#|id))?"
        r"|(?:order|exam|study|lab|imaging|radiology|pathology)\s*(?:number|num|no\.?|nbr|#|id)\b)"
        r"\s*(?:is|was|:|=|#|-)?\s*)"
        r"(?P<value>(?=[A-Za-z-]*\d)[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)*)(?![\w-])",
        re.IGNORECASE,
    ),
    words="accession specimen requisition encounter csn fin order exam study lab imaging "
    "radiology pathology",
)


def _masked_clinical_id(match: re.Match[str]) -> str:
    value = match.group("value")
    figures = sum(ch.isdigit() for ch in value)
    mixed = len(value) >= 5 and any(ch.isalpha() for ch in value)
    if figures < 3 and not mixed:
        return match.group()
    return match.group("head") + ID_MARK


def number_passes(text: str) -> str:
    """Phones and SSNs said in words (before the passes that read four words as a phone)."""
    text = DASHED_DIGITS.sub(_masked_dashed_digits, text)
    return TENS_PHONE.sub(_masked_tens_phone, text)


def email_passes(text: str) -> str:
    """An address said without "dot"; a user name said again after a masked address."""
    text = UNDOTTED_EMAIL.sub(_masked_undotted_email, text)
    return NAME_AFTER_EMAIL.sub(_masked_name_after_email, text)


def link_and_record_passes(text: str) -> str:
    """A link's path after its mask; an imaging or lab record's number."""
    text = SPOKEN_LINK_WITH_PATH.sub(LINK_MARK, text)
    text = PATH_AFTER_LINK.sub(LINK_MARK, text)
    return CLINICAL_RECORD_ID.sub(_masked_clinical_id, text)


# X01 (round 19): "my name is Gertrude" / "Oyelaran-Whitfield" / "is it normal to be sore":
# the writer's surname alone opening the message after the one that gave their first name
# (round 14's rule knew it after a relative's name only). Hyphenated or in no list of words.
_SURNAME_ALONE = re.compile(
    r"^\s*(?P<name>[^\W\d_][\w'\u2019]*(?:-[^\W\d_][\w'\u2019]*)*)\s*[.,!;:]?\s*$"
)
_OWN_NAME_AT_END = re.compile(
    r"\b(?i:my\s+name\s+is|my\s+name['\u2019]s|name\s*[:=]|i['\u2019]?m|i\s+am|this\s+is|"
    r"it['\u2019]?s|call\s+me)\s+(?:" + re.escape(NAME_MARK) + r"\s*)+\W*$"
)


def surname_after_own_name(
    previous: str, text: str, redact: Callable[[str], str]
) -> tuple[str, str] | None:
    """(the surname alone in `text` after `previous` ended with the writer's name; the name's
    mark). `previous` may come raw or read back masked; it is redacted only when `text` is
    one such word."""
    match = _SURNAME_ALONE.match(text) if len(text) < 60 else None
    if not match:
        return None
    name = match.group("name")
    if not ("-" in name or unknown(name, slips=False)):
        return None
    if not _OWN_NAME_AT_END.search(redact(previous)):
        return None
    return name, NAME_MARK


# X03 (round 19): "my medicare is 1EG4" / "TE5" / "MK75": a Medicare number (MBI) typed in its
# three parts over three messages; the last part was kept when the first came back masked
# from the database. The middle part ending the message before and the last part alone in
# this one have the MBI's shapes (its letters leave out S, L, O, I, B, Z).
_MBI_LETTER = "[AC-HJKMNP-RT-Yac-hjkmnp-rt-y]"
_MBI_MIDDLE_AT_END = re.compile(rf"(?<![\w-]){_MBI_LETTER}[{_MBI_LETTER[1:-1]}0-9]\d\W*$")
_MBI_LAST_ALONE = re.compile(rf"^\W*(?P<part>{_MBI_LETTER}{{2}}\d{{2}})\W*$")


def mbi_last_part(previous: str, text: str) -> tuple[str, str] | None:
    """(the MBI's last part alone in `text` after its middle part ended `previous`; the id's
    mark)."""
    match = _MBI_LAST_ALONE.match(text) if len(text) < 12 else None
    if not match or not _MBI_MIDDLE_AT_END.search(previous):
        return None
    return match.group("part"), ID_MARK
