"""First names that are also words ("Penny", "Rusty", "Summer", "bill", "hope"), read by the clause
around them (issue 21, round 19, r19n).

Why: the name rules in names.py keep a first name that is also an English word unless a cue
says it is a person, so that "Will I be awake?", "Mark my words", "Penny pinching here",
"Grace period", "Frank answer please" or "Summer heat" stay as typed. An outside tester
(t21r19) wrote twenty-odd messages where the clause itself says it is a person and the name
was stored raw: a person's verb with "me" after it ("Rusty drives me everywhere", "Penny will
be bringing me", "Rob's taking me"), a kin word in apposition ("Summer is my granddaughter",
"Dusty, my husbands brother,", "sky (my grandson) asked"), "<name> and i" at a sentence's
start ("mark and i have been married"), two names joined before a verb of coming ("Junior
and Sissy are coming too"), a capitalised first name inside a sentence before a person's verb
("is it ok if Precious stays", "that Lucinda called"), "see ivy or just me", a possessive
before a person's thing or after a kin word ("Hope's car", "grandma Dot's back"), "i'm dot,
84,", "I'm the granddaughter, Kenzie.", a nickname the writer defines ("cookie (thats what we
call my mom)"), a family signing ("ok thanks, the O'Shaughnessys") and a name in capitals
before a person's verb ("ROSALEEN DOESNT WANT").

Each rule asks for the clause's shape, not the word: the ordinary questions that start with
the same words (listed in tests/test_redaction_round19_r19n.py) have no such clause. Every
pattern is gated on a word its matches need (core/privacy/gates.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.privacy import names as n
from core.privacy.gates import Gated, gated, words_of

_WORD = r"[^\W\d_][\w\u2019'-]*"
_PLAIN_WORD = r"[^\W\d_][\w-]*"  # no apostrophe: "Rob's" is "Rob" and a possessive or "is"
_KIN = n.RELATIVE
_IN_LAW = r"(?:[\s-]in[\s-]law)?"

# Words that are never the person a clause speaks of, whatever list they are in.
_NOT_PEOPLE_WORDS = """someone somebody anyone anybody everyone everybody nobody noone who which
that this these those there here it its what whoever they them he she you we i me my our your his
her their today tonight tomorrow yesterday now then also still just even maybe please yes no ok
okay so well but and or if because since while when where why how transport taxi cab bus van
ambulance uber lyft paratransit medicare medicaid insurance hospital church nurse doctor dr surgeon
team staff jesus"""
_NOT_PEOPLE = frozenset(_NOT_PEOPLE_WORDS.split())
_SEASON_WORDS = "spring summer autumn fall winter"
_SEASONS = frozenset(_SEASON_WORDS.split())


@lru_cache(maxsize=1)
def _never_names() -> frozenset[str]:
    """The word sets `_excluded` reads, joined once (one set test per word)."""
    return (
        _NOT_PEOPLE
        | n.MODALS
        | n.STOP
        | n.OPENERS
        | n.ASIDES
        | n.ALL_KIN
        | n.CLINICIAN_TITLES
        | n.TOWNS
        | n.CAPITALISED_WORDS
        | n.OTHER_LANGUAGE
    )


def _excluded(word: str, subject: bool = False) -> bool:
    """A word no person's name here: a small word, a kin word, a title, a day, a town, a brand.
    A describing word that is a first name too is a name as a verb's subject ("Christian will
    drive me", N68), not after "I'm" ("I'm Christian, 84")."""
    low = word.lower().replace("\u2019", "'")
    return (
        low in _never_names()
        or low.endswith("ly")
        or (low in n.DESCRIBING and not (subject and n._is_first(word)))
        or (low in n.NOT_NAMES and not n._is_first(word))
    )


