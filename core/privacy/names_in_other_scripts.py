"""Names written in Chinese, Japanese, Korean, Arabic, Devanagari and Cyrillic script after
those languages' own words for "is called" / "name is" (issue 21, round 21, r21n).

Why: the name rules in names.py read Latin letters: capitals, lists of English words and first
names, spaces between words. An outside tester (t21r21) wrote the same sentence in six scripts
and five names were stored raw: "我父亲叫王建国" (my father is called ..., name-018), "اسم والدي
أحمد الخطيب" (my father's name is ..., name-020), "어머니 성함은 김순자입니다" (mother's name is
..., name-024), "मेरे पिता का नाम राजेश कुमार है" (my father's name is ..., name-025) and
"母は田中花子です" (mother is ..., name-027). Chinese and Japanese have no spaces and no
capitals, so no English rule can see where a name ends; each language's cue says where it
starts, and its grammar (a particle, a copula, punctuation) where it ends.

The same round found Russian "Моя мама — ..." (my mum) masked as a name: the opening rule took
two words in no English list before a dash for one. `FUNCTION_WORDS` are Russian possessives,
kin and cue words, no name: names.py reads them with its other languages' small words. The
name after them is masked here ("Моя мама — Людмила Петровна Соколова", "Меня зовут ...").

Each pattern runs only on text that is not ASCII, and only on a cue word of its script.
"""

from __future__ import annotations

import re

_HAN = "\u4e00-\u9fff"
_KANA = "\u3040-\u30ff"
_KATAKANA = "\u30a0-\u30ff"
_HANGUL = "\uac00-\ud7a3"
_ARABIC_LETTER = "\u0621-\u064a\u064b-\u065f"
_DEVANAGARI = "\u0900-\u0963\u0966-\u097f"  # without the danda "।" (a full stop)

# --- Chinese: 叫 / 叫做 / 名叫 / 名字是 / 名字叫 / 姓名是 (is called, the name is) ------------
# The name is two to four characters; it ends at punctuation, a pronoun (他 她: "he/she ...")
# or 的/是/今年 (of / is / this year). "叫我" (tells me to) is no cue: a pronoun follows.
_ZH_CUE = (
    "(?:\u540d\u5b57(?:\u662f|\u53eb)|\u59d3\u540d(?:\u662f|[:"
    "\uff1a])|\u540d\u53eb|\u53eb\u505a|\u53eb)"
)
_ZH_PRONOUN = "\u6211\u4f60\u4ed6\u5979\u5b83\u4eec\u60a8"  # 我你他她它们您
_ZH_END = (
    "[\\s,.!?;:\u3001\u3002\uff0c\uff01\uff1f\uff1b\uff1a\uff09)]|["
    + _ZH_PRONOUN
    + "]|\u7684|\u662f|\u4eca\u5e74|$"
)
ZH_NAME = re.compile(
    rf"{_ZH_CUE}\s*(?P<name>(?![{_ZH_PRONOUN}])[{_HAN}\u00b7]{{2,4}}?)(?={_ZH_END})"
    rf"|{_ZH_CUE}\s*(?P<bare>(?![{_ZH_PRONOUN}])[{_HAN}]{{2,3}})"
)

# --- Japanese: 名前は / 氏名は ... です; <kin>は / 私は ... です / と申します ---------------------
# After a kin word or "I" the name is kanji or katakana (3 to 8: "母は元気です", mother is well,
# and "母は心配です", mother is worried, have two); after "name" kana may be in it.
_JA_KIN = (
    "(?:\u6bcd\u89aa|\u7236\u89aa|\u6bcd|\u7236|\u592b|\u59bb|\u4e3b\u4eba|\u606f\u5b50|"
    "\u5a18|\u7956\u6bcd|\u7956\u7236|\u5144|\u59c9|\u5f1f|\u59b9|\u79c1)"
)  # 母親 父親 母 父 夫 妻 主人 息子 娘 祖母 祖父 兄 姉 弟 妹 私
_JA_END = (
    "(?=\u3067\u3059|\u3068\u7533\u3057\u307e\u3059|\u3068"
    "\u3044\u3044\u307e\u3059|\u3068\u8a00\u3044\u307e\u3059|"
    "\u3055\u3093|\u69d8)"
)
JA_NAME = re.compile(
    rf"(?:\u540d\u524d|\u6c0f\u540d)\u306f\s*(?P<name>[{_HAN}{_KANA}\u30fc]{{1,10}}?){_JA_END}"
    rf"|{_JA_KIN}\u306f\s*(?P<kin>[{_HAN}{_KATAKANA}]{{3,8}}?){_JA_END}"
)
# Predicates a kin word may take that are kanji too: well, worried, a patient, ill, uneasy.
_JA_NOT_NAMES = frozenset(
    {"\u5927\u4e08\u592b", "\u5165\u9662\u4e2d", "\u9ad8\u9f62\u8005", "\u65e5\u672c\u4eba"}
)

