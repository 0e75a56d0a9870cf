"""Names the clause around them shows, and the rest of a name beside a masked one (issue 21,
round 20, r20n).

Why: an outside tester (t21r20) found names stored raw where no cue of names.py stood before
them, but the sentence's shape says a person is meant:

- a name, then ", he's / she's the <neighbour, friend, kin>" (n03 "i'll be coming with
  bartholomew, he's the neighbour who helps me");
- "the <neighbour, friend, driver> who <...> is <name>" (n31 "the neighbour who drives me is
  wojtek");
- "tell / ask / let <Name> (and <Name>) I'll ... / know" (n36 "tell Precious and Goodness I'll
  be late": a virtue name and a word, capitalised, told something);
- a kin word, then a first name that is also a word, then a person's verb (n37 "grandma june
  wants to know": "June is a good month" has no kin word before it);
- a sentence opening with a first name that is also a place, then "called / rang / told me"
  (n04 "Virginia called me yesterday": "Virginia is a long drive" has no such verb);
- "I'm <Name>, my <kin>" (n46 "I'm Rain, my gran Juniper is the patient");
- an e-mail's header pasted: "From: Perpetua Okonkwo-Blaise" above "Sent:" / "To:" (doc12).

And beside a masked name (`masked_beside_marks`, read after the names were masked):

- a surname after a nickname in quotes (n24 '(“Mimi” Ostrowski-Lee)');
- a surname in capitals before a comma and the masked given name, a pharmacy label's
  "KOWALSKI, BEVERLY" (doc09), and after a card's label without the comma, "SUBSCRIBER:
  DESROSIERS JEAN-CLAUDE" (doc11).

Each rule asks for the clause's shape and the word's kind (a first name, a word in no list,
capitalised where a capital is needed); the ordinary look-alikes are in
tests/test_redaction_round20_r20n.py. Every pattern is gated on a word its matches need.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from core.privacy import names as n
from core.privacy import pasted_names
from core.privacy import word_names as wn
from core.privacy.gates import gated, words_of

_WORD = r"[^\W\d_][\w'\u2019-]*"
_CAP = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_KIN = n._RELATIVE
_MARK = re.escape(n.NAME_MARK)
# People one brings or is helped by, besides kin (doctors and nurses are kept by decision).
_HELPER = (
    rf"(?:{_KIN}|neighbou?r|friend|carer|caregiver|aide|helper|driver|ride|lodger|roommate|"
    r"flatmate|housemate|companion|partner|godmother|godfather|godson|goddaughter)"
)

# n03: "with bartholomew, he's the neighbour who helps me": found from the comma (a pattern
# that began at the name would be tried at every word), the name is the word before it.
NAME_THEN_ROLE = gated(
    re.compile(
        r",\s*(?i:he|she)(?:['\u2019]s|\s+is|\s+was)\s+"
        rf"(?i:the|my|our|a|her|his)\s+(?:(?i:next[\s-]door|best|old|lovely)\s+)?(?i:{_HELPER})"
        r"(?![\w'\u2019-])"
    ),
    words="he she",
)
_WORD_BEFORE = re.compile(rf"(?P<name>{_WORD})\s*$")
# n31: "the neighbour who drives me is wojtek".
ROLE_WHO_IS = gated(
    re.compile(
        rf"\b(?i:the|my|our)\s+(?i:{_HELPER})\s+(?i:who|that)\s+[^.?!,;\n]{{1,40}}?\s+"
        rf"(?i:is|was)\s+(?P<name>{_WORD})(?![\w'\u2019-])"
    ),
    words="who that",
)
# n36: "tell Precious and Goodness I'll be late", "let Hope know", "ask Bartek if he".
TELL_NAMES = gated(
    re.compile(
        rf"\b(?i:tell|ask|let|remind|warn|thank)\s+(?P<a>{_CAP})(?:\s+(?:and|&)\s+(?P<b>{_CAP}))?"
        r"\s+(?=(?i:i|i['\u2019](?:ll|m|d|ve)|we|we['\u2019](?:ll|re)|that|if|know|my|"
        r"he|she|they)\b)"
    ),
    words="tell ask let remind warn thank",
)
# n37: "grandma june wants to know", "my son bill says": a kin word, a first name in lower
# case (a month, a word too), a person's verb.
_SAYS = (
    r"(?:wants|wanted|says|said|asks|asked|thinks|thought|knows|knew|called|calls|rang|"
    r"phoned|texted|worries|worried|insists|insisted|told|tells|needs|hopes|doesn['\u2019]?t|"
    r"won['\u2019]?t|didn['\u2019]?t|can['\u2019]?t|is\s+(?:coming|asking|worried|nervous|"
    r"scared|afraid|driving|bringing|taking|the\s+patient|wondering))\b"
)
KIN_FIRST_SAYS = gated(
    re.compile(rf"\b(?i:{_KIN}){n.IN_LAW}\s+(?P<name>[a-z][a-z'-]+)\s+(?i:{_SAYS})"),
    words="""wants wanted says said asks asked thinks thought knows knew called calls rang
    phoned texted worries worried insists insisted told tells needs hopes doesn doesnt won wont
    didn didnt can cant is""",
)
# n04: "Virginia called me yesterday": a sentence opening with a first name, then a verb only
# a person does to the writer.
OPENING_CALLED_ME = gated(
    re.compile(
        rf"(?:^|(?<=[.!?\n]))[\s\"'(]*(?P<name>{_CAP})\s+"
        r"(?i:called|rang|phoned|texted|emailed|messaged|told|asked|reminded|visited|hugged)"
        r"\s+(?i:me|us)\b"
    ),
    words="called rang phoned texted emailed messaged told asked reminded visited hugged",
)
# n46: "I'm Rain, my gran Juniper is the patient".
SELF_THEN_KIN = gated(
    re.compile(
        rf"\bi(?:['\u2019]?m|\s+am)\s+(?P<name>{_WORD})\s*,\s*(?:my|her|his|the|their)\s+"
        rf"(?:{_KIN}|patient)",
        re.IGNORECASE,
    ),
    words="im m am",
)
# doc12: an e-mail's header pasted: "From: Perpetua Okonkwo-Blaise" with "Sent:"/"To:" lines.
HEADER_FROM = gated(
    re.compile(
        rf"^[ \t]*(?i:from|to|cc|de|von|od)[ \t]*:[ \t]*(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}})"
        r"[ \t]*(?:<[^>\n]*>)?[ \t]*$",
        re.MULTILINE,
    ),
    needles=":",
)
_OTHER_HEADER = re.compile(r"^[ \t]*(?i:sent|date|subject|to|cc)[ \t]*:", re.MULTILINE)

_HELPER_WORD_LIST = """neighbour neighbor friend carer caregiver aide helper driver ride lodger
roommate flatmate housemate companion partner godmother godfather godson goddaughter patient"""


@lru_cache(maxsize=1)
def _helper_words() -> frozenset[str]:
    """Kin and helper words, joined once (names.py is read by then: it imports this last)."""
    return n.ALL_KIN | frozenset(_HELPER_WORD_LIST.split())


# Capitalised words that are a state of mind or a reply, not the writer's name ("I'm Fine, my
# mom is the patient").
_NOT_SELF_WORDS = """fine ok okay good well here back home new ready late sick ill sad glad
happy sorry sure tired worried scared nervous afraid confused calling writing asking texting
the a an not so very just also only still"""
_NOT_SELF = frozenset(_NOT_SELF_WORDS.split())


def _person_word(word: str, subject: bool = False) -> bool:
    """A first name (also one that is a word) or a word in no list; no small word, kin, title,
    day, month, town or brand."""
    return wn._name_or_unknown(word, subject)


def _excluded_here(word: str) -> bool:
    """Never a person here: a small word, a modal, a kin word, a title, a local town, a brand,
    an institution (a state or a month may be: "Virginia called me", "June called me")."""
    low = word.lower()
    return (
        low in wn._NOT_PEOPLE
        or low in n.MODALS
        or low in n.STOP
        or low in n.OPENERS
        or low in n.ALL_KIN
        or low in n.CLINICIAN_TITLES
        or low in n.TOWNS
        or low in n.KEPT_WORDS
        or low in n.INSTITUTIONS
        or low in n.CAPITALISED_WORDS
    )


def _told(a: str, b: str | None) -> bool:
    """TELL_NAMES' words: each capitalised and no small word, kin or brand; one a first name
    (a virtue name too) or in no list ("Precious and Goodness")."""
    pair = [a] if b is None else [a, b]
    if any(_excluded_here(w) or w.lower() in n.NOT_NAMES for w in pair):
        return False
    return any(wn._first_name(w) or n.unknown(w, slips=False) for w in pair)


def _self_name(word: str) -> bool:
    """SELF_THEN_KIN's word: a first name or a word in no list; or capitalised, no describing
    word ("I'm Catholic") nor state ("I'm Fine")."""
    low = word.lower()
    if low in _NOT_SELF or wn._excluded(word) or low in n.DESCRIBING:
        return False
    if _person_word(word):
        return True
    return word[:1].isupper() and not n._ADJECTIVE.search(word) and not low.endswith("ly")


def spans(text: str) -> list[tuple[int, int]]:
    """Where the clause around a word says it is a person's name."""
    found: list[tuple[int, int]] = []
    words = words_of(text)
    if words.isdisjoint(_helper_words()):  # every rule but three needs a kin or helper word
        return _without_helper(text, words)
    if not words.isdisjoint(NAME_THEN_ROLE.words) and "," in text:
        for m in NAME_THEN_ROLE.pattern.finditer(text):
            before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if before and _person_word(before.group("name")):
                found.append(before.span("name"))
    if not words.isdisjoint(ROLE_WHO_IS.words):
        found += [
            m.span("name")
            for m in ROLE_WHO_IS.pattern.finditer(text)
            if _person_word(m.group("name"))
        ]
    if not words.isdisjoint(KIN_FIRST_SAYS.words):
        for m in KIN_FIRST_SAYS.pattern.finditer(text):
            word = m.group("name")
            if not wn._excluded(word) and wn._first_name(word):
                found.append(m.span("name"))
    if not words.isdisjoint(SELF_THEN_KIN.words):
        found += [
            m.span("name")
            for m in SELF_THEN_KIN.pattern.finditer(text)
            if _self_name(m.group("name"))
        ]
    return found + _without_helper(text, words)


