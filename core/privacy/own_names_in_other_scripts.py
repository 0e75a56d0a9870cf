"""The writer's own name in Arabic, Hebrew and Persian script after "I am" / "my name is"
(issue 21, round 26, r26b).

Why: names_in_other_scripts.py reads these scripts after "his/her name is" (Arabic اسمي, اسمه)
and after a kin word, but not the writer introducing themselves. Round 26's tester stored
"أنا فاطمة الزهراء، هل الإجراء مؤلم؟" (I am Fatima al-Zahra, does the procedure hurt?, nam052)
and "שמי רבקה כהן, האם זה כואב" (my name is Rivka Cohen, does it hurt?, nam426) raw.

- "my name is" (Hebrew שמי, שמו, שמה, "השם שלי", "קוראים לי"; Persian "اسم من"): a name
  follows for sure, so its first word goes whatever it is, and a second one when it is a
  listed surname or the clause ends after it.
- "I am" / "this is" (Arabic أنا, انا, هذه, هذا, معك; Hebrew אני): a sickness or a feeling
  follows as often as a name ("أنا مريض", I am ill), so only a listed first name goes, with
  the "al-" word or listed surname after it.
"""

from __future__ import annotations

import re

from core.privacy import names_in_other_scripts as scripts

_AR_WORD = re.compile("[\u0621-\u064a\u064b-\u065f\u067e\u0686\u06a9\u06af\u06cc]+")
_HE_WORD = re.compile(r"[\u05d0-\u05ea'\"-]+")
_END = re.compile(r"\s*(?:[,.!?;:\u060c\u061b\u061f]|$)")

# Arabic "I am / this is / with you is", then a listed first name.
AR_SELF = re.compile(
    r"(?<![\u0621-\u064a])(?:\u0623\u0646\u0627|\u0627\u0646\u0627|\u0647\u0630\u0647|\u0647\u0630\u0627"
    r"|\u0645\u0639\u0643)\s+"
)  # أنا انا هذه هذا معك
# Persian "my name (is)": اسم من
FA_NAME_CUE = re.compile(r"(?<![\u0600-\u06ff])\u0627\u0633\u0645\s+\u0645\u0646\s+")
_FA_STOP = frozenset(
    ["\u0627\u0633\u062a", "\u0647\u0633\u062a", "\u0647\u0633\u062a\u0645", "\u0648"]
)  # is, is, I am, and
# Hebrew "my/his/her name (is)", "they call me/him/her".
HE_NAME_CUE = re.compile(
    r"(?<![\u05d0-\u05ea])(?:\u05e9\u05de\u05d9|\u05e9\u05de\u05d5|\u05e9\u05de\u05d4"
    r"|\u05d4\u05e9\u05dd\s+\u05e9\u05dc\u05d9(?:\s+\u05d4\u05d5\u05d0|\s+\u05d4\u05d9\u05d0)?"
    r"|\u05e7\u05d5\u05e8\u05d0\u05d9\u05dd\s+(?:\u05dc\u05d9|\u05dc\u05d5|\u05dc\u05d4))\s+"
)  # שמי שמו שמה / השם שלי (הוא|היא) / קוראים לי|לו|לה
HE_SELF = re.compile(r"(?<![\u05d0-\u05ea])\u05d0\u05e0\u05d9\s+")  # אני
_GATE = re.compile("[\u05d0-\u05ea\u0621-\u064a]")


def _words_after(
    text: str, start: int, word: re.Pattern[str], limit: int = 2
) -> list[re.Match[str]]:
    """Up to `limit` words right after `start`, with nothing but spaces between them."""
    found: list[re.Match[str]] = []
    at = start
    for match in word.finditer(text, start):
        if text[at : match.start()].strip() or len(found) == limit:
            break
        found.append(match)
        at = match.end()
    return found


def _arabic(text: str) -> list[tuple[int, int]]:
    spans = []
    for cue in AR_SELF.finditer(text):
        words = _words_after(text, cue.end(), _AR_WORD)
        if not words or words[0].group() not in scripts._AR_FIRST:
            continue
        end = words[0].end()
        if len(words) == 2:
            last = words[1].group()
            if (last.startswith("\u0627\u0644") and last not in scripts._AR_STOP) or (
                last in scripts._AR_FIRST
            ):
                end = words[1].end()
        spans.append((words[0].start(), end))
    for cue in FA_NAME_CUE.finditer(text):  # "اسم من مریم رضایی است"
        words = _words_after(text, cue.end(), _AR_WORD)
        if not words or words[0].group() in _FA_STOP:
            continue
        end = words[0].end()
        if len(words) == 2 and words[1].group() not in _FA_STOP:
            end = words[1].end()
        spans.append((words[0].start(), end))
    return spans


def _hebrew(text: str) -> list[tuple[int, int]]:
    spans = []
    for cue in HE_NAME_CUE.finditer(text):
        words = _words_after(text, cue.end(), _HE_WORD)
        if not words:
            continue
        end = words[0].end()
        if len(words) == 2 and (
            words[1].group() in scripts._HE_LAST or _END.match(text, words[1].end())
        ):
            end = words[1].end()
        spans.append((words[0].start(), end))
    for cue in HE_SELF.finditer(text):
        words = _words_after(text, cue.end(), _HE_WORD)
        if not words or words[0].group() not in scripts._HE_FIRST:
            continue
        end = words[0].end()
        if len(words) == 2 and words[1].group() in scripts._HE_LAST:
            end = words[1].end()
        spans.append((words[0].start(), end))
    return spans


def masked(text: str, mark: str) -> str:
    """The text with the writer's own name after the cues above replaced by `mark` (only a
    text with a Hebrew or Arabic letter is read)."""
    if not _GATE.search(text):
        return text
    spans = _arabic(text) + _hebrew(text)
    for start, end in sorted(set(spans), reverse=True):
        text = text[:start] + mark + text[end:]
    return text
