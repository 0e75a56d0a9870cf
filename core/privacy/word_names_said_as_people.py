"""First names that are also words, where the words around them say a person is meant (issue
21, round 26, r26a).

Why: the name rules keep a first name that is also an English word ("will", "may", "mark",
"skip", "ruby", "Royal") unless a cue says it is a person, so that "May I eat?", "Will it
hurt?", "mark the date", "skip breakfast" and "ruby red" stay. Round 26's outside tester typed
such names where the cue was there but of a shape no rule read:

- in brackets beside a kin word: "My daughter-in-law (Charity) handles my meds" (nam044),
  "dad (frank) wont take his pills" (nam291), "will (my husband) will be driving" (nam412),
  "(Destiny) is my granddaughter" (nam419); in brackets before an age: "ruby (92) from
  Peoria" (mix484: the age over 89 then goes by the rule for an age after a name);
- as the one a message is passed to: "tell skip his daughter says hi" (nam292), "ask Royal
  to call me" (nam439), "tell <name> I said hi";
- "X is my brother" after a comma, and the same word said again as a subject: "mark says the
  pain is worse, mark is my brother" (nam415);
- two words joined by "and" before "are my kids": "pat and sue are my kids" (nam416);
- writers who say who they are: "this is april writing for dad" (nam414), "it's june and may
  from 17 birch st" (mix481), "im lil's sister" (nam301);
- a church title before the name (unlike a doctor's surname, which docs/privacy.md keeps):
  "tell Bishop Jones I said hi" (nam438), "Pastor Will said";
- a thanks addressed to a virtue name: "ok thanks, Marvelous" (nam436);
- "who do I ask for" / "ask for may" (nam413): the answer to a question asking for a name
  (`name_asked_for`, read by redaction.continuation).

Each rule asks for the shape, not the word: the same words in an ordinary sentence ("May
(my daughter) come in?", "tell reception his name", "it's june from 3 to 5", "Mother
Nature", "thanks, Perfect") have no such shape. Every pattern is gated on a word or a
character its matches need (core/privacy/gates.py).
"""

from __future__ import annotations

import re

from core.privacy import names as n
from core.privacy import word_names as wn
from core.privacy.gates import gated, words_of
from core.privacy.places import state_or_country

_WORD = r"[^\W\d_][\w'\u2019-]*"
_PLAIN = r"[^\W\d_][\w-]*"  # no apostrophe: "lil's" is "lil" and a possessive
_KIN = n.RELATIVE
_IN_LAW = r"(?:[\s-]in[\s-]law)?"
_AGE_WORDS = r"(?:(?:youngest|oldest|eldest|older|younger|little|big|best|only|late|baby)\s+)?"
_POSSESSOR = r"(?:my|our|his|her|their)"
_KIN_WORDS = " ".join(sorted(n.ALL_KIN))

# Words that are never a name here, though some are in a list of first names: people said
# without a name, the staff a message is passed to, and a small word of the sentence.
_NEVER_WORDS = """someone somebody anyone anybody everyone everybody nobody noone who whom which
that this these those there here it its what they them he she you we i me my our your his her
their him us today tonight tomorrow yesterday now then also still just even maybe please yes no
ok okay so well but and or if because when where why how the a an some all both each every god
lord jesus reception receptionist security staff nurse nurses doctor doctors dr surgeon surgeons
team pharmacy pharmacist radiology admissions billing scheduling scheduler anesthesia
anesthetist anesthesiologist anaesthetist front desk office clinic hospital insurance medicare
medicaid transport taxi uber lyft driver someone family kids children people folks guys"""
_NEVER = frozenset(_NEVER_WORDS.split())
# Modals and verbs that are first names too ("will", "may", "mark"): a name where the shape
# leaves no room for the verb ("ask will to call", "(will) is my husband").
_MODAL_NAME_WORDS = "will may mark bill pat sue grant rob hope chase skip"
_MODAL_NAMES = frozenset(_MODAL_NAME_WORDS.split())


