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
    if text.isascii():
        return []
    if not _CUE_CHARS.search(text):
        return kin_spans(text)
    found = (
        kin_spans(text) + _zh(text) + _ja(text) + [m.span("name") for m in KO_NAME.finditer(text)]
    )
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


# --- Round 23 (r23n): a name right after a kin word, with no "is called" ----------------------
# Round 23's tester wrote "my mother <name> needs it" in six scripts and every name was stored
# raw: "我妈妈王秀英下周要做" (nm12), "والدي أحمد الحسيني عنده" (nm14), "مادرم فاطمه رضایی
# شکستگی" (nm88, Persian), "אמא שלי רחל כהן צריכה" (nm84, Hebrew), "मेरी माँ सुनीता शर्मा को"
# (nm86) and "母の山田花子が来週" (nm87). Right after a kin word comes its verb or a thing as
# often as a name ("我妈妈下周要做手术", "אמא שלי צריכה את הטיפול", "母の手術が来週"), so each
# language's name is read by what a name there is made of: a Chinese family name and one or
# two characters before a time word, verb or particle; Japanese kanji (three to six) holding
# no character of an illness, a treatment or a time before a particle; an Arabic, Persian or
# Hebrew first name from a short list of the commonest, with an "al-" word, a surname of the
# usual endings or a listed surname after it; Hindi words before a postposition ("को", "ने").

# Chinese: kin words (mother, father, husband, wife, son, daughter, grandparents, siblings,
# parents-in-law) and the commonest family names.
_ZH_KIN = (
    "妈妈|母亲|老妈|爸爸|父亲|老爸|丈夫|老公|先生|妻子|老婆|太太|爱人|儿子|女儿|"
    "奶奶|外婆|姥姥|爷爷|外公|姥爷|哥哥|姐姐|弟弟|妹妹|婆婆|公公|岳母|岳父|妈|爸"
)
_ZH_FAMILY = (
    "王李张刘陈杨黄赵吴周徐孙朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
    "郝龚邵钱严覃武戴莫孔汤"
)
# What follows a name: a time word, a verb, a particle, a pronoun or punctuation.
_ZH_AFTER = (
    "下周|下个|明天|今天|昨天|上周|今年|最近|后天|已经|需要|要|想|是|有|在|做|得|患|因|说|会|"
    "能|去|被|住|的|了|吗|呢|和|也|都|刚|他|她|\uff0c|,|\u3002|\u3001|\uff01|\uff1f|\\s|$"
)
# Two characters after a kin word that are words, not a name ("马上" at once, "周末" weekend).
_ZH_LIST = (
    "马上 高兴 方便 于是 任何 许多 周末 周一 周二 周三 周四 周五 周六 周日 曾经 石膏 金额 "
    "江湖 黄疸 陈述 程度 孙子 孙女 林林"
)
_ZH_WORDS = frozenset(_ZH_LIST.split())
ZH_KIN_NAME = re.compile(rf"(?:{_ZH_KIN})(?P<name>[{_ZH_FAMILY}][{_HAN}]{{1,2}}?)(?={_ZH_AFTER})")

# Japanese: kin word, の (of) or は, then the name, then a particle or さん.
_JA_KIN_NAME = re.compile(
    rf"{_JA_KIN}(?:の|は)(?P<name>[{_HAN}]{{3,6}}?)(?=が|は|を|に|も|と|さん|様|、|。|\s|$)"
)
# Characters of an illness, a body part, a treatment, a place or a time: no name holds them
# ("母の手術が", "父の圧迫骨折は", "母の入院予定日").
_JA_NOT_IN_NAME = set(
    "手術病院痛骨折検査治療薬予約入退状態年齢体腰背部屋家事時日週月今来先後話気心配医者師看護"
    "症歳圧迫椎髄神経血科室費用保険介助元大丈夫高齢"
)

# Arabic: my father / mother / husband / wife / son / daughter / grandparents / siblings.
_AR_KIN_LIST = "والدي والدتي أبي ابي أمي امي زوجي زوجتي ابني ابنتي جدي جدتي أخي اخي أختي اختي"
_AR_KIN_WORDS = frozenset(_AR_KIN_LIST.split())
_AR_FIRST_WORDS = """محمد أحمد احمد علي عمر عثمان حسن حسين خالد يوسف إبراهيم ابراهيم مصطفى
    محمود عبدالله
    عبد سعيد سعد صالح ناصر فهد سلمان سليمان عادل طارق جمال كمال نبيل فاطمة فاطمه عائشة
    خديجة مريم زينب نور سارة ساره ليلى هدى منى سعاد سميرة نادية ناديه أمينة امينة حليمة رقية
    جميلة لطيفة سلمى رانيا هالة"""
_AR_FIRST = frozenset(_AR_FIRST_WORDS.split())
# Persian: the kin word with "my" (-am) and the commonest first names.
_FA_KIN_LIST = "مادرم پدرم همسرم شوهرم خانمم پسرم دخترم مادربزرگم پدربزرگم برادرم خواهرم"
_FA_KIN_WORDS = frozenset(_FA_KIN_LIST.split())
_FA_FIRST_WORDS = """فاطمه زهرا مریم معصومه زینب سکینه طاهره اعظم مهین پروین منیژه شهلا فرشته اشرف
    علی محمد حسین حسن رضا مهدی احمد محمود عباس جواد ابراهیم اکبر اصغر قاسم هوشنگ پرویز
    بهرام جمشید"""
