"""Who someone is and where they live: what no red flag is made of.

Why (round 21's outside tester): "wife is Joy, my name is Cliff and we're from Brattleboro"
was the model's own "emergency" (0.64, no red-flag pattern in it), and the good-time answer
of the call-back form "mornings, I'm at 42 Penny Lane apt 3" matched the fever pattern "at
42" (a reading of 42 degrees). Names, relations, towns and house numbers are not symptoms:
- `only_introductions`: a message made only of introductions (a name, a relation's name,
  where someone is from or lives) and nothing of the body, a symptom or an alarm does not
  keep the model's "emergency" (red_flags.lower_model_only, like fear alone);
- `NOT_AN_ADDRESS`: a number read as a temperature is no temperature when a street or a
  flat follows it ("at 42 Penny Lane", "is 39 Elm St", "at 40, apt 2").
The red-flag patterns decide before either: a message that reports a symptom is untouched.
"""

from __future__ import annotations

import re

# Street words (as core/privacy/identifiers.py has them, lower case: the net reads folded
# text) and the words of a flat or room in a home.
_STREET_WORDS = (
    r"street|st|avenue|ave|boulevard|blvd|road|rd|lane|ln|drive|dr|court|ct|place|pl|circle|"
    r"cir|terrace|ter|parkway|pkwy|highway|hwy|square|plaza|crescent|gardens|heights|way"
)
_UNIT_WORDS = r"apt|apartment|unit|suite|flat|lot|#"
# Words that continue a temperature's sentence, never a street's name: "39 and the dr said".
_NOT_A_STREET_NAME = (
    r"(?:and|or|but|so|the|a|since|now|today|tonight|this|last|all|again|at|for|with|when|"
    r"degrees?|deg|c|f|my|his|her|he|she|i|it|is|was|dr)\b"
)
NOT_AN_ADDRESS = (
    r"(?!,?\s+(?:(?!" + _NOT_A_STREET_NAME + r")[a-z][\w'.-]*\s+){1,3}(?:" + _STREET_WORDS + r")\b"
    r"|,?\s*(?:" + _UNIT_WORDS + r")\.?\s*#?\s*\d)"
)

# A name: one or two words, not a state ("my husband is in pain", "she's not well").
_NAME = (
    r"(?!(?:in|at|on|not|so|very|really|too|a|an|the|having|being|feeling|getting|going|"
    r"still|now|unwell|ill|sick|off|out|up|down|under|over|with|without|no)\b)"
    r"[a-z][\w'.-]*(?:\s+[a-z][\w'.-]*)?"
)
_RELATION = (
    r"(?:(?:my|our|his|her|the)\s+)?(?:wife|husband|partner|son|daughter|mum|mom|mother|dad|"
    r"father|brother|sister|friend|carer|caregiver|neighbou?r|grand(?:son|daughter|ma|pa)|"
    r"aunt|uncle|niece|nephew)(?:'s\s+name)?"
)
_PERSON = r"(?:i|we|he|she|they|i'?m|we'?re|he'?s|she'?s|they'?re)"
# One clause of an introduction (folded text: lower case).
_INTRODUCTION = re.compile(
    r"(?:(?:hi|hello|hey|ok|okay|well|so|and|also)\s+)*(?:"
    r"(?:hi|hello|hey|good\s+(?:morning|afternoon|evening))(?:\s+there)?|"
    r"(?:my|our|his|her)\s+names?\s+(?:is|are|'s)\s+"
    + _NAME
    + r"|(?:my|our)\s+name'?s\s+"
    + _NAME
    + r"|(?:i\s+am|i'?m|this\s+is|it'?s)\s+"
    + _NAME
    + r"\s+here"
    + r"|"
    + _RELATION
    + r"\s+(?:is|'s|is\s+called|called)\s+"
    + _NAME
    + r"|(?:"
    + _PERSON
    + r"|(?:i|we|he|she|they)\s+(?:are|is|am))\s+(?:originally\s+)?"
    r"(?:from|in|at|near|out\s+in|up\s+in|down\s+in|over\s+in)\s+[\w'.\s-]{1,40}"
    + r"|"
    + _PERSON
    + r"\s+(?:live|lives|living|stay|stays|staying|come|comes)\s+"
    r"(?:in|at|near|from|out\s+in|up\s+in|down\s+in)\s+[\w'.\s-]{1,40}" + r")"
)
# Where a clause ends: a comma, a semicolon, a full stop, "and", a line.
_CLAUSE = re.compile(r"\s*(?:[,;.!\n]+|\s(?:and|&)\s)\s*")


def only_introductions(read: str) -> bool:
    """Is every clause of folded `read` an introduction (see the module)?

    The caller also checks that nothing of the body or an alarm is in the message.
    """
    clauses = [c for c in _CLAUSE.split(read.strip()) if c.strip()]
    return bool(clauses) and all(_INTRODUCTION.fullmatch(c.strip()) for c in clauses)