def _listed_first(word: str) -> bool:
    """A first name of any list: the census's, one that is also a word, a virtue name."""
    return wn._first_name(word)


def _name_word(word: str, modal_ok: bool = True) -> bool:
    """A word the shape's person may be called: a first name of any list or a word in no list,
    not a person said without a name, a kin word, a title, a description, a state or a day."""
    low = word.lower().replace("\u2019", "'")
    if len(low) < 2 or low in _NEVER or low in n.ALL_KIN or low in n.CLINICIAN_TITLES:
        return False
    if low in n.DESCRIBING or low in n.NOT_ALONE or state_or_country(word):
        return False
    if (low in n.STOP or low in n.MODALS) and not (modal_ok and low in _MODAL_NAMES):
        return False
    if _listed_first(word):
        return True  # "Charity", "Precious": a name's list wins over a term's ending
    return n.unknown(word) and not n.TERM_ENDING.search(low)


# --- brackets beside a kin word ------------------------------------------------------------
# "My daughter-in-law (Charity) handles", "dad (frank) wont take" (nam044, nam291).
KIN_THEN_BRACKET = gated(
    re.compile(rf"\b(?i:{_KIN}){_IN_LAW}\s*\(\s*(?P<name>{_PLAIN})\s*\)", re.IGNORECASE),
    needles="(",
)
# "will (my husband) will be driving" (nam412), "Tyler (my grandson) is 12".
NAME_THEN_KIN_BRACKET = gated(
    re.compile(
        rf"(?<![\w'\u2019-])(?P<name>{_PLAIN})\s*\(\s*{_POSSESSOR}\s+{_AGE_WORDS}"
        rf"(?:{_KIN}){_IN_LAW}\s*\)(?P<after>\s*[^\s(]*)",
        re.IGNORECASE,
    ),
    needles="(",
)
# "(Destiny) is my granddaughter" (nam419), "(Destiny), my granddaughter,".
BRACKET_IS_KIN = gated(
    re.compile(
        rf"\(\s*(?P<name>{_PLAIN})\s*\)\s*(?:,\s*|\s+(?:is|was|['\u2019]s)\s+)"
        rf"(?:my|our)\s+{_AGE_WORDS}(?:{_KIN}){_IN_LAW}(?![\w'\u2019-])",
        re.IGNORECASE,
    ),
    needles="(",
)
# "ruby (92) from Peoria" (mix484): a name opening a sentence or a message, an age in brackets.
NAME_THEN_AGE = gated(
    re.compile(
        rf"(?P<name>{_PLAIN})\s*\(\s*(?:aged?\s*)?(?P<age>\d{{2,3}})\s*\)"
        r"(?=\s*(?:$|[,.;:!]|(?:from|is|was|has|had|lives|who|and|in|at|needs|wants)\b))",
        re.IGNORECASE,
    ),
    needles="(",
)
# After a modal that is also a first name, a finite verb says it was the sentence's subject
# ("will (my husband) will be driving"); a bare verb says it was the question's modal ("Will
# (my husband) be allowed in?", "May (my daughter) come?").
_FINITE = re.compile(
    r"\s*(?:[,.;:!]|$|(?:will|would|can|could|is|was|has|had|does|did|may|might|must|should|"
    r"wont|won['\u2019]t|doesn['\u2019]?t|didn['\u2019]?t|isn['\u2019]?t|wasn['\u2019]?t|"
    r"cant|can['\u2019]t|[a-z]+ed|[a-z]+[^s\W]s)\b)",
    re.IGNORECASE,
)

