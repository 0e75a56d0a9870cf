"""The answer to the call-back form's "What name should they ask for?", read once (round 25).

Why: the name answer was read by rules that grew phrase by phrase (rounds 16-24), each
anchored at the start of the answer. Round 25's outside tester answered as patients do and
found the wrong part stored in 8 of 24 forms, and two real names refused:
- a correction inside the answer ("Rory... sorry I meant Rory Delacroix-Hume", "Maeve, no
  sorry, Maeve O'Sullivan-Park") stored the whole sentence, or the first try;
- a lead-in before the relative ("no wait, my son Leopold ...", "what about my mom Greta
  Lindholm, can she have it?", "Sorry it's for my dad. His name is Wendell Baptiste") stored
  the lead-in ("no wait", "what about", "Sorry it's");
- the patient's role before the name ("I'm the patient, Benedikt Strauss, born ...", "Dr
  Okafor's patient Lena Fairweather") stored "the patient", or the doctor's name with it;
  "it's me, the patient" (no name at all) was stored and thanked as "me, the patient";
- "It's for my mother, please ask for Henrietta Vance" and "Will" were refused without a word.

`read_name_answer` reads the whole answer once and says what it is: whom the team should
ask for (the patient or someone else, with the relation), a number typed with it, and
whether the answer refuses, corrects itself, or holds no name at all. The form then asks only
for what is missing (actions/callback.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from actions.callback_answers import NAME_WORD, NOT_NAME, RELATION, plain_relation
from actions.callback_details import refused_name
from actions.callback_name_question import asks_about_the_name

Kind = Literal["name", "refusal", "patient_no_name", "no_name", "question"]


@dataclass(frozen=True)
class NameAnswer:
    """What a name answer says.

    kind: "name" (a name to ask for), "refusal" (declines to give one), "patient_no_name"
    (the patient says it is them, without a name: "it's me, the patient"), "no_name" (no
    name in it at all: a question, a word that names no one).
    text: for "name", the part of the answer that holds the name (details after it are cut by
    the caller's name_field); relation: the relative asked for instead, plain ("mother");
    corrected: the answer corrected itself ("Rory... sorry I meant Rory Delacroix-Hume").
    """

    kind: Kind
    text: str | None = None
    relation: str | None = None
    corrected: bool = False


# --- A correction inside the answer ------------------------------------------------------------

# Round 25 (cb02, cb08): a word of correction after a first try; what follows it is the
# answer. "no" counts only between commas or before sorry/wait ("Maeve, no, Maeve ..."), so
# "Noelle" or "Nona Pryce" are never read as a correction.
_CORRECTION = re.compile(
    r"(?:^|\.{2,}|\u2026|[,;:.!?\-\u2013\u2014]|\s)\s*"
    r"(?:(?:no|nope)\s*[,.!]?\s*(?:sorry|wait|hang\s+on)|sorry|oops|whoops|"
    r"i\s+mean[t]?|no\s+wait|wait|correction|scratch\s+that|(?<=,)\s*no(?=\s*,))\b"
    r"[\s,.:;!\-\u2013\u2014]*(?:i\s+mean[t]?\b|it\s+should\s+be\b|make\s+(?:it|that)\b)?"
    r"[\s,.:;!\-\u2013\u2014]*",
    re.IGNORECASE,
)


def _after_correction(text: str) -> tuple[str, bool]:
    """The answer after its last correction, and whether a first try stood before it.

    A word of correction at the very start ("Sorry it's for my dad", "no wait, my son ...")
    is an opener: what follows is read, and nothing was corrected."""
    last = None
    for found in _CORRECTION.finditer(text):
        if found.end() < len(text):
            last = found
    if last is None:
        return text, False
    before = text[: last.start()].strip(" ,.;:!?-\u2013\u2014\u2026")
    return text[last.end() :], bool(_NAME_WORD.search(before))


# --- The patient's role before a name ----------------------------------------------------------

# Round 25 (cb05, cb16, cb18): "I'm the patient, Benedikt Strauss", "it's me, the patient",
# "Dr Okafor's patient Lena Fairweather", "me (the patient) - Ann". The role says who the
# team will speak to; the name after it is the name.
_ROLE = re.compile(
    r"^\W*(?:(?:it['\u2019]?s|its|it\s+is|this\s+is|i['\u2019]?m|im|i\s+am|that['\u2019]?s|"
    r"that\s+is)\s+)?(?:(?:just\s+)?(?:me|myself)\b[\s,.:;!()\-\u2013\u2014]*)?"
    r"(?:(?:(?:dr|doctor)\.?\s+" + NAME_WORD + r"['\u2019]s\s+|the\s+|a\s+|your\s+)?"
    r"patient(?:\s+(?:myself|here|himself|herself))?\b[\s,.:;!()\-\u2013\u2014]*)?"
    r"(?:(?:my\s+name\s+is|name\s+is|name['\u2019]s|named|called|is)\b[\s,.:;\-]*)?",
    re.IGNORECASE,
)
_SELF = re.compile(r"\b(?:me|myself|patient)\b", re.IGNORECASE)


def _after_role(text: str) -> tuple[str, bool]:
    """The answer after the patient's role ("I'm the patient, ..."), and whether it had one."""
    found = _ROLE.match(text)
    if found is None or not _SELF.search(found.group()):
        return text, False
    return text[found.end() :], True


# --- A relative, wherever the answer names them --------------------------------------------

# Round 25 (cb01, cb06, cb19, cb23): the relative may come after words that are no name
# ("what about my mom ...", "no wait, my son ...", "Sorry it's for my dad."): "my <relation>"
# is found anywhere after such words only. An answer that opens with a name ("Mary Smith and
# my husband Tadeusz Wolski") is the caller's own (round 16): the second person stays masked.
_MY_RELATIVE = re.compile(r"\bmy\s+(?P<relation>" + RELATION + r")\b", re.IGNORECASE)
_LEAD_WORDS = frozenset(
    [
        "a",
        "about",
        "actually",
        "all",
        "and",
        "ask",
        "be",
        "call",
        "calling",
        "can",
        "could",
        "do",
        "for",
        "hello",
        "hi",
        "how",
        "i",
        "i'm",
        "id",
        "i'd",
        "im",
        "is",
        "it",
        "it's",
        "its",
        "just",
        "maybe",
        "no",
        "now",
        "of",
        "oh",
        "ok",
        "okay",
        "on",
        "please",
        "pls",
        "rather",
        "really",
        "right",
        "ring",
        "should",
        "so",
        "sorry",
        "speak",
        "talk",
        "that",
        "the",
        "then",
        "they",
        "this",
        "to",
        "wait",
        "want",
        "well",
        "what",
        "whats",
        "what's",
        "who",
        "will",
        "with",
        "would",
        "yes",
        "you",
    ]
)
# Words between the relation and the name: "my mother, please ask for Henrietta Vance", "my
# dad. His name is ...", "my son instead: Tom Reed".
_BETWEEN = re.compile(
    r"^(?:[\s,.:;!\-\u2013\u2014]*\b(?:instead|please|pls|then|rather|too|thanks|thank\s+you|"
    r"ask\s+for|call|ring|phone|speak\s+(?:to|with)|talk\s+to|and|so|she|he|they|who|"
    r"(?:her|his|their|the)\s+name\s+is|(?:her|his|their)\s+name['\u2019]s|name\s*(?:is|:)|"
    r"called|named|is|it['\u2019]?s|its|it\s+is|she['\u2019]s|he['\u2019]s)\b)+"
    r"[\s,.:;!\-\u2013\u2014]*",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(NAME_WORD)
# Words that end a name ("Leopold will take it", "Greta Lindholm, can she ...").
_ENDS_NAME = NOT_NAME | frozenset(
    [
        "could",
        "would",
        "should",
        "may",
        "might",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "wants",
        "likes",
        "takes",
        "picks",
        "handles",
        "answers",
        # Round 29 (callback-003): the caller introducing themself after the relative's name
        # ("ask for my daughter Joan, I'm her mom Ethel" stored "Joan I'm (daughter)").
        "i",
        "i'm",
        "i\u2019m",
        "im",
        "i'd",
        "i\u2019d",
        "i'll",
        "i\u2019ll",
        "this",
        "that",
        "it's",
        "it\u2019s",
        "its",
        "me",
    ]
)


def _name_at(text: str) -> str | None:
    """Up to four capitalised name words at the start of `text` (as typed)."""
    words: list[str] = []
    end = 0
    for found in _NAME_WORD.finditer(text):
        gap = text[end : found.start()]
        word = found.group().rstrip(".'\u2019")
        end = found.end()
        if words and gap.strip(" \t"):
            # "Greta Lindholm, can ...": a comma ends the name. Round 29 (callback-003): the
            # gap was read as its last character only, the space after the comma, so "Joan, I'm"
            # ran on; the whole gap is read now.
            break
        if word.casefold() in _ENDS_NAME or not word[:1].isupper() or len(words) == 4:
            break
        words.append(word)
    return " ".join(words) or None


def _relative(text: str) -> tuple[str, str] | None:
    """(the relative's name, the plain relation) when the answer asks for a relative by name
    after words that are no name; None otherwise."""
    for found in _MY_RELATIVE.finditer(text):
        lead = re.findall(r"[^\W\d_][\w'\u2019]*", text[: found.start()])
        if any(word.casefold() not in _LEAD_WORDS for word in lead):
            return None  # a name before the relative: the caller's own (round 16)
        rest = _BETWEEN.sub("", text[found.end() :])
        name = _name_at(rest)
        if name is not None:
            return name, plain_relation(found.group("relation"))
    return None


# --- A word alone -------------------------------------------------------------------------------

# Round 25 (cb04): "Will" was refused: a one-word answer to the name question is a name,
# whatever else the word means, unless it is a word that names no one here.
_NO_NAME_ALONE = frozenset(
    [
        "me",
        "myself",
        "i",
        "her",
        "him",
        "them",
        "us",
        "you",
        "it",
        "yes",
        "yeah",
        "yep",
        "no",
        "ok",
        "okay",
        "hi",
        "hello",
        "hey",
        "what",
        "why",
        "who",
        "how",
        "huh",
        "sure",
        "thanks",
        "help",
        "patient",
        "the",
    ]
)
_SELF_ALONE = frozenset({"me", "myself", "patient"})
# Round 29 (callback-013): a question word alone ("why", "how come") asks about the name.
_QUESTION_ALONE = frozenset({"why", "how"})
_QUESTION = re.compile(r"\?\s*$")


def _word_alone(text: str) -> str | None:
    """The one word the answer is, or None."""
    found = re.fullmatch(r"\W*(" + NAME_WORD + r")[\s.!]*", text)
    return found.group(1).rstrip(".'\u2019") if found is not None else None


def read_name_answer(typed: str) -> NameAnswer:
    """What the answer to "What name should they ask for?" says (see the module's docstring).

    The caller reads the number typed with it (actions/callback.py) and cuts any detail after
    the name (name_field); this says whose name it is and where it stands."""
    if refused_name(typed):
        return NameAnswer("refusal")
    text, corrected = _after_correction(typed)
    word = _word_alone(text)
    if word is not None and word.casefold() in _SELF_ALONE:
        return NameAnswer("patient_no_name")
    if word is not None and word.casefold() in _QUESTION_ALONE:
        return NameAnswer("question")
    if word is not None and word.casefold() in _NO_NAME_ALONE:
        return NameAnswer("no_name")
    if word is not None:
        return NameAnswer("name", word, corrected=corrected)
    relative = _relative(text)
    if relative is not None:
        return NameAnswer("name", relative[0], relative[1], corrected)
    if asks_about_the_name(text):  # round 29 (callback-013): "why do you need my name"
        return NameAnswer("question")
    rest, had_role = _after_role(text)
    if had_role:
        if _NAME_WORD.search(rest) is None:
            return NameAnswer("patient_no_name")
        return NameAnswer("name", rest, corrected=corrected)
    if _QUESTION.search(text) and _name_at(text) is None:
        return NameAnswer("no_name")
    return NameAnswer("name", text, corrected=corrected)
