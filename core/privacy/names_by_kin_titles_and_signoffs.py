"""Names the rules left in three shapes round 25's outside tester typed (issue 21, r25n).

- A kin or nickname word used as a title, without "my", before a lower-case first name that
  is also a word: "its for granny peg she cant walk" (nm10: "peg" is a word, and the kin
  rules need "my/her" before the kin word or a word in no list after it). The name must be
  followed by the start of a clause about the person, a comma or the message's end, as in
  `names_after_kin_words` ("granny flat", "grandma will drive", "nana rose from bed" stay).
- A patient's name in capitals after "for" in a message not typed in capitals, as a pasted
  prescription or label gives it: "RX: Calcitonin 200IU for ODALYS PIMENTEL, Rx# ..."
  (id16; capitals in mixed text are read as acronyms, "for MRI", "for BCBS PPO"). Two or
  three words of three letters or more, none an ordinary word, one a census first name or
  surname.
- After "my <kin>", a first name that is also a word before a surname: "MY MOTHER ROSEMARY
  WHITFIELD IS 80", "my mother rosemary whitfield" (both raw: the first name is a herb).
- A sign-off "from <Name>" after a dash or thanks at the message's end, or before ", his /
  her patient": "Thanks Dr Haddad! - from Yusra, his patient" (dr18: taken for a town, then
  stored as "[address removed]"), "Thanks! - from Yusra" (stored raw). A state, a country
  or the hospital's town stays.
"""

from __future__ import annotations

import re

from core.privacy.gate_groups import any_gate
from core.privacy.gates import gated
from core.privacy.names import (
    ALL_KIN,
    MARK,
    NAME_MARK,
    RELATIVE,
    STOP,
    is_first_name,
    is_surname,
    ordinary,
    unknown,
)
from core.privacy.names_after_kin_words import _CLAUSE, _VERBS
from core.privacy.places import HOSPITAL_TOWNS, state_or_country

# Kin words that are also said as a title before the name ("granny peg", "auntie joan").
_KIN_TITLES = (
    "granny gran grandma grandmother grandpa grandad granddad grampa gramps grammy nana nanna "
    "nan nanny nonna nonno oma opa auntie aunty aunt uncle cousin abuela abuelo tia tio "
    "meemaw memaw mamaw pawpaw papaw"
)
KIN_TITLE_NAME = gated(
    re.compile(
        r"\b(?:" + "|".join(_KIN_TITLES.split()) + r")\s+(?P<name>[a-z]{2,})"
        rf"(?:{_CLAUSE}|(?=\s*[.!?]?\s*$)|(?=\s+(?:she|he)\b))",
        re.IGNORECASE,
    ),
    words=_KIN_TITLES,
)
# "MY MOTHER ROSEMARY WHITFIELD IS 80" (nm20's class, raw in any case): after "my <kin>", a
# first name that is also a word ("rosemary", a herb) before a surname goes with it.
KIN_FIRST_AND_SURNAME = gated(
    re.compile(
        rf"\b(?:my|our|his|her|their)\s+{RELATIVE}(?:[\s-]in[\s-]law)?\s+"
        r"(?P<first>[^\W\d_]{2,})\s+(?P<last>[^\W\d_][\w'\u2019-]{2,})(?![\w'\u2019-])",
        re.IGNORECASE,
    ),
    words=" ".join(sorted(ALL_KIN)),
)
# Two or three words in capitals after "for" / "patient" (the caller checks the text is not
# typed in capitals throughout).
CAPITALS_AFTER_FOR = gated(
    re.compile(
        r"\b(?i:for|patient|pt)\b:?\s+(?P<name>[A-Z][A-Z'\u2019-]{2,}(?:\s+[A-Z][A-Z'\u2019-]{2,}){1,2})"
        r"(?![\w'\u2019-])"
    ),
    words="for patient pt",
)
_SMALL_LETTERS = re.compile(r"[a-z]{2,}")
_RELATION = (
    r"patient|daughter|son|wife|husband|mother|father|mom|mum|dad|sister|brother|neighbou?r"
    r"|friend|niece|nephew|grand(?:son|daughter|child)"
)
FROM_SIGNOFF = gated(
    re.compile(
        r"(?:(?:^|[-\u2013\u2014!.]\s*|\b(?i:thanks|thank\s+you|love|regards|cheers|hugs)[\s,!.]*)"
        r"(?i:from)\s+)(?P<name>[A-Z][a-z'\u2019-]+(?:\s+[A-Z][a-z'\u2019-]+){0,2})"
        rf"(?=\s*[.!]*\s*$|,\s*(?i:(?:his|her|your|their)\s+(?:{_RELATION}))\b)"
    ),
    words="from",
)


def _kin_title_names(text: str) -> str:
    found = [
        m.span("name")
        for m in KIN_TITLE_NAME.finditer(text)
        if is_first_name(m.group("name")) and m.group("name").lower() not in _VERBS
    ]
    for start, end in reversed(found):
        text = text[:start] + NAME_MARK + text[end:]
    return text


def _kin_first_and_surnames(text: str) -> str:
    found = [
        (m.start("first"), m.end("last"))
        for m in KIN_FIRST_AND_SURNAME.finditer(text)
        if is_first_name(m.group("first"))
        and len(m.group("first")) > 2
        and m.group("first").lower() not in _VERBS
        and m.group("first").lower() not in STOP  # "my wife in Bristol": "in" is in the census
        and not ordinary(m.group("last"))
        and m.group("last").lower() not in HOSPITAL_TOWNS
        and not state_or_country(m.group("last"))
        and (is_surname(m.group("last")) or unknown(m.group("last")))
    ]
    for start, end in reversed(found):
        text = text[:start] + NAME_MARK + text[end:]
    return text


def _capital_name(match: re.Match[str]) -> str:
    words = match.group("name").split()
    rest = MARK.sub(" ", match.string[: match.start()] + " " + match.string[match.end() :])
    if not _SMALL_LETTERS.search(rest):
        return match.group()  # typed in capitals throughout: the names rules read it
    if any(ordinary(w) for w in words):
        return match.group()
    if not any(is_first_name(w) or is_surname(w) for w in words):
        return match.group()
    return match.group()[: match.start("name") - match.start()] + NAME_MARK


def _signoff_name(match: re.Match[str]) -> str:
    name = match.group("name")
    if name.lower() in HOSPITAL_TOWNS or state_or_country(name) or ordinary(name):
        return match.group()
    return match.group()[: match.start("name") - match.start()] + NAME_MARK


# The four passes below open on their own gates: when none would, none runs (measured: 1.2
# µs -> 0.3 on an ordinary message with no kin word, "for" or "from").
_MAY_APPLY = any_gate(KIN_TITLE_NAME, KIN_FIRST_AND_SURNAME, CAPITALS_AFTER_FOR, FROM_SIGNOFF)


def masked(text: str) -> str:
    """The text with the three shapes' names replaced by the name's mark."""
    if not _MAY_APPLY(text):
        return text
    text = _kin_title_names(text)
    text = _kin_first_and_surnames(text)
    text = CAPITALS_AFTER_FOR.sub(_capital_name, text)
    return FROM_SIGNOFF.sub(_signoff_name, text)
