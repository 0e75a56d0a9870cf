"""Names round 28's tester found stored raw or half masked (issue 21, round 28, r28n).

Four shapes of phrasing the rules did not read:

- a Vietnamese name typed whole, family name, middle name and given name: "nguyen thi lan is
  my mother" (name-044: "[name removed] lan", the given name "lan" is also a word), "tran van
  minh la bo toi" (the rules took "la bo", Vietnamese for "is father", with it). The family
  name is one of the common ones and the middle one of the middle names ("thi" for women,
  "van" for men, ...); the given name after them is the name's end, whatever word it is, and
  the words after it stay;
- a church title right after a kin word, with no surname after it: "My brother Deacon will
  come" (name-038). "My brother Bishop Okafor" was masked (the title's surname); a title
  alone after "my brother" is what the brother is called;
- a first name that is also a word, masked once and said again before a masked surname or as a
  sentence of its own: "grace here. grace [name removed]" (mix-009), "hope. [name removed]
  here" (name-074, where "hope Barrington" went as one). The message said which word is the
  name: where the rules masked the word once, the word said again is the same person;
- after a kin word, a first name that is also a verb and a census surname that is no word:
  "my mom hope kessler had the cement thing" (name-001). After a singular kin word a verb's
  base form is no English ("my mom hopes"), so "hope" there is the mother's name; only a
  surname of the census that is in no list of words after it (not "my mom hope so").

A lone word typed as a whole message ("patience", "deacon": name-005, name-071) is kept: the
bot had asked for no name, and a lone ordinary word is an answer as often as a name
(docs/privacy.md, round 28).
"""

from __future__ import annotations

import re

from core.privacy.gates import gated
from core.privacy.lower_case_names_in_context import _KIN_GATE
from core.privacy.names import (
    _VERB_BEFORE,
    NAME_MARK,
    RELATIVE,
    RELATIVE_WORD,
    STOP,
    is_first_name,
    is_surname,
    ordinary,
    unknown,
)
from core.privacy.names_after_kin_words import _VERBS

# --- Vietnamese names (name-044) -------------------------------------------------------------
# The common family names (about nine in ten Vietnamese have one of these), unaccented and
# accented. "le", "do", "ho", "ha", "la", "ta", "mai", "lam", "ly" are English or French words
# too ("le van est garé": French for "the van"), so those need a given name that is no word.
_FAMILY_WORDS = """nguyen nguyễn tran trần pham phạm hoang hoàng huynh huỳnh phan vu vũ vo võ
dang đặng bui bùi ngo ngô duong dương truong trương dinh đinh trinh trịnh luong lương doan
đoàn cao tô quach quách vuong vương thai thái chau châu"""
_AMBIGUOUS_FAMILY_WORDS = "le lê do đỗ ho hồ ha hà la ta tạ mai lam lâm ly lý"
_FAMILIES = frozenset(_FAMILY_WORDS.split())
_AMBIGUOUS_FAMILIES = frozenset(_AMBIGUOUS_FAMILY_WORDS.split())
# Middle names: "thi" (women), "van" (men) and the common others.
_MIDDLE_WORDS = "thi thị van văn duc đức huu hữu ngoc ngọc quoc quốc cong công dinh đình xuan xuân"
_SYLLABLE = r"[^\W\d_]{1,8}"
VIETNAMESE_NAME = gated(
    re.compile(
        rf"(?<![\w'\u2019-])(?P<family>{_SYLLABLE})[ \t]+"
        rf"(?P<middle>(?:{'|'.join(_MIDDLE_WORDS.split())}))[ \t]+"
        rf"(?P<given>{_SYLLABLE})(?:[ \t]+(?P<second>{_SYLLABLE}))?(?![\w'\u2019-])",
        re.IGNORECASE,
    ),
    words=_MIDDLE_WORDS,
)


def _given_name(word: str, strict: bool) -> bool:
    """A Vietnamese given name's word: no word that ends a name; with a family name that is
    also a word ("le", "do"), no ordinary word either."""
    low = word.lower()
    if low in STOP or (low in _MIDDLES and strict):
        return False
    return not strict or not ordinary(low)


_MIDDLES = frozenset(_MIDDLE_WORDS.split())


def _vietnamese_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in VIETNAMESE_NAME.finditer(text):
        family = m["family"].lower()
        strict = family in _AMBIGUOUS_FAMILIES
        if not (family in _FAMILIES or strict) or not _given_name(m["given"], strict):
            continue
        end = m.end("given")
        # A second given syllable ("nguyen thi thu ha") only when it is no word of the
        # sentence ("tran van minh la bo toi": "la" is Vietnamese "is").
        second = m["second"]
        low = second.lower() if second else ""
        if low and low not in STOP and low not in _NOT_SECOND and unknown(low, slips=False):
            end = m.end("second")
        spans.append((m.start("family"), end))
    return spans