def _first_name(word: str) -> bool:
    """A first name from any list: one that is no word ("Lucinda"), one that is also a word
    ("Penny", "Rusty", "bill") or a virtue name ("Precious")."""
    low = word.lower()
    return n._is_first(word) or low in n.VIRTUE_NAMES or low in n._lists()[3]


def _name_or_unknown(word: str, subject: bool = False) -> bool:
    """A first name of any list, or a word in no list nor a slip of one ("skyler")."""
    return not _excluded(word, subject) and (_first_name(word) or n.unknown(word))


def _at_sentence_start(text: str, start: int) -> bool:
    return n._sentence_start(text, start)


# --- a person's verb with "me": "Rusty drives me", "Penny will be bringing me" ---------------
# N02, N07, N10, N44, N68: the word opening the sentence does something for the writer.
_FOR_ME_VERB = (
    r"(?:drive|drives|driving|drove|take|takes|taking|took|bring|brings|bringing|brought|"
    r"pick|picks|picking|picked|carry|carries|carrying|carried|collect|collects|collecting|"
    r"accompany|accompanies|accompanying|look(?:s|ing)?\s+after|(?:stay|stays|staying|stayed|"
    r"come|comes|coming|came|sit|sits|sitting|go|goes|going|went)\s+with)"
)
# Virtues and feelings "bring me" peace and "take me" through: with these words only a ride says
# it is a person ("Hope will drive me", "Faith is picking me up"; not "Faith brings me comfort").
_ABSTRACT_WORDS = "hope faith grace joy charity mercy love peace patience prayer music destiny"
_ABSTRACT = frozenset(_ABSTRACT_WORDS.split())
_RIDE = re.compile(r"(?i:.*?\b(?:drive|drives|driving|drove|pick|picks|picking|picked|collect)\w*)")
DOES_FOR_ME = gated(
    re.compile(
        rf"(?P<name>{_PLAIN_WORD})(?:['\u2019]s)?\s+"
        r"(?:(?i:will|would|can|could|is|was|['\u2019]ll|usually|always|often)\s+)?"
        r"(?:(?i:be)\s+)?(?:(?i:going\s+to)\s+)?"
        rf"(?i:{_FOR_ME_VERB})\s+(?i:me|us)\b"
    ),
    words="me us",
)

# --- a kin word in apposition: "Summer is my granddaughter", "Dusty, my husbands brother," ---
# N04, N05, N06, N08: at a sentence's start, the word the writer says is their kin.
IS_MY_KIN = gated(
    re.compile(
        rf"(?P<name>{_PLAIN_WORD})\s+(?i:is|was|['\u2019]s)\s+(?i:my|our)\s+"
        rf"(?:(?i:youngest|oldest|eldest|older|younger|little|big|best|only|late)\s+)?"
        rf"(?i:{_KIN}){_IN_LAW}(?![\w'\u2019-])"
    ),
    words="my our",
)
COMMA_MY_KIN = gated(
    re.compile(
        rf"(?P<name>{_PLAIN_WORD})\s*,\s*(?i:my|our)\s+(?i:{_KIN})(?:s|['\u2019]s)?"
        rf"(?:\s+(?i:{_KIN}))?{_IN_LAW}\s*,"
    ),
    words="my our",
)
BRACKET_MY_KIN = gated(
    re.compile(
        rf"(?P<name>{_PLAIN_WORD})\s*\(\s*(?i:my|our|his|her)\s+(?i:{_KIN}){_IN_LAW}\s*\)"
        r"\s+[a-z]"
    ),
    needles="(",
)

# --- "mark and i have been married", "skyler & me (his mom) want to know" (N01, N09, N75) ----
NAME_AND_ME = gated(
    re.compile(rf"(?P<name>{_PLAIN_WORD})\s+(?:and|&|n)\s+(?:i|me)\s+[\w(]", re.IGNORECASE),
    words="i me",
)

