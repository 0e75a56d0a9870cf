"""Words of Russian, Greek, Mandarin and Italian typed in Latin letters (issue 21, round 20, r20n).

Why: patients write in their own language with an English keyboard. The name rules take a
pair of lower-case words in no English list for a name ("kaito hasegawa"), and a lower-case
first name before a surname ("mary smith"). An outside tester (t21r20) found these words
masked as names: Russian "moya mama bolnaya, skolko dlitsya protsedura" (n11), pinyin "wo
mama jiao ..., hui teng ma" (n16), Greek "... kai i mitera mou einai 86" (n13) and Italian
"Posso mangiare prima dell'intervento?" (o33, an ordinary message).

`NEVER_NAMES` are frequent words no one is called: names.py reads them with its other
languages' small words (`names._OTHER_LANGUAGE`: they start and continue no name, and a text
holding one is another language's, so its unknown word pairs are no name).
`LOWER_ONLY` are words of those languages that are a name's part too ("Hui", "Ma", "Kai",
"Teng", "Moya"): typed in lower case in another language's text they are the language's.
"""

from __future__ import annotations

import re

# Russian (transliterated): pronouns, question words, the procedure's and the pain's words.
_RUSSIAN = """menya zovut mne eto ochen skolko dlitsya bolnaya bolnoy bolnoi bolit bolno
protsedura protsedury protsedure operatsiya operatsii vracha mozhno nuzhno posle pered kogda
pochemu chto budet boitsya boyitsya spasibo pozhaluysta pozhaluista"""
# Greek (transliterated): "mou einai" (my ... is), "ponaei" (does it hurt), "poso" (how much).
_GREEK = """einai mou sou ponaei ponei poso diarkei giati mitera pateras epemvasi mporo thelo
prepei"""
# Mandarin pinyin without tones: "haipa" (afraid), "zenme" (how), "duojiu" (how long).
_PINYIN = """haipa zenme duojiu shenme xiexie keyi shoushu yisheng nainai yeye waipo waigong"""
# Italian: the modal and time words of a question ("Posso ... prima", "dopo").
_ITALIAN = """posso prima dopo devo può puo"""
NEVER_NAMES = frozenset(" ".join((_RUSSIAN, _GREEK, _PINYIN, _ITALIAN)).split())

# Words of those languages that are a name's part as well: only in lower case, only in a text
# that holds a word of NEVER_NAMES or names._OTHER_LANGUAGE, are they the language's.
_LOWER_ONLY_WORDS = """hui teng ma jiao kai lene moya moy moi ta ni wo de shi bu yao"""
LOWER_ONLY = frozenset(_LOWER_ONLY_WORDS.split())

# "dell'intervento", "nell'ospedale", "l'anestesia", "un'ora", "quest'anno": an Italian or
# French article or preposition elided before a lower-case word is no name ("D'Angelo",
# "O'Brien" keep their capitals, and "d'"/"o'" are left out: those begin surnames).
ELIDED = re.compile(
    r"(?:dell|dall|nell|sull|coll|all|quell|quest|un|l|c|j|qu|n|s)['\u2019][a-zà-ÿ]+"
)


def lower_word_of_language(word: str, language_text: bool) -> bool:
    """A lower-case word of LOWER_ONLY in a text of another language, or an elided article and
    its word: no name."""
    if not word or not word.islower():
        return False
    if ELIDED.fullmatch(word):
        return True
    return language_text and word in LOWER_ONLY


_SPAN_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def without_words_of_language(
    text: str, spans: list[tuple[int, int]], language_text: bool
) -> list[tuple[int, int]]:
    """The spans with their lower-case words of another language taken off their ends ("Eleni
    Papadopoulou kai" keeps "Eleni Papadopoulou"); a span of such words alone goes ("hui
    teng", "dell'intervento")."""
    kept = []
    for start, end in spans:
        found = list(_SPAN_WORD.finditer(text, start, end))
        words = found[:]
        while words and lower_word_of_language(words[-1].group(), language_text):
            words.pop()
        while words and lower_word_of_language(words[0].group(), language_text):
            words.pop(0)
        if not words:
            continue
        if len(words) == len(found):
            kept.append((start, end))
        else:
            kept.append((words[0].start(), words[-1].end()))
    return kept