# Vietnamese words that follow a name in a sentence ("la" is, "va" and, "cua" of, "toi" I).
_NOT_SECOND_WORDS = "la là va và cua của toi tôi bo bố me mẹ co có oi ơi"
_NOT_SECOND = frozenset(_NOT_SECOND_WORDS.split())

# --- a church title after a kin word (name-038) ----------------------------------------------
_CLERGY_WORDS = """Deacon Deaconess Bishop Pastor Reverend Elder Chaplain Rabbi Imam Cantor Canon
Vicar Rector Minister Monsignor Apostle Prophet Evangelist"""
KIN_CLERGY_ALONE = gated(
    re.compile(
        rf"\b(?i:my|our|his|her|their)\s+(?i:{RELATIVE})(?:[\s-](?i:in)[\s-](?i:law))?,?\s+"
        rf"(?P<name>{'|'.join(_CLERGY_WORDS.split())})"
        r"(?=\s*$|\s*[.,!?;:)]|\s+[a-z])"
    ),
    words=_CLERGY_WORDS.lower(),
)

# --- a first name that is a verb, then a census surname, after a kin word (name-001) ---------
KIN_VERB_NAME_AND_SURNAME = gated(
    re.compile(
        rf"\b(?:my|our|his|her|their)\s+{RELATIVE}(?:[\s-]in[\s-]law)?\s+"
        r"(?P<first>(?-i:[a-z]{3,}))\s+(?P<last>(?-i:[a-z][a-z'\u2019-]{2,}))(?![\w'\u2019-])",
        re.IGNORECASE,
    ),
    words=_KIN_GATE,  # the kin words are rarer than the verbs
)


def _kin_verb_names(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in KIN_VERB_NAME_AND_SURNAME.finditer(text):
        first, last = m["first"], m["last"]
        if first not in _VERBS or first in STOP or not is_first_name(first):
            continue
        if is_surname(last) and unknown(last, slips=False) and last not in STOP:
            spans.append((m.start("first"), m.end("last")))
    return spans


def _replace(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in sorted(set(spans), reverse=True):
        text = text[:start] + NAME_MARK + text[end:]
    return text


def masked(text: str) -> str:
    """The text with round 28's Vietnamese names, church titles said as a kin's name and
    verb-like first names before a census surname masked (`_redact_plain_once`, before the
    name rules: the words after a Vietnamese name are then read beside a mark, as typed)."""
    spans = _vietnamese_spans(text)
    spans += [m.span("name") for m in KIN_CLERGY_ALONE.finditer(text)]
    spans += _kin_verb_names(text)
    return _replace(text, spans) if spans else text


# --- a first name said again (mix-009, name-074) ---------------------------------------------
_FIRST_BEFORE_MARK = re.compile(
    r"(?<![\w'\u2019-])(?P<first>[a-z]{2,})[ \t]+(?=" + re.escape(NAME_MARK) + ")"
)
# A word standing as a sentence of its own: at the start or after a sentence's end, and before
# one (or "here": "grace here").
_ALONE = r"(?:^|(?<=[.!?;\n])[ \t]*)(?P<first>[a-z]{2,})(?=[ \t]*(?:[.!?;,]|$|[ \t]+here\b))"
_WORD_EDGE = r"(?<![\w'\u2019-]){}(?![\w'\u2019-])"


def _count(text: str, word: str) -> int:
    return len(re.findall(_WORD_EDGE.format(re.escape(word)), text, re.IGNORECASE))


def _masked_elsewhere(original: str, final: str, word: str) -> bool:
    """The word is a first name and the redaction took it (or a word typed so) once: the
    original says it more often than the redacted text."""
    return (
        is_first_name(word)
        and word not in STOP
        and not RELATIVE_WORD.fullmatch(word)
        and _count(original, word) > _count(final, word)
    )


def said_again(original: str, final: str) -> str:
    """The redacted text with a first name that was masked once masked where the message says
    it again, before a name's mark or as a sentence of its own (`redact` calls this last)."""
    if NAME_MARK not in final or original == final:
        return final
    spans = [
        m.span("first")
        for m in _FIRST_BEFORE_MARK.finditer(final)
        if _masked_elsewhere(original, final, m["first"])
        and not _VERB_BEFORE.search(final, 0, m.start())
    ]
    for start, end in sorted(spans, reverse=True):
        final = final[:start] + final[end:].lstrip(" \t")
    alone = [
        m.span("first")
        for m in re.finditer(_ALONE, final, re.MULTILINE)
        if _masked_elsewhere(original, final, m["first"])
    ]
    return _replace(final, alone) if alone else final