# --- "Junior and Sissy are coming too", "Autumn and Ray live with me" (N81, N86) -------------
_COMING = (
    r"(?:(?:are|r|['\u2019]re|will\s+be)\s+(?:coming|going|driving|bringing|taking|staying|"
    r"visiting|helping|joining|picking)|will\s+(?:come|drive|bring|take|stay|visit|help|join|"
    r"pick|be\s+there)|live\s+with|both\s+(?:want|live|come|will)|want\s+to\s+(?:come|know|"
    r"learn|stay|be)|can\s+(?:come|stay|drive|visit|learn))\b"
)
TWO_NAMES_COMING = gated(
    re.compile(
        rf"(?P<a>[A-Z][\w-]*)\s+(?:and|&)\s+(?P<b>[A-Z][\w-]*)\s+(?i:{_COMING})",
    ),
    words="are r re will live both want can",
)

# --- a capitalised first name inside a sentence before a person's verb ----------------------
# N36 "is it ok if Precious stays overnight", N38 "Tell the doctor that Lucinda called".
_PERSON_VERB = (
    r"(?:stays|stayed|sleeps|slept|called|calls|rang|phoned|texted|emailed|said|says|told|"
    r"tells|asked|asks|wants|wanted|thinks|thought|knows|knew|drives|drove|comes|came|"
    r"visits|visited|lives|lived|worries|worried|insists|insisted|"
    rf"(?:is|was)\s+(?:my|our)\s+(?:{_KIN}|carer|caregiver|aide|helper|ride|driver)|"
    r"will\s+(?:drive|stay|take|bring|pick|come|call|be\s+(?:driving|bringing|taking|"
    r"staying|coming))|(?:doesn['\u2019]?t|does\s+not|won['\u2019]?t|didn['\u2019]?t|"
    r"can['\u2019]?t|cannot)\s+(?:want|like|know|drive|speak|understand|remember|walk|"
    r"sleep|hear|wait|stand|sit|come|stay|eat|mind))\b"
)
CAPITAL_DOES = gated(
    re.compile(rf"(?<![\w'\u2019-])(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?i:{_PERSON_VERB})"),
    words="""stays stayed sleeps slept called calls rang phoned texted emailed said says told
    tells asked asks wants wanted thinks thought knows knew drives drove comes came visits
    visited lives lived worries worried insists insisted is was will doesn does won didn can
    cannot""",
)
# Before these the capitalised word is a thing or the sentence's own ("my Walker", "the Summer").
_THING_BEFORE_WORDS = """my your our their his her the a an this these those some any every each
no its one of"""
_THING_BEFORE = frozenset(_THING_BEFORE_WORDS.split())
_PREVIOUS_WORD = re.compile(r"([^\W\d_][\w'\u2019]*)\W*$")

# --- a word at a sentence's start in no list before a person's verb (N83, in capitals) ------
# "ROSALEEN DOESNT WANT THE DRUGS" is read in lower case (names.redact_names): the name in no
# list opens the sentence and a person's verb follows it.
UNLISTED_DOES = gated(
    re.compile(
        r"(?P<name>[^\W\d_][\w'\u2019-]{3,})\s+(?:"
        r"(?:doesn['\u2019]?t|doesnt|does\s+not|won['\u2019]?t|wont|didn['\u2019]?t|didnt|"
        r"can['\u2019]?t|cant|cannot)\s+(?:want|like|know|drive|speak|understand|remember|"
        r"walk|sleep|hear|wait|stand|sit|come|stay|eat|mind)|says|said|told|asked|wants|"
        r"thinks|(?:is|was)\s+(?:scared|afraid|worried|nervous|anxious|asking|wondering))\b",
        re.IGNORECASE,
    ),
    words="""doesn doesnt does won wont didn didnt can cant cannot says said told asked wants
    thinks is was""",
)

