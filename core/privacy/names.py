"""Find people's names in a patient's message: after a cue, or known first names written as names.

Why: patients introduce themselves ("Hi, I'm Margaret Olsen, 81") and name the person they
care for ("my husband Frank Dale-Moreno needs this"); names are the first of HIPAA's 18
identifiers. Two ways a word is taken as a name:

- **After a cue** that says a name follows ("my name is", "I'm", "this is", "my husband /
  mother / son ...", "Mr", "Mrs"): the capitalised words there, or lower-case ones that are
  known first names or surnames and not ordinary words ("I'm worried" stays).
- **A word in no list** (`unknown`: not ordinary, not the project's own, not one slip from
  such a word) after a person cue, in any case ("my dad oluwaseun adeyemi", "hi im mehmet
  yilmaz"), or capitalised inside a sentence ("Can Kwabena come"): names from the many
  cultures no census list holds (issue 21, third outside tester).
- **Without a cue**: a capitalised known first name that is not an ordinary English word
  ("Margaret", "Dorothy"), and the names that follow it; or a first name that is also a word
  ("Will", "Grace", "Hope") only when a capitalised surname that is not a word follows
  ("Will Smith"), so "Will I...", "May I...", "Grace period" stay.

The lists (core/privacy/data/, made by ops/make_name_lists.py): US Census 1990 first names
and surnames (public domain) and the English words written in lower case at least as often as
capitalised (spaCy's word frequencies), plus the project's own vocabulary (domain.yml,
data/), so "Medicare" or "Kyphoplasty" after "this is" is not taken for a name.
"""

from __future__ import annotations

import itertools
import re
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from core.privacy import month_abbreviations as months
from core.privacy.alternation import one_of
from core.privacy.gate_groups import any_search, direct, which_may_match
from core.privacy.gates import Gated, gated, words_of
from core.privacy.german_nouns import without_nouns as without_german_nouns
from core.privacy.identifiers import COUNTRIES, PHONE_MARK, STATE_WORD
from core.privacy.marks import MARK, outside_marks
from core.privacy.names_in_other_scripts import FUNCTION_WORDS as SCRIPT_FUNCTION_WORDS
from core.privacy.romanised_words import LOWER_ONLY, NEVER_NAMES, without_words_of_language

NAME_MARK = "[name removed]"
DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parents[2]

# A word, with hyphens and apostrophes inside (Dale-Moreno, O'Brien), or an initial ("J.").
WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*\.?")
_RELATIVE_WORD_LIST = (
    "husband wife spouse partner mother mom mum mommy mama father dad daddy papa son "
    "daughter brother sister aunt auntie uncle niece nephew cousin grandmother grandma "
    "granny nana grandfather grandpa grandson granddaughter fiance fiancee boyfriend "
    "girlfriend friend neighbour neighbor caregiver carer patient client stepmother stepfather "
    "stepson stepdaughter sibling child kid parent relative roommate "
    # Informal and other-language kin words patients type ("my hubby rhys", "my grandad arjun
    # mehta", "my tutu", "abuelo Ramón": an outside tester found the names after them raw).
    "hubby wifey grandad granddad gran nan nanna nanny grammy gramps grampa tutu abuelo "
    "abuela abuelita abuelito nonna nonno oma opa babcia dziadek amma appa ammi abba "
    "bestie sis bro stepmum stepmom stepdad grandkid grandchild "
    # "its for my aunty wairimu", "my bf kaito", "my coworker" (round 9: raw).
    "aunty bf gf coworker co-worker colleague boss pastor godmother godfather"
)
_RELATIVE_WORDS = _RELATIVE_WORD_LIST.split()
# Factored by leading letters (core/privacy/alternation.py): some thirty patterns hold it.
_RELATIVE: str = "(" + one_of([re.escape(word) for word in _RELATIVE_WORDS]) + ")"
RELATIVE: str = _RELATIVE  # the same words mark whose age a bracketed number is (redaction.py)
# Every kin word as the gates compare words (letter runs: "co-worker" gives "co", "worker").
ALL_KIN: frozenset[str] = frozenset(re.findall(r"[a-z]+", _RELATIVE_WORD_LIST))
# Verbs that open a question ("Will I be awake?", "May I eat before?", "Can Grace come?"):
# read by every rule that must tell a modal from a first name spelt the same.
MODAL_WORDS = "will may can could should would does did do let must shall might"
MODALS = frozenset(MODAL_WORDS.split())
# "my daughter in law pooja", "my mother-in-law": the in-law after a relative.
IN_LAW = r"(?:[\s-]in[\s-]law)?"
# Cues after which a capitalised word is a name; the lower-case text right after the cue
# ends at the match's end. "Strong" cues say so outright: an ordinary word there is a name too.
STRONG_CUE = gated(
    re.compile(
        # "my name Truong Van Hieu" (round 10: partly raw): no "is", a capital right after.
        r"\b(?=[mnhfsp])(my\s+name\s+is|my\s+name'?s|my\s+name,?(?=\s+(?-i:[A-Z]))|name\s*(is|:)|"
        r"names\s+is|"
        r"(mr|mrs|ms|miss|mx)\.?"
        # Round 22: "Herr Jürgen Schäfer fragt", "Frau Annegret Vogelsang": another language's
        # Mr and Mrs, before a capital only ("frau" is a word too; "Pan" is left: "Pan Am").
        r"|(herr|frau|se\u00f1ora?|sra|srta|signora?|madame|monsieur|mme|mlle|pani|senhora?)"
        r"\.?(?=\s+(?-i:[A-Z\u00c0-\u00d6\u00d8-\u00de])))\s+",
        re.IGNORECASE,
    ),
    "name",
    words="mr mrs ms miss mx herr frau señor señora sra srta signor signora madame monsieur mme "
    "mlle pani senhor senhora",
)
WEAK_CUE = gated(
    re.compile(
        r"\b(?=[hdtrs])(hi|hello|hey|dear|thanks|thank\s+you|regards|sincerely)[\s,]+",
        re.IGNORECASE,
    ),
    words="hi hello hey dear thanks thank regards sincerely",
)
# "I'm Siddharth, my father ...": after a cue that introduces the writer, a capitalised word
# in no list of ordinary words is a name even if no census list holds it; in lower case too
# when the clause ends right after it ("i'm siddharth, is it painful"). An outside tester
# found both raw.
SELF_CUE = gated(
    re.compile(
        r"\b(?=[ith])(i\s*'?\s*m|i\s+am|this\s+is|it'?s(\s+me)?|here\s+is)[\s,]+",
        re.IGNORECASE,
    ),
    words="i im this it its here",
)
# "my husband Frank", "my mother's name is Agnes": after a relative, a capitalised word that
# is not an ordinary word is a name even if no list holds it ("my grandson Jayden").
RELATIVE_CUE = gated(
    re.compile(
        # "its grandma bev", "it's uncle dov" (round 7: raw without the apostrophe): the writer
        # says who they are by their kin word.
        rf"\b(?=[mchtoi])(my|call|his|her|their|our|it['\u2019]?s|this\s+is)\s+(\w+\s+)?{_RELATIVE}s?"
        rf"{IN_LAW}('?s\s+name\s+is|,?\s+(is\s+)?(named|called)|,?\s+is|,)?[\s,]+"
        r"|\bcall\s+me[\s,]+"
        # "the wife of Yusuf Demirtas", "husband of Fatou", "carer of Precious" (issue 21, fourth
        # outside round: the names after them were stored raw).
        # Round 15 (r15n): "hi im the son in law of Euphemia" (the in-law form kept the lookahead
        # from finding "of").
        rf"|\b(?=[a-z]{{2,}}(?:[\s-]in[\s-]law)?\s+of\s)(?i:{_RELATIVE}){IN_LAW}\s+of\s+"
        r"(?!(?:dr|doctor)\b)",
        re.IGNORECASE,
    ),
    words=" ".join(sorted(ALL_KIN | {kin + "s" for kin in ALL_KIN} | {"call"})),
)
# "can u tell nurse beatriz", "is Dr Sunita Raghavan-Pillai doing it" (round 6: stored raw):
# after a nurse's title a first name (nurses go by theirs) is a name; after a doctor's, a
# first name with a surname (a doctor's surname typed alone stays: docs/privacy.md).
TITLE_CUE = gated(
    re.compile(
        r"\b(?=[ndpms])(?:(?P<nurse>nurse|matron|midwife|sr)|dr|doctor|prof|professor|surgeon)\.?\s+",
        re.IGNORECASE,
    ),
    words="nurse matron midwife sr dr doctor prof professor surgeon",
)
# "husband: Fitzgerald O'Shaughnessy. me: Peig O'Shaughnessy" (round 6): a kin word or "me"
# as a label before a colon says whose name follows.
LABEL_CUE = gated(
    re.compile(
        rf"(?:^|(?<=[\s.,;(]))(?:{_RELATIVE}{IN_LAW}|me|myself|caller|writer)\s*:\s*",
        re.IGNORECASE,
    ),
    ":",
)
# "call jean-baptiste at +1 860...", "ring siobhan on 07700...", "olumide's cell is 860...":
# the one to three words between a verb of calling and a phone number (masked by then: names
# run last) are whose number it is (issue 21, round 4: "call jean-baptiste at" was stored raw).
# Ordinary words there stay ("call me at", "call the office on", "call back at"), and so do
# doctors (kept by decision, docs/privacy.md).
_NAME_WORD = r"[^\W\d_][\w'\u2019-]*"
_BEFORE_PHONE = rf"(?:\s*(?:at|on|via|:|-)\s*|\s+){re.escape(PHONE_MARK)}"
PHONE_CUE = gated(
    re.compile(
        r"\b(?=[crtpmw])(?:call|ring|text|phone|contact|reach|message|whatsapp)\s+"
        rf"(?!(?:dr|doctor|nurse|prof)\b)(?=(?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD}{_BEFORE_PHONE})"
        # Not after "my" / "the": "my carer's number is", "my son's number is" say whose
        # number by a role or kin word (round 26, r26b, cal286: "carer's" was masked).
        r"|(?:^|(?<=[\s,(]))(?<!\bmy\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bour\s)(?<!\bthe\s)"
        r"(?<!\byour\s)(?<!\btheir\s)"
        rf"(?={_NAME_WORD}['\u2019]s\s+(?:cell|mobile|phone|number|landline)"
        rf"(?:\s+(?:phone|number))?\s*(?:is|:)?\s*{re.escape(PHONE_MARK)})",
        re.IGNORECASE,
    ),
    "[phone removed]",
)
# "my wife's name is Ye-jin Park and mine is Min-ho Park", "whose name goes on it? mine is
# wanjiru kamau", "my mother's name is agnes and my sister's is bridget": "mine / his / hers /
# my sister's is" say a name follows when the message spoke of names before (`NAME_TALK`;
# issue 21, round 4: stored raw).
MINE_CUE = gated(
    re.compile(
        r"\b(?=[mhto])(?:mine|his|hers|theirs|ours|(?:my|his|her|their|our)\s+(?:\w+\s+)?"
        rf"{_RELATIVE}{IN_LAW}['\u2019]s)(?:\s+is|['\u2019]s|\s*:)\s+",
        re.IGNORECASE,
    ),
    words="mine his hers theirs ours my her their our",
)
NAME_TALK = re.compile(r"\b(?:names?|whose)\b", re.IGNORECASE)
# "Tên tôi là Trần Văn Phúc", "Tên bà tôi là Lê Thị Mai" (round 8: raw), "wo jiao Zhang Wei",
# "ako si Maricel Dizon", "mwen rele Jean-Robert", "ismi Khalid": a name cue in Vietnamese,
# Chinese pinyin, Tagalog, Haitian Creole, Arabic or Korean written in Latin letters says
# outright that the words after it, whatever their case, are a name, up to a mark or a small
# word (`_FOREIGN_STOP`). "Tên thuốc là gì" (the medicine's name) stays: a person comes first.
_VI_PERSON = (
    r"(?:t[ôo]i|b[àa]|[ôo]ng|m[ẹe]|cha|b[ốo]|con|ch[ồo]ng|v[ợo]|anh|ch[ịi]|em|c[ôo]|ch[úu])"
)
FOREIGN_CUE = gated(
    re.compile(
        rf"\b(?:t[êe]n\s+(?:c[ủu]a\s+)?{_VI_PERSON}(?:\s+{_VI_PERSON}){{0,2}}\s+l[àa]"
        rf"|t[ôo]i\s+t[êe]n(?:\s+l[àa])?"
        r"|w[oǒ]\s+ji[aà]o|w[oǒ]\s+de\s+m[ií]ngz[iì]\s+(?:sh[iì]|is)|t[aā]\s+ji[aà]o"
        r"|ako\s+(?:po\s+)?si|siya\s+(?:po\s+)?si|(?:ang\s+)?pangalan\s+(?:ko|niya|nya)\s+(?:po\s+)?(?:ay|ay\s+si)?"
        r"|mwen\s+rel[eé]|li\s+rel[eé]|non\s+(?:mwen|li)\s+se"
        r"|(?:ana\s+)?(?:ismi|esmi|ismee|ismii)|(?:je|nae)\s+ireum(?:eun|i)|ireumeun)\s+",
        re.IGNORECASE,
    ),
    words=(
        "ten tên toi tôi wo wǒ ta tā ako siya ang pangalan mwen li non ana ismi esmi "
        "ismee ismii je nae ireumeun"
    ),
)
_FOREIGN_STOP_WORDS = """tôi toi bị bi và va là la ạ a ne po lang na sa ang imnida ieyo yeyo ipnida
wa ak e se gì gi nào nao ai lola lolo nanay tatay ate kuya"""
_FOREIGN_STOP = frozenset(_FOREIGN_STOP_WORDS.split())
# Cues after which a word in no list of ordinary words is a name, whatever its case: "he's
# called Tadeusz", "ask for Ngozi", "Regards, Hiroshi", "-- Tomasz Wiśniewski" (a sign-off at
# the end), "Kwame Mensah here", "it's maeve again", "Hi its Maeve," (an outside tester found
# these stored raw: names from no list, after cues that say a name follows).
# A sign-off is the last one to three words: after "thanks (so much)", "regards", "cheers", a
# dash, or alone on the last line ("thank you, aroha ngata", "...\nwiremu tane", "- ngaio
# parata"), whatever the case and whatever marks or emoji end the message.
NAMED_CUE = gated(
    re.compile(
        r"\b(?=[cnaospghumqei])(?:called|named|ask\s+for|ask\s+to\s+speak\s+to|speak\s+to|speak\s+with|"
        # "-- sent by Agnieszka Kowalczyk", "on behalf of Abdul", "patient: chen wei, 88"
        r"sent\s+by|on\s+behalf\s+of|patient\s*:|pt\s*:"
        # "greetings from Ikechukwu", "put it under the name Mwajuma Said" (issue 21, round 4
        # leftovers); a place after "greetings from" stays (`_PLACE_WORDS`).
        r"|(?:greetings|hello|hi|hugs|best\s+wishes)\s+from|"
        # "question from Fenella Urquhart-Boyd:", "a quick message from siobhan" (round 6).
        r"(?:questions?|message|note|query|enquiry|inquiry)\s+from|under\s+(?:the\s+|my\s+)?name(?:\s+of)?"
        # "write to me c/o Ashworth-Pryce" (round 7: raw): whose care a letter goes in.
        r"|c/o|care\s+of)\s*",
        re.IGNORECASE,
    ),
    # Substrings: the cue words are not closed by a word boundary ("named" in "namedropping"
    # still runs it); every greeting's cue holds "from".
    needles="called named ask speak sent behalf patient pt from under c/o care",
)
# What may end a sign-off after the names: kisses ("xx", "x o x"), marks, emoji.
_KISSES = r"(?:\s+(?:x+o*x*|xo)\b)?[^\w?]{0,8}"
SIGN_OFF = Gated(
    re.compile(
        r"(?:(?:\b(?:regards|thanks|thx|thank\s+you|thank\s+u|ty|tysm|ta|cheers|best|sincerely|"
        r"love\s+from|love|warmly|blessings|(?:god\s+)?bless(?:\s+you)?|xoxo|xx+|hugs|"
        r"yours(?:\s+truly)?|signed|sign(?:ing|ed)\s+off)\b"
        r"(?:\s+(?:so|very)\s+much|\s+again|\s+all|\s+in\s+advance|\s+heaps|\s+a\s+lot)?"
        # "Cheers mate, Tane Rangihuna", "thanks love, Siobhan" (round 6): who is thanked.
        r"(?:[\s,]+(?:mate|mates|love|all|everyone|folks|guys|team|doc|heaps)\b)?"
        r"|--+|(?<=\s)-|\u2014|\u2013|~)[\s,!.]*|\n\s*)"
        # "many thanks, Fr. Oisin", "blessings, Sr. Mary Agnes": a title of the writer's own.
        r"(?:(?:fr|father|sr|sister|br|brother|rev|pastor|deacon)\.?\s+)?"
        rf"(?:{_RELATIVE}\s+(?=[^\W\d_]))?"
        # "Love from Niamh & Cormac xx", "Erasmus & Thokozile Ndlovu": two people sign (round 5).
        rf"(?=(?:[^\W\d_][\w'\u2019-]*\s*(?:(?:&|and)\s+)?){{1,4}}{_KISSES}$)",
        re.IGNORECASE,
    ),
    # Built here, not by gated(): a line break is one of the needles (a name alone on the
    # last line), and gated() reads its needles split at white space. Every sign-off's word,
    # or a dash, a tilde, kisses or a line break (measured: 5 µs a message ungated).
    needles=("-", "\u2014", "\u2013", "~", "\n", "xx"),
    words=frozenset(
        [
            "regards",
            "thanks",
            "thx",
            "thank",
            "ty",
            "tysm",
            "ta",
            "cheers",
            "best",
            "sincerely",
            "love",
            "warmly",
            "blessings",
            "bless",
            "xoxo",
            "hugs",
            "yours",
            "signed",
            "signing",
        ]
    ),
    figure=False,
)
# "Ama Owusu-Boateng asking about my mum", "Priya Raghunathan writing for my dad", "Tatiana
# Volkova, can you call": one to three words opening the message (after a greeting, if any),
# then a verb that introduces the writer, or a comma. The words are checked by _opening.
OPENING = re.compile(
    r"^\W*(?:(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))\b[\s,!.]*)?"
    # Round 19 (r19n): the words on the first line only ("PATIENT LABEL\nFITZPATRICK, AOIFE B"
    # took the label for a name, and "the label" later in the message went with it).
    r"(?P<name>[^\W\d_][\w'\u2019.-]*(?:[ \t][^\W\d_][\w'\u2019.-]*){0,2}?)"
    r"(?:(?P<comma>\s*[,:]|\s+[-\u2013\u2014]\s)"
    r"|\s+(?:asking|writing|here|speaking|calling|checking|enquiring|inquiring|messaging|"
    r"texting|again|wondering|wants|would\s+like|needs|has\s+a\s+question)\b)",
    re.IGNORECASE,
)
# Words that open a message without being a name ("Hey, ...", "Sorry, ...").
_OPENER_WORDS = """hi hello hey dear thanks ok okay yes no sorry please also so well um hmm hiya
greetings morning evening afternoon doc doctor nurse i'm im i've i'd i'll it's its we're we've
you're that's what's how's"""
OPENERS = frozenset(_OPENER_WORDS.split())
# Words that make the opening a place or an organisation ("Hartford Hospital, where...").
_INSTITUTION_WORDS = """hospital hospitals clinic center centre medical health healthcare university
college pharmacy insurance county city town care group associates radiology orthopedics
memorial institute foundation department"""
INSTITUTIONS = frozenset(_INSTITUTION_WORDS.split())
HERE_CUE = gated(
    re.compile(
        r"(?:^|(?<=[\s,.!?:;]))(?=(?:[^\W\d_][\w'\u2019-]*\s+){1,2}(?:here|again|speaking)\b)",
        re.IGNORECASE,
    ),
    words="here again speaking",
)
# "Hi its Maeve, ...": after "it's" / "this is", a capitalised word in no list of
# ordinary words, with nothing after it in the clause.
SHORT_CUE = gated(
    re.compile(
        r"\b(?=[it])(?:it'?s(?:\s+me)?|this\s+is)[\s,]+"
        r"(?=[A-Z][\w'\u2019-]*\s*(?:[,.!?;:]|$))",
        re.IGNORECASE,
    ),
    words="it its this",
)
# "Can Grace come with me?": a first name after "can"/"will"... and before a verb of coming
# along is a person, even one that is also a word (not "Can Grace period be extended?").
ALONG_CUE = gated(
    re.compile(
        r"\b(?i:can|could|may|will|would|should)\s+(?=[A-Z][a-z]+\s+(?:come|drive|stay|visit|join|"
        r"sit|go|bring|take|pick|help|be\s+with|be\s+there|accompany)\b)"
    ),
    words="can could may will would should",
)
# "Aoife and I have questions": a capitalised word in no list before "and I / and me".
# "Seo-yeon Park and her brother want to know": up to three capitalised words before "and
# her / his / their" and a relative (an outside tester found the first person raw).
AND_ME = gated(
    re.compile(
        r"\b[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2}"
        rf"(?=\s+(?:and|&)\s+(?:I|me|my\b|(?i:her|his|their)\s+(?:\w+\s+)?{_RELATIVE}s?)\b)"
    ),
    needles="&",
    words="and",
)
# "Faith my daughter will drive me", "Consolata, my mum, ...": a first name or a word in no
# list, then "my" and a relative (an outside tester found both raw). Its "'s" ("is") stays out
# of the name (round 28, r28n: "Rocco's my dad" lost it).
APPOSITION = gated(
    re.compile(
        rf"(?:^|(?<=[\s,(]))(?P<name>[^\W\d_][\w'\u2019-]*?)(?:['\u2019]s)?\s*,?\s+"
        rf"(?=\(?my\s+{_RELATIVE}\b)",
        re.IGNORECASE,
    ),
    words="my",
)
# "Carol from next door asks...", "Dawn from church will drive me", "Ngozi across the hall":
# the word before where a person is from (issue 21, round 4: stored raw). It is a name when it
# is a first name, even one that is also a word, or a word in no list (`_neighbour`); the
# first name before it goes with it (`_with_first_names`).
NEIGHBOUR = re.compile(
    r"(?:^|(?<=[\s,(]))(?P<name>[^\W\d_][\w'\u2019-]*)\s*,?\s+(?="
    r"(?:from\s+)?(?:next\s+door|(?:down|across|up)\s+the\s+(?:street|road|hall|lane|block)"
    r"|upstairs|downstairs)\b"
    r"|(?:from|at)\s+(?:my\s+|our\s+|the\s+)?(?:church|chapel|choir|temple|mosque|synagogue|"
    r"parish|work|bingo|book\s+club|senior\s+cent(?:er|re))\b)",
    re.IGNORECASE,
)
# "i'm chiamaka's daughter", "I am Fatou's husband": a name's possessive before a relative
# (issue 21, round 4 leftovers: stored raw); checked as NEIGHBOUR's word is.
POSSESSOR = re.compile(
    rf"(?:^|(?<=[\s,(]))(?P<name>[^\W\d_]+(?:-[^\W\d_]+)*)['\u2019]s\s+(?=(?:\w+\s+)?{_RELATIVE}\b)",
    re.IGNORECASE,
)
# "Sent from Kofi Asante-Mensah's phone", "is this bernadette's chat", "im on mildred's
# account", "its harriets son here" (round 8: raw): after "from" / "on" / "using" / "is this" /
# "it's", the one to three words whose phone, chat, account or kin it is are a name, when the
# last is a name or a word in no list (`_owner`): "is this the hospital's chat" stays.
_OWNED = (
    r"(?:phone|iphone|ipad|tablet|laptop|computer|pc|account|acct|device|cell|mobile|chat|email|"
    rf"e-mail|login|profile|number|{_RELATIVE[1:-1]})"
)
# OWNER's gate: the owned things and kin words, and their plurals ("e-mail": "mail").
_OWNER_GATE_WORDS = ALL_KIN | frozenset(
    [
        "phone",
        "iphone",
        "ipad",
        "tablet",
        "laptop",
        "computer",
        "pc",
        "account",
        "acct",
        "device",
        "cell",
        "mobile",
        "chat",
        "email",
        "mail",
        "login",
        "profile",
        "number",
    ]
)
_OWNER_GATE_WORDS |= {word + "s" for word in _OWNER_GATE_WORDS}
OWNER = gated(
    re.compile(
        r"\b(?:sent\s+from|texting\s+from|typing\s+(?:on|from)|writing\s+(?:on|from)|from|on|using|"
        r"use|via|is\s+this|this\s+is|it['\u2019]?s|its)\s+"
        r"(?P<name>[^\W\d_][\w\u2019-]*(?:\s+[^\W\d_][\w\u2019-]*){0,2}?)"
        rf"(?:['\u2019]s|(?<=[^\W\d_]s))\s+{_OWNED}s?\b",
        re.IGNORECASE,
    ),
    words=" ".join(sorted(_OWNER_GATE_WORDS)),
)
_OWNER_WORD = re.compile(r"[^\W\d_][\w\u2019-]*")


