"""What the call-back form's answers mean, beyond the value typed (round 22, issue 21).

Why: round 22's outside tester found the call-back table holding what staff cannot use.
- An incomplete number ("617-555-01", callback-289) was taken as the phone: a number laid
  out the North American way (area code, exchange, ...) without all ten figures cannot be
  called, so it is refused with a message that says so.
- A correction typed at the next question ("sorry, 617-555-0115") became the preferred time
  (masked), and the real number was lost: a time or consent answer that is a full number
  with a word of correction, or nothing but a number, replaces the phone instead.
- The name field held sentences ("call my daughter instead, her name is [name removed]",
  callback-286; "Tobias Grint, MRN [ID removed]", callback-412/413): it now holds the name
  staff should ask for: the relative named when the patient asks for them instead, as
  "Lisa Grantham (daughter)"; "surname, first name" typed in lower case as typed
  ("mcintyre, agnes", callback-279); the name without the details typed after it.
"""

from __future__ import annotations

import re

# --- Phone numbers -------------------------------------------------------------------------

# A number laid out the North American way: an area code starting 2-9 (in brackets or not,
# after an optional 1) and a three-figure exchange, then more figures. Such a number has ten
# figures (eleven after the 1); with fewer or more it is a typo, not a number to call.
_NANP_LAYOUT = re.compile(
    r"^(?:1[\s.\-/]*)?\(?[2-9]\d\d\)?[\s.\-/]*\d{3}(?:[\s.\-/]+\d+)+$|"
    r"^(?:1[\s.\-/]*)?\([2-9]\d\d\)[\s.\-/]*\d+(?:[\s.\-/]+\d+)*$"
)
_RUN_OF_FIGURES = re.compile(r"\+?\(?\d[\d\s().\-/]*\d\)?")


def incomplete_number(typed: object) -> bool:
    """Does the answer hold a North American number with a figure too few or too many
    ("617-555-01", "(617) 555-012", "my number is 617 555 01")? Numbers written with + and
    numbers in another layout ("07700 900123", "555 0199") are not judged here."""
    if not isinstance(typed, str):
        return False
    for run in _RUN_OF_FIGURES.findall(typed):
        run = run.strip()
        if run.startswith("+") or not _NANP_LAYOUT.match(run):
            continue
        digits = re.sub(r"\D", "", run)
        if not (len(digits) == 10 or (len(digits) == 11 and digits[0] == "1")):
            return True
    return False


# Words that say the answer corrects what was typed before ("sorry, 617-555-0115", "I mean
# ...", "wrong number, it's ...", "oops, should be ...", "correction: ...").
_CORRECTION = re.compile(
    r"\b(?:sorry|oops|whoops|i\s+mean[t]?|meant|wrong(?:\s+number)?|correction|correct(?:ed)?|"
    r"actually|mistake|typo|should\s+(?:be|have\s+been)|instead|rather|not\s+that|"
    r"(?:the\s+)?(?:right|real|full|whole|correct)\s+(?:number|one))\b",
    re.IGNORECASE,
)
# What may stand around a number that is the whole answer: fillers and words of a number.
_FILLER = re.compile(
    r"\b(?:it['\u2019]?s|it\s+is|is|my|the|number|phone|cell|mobile|no|that['\u2019]?s|"
    r"please|thanks|thank\s+you|ok|okay|here|call|me|on|at)\b|[\s,.:;!\-]",
    re.IGNORECASE,
)


def corrected_number(typed: object, full_numbers: list[str]) -> bool:
    """Is this answer to a later question (the time, the consent) a corrected phone number?

    It holds exactly one full number, and either a word of correction or nothing else
    but fillers ("617-555-0115", "the number is 617 555 0115"). A time with a number in it
    ("after 5, or ring my son on 617-555-0115") is a time answer: its number stays masked."""
    if not isinstance(typed, str) or len(full_numbers) != 1:
        return False
    if _CORRECTION.search(typed):
        return True
    rest = _FILLER.sub("", typed.replace(full_numbers[0], " "))
    return not rest


# --- The name to ask for -------------------------------------------------------------------

RELATION = (
    r"daughter|son|wife|husband|partner|spouse|carer|caregiver|care\s+giver|neighbou?r|"
    r"sister|brother|mother|father|mum|mom|mam|mommy|mummy|dad|daddy|friend|niece|nephew|"
    r"grandson|granddaughter|grandchild|aunt|uncle|cousin|fianc[eé]e?|stepdaughter|stepson|"
    r"daughter[\s-]in[\s-]law|son[\s-]in[\s-]law|boyfriend|girlfriend"
)
_INFORMAL = {"mum": "mother", "mom": "mother", "mam": "mother", "mommy": "mother"}
_INFORMAL |= {"mummy": "mother", "dad": "father", "daddy": "father"}


def plain_relation(typed: str) -> str:
    """The relation as staff read it: "mom" is "mother", "dad" "father" (round 25, cb19/cb23)."""
    relation = " ".join(typed.lower().split())
    return _INFORMAL.get(relation, relation)


