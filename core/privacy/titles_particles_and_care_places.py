"""Where a found name really starts and ends, and when it is no patient's name at all: a
clinician's title before it, a surname's particles inside it, a place of care after it, a
first name in capitals before it (issue 21, round 25, r25n).

Why: several rules find names, and each drew its span its own way; round 24 kept a
clinician's surname typed alone after Dr (docs/privacy.md) only when the span found was that
one word. Round 25's outside tester found the others:
- the span held the title too, so the surname and the title went: "DR. MBEKI SAID ..."
  (dr11, read in lower case), "Dr Brandt, Dr Liu and ..." (dr12: the first of two people),
  "Thanks Dr Haddad!" (dr18: a sign-off), "Doctora Beatriz Salgado" (dr19);
- a title in another language the bot answers in was not one: "Dra. Fernández" (dr13);
- a surname with particles ("Doctor Pieter van der Berg", dr04) lost only its last word,
  and "Pieter", a word alone after the title, was kept as a surname;
- "Is Mercy Hospital the same? ... my wife, Mercy Adeyemi" (nm21): the name said again
  was masked inside the hospital's name;
- "ROSEMARY WHITFIELD IS MY MOTHER" (nm20): in a message in capitals the first name that
  is also a word (a herb) was not joined to the surname found after it.
So every found span passes `spans_without_titles` (from `names.without_kept`, which the
rules' and the learned scorer's finds pass), whichever rule found it.
"""

from __future__ import annotations

import re

from core.privacy.gates import gated
from core.privacy.names import (
    NAME_MARK,
    RELATIVE_WORD,
    TITLE_BEFORE,
    TITLES,
    is_first_name,
    ordinary,
)

_TITLE_AT = re.compile(rf"{TITLES}\s+", re.IGNORECASE)
_TITLE_ALONE = re.compile(TITLES, re.IGNORECASE)
# The particles of a surname: "van der Berg", "de la Cruz", "von Trapp", "bin Laden",
# "al Rashid", "dos Santos", "ter Horst" (lower case as typed; a capital after them).
_PARTICLE = (
    r"(?:van|von|der|den|de|del|della|delle|di|da|das|do|dos|du|la|le|los|las|bin|binti|ibn"
    r"|al|el|ter|ten|zu|af|ap)"
)
_PARTICLES_AFTER = re.compile(rf"[ \t]+(?:{_PARTICLE}[ \t]+){{1,3}}[A-Z][\w'\u2019-]*")
_PARTICLES_BEFORE = re.compile(rf"([A-Z][\w'\u2019-]*)[ \t]+(?:{_PARTICLE}[ \t]+){{1,3}}$")
# A place of care named after a person or a saint's virtue ("Mercy Hospital", "John Dempsey
# Hospital", "Grace Clinic"): the capital says it is the place's name, kept as places are.
_CARE_PLACE_AFTER = re.compile(
    r"[ \t]+(?:Hospital|Clinic|Medical\s+(?:Center|Centre|Group)|Health(?:care)?|Infirmary"
    r"|Hospice|Memorial|Rehab(?:ilitation)?|Institute|Surgical|Spine|Orthopa?edics)\b"
)


def _title_cut(text: str, start: int, end: int) -> int:
    """Where the name starts once a title at the span's start is left out ("Dr Brandt" ->
    "Brandt": the title is no part of anyone's name, and "Dr [name removed]" is the doc's)."""
    match = _TITLE_AT.match(text, start, end)
    return match.end() if match and match.end() < end else start


def _with_particles(text: str, start: int, end: int) -> tuple[int, int]:
    """The span grown over a surname's particles and the word before or after them."""
    after = _PARTICLES_AFTER.match(text, end)
    if after:
        end = after.end()
    before = _PARTICLES_BEFORE.search(text, max(0, start - 50), start)
    if before:
        word = before.group(1)
        title = TITLE_BEFORE.search(text, max(0, before.start(1) - 14), before.start(1))
        if title or is_first_name(word) or not ordinary(word):
            start = before.start(1)
    return start, end


def _surname_alone_after_title(text: str, start: int, end: int) -> bool:
    """One word right after a clinician's title: the clinician's surname, kept by design."""
    word = text[start:end]
    return not any(c.isspace() for c in word) and bool(
        TITLE_BEFORE.search(text, max(0, start - 14), start)
    )


def before_care_place(text: str, end: int) -> bool:
    """Does a capitalised word of a place of care follow ("Mercy Hospital")?"""
    return _CARE_PLACE_AFTER.match(text, end) is not None


def spans_without_titles(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The found names without a title at their start, with a surname's particles, and
    without a clinician's surname typed alone after the title or a place of care's name."""
    out: list[tuple[int, int]] = []
    for start, end in found:
        if _TITLE_ALONE.fullmatch(text, start, end):
            continue  # "La Dra. Fernández": the title itself was read as a name
        start = _title_cut(text, start, end)
        start, end = _with_particles(text, start, end)
        if _surname_alone_after_title(text, start, end) or before_care_place(text, end):
            continue
        out.append((start, end))
    return out


# A word in capitals right before a name's mark, in a message typed in capitals.
_CAPITAL_WORD_BEFORE_MARK = gated(
    re.compile(r"(?<![\w'\u2019-])([A-Z][A-Z'\u2019-]+)[ \t]+(?=" + re.escape(NAME_MARK) + ")"),
    needles=NAME_MARK,
)
# Words that are first names in the census but, before a name in capitals, are the sentence:
# a modal or a verb ("WILL [name] NEED A DRIVER", "CAN [name] COME", "ASK [name]").
_NOT_JOINED_WORDS = """will may can could would should shall must did does do ask tell call let
see hope pray thank thanks love miss dear hi hello hey"""
_NOT_JOINED = frozenset(_NOT_JOINED_WORDS.split())


def first_names_joined_in_capitals(text: str) -> str:
    """In a message typed in capitals, a census first name that is also a word right before a
    masked surname is the name's first part ("ROSEMARY [name removed] IS MY MOTHER")."""

    def joined(match: re.Match[str]) -> str:
        word = match.group(1).lower()
        if word in _NOT_JOINED or RELATIVE_WORD.fullmatch(word) or not is_first_name(word):
            return match.group()
        return ""

    return _CAPITAL_WORD_BEFORE_MARK.sub(joined, text)