# --- Korean: 성함은 / 이름은 / 이름이 ... 입니다 / 이에요 / 예요 / 씨 --------------------------
KO_NAME = re.compile(
    rf"(?:\uc131\ud568|\uc774\ub984|\uc874\ud568)(?:\uc740|\ub294|\uc774|\uac00)?\s*[:\s]?\s*"
    rf"(?P<name>[{_HANGUL}]{{2,4}}?)"
    r"(?=\uc785\ub2c8\ub2e4|\uc774\uc5d0\uc694|\uc608\uc694|\uc774\uace0|\uc774\uba70|"
    r"\uc774\ub77c\uace0|\ub77c\uace0|\uc529|\ub2d8|\uc774\uc694|[\s.,!?]|$)"
)

# --- Devanagari (Hindi): ... का/की/के नाम <name> है; मेरा नाम <name> है ------------------------
HI_NAME = re.compile(
    r"\u0928\u093e\u092e\s*(?:\u0939\u0948\s*)?:?\s*"
    rf"(?P<name>[{_DEVANAGARI}]+(?:\s+[{_DEVANAGARI}]+){{0,2}}?)"
    r"(?=\s*(?:\u0939\u0948|\u0939\u0948\u0902|\u0925\u093e|\u0925\u0940|\u0914\u0930|[,.\u0964]|$))"
)
_HI_NOT_NAMES = frozenset({"\u0939\u0948", "\u0915\u094d\u092f\u093e"})  # है (is), क्या (what)

# --- Arabic: اسمي / اسمه / اسمها / اسم <kin> / اسم المريض <name> ---------------------------------
_AR_KIN = (
    "\u0648\u0627\u0644\u062f\u064a \u0648\u0627\u0644\u062f\u062a\u064a \u0623\u0628\u064a "
    "\u0623\u0645\u064a \u0632\u0648\u062c\u064a \u0632\u0648"
    "\u062c\u062a\u064a \u0627\u0628\u0646\u064a "
    "\u0627\u0628\u0646\u062a\u064a \u0623\u062e\u064a \u0623\u062e\u062a\u064a \u062c\u062f\u064a "
    "\u062c\u062f\u062a\u064a \u0627\u0644\u0645\u0631\u064a"
    "\u0636 \u0627\u0644\u0645\u0631\u064a\u0636\u0629"
)  # my father, my mother, father, mother, husband, wife, son, daughter, brother, sister, ...
AR_CUE = re.compile(
    r"(?<![\u0621-\u064a])(?:\u0627\u0633\u0645\u064a|\u0627\u0633\u0645\u0647|\u0627\u0633\u0645\u0647\u0627"
    r"|\u0627\u0633\u0645\s+(?:"
    + "|".join(_AR_KIN.split())
    + r"))\s*(?:\u0647\u0648|\u0647\u064a)?\s*:?\s*"
)
_AR_WORD = re.compile(rf"[{_ARABIC_LETTER}]+")
# Words that end an Arabic name: "and he/she", he, she, from, in, is, his/her age, suffers.
_AR_STOP = frozenset(
    [
        "وهو",
        "وهي",
        "هو",
        "هي",
        "من",
        "في",
        "عمره",
        "عمرها",
        "يعاني",
        "تعاني",
        "وعمره",
        "وعمرها",
        "وأنا",
        "لديه",
        "لديها",
        "عنده",
    ]
)

