"""A question (or other answer that is no name) at the call-back form's name question, and the
name typed at the phone question after it (round 29, issue 21).

Why: round 29's tester (callback-013) answered "What name should they ask for?" with "why do
you need my name". The answer had no question mark, so it was taken as the name: it was
stored in `callback_requests.name` and read back ("Thank you, why do you need my name.").
The real name, typed next at the phone question ("ok fine, Rosalind Petrakis"), was refused
as no phone number.

What the form does now:
- `asks_about_the_name`: an answer that opens with a question word ("why", "what for", "is
  this safe", "do I have to", "who sees it") and names no one (no capitalised word after the
  first, apart from "I") is a question about the form, not a name. The form says why the
  team need a name and asks again (actions/callback.py, NAME_WHY). Like every answer that
  gives no name, it counts as one re-ask: a second answer without a name ends the form
  (NAME_NOT_TAKEN), as a second answer without a number does at the phone question, so the
  form never traps anyone.
- `name_given_late`: at the phone question, a name after words of agreement ("ok fine,
  Rosalind Petrakis", "alright, my name is Rosalind Petrakis") is the name: it replaces the
  name the form holds, and the number is asked again.
"""

from __future__ import annotations

import re

from core.privacy.names import is_first_name, is_surname, ordinary, unknown

# Words a patient says before the question itself ("but why", "ok so what is it for").
_FILLERS = (
    r"(?:(?:but|and|so|ok|okay|um+|uh+|hmm+|er+|wait|sorry|well|hold\s+on|first|hang\s+on|"
    r"hey|excuse\s+me)[\s,.!]+)*"
)
_QUESTION_OPENING = re.compile(
    r"^\W*" + _FILLERS + r"(?:why|what|whats|what['\u2019]s|how|hows|how['\u2019]s|who|whom|"
    r"whose|whos|who['\u2019]s|where|when|which|is|are|was|were|do|does|did|can|could|will|"
    r"would|should|must|may|shall|isn['\u2019]?t|aren['\u2019]?t|don['\u2019]?t|"
    r"doesn['\u2019]?t|wont|won['\u2019]t)\b",
    re.IGNORECASE,
)
_WHY_ALONE = frozenset(["why", "how"])
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
# Capitalised words that name no one in a question ("why do I have to", "is it HIPAA safe").
_NO_ONE = frozenset(["i", "i'm", "i\u2019m", "i'd", "i\u2019d", "i'll", "i\u2019ll", "i've"])


def _names_someone(words: list[str]) -> bool:
    """Is a word after the first capitalised as a name is (not "I", not an acronym)?"""
    for word in words[1:]:
        if word.casefold() in _NO_ONE or not word[:1].isupper():
            continue
        if len(word) > 1 and word.isupper():
            continue  # "HIPAA", "OK": an acronym, not a name
        return True
    return False


def asks_about_the_name(typed: str) -> bool:
    """Is the answer to the name question a question about it, naming no one?"""
    if _QUESTION_OPENING.match(typed) is None:
        return False
    words = _WORD.findall(typed)
    if len(words) == 1 and words[0].casefold() not in _WHY_ALONE:
        return False  # "what?", "huh?": not understood, told there is no name (round 25)
    if typed.isupper():  # "WHY DO YOU NEED MY NAME": capitals say nothing here
        return True
    return not _names_someone(words)


# --- The name typed at the phone question ------------------------------------------------------

# Words of agreement before the name ("ok fine,", "alright then,"), then an optional cue
# ("it's", "my name is"), then two or three name words and nothing else. Two words at least,
# each a known name or a capitalised word in no list: "ok, Home" or "fine, Work" (answers
# about the phone) are no name. Round 28's one-word surname keeps its own path
# (actions/callback_surname.py).
_LATE_NAME = re.compile(
    r"^\W*(?:(?:ok|okay|fine|alright|all\s+right|sure|well|yes|yeah|then|oh|so)[\s,.!]+){1,3}"
    r"(?:(?:it['\u2019]?s|its|it\s+is|this\s+is|i['\u2019]?m|im|i\s+am|(?:my\s+)?name\s+is|"
    r"(?:my\s+)?name['\u2019]s|ask\s+for|call\s+me)\s+)?"
    r"(?P<name>[^\W\d_][\w'\u2019-]*(?:\s+[^\W\d_][\w'\u2019-]*){1,2})[\s.!]*$",
    re.IGNORECASE,
)


def _name_word(word: str) -> bool:
    """A word that is a name here: a known first name or surname that is no ordinary word, or
    a capitalised word in no list."""
    if ordinary(word):
        return False
    return is_first_name(word) or is_surname(word) or (word[:1].isupper() and unknown(word))


def name_given_late(typed: object) -> str | None:
    """The name typed at the phone question after words of agreement, or None."""
    if not isinstance(typed, str) or re.search(r"\d", typed):
        return None
    found = _LATE_NAME.match(typed)
    if found is None:
        return None
    words = found.group("name").split()
    if not all(word[:1].isupper() and _name_word(word) for word in words):
        return None
    return " ".join(words)