# --- the one a message is passed to ---------------------------------------------------------
# "tell skip his daughter says hi" (nam292), "tell Penny I said hi", "ask Royal to call me"
# (nam439), "let mark know I called". What follows the word makes it the person.
_PASS_ON = (
    r"(?:(?:i|we)\s+(?:said|say|says|send|sends|love|miss|called|rang|am|was|will|can)\b"
    rf"|(?:his|her|their)\s+{_AGE_WORDS}(?:{_KIN}){_IN_LAW}(?![\w'\u2019-])"
    r"|that\s+(?:i|we|my|his|her)\b"
    r"|to\s+(?:call|ring|phone|text|email|e-mail|contact|come|bring|pick|drive|get\s+back|reach"
    r"|message|visit)\b)"
)
TELL_NAME = gated(
    re.compile(
        rf"\b(?P<verb>tell|ask|remind|let)\s+(?P<name>{_PLAIN})\s+(?P<rest>{_PASS_ON}|know\b)",
        re.IGNORECASE,
    ),
    words="tell ask remind let",
)

# --- "X is my brother" after a clause's start, and X said again (nam415) ---------------------
IS_MY_KIN_INSIDE = gated(
    re.compile(
        rf"(?:[,;\u2014]|\s-|\b(?:and|but|cause|because|cuz|coz))\s*(?P<name>{_PLAIN})\s+"
        rf"(?:is|was|['\u2019]s)\s+(?:my|our)\s+{_AGE_WORDS}(?:{_KIN}){_IN_LAW}(?![\w'\u2019-])",
        re.IGNORECASE,
    ),
    words="my our",
)
# Where a word found as a name stands again as a subject (a person's verb or a clause's end
# after it): "mark says the pain is worse" ("mark the date" keeps the verb).
_SUBJECT_AFTER = (
    r"(?=\s*(?:[,.;!?]|$)|\s+(?:says|said|is|was|has|had|wants|wanted|thinks|told|asks|asked|"
    r"will|can|could|would|does|did|doesn['\u2019]?t|doesnt|didnt|didn['\u2019]?t|wont|"
    r"won['\u2019]t|cant|can['\u2019]t|keeps|feels|needs|called|drives|lives)\b|['\u2019]s\s)"
)

# --- two words joined before "are my kids" (nam416) -----------------------------------------
_MARK = re.escape(n.NAME_MARK)
_PLURAL_KIN = rf"(?:(?:{_KIN})s?|children|grandchildren|twins|kiddos)"
JOINED_ARE_KIN = gated(
    re.compile(
        rf"(?<![\w'\u2019-])(?P<a>{_MARK}|{_PLAIN})\s+(?:and|&|n)\s+(?P<b>{_MARK}|{_PLAIN})\s+"
        rf"(?:are|were|r)\s+(?:my|our|his|her)\s+{_AGE_WORDS}(?:two\s+|2\s+)?{_PLURAL_KIN}"
        r"(?![\w'\u2019-])",
        re.IGNORECASE,
    ),
    words="are were r",
)

# --- writers who say who they are (nam414, mix481, nam301) ----------------------------------
_WRITES = (
    r"(?:writing|calling|texting|messaging|asking|speaking|typing|emailing|enquiring|inquiring)"
)
_FROM_HOME = (
    rf"from\s+(?:{re.escape(n.NAME_MARK)}\s+)?(?:\[address removed\]|apt\b|apartment\b|unit\b"
    r"|room\b|flat\b|house\b|number\b|no\.|#)"
)
# A writer's match holds one of these as a whole word too (a verb of _WRITES, or _FROM_HOME's
# "from"): "it" / "this" / "are" are in most messages, these in few (masked() asks both;
# measured: 1.1 µs -> 0.1 on an ordinary message holding "it").
_WRITER_WORDS = frozenset(_WRITES.strip("(?:)").split("|")) | {"from"}
SELF_AND_WRITES = gated(
    re.compile(
        rf"\b(?:this\s+is|it['\u2019]?s|its|we['\u2019]?re|we\s+are)\s+(?P<a>{_PLAIN})"
        rf"(?:\s+(?:and|&)\s+(?P<b>{_PLAIN}))?\s+(?:{_WRITES}\b|{_FROM_HOME})",
        re.IGNORECASE,
    ),
    words="this it its s we re are",
)
# "im lil's sister", "i am bub's carer": the writer is kin of the one named.
_CARER = r"(?:carer|caregiver|caretaker|aide|helper|nurse|driver)"
SELF_KIN_OF = gated(
    re.compile(
        rf"\bi(?:['\u2019]?m|\s+am)\s+(?P<name>{_PLAIN})['\u2019]s\s+{_AGE_WORDS}"
        rf"(?:(?:{_KIN}){_IN_LAW}|{_CARER})(?![\w'\u2019-])",
        re.IGNORECASE,
    ),
    words="im m am",
)