# --- Cyrillic (Russian): зовут / имя / фамилия ...; <kin> — <name> -----------------------------
_RU_KIN = (
    "\u043c\u0430\u043c\u0430 \u043f\u0430\u043f\u0430 \u043c"
    "\u0430\u0442\u044c \u043e\u0442\u0435\u0446 "
    "\u0441\u044b\u043d \u0434\u043e\u0447\u044c \u0434\u043e\u0447\u043a\u0430 \u043c\u0443\u0436 "
    "\u0436\u0435\u043d\u0430 \u0431\u0430\u0431\u0443\u0448"
    "\u043a\u0430 \u0434\u0435\u0434\u0443\u0448\u043a\u0430 "
    "\u0431\u0440\u0430\u0442 \u0441\u0435\u0441\u0442\u0440\u0430"
)  # mum dad mother father son daughter (x2) husband wife grandmother grandfather brother sister
_RU_OTHER = (
    "\u043c\u043e\u044f \u043c\u043e\u0439 \u043c\u043e\u0451 "
    "\u043c\u043e\u0435 \u043c\u043e\u0438 "
    "\u043d\u0430\u0448 \u043d\u0430\u0448\u0430 \u043c\u0435"
    "\u043d\u044f \u0437\u043e\u0432\u0443\u0442 "
    "\u0438\u043c\u044f \u0444\u0430\u043c\u0438\u043b\u0438\u044f \u0435\u0451 \u0435\u0433\u043e"
)  # my (x5) our (x2) me "they call" name surname her his
FUNCTION_WORDS = frozenset((_RU_KIN + " " + _RU_OTHER).split())
RU_NAME = re.compile(
    r"(?i:\u0437\u043e\u0432\u0443\u0442|\u0438\u043c\u044f|\u0444\u0430\u043c\u0438\u043b\u0438\u044f"
    r"|(?:" + "|".join(_RU_KIN.split()) + r")\s*[\u2014\u2013:-])\s*"
    r"(?P<name>[\u0410-\u042f\u0401][\u0430-\u044f\u0451-]+(?:\s+[\u0410-\u042f\u0401][\u0430-\u044f\u0451-]+){0,2})"
)

_CUE_CHARS = re.compile(
    "[\u53eb\u540d\u6c0f\u306f\uc131\uc774\uc874\u0928\u0627\u0437\u0438\u0444\u2014\u2013:-]"
)


def _zh(text: str) -> list[tuple[int, int]]:
    return [m.span("name") if m.group("name") else m.span("bare") for m in ZH_NAME.finditer(text)]


def _ja(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in JA_NAME.finditer(text):
        group = "name" if m.group("name") else "kin"
        if m.group(group) not in _JA_NOT_NAMES:
            spans.append(m.span(group))
    return spans


def _ar(text: str) -> list[tuple[int, int]]:
    """Up to three Arabic words after the cue, to the first word that ends a name."""
    spans = []
    for cue in AR_CUE.finditer(text):
        start = end = cue.end()
        for count, word in enumerate(_AR_WORD.finditer(text, cue.end())):
            if count == 3 or word.group() in _AR_STOP or text[end : word.start()].strip():
                break
            end = word.end()
        if end > start:
            spans.append((start, end))
    return spans


def spans(text: str) -> list[tuple[int, int]]:
    """Where the text names someone after a cue of another script (see the module's doc)."""
    if text.isascii() or not _CUE_CHARS.search(text):
        return []
    found = _zh(text) + _ja(text) + [m.span("name") for m in KO_NAME.finditer(text)]
    found += [
        m.span("name") for m in HI_NAME.finditer(text) if m.group("name") not in _HI_NOT_NAMES
    ]
    found += _ar(text) + [m.span("name") for m in RU_NAME.finditer(text)]
    return found


def masked(text: str, mark: str) -> str:
    """The text with the names `spans` finds replaced by `mark`."""
    found = spans(text)
    if not found:
        return text
    merged: list[list[int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + mark + text[end:]
    return text
