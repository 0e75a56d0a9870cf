"""Typos in the red-flag words and the topic words, corrected before they are read.

Why: "my legs are nmub", "I have a fevr" and "cant breth" are how a frightened patient types
on a phone, and each one missed is a missed emergency. The patterns cannot list every typo,
so every word one slip away (a letter dropped, doubled, swapped or mistyped) from one of the
words below is read as that word, unless the slip is itself an English word ("never" is not
"fever", "chess" is not "chest").

The same table, built from the page's own topic words (`TOPIC_WORDS`), corrects what the
classifiers read (addons/nlu/focus.py): "wat is the sucess rate for vertebroplasy" got the
clarifying question between "what is it" and "how well does it work" instead of the success
rate (issue 24, outside round 2), because "sucess" is a word the classifiers never saw.

Deterministic and cheap: the table of slips is built once (a few thousand entries), and
correcting a message is one dictionary look-up per word.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The words that carry a red flag in the patterns (English; folded, lower case).
RED_FLAG_WORDS = (
    "numb", "numbness", "tingling", "tingly", "weakness", "paralysed", "paralyzed", "legs",
    "feel", "feeling", "fever", "feverish", "temperature", "chills", "shivering", "sweating",
    "clammy", "bladder", "bowels", "control", "urine", "urinate", "breathe", "breathing",
    "breath", "breathless", "chest", "pain", "tight", "tightness", "unconscious", "fainted",
    "collapsed", "swollen", "infected", "redness", "incontinent", "needle", "puncture",
    "wound", "sudden", "suddenly", "severe", "excruciating", "unbearable", "pressure",
    "walk", "stand", "move", "can't", "cannot", "cant", "short", "confused", "confusion",
    "disoriented", "bleeding",
)  # fmt: skip
# The words of the page's topics a patient misspells (folded, lower case); six letters or more,
# so that a slip of one is rarely another word the classifiers know.
TOPIC_WORDS = (
    "vertebroplasty", "vertebra", "vertebrae", "success", "successful", "fracture",
    "fractures", "fractured", "compression", "procedure", "recovery", "recover",
    "osteoporosis", "insurance", "medicare", "complications", "complication", "sedation",
    "anaesthetic", "anesthetic", "cement", "painful", "effective", "treatment", "radiologist",
    "candidate", "preparation", "prepare", "covered", "experience",
)  # fmt: skip
# Words of the spine that the English word list lacks but that are no slips: "vertebral"
# read as "vertebra" sent "why do I need vertebral augmentation?" to the fracture answer.
NOT_SLIPS = frozenset({"vertebral", "vertebro", "spinal", "vertebrals"})
LETTERS = "abcdefghijklmnopqrstuvwxyz'"
WORD = re.compile(r"[a-z']+")
ANY_CASE_WORD = re.compile(r"[A-Za-z']+")


def one_slip_away(word: str) -> set[str]:
    """Every string one deletion, doubling, swap, substitution or insertion from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    inserts = {a + c + b for a, b in splits for c in LETTERS}
    return (deletes | swaps | replaces | inserts) - {word}


@lru_cache(maxsize=2)
def slip_table(words: tuple[str, ...]) -> dict[str, str]:
    """Typo -> the word of `words` it stands for; slips that are English words are left out."""
    from addons.safety.language import english_words  # the same word list as the guard

    english = english_words()
    table: dict[str, str] = {}
    for word in words:
        for typo in one_slip_away(word):
            # Slips of two letters or fewer would be read into too many messages.
            if (
                len(typo) >= 3
                and typo not in english
                and typo not in words
                and typo not in NOT_SLIPS
            ):
                table.setdefault(typo, word)
    return table


def slips() -> dict[str, str]:
    """Typo -> the red-flag word it stands for."""
    return slip_table(RED_FLAG_WORDS)


def correct(folded: str) -> str:
    """`folded` with each known slip replaced by the red-flag word it stands for."""
    table = slips()
    return WORD.sub(lambda m: table.get(m.group(0), m.group(0)), folded)


def correct_topic_words(text: str) -> str:
    """`text` with each slip of a topic word replaced by the word; everything else as typed."""
    table = slip_table(TOPIC_WORDS)
    return ANY_CASE_WORD.sub(lambda m: table.get(m.group(0).lower(), m.group(0)), text)