# --- a church title before a name (nam438) --------------------------------------------------
# Titles that are nothing else before a capitalised or lower-case name.
_CLERGY = (
    r"(?:bishop|pastor|rev|reverend|deacon|deaconess|rabbi|imam|chaplain|monsignor|msgr|canon)"
)
# Titles that are kin or ordinary words too ("my father", "Mother Nature"): capitalised, with a
# capitalised name after them that is no ordinary word unless a first name.
_FAMILY_TITLES = r"(?:Father|Fr|Sister|Sr|Brother|Br|Mother|Elder|Pr)"
CLERGY_NAME = gated(
    re.compile(
        rf"(?:\b(?i:{_CLERGY})\.?|\b{_FAMILY_TITLES}\.?)[ \t]+"
        rf"(?P<name>{_PLAIN}(?:[ \t]+(?P<second>[A-Z][\w'\u2019-]*))?)"
    ),
    words="""bishop pastor rev reverend deacon deaconess rabbi imam chaplain monsignor msgr canon
    father fr sister sr brother br mother elder pr""",
)

# --- a thanks addressed to a virtue name (nam436) -------------------------------------------
# American spellings and virtue names the list in names.py lacks (that list, made for names
# before a surname, holds "marvellous", "favour"); endearments ("thanks, love") are no names.
_MORE_VIRTUE_WORDS = "marvelous honor honour glory gracious goodness godsent godsgift lovemore"
_MORE_VIRTUES = frozenset(_MORE_VIRTUE_WORDS.split())
_NOT_ADDRESSED_WORDS = """perfect great awesome wonderful lovely brilliant amazing cool fantastic
excellent super nice good fine again all everyone team doc love hun honey dear darling sweetie
sweetheart mate buddy pal bye ok okay much lots heaps so"""
_NOT_ADDRESSED = frozenset(_NOT_ADDRESSED_WORDS.split())
THANKS_NAME = gated(
    re.compile(
        r"\b(?i:thanks|thank\s+you|thank\s+u|thx|ty|cheers)\s*,\s*"
        r"(?P<name>[A-Z][a-z'\u2019-]+)\s*[.!]*\s*$"
    ),
    words="thanks thank thx ty cheers",
)