_FA_FIRST = frozenset(_FA_FIRST_WORDS.split())
# Surname endings (-i, -ian, -zadeh, -pour, -nia, -far) and nouns that end so, no surname:
# fracture, illness, tiredness, life, very, ...
_FA_SURNAME_END = ("ی", "یان", "زاده", "پور", "نیا", "فر")
_FA_NOT_SURNAME_WORDS = "شکستگی خستگی زندگی بیماری ناراحتی خیلی کمی بستری"
_FA_NOT_SURNAME = frozenset(_FA_NOT_SURNAME_WORDS.split())
# Hebrew: "<kin> שלי" (my ...) or the kin word with "my" in it, then a listed first name.
_HE_KIN = re.compile(
    r"(?:(?:אמא|אבא|סבתא|סבא|הבן|הבת|האמא|האבא)\s+שלי|בעלי|אשתי|בני|בתי|אחי|אחותי)\s+"
)
_HE_FIRST_WORDS = """רחל שרה לאה רבקה מרים אסתר חנה דבורה יעל רות נעמי אורה זהבה שושנה פנינה מלכה
    משה דוד יוסף אברהם יצחק יעקב שמואל חיים מאיר אהרון אהרן שלמה מרדכי אליהו ישראל"""
_HE_FIRST = frozenset(_HE_FIRST_WORDS.split())
_HE_LAST_WORDS = """כהן לוי מזרחי פרץ ביטון דהן אברהם פרידמן אזולאי אגבריה כץ שפירא גולדברג רוזנברג
    אוחיון חדד עמר גבאי בן"""
_HE_LAST = frozenset(_HE_LAST_WORDS.split())
# Hindi: my mother / father / husband / wife / son / daughter / grandparents / siblings,
# then one or two words before a postposition (to, by, from, of, "ji").
_HI_KIN_NAME = re.compile(
    r"(?:मेरी|मेरे|मेरा|हमारी|हमारे)\s+"
    r"(?:माँ|मां|माता|माताजी|पिता|पिताजी|पति|पत्नी|बेटा|बेटी|दादी|दादा|नानी|नाना|भाई|बहन|सास|ससुर)"
    rf"\s+(?P<name>[{_DEVANAGARI}]+(?:\s+[{_DEVANAGARI}]+)?)"
    r"(?=\s+(?:को|ने|से|जी|का|की|के)(?![\u0900-\u097f]))"
)
# Words after a kin word that are no name: very, now, today, tomorrow, also, pain, back, ...
_HI_NOT_NAMES_WORDS = "बहुत अभी आज कल भी दर्द पीठ कमर हमेशा पहले बाद अस्पताल डॉक्टर उम्र इस उस यह वह"
_HI_NOT_NAMES = frozenset(_HI_NOT_NAMES_WORDS.split())
_ARABIC_WORDS = re.compile("[\u0600-\u06ff]+")
_KIN_GATE = re.compile(
    rf"(?:{_ZH_KIN})|[母父夫妻娘兄姉弟妹私]|[\u0600-\u06ff]|[\u05d0-\u05ea]|[\u0900-\u097f]"
)


def _arabic_script_kin(text: str) -> list[tuple[int, int]]:
    """Arabic and Persian: a kin word, a listed first name, then a surname-like word."""
    spans = []
    words = list(_ARABIC_WORDS.finditer(text))
    for i, word in enumerate(words[:-1]):
        kin = word.group()
        persian = kin in _FA_KIN_WORDS
        if not persian and kin not in _AR_KIN_WORDS:
            continue
        first = words[i + 1]
        if first.group() not in (_FA_FIRST if persian else _AR_FIRST):
            continue
        end = first.end()
        if i + 2 < len(words) and not text[end : words[i + 2].start()].strip():
            last = words[i + 2].group()
            if persian:
                surname = last.endswith(_FA_SURNAME_END) and last not in _FA_NOT_SURNAME
                surname = surname and not last.endswith("گی")
            else:
                surname = (last.startswith("ال") and last not in _AR_STOP) or last in _AR_FIRST
            if surname:
                end = words[i + 2].end()
        spans.append((first.start(), end))
    return spans


def _hebrew_kin(text: str) -> list[tuple[int, int]]:
    spans = []
    for cue in _HE_KIN.finditer(text):
        words = list(re.finditer(r"[\u05d0-\u05ea'\"-]+", text[cue.end() : cue.end() + 40]))
        if not words or words[0].start() != 0 or words[0].group() not in _HE_FIRST:
            continue
        end = words[0].end()
        if len(words) > 1 and words[1].group() in _HE_LAST:
            end = words[1].end()
        spans.append((cue.end(), cue.end() + end))
    return spans


def kin_spans(text: str) -> list[tuple[int, int]]:
    """Names right after a kin word in another script (see the block's comment above)."""
    if not _KIN_GATE.search(text):
        return []
    found = [
        m.span("name")
        for m in ZH_KIN_NAME.finditer(text)
        if m.group("name") not in _ZH_WORDS and not _NOT_IN_ZH_NAME.intersection(m.group("name"))
    ]
    found += [
        m.span("name")
        for m in _JA_KIN_NAME.finditer(text)
        if not _JA_NOT_IN_NAME.intersection(m.group("name"))
    ]
    found += [
        m.span("name")
        for m in _HI_KIN_NAME.finditer(text)
        if not _HI_NOT_NAMES.intersection(m.group("name").split())
    ]
    return found + _arabic_script_kin(text) + _hebrew_kin(text)


# Grammar and question characters no Chinese name holds (as east_asian_names_alone.py reads).
_NOT_IN_ZH_NAME = set(
    "的是了吗呢吧么什怎多哪谁几我你他她在有不没要会能可以这那很和与请问疼痛手术后前医院"
    "血压病症骨折癌糖尿药"  # "我老公高血压," (high blood pressure)
)
