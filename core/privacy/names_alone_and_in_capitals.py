"""Names round 26's outside tester (t21r26) found stored raw where the message gives no
other cue than its own shape (issue 21, round 26, r26b).

Why: the name rules in names.py start from a cue ("my name is", "my husband") and read a
capital as a sign of a name. These shapes carry the name without one of those:

- a first name alone as a sentence right after a greeting: "Hi. Summer. Question about
  driving after" (nam032), "Hi. Autumn. Mum of Robin." (nam423). Summer and Autumn are also
  words, which is why no rule took them; a word that is no first name stays ("Hi. Fine.
  Question ...", "Hi. Sorry.", "Hello. Quick question");
- a family's name in the plural after "the", typed in capitals: "WE ARE THE MCALLISTERS, OUR
  MOM NEEDS THE PROCEDURE" (nam296), "THE HENDERSONS would like a tour" (nam422). A text in
  capitals is read in lower case (names.redact_names), where "the Hendersons" lost its
  capital; here the word is read as typed. A plural of an English word stays ("THE NURSES",
  "THE RESULTS"): it must be a known surname's plural, or a word in no list;
- a surname that is also a word after a first name the rules masked behind "it's" / "I'm" /
  "this is": "its Hyacinth Bucket, 14 Blossom Ave" (mix267) was stored "its [name removed]
  Bucket". A capitalised word that ends the clause there goes with the name; a greeting or
  thanks word stays ("I'm Rose. Thanks", "it's Ann Again, sorry": the small words);
- the name that answers a question about a name in the message before: "name?" / "Barnaby"
  (nam425), "my mothers name" / "is Euphemia" (spl248: the possessive without its
  apostrophe, and the answer opening with "is"), for `redaction.continuation`, which both
  `redact_continuation` and the transcript (core/privacy/transcripts.py) read.
"""

from __future__ import annotations

import re

from core.privacy import names as n
from core.privacy import names_by_clause_and_paste as clause_names
from core.privacy.gates import gated

NAME_MARK = n.NAME_MARK

# --- a first name alone after a greeting (nam032, nam423) --------------------------------------
# The greeting opens the message or a sentence; then punctuation, the name (one word, or two:
# "Hi. Summer Lane."), and the sentence ends at once.
GREETED_NAME = gated(
    re.compile(
        r"(?:^|(?<=[.!?\n]))\W*(?i:hi|hello|hey|hiya|heya|dear|greetings|good\s+(?:morning|"
        r"afternoon|evening)|morning|evening)\s*[.!,;:\u2014\u2013-]+\s*"
        r"(?P<name>[A-Z][a-z'\u2019-]+(?:\s+[A-Z][a-z'\u2019-]+)?)(?=\s*(?:[.!,;:?]|$))"
    ),
    words="hi hello hey hiya heya dear greetings morning afternoon evening",
)
# First names that stand as a sentence of their own as words: "Hi. So. Question", "Hi. Ok.".
_NOT_ALONE_AFTER_GREETING = frozenset(
    [
        "ok",
        "so",
        "my",
        "in",
        "an",
        "man",
        "many",
        "miss",
        "see",
        "numbers",
        "un",
        "ma",
        "pa",
        "na",
        "ha",
        "mi",
        "yes",
        "no",
        "the",
        "sunday",
        "sun",
        "soon",
        "young",
        "noble",
        "lean",
        "long",
        "page",
        "ima",
        "lady",
        "major",
    ]
)
_DAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def _greeted_name_word(word: str) -> bool:
    """A word that is a first name alone after a greeting: a listed first name (one that is
    also an English word included: Summer, Autumn, Grace), or a word in no list."""
    low = word.lower()
    if low in _NOT_ALONE_AFTER_GREETING or low in _DAYS or low in n.STOP or low in n.OPENERS:
        return False
    return n.is_first_name(word) or n.unknown(word)