def _spans_brackets(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in KIN_THEN_BRACKET.finditer(text):
        if _name_word(m.group("name")):
            spans.append(m.span("name"))
    for m in NAME_THEN_KIN_BRACKET.finditer(text):
        word = m.group("name")
        small = word.lower() in n.MODALS or word.lower() in n.STOP
        if small and (word.lower() not in _MODAL_NAMES or not _FINITE.match(m.group("after"))):
            continue  # "Will (my husband) be allowed in?": the question's modal
        if _name_word(word):
            spans.append(m.span("name"))
    for m in BRACKET_IS_KIN.finditer(text):
        if _name_word(m.group("name")):
            spans.append(m.span("name"))
    for m in NAME_THEN_AGE.finditer(text):
        word = m.group("name")
        if not 10 <= int(m.group("age")) <= 120 or word.lower() in n.NOT_NAMES:
            continue  # "April (30)": a day
        if not (wn._at_sentence_start(text, m.start()) or _after_kin(text, m.start())):
            continue
        if _name_word(word, modal_ok=False) and (_listed_first(word) or n.unknown(word)):
            spans.append(m.span("name"))
    return spans


_KIN_BEFORE = re.compile(rf"\b(?i:{_KIN}){_IN_LAW}\s*$", re.IGNORECASE)


def _after_kin(text: str, start: int) -> bool:
    return bool(_KIN_BEFORE.search(text, max(0, start - 30), start))


def _spans_passed_on(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in TELL_NAME.finditer(text):
        if (m.group("verb").lower() == "let") != (m.group("rest").lower() == "know"):
            continue  # "let" only as "let <name> know", "know" only after "let"
        word = m.group("name")
        if _name_word(word) or _plain_nickname(word, m):
            spans.append(m.span("name"))
    return spans


def _plain_nickname(word: str, m: re.Match[str]) -> bool:
    """An ordinary word as the one told: only before "his/her <kin>" or "I said" (a nickname,
    "tell skip his daughter says hi"), and no person said without a name."""
    low = word.lower()
    if low in _NEVER or low in n.ALL_KIN or low in n.CLINICIAN_TITLES or low in n.STOP:
        return False
    if low in n.MODALS or low.endswith("ly") or low.endswith("ing"):
        return False
    return bool(_NICKNAME_TOLD.match(m.group("rest")))


_NICKNAME_TOLD = re.compile(r"(?:his|her|their|i\s+said|we\s+said)\b", re.IGNORECASE)


def _spans_kin_inside(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in IS_MY_KIN_INSIDE.finditer(text):
        if _name_word(m.group("name")):
            spans.append(m.span("name"))
    return spans


def _said_again(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where a word found as a name above stands again as a subject ("mark says ..., mark is
    my brother"): the same word, as typed."""
    found = {text[s:e] for s, e in spans if text[s:e].isalpha()}
    if not found:
        return []
    again = re.compile(
        r"(?<![\w'\u2019-])(?P<word>" + "|".join(map(re.escape, found)) + r")" + _SUBJECT_AFTER
    )
    return [m.span("word") for m in again.finditer(text)]


def _spans_joined(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in JOINED_ARE_KIN.finditer(text):
        pair = [(m.group(g), m.span(g)) for g in ("a", "b")]
        if all(word == n.NAME_MARK or _name_word(word) for word, _ in pair):
            spans.extend(span for word, span in pair if word != n.NAME_MARK)
    return spans


def _spans_self(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in SELF_AND_WRITES.finditer(text):
        groups = [g for g in ("a", "b") if m.group(g)]
        words = [m.group(g) for g in groups]
        if all(_self_name(w) for w in words):
            spans.extend(m.span(g) for g in groups)
    for m in SELF_KIN_OF.finditer(text):
        word = m.group("name")
        low = word.lower()
        if low in _NEVER or low in n.ALL_KIN or low in n.CLINICIAN_TITLES or low in n.STOP:
            continue
        if low in n._lists()[2] and not _listed_first(word) and len(low) > 4:
            continue  # "I'm everyone's", "i'm today's": only short nicknames ("lil", "bub")
        spans.append(m.span("name"))
    return spans


def _self_name(word: str) -> bool:
    """A writer's name after "this is" / "it's": a first name (a month too: "april writing",
    a month writes nothing), not a season ("it's summer from ..." is weather)."""
    low = word.lower()
    if low in wn._SEASONS or low in _NEVER or low in n.ALL_KIN or low in n.DESCRIBING:
        return False
    if low in n.MODALS and low not in _MODAL_NAMES:
        return False
    return _listed_first(word) or (n.unknown(word) and low not in n.STOP)


def _spans_clergy(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in CLERGY_NAME.finditer(text):
        word, second = m.group("name").split()[0], m.group("second")
        clergy = re.match(_CLERGY, m.group(), re.IGNORECASE) is not None
        capital = word[0].isupper()
        low = word.lower()
        if (low in n.STOP and not (capital and low in _MODAL_NAMES)) or low in _NEVER:
            continue  # "Pastor Will said" is a name; "pastor will call" a verb
        if low in n.CLINICIAN_TITLES:
            continue
        named = _listed_first(word) or n.is_surname(word) or n.unknown(word)
        # A clergy title: a name in any case unless an ordinary word in lower case ("pastor
        # will call"); a kin title ("Father", "Sister"): capitalised, no ordinary word unless
        # a first name ("Mother Nature", "Father Christmas" stay).
        if clergy:
            says_name = capital or not n.ordinary(word)
        else:
            says_name = capital and (not n.ordinary(word) or _listed_first(word))
        if not (named and says_name):
            continue
        end = m.end("name")
        if second and n.ordinary(second) and not (n.is_surname(second) or _listed_first(second)):
            end = m.start("name") + len(word)  # "Pastor Will Said"
        spans.append((m.start("name"), end))
    return spans


def _spans_thanks(text: str) -> list[tuple[int, int]]:
    m = THANKS_NAME.search(text)
    if not m:
        return []
    low = m.group("name").lower()
    if low in _NOT_ADDRESSED or low in _NEVER:
        return []
    if low in _MORE_VIRTUES or low in n.VIRTUE_NAMES or _listed_first(m.group("name")):
        return [m.span("name")]
    return []


def masked(text: str) -> str:
    """The text with the names of the shapes above replaced by the name's mark."""
    spans: list[tuple[int, int]] = []
    if "(" in text:
        spans += _spans_brackets(text)
    words = words_of(text)
    if not words.isdisjoint(TELL_NAME.words):
        spans += _spans_passed_on(text)
    # Its match holds a kin word too, whole (its letter runs are n.ALL_KIN's): "my" alone is
    # in most messages (measured: 0.9 µs -> 0.1 on an ordinary message holding "my").
    if not words.isdisjoint(IS_MY_KIN_INSIDE.words) and not words.isdisjoint(n.ALL_KIN):
        inside = _spans_kin_inside(text)
        spans += inside + _said_again(text, inside)
    if not words.isdisjoint(JOINED_ARE_KIN.words):
        spans += _spans_joined(text)
    if (
        not words.isdisjoint(SELF_AND_WRITES.words) and not words.isdisjoint(_WRITER_WORDS)
    ) or not words.isdisjoint(SELF_KIN_OF.words):
        spans += _spans_self(text)
    if not words.isdisjoint(CLERGY_NAME.words):
        spans += _spans_clergy(text)
    if not words.isdisjoint(THANKS_NAME.words):
        spans += _spans_thanks(text)
    if not spans:
        return text
    for start, end in sorted(_merged(spans), reverse=True):
        text = text[:start] + n.NAME_MARK + text[end:]
    return text


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans without overlaps (a longer one wins), none inside a mark already there."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if out and start < out[-1][1]:
            continue
        out.append((start, end))
    return out


# --- "who do I ask for" / "ask for may" (nam413) --------------------------------------------
_ASKS_FOR_NAME = re.compile(
    r"\b(?:who|whom)\b[^.?!]{0,40}\b(?:ask|speak|talk|call|see|look|contact)\b"
    r"|\bwhat(?:['\u2019]?s|\s+is)\s+(?:the\s+|their\s+|his\s+|her\s+|your\s+)?name\b",
    re.IGNORECASE,
)
_ASK_FOR = re.compile(
    rf"\b(?:ask|asking|speak|talk|call)\s+(?:for|to|with)\s+(?P<name>{_PLAIN})\s*[.!]*\s*$",
    re.IGNORECASE,
)


def name_asked_for(previous: str, text: str) -> tuple[str, str] | None:
    """(the name `text` gives when `previous` asked who to ask for; the name's mark): "who do
    I ask for" / "ask for may". A first name of any list, a modal that is a name too."""
    low = previous.lower()
    if "who" not in low and "name" not in low:
        return None
    m = _ASK_FOR.search(text)
    if not m or not _ASKS_FOR_NAME.search(previous):
        return None
    word = m.group("name")
    if not _name_word(word):
        return None
    return m.group(), m.group()[: m.start("name") - m.start()] + n.NAME_MARK + m.group()[
        m.end("name") - m.start() :
    ]