def _without_helper(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """The rules that need no kin or helper word: "tell Precious ...", "Virginia called me",
    an e-mail header."""
    found: list[tuple[int, int]] = []
    if not words.isdisjoint(TELL_NAMES.words):
        for m in TELL_NAMES.pattern.finditer(text):
            if _told(m.group("a"), m.group("b")):
                found += [m.span("a")] + ([m.span("b")] if m.group("b") else [])
    if not words.isdisjoint(OPENING_CALLED_ME.words) and ("me" in words or "us" in words):
        found += [
            m.span("name")
            for m in OPENING_CALLED_ME.pattern.finditer(text)
            if not _excluded_here(m.group("name")) and wn._first_name(m.group("name"))
        ]
    if "\n" in text and ":" in text and _OTHER_HEADER.search(text):
        for m in HEADER_FROM.pattern.finditer(text):
            others = [h for h in _OTHER_HEADER.finditer(text) if h.start() != m.start()]
            if others and pasted_names._name_line(m.group("name")):
                found.append(m.span("name"))
    return found


# --- beside a masked name ------------------------------------------------------------------
# n24: '(“[name]” Ostrowski-Lee)': the surname after a nickname in quotes.
QUOTED_NICKNAME_SURNAME = gated(
    re.compile(
        rf"[\"\u201c\u2018']{_MARK}[\"\u201d\u2019'][ \t]+"
        r"(?P<name>[A-Z][\w'\u2019]*(?:-[A-Z][\w'\u2019]*)*)"
    ),
    needles=n.NAME_MARK,
)
# doc09: "KOWALSKI, [name]" (a label's SURNAME, GIVEN); doc11: "SUBSCRIBER: DESROSIERS [name]".
CAPITAL_SURNAME_COMMA = gated(
    re.compile(
        rf"(?<![\w'\u2019-])(?P<name>[A-Z][A-Z'\u2019]+(?:-[A-Z][A-Z'\u2019]+)*),[ \t]*{_MARK}"
    ),
    needles=n.NAME_MARK,
)
LABEL_CAPITAL_SURNAME = gated(
    re.compile(
        r"(?P<cue>\b(?i:member|name|patient|pt|subscriber|insured|beneficiary|cardholder|"
        r"patient\s+name)[ \t]*:[ \t]*)"
        rf"(?P<name>[A-Z][A-Z'\u2019]+(?:-[A-Z][A-Z'\u2019]+)*)(?=[ \t]+{_MARK})"
    ),
    needles=n.NAME_MARK,
)


def _surname(word: str) -> bool:
    """A surname beside a mark: no small word, kin, town or brand; hyphenated, a surname of
    the lists or in no list of words."""
    low = word.lower()
    if _excluded_here(word) or low in n.NOT_NAMES or low in n.OTHER_LANGUAGE:
        return False
    return "-" in word or n._is_last(word) or n.unknown(word, slips=False)


def _masked_surname(match: re.Match[str]) -> str:
    if not _surname(match.group("name")):
        return match.group()
    start, end = match.span("name")
    whole = match.group()
    at = start - match.start()
    return whole[:at] + n.NAME_MARK + whole[end - match.start() :]


def masked_beside_marks(text: str) -> str:
    """The text (holding a name's mark) with the surname beside the masked name masked too."""
    text = QUOTED_NICKNAME_SURNAME.sub(_masked_surname, text)
    text = CAPITAL_SURNAME_COMMA.sub(
        lambda m: n.NAME_MARK if _surname(m.group("name")) else m.group(), text
    )
    if ":" in text:
        text = LABEL_CAPITAL_SURNAME.sub(_masked_surname, text)
    return text


# --- sp01: a surname sent alone after "her name is Zofia" -------------------------------------
_NAMED_AT_END = re.compile(
    r"\b(?:(?i:(?:my|her|his|their|our|the\s+patient['\u2019]?s|patient['\u2019]?s)\s+"
    r"(?:first\s+|full\s+|given\s+)?name(?:\s+is|['\u2019]s|\s*:)?)|(?i:i['\u2019]?m|i\s+am|"
    r"this\s+is|called|named))"
    rf"\s+(?:{_MARK}\s*)+\W*$"
)
SURNAME_ALONE = re.compile(
    r"^\s*(?P<name>[A-Z][\w'\u2019]*(?:-[A-Z][\w'\u2019]*)*)(?=\s*(?:[.,!;:]|$))"
)


def surname_after_name(
    previous: str, text: str, redact: Callable[[str], str]
) -> tuple[str, str] | None:
    """(the surname opening `text` after a message that ended with a name after a name's cue;
    the name's mark). Hyphenated or in no list of words ("Thanks." stays); the cheap test on
    `text` first, so most messages never pay for redacting `previous`."""
    match = SURNAME_ALONE.match(text)
    if not match:
        return None
    name = match.group("name")
    if not ("-" in name or n.unknown(name, slips=False)) or _excluded_here(name):
        return None
    if not _NAMED_AT_END.search(redact(previous)):
        return None
    return name, n.NAME_MARK
