"""The bot's own words kept in its stored replies: a detail is masked there only if the patient
gave it.

Why (round 25's outside tester, cb19 and cb21): the call-back form's phone prompt gives an
example, "for example (860) 555-0123"; the stored bot event read "for example [phone removed]",
because every stored string goes through the redaction and the example looks like a phone. Any
figure or name of the bot's templates (an example number, the clinic's extension, a date in an
answer) was open to the same damage, and staff reading the transcript could not tell what the
patient had been told. The bot knows nothing of the patient but what the patient typed (the
form's values come from the patient's messages), so a masked part of a reply whose figures and
words appear in none of the patient's messages is the bot's own text and is put back. A part
the patient did type (the phone repeated in the consent question, a name echoed back) stays
masked, whatever its format: its figures are compared without their separators.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.privacy.redaction import MARKS

# Every mark a stored string may hold: the redaction's and the transcript's own
# ("[detail removed]" for a value the patient gave the form), which always stays.
_ANY_MARK = re.compile(r"\[(?:[a-zA-Z]+ )+removed\]")
OWN_MARKS = frozenset(MARKS)
_NOT_FIGURE = re.compile(r"\D+")
_WORD = re.compile(r"[^\W\d_]{2,}")


class PatientText:
    """What the patient typed in the conversation: the figures of each message (separators
    dropped) and the case-folded words, to ask whether a part of a reply came from them."""

    __slots__ = ("figures", "words")

    def __init__(self, messages: Iterable[str]) -> None:
        listed = list(messages)
        self.figures = [_NOT_FIGURE.sub("", message) for message in listed]
        self.words = frozenset(
            word.casefold() for message in listed for word in _WORD.findall(message)
        )

    def gave(self, part: str) -> bool:
        """Could `part` of a reply be something the patient typed? Any figure run of two or
        more found in a message's figures, or any word of theirs, says yes."""
        figures = _NOT_FIGURE.sub("", part)
        if len(figures) >= 2 and any(figures in typed for typed in self.figures):
            return True
        if any(word.casefold() in self.words for word in _WORD.findall(part)):
            return True
        # A part with neither (a lone figure, punctuation) is judged the patient's only if
        # it has no figures or letters of its own worth keeping: nothing to restore.
        return not figures and not _WORD.search(part)


def kept_own_text(raw: str, stored: str, patient: PatientText) -> str:
    """`stored` (the reply as redacted) with each part a redaction mark covers put back from
    `raw` when the patient did not give it. Unchanged when the two cannot be aligned."""
    if stored == raw:
        return stored
    pieces = _ANY_MARK.split(stored)
    marks = _ANY_MARK.findall(stored)
    if not marks or len(pieces) != len(marks) + 1:
        return stored
    aligned = re.fullmatch(
        "".join(
            re.escape(piece) + ("(.+?)" if index < len(marks) else "")
            for index, piece in enumerate(pieces)
        ),
        raw,
        re.DOTALL,
    )
    if aligned is None:
        return stored
    out = [pieces[0]]
    for index, mark in enumerate(marks):
        part = aligned.group(index + 1)
        out.append(part if mark in OWN_MARKS and not patient.gave(part) else mark)
        out.append(pieces[index + 1])
    return "".join(out)
