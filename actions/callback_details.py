"""Details a call-back answer gives beyond the one the form asked for (round 23, issue 21).

Why: round 23's outside tester answered the form as patients do, and the form took the
answer for the wrong thing or ignored it:
- cb15: a phone number typed at the name question became the name. A number alone there is
  the phone; the name is asked again. cb05: "call my daughter instead, Renee Fiorentino 570
  555 0174" held the phone too, and the form asked for it again: a number in the name answer
  fills the phone.
- cb26: "I'd rather not say" was stored as the name. A refusal is told why a name is needed
  and how to reach the department without one.
- cb11: "sorry its John Sweeney", typed at the phone question, was refused as no number and
  the name stayed "Jon". A name correction at a later question replaces the name, as a
  number correction replaces the phone (round 22).
- cb30: "my name is Clementine Osei please call me at 570 555 0121" opened the form, which
  asked for the name again. A name said with a cue and a number in the request fill the form.
- cb22: "yes but call my son Darnell instead at 570 555 0195" at the consent question was not
  understood. A yes with a change takes the change and asks to confirm it.
"""

from __future__ import annotations

import re

from actions.callback_answers import NAME_WORD, NOT_NAME, someone_else

# --- A refusal to give a name ----------------------------------------------------------------

# The whole answer declines ("I'd rather not say", "prefer not to", "don't want to give my
# name", "anonymous", "no"): not a sentence that merely contains "rather" or "no".
_REFUSAL = re.compile(
    r"^\W*(?:(?:i['\u2019]?d|i\s+would|id)\s+)?(?:rather|prefer(?:\s+to)?)\s+not\b|"
    r"^\W*(?:i\s+)?(?:do\s*n['\u2019]?t|dont|won['\u2019]?t|will\s+not|can['\u2019]?t|cannot)"
    r"\s+(?:want\s+to\s+|wish\s+to\s+|like\s+to\s+)?(?:give|say|tell|share|provide)\b|"
    r"^\W*(?:no|nope|none|n/?a|anonymous|anon|skip|pass|not\s+telling|no\s+name|private|"
    r"confidential|none\s+of\s+your\s+business|not\s+saying|no\s+thanks?|no\s+thank\s+you)"
    r"\W*$",
    re.IGNORECASE,
)


def refused_name(typed: object) -> bool:
    """Does the answer to the name question decline to give one?"""
    return isinstance(typed, str) and bool(_REFUSAL.search(typed))


# --- What is left of an answer once its number is taken out ------------------------------------

_PHONE_WORDS = re.compile(
    r"\b(?:my|the|phone|number|no|cell|mobile|home|tel|telephone|is|it['\u2019]?s|its|at|on|"
    r"call|me|reach|you\s+can|can|please|thanks|thank\s+you|ok|okay)\b|[\s,.:;!\-()#]",
    re.IGNORECASE,
)


def only_a_number(typed: str, number: str) -> bool:
    """Is `typed` the number and words about a number only ("570 555 0184", "my cell is ...")?"""
    return not _PHONE_WORDS.sub("", typed.replace(number, " "))


# --- A name, said with a cue ---------------------------------------------------------------------

_NAME_WORD = re.compile(NAME_WORD)
# Words that end a name, or are no name: those of the name answer (callback_answers), and a
# time, a day or a word of the sentence that a request around the name holds.
_NOT_A_NAME = NOT_NAME | frozenset(
    [
        "afternoon",
        "afternoons",
        "any",
        "anytime",
        "call",
        "could",
        "evening",
        "evenings",
        "fine",
        "friday",
        "fridays",
        "i",
        "i'm",
        "im",
        "me",
        "monday",
        "mondays",
        "morning",
        "mornings",
        "no",
        "noon",
        "not",
        "ok",
        "okay",
        "phone",
        "ring",
        "saturday",
        "saturdays",
        "so",
        "sunday",
        "sundays",
        "sure",
        "thursday",
        "thursdays",
        "today",
        "tomorrow",
        "tuesday",
        "tuesdays",
        "us",
        "wednesday",
        "wednesdays",
        "weekday",
        "weekdays",
        "weekend",
        "weekends",
        "would",
        "yes",
        "you",
    ]
)