def _owners(text: str) -> list[tuple[int, int]]:
    """OWNER's names: each word a name or in no list, the last one a name at least."""
    spans = []
    for match in OWNER.finditer(text):
        words = list(_OWNER_WORD.finditer(match.group("name")))
        last = words[-1].group()
        possessive = re.search(r"['\u2019]s\s", match.group())
        bare = last[:-1] if not possessive and last.lower().endswith("s") else last
        if not _owner(bare) or any(
            w.group().lower() in STOP or w.group().lower() in _DETERMINERS for w in words
        ):
            continue
        keep = [w for w in words[:-1] if _owner(w.group(), strict=False)]
        start = keep[0].start() if len(keep) == len(words) - 1 and keep else words[-1].start()
        spans.append((match.start("name") + start, match.end("name")))
    return spans


def _owner(word: str, strict: bool = True) -> bool:
    """Could this word be the owner's name? A first name or surname that is no ordinary word,
    a word in no list, or (not strict: the words before the owner's surname, "ama boateng's")
    any but small words and openers."""
    lowered = word.lower()
    if lowered in NOT_NAMES or lowered in TOWNS or lowered in NOT_ALONE or lowered in KEPT_WORDS:
        return False
    # A word one slip from an ordinary word counts too: the possessive before a phone or a
    # chat is a person's ("sent from babban babkan's phone": "babkan" is one from "balkan").
    if unknown(word, slips=False) or ((_is_first(word) or _is_last(word)) and not _ordinary(word)):
        return True
    return not strict and not (lowered in _NOT_KIN_NAMES or lowered in OPENERS)


# Words that, before "my son", are verbs or small words, not a name ("Will my son ...").
_NOT_BEFORE_KIN_WORDS = """will may can could should would does did do hope let ask tell call help
thank thanks take bring drive mark bill pat sue rob drew chase see meet love miss visit told
asked"""
_NOT_BEFORE_KIN = frozenset(_NOT_BEFORE_KIN_WORDS.split())
# "Ngozi or Chidi": a capitalised word in no list joined to a name found.
JOINED = re.compile(r"\s+(?:or|and|&)\s+(?P<name>[^\W\d_][\w'\u2019-]*)")
JOINED_BEFORE = re.compile(r"(?:^|(?<=[\s,(]))(?P<name>[^\W\d_][\w'\u2019-]*)\s+(?:and|&)\s+$")
# "[name removed] parks": a surname left after a name masked before (idempotence).
AFTER_MARK = re.compile(r"\[name removed\]\s+(?P<name>[^\W\d_][\w'\u2019-]*)(?=\s*(?:[,.!?;:]|$))")

# Words that end a name whatever their case.
_STOP = """and or but i im my me we he she his her they our is was are has had have who will would
can could should may might did does do not no yes so the a an to of in on at for with from by
about if as it its this that"""
STOP = frozenset(_STOP.split())


# Census first names that, capitalised, are far more often a place, a people, a faith, a
# holiday or a brand ("fly to Florida", "with Delta", "is Austin too far"): not taken for a
# name without a cue or a surname after them. Hand-written from the outsider pass.
_NOT_ALONE = """
    alabama arizona augusta austin carolina charlotte china cleveland columbus dakota dallas
    delta denver easter florence florida georgia houston india indiana israel jackson jesus
    jordan lincoln madison maryland milford nevada orlando paris raleigh savannah shelton
    sydney trenton valentine victoria virginia abraham moses christian irish german latina
"""
NOT_ALONE = frozenset(_NOT_ALONE.split())
_FAITHS_AND_PEOPLES = """catholic jewish muslim hindu buddhist sikh protestant baptist methodist
mormon lutheran episcopalian presbyterian orthodox evangelical adventist quaker amish hispanic
latino asian african european mexican italian polish french spanish portuguese chinese japanese
korean vietnamese filipino russian ukrainian greek jamaican haitian canadian british english
scottish welsh caribbean native medicare medicaid veteran"""
# Words that describe a person after "I'm" ("I'm Irish", "I'm Christian"), not a name.
DESCRIBING = frozenset(
    {"irish", "german", "latina", "christian", "indian", "american"}
    # Faiths and peoples, capitalised in English so in no list of lower-case words.
    | set(_FAITHS_AND_PEOPLES.split())
    # Church and other titles: "I'm Bishop of our church" (an outsider found it masked).
    | {"bishop", "pastor", "deacon", "reverend", "priest", "elder", "chaplain", "rabbi", "imam"}
    # "I'm Jehovah's Witness" (masked until issue 21's round 4 leftovers).
    | {"jehovah's", "jehovah\u2019s", "jehovah"}
)
# Virtue names common in West and Southern Africa that are ordinary English words and in no
# census list ("I am Blessing Okafor", "this is Memory Banda": issue 21, round 4). Taken as a
# first name only before a surname, after a cue or before a name already found.
_VIRTUE = """blessing favour favor gift memory comfort godswill goodluck precious patience mercy
peace charity prosper fortune happiness beauty lovemore innocent marvellous loveness knowledge
privilege miracle testimony praise wisdom justice promise trust talent destiny divine treasure"""
VIRTUE_NAMES = frozenset(_VIRTUE.split())
# Small words after a name that still leave it a name ("I'm Grace and ...", "Sven here",
# "my son Tom will drive").
_GOES_ON = """and here again speaking will would can could is was has had says said needs"""
_NAME_GOES_ON = frozenset(_GOES_ON.split())
_SELF_GOES_ON = _NAME_GOES_ON | {"from", "with", "for", "calling", "asking", "writing"}
# Capitalised words that are no names after "it's" ("It's Tuesday,").
_DAYS_AND_MONTHS = """monday tuesday wednesday thursday friday saturday sunday january february
march april june july august september october november december ok okay
mon tue tues wed weds thu thur thurs fri sat sun"""
NOT_NAMES = frozenset(_DAYS_AND_MONTHS.split())