def _greeted_names(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in GREETED_NAME.finditer(text):
        words = match.group("name").split()
        if not _greeted_name_word(words[0]):
            continue
        if len(words) == 2 and not (n.is_surname(words[1]) or n.unknown(words[1])):
            continue  # "Hi. Grace Period?" no; "Hi. Summer Okafor." yes
        spans.append(match.span("name"))
    return spans


# --- a family's name in the plural, in capitals (nam296, nam422) -------------------------------
CAPITAL_FAMILY = re.compile(
    r"\b(?i:the)\s+(?P<name>[A-Z][A-Z'\u2019]*(?:-[A-Z][A-Z'\u2019]*)*S)\b(?!['\u2019-])"
)


def _family_word(word: str) -> bool:
    """A plural that is a family's name: not an English word, and a known surname's plural
    ("HENDERSONS", "MCALLISTERS"), hyphenated, or a long word in no list."""
    if n.ordinary(word) or not n.unknown(word, slips=False):
        return False
    if "-" in word:
        return True
    low = word.lower()
    singulars = [low[:-1]] + ([low[:-2]] if low.endswith("es") else [])
    if any(n.is_surname(s) for s in singulars):
        return True
    return len(low) >= 7 and all(n.unknown(s, slips=False) for s in singulars)


def _capital_families(text: str) -> list[tuple[int, int]]:
    return [m.span("name") for m in CAPITAL_FAMILY.finditer(text) if _family_word(m.group("name"))]


# --- a surname that is a word after a first name masked behind "it's" / "I'm" (mix267) ---------
SURNAME_AFTER_SELF_MARK = re.compile(
    r"(?i:\b(?:it['\u2019]?s|i['\u2019]?m|i\s+am|this\s+is|my\s+name\s+is|my\s+names|"
    r"name['\u2019]s)[\s,]+)"
    + re.escape(NAME_MARK)
    + r"\s+(?P<name>[A-Z][\w'\u2019]*(?:-[A-Z][\w'\u2019]*)?)"
    r"(?=\s*(?:[,.!?;:]|$)|\s+(?i:here|again|speaking|from)\b)"
)
# Words that may end such a clause and are no surname: greetings, thanks, apologies.
_NOT_SURNAMES = frozenset(
    [
        "thanks",
        "thank",
        "sorry",
        "please",
        "again",
        "here",
        "ok",
        "okay",
        "yes",
        "no",
        "hi",
        "hello",
    ]
)


def _surnames_after_self_marks(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in SURNAME_AFTER_SELF_MARK.finditer(text):
        low = match.group("name").lower()
        if low in _NOT_SURNAMES or low in n.STOP or low in n.OPENERS:
            continue
        spans.append(match.span("name"))
    return spans


def _replaced(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in sorted(set(spans), reverse=True):
        text = text[:start] + NAME_MARK + text[end:]
    return text


def masked(text: str) -> str:
    """The text with the names of the shapes above masked (run after the other name rules:
    the self-cued first name is masked by then). Each shape runs only when its own cheap
    condition holds: a greeting's word, a capitalised "THE"/"The", or a name's mark."""
    spans: list[tuple[int, int]] = []
    if NAME_MARK in text:
        spans += _surnames_after_self_marks(text)
    if "THE" in text or "The" in text:
        spans += _capital_families(text)
    spans += _greeted_names(text)
    return _replaced(text, spans) if spans else text


# --- the name that answers a question about a name, in the next message (nam425, spl248) -------
# "name?", "your name?", "what name": the whole message asks for a name; or it ends with a
# person's name ("my mothers name", "her maiden name:") typed without the apostrophe.
NAME_QUESTION = re.compile(
    r"^\W*(?:(?:what|whats|what['\u2019]s|which|your|my|his|her|the|a|full|first|last|sur)\s+)*"
    r"names?\s*[?:]*\s*$"
    rf"|\b(?:my|his|her|their|our)\s+(?:{n.RELATIVE})s?\s+"
    r"(?:(?:full|first|last|given|sur|maiden|middle)\s*)?name(?:\s+is)?\s*[:?]?\s*$",
    re.IGNORECASE,
)
# The answer may open with the verb the question left out: "is Euphemia", "it's Barnaby".
_ANSWER_LEAD = re.compile(r"^\W*(?:(?:it\s+is|it['\u2019]?s|its|is|=)\s*)", re.IGNORECASE)


def name_answering_question(previous: str, text: str) -> tuple[str, str] | None:
    """(the name alone in `text` when `previous` asked for or announced a name; its mark)."""
    if len(text) >= 60 or len(previous) >= 80 or not NAME_QUESTION.search(previous):
        return None
    lead = _ANSWER_LEAD.match(text)
    rest = text[lead.end() :] if lead else text
    match = clause_names.NAME_ALONE.match(rest)
    if not match:
        return None
    words = match.group("name").split()
    if words[0].lower().rstrip(".") in n.CLINICIAN_TITLES:
        return None  # "the surgeon's name?" / "Dr Patel": a clinician stays (docs/privacy.md)
    if not all(clause_names._name_word(word) for word in words):
        return None
    return match.group("name"), NAME_MARK