# --- "does the doctor want to see ivy or just me" (N66) -------------------------------------
SEE_NAME_OR_ME = gated(
    re.compile(
        r"\b(?:see|meet|ask|call|examine|check|talk\s+to|speak\s+(?:to|with))\s+"
        rf"(?P<name>{_PLAIN_WORD})\s+(?:or|and|&)\s+(?:just\s+|only\s+)?me\b",
        re.IGNORECASE,
    ),
    words="me",
)

# --- possessives: "Hope's car is too low" (N79), "grandma Dot's back" (N72) ------------------
_OWNED: str = n.OWNED_THINGS
_PERSONS_THING = (
    rf"(?:{_OWNED}|car|truck|van|house|place|home|apartment|flat|phone|cell|number|"
    r"kids|children|dog|cat|room|bed|wheelchair|ride)"
)
POSSESSIVE_THING = gated(
    re.compile(rf"(?P<name>[A-Z][a-z]+)['\u2019]s\s+(?i:{_PERSONS_THING})\b"),
    needles="'s \u2019s",
)
KIN_POSSESSIVE = gated(
    re.compile(rf"\b(?i:{_KIN}){_IN_LAW}[ \t]+(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)['\u2019]s\b"),
    needles="'s \u2019s",
)

# --- the writer says who they are: "i'm dot, 84,", "I'm the granddaughter, Kenzie." ---------
SELF_AND_AGE = gated(
    re.compile(
        rf"\bi(?:['\u2019]?m|\s+am)\s+(?P<name>{_PLAIN_WORD})\s*,\s*(?:aged?\s+)?\d{{2,3}}\b",
        re.IGNORECASE,
    ),
    words="im m am",
)
SELF_AS_KIN = gated(
    re.compile(
        r"\bi(?:['\u2019]?m|\s+am)\s+(?:the|her|his|their|your|its)\s+"
        rf"(?:(?i:patient|patients|patient['\u2019]s)\s+)?(?i:{_KIN}){_IN_LAW}\s*,\s*"
        rf"(?P<name>{_PLAIN_WORD})(?=\s*(?:[.,!;:]|$|\s+(?:here|again|speaking)\b))",
        re.IGNORECASE,
    ),
    words="im m am",
)

# --- a nickname the writer defines: "cookie (thats what we call my mom)" (N85) ---------------
DEFINED_NICKNAME = gated(
    re.compile(
        rf"(?P<name>{_PLAIN_WORD})\s*[(,-]\s*(?:that['\u2019]?s|thats|which\s+is|is)?\s*what\s+"
        r"(?:we|i|everyone|everybody|the\s+\w+|they|the\s+family)\s+(?:all\s+)?calls?\s+"
        rf"(?:him|her|them|(?:my|our)\s+(?:{_KIN}))\b",
        re.IGNORECASE,
    ),
    words="call calls",
)
CALL_KIN_NICKNAME = gated(
    re.compile(
        rf"\b(?:we|i|everyone|everybody|they)\s+(?:all\s+)?call\s+(?:my|our)\s+(?:{_KIN})"
        rf"{_IN_LAW}\s+(?P<name>{_PLAIN_WORD})",
        re.IGNORECASE,
    ),
    words="call",
)

# --- "sandy next door had it done" (N03): a first name that is a word, before where from ---
# names.NEIGHBOUR's word in lower case must be a first name that is no word; at a sentence's
# start, before "next door" and a verb, one that is a word is the neighbour too.

# --- a family signing off: "ok thanks, the O'Shaughnessys" (N62) -----------------------------
FAMILY_SIGN_OFF = gated(
    re.compile(r"\b(?i:the)\s+(?P<name>[A-Z][\w'\u2019]*(?:-[A-Z][\w'\u2019]*)*s)\W*$"),
    words="the",
)


def _previous_word(text: str, start: int) -> str:
    match = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    return match.group(1).lower() if match and match.end() == start else ""