# The answer asks for someone else from its first words: "call my daughter instead, her
# name is Lisa Grantham", "ask for my son, Tom Reed", "my wife Mary Smith". An answer that
# opens with the caller's own name ("Mary Smith and my husband Tadeusz Wolski") is the
# caller's: the second person there stays masked (round 16).
_SOMEONE_ELSE = re.compile(
    r"^\s*(?:(?:please|pls|can\s+you|could\s+you|you\s+can|you\s+could)\s+)?"
    r"(?:(?:call|ring|phone|ask\s+for|speak\s+(?:to|with)|talk\s+(?:to|with)|contact|"
    r"it['\u2019]?s|it\s+is|this\s+is|i['\u2019]?m|i\s+am)\s+)?"
    # Round 24: "its for my mother, Wilma Tuttle" was stored as the name "for".
    r"(?:for\s+)?my\s+(?P<relation>" + RELATION + r")\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_NAME_CUE = re.compile(
    r"\b(?:(?:her|his|their|the)\s+name\s+is|(?:her|his|their)\s+name['\u2019]s|"
    r"name\s*(?:is|:)|called|named|she['\u2019]?s|he['\u2019]?s|she\s+is|he\s+is)\s+",
    re.IGNORECASE,
)
NAME_WORD = r"[^\W\d_][\w'\u2019.-]*"
# Words that end the name ("Lisa Grantham please", "Tom and ...").
NOT_NAME = frozenset(
    [
        "and",
        "or",
        "but",
        "please",
        "pls",
        "thanks",
        "thank",
        "on",
        "at",
        "in",
        "after",
        "before",
        "instead",
        "who",
        "she",
        "he",
        "they",
        "will",
        "can",
        "is",
        "was",
        "the",
        "a",
        "an",
        "my",
        "our",
        "her",
        "his",
        "for",
        "to",
        "from",
    ]
)
_WORD = re.compile(NAME_WORD)


def _name_words(text: str, capitalised: bool) -> str | None:
    """The name at the start of `text`: up to four name-like words, stopping at a word that
    is no part of a name. With `capitalised`, each must start with a capital letter."""
    words: list[str] = []
    position = 0
    while len(words) < 4:
        found = _WORD.match(text, position)
        if found is None or found.group().casefold() in NOT_NAME:
            break
        if capitalised and not found.group()[0].isupper():
            break
        words.append(found.group().rstrip(".'\u2019"))
        position = found.end()
        gap = re.match(r"\s+", text[position:])
        if gap is None:
            break
        position += gap.end()
    return " ".join(words) or None


_BEFORE_NAME = re.compile(
    r"^(?:[\s,:;\-\u2013\u2014]*\b(?:instead|please|pls|then|rather|too|thanks|"
    r"thank\s+you)\b)+",
    re.IGNORECASE,
)


def someone_else(text: str) -> str | None:
    """ "Lisa Grantham (daughter)" when the answer asks the team to call a relative and names
    them; None otherwise (the answer is read as the caller's own name)."""
    found = _SOMEONE_ELSE.match(text)
    if found is None:
        return None
    relation = plain_relation(found.group("relation"))
    rest = found.group("rest")
    cue = _NAME_CUE.search(rest)
    if cue is not None:
        name = _name_words(rest[cue.end() :], capitalised=False)
    else:  # "my daughter Lisa Grantham", "my son, Tom Reed"
        # Round 23 (cb05): "call my daughter instead, Renee Fiorentino ..." was stored as
        # "call": words between the relation and the name ("instead", "please") are skipped.
        rest = _BEFORE_NAME.sub("", rest)
        name = _name_words(rest.lstrip(" ,:-\u2013\u2014"), capitalised=True)
    return f"{name} ({relation})" if name else None


# "mcintyre, agnes", "smith, mary ann": a surname, a comma and a first name, all of it name
# words (the round-16 rule kept a tail without a lower-case word only, "SMITH, MARY").
_SURNAME_FIRST = re.compile(
    rf"^\s*(?P<surname>{NAME_WORD})\s*,\s*(?P<first>{NAME_WORD}(?:\s+{NAME_WORD})?)\s*$"
)


def names_no_one(stored: str) -> bool:
    """Is the stored name only words that are no part of a name ("her" of "her number is
    617...", round 24: the name became "her")?"""
    words = [found.group().rstrip(".'\u2019") for found in _WORD.finditer(stored)]
    return all(word.casefold() in NOT_NAME for word in words)


def surname_comma_first(text: str) -> bool:
    """Is the answer a name written "surname, first name" (in any case)?"""
    found = _SURNAME_FIRST.match(text)
    if found is None:
        return False
    words = [found.group("surname"), *found.group("first").split()]
    return not any(word.casefold() in NOT_NAME for word in words)


_FOR_SOMEONE_ELSE = re.compile(r"\((?:" + RELATION + r")\)$", re.IGNORECASE)


def for_someone_else(stored_name: str) -> bool:
    """Is the stored name a relative's, as someone_else() writes it ("Lisa Grantham (daughter)")?"""
    return bool(_FOR_SOMEONE_ELSE.search(stored_name))
