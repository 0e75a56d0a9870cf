"""A surname typed at the call-back form's phone question (round 28, issue 21).

Why: round 28's tester answered the name question with "Teodora" and the phone question with
"Vasquez-Lind": the form refused the surname as no number, and the request went to staff
with the name "Teodora". A patient who gave one word for the name and then types what is
plainly the rest of it has added to the name, not failed to give a number.

What the form does: when the name it holds is one word and the answer to the phone question
is one or two words that read as a surname (no figures; each word a known surname that is no
ordinary English word, or a capitalised word in no list of words: "Vasquez-Lind",
"O'Donnell", "Nakamura-Whitfield"), the answer is joined to the name ("Teodora
Vasquez-Lind"), the patient is told so, and the phone question is asked again. The whole
name typed again ("Teodora Vasquez-Lind") replaces the name the same way. This happens at
most once a form (the name then has two words), and it is no refusal of a number, so it does
not count toward the second refusal that ends the form.

Left as a refusal: a surname that is also an ordinary word ("Brown", "Young", "Hill"): at the
phone question it cannot be told from an answer about the phone ("Work", "Home"), so the form
says it needs a number, as before.
"""

from __future__ import annotations

import re

from core.privacy.names import is_surname, ordinary, unknown

# One or two name words: letters, with an apostrophe or a hyphen inside ("O'Donnell",
# "Vasquez-Lind"), or a particle before the surname ("van Dijk", "de la Cruz").
_NAME_WORD = r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*"
_PARTICLE_WORDS = frozenset(
    [
        "van",
        "von",
        "de",
        "del",
        "della",
        "da",
        "di",
        "du",
        "la",
        "le",
        "dos",
        "das",
        "der",
        "den",
        "ter",
        "bin",
        "al",
        "el",
    ]
)
_PARTICLES = r"(?:(?:" + "|".join(sorted(_PARTICLE_WORDS)) + r")\s+){0,2}"
_SURNAME_ANSWER = re.compile(
    rf"^\s*(?P<name>{_PARTICLES}{_NAME_WORD}(?:\s+{_PARTICLES}{_NAME_WORD})?)\s*[.!]?\s*$",
    re.IGNORECASE,
)


def _surname_word(word: str) -> bool:
    """A word that is a surname here: a known one that is no ordinary word, or a capitalised
    word in no list at all (a rarer surname)."""
    if word.casefold() in _PARTICLE_WORDS:
        return True
    if ordinary(word):
        return False
    return is_surname(word) or (word[:1].isupper() and unknown(word))


def joined_name(current: object, answer: object) -> str | None:
    """The name with the surname typed at the phone question, or None.

    `current`: the name the form holds; `answer`: the answer to the phone question."""
    if not isinstance(current, str) or not isinstance(answer, str):
        return None
    first = current.strip()
    if not first or " " in first or "(" in first or "[" in first:
        return None  # a full name, a relative ("Lisa (daughter)"), or a mask
    found = _SURNAME_ANSWER.match(answer)
    if found is None:
        return None
    words = found.group("name").split()
    if words[0].casefold() == first.casefold() and len(words) > 1:
        words = words[1:]  # the whole name typed again: "Teodora Vasquez-Lind"
    if not all(_surname_word(word) for word in words):
        return None
    if all(word.casefold() in _PARTICLE_WORDS for word in words):
        return None
    return f"{first} {' '.join(words)}"