# A sentence's first word: at the text's start, or after a full stop, a line break, "?" "!" ";"
# ":", past an opening word that leaves the sentence to the name ("ok so Penny will drive me").
_FIRST_WORDS = re.compile(r"(?:^|[.!?\n;:])[\s\"'(\u00bf\u00a1]*(?P<word>[^\W\d_][\w-]*)")
_NEXT = re.compile(r"[\s,]+(?P<word>[^\W\d_][\w-]*)")
_OPENER_LIST = "and so but also ok okay well oh btw fyi yes no"
_OPENING_WORDS = frozenset(_OPENER_LIST.split())


def _opening_names(text: str) -> list[tuple[int, int]]:
    """The rules for a sentence's first word, tried only where that word may be a name (most
    sentences open with "I", "My", "Can", "What": one set test each)."""
    spans: list[tuple[int, int]] = []
    for first in _FIRST_WORDS.finditer(text):
        word: re.Match[str] | None = first
        while word and word.group("word").lower() in _OPENING_WORDS:
            word = _NEXT.match(text, word.end())
        if word and not _excluded(word.group("word"), subject=True):
            spans.extend(_opening_name(text, word.start("word")))
    return spans


def _opening_name(text: str, at: int) -> list[tuple[int, int]]:
    """The sentence-opening rules, each an anchored match at `at` (cheaper than their gates,
    which stay for a reader and for tests/test_redaction_gates.py)."""
    spans = []
    for pattern in (DOES_FOR_ME, IS_MY_KIN, NAME_AND_ME):
        m = pattern.pattern.match(text, at)
        if not m or not _name_or_unknown(m.group("name"), subject=True):
            continue
        abstract = m.group("name").lower() in _ABSTRACT
        if pattern is DOES_FOR_ME and abstract and not _RIDE.match(m.group()):
            continue  # "Faith brings me comfort"
        spans.append(m.span("name"))
    m = COMMA_MY_KIN.pattern.match(text, at)
    if m and _name_or_unknown(m.group("name")):
        spans.append(m.span("name"))
    m = BRACKET_MY_KIN.pattern.match(text, at)
    if m and not _excluded(m.group("name")):
        spans.append(m.span("name"))  # "sky (my grandson) asked": even a word that is only one
    m = TWO_NAMES_COMING.pattern.match(text, at)
    if m:
        spans.extend(_two_names(m))
    m = UNLISTED_DOES.pattern.match(text, at)
    if m and _unlisted_subject(m.group("name")):
        spans.append(m.span("name"))
    m = n.NEIGHBOUR.match(text, at) if n.NEIGHBOUR_GATE.may_match(text) else None
    if m and not _excluded(m.group("name")) and _first_name(m.group("name")):
        spans.append(m.span("name"))  # "sandy next door had it done" (N03)
    m = POSSESSIVE_THING.pattern.match(text, at)
    word = m.group("name") if m else ""
    if m and not _excluded(word) and _first_name(word) and word.lower() not in _SEASONS:
        # "Hope's car"; not "Winter's back already" (a season, though "Summer" is a name too)
        spans.append(m.span("name"))
    return spans


def _two_names(m: re.Match[str]) -> list[tuple[int, int]]:
    """TWO_NAMES_COMING's pair: capitalised, one a first name, none a season, kin or brand."""
    a, b = m.group("a"), m.group("b")
    if _excluded(a) or _excluded(b) or {a.lower(), b.lower()} <= _SEASONS:
        return []  # "Summer and Fall are ..."
    if a.lower() in n.KEPT_WORDS or b.lower() in n.KEPT_WORDS:
        return []
    if not (_first_name(a) or _first_name(b)):
        return []
    return [m.span("a"), m.span("b")]


def _unlisted_subject(word: str) -> bool:
    """UNLISTED_DOES's word: in no list, not a term ("Bill says I owe 400" stays: a word)."""
    return not _excluded(word) and n.unknown(word) and not n.TERM_ENDING.search(word)