def _name_at(text: str, capitalised: bool) -> tuple[str | None, int]:
    """The name at the start of `text` (up to four name words) and where it ends."""
    words: list[str] = []
    position = 0
    while len(words) < 4:
        found = _NAME_WORD.match(text, position)
        if found is None:
            break
        word = found.group().rstrip(".'\u2019")
        if word.casefold() in _NOT_A_NAME or (capitalised and not word[:1].isupper()):
            break
        words.append(word)
        position = found.end()
        gap = re.match(r"[ \t]+", text[position:])
        if gap is None:
            break
        position += gap.end()
    return (" ".join(words) or None), position


# A correction of the name typed at a later question: a word of correction, an optional cue,
# then nothing but a name ("sorry its John Sweeney", "oops, I meant Jonathan", "correction:
# my name is john sweeney"). Without a cue that says "name", the name must be capitalised
# ("sorry its fine" is no name).
_NAME_CORRECTION = re.compile(
    r"^\W*(?:sorry|oops|whoops|correction|actually|wait|no)\b[\s,.:;!\-]*"
    r"(?:(?P<strong>(?:my\s+|the\s+)?name\s+is|(?:my\s+)?name['\u2019]s|it['\u2019]?s\s+spelled|"
    r"spelled|spelt)\s+|(?:i\s+mean[t]?|it['\u2019]?s|its|it\s+is|i['\u2019]?m|i\s+am|"
    r"should\s+be|make\s+(?:it|that))\s+)?"
    r"(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_TRAILER = re.compile(r"^[\s,.!]*(?:(?:please|thanks|thank\s+you|not\s+\w+)[\s,.!]*)*$", re.I)


def name_correction(typed: object) -> str | None:
    """The corrected name when a later answer corrects the name, else None."""
    if not isinstance(typed, str) or re.search(r"\d", typed):
        return None
    found = _NAME_CORRECTION.match(typed)
    if found is None:
        return None
    rest = found.group("rest")
    name, end = _name_at(rest, capitalised=found.group("strong") is None)
    if name is None or not _TRAILER.match(rest[end:]):
        return None
    return name


# --- Details given in the request itself ---------------------------------------------------------

# "my name is Clementine Osei", "this is Walt", "I'm Rose Tully": the caller's own name
# (capitalised after "this is" / "I'm", which also lead to "I'm worried ...").
_OWN_NAME_CUE = re.compile(
    r"\b(?:(?P<strong>my\s+name\s+is|my\s+name['\u2019]s|name\s*:)|"
    r"(?:this\s+is|i['\u2019]m|i\s+am))\s+",
    re.IGNORECASE,
)


def name_in_request(typed: object) -> str | None:
    """The caller's name said in the call-back request, or None."""
    if not isinstance(typed, str):
        return None
    for cue in _OWN_NAME_CUE.finditer(typed):
        name, _ = _name_at(typed[cue.end() :], capitalised=cue.group("strong") is None)
        if name is not None:
            return name
    return None


# --- A yes with a change, at the consent question ------------------------------------------------

_YES_WITH_MORE = re.compile(
    r"^\W*(?:yes|yeah|yep|yup|ok|okay|sure|fine|alright|all\s+right)\b[\s,.!;:\-]*"
    r"(?:(?:but|and|though|however|just|only|although)\b[\s,]*)?(?P<change>.+)$",
    re.IGNORECASE | re.DOTALL,
)


def change_at_consent(typed: object) -> tuple[str | None, str] | None:
    """(the relative to ask for or None, the part of the answer holding the change) when the
    consent answer asks the team to call someone else ("yes but call my son Darnell instead
    at 570 555 0195", "call my daughter Lisa instead"); None for a plain yes or no."""
    if not isinstance(typed, str):
        return None
    found = _YES_WITH_MORE.match(typed)
    change = found.group("change") if found else typed
    other = someone_else(change)
    if other is None:
        return None
    return other, change