def _words(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """First names, surnames, ordinary words and first names that are also words."""
    first, last = _words("first_names.txt"), _words("surnames.txt")
    own: set[str] = set()
    for path in [ROOT / "domain.yml", *sorted((ROOT / "data").glob("*.yml"))]:
        if path.exists():
            own.update(w.lower() for w in WORD.findall(path.read_text(encoding="utf-8")))
    ordinary = _words("ordinary_words.txt") | (own - first - last) | KEPT_WORDS
    return first, last, ordinary, _words("first_names_that_are_words.txt")


# Words that are never a person here though capitalised and in no list of lower-case words
# (an outside tester found each masked in round 5): medicines and devices by brand ("I take
# Humira", "the Kyphon balloon": round 6), eponymous diseases before a possessive
# ("my Alzheimer's mother's back": round 6),
# greetings in Spanish ("Buenas tardes"), the names of identifiers ("my mothers MBI is"),
# places kept like towns ("Puerto Rico").
_KEPT = """humira enbrel xeljanz remicade stelara rinvoq otezla prolia evenity forteo tymlos
reclast fosamax boniva actonel eliquis xarelto pradaxa coumadin plavix brilinta tylenol advil
aleve motrin excedrin ozempic mounjaro jardiance januvia metformin lipitor crestor synthroid
lasix norco percocet vicodin ultram tramadol lyrica neurontin gabapentin celebrex mobic
medrol prednisone keytruda
kyphon medtronic stryker spinejack osteocool avaflex cortoss vertecem kyphopak osteo
alzheimer alzheimers parkinson parkinsons paget pagets crohn crohns hodgkin hodgkins
huntington cushing raynaud sjogren sjögren tourette asperger kummell kümmell scheuermann
bechterew forestier guillain barre barré gehrig meniere ménière dupuytren hashimoto hashimotos
graves addisons cushings raynauds sjogrens sjögrens tourettes dupuytrens
buenas buenos tardes dias días noches hola gracias saludos
mbi mrn ssn hicn dob npi
puerto rico guam
mass sundays mondays tuesdays wednesdays thursdays fridays saturdays nonagenarian centenarian
octogenarian mexico guatemala honduras salvador nicaragua colombia ecuador venezuela bolivia
peru cuba haiti jamaica brazil argentina chile ukraine poland vietnam philippines nigeria ghana
kenya ethiopia somalia k'iche kiche quiche nahuatl quechua tagalog creole urdu hindi punjabi
bengali swahili yoruba igbo amharic arabic farsi pashto"""


def _kept_terms() -> frozenset[str]:
    """data/kept_terms.txt: eponyms, devices, brands, insurers and teams (round 9)."""
    lines = (DATA / "kept_terms.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


# Round 11 (i21n): contractions without their apostrophe ("cant"), sign-offs ("Rgds"), peoples
# and languages ("Hmong"), states and big cities, and the function words of the languages
# patients write in here ("jej wieku", "hermano vive", "Frau"): each was masked as a name.
_ROUND_11_WORDS = "kept_words_round11.txt"


def _round_11_words() -> frozenset[str]:
    """data/kept_words_round11.txt, its comment lines left out (many words a line)."""
    lines = (DATA / _ROUND_11_WORDS).read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


def _countries() -> frozenset[str]:
    """Countries that are no first name ("Canada", "Trinidad"; not "Chad" or "Jordan", which
    stay names after a cue): round 12 masked "from South Korea" as a name."""
    return COUNTRIES - _words("first_names.txt")


# Round 17 (r17n): countries in their own languages, inflected ("syn w Polsce": in Poland).
_COUNTRIES_ABROAD = """polska polsce polski polsku italia brasil shqipëri shqipëria shqipëri
ayiti españa méxico"""
KEPT_WORDS = (
    frozenset(_KEPT.split())
    | _kept_terms()
    | _round_11_words()
    | _countries()
    | frozenset(_COUNTRIES_ABROAD.split())
)
# "at St Francis", "St. Vincent's", "Saint Mary's hospital": a found name that holds its
# "St" is a hospital, church or place. A name found after a "St" it does not hold is not kept
# for that: a rule meant to keep it held a backspace for its "\b" from round 5 on and never
# ran, and run, it kept the care home a mother lives in ("lives at St. Agnes Home"; round 18:
# "Saint Mary Home"), which is where she lives, so it is gone
# (tests/test_pattern_sources.py).
_SAINT_AND_NAME = re.compile(r"(?:st|saint|ste|san|santa)\.?\s+\S+", re.IGNORECASE)


def _saints_place(text: str, start: int, end: int) -> bool:
    """A found name that is a saint's: "St Francis", "at St Vincent hospital"."""
    return _SAINT_AND_NAME.fullmatch(text, start, end) is not None


# "open on Christmas Eve?", "New Year's Eve" (2026-12-05: "Eve" was masked): the eve or day
# of a holiday is no one. The holiday itself is in kept_terms.txt; tied to a person ("born on
# christmas eve") it is a date, masked by the date rules before the names are read.
_HOLIDAY_BEFORE = re.compile(
    r"(?:christmas|xmas|new\s+year(?:['\u2019]?s)?|hanukkah|easter|thanksgiving|halloween|"
    r"valentine(?:['\u2019]?s)?|all\s+hallows['\u2019]?)\s+$",
    re.IGNORECASE,
)
_EVE_OR_DAY = frozenset(["eve", "day"])


def _holiday_eve(text: str, start: int, end: int) -> bool:
    """A found name that is a holiday's eve or day: "Christmas Eve"."""
    return text[start:end].casefold() in _EVE_OR_DAY and bool(
        _HOLIDAY_BEFORE.search(text, max(0, start - 24), start)
    )


# Round 19 (r19p): "she's on 2 West", "4 North" (a hospital ward: a floor and a wing) and
# "the West garage", "the North entrance" (a part of the hospital) name no one: the compass
# word after a floor's number or before a part of a building is kept.
_WARD = re.compile(r"(?i:west|east|north|south)")
_FLOOR_BEFORE = re.compile(r"(?<![\w.-])\d{1,2}(?i:st|nd|rd|th)?[^\S\n]+$")
_BUILDING_PART_AFTER = re.compile(
    r"[^\S\n]+(?i:garage|wing|entrance|lobby|elevators?|tower|building|campus)\b"
)


def _ward_or_wing(text: str, start: int, end: int) -> bool:
    """A found "name" that is a compass word naming a ward or a part of the hospital."""
    if not _WARD.fullmatch(text, start, end):
        return False
    return bool(_FLOOR_BEFORE.search(text, 0, start) or _BUILDING_PART_AFTER.match(text, end))


_SPLIT = re.compile(r"['\u2019-]")


def _parts(word: str) -> list[str]:
    word = word.rstrip(".").lower()
    if "-" not in word and "'" not in word and "\u2019" not in word:
        return [word]  # the common case, without a regex
    return [p for p in _SPLIT.split(word) if p]


def _is_first(word: str) -> bool:
    """A known first name ("Mary", "Mary-Jane"; not "X-ray": only the first part counts)."""
    parts = _parts(word)
    return bool(parts) and parts[0] in _lists()[0]


def is_first_name(word: str) -> bool:
    """A known first name (the census list), for the other modules of core/privacy/."""
    return _is_first(word)


def _known_name(word: str) -> bool:
    """A first name or a surname from the lists (an ordinary word or not)."""
    return _is_first(word) or _is_last(word)


def is_surname(word: str) -> bool:
    """A known surname (the census list), for the other modules of core/privacy/."""
    return _is_last(word)


def _is_last(word: str) -> bool:
    """A known surname, or a double-barrelled name with one ("Dale-Moreno")."""
    return any(len(part) > 1 and part in _lists()[1] for part in _parts(word))


def _ordinary(word: str) -> bool:
    ordinary = _lists()[2]
    return _plain(word) in ordinary or all(part in ordinary for part in _parts(word))


def _plain(word: str) -> str:
    """The word as the lists hold it: lower case, no closing dot, a straight apostrophe. Why:
    phones type "don\u2019t" with a typographic one, and "don" is a census first name (round 11:
    "i don\u2019t know" lost "don\u2019t" in 12 training messages typed that way)."""
    return word.rstrip(".").lower().replace("\u2019", "'")


@lru_cache(maxsize=1)
def _one_letter_off() -> frozenset[str]:
    """Every ordinary word of 5 letters or more with one letter left out ("recived" for
    "received"): a typed word with one letter left out, added, changed or two swapped meets
    one of these (the symmetric-delete way of finding words one slip apart)."""
    return frozenset(
        word[:i] + word[i + 1 :]
        for word in _lists()[2]
        if len(word) >= 5 and word.isalpha()
        for i in range(len(word))
    )


def _slip_of_a_word(word: str) -> bool:
    """Is this word (5 letters or more) an ordinary word typed with one slip? The training
    messages hold such typos on purpose ("pian", "recieved"); a name rarely is one."""
    if len(word) < 5:
        return False
    ordinary_words, deletes = _lists()[2], _one_letter_off()
    if word in deletes:  # a letter left out
        return True
    cut = [word[:i] + word[i + 1 :] for i in range(len(word))]
    return any(c in ordinary_words or c in deletes for c in cut)  # added, changed or swapped


_CONTRACTIONS = frozenset({"t", "s", "re", "ll", "ve", "d", "m"})


def unknown(word: str, slips: bool = True) -> bool:
    """A word in no list of words (not ordinary, not the project's own, not a slip of one),
    nor a description or a day: after a cue that a person follows, it is their name, whatever
    its case ("my dad oluwaseun adeyemi", "my wife ayse"). Measured on the training and
    held-out messages in bench/redaction_compare.py (none of them is masked by it)."""
    lowered = word.rstrip(".").lower()
    if len(lowered) < 2 or not lowered.replace("-", "").replace("'", "").isalpha():
        return False
    if ordinary(word) or lowered in DESCRIBING or lowered in NOT_NAMES or lowered in INSTITUTIONS:
        return False
    parts = _parts(word)
    if (
        len(parts) == 2
        and parts[1] in _CONTRACTIONS
        and (
            ordinary(parts[0]) or (parts[1] == "t" and parts[0].endswith("n"))  # "isn't"
        )
    ):
        return False  # "can't", "dad's", "she'll"
    if len(parts) > 1 and all(len(part) == 1 or ordinary(part) for part in parts):
        return False  # "X-ray", "T-score"
    return not slips or not any(_slip_of_a_word(part) for part in _parts(word))


def ordinary(word: str) -> bool:
    """An ordinary English word, the project's own, or a small word: not a name or a place."""
    plain = _plain(word)
    return plain in STOP or _ordinary(word) or inflected_word(plain)  # i21r: "stiffest"


def _capitalised(word: str) -> bool:
    return word[0].isupper()


def _initial(word: str) -> bool:
    return len(word) == 2 and word[1] == "." and word[0].isupper()


def _known(word: str) -> bool:
    """A first name or surname from the lists, not an ordinary word ("frank", "nguyen")."""
    return (_is_first(word) or _is_last(word)) and not _ordinary(word)


_LOWER_INITIAL = re.compile(r"[^\W\d_]\.")


def _next_name_word(word: str, cue: str) -> bool:
    """After a name's first word, can this word go on with it (surname, initial)? After "my
    name is", a surname that is also a word goes too ("john doe")."""
    if word.lower().rstrip(".") in STOP or word.lower() in OTHER_LANGUAGE:
        return False  # "Ilir Krasniqi është 91" (Albanian: is)
    if cue == "foreign":
        return word.lower() not in _FOREIGN_STOP
    if not _capitalised(word) and word.lower() in _NAME_GOES_ON:
        return False  # "Ms Adeyemi-Balogun said I should" (round 7: "said" went with the name)
    if _capitalised(word):
        return _initial(word) or _is_last(word) or not _ordinary(word)
    if cue in ("named", "mine"):
        return not ordinary(word) or _LOWER_INITIAL.fullmatch(word) is not None  # "kwabena o."
    if cue in ("relative", "self", "nurse", "doctor", "strong") and unknown(word):
        # "my dad oluwaseun adeyemi", "this is keoni kahananui", "my names zofia grzelak"
        # (round 8: the surname after "name:" / "my names" was kept).
        return True
    return _known(word) or (cue == "strong" and (_is_last(word) or _is_first(word)))


def _first_name_word(word: str, nxt: str, cue: str) -> bool:
    """Can this word start a name after a cue? `cue`: "strong" ("my name is"), "weak"
    ("I'm"; "my husband", "relative"), or "sure" (the caller has checked the word already)."""
    if word.lower() in OTHER_LANGUAGE:
        return False  # "Mwen rele Jean" (Creole: I am called), round 17: the cue went too
    if cue == "sure":
        return True
    if cue == "foreign":
        return word.lower() not in STOP and word.lower() not in _FOREIGN_STOP
    strong_stop = cue == "strong" and (_capitalised(word) or (_is_first(word) and _is_last(nxt)))
    if word.lower().rstrip(".") in STOP and not strong_stop:  # "my name is will smith"
        return False
    if cue == "strong":
        return True
    if cue == "mine":  # "mine is Min-ho Park", "my sister's is bridget"
        return _capitalised(word) or not ordinary(word) or _is_first(word)
    if cue == "named":
        if word.lower() in TOWNS or word.lower() in NOT_ALONE or STATE_WORD.fullmatch(word):
            return False  # "greetings from Bristol", "hello from Florida"
        if word.lower().rstrip(".") in CLINICIAN_TITLES:
            return False  # "a note from Dr Patel": TITLE_CUE judges what follows a title
        # "ask for grace", "sent by wiremu": a first name, even one that is also a word.
        return not ordinary(word) or (_is_first(word) and word.lower() not in NOT_ALONE)
    if cue == "along":
        return _is_first(word) and word.lower() not in NOT_ALONE
    if cue in ("nurse", "doctor"):
        return _titled_name(word, nxt, cue)
    if not _capitalised(word):
        if cue == "relative" and _goes_on_as_a_word(word, nxt):
            # "my mom rose early" (round 25): a name that is also a word, then the sentence
            # goes on in lower case ("rose" is capitalised more often than not, so it is in no
            # list of ordinary words: `unknown` and `_known` took it for a name).
            return False
        if cue == "relative" and unknown(word):
            return True  # "my daughter in law pooja", "my wife ayse"
        if cue == "relative" and unknown(word, slips=False) and nxt.lower() in _NAME_GOES_ON:
            return True  # "my son in law tunde will": one slip from "tuned", but a name goes on
        if cue == "self" and unknown(word) and not _ADJECTIVE.search(word):
            # "hi this is keoni kahananui", "hi im mehmet yilmaz"; not "i'm osteopenic"
            return bool(nxt) and (unknown(nxt) or _known(nxt) or nxt.lower() in _SELF_GOES_ON)
        # "this is maeve gallagher": a word in no list before a known surname.
        return _known(word) or (not ordinary(word) and _is_last(nxt) and not ordinary(nxt))
    # "I am Blessing Okafor", "this is Memory Banda": a first name that is also a word, then
    # a capitalised surname (issue 21, round 4); not "I'm Jehovah's Witness", "I am Medicare".
    if (
        cue == "self"
        and _capitalised(word)
        and (word.lower() in _lists()[3] or word.lower() in VIRTUE_NAMES)
        and _surname_follows(nxt)
    ):
        return True
    # "my dad is Ho Sung Kim": after a kin word, any capitalised word before a surname.
    if cue == "relative" and word.lower() not in STOP and _surname_follows(nxt):
        return True
    # "my husband Prosper first?", "my daughter Bliss will drive" (round 8: raw): after a kin
    # word, a capitalised word inside the sentence is a name even if it is a dictionary word,
    # unless it is a small word or a verb typed with a capital ("my husband Has a question").
    if cue == "relative" and _capitalised(word) and _kin_named(word):
        return True
    # "my auntie Blessing is coming", "my sister Precious will drive" (round 5): after a kin
    # word, a first name that is also a word, unless the sentence goes on with it as a word.
    if (
        cue == "relative"
        and (word.lower() in VIRTUE_NAMES or word.lower() in _lists()[3])
        and not _goes_on_as_a_word(word, nxt)
    ):
        return True
    # "I'm Siddharth, my father": in no list, but the writer's name; not "I'm Sterling
    # silver allergic" (the sentence goes on in lower case).
    if (
        cue == "self"
        and not _ordinary(word)
        and word.lower() not in DESCRIBING
        and (not nxt or _capitalised(nxt) or nxt.lower() in _SELF_GOES_ON)
    ):
        return True
    # "I'm Young at heart", "I'm Sterling silver allergic": a word that may be a name, then
    # the sentence goes on in lower case.
    if cue in ("weak", "self") and _goes_on_as_a_word(word, nxt):
        return False
    # "I'm Grace", "my mother Dorothy", "I'm Oluwaseun Adeyemi"; not "I'm Catholic".
    two_unknown = bool(nxt) and _capitalised(nxt) and not _ordinary(nxt) and not _ordinary(word)
    relative_unknown = cue == "relative" and not _ordinary(word)
    if word.lower() in DESCRIBING and not two_unknown:
        return False
    return _is_first(word) or _known(word) or two_unknown or relative_unknown


CLINICIAN_TITLES = frozenset({"dr", "doctor", "prof", "professor", "nurse", "surgeon"})
_NOT_KIN_NAMES_WORDS = """has had have is was are were will would can could should may might must
does did do says said wants needs thinks feels gets got keeps also just still really always never
too only even already again here there please thanks thank sorry ok okay lol yes no not who
what when where why how which that this these those all both some any every each other another
first last next new old young elder older younger late dear poor little big sweet"""
_NOT_KIN_NAMES = frozenset(_NOT_KIN_NAMES_WORDS.split())


def _kin_named(word: str) -> bool:
    """Right after a kin word, is this capitalised word a name though it may be a word?"""
    lowered = word.lower().rstrip(".")
    return not (
        word.isupper()
        or lowered in STOP
        or lowered in _NOT_KIN_NAMES
        or lowered in _NOT_BEFORE_KIN
        or lowered in OPENERS
        or lowered in CAPITALISED_WORDS
        or lowered in NOT_NAMES
        or lowered in TOWNS
        or lowered in KEPT_WORDS
        or lowered in DESCRIBING
        or STATE_WORD.fullmatch(word) is not None
    )


def _titled_name(word: str, nxt: str, cue: str) -> bool:
    """After "nurse" a first name or a word in no list ("nurse beatriz", not "nurse said");
    after "dr" the same, but only with a surname after it ("Dr Sunita Raghavan-Pillai";
    "Dr. Patel" stays, a clinician's surname typed alone: docs/privacy.md)."""
    lowered = word.lower().rstrip(".")
    if lowered in STOP or lowered in NOT_ALONE or lowered in CAPITALISED_WORDS:
        return False
    first = (
        (_is_first(word) and not _ordinary(word))
        or unknown(word, slips=False)
        # Round 23: "Is Dr. Faith Adeyemi the one doing it?": a first name that is also a word,
        # capitalised, before a surname, is a doctor's full name (as "Dr Sunita ...").
        or (_capitalised(word) and _is_first(word) and _surname_follows(nxt))
    )
    if not first or _goes_on_as_a_word(word, nxt):
        return False
    if cue == "nurse":
        return True
    return bool(nxt) and nxt.lower() not in STOP and _next_name_word(nxt, "relative")


def _goes_on_as_a_word(word: str, nxt: str) -> bool:
    """A name that is also a word, then the sentence goes on in lower case: the word."""
    return (
        (_ordinary(word) or _also_a_word(word) or word.lower() in DESCRIBING)
        and bool(nxt)
        and not _capitalised(nxt)
        and nxt.lower() not in _NAME_GOES_ON
    )


def _run(text: str, start: int, cue: str, limit: int = 4) -> tuple[int, int] | None:
    """The span of the name that starts at `start` (up to `limit` words), if one does."""
    words: list[re.Match[str]] = []
    for match in WORD.finditer(text, start):
        gap = text[words[-1].end() if words else start : match.start()]
        if gap.strip() or "\n" in gap or len(words) == limit:
            break
        if match.end() - match.start() == 1 and text[match.end() : match.end() + 1].isdigit():
            break  # Round 23 (r23n): a vertebra, "Patient: L1 fracture" ("[name removed]1")
        words.append(match)
        if _ends_sentence(match):
            break  # "my mom is Rosa. She is 80": the name ends there, and its full stop stays
    if not words:
        return None
    nxt = words[1].group() if len(words) > 1 else ""
    if not _first_name_word(words[0].group(), nxt, cue):
        return None
    end = _name_end(words[0])
    for match in words[1:]:
        if not _next_name_word(match.group(), cue):
            break
        end = _name_end(match)
    # Round 28 (r28n): from the name's first letter: a cue's end before a space ("Rocco's my
    # dad, Rocco ...") left the space inside the mark ("my dad,[name removed]").
    return words[0].start(), end


_ABBREVIATIONS = frozenset(
    {"mr.", "mrs.", "ms.", "dr.", "st.", "jr.", "sr.", "fr.", "mt.", "prof.", "rev.", "sgt."}
)


def _ends_sentence(word: re.Match[str]) -> bool:
    """A word of two letters or more with a full stop ends its sentence; an initial or a
    title ("J.", "Mrs.", "Jr.") goes on."""
    value = word.group()
    return value.endswith(".") and len(value) > 2 and value.lower() not in _ABBREVIATIONS


def _name_end(word: re.Match[str]) -> int:
    """Where a name's word ends: before the full stop that ends its sentence."""
    return word.end() - 1 if _ends_sentence(word) else word.end()


# "dad's caretaker jovanka will bring him", "moms aide jovanka", "our home health aide
# jovanka" (round 13: raw): a carer's word after a possessive, a kin word's possessive
# included, with one of the kinds of care before it.
HELPER_CUE = gated(
    re.compile(
        rf"\b(?:(?:my|his|her|their|our|the)\s+|{_RELATIVE}['\u2019]?s\s+)"
        r"(?:(?:home\s+health|personal\s+care|visiting|live[\s-]in|private|night|day)\s+)?"
        r"(?:caretaker|care\s*taker|aide|aid|helper|sitter|companion|driver|housekeeper|pca|cna|"
        r"hha|caregiver|carer|nanny|assistant)s?\s*,?\s+",
        re.IGNORECASE,
    ),
    words=(
        "caretaker caretakers care aide aides aid aids helper helpers sitter sitters "
        "companion companions driver drivers housekeeper housekeepers pca pcas cna cnas "
        "hha hhas caregiver caregivers carer carers nanny nannys assistant assistants"
    ),
)
_HERE_AFTER = re.compile(r"\s+(?:here|again|speaking)\b", re.IGNORECASE)
_CUES = (
    (STRONG_CUE, "strong"),
    (WEAK_CUE, "weak"),
    (SELF_CUE, "self"),
    (RELATIVE_CUE, "relative"),
    (NAMED_CUE, "named"),
    (SIGN_OFF, "sign-off"),
    (HERE_CUE, "named"),
    (SHORT_CUE, "named"),
    (ALONG_CUE, "along"),
    (PHONE_CUE, "named"),
    (MINE_CUE, "mine"),
    (TITLE_CUE, "title"),
    (LABEL_CUE, "relative"),
    (HELPER_CUE, "relative"),
    (FOREIGN_CUE, "foreign"),
)
# The cues that may match a text, their gates asked together: one look at the text's words
# where each cue asked its own gate (core/privacy/gate_groups.py), and the bare pattern run
# for a word gate already answered (measured: `_cued` 28.1 -> 26.4 µs per mix message).
_cues_that_may_match = which_may_match(p for p, _ in _CUES)
_CUE_RUNS = tuple((direct(pattern), pattern, cue) for pattern, cue in _CUES)


# After "I'm": a lower-case word in no list, then the clause ends ("i'm siddharth, is it").
_CLAUSE_END = re.compile(r"\s*(?:[,.!;:]|$|\s(?:and|here|again)\b)")
# After a sign-off's name: nothing but marks, emoji or kisses to the end of the message, or a
# second person's name after "&" / "and" (taken by `_joined`).
_MESSAGE_END = re.compile(
    rf"(?:\s*(?:&|and)\s+[^\W\d_][\w'\u2019-]*(?:\s+[^\W\d_][\w'\u2019-]*)?)?{_KISSES}",
    re.IGNORECASE,
)
# Endings of adjectives a patient says of themselves ("i'm osteopenic", "i'm menopausal").
_ADJECTIVE = re.compile(r"(?:ic|ous|ive|ed|ing|ful|less|able|ible|ish|oid|\w{5}al)$")


# Words a patient calls the reader after thanks ("thanks, love", "cheers, mate"): no name.
_ENDEARMENTS = frozenset(
    [
        "love",
        "luv",
        "dear",
        "dearie",
        "hon",
        "honey",
        "sweetie",
        "sweetheart",
        "darling",
        "pet",
        "mate",
        "mates",
        "all",
        "everyone",
        "folks",
        "guys",
        "team",
        "doc",
        "babe",
    ]
)


# "it's summer here", "its night here": a season or a time of day after "it's", no name.
SEASON_AFTER_ITS = re.compile(
    r"\b(?:it['\u2019]?s|it\s+is)\s+(?:summer|winter|spring|autumn|fall|night|morning|evening|"
    r"afternoon|noon|midnight|late|early|cold|hot|warm|quiet|busy|dark|sunny|raining|snowing)$",
    re.IGNORECASE,
)


def _cued(text: str) -> list[tuple[int, int]]:
    spans = []
    for place in _cues_that_may_match(text):
        finditer, pattern, cue = _CUE_RUNS[place]
        if (pattern is PHONE_CUE and PHONE_MARK not in text) or (
            cue == "mine" and not NAME_TALK.search(text)
        ):
            continue  # cheap tests first: these cues need a masked phone, a word of names
        for match in finditer(text):
            if cue == "mine" and not NAME_TALK.search(text, 0, match.start()):
                continue  # "mine is worse than hers"
            if cue == "strong" and (
                _miss_as_a_verb(text, match) or _abbreviation_title(text, match)
            ):
                continue  # "I will miss Mass on Sunday" (round 7: "Mass" was masked)
            if cue == "title":
                cue = "nurse" if match.group("nurse") else "doctor"
            span = _run(text, match.end(), "named" if cue == "sign-off" else cue)
            if cue == "sign-off" and span and not _MESSAGE_END.fullmatch(text, span[1]):
                continue  # "thanks - Humana member": the words after it are ordinary
            if cue == "sign-off" and span and text[span[0] : span[1]].lower() in _ENDEARMENTS:
                continue  # "thanks, love" (round 26): the reader addressed, no one named
            if pattern is HERE_CUE and span and not _HERE_AFTER.match(text, span[1]):
                continue  # "is the kit used here" (round 6): the name must reach "here"
            if pattern is HERE_CUE and span and SEASON_AFTER_ITS.search(text, 0, span[1]):
                continue  # "it's summer here from now on" (round 26): the weather, no name
            if (
                pattern is HERE_CUE
                and span
                and RELATIVE_WORD.fullmatch(text[span[0] : span[1]].lower())
            ):
                continue  # "son here" (round 18): the writer says who they are by their kin
            if span and not (cue == "named" and text[span[0] : span[1]].lower() in NOT_NAMES):
                spans.append(span)
            elif cue == "self" and not span:
                spans.extend(_lower_self(text, match.end()))
    spans.extend(span for m in AND_ME.finditer(text) if (span := _before_and(m)))
    for match in APPOSITION.finditer(text):
        word = match.group("name")
        if word.lower() in STOP or word.lower() in _NOT_BEFORE_KIN or word.lower() in OPENERS:
            continue
        if unknown(word) or (_capitalised(word) and _is_first(word)):
            spans.append(match.span("name"))
    spans.extend(_neighbours(text))
    spans.extend(_kin_names(text))
    if "s " in text:
        spans.extend(_owners(text))
    spans.extend(_families(text))
    spans.extend(_plural_families(text))  # Round 15 (r15n)
    spans.extend(_round_11_names(text))
    spans.extend(_round_12_names(text))  # Round 12 (i21r)
    spans.extend(_round_14_names(text))  # Round 14 (r14p)
    spans.extend(_comma_names(text))  # Round 16 (r16f)
    spans.extend(_bare_kin_names(text))  # Round 16 (r16n)
    spans.extend(_names_before_kin_bracket(text))  # Round 16 (r16n)
    spans.extend(_capital_kin_names(text))  # Round 18 (r18n)
    spans.extend(word_names.spans(text))  # Round 19 (r19n): "Rusty drives me", "Hope's car"
    spans.extend(pasted_names.spans(text))  # Round 19 (r19n): "Name/Nombre\nWILHELMINA ..."
    spans.extend(people_in_clauses.spans(text))  # Round 20 (r20n): "tell Precious and Goodness I"
    spans.extend(
        clause_names.spans(text)
    )  # Round 21 (r21n): "my son Will is", "Pat is my wife's name"
    opening = OPENING.match(text)
    if opening and _opening(opening):
        spans.append(opening.span("name"))
    return spans


# --- Round 11 (i21n): names after cues an outside tester found stored raw, as classes --------
# "Good morning from Thandiwe!", "good evening from the Okafors": a greeting of the day, then
# "from" and who sends it (a town there stays: cue "named").
GREETING_FROM = re.compile(
    r"\b(?:good\s+)?(?:morning|afternoon|evening|day|night|greetings|love|regards|wishes)"
    r"\s+from\s+",
    re.IGNORECASE,
)
# "... you've been a big help. from Gwenllian": "from" opening the last sentence, then a name
# to the end of the message (a sign-off; "I came from Leeds" is no sentence of its own).
FROM_SIGN_OFF = re.compile(r"(?:^|(?<=[.!,;\n])\s*)from\s+", re.IGNORECASE)
# "my boyfriend tyrese works nights": after a kin word, a lower-case word that is no English
# word (though one letter from one: "tyres"), then a verb in -s ("works", "drives", "says").
KIN_THEN_VERB = gated(
    re.compile(
        rf"\b(?:my|our|his|her|their)\s+{_RELATIVE}{IN_LAW}\s+"
        r"(?P<name>[a-z][\w'\u2019-]*)\s+(?P<verb>[a-z]{3,}s)\b",
        re.IGNORECASE,
    ),
    words="my our his her their",
)
# "Abdulrahman Al-Farsi. Is the procedure...": two or three capitalised words alone as the
# first sentence, the first a first name or in no list.
NAME_SENTENCE = re.compile(
    r"^\W*(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){1,2})\.\s+(?=[A-Z])"
)


def _round_11_names(text: str) -> list[tuple[int, int]]:
    """Round 11's cues: a greeting of the day or a sign-off "from", a possessive before a kin
    word ("grace's son kwabena": both names, a first name that is a word counts before "'s"),
    a lower-case name between a kin word and a verb, a name alone as the first sentence."""
    spans: list[tuple[int, int]] = []
    if "from" in text.lower():
        for match in GREETING_FROM.finditer(text):
            after = WORD.match(text, match.end())
            if after and (_capitalised(after.group()) or not ordinary(after.group())):
                spans.append(_run(text, match.end(), "named") or (0, 0))  # not "from sunny Florida"
        for match in FROM_SIGN_OFF.finditer(text):
            span = _run(text, match.end(), "named")
            if span and _MESSAGE_END.fullmatch(text, span[1]):
                spans.append(span)
    if POSSESSIVE_GATE.search(text):
        for match in POSSESSOR.finditer(text):
            word = match.group("name")
            lowered = word.lower()
            if (
                _is_first(word)
                and lowered not in _NOT_FIRST
                and not RELATIVE_WORD.fullmatch(lowered)
            ):
                spans.append(match.span("name"))
                kin = RELATIVE_WORD.search(text, match.end())
                if kin:
                    spans.append(_run(text, kin.end() + 1, "relative") or (0, 0))
    for match in KIN_THEN_VERB.finditer(text):
        name, verb = match.group("name"), match.group("verb")
        if unknown(name, slips=False) and ordinary(verb) and verb.lower() not in STOP:
            spans.append(match.span("name"))
    sentence = NAME_SENTENCE.match(text)
    if sentence:
        words = WORD.findall(sentence.group("name"))
        first = words[0]
        if not any(w.lower() in _NOT_FIRST for w in words) and (
            (_is_first(first) and not _ordinary(first)) or unknown(first, slips=False)
        ):
            spans.append(sentence.span("name"))
    return [span for span in spans if span != (0, 0)]


# "Sandy and Bud Hollingsworth here, Bud is the one...": a name masked once is masked where
# the message says it again (the same word, as typed; a word that is also an English word only
# when capitalised both times).
def said_again(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The other places where a word of a name found stands (the rules' finds and the learned
    scorer's: "Maeve, no sorry, Maeve O'Sullivan-Park", round 25, r25c)."""
    names = {
        w
        for start, end in spans
        for w in WORD.findall(text[start:end])
        if len(w) > 1 and w.lower() not in _NOT_FIRST and (_capitalised(w) or not ordinary(w))
    }
    if not names:
        return []
    if all(text.count(name) == 1 for name in names):
        # Each said once, inside its own span: nothing new, and no pattern to compile (a
        # pattern made of this message's names is compiled anew for every message).
        return _said_again_lower(text, names)
    pattern = re.compile(
        r"(?<![\w'\u2019-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w'\u2019-])"
    )
    again = [  # "Dr Patel said, Patel is good": a doctor's surname stays (docs/privacy.md)
        m.span() for m in pattern.finditer(text) if not _TITLE_BEFORE.search(text[: m.start()])
    ]
    return again + _said_again_lower(text, names)


# A clinician's title right before a word, in English and the other languages the bot answers
# in (round 25, r25n: "Dra. Fernández", "Doctora", "Dr.\u00aa", "Dott.ssa", "Docteur", "Doktor").
TITLES = (
    r"(?:dr|dra|drs|doctora?|prof|profa|professora?|doutora?|dott|dottore|dottoressa"
    r"|docteure?|doktor|dre)(?:\.?\u00aa|\.ssa)?\.?"
)
TITLE_BEFORE = re.compile(rf"\b{TITLES}\s+$", re.IGNORECASE)
_TITLE_BEFORE = TITLE_BEFORE


# "We are the Abernathy-Okoros, the two of us look after grandad", "it's the Kowalczyks
# again" (round 15, r15n: raw): a family's name in the plural after "we are the", "it's the",
# "from the"; "we are the patients" stays (an English word).
PLURAL_FAMILY = re.compile(
    r"\b(?:we\s+are|we['\u2019]?re|it['\u2019]?s|its|from)\s+the\s+"
    r"(?P<name>[^\W\d_][\w'\u2019]*(?:-[^\W\d_][\w'\u2019]*)*s)\b(?!['\u2019-])",
    re.IGNORECASE,
)


def _plural_families(text: str) -> list[tuple[int, int]]:
    """PLURAL_FAMILY's names: capitalised, and hyphenated or in no list of words (a plural
    of an English word, "the patients", is in the lists)."""
    lower = text.lower()
    if "the " not in lower or not ("we" in lower or "it" in lower or "from" in lower):
        return []
    return [
        m.span("name")
        for m in PLURAL_FAMILY.finditer(text)
        if m.group("name")[0].isupper()
        and ("-" in m.group("name") or unknown(m.group("name"), slips=False))
    ]


# "from the Oyelaran family", "the Abernethy-Quaye family are coming", "Nakamura family here"
# (round 7: raw): a surname before "family" ("the whole family", "our family doctor" stay).
FAMILY = re.compile(
    r"(?P<name>[^\W\d_][\w'\u2019-]*)\s+(?:family|famly|familly|fam|household|clan)\b",
    re.IGNORECASE,
)


def _families(text: str) -> list[tuple[int, int]]:
    """FAMILY's surnames: a word in no list, or a surname written as one."""
    if "fam" not in text.lower():
        return []
    return [
        m.span("name")
        for m in FAMILY.finditer(text)
        if m.group("name").lower() not in _NOT_FIRST
        and (
            unknown(m.group("name"), slips=False)
            or (_capitalised(m.group("name")) and _known(m.group("name")))
        )
    ]


_MISS_AFTER = re.compile(
    r"\b(?:will|would|to|i|we|you|they|she|he|may|might|can|could|not|never|don'?t|won'?t|ll|"
    r"gonna|really|also|all|did|do|does)\s+$",
    re.IGNORECASE,
)


def _miss_as_a_verb(text: str, match: re.Match[str]) -> bool:
    """STRONG_CUE's "miss" after a subject or a helping verb is the verb ("we'll miss mass")."""
    return match.group().lower().startswith("miss") and bool(
        _MISS_AFTER.search(text, max(0, match.start() - 12), match.start())
    )


def _lower_self(text: str, start: int) -> list[tuple[int, int]]:
    """ "i'm siddharth, ...": one lower-case word in no list, then the clause ends."""
    word = WORD.match(text, start)
    if not word or _capitalised(word.group()) or len(word.group()) < 3:
        return []
    if ordinary(word.group()) or word.group().lower() in DESCRIBING:
        return []
    if _ADJECTIVE.search(word.group()) or _compound_word(word.group()):
        return []
    return [word.span()] if _CLAUSE_END.match(text, word.end()) else []


# Cheap tests before NEIGHBOUR and POSSESSOR, which try every word of the message.
NEIGHBOUR_GATE = gated(
    re.compile(
        r"\b(?:door|street|road|hall|lane|block|upstairs|downstairs|church|chapel|choir|temple|"
        r"mosque|synagogue|parish|work|bingo|club|senior)\b",
        re.IGNORECASE,
    ),
    words=(
        "door street road hall lane block upstairs downstairs church chapel choir temple "
        "mosque synagogue parish work bingo club senior"
    ),
)
POSSESSIVE_GATE = re.compile(rf"['\u2019]s\s+(?:\w+\s+)?{_RELATIVE}\b", re.IGNORECASE)


def _neighbours(text: str) -> list[tuple[int, int]]:
    """Names before where a person is from ("Carol from next door") or a possessive before a
    relative ("chiamaka's daughter"; a typo of a word rarely is one: no slips there)."""
    spans = []
    if NEIGHBOUR_GATE.search(text):
        spans += [m.span("name") for m in NEIGHBOUR.finditer(text) if _neighbour(m.group("name"))]
    if POSSESSIVE_GATE.search(text):
        spans += [
            m.span("name") for m in POSSESSOR.finditer(text) if _neighbour(m.group("name"), False)
        ]
    return spans


def _neighbour(word: str, slips: bool = True) -> bool:
    """NEIGHBOUR's word: a first name ("Carol", "Mark") or a word in no list ("Ngozi"), not a
    place, a day or a thing ("Noise from next door", "Sunday at church")."""
    lowered = word.lower()
    if lowered in STOP or lowered in OPENERS or lowered in TOWNS:
        return False
    if lowered in NOT_NAMES and not _is_first(word):
        return False  # "Sunday at church"; not "June from the choir"
    if lowered in NOT_ALONE or lowered in CAPITALISED_WORDS or lowered in DESCRIBING:
        return False
    return unknown(word, slips) or (_is_first(word) and (_capitalised(word) or not ordinary(word)))


def _before_and(match: re.Match[str]) -> tuple[int, int] | None:
    """AND_ME's name: its words from the first that is no ordinary word ("Does Margaret")."""
    words = list(WORD.finditer(match.group()))
    while words and (ordinary(words[0].group()) or words[0].group().lower() in CAPITALISED_WORDS):
        words.pop(0)
    before = WORD_BEFORE.search(match.string, 0, match.start())
    if before and before.group(1).lower() in _DETERMINERS:
        return None  # "my Bible and my Rosary": a thing of mine
    if not words or (len(words) == 1 and words[0].group().lower() in NOT_ALONE):
        return None
    return match.start() + words[0].start(), match.end()


# The last word of an identifier's label ("BCBS ID:", "Medicare No.:", "Chart MRN:").
_ID_LABELS = frozenset({"id", "no", "num", "nbr", "number", "mrn", "ssn", "dob"})


def _opening(match: re.Match[str]) -> bool:
    """Are OPENING's words a name? None a small word or an opener; one at least in no list
    of ordinary words; in lower case, none at all. Before a bare comma, a single word must
    be a known first name or surname ("Teriparatide, does it..." stays)."""
    words = WORD.findall(match.group("name"))
    lowered = [w.lower().rstrip(".") for w in words]
    if lowered and lowered[-1] in _ID_LABELS:
        return False  # Round 19 (H05): "BCBS ID: [ID removed]" is a label, not a name
    if any(
        w in STOP
        or w in OPENERS
        or w in NOT_NAMES
        or w in DESCRIBING
        or w in INSTITUTIONS
        or w in OTHER_LANGUAGE  # "Mwen rele Jean," (Creole cue words, round 17)
        for w in lowered
    ):
        return False
    unknown = [w for w in words if not ordinary(w)]
    if not unknown or (len(unknown) < len(words) and not all(map(_capitalised, words))):
        return False
    if match.group("comma") and len(words) == 1:
        return _known(words[0]) and words[0].lower() not in NOT_ALONE
    return True


def _joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names joined to a name found, after it ("Ngozi or Chidi", "Niamh & Cormac", "kailani
    and nalu") with a surname, or before it ("Tatsuya and Keiko Morimoto": round 5)."""
    more = []
    for start, end in spans:
        lower = text[start:end].islower()
        match = JOINED.match(text, end)
        if match and _joined_name(match.group("name"), lower):
            more.append(_run(text, match.start("name"), "sure") or match.span("name"))
        match = JOINED_BEFORE.search(text, max(0, start - 40), start)
        if match and _joined_name(match.group("name"), lower):
            more.append(match.span("name"))
    return more


def _joined_name(word: str, lower: bool) -> bool:
    """A word joined to a name: capitalised and no ordinary word or a place, or in lower case
    beside a name in lower case and in no list."""
    lowered = word.lower()
    if lowered in _NOT_FIRST or RELATIVE_WORD.fullmatch(lowered):
        return False
    if _capitalised(word):
        return not ordinary(word) or lowered in VIRTUE_NAMES
    return lower and unknown(word)


# "Tupac and Precious are my two sons", "Kofi & Ama are our grandkids" (round 5): one or two
# words before "is/are my" and a relative are their names.
KIN_PAIR = re.compile(
    r"(?:^|(?<=[\s,(]))(?P<a>[^\W\d_][\w'\u2019-]*)(?:\s+(?:and|&)\s+(?P<b>[^\W\d_][\w'\u2019-]*))?"
    rf"\s+(?:is|are|r)\s+(?:my|our)\s+(?:\w+\s+)?{_RELATIVE}(?:s|ren)?\b",
    re.IGNORECASE,
)
# "hey its me yaw again", "it's me kofi here", "its me, jade." (round 5): after "it's me", the
# one word before "again", "here" or the clause's end, whatever list it is in.
ME_AGAIN = gated(
    re.compile(
        r"\bit'?s\s+me[\s,]+(?P<name>[^\W\d_][\w'\u2019-]*)(?=\s+(?:again|here)\b|\s*[,.!?;]|\s*$)",
        re.IGNORECASE,
    ),
    words="me",
)
_NOT_ME = frozenset({"again", "here", "there", "back", "myself", "lol", "ok", "okay", "also"})
# "my dauter marisela", "my husbend tomasz" (round 5): a kin word typed with a slip or two.
KIN_SLIP = gated(
    re.compile(
        r"\b(?:my|our|his|her|it['\u2019]?s)\s+(?P<kin>[a-z]{4,13})\s+(?=[^\W\d_])",
        re.IGNORECASE,
    ),
    words="my our his her it its",
)
_KIN_WORDS = tuple(w for w in re.findall(r"[a-z]+", _RELATIVE_WORD_LIST) if len(w) >= 5)


@lru_cache(maxsize=4096)
def _kin_slip(word: str) -> bool:
    """A kin word typed with a slip ("dauter", "grandaughter"), no ordinary word itself.

    Kept per word (asked by `might_name` and again by `_kin_names`), and the similarity is
    bounded cheaply first: a brand after "my" ("my facebook is...") cost 1.4 ms, fifty full
    comparisons, before (round 16's CPU work)."""
    lowered = word.lower()
    if ordinary(lowered) or RELATIVE_WORD.fullmatch(lowered):
        return False
    return any(
        abs(len(kin) - len(lowered)) <= 2 and similar(lowered, kin, _KIN_SIMILARITY)
        for kin in _KIN_WORDS
    )


_KIN_SIMILARITY = 0.8


def similar(word: str, other: str, at_least: float) -> bool:
    """SequenceMatcher's ratio of the two is at least `at_least`; its two cheap upper bounds
    are asked first, so most pairs are turned down without the full comparison."""
    matcher = SequenceMatcher(None, word, other)
    return (
        matcher.real_quick_ratio() >= at_least
        and matcher.quick_ratio() >= at_least
        and matcher.ratio() >= at_least
    )


def _kin_names(text: str) -> list[tuple[int, int]]:
    """Names by their kin: pairs before "are my sons", after "it's me", after a kin slip."""
    spans: list[tuple[int, int]] = []
    if _ARE_MY.search(text):
        for match in KIN_PAIR.finditer(text):
            words = [match.group(g) for g in ("a", "b") if match.group(g)]
            named = [_paired_name(w, len(words) > 1) for w in words]
            # "Kofi and Ama": one a name, the other capitalised beside it is one too.
            if all(named) or (
                any(named) and all(_capitalised(w) and w.lower() not in _NOT_FIRST for w in words)
            ):
                spans.extend(match.span(g) for g in ("a", "b") if match.group(g))
    for match in ME_AGAIN.finditer(text):
        lowered = match.group("name").lower()
        if (
            not (lowered in _NOT_FIRST or lowered in _NOT_ME or RELATIVE_WORD.fullmatch(lowered))
            and len(lowered) > 1
        ):
            spans.append(match.span("name"))
    for match in KIN_SLIP.finditer(text):
        if _kin_slip(match.group("kin")):
            span = _run(text, match.end(), "relative")
            if span:
                spans.append(span)
    return spans


_ARE_MY = gated(
    re.compile(r"\b(?:is|are|r)\s+(?:my|our)\b", re.IGNORECASE),
    words="my our",
)


def _paired_name(word: str, pair: bool) -> bool:
    """KIN_PAIR's word: a name, or (two of them) a first name that is also a word."""
    lowered = word.lower()
    if lowered in _NOT_FIRST or lowered in _NOT_BEFORE_KIN or RELATIVE_WORD.fullmatch(lowered):
        return False
    if unknown(word, slips=False) or _known(word):
        return True
    return pair and (lowered in VIRTUE_NAMES or lowered in _lists()[3] or _is_first(word))


def _sentence_start(text: str, start: int) -> bool:
    # "¿Duele mucho?", "¡Gracias!": a Spanish opening mark starts the sentence too (round 13:
    # "¿Duele mucho?" was stored as "¿[name removed] mucho?").
    before = text[:start].rstrip(" \t\"'(\u00bf\u00a1")
    return not before or before[-1] in ".!?\n:;"


def _surname_follows(nxt: str) -> bool:
    """A surname after a first name ("Will Smith"; not "Will Jesus Help Me", nor "Will
    Hartford Hospital take my plan": the hospital's town and its neighbours are places)."""
    return (
        bool(nxt)
        and _capitalised(nxt)
        and nxt.lower() not in NOT_ALONE
        and nxt.lower() not in TOWNS
        and (_is_last(nxt) or not _ordinary(nxt))
    )


def _word_alone(word: str, nxt: str) -> bool:
    """A first name that is also a word ("Frank"), without a surname after it."""
    return _also_a_word(word) and not _surname_follows(nxt)


def _also_a_word(word: str) -> bool:
    """A capitalised first name that may be the word ("Frank answer", "Rose from bed"), not
    one written capitalised far more often than in lower case ("Mary", "Robert", "John": the
    lexeme table holds them in lower case too, and "I spoke with Robert yesterday" kept the
    name; issue 21, 2026-12-04)."""
    lowered = word.lower()
    return lowered in _lists()[3] and lowered not in _mostly_names()


@lru_cache(maxsize=1)
def _mostly_names() -> frozenset[str]:
    return _words("first_names_mostly_names.txt")


# Before a first name that is also a thing, these say it is the thing ("my Walker", "the
# Grace period"); a surname after it still makes it a name ("my Frank Dale").
_DETERMINERS = {"my", "your", "our", "their", "his", "her", "the", "a", "an", "this", "that"}


def _determiner_before_thing(word: str, nxt: str) -> bool:
    """A determiner that opens a sentence in capitals ("My", "Her", "The") before a word that
    is also a thing ("Walker", "Hope", "Rose"): the determiner is no first name there, though
    a census list holds "My" (round 19, O66: "My Walker has wheels, can I bring it" lost "My
    Walker" to the "Will Smith" rule). A surname that is no word still makes a name ("My
    Nguyen"), and the rules after "my" still read the word after it."""
    return word.lower() in _DETERMINERS and bool(nxt) and _a_thing(nxt)


_POSSESSIVES = frozenset({"my", "your", "our", "their", "his", "her"})


def thing_after_determiner(before: str, word: str, nxt: str) -> bool:
    """A first name after a determiner that names a thing ("a Dorothy bag", "the Margaret
    ward", "our Frank is in the car"), not before a surname. "my", "our", "her" ... say whose
    person before a name that is no word ("my Margaret", round 19), where "the" / "a" may
    name a thing. The rules' reading and the learned scorer's (learned_names.py) both ask."""
    return (
        before.lower() in _DETERMINERS
        and (_a_thing(word) or not _capitalised(word) or before.lower() not in _POSSESSIVES)
        and not _surname_follows(nxt)
    )


def _a_thing(word: str) -> bool:
    """A first name that is also a word ("Walker", "Rose", "Hope", "Frank"), so after "my" /
    "the" it may be the thing; not one written as a name far more often ("Mary", "Robert")
    nor one that is no word at all ("Margaret": "my Margaret is coming" is a person; round
    19 found the rule for "my Walker" kept every first name after "my")."""
    return _also_a_word(word) or _ordinary(word)


def _compound_word(word: str) -> bool:
    """A first name joined to an ordinary lower-case word: a word ("Rose-colored"), not a
    double name ("Mary-Jane", "Seo-yeon": the second part is in no list of words)."""
    parts = _SPLIT.split(word.rstrip("."))
    return len(parts) > 1 and any(p.islower() and _ordinary(p) for p in parts[1:])


# Words written capitalised that are in no list of lower-case words and are no one's name.
_CAPITALISED = """dr god lord christ allah bible christmas thanksgiving hanukkah ramadan diwali
internet google facebook youtube amazon walmart zoom skype whatsapp iphone android tylenol
advil aleve motrin ibuprofen uber lyft medicare medicaid tricare humana aetna cigna anthem kaiser
walgreens costco kroger publix safeway reddit webmd"""
CAPITALISED_WORDS = frozenset(_CAPITALISED.split())


def _unknown_capitalised(text: str, match: re.Match[str], word: str) -> bool:
    """ "Can Kwabena come", "mum, Consolata, to see", "dad (abuelo Ramón)": a capitalised word
    in no list, inside a sentence, is a name. Not at a sentence's start (any word is
    capitalised there), not in capitals (an acronym), not a place or brand kept alone."""
    return (
        _capitalised(word)
        and len(word) > 2
        and not word.isupper()
        and word[1:].islower()  # not "iPhone", "McAfee" (brands)
        and word.lower() not in NOT_ALONE
        and word.lower() not in ALL_KIN  # "Love, Auntie [name]" (round 17)
        and word.lower() not in _ABBREVIATIONS  # "Mrs. [name removed]": a title, no name
        and word.rstrip(".").lower() not in CAPITALISED_WORDS
        and (not _sentence_start(text, match.start()) or _long_unlisted(text, word, match.end()))
        and not _PLACE_OR_TITLE_BEFORE.search(text, max(0, match.start() - 12), match.start())
        and unknown(word, slips=False)  # capitalised inside a sentence: no typo of a word
        and not TERM_ENDING.search(word)
        and not _term_follows(text, match.end())
        and not _title_case(text)
    )


# Round 16 (r16f): "Zbigniew told me it hurts": at a sentence's start any word is capitalised,
# but one this long in no list, nor one slip from a word, is rarely a typo or a term.
_LONG_UNLISTED = 7


def _long_unlisted(text: str, word: str, end: int) -> bool:
    """A word long enough, in no list and no slip of a word, to be a name at a sentence's start,
    before a word in lower case as a subject is ("Zbigniew told me"; not "Traceback (most")."""
    nxt = _NEXT_WORD.match(text, end)
    if not nxt or not nxt.group(1).islower():
        return False
    lowered = word.lower()
    if lowered.endswith("ly") or lowered in ASIDES:
        return False  # "Unfortunately", "Meanwhile": the list of words holds few adverbs
    return (
        len(word) >= _LONG_UNLISTED
        and unknown(word)
        and not TERM_ENDING.search(word)
        and not _two_words(lowered)
    )


def _two_words(lowered: str) -> bool:
    """Two ordinary words run together ("Nextdoor", "Physiotherapy", "Healthline"): a brand's
    or a term's, not a person's (a town's may be: `unlisted_proper` asks the place names)."""
    ordinary_words = _lists()[2]
    return any(
        lowered[:i] in ordinary_words and lowered[i:] in ordinary_words
        for i in range(3, len(lowered) - 2)
    )


def unlisted_proper(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a capitalised word in no list of words, nor a slip of one, a brand,
    a term or the hospital's town? towns_in_context.py masks one after a word of place
    ("on Reddit from Barkhamsted folks": round 16's tester found a town kept after each new
    cue; a net on the word itself needs no cue)."""
    word = text[start:end]
    lowered = word.rstrip(".").lower()
    return (
        len(word) >= 4
        and _capitalised(word)
        and word[1:].islower()
        and lowered not in NOT_ALONE
        and lowered not in CAPITALISED_WORDS
        and lowered not in TOWNS
        and unknown(word)
        and not TERM_ENDING.search(word)
        and not _term_follows(text, end)
        and not _is_first(word)  # "question from Fenella Urquhart-Boyd": a person's
        and (not _two_words(lowered) or _place_name(lowered))  # "Healthline"; "Killingworth"
        and not _surname_follows(_next_word(text, end))
        and not _title_case(text)
        and not case_says_nothing(text)
    )


def _place_name(lowered: str) -> bool:
    from core.privacy.places import place_names  # places imports this module

    return lowered in place_names()


def _next_word(text: str, end: int) -> str:
    nxt = _NEXT_WORD.match(text, end)
    return nxt.group(1) if nxt else ""


# Endings of medical terms and other words no name has ("Microdiscectomy", "Percutaneous",
# "Stimulator", "Tumours"): found probing bench/real_questions.yml, public questions.
TERM_ENDING = re.compile(
    r"(?:ectomy|otomy|ostomy|plasty|scopy|itis|osis|emia|algia|ation|ment|ness|ing|ous|atic|"
    r"ical|ive|ator|ours|ors|ics|ism|ist|ity|ular|ary|ery|ology|ogram|graphy|"
    # Generic drugs' stems (round 18's "I take metformin and lisinopril, is that ok?": the
    # learned scorer masked "lisinopril"): no one is named so.
    r"pril|sartan|statin|olol|dipine|prazole|formin|pentin|oxetine|azepam|cillin|mycin|"
    r"floxacin|dronate|thiazide|tidine|oxaban|gliptin|glitazone|lukast|triptan|zolam|semide|"
    r"profen|codone|morphone)$",
    re.IGNORECASE,
)


# "I live in Bristol", "drive to Waterbury", "Dr. Patel", "Dr Osei": after a word of place a
# capitalised word is a town (kept, docs/privacy.md), after a doctor's title a surname typed
# alone (kept by design); found by the third tester's runner on this branch.
_PLACE_OR_TITLE_BEFORE = re.compile(
    r"(?:\b(?:in|at|to|from|near|around|outside|of|into|dr|doctor|prof|professor)\.?"
    r"|\bDr\.?)\s+$",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _term_follows(text: str, end: int) -> bool:
    """ "Bristol Hospital's website", "Kyphon Balloon Kyphoplasty", "Dowager's Hump": a
    capitalised ordinary word after it makes it a place's, a product's or a term's name."""
    nxt = _NEXT_WORD.match(text, end)
    if not nxt:
        return False
    word = nxt.group(1)
    return word.lower() in INSTITUTIONS or (_capitalised(word) and _ordinary(word))


def _title_case(text: str) -> bool:
    """A headline in Title Case ("What Exactly Is a Discectomy?"): every word is capitalised
    there, so a capital says nothing about a name."""
    words = [w for w in _LONG_WORD.findall(text)]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 3 >= len(words) * 2


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


# ("New Britain" is one: round 5 found "Britain" masked.)
# The hospital's own town (config/contact.yml: Bristol Hospital) and its neighbours: without a
# cue these are places, not names ("is Bristol the nearest", "Hartford site or Bristol site":
# an outside tester found them masked). After a masked address they still go (redaction.py).
_TOWN_WORDS = """bristol hartford southington terryville plainville wolcott waterbury farmington
burlington harwinton plymouth thomaston torrington cheshire meriden britain forestville"""
TOWNS = frozenset(_TOWN_WORDS.split())


def _uncued(text: str) -> list[tuple[int, int]]:
    """Names without a cue: a known first name written as one, or before a surname."""
    words = list(WORD.finditer(text))
    spans = []
    for i, match in enumerate(words):
        word = match.group()
        if word.lower() in TOWNS:
            continue
        nxt = words[i + 1].group() if i + 1 < len(words) else ""
        adjacent = i + 1 < len(words) and not text[match.end() : words[i + 1].start()].strip()
        known_first = _is_first(word) and (_capitalised(word) or word.lower() not in STOP)
        if not known_first:
            if _unknown_capitalised(text, match, word):
                spans.append(_run(text, match.start(), "sure") or match.span())
            continue
        if _compound_word(word) or (i and thing_after_determiner(words[i - 1].group(), word, nxt)):
            continue  # "Rose-colored", "my Walker" (a walking frame)
        if adjacent and _determiner_before_thing(word, nxt):
            continue  # Round 19 (O66): "My Walker has wheels" (a census first name "My")
        if _capitalised(word) and not _ordinary(word):
            after = nxt if adjacent else ""
            if _sentence_start(text, match.start()) and _word_alone(word, after):
                continue  # "Frank answer please", "Rose from bed": a word, not a name
            if word.lower() in NOT_ALONE and not _surname_follows(after):
                continue  # "fly to Florida", "travel with Delta"
            if _goes_on_as_a_word(word, after):
                continue  # "I'm Sterling silver allergic"
            span = _run(text, match.start(), "sure")
        elif (
            adjacent
            and nxt.lower() not in NOT_ALONE  # "Will Jesus Help Me"
            and nxt.lower() not in TOWNS  # "Will Bristol take my plan?"
            and _is_last(nxt)
            and not _ordinary(nxt)
            and (
                (_capitalised(word) and _capitalised(nxt))  # "Will Smith", "Hope Johnson"
                # "mary smith", "dorothy mcallister"; not "taylor swift" (a word too: "who is
                # taylor swift" is a training message)
                or not (
                    _capitalised(word)
                    or _capitalised(nxt)
                    or _ordinary(word)
                    or word.lower() in _lists()[3]
                )
            )
        ):
            span = _run(text, match.start(), "sure")
        else:
            continue
        if span:
            spans.append(span)
    return spans


_LOWER_WORD = re.compile(r"[a-z]+")
_ASCII_CAPITAL = re.compile(r"[A-Z]")


def _has_capital(text: str) -> bool:
    """Any upper-case letter: one scan in C for ASCII text (most messages), by letter else."""
    if text.isascii():
        return _ASCII_CAPITAL.search(text) is not None
    return any(ch.isupper() for ch in text)


# Whether any cue matches, its gates asked together (measured: 8.6 µs -> 2.9 on an ordinary
# message; core/privacy/gate_groups.py).
_any_cue = any_search(p for p, _ in _CUES)


def might_name(text: str) -> bool:
    """Cheap test: could the text hold a name (a capital letter, a cue, a first name in lower
    case: "dorothy mcallister")?"""
    if _has_capital(text) or _any_cue(text):
        return True
    if "s " in text and OWNER.search(text):
        return True  # "sent from tunde bakare's ipad"
    if "fam" in text.lower() and FAMILY.search(text):
        return True  # "from the oyelaran family"
    if ME_AGAIN.search(text) or any(_kin_slip(m.group("kin")) for m in KIN_SLIP.finditer(text)):
        return True  # "its me yaw again", "my husbend tomasz"
    if _might_name_round_12(text):
        return True  # Round 12 (i21r): "first name zbigniew", "can yusuf come", "tio anselmo"
    if text.count(",") >= 2 and _comma_names(text):
        return True  # Round 16 (r16f): "the neighbour across the road, stanislaw, fell"
    if _bare_kin_names(text):
        return True  # Round 16 (r16n): "cousin radek will translate"
    first, _, ordinary_words, also_words = _lists()
    lowered = _LOWER_WORD.findall(text)
    if any(
        w in first and w not in ordinary_words and w not in also_words and w not in STOP
        for w in lowered
    ):
        return True
    # Two words in a row in no list ("kaito hasegawa"): _lower_case_names decides.
    odd = [w not in ordinary_words and w not in STOP for w in lowered]
    if any(a and b for a, b in itertools.pairwise(odd)):
        return True
    if word_names.might(text):  # Round 19 (r19n): "hope and i are coming", "bill will take me"
        return True
    return bool(people_in_clauses.spans(text))  # Round 20 (r20n): "grandma june wants to"


# The word right before a position, with only spaces between ("Blessing [Okafor]").
WORD_BEFORE = re.compile(r"([^\W\d_][\w'\u2019-]*)[ \t]+$")
_NOT_FIRST_WORDS = """love regards cheers best sincerely warmly blessings hugs xoxo thx mr mrs ms
miss mx dr doctor prof professor nurse sister father rev"""
# Words that are no first name before a name found: small words, openers, sign-offs, titles,
# brands, descriptions, days, the hospital's towns, places kept alone, institutions.
_NOT_FIRST = frozenset(_NOT_FIRST_WORDS.split()).union(
    STOP, OPENERS, CAPITALISED_WORDS, DESCRIBING, NOT_NAMES, TOWNS, NOT_ALONE, INSTITUTIONS
)


def _first_name_before(text: str, start: int) -> int:
    """Where a name that starts at `start` really starts: a capitalised first name right before
    it goes with it ("Blessing Okafor", "with Mercy Achieng", "wife of Yusuf Demirtas": issue
    21, round 4 found pairs with one word left raw): a first name, a virtue name or a word in
    no list; never a title, a place, a kin word, nor "Will" or "Can" opening a sentence."""
    match = WORD_BEFORE.search(text, max(0, start - 40), start)
    if not match or not _capitalised(text[start]):
        return start
    word = match.group(1)
    lowered = word.lower()
    if len(word) < 2 or word.isupper() or not _capitalised(word) or lowered in _NOT_FIRST:
        return start
    if RELATIVE_WORD.fullmatch(lowered) or (
        lowered in _NOT_BEFORE_KIN and _sentence_start(text, match.start())
    ):
        return start  # "my Auntie [name]", "Will [name] need a driver?"
    first = _is_first(word) or lowered in VIRTUE_NAMES or unknown(word, slips=False)
    return match.start(1) if first else start


RELATIVE_WORD = re.compile(_RELATIVE)
# A nickname in brackets or quotes after a name, and the surname after it: 'Margaret
# ("Peggy") Hollins', "Gertrude (Trudy) Bakker-Van Dijk", "Josefina 'Pepa' de la Cruz"
# (issue 21, round 4: the surname after the bracket was stored raw).
_NICK = rf"(?:{re.escape(NAME_MARK)}|[^\W\d_][\w'\u2019-]*)"
NICKNAME = re.compile(
    re.escape(NAME_MARK)
    + rf"(?:\s*(?:[(\[]\s*[\"'\u201c\u2018]?{_NICK}[\"'\u201d\u2019]?\s*[)\]]"
    + rf"|[\"\u201c\u2018']{_NICK}[\"\u201d\u2019'](?!\w)))+"
    + r"(?P<rest>(?:\s+(?:[A-Z][\w'\u2019-]*|\[name removed\]"
    + r"|(?:van|von|de|der|den|del|della|da|di|du|dos|das|la|le|bin|ibn|al|el|ter|ten)(?=\s)))*)"
)
_REST_WORD = re.compile(re.escape(NAME_MARK) + r"|\S+")


def _not_surname(word: str) -> bool:
    return word != NAME_MARK and (word.islower() or word.lower() in STOP)


def _masked_nickname(match: re.Match[str]) -> str:
    """NICKNAME's replacement: the name, its nickname and the surname after it, one mark; a
    trailing particle or a capitalised small word ("... Hollins Is") stays."""
    rest = match.group("rest")
    words = list(_REST_WORD.finditer(rest))
    keep = len(words)
    while keep and _not_surname(words[keep - 1].group()):
        keep -= 1
    end = words[keep - 1].end() if keep else 0
    return NAME_MARK + rest[end:]


# Well-known hospitals named after people or places, before a hospital's word or "a place"
# ("Is Virginia Mason a place that does it", "Johns Hopkins hospital": round 6 found the
# first masked); a place is kept (docs/privacy.md), a person after them is not.
HOSPITAL = gated(
    re.compile(
        r"\b(?:virginia\s+mason|johns\s+hopkins|mass(?:achusetts)?\s+general|cedars[\s-]sinai|"
        r"mount\s+sinai|mt\.?\s+sinai|sloan[\s-]kettering|md\s+anderson|beth\s+israel|"
        r"brigham(?:\s+and\s+women'?s)?|mayo|cleveland\s+clinic|yale\s+new\s+haven|"
        r"hartford\s+healthcare|lahey|baystate|dartmouth|geisinger|ochsner|hackensack|"
        r"henry\s+ford|barnes[\s-]jewish|scripps|emory|duke|vanderbilt|rush|st\.?\s+francis)"
        r"(?=(?:['\u2019]s)?\s+(?:(?:an?|the)\s+)?(?:place|hospital|clinic|medical|health|"
        r"center|centre|institute|cancer|spine|university))"
        # "Baker's cyst", "Baker's dozen", "Bell's palsy", "Graves' disease" (round 8: masked): a
        # surname in an eponym of a condition or a saying is no person.
        r"|\b(?:baker|bell|graves|addison|cushing|raynaud|sj[öo]gren|tourette|hashimoto|dupuytren|"
        r"crohn|parkinson|paget|alzheimer|huntington|wilson|hunter|reiter|barrett|marfan|hodgkin|"
        r"kaposi|bright|pott|colles|smith|bennett|meni[eè]re|osgood|scheuermann|kummell|k[üu]mmell|"
        r"horner|sever|morton|lyme|down|asperger|guillain|gehrig|tommy\s+john)(?:['\u2019]s?)?"
        r"(?=\s+(?:cysts?|palsy|disease|syndrome|dozen|fracture|contracture|thyroiditis|phenomenon|"
        r"esophagus|lymphoma|sarcoma|sign|neuroma|arthritis|ophthalmopathy|surgery|procedure)\b)"
        # "Is Lourdes water ok", "water from Lourdes" (round 7: masked): the shrine's town.
        r"|\blourdes\b(?=\s+(?:holy\s+)?(?:water|grotto|shrine|spring))"
        r"|\blourdes\b(?:(?<=water from lourdes)|(?<=water of lourdes)|(?<=grotto of lourdes)"
        r"|(?<=grotto at lourdes)|(?<=shrine of lourdes)|(?<=shrine at lourdes)"
        r"|(?<=grotto in lourdes))",
        re.IGNORECASE,
    ),
    # Every match ends before one of these words (the lookaheads), or is Lourdes.
    "place hospital clinic medical health center centre institute cancer spine university "
    "cyst palsy disease syndrome dozen fracture contracture thyroiditis phenomenon esophagus "
    "lymphoma sarcoma sign neuroma arthritis ophthalmopathy surgery procedure lourdes",
)


# "a Foley catheter", "the Trendelenburg position", "Heather Hill rehab": a capitalised word
# before a device, test, condition or place-of-care noun names that thing, not a person
# (round 9: rules for the class instead of one brand at a time).
THING_AFTER = re.compile(
    r"\s+(?:catheters?|monitors?|lifts?|needles?|exercises?|positions?|operations?|procedures?"
    r"|tests?|scans?|cysts?|syndrome|disease|sign|maneuver|manoeuvre|rehab|tubs?|game|pump"
    r"|brace|stockings?|machine|stretch(?:es)?|classes?"
    # Round 15 (r15n): an eponym before a device or a procedure ("a Harrington rod surgery").
    r"|rods?|technique|implants?|cages?|screws?|fusion"
    # "the Maplewood assisted living" (round 10: masked as a name): a place of care or living.
    r"|assisted\s+living|nursing\s+home|senior\s+(?:living|center|centre)|care\s+(?:home|center|centre)"
    r"|hospice|clinic|medical\s+(?:center|centre|group)|retirement\s+(?:home|community|village)"
    # Round 11 (i21n): a people's language ("an Hmong interpreter", "a Karen speaker").
    r"|interpreters?|translators?|speakers?|language|dialect)\b",
    re.IGNORECASE,
)


def _plain_first(word: str) -> bool:
    """A known first name that is no English word, whatever its case: "siobhan", "harriet"
    (a slip of a word counts as a name here: "bettina" is one letter from "betting")."""
    lowered = word.lower()
    return (
        _is_first(word)
        and len(lowered) > 2
        and not ordinary(word)
        and lowered not in _lists()[3]
        and lowered not in DESCRIBING
        and lowered not in NOT_NAMES
        and lowered not in TOWNS
    )


def _plain_surname(word: str) -> bool:
    """After a first name, a word that is no English word is its surname ("lungu")."""
    lowered = word.lower()
    return (
        len(lowered) > 1
        and not ordinary(word)
        and lowered not in NOT_NAMES
        and lowered not in TOWNS
        and (_is_last(word) or unknown(word, slips=False))
    )


_ARTICLE_OR_SAINT_BEFORE = re.compile(
    r"\b(?:the|a|an|st|saint|ste|san|santa)\.?\s+$", re.IGNORECASE
)

_ARTICLES_AND_SAINTS = frozenset(["the", "a", "an", "st", "saint", "ste", "san", "santa"])


def _after_article_or_saint(text: str, start: int) -> bool:
    """_ARTICLE_OR_SAINT_BEFORE.search(text, start - 8, start), read back from `start`: it is
    asked before every word in lower case, and a few character tests cost less than a search
    (tests/test_redaction_gates.py checks the two agree)."""
    floor = max(0, start - 8)
    end = start
    while end > floor and text[end - 1].isspace():
        end -= 1
    if end == start:
        return False  # no space right before the word
    if end > floor and text[end - 1] == ".":
        end -= 1
    begin = end
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] == "_"):
        begin -= 1
    if begin < floor or begin == end:
        return False
    return text[begin:end].casefold().replace("\u0131", "i") in _ARTICLES_AND_SAINTS


_KIN_ABROAD = frozenset(
    {"lola", "lolo", "nana", "nonna", "nonno", "abuela", "abuelo", "oma", "opa"}
)


def _lower_case_names(text: str) -> list[tuple[int, int]]:
    """Round 9 (issue 21): names typed in lower case without a cue we know. A known first
    name that is no English word is a name wherever it stands ("can siobhan stay", "let
    harriet know"), with the words after it that are no English words ("teodora lungu");
    two words in a row that are in no list of words are a name too ("my bf kaito hasegawa",
    "tamsin pengelly called"). Measured on the training and held-out messages
    (bench/redaction_compare.py): none is masked by it."""
    words = [m for m in WORD.finditer(text) if m.group()[:1].islower()]
    spans: list[tuple[int, int]] = []
    skip_to = 0
    for i, match in enumerate(words):
        word = match.group()
        if match.start() < skip_to:
            continue
        if _after_article_or_saint(text, match.start()):
            skip_to = words[i + 1].end() if i + 1 < len(words) else 0
            continue  # "the st francis", "the mona lisa": a place's or a thing's name
        if word.lower() in _FOREIGN_STOP or word.lower() in _KIN_ABROAD:
            continue  # "ako si lola" (Tagalog: grandmother)
        if word.lower() in OTHER_LANGUAGE:
            continue  # "minha mãe mora em" (Portuguese: lives), a first name too
        nxt = words[i + 1] if i + 1 < len(words) else None
        adjacent = nxt is not None and not text[match.end() : nxt.start()].strip()
        if _plain_first(word.rstrip(".")):
            spans.append((match.start(), _surnames_end(text, words, i + 1, match.end())))
        elif (
            adjacent
            and nxt is not None
            and word.isascii()
            and nxt.group().isascii()  # "Tên thuốc là gì" is Vietnamese, not a name
            and min(len(word), len(nxt.group())) > 2  # "attn dr patel"
            and unknown(word)
            and unknown(nxt.group())
            and word.lower() not in INSTITUTIONS
            and not _in_markup(text, match.start(), nxt.end())
            and not other_language(text)  # "ile trwa zabieg?" (round 16)
        ):
            spans.append((match.start(), _surnames_end(text, words, i + 2, nxt.end())))
    return spans


# Characters that put a word pair inside a tag or code ("<img src=x>", "f(x)"), where two
# unknown words are a tag and an attribute, not a person's name; text between tags
# ("<b>kaito hasegawa</b>") is still read.
_MARKUP_BEFORE = frozenset("</\\=&{[")
_MARKUP_AFTER = frozenset(">/\\=({[")


def _in_markup(text: str, start: int, end: int) -> bool:
    """Whether the words at text[start:end] touch markup: a hostile or pasted message's tags
    ("<img src=x onerror=...>") kept their words before round 9's pair rule, and staff need
    to see them as sent (the console escapes them when shown)."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return before in _MARKUP_BEFORE or after in _MARKUP_AFTER


_PARTICLE_WORDS = "mac mc an de la del della da dos das van von der den bin ibn al el"
_PARTICLES = frozenset(_PARTICLE_WORDS.split())


def _surnames_end(text: str, words: list[re.Match[str]], j: int, end: int) -> int:
    """Where a name ends: the words right after it that are no English words ("lungu",
    "quispe huaman"), with the particles between them ("ruairi mac an tsaoir")."""
    pending = end
    for later in words[j : j + 4]:
        if text[pending : later.start()].strip():
            break
        pending = later.end()
        if later.group().lower() in _PARTICLES:
            continue
        if not _plain_surname(later.group()):
            break
        end = pending
    return end


def redact_names(text: str) -> str:
    """The text with every name found replaced by NAME_MARK.

    A message of three words or more typed in capitals or With Every Word Capitalised is read
    in lower case: there a capital says nothing, and read as typed every word after "MY DAD"
    was a name (round 11: 14 training messages in capitals and 39 in title case lost a word).
    Names in it are found by the rules that need no capital (cues, first names that are no
    words, unknown pairs)."""
    if not case_says_nothing(text):
        return _around_marks(_masked_spans(text))
    lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    lowered = clause_names.keep_brand_case(text, lowered)  # Round 21 (r21n): "BlueCross"
    # The words around the marks are read as typed, as a second pass over the result reads
    # them (redaction is applied again to stored text: it must change nothing then).
    masked = _with_case_of(text, lowered, _masked_spans(lowered))
    # Round 25 (r25n): "ROSEMARY [name removed] IS MY MOTHER": the first name in capitals too.
    return _around_marks(titled.first_names_joined_in_capitals(masked))


_LETTERS = re.compile(r"[^\W\d_]+")


def case_says_nothing(text: str) -> bool:
    """Capitals throughout, or every word (three or more) capitalised. A mark counts as a
    word in the text's own case, so a second pass reads the text as the first did."""
    # Round 20 (r20n): every mark, not only a name's ("CALL ME BACK ON [phone removed]" is in
    # capitals: "BACK" was read as a capitalised name before the number).
    words = _LETTERS.findall(MARK.sub("X", text) if "removed]" in text else text)
    if len(words) < 3:  # "Margaret Olsen" alone keeps its capitals' say
        return False
    upper = sum(1 for w in words if w.isupper() and len(w) > 1)
    longer = sum(1 for w in words if len(w) > 1)
    if longer and upper >= 0.8 * longer:
        return True
    return sum(1 for w in words if w[0].isupper()) >= 0.9 * len(words)


def _with_case_of(original: str, lowered: str, redacted: str) -> str:
    """`redacted` (made from `lowered`, which has the original's length) with the original's
    letters back in every piece between name marks."""
    out: list[str] = []
    pos = 0
    for i, piece in enumerate(redacted.split(NAME_MARK)):
        at = lowered.find(piece, pos)
        if at < 0 or (i == 0 and at != 0):
            return redacted  # cannot happen for marks alone; the lower case is safe anyway
        out.append(original[at : at + len(piece)])
        pos = at + len(piece)
    return NAME_MARK.join(out)


def without_kept(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The found names the rules keep taken out: another language's words, a well-known
    hospital or an eponym, a saint's place, a ward, a holiday's eve, a thing's name. The
    rules' finds pass here, and so do the learned scorer's (learned_names.py: the model
    proposes, these keep decisions dispose); a name's first name before it joins it."""
    if found:  # Round 20 (r20n): "hui teng ma" (pinyin), "dell'intervento" (Italian) stay
        found = without_words_of_language(text, found, other_language(text))
        found = without_german_nouns(text, found, _known_name)  # "Fragen zur Narkose" (r26)
    kept = [m.span() for m in HOSPITAL.finditer(text)]
    found = [s for s in found if not any(a <= s[0] and s[1] <= b for a, b in kept)]
    found = [(_first_name_before(text, start), end) for start, end in found]
    found = [span for span in found if not _saints_place(text, *span)]
    found = [span for span in found if not _ward_or_wing(text, *span)]  # "2 West" (r19p)
    found = [span for span in found if not _holiday_eve(text, *span)]  # "Christmas Eve"
    # Round 25 (r25n): a title the span holds, a surname's particles, a place of care after.
    found = titled.spans_without_titles(text, found)
    if found:  # Round 27 (r27n): "Is Jan or Feb better?": months, not names
        found = months.kept(text, found)
    return [span for span in found if not THING_AFTER.match(text, span[1])]


def _masked_spans(text: str) -> str:
    """The text with the names its words show replaced by NAME_MARK."""
    found = without_kept(text, _cued(text) + _uncued(text) + _lower_case_names(text))
    spans = sorted(set(found + _joined(text, found)))
    spans = sorted(set(spans + said_again(text, spans)))
    spans = [s for s in spans if not titled.before_care_place(text, s[1])]  # "Mercy Hospital"
    spans = outside_marks(text, spans)  # Round 19 (H05): "[[name removed] removed]"
    if spans:  # Round 27 (r27n): "Is Jan or Feb better?": months, not names
        spans = months.kept(text, spans)
    return with_name_marks(text, spans)


def with_name_marks(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span replaced by NAME_MARK, overlapping or touching spans as one
    (a first name joined before a surname gives (0, 11) beside (0, 5): replaced one by one,
    the second would cut into the first's mark, "[name removed] removed]")."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + NAME_MARK + text[end:]
    return text


def _around_marks(text: str) -> str:
    """Surnames after "surname is", and the given names and nicknames beside a masked name."""
    if "name" in text.lower():
        text = SURNAME_CUE.sub(_masked_surname_cue, text)
        text = _masked_first_after_surname(text)  # Round 12 (i21r): "Surname is X, first is Y"
    if NAME_MARK not in text:
        return text
    if ":" in text:  # Round 15 (r15n): "MEMBER: TREMBLAY, GISELE M" kept "TREMBLAY"
        text = LABELLED_SURNAME.sub(lambda m: m.group("cue") + NAME_MARK, text)
        text = LABELLED_GIVEN.sub(_masked_labelled_given, text)  # Round 16 (r16n)
    text = masked_spelled_after_mark(text)  # Round 16 (r16n): "[name] p a t o r o u r k e"
    text = masked_second_kin_names(text)  # Round 17 (r17n): "... and Uncle Sipho"
    text = pasted_names.masked_beside_marks(text)  # Round 19 (r19n): "[name] A SORENSEN"
    text = kin_staff_labels.masked_beside_marks(text)  # Round 27 (r27n): "pt name - [name] oduya"
    text = people_in_clauses.masked_beside_marks(text)  # Round 20 (r20n): "KOWALSKI, [name]"
    text = clause_names.masked_initials(text)  # Round 21 (r21n): "J.R. [name removed]"
    text = GIVEN_AFTER_MARK.sub(_masked_given_after_mark, text)
    return NICKNAME.sub(_masked_nickname, AFTER_MARK.sub(_masked_after_mark, text))


# "MEMBER: TREMBLAY, GISELE M", "Subscriber: Oyelaran, [first name]" (round 15, r15n: text
# pasted from a card): after a label, the word before a comma and a masked first name is the
# surname.
# Round 17 (r17n): "Re: ANTONELLI, CARMELA  DOB" (a referral's subject line) too.
_CARD_LABEL = r"(?i:member|name|patient|pt|subscriber|insured|beneficiary|re)"
LABELLED_SURNAME = re.compile(
    rf"(?P<cue>\b{_CARD_LABEL}\s*:\s*)"
    r"(?P<name>[^\W\d_][\w'\u2019-]*)(?=,\s*" + re.escape(NAME_MARK) + ")"
)


# "surname is Oyelowo-Bankole", "last name: quispe" (round 9: a hyphenated surname stayed).
SURNAME_CUE = re.compile(
    r"(?P<cue>\b(?:surname|last\s+name|family\s+name|first\s+name|given\s+name)"
    r"\s*(?:is\s+|:\s*|-\s*|\s)\s*)(?P<name>[^\W\d_][\w'\u2019-]*)",
    re.IGNORECASE,
)


def _masked_surname_cue(match: re.Match[str]) -> str:
    """SURNAME_CUE's replacement: the cue stays, a word that is no English word goes."""
    name = match.group("name")
    return match.group("cue") + NAME_MARK if not ordinary(name) else match.group()


# "Patient: Fernández-Ochoa, Itzel." (Surname, Given): a capitalised word after a masked
# name and a comma that is a first name or no English word is the given name (round 9).
GIVEN_AFTER_MARK = re.compile(
    re.escape(NAME_MARK) + r",\s*(?P<name>[^\W\d_][\w'\u2019-]*)(?=\s*(?:[,.;:!?]|$))"
)


def _masked_given_after_mark(match: re.Match[str]) -> str:
    """GIVEN_AFTER_MARK's replacement."""
    name = match.group("name")
    if name[0].isupper() and (_is_first(name) or unknown(name, slips=False)):
        return NAME_MARK
    return match.group()


# "d-a-r-i-u-s-z k-o-w-a-l-s-k-i", "spelt O-K-O-N-K-W-O": a name spelled letter by letter
# with dashes (4 letters or more), or with spaces after a cue that it is spelled (round 9).
SPELLED_NAME = re.compile(
    r"(?<![\w-])[^\W\d_](?:-[^\W\d_]){3,}(?![\w-])"
    r"|(?<=spelled )[^\W\d_](?: [^\W\d_]){3,}(?!\w)"
    r"|(?<=spelt )[^\W\d_](?: [^\W\d_]){3,}(?!\w)",
    re.IGNORECASE,
)


def _masked_after_mark(match: re.Match[str]) -> str:
    """AFTER_MARK's replacement: a surname goes into the mark before it."""
    word = match.group("name")
    if word.lower() in _HEADER_WORDS:
        return match.group()
    return NAME_MARK if _is_last(word) and word.lower() not in STOP else match.group()


# A letter's header words after a name ("from: [name removed] re: biopsy results": round 28,
# r28n, "re" went into the mark as a surname).
_HEADER = "re fwd fw cc bcc attn subj subject"
_HEADER_WORDS = frozenset(_HEADER.split())


# --- Round 12 (i21r): names an outside tester (t21r12a) found stored raw, as classes ----------
# "goes by Buck", "I go by Tuck", "known as Skip", "my gran, who we call Mimi", "real name is
# Lowell": a nickname or a real name after words that say what someone is called (the formal
# name beside it was masked, the nickname kept).
NICKNAME_CUE = re.compile(
    r"\b(?=[gwkrcerat])(?:go(?:es)?\s+by|going\s+by|went\s+by|(?:also\s+)?known\s+as|a\.?k\.?a\.?"
    r"|(?:who|whom)\s+(?:we|they|everyone|everybody|the\s+kids|the\s+family)\s+call"
    r"|(?:we|they|everyone|everybody)\s+calls?\s+(?:her|him|them|me)"
    r"|real\s+name(?:\s+is|\s*:)?|calls?\s+(?:herself|himself|themselves))[\s,:]+",
    re.IGNORECASE,
)
# "our home health aide (Precious) said", "our aide (Memory) does my meds": a name in brackets
# or quotes after a person's word (a kin word, a carer, a helper), virtue names too.
_HELPER = (
    r"(?:aide|aid|nurse['\u2019]?s\s+aide|caregiver|care\s+giver|carer|helper|neighbou?r|driver|"
    r"companion|sitter|housekeeper|nanny|pca|cna|hha|home\s+health|worker|therapist|friend|"
    rf"{_RELATIVE})"
)
# "can yusuf come in the room", "will amara take me": a lower-case word in no list between a
# helping verb and a verb of coming or driving (ALONG_CUE takes the capitalised ones).
LOWER_ALONG = re.compile(
    r"\b(?:can|could|will|would|may|should)\s+(?P<name>[a-z][\w'\u2019-]{2,})\s+"
    r"(?=(?:come|drive|stay|visit|join|sit|go|bring|take|pick|help|accompany|be\s+with|be\s+there)\b)"
)
# "tío Anselmo", "my primo Javi", "zia Carla", "ciocia Basia": kin words in Spanish, Portuguese,
# Italian, Polish, German and French before a name.
KIN_ABROAD_CUE = re.compile(
    r"\b(?=[tphzwcoaiv])(?:t[íi]o|t[íi]a|tit[ao]|primo|prima|herman[oa]|hermanit[oa]|zio|zia|"
    r"cugin[oa]|fratello|sorella|wujek|wujka|ciocia|cioci|kuzyn|kuzynka|tante|onkel|oncle|"
    r"cousine|irm[ãa]o?|av[óô]|vov[óô])\s+",
    re.IGNORECASE,
)
# "Surname is Nwachukwu-Eze, first is Chidinma": a given name after "first / given (one)"
# when the message gave a surname's label.
FIRST_AFTER_SURNAME = re.compile(
    r"\b(?:first|given|christian)(?:\s+one)?\s*(?:is|:|-)\s*(?P<name>[^\W\d_][\w'\u2019-]*)",
    re.IGNORECASE,
)
_SURNAME_LABEL = re.compile(r"\b(?:surname|last\s+name|family\s+name)\b", re.IGNORECASE)
# Words one of round 12's cues needs (a set test on the message's words before any pattern).
_NICKNAME_CUE_WORDS = "by known aka a.k.a real call calls"
_NICKNAME_WORDS = frozenset(_NICKNAME_CUE_WORDS.split())
_KIN_ABROAD_CUE_WORDS = """tío tio tía tia tito tita primo prima hermano hermana hermanito hermanita
zio zia cugino cugina fratello sorella wujek wujka ciocia cioci kuzyn kuzynka tante onkel oncle
cousine irmão irmao irmã irma avó avô vovó vovô"""
_KIN_ABROAD_WORDS = frozenset(_KIN_ABROAD_CUE_WORDS.split())
_ALONG_CUE_WORDS = "can could will would may should"
_ALONG_WORDS = frozenset(_ALONG_CUE_WORDS.split())
# The person's word right before a bracket ("our aide (Memory)"): looked for only where a
# bracket opens, so a message without one pays nothing.
BRACKET_OPEN = re.compile(
    r"(?:[(\[]\s*[\"'\u201c\u2018]?|(?<=\s)[\"'\u201c\u2018])(?=[^\W\d_])"  # or 'Joy', "Gift"
)
HELPER_BEFORE = re.compile(rf"\b{_HELPER}s?\s*$", re.IGNORECASE)


def _round_12_names(text: str) -> list[tuple[int, int]]:
    """Round 12's cues: a nickname after "goes by" / "known as" / "who we call", a name in
    brackets after a carer's or kin word, a lower-case name before a verb of coming, a name
    after a kin word in another language."""
    spans: list[tuple[int, int]] = []
    words = set(text.lower().split())
    if not _NICKNAME_WORDS.isdisjoint(words):
        spans.extend(_run(text, m.end(), "relative") or (0, 0) for m in NICKNAME_CUE.finditer(text))
    if "(" in text or "[" in text or '"' in text or "'" in text or "\u201c" in text:
        for match in BRACKET_OPEN.finditer(text):
            if HELPER_BEFORE.search(text, max(0, match.start() - 30), match.start()):
                spans.append(_run(text, match.end(), "relative") or (0, 0))
    if not _ALONG_WORDS.isdisjoint(words):
        for match in LOWER_ALONG.finditer(text):
            name = match.group("name")
            if (
                name.lower() not in _NOT_FIRST
                and not _slip_of_anyone(name.lower())
                and (unknown(name, slips=False) or _plain_first(name))
            ):
                spans.append(match.span("name"))
    if not _KIN_ABROAD_WORDS.isdisjoint(words):
        for match in KIN_ABROAD_CUE.finditer(text):
            spans.append(_run(text, match.end(), "relative") or (0, 0))
    return [span for span in spans if span != (0, 0)]


_ANYONE = ("everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody")


def _slip_of_anyone(word: str) -> bool:
    """ "can somone drive", "could evryone come": a slip of "someone" is nobody's name (a slip
    of another word may be a name here: "chinedu" is one letter from "chined")."""
    return any(similar(word, other, _KIN_SIMILARITY) for other in _ANYONE)


def _masked_first_after_surname(text: str) -> str:
    """FIRST_AFTER_SURNAME's pass: the given name goes when a surname's label came before."""
    label = _SURNAME_LABEL.search(text)
    if not label:
        return text
    for match in reversed(list(FIRST_AFTER_SURNAME.finditer(text, label.end()))):
        name = match.group("name")
        if name != "name" and (
            not ordinary(name) or (_capitalised(name) and name.lower() not in STOP)
        ):
            text = text[: match.start("name")] + NAME_MARK + text[match.end("name") :]
    return text


# "I'm stiffest", "I'm achier" (round 12: masked as a name): an ordinary word's superlative or
# comparative is no name ("stiff" + "est", "achy" -> "achiest", "big" -> "biggest").
def inflected_word(lowered: str) -> bool:
    """Is this lower-case word an ordinary word with -est, -er, -iest or -ier added?"""
    if not (lowered.endswith("est") or lowered.endswith("er")) or not lowered.isalpha():
        return False
    first, last, ordinary_words, _ = _lists()
    if lowered in first or lowered in last:
        return False  # "parker", "turner", "becker": surnames first
    for ending in ("iest", "ier", "est", "er"):
        if not lowered.endswith(ending) or len(lowered) - len(ending) < 3:
            continue
        stem = lowered[: -len(ending)]
        forms = [stem, stem + "e"]
        if ending.startswith("i"):
            forms = [stem + "y", stem + "e"]  # "happiest", "achiest" (from "ache")
        elif len(stem) > 3 and stem[-1] == stem[-2]:
            forms.append(stem[:-1])  # "biggest", "thinner"
        if any(form in ordinary_words for form in forms):
            return True
    return False


def _might_name_round_12(text: str) -> bool:
    """might_name's cheap test for round 12's lower-case names."""
    low = text.lower()
    if "name" in low and SURNAME_CUE.search(text):
        return True
    words = set(low.split())
    if not _ALONG_WORDS.isdisjoint(words) and LOWER_ALONG.search(text):
        return True
    return not _KIN_ABROAD_WORDS.isdisjoint(words) and bool(KIN_ABROAD_CUE.search(text))


# Round 14 (r14p): names an outside tester found stored raw.
# "my brother des says just wait it out": a short lower-case name between a kin word and a
# verb of saying or wanting. KIN_THEN_VERB needs the name in no list of words, and "des" is
# one (a French word in the ordinary list); here any word of three letters or more counts
# but the adverbs and small words that stand there ("my husband also says").
KIN_SAYS = re.compile(
    rf"\b(?i:my|our|his|her|their)\s+(?i:{_RELATIVE}{IN_LAW})\s+"
    r"(?P<name>[a-z]{3,})\s+(?i:says|said|thinks|thought|wants|wanted|tells|told|asks|asked)\b"
)
_NOT_SAYER_WORDS = """also just still always never even only now then too often usually
    sometimes already
    actually definitely probably apparently finally again here there who that which what
    first later today keeps kept does did has had was really always constantly"""
_NOT_SAYERS = frozenset(_NOT_SAYER_WORDS.split())
# "Wojciech's back has been killing him since the fall": a capitalised word in no list with a
# possessive, opening the message, before a body part, a kin word or a thing of a person's.
OWNED_THINGS: str = (
    r"(?:back|knee|knees|hip|hips|leg|legs|arm|arms|hand|hands|foot|feet|head|heart|neck|"
    r"shoulder|shoulders|spine|pain|surgery|appointment|doctor|meds|medication|insurance|"
    r"memory|eyes|eye|ankle|wrist|blood|sugar|pressure|health|condition|"
    rf"{_RELATIVE})"
)
POSSESSIVE_OPENING = re.compile(rf"^\W*(?P<name>[A-Z][a-z]+)['\u2019]s\s+(?i:{OWNED_THINGS})\b")


def _speaking_kin_name(text: str) -> list[tuple[int, int]]:
    """KIN_SAYS's names ("my brother des says"), not an adverb or a word ending in -ly."""
    return [
        m.span("name")
        for m in KIN_SAYS.finditer(text)
        if m.group("name").lower() not in _NOT_SAYERS
        and m.group("name").lower() not in STOP
        and not m.group("name").lower().endswith("ly")
    ]


def _possessive_opening(text: str) -> list[tuple[int, int]]:
    """POSSESSIVE_OPENING's name, when it is in no list and no place name ("Wojciech's back";
    "Florida's heat", "Mom's back" stay)."""
    match = POSSESSIVE_OPENING.match(text)
    if not match or not unknown(match.group("name"), slips=False):
        return []
    from core.privacy.places import place_names  # places imports this module

    return [] if match.group("name").lower() in place_names() else [match.span("name")]


# Round 16 (r16f): "the neighbour across the road, stanislaw, fell off his ladder", "my carer,
# wojciech, says": a word set off by commas up to four words after a person's word is their
# name, in any case, when it is in no list of words or a first name that is no word.
COMMA_NAME = re.compile(
    # "my pop, little joe, has the fracture", "my step-dad, big mike, fell" (round 18): a
    # nickname's size or age word before the first name goes with it.
    r",\s*(?:(?P<nick>(?i:big|little|lil|old|young)\s+))?(?P<name>[^\W\d_][\w'\u2019-]*)(?=\s*,)"
)
HELPER_WORDS_BEFORE = re.compile(
    rf"\b(?:{_HELPER}|lady|gentleman|woman|man|guy|fellow|pop|poppa|pop-pop)s?\b"
    r"(?:\s+[^\W\d_][\w'\u2019]*){0,4}\s*$",
    re.IGNORECASE,
)


# Words set off by commas that the list of ordinary words lacks (it holds few adverbs).
_ASIDE_WORDS = """however meanwhile otherwise nevertheless nonetheless furthermore moreover
anyway anyhow"""
ASIDES = _NOT_SAYERS | frozenset(_ASIDE_WORDS.split())


def _comma_name(word: str) -> bool:
    """COMMA_NAME's word: in no list, a first name that is no word, or capitalised a first
    name or a virtue name that is one too ("my aide, Precious, does my meds")."""
    if _capitalised(word) and (word.lower() in VIRTUE_NAMES or _is_first(word)):
        return True
    return not ordinary(word) and (unknown(word, slips=False) or _known(word))


def _comma_names(text: str) -> list[tuple[int, int]]:
    """COMMA_NAME's names after a person's word (two commas at least: a cheap test first)."""
    if text.count(",") < 2:
        return []
    spans = []
    for match in COMMA_NAME.finditer(text):
        name = match.group("name")
        if name.lower() in _NOT_FIRST or name.lower() in ASIDES or name.lower().endswith("ly"):
            continue  # "my friend, however, thinks", "my son, sadly, lives away"
        nickname = match.group("nick") is not None
        if not (_comma_name(name) or (nickname and _is_first(name))):
            continue
        if HELPER_WORDS_BEFORE.search(text, max(0, match.start() - 60), match.start()):
            spans.append((match.start("nick") if nickname else match.start("name"), match.end()))
    return spans


def _round_14_names(text: str) -> list[tuple[int, int]]:
    """Round 14's cues, each behind a substring test."""
    spans: list[tuple[int, int]] = []
    low = text.lower()
    if "say" in low or "said" in low or "think" in low or "thought" in low or "want" in low \
            or "tell" in low or "told" in low or "ask" in low:  # fmt: skip
        spans.extend(_speaking_kin_name(text))
    if "'s " in text or "\u2019s " in text:
        spans.extend(_possessive_opening(text))
    return spans


# --- Round 16 (r16n): names and over-masks an outside tester found, as classes --------------
# "grandpa ziggy wants to know", "cousin radek will translate", "pop-pop jerzy wants", "uncle
# benedykt asked": a lower-case name between a kin word with no "my" before it (a sentence
# opens with it) and a verb. KIN_SAYS needs the possessive; without one the name must be in
# no list of words or a first name that is no word.
BARE_KIN_NAME = gated(
    re.compile(
        rf"\b(?i:{_RELATIVE}|pop-?pop|pops|papaw|meemaw|mawmaw|peepaw)\s+(?P<name>[a-z]{{3,}})\s+"
        r"(?i:says|said|thinks|thought|wants|wanted|tells|told|asks|asked|will|would|can|could"
        r"|needs|wonders|wondered)\b"
    ),
    words="says said thinks thought wants wanted tells told asks asked will would can could "
    "needs wonders wondered",
)


def _bare_kin_names(text: str) -> list[tuple[int, int]]:
    """BARE_KIN_NAME's names: in no list or a first name, not an adverb ("uncle also said")."""
    spans = []
    for match in BARE_KIN_NAME.finditer(text):
        name = match.group("name")
        if name in _NOT_SAYERS or name in STOP or name.endswith("ly"):
            continue
        if unknown(name, slips=False) or _plain_first(name):
            spans.append(match.span("name"))
    return spans


# "PT NAME: ABERCROMBIE-NWOSU, PHILIPPA\nwhat should...", "PATIENT: Wróbel, Stanisław  DOB":
# after a label and a masked surname, the word after the comma is the given name whatever
# follows it (GIVEN_AFTER_MARK needs the clause to end there).
LABELLED_GIVEN = re.compile(
    rf"(?P<cue>\b{_CARD_LABEL}\s*:\s*"
    + re.escape(NAME_MARK)
    + r",[ \t]*)(?P<name>[^\W\d_][\w'\u2019-]*)"
)


def _masked_labelled_given(match: re.Match[str]) -> str:
    """LABELLED_GIVEN's replacement: a capitalised first name or word in no list goes."""
    name = match.group("name")
    if _capitalised(name) and (_is_first(name) or not ordinary(name)):
        return match.group("cue") + NAME_MARK
    return match.group()


# "my name is pat o'rourke p a t o r o u r k e": single letters spelled out with spaces right
# after a masked name are that name, spelled (four letters or more).
SPELLED_AFTER_MARK = re.compile(
    re.escape(NAME_MARK) + r"[\s,:;-]*(?P<run>[^\W\d_](?: [^\W\d_]){3,})(?!\w)"
)


def masked_spelled_after_mark(text: str) -> str:
    """The text with SPELLED_AFTER_MARK's letters masked (the mark and the run become one)."""
    return SPELLED_AFTER_MARK.sub(NAME_MARK, text) if NAME_MARK in text else text


# "What does the MR number on my bracelet mean?", "MS symptoms": "MR" or "MS" in capitals
# before a lower-case word of the language is an abbreviation (medical record, multiple
# sclerosis), not a title.
def _abbreviation_title(text: str, match: re.Match[str]) -> bool:
    """Whether STRONG_CUE's "MR"/"MS" match is a capitalised abbreviation before a word."""
    cue = match.group().strip()
    if cue not in ("MR", "MS", "MRS"):
        return False
    nxt = _LETTERS.match(text, match.end())
    return nxt is not None and nxt.group().islower() and ordinary(nxt.group())


# "ile trwa zabieg?" (Polish), "nou gen kesyon sou operasyon an" (Haitian Creole), "o meu
# marido tem dor nas costas" (Portuguese): two words in no English list in a row are a name in
# English text; a message holding the everyday small words of another language is not English
# text, and its words are its own. The most frequent function words of Polish, Portuguese,
# Spanish, Haitian Creole, Albanian and Italian that are no English words nor particles of
# surnames. Round 17 (r17n): these words are never a name's either ("minha mãe mora em",
# "Ilir Krasniqi është 91", "è troppo vecchio", "gjyshja ime quhet" were masked).
# Round 18 (r18n): Vietnamese typed without accents ("khong", "truoc"), Italian "quanto".
_OTHER_LANGUAGE_WORDS = """
ile jest nie się sie czy jak że mam przez dla ale jestem mnie już juz może moze kiedy gdzie
bardzo jaki jaka jakie moja mój moj moje mojego trwa czym tylko będzie bedzie jesteś
meu minha meus minhas tem tenho está esta estou ele ela uma não nao com para mais muito quando
como onde porque nas nos dos pelo pela também tambem isso você voce
los las una que por con es mi tengo tiene estoy muy cuando pero su sus más mas qué cómo
dónde donde puedo necesito hay
mwen nou gen ki nan sou pou ak yon konn kapab kijan kisa poukisa kilè kile bezwen eske
rete rele nimewo
ime jam është eshte dhe nga për që quhet shumë shume mund vjeç vjec
è sono mio mia miei della dello nella troppo anni perché perche anche molto ancora
mora moro morava syn
khong truoc duoc nhung quanto quanta quanti
"""
# Round 20 (r20n): Russian, Greek, pinyin and Italian typed in Latin letters (romanised_words.py).
# Round 21 (r21n): Russian possessives, kin and cue words in Cyrillic ("Моя мама — ..." was a name).
OTHER_LANGUAGE = frozenset(_OTHER_LANGUAGE_WORDS.split()) | NEVER_NAMES | SCRIPT_FUNCTION_WORDS


def other_language(text: str) -> bool:
    """Does the text hold a frequent function word of another language (then its unknown
    words are that language's, not a name)?"""
    return not OTHER_LANGUAGE.isdisjoint(words_of(text))


# "Q for you from Feodora (the patient's niece)": a capitalised first name or word in no list
# right before a bracket that says whose kin it is.
NAME_BEFORE_KIN_BRACKET = gated(
    re.compile(
        r"(?P<name>[A-Z][\w'\u2019-]+)\s*\((?i:(?:the|my|our|her|his|their)\s+)?"
        rf"(?:[\w'\u2019]+['\u2019]s\s+)?(?i:{_RELATIVE}){IN_LAW}\b"
    ),
    needles="(",
)


def _names_before_kin_bracket(text: str) -> list[tuple[int, int]]:
    """NAME_BEFORE_KIN_BRACKET's names, a first name or a word in no list."""
    return [
        m.span("name")
        for m in NAME_BEFORE_KIN_BRACKET.finditer(text)
        if (_is_first(m.group("name")) or unknown(m.group("name"), slips=False))
        # "May (my daughter) come in with me?" (round 26): a modal asks; a name that is a
        # modal ("Will (my husband) will drive") is word_names_said_as_people's to judge.
        and m.group("name").lower() not in MODALS
    ]


# --- Round 17 (r17n): names an outside tester found stored raw, as classes -------------------
# "sister mary agnes ... calling about sister perpetua", "[name]'s granddaughter akosua",
# "Love, Auntie Gloria Mbeki and Uncle Sipho": in a message that already names someone, a kin
# word (no "my" before it) before a word in no list is a second person's name. Read only
# where a mark is, so a message without a name pays nothing.
KIN_THEN_WORD = gated(
    re.compile(rf"(?P<cue>\b(?i:{_RELATIVE}){IN_LAW}\s+)(?P<name>[^\W\d_][\w'\u2019-]{{2,}})"),
    words=" ".join(sorted(ALL_KIN)),
)
# "grandpa Lucky (Luciano DeFelice)": a word between a kin word and a bracketed masked name
# is the nickname of the person named in the bracket, a word or not.
KIN_NICKNAME = re.compile(
    rf"(?P<cue>\b(?i:{_RELATIVE}){IN_LAW}\s+)(?P<name>[^\W\d_][\w'\u2019-]*)"
    rf"(?=\s*\(\s*{re.escape(NAME_MARK)})"
)


def _masked_kin_word(match: re.Match[str]) -> str:
    """KIN_THEN_WORD's replacement: a word in no list of words goes, the kin word stays."""
    name = match.group("name")
    low = name.lower()
    if low in STOP or low in OTHER_LANGUAGE or ordinary(name) or not unknown(name, slips=False):
        return match.group()
    if name.islower() and low in LOWER_ONLY and other_language(match.string):
        return match.group()  # Round 20 (r20n): "wo mama jiao ..." (pinyin: is called)
    return match.group("cue") + NAME_MARK


def masked_second_kin_names(text: str) -> str:
    """The text with KIN_NICKNAME's and KIN_THEN_WORD's names masked (text holds a mark)."""
    if "(" in text:
        text = KIN_NICKNAME.sub(lambda m: m.group("cue") + NAME_MARK, text)
    return KIN_THEN_WORD.sub(_masked_kin_word, text)


# --- Round 18 (r18n): names an outside tester found stored raw, as classes -------------------
# "grandma Hope, she is 91", "wife is Faith", "grandpa Buddy is 85":
# right after a kin word (or "<kin> is"), inside a sentence, a capitalised first name is a name
# even when it is also a word (a virtue, a pet name); typed in lower case it stays a word
# ("my husband will come"). "my husband Has a question" stays: "Has" is no first name.
CAPITAL_KIN_NAME = gated(
    re.compile(
        rf"\b(?i:{_RELATIVE}){IN_LAW}(?:\s+is)?[ \t]+(?P<name>(?-i:[A-Z][a-z]+))(?![\w'\u2019-])"
    ),
    words=" ".join(sorted(ALL_KIN)),
)
# Virtues and pet names that are first names, not in the list of first names that are words.
# Not "Will" nor "May": "my son Will drive me" is a corpus negative (the modal, capitalised).
_CAPITAL_ONLY_NAMES = frozenset({"hope", "joy", "faith", "grace", "buddy"})


def _capital_kin_name(name: str) -> bool:
    """CAPITAL_KIN_NAME's word: a first name (a word or not), not a small word or a place."""
    low = name.lower()
    if low in _CAPITAL_ONLY_NAMES:
        return True
    if low in STOP or low in _NOT_KIN_NAMES or low in TOWNS or low in CAPITALISED_WORDS:
        return False
    return low in VIRTUE_NAMES or low in _lists()[3] or _is_first(name)


def _capital_kin_names(text: str) -> list[tuple[int, int]]:
    """CAPITAL_KIN_NAME's names that are first names."""
    return [
        m.span("name")
        for m in CAPITAL_KIN_NAME.finditer(text)
        if _capital_kin_name(m.group("name"))
    ]


# "my mother Joy has a fracture, joy is 84", "grandma Grace ... grace can't walk": a first name
# masked once is masked where the message types it again in lower case, unless a pronoun or
# "to" makes it the verb or the noun ("I hope", "to will", "with hope" stays a name: the tester).
_VERB_BEFORE = re.compile(r"\b(?:i|we|you|they|to|do|don'?t|i'?ll|should|would)\s+$", re.IGNORECASE)


def _said_again_lower(text: str, names: set[str]) -> list[tuple[int, int]]:
    """The lower-case places of the capitalised first names found."""
    lowered = {w.lower() for w in names if _capitalised(w) and w.lower() != w}
    lowered = {w for w in lowered if w in text}  # cheap first: most are not said again
    if not lowered:
        return []
    pattern = re.compile(
        r"(?<![\w'\u2019-])(?:" + "|".join(map(re.escape, lowered)) + r")(?![\w'\u2019-])"
    )
    return [
        m.span()
        for m in pattern.finditer(text)
        if not _VERB_BEFORE.search(text, 0, m.start())
        and not _TITLE_BEFORE.search(text[: m.start()])
    ]


# Round 19 (r19n): first names that are words, read by their clause, and names in pasted
# cards and letters (both modules import this one's lists, so they are imported once those exist).
from core.privacy import names_by_clause_and_paste as clause_names  # noqa: E402
from core.privacy import names_by_kin_staff_and_labels as kin_staff_labels  # noqa: E402
from core.privacy import pasted_names, people_in_clauses, word_names  # noqa: E402
from core.privacy import titles_particles_and_care_places as titled  # noqa: E402