def _inner_names(text: str) -> list[tuple[int, int]]:
    """The rules for a name anywhere in a sentence, each behind its gate."""
    spans = []
    words = words_of(text)  # the gates' own test, once (their calls cost more than the sets)
    if not words.isdisjoint(CAPITAL_DOES.words):
        for m in CAPITAL_DOES.pattern.finditer(text):
            word = m.group("name")
            if _at_sentence_start(text, m.start()) or _excluded(word) or not _first_name(word):
                continue
            if _previous_word(text, m.start()) in _THING_BEFORE:
                continue  # "my Walker", "the Summer heat": a thing, as names.py reads it
            spans.append(m.span("name"))
    if "me" in words:  # SEE_NAME_OR_ME's gate
        spans += [
            m.span("name")
            for m in SEE_NAME_OR_ME.pattern.finditer(text)
            if _name_or_unknown(m.group("name"))
        ]
    if "s" in words:  # KIN_POSSESSIVE's gate ("'s" folds to the word "s")
        spans += [
            m.span("name")
            for m in KIN_POSSESSIVE.pattern.finditer(text)
            if _name_or_unknown(m.group("name"))
        ]
    if not words.isdisjoint(SELF_AND_AGE.words):  # SELF_AS_KIN's gate is the same
        for pattern in (SELF_AND_AGE, SELF_AS_KIN):
            spans += [
                m.span("name")
                for m in pattern.pattern.finditer(text)
                if _name_or_unknown(m.group("name"))
            ]
    if not words.isdisjoint(DEFINED_NICKNAME.words):  # CALL_KIN_NICKNAME's "call" too
        for pattern in (DEFINED_NICKNAME, CALL_KIN_NICKNAME):
            spans += [
                m.span("name")
                for m in pattern.pattern.finditer(text)
                if not _excluded(m.group("name"))
            ]
    if text.rstrip(_CLOSING).endswith("s") and "the" in words:  # "..., the O'Shaughnessys"
        family = FAMILY_SIGN_OFF.pattern.search(text, max(0, len(text) - 60))
        if family and _signs_off(text, family):
            spans.append(family.span("name"))
    return spans


_CLOSING = " \t\n.!?)\"'~-:*"
_SIGN_OFF_BEFORE = re.compile(
    r"(?:^|[,.!\n-]|\b(?:thanks|thank\s+you|thx|cheers|regards|love|best|bye|sincerely|from))"
    r"\s*$",
    re.IGNORECASE,
)


def _signs_off(text: str, m: re.Match[str]) -> bool:
    """FAMILY_SIGN_OFF's family: after a sign-off or a comma, hyphenated, or in no list."""
    word = m.group("name")
    return (
        bool(_SIGN_OFF_BEFORE.search(text, max(0, m.start() - 20), m.start()))
        and word[0].isupper()
        and ("-" in word or "'" in word or "\u2019" in word or n.unknown(word, slips=False))
    )


def spans(text: str) -> list[tuple[int, int]]:
    """Where the text names someone by a first name that is also a word (or in no list), as
    the clause around it says."""
    return _opening_names(text) + _inner_names(text)


def might(text: str) -> bool:
    """names.might_name's last test, for a message without a capital ("hope and i are...",
    "bill will take me home"): the rules that need no capital."""
    if _opening_names(text):
        return True
    words = words_of(text)
    return bool(
        ("me" in words and _found(SEE_NAME_OR_ME, text))
        or (not words.isdisjoint(SELF_AND_AGE.words) and _found(SELF_AND_AGE, text))
        or (not words.isdisjoint(DEFINED_NICKNAME.words) and _found(DEFINED_NICKNAME, text))
        or (not words.isdisjoint(CALL_KIN_NICKNAME.words) and _found(CALL_KIN_NICKNAME, text))
    )


def _found(pattern: Gated, text: str) -> bool:
    """Does the pattern match a name (not a word no one is called)?"""
    return any(not _excluded(m.group("name")) for m in pattern.pattern.finditer(text))
