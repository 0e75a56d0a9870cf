"""Dates and ages over 89 in the forms round 19's outside tester typed and found stored raw
(r19d): a label's packed date ("12DEC2025"), odd separators ("6•14•1937"), Roman and ordinal
wordings ("the ides of march", "the 1st day of the 3rd month"), "the seventh of may", a day of
the month alone after a clinical event or a call ("did the MRI the twenty-eighth"), a date in
brackets after "birthday", pinyin, Tagalog and Russian dates; ages said with "pushing",
"primaveras", pinyin "sui" or Russian "goda"; and a day split from its cue over two messages.

Each pattern is gated (core/privacy/gates.py) on a word or a substring every match of it
needs, so the common message pays for none of them; `might_detail` is the gate of
`_has_detail` for the forms that hold no figure.
"""

from __future__ import annotations

import re

from core.privacy.gates import gated, words_of
from core.privacy.identifiers import AGE_MARK, DATE_MARK, MONTH_OPENING, NINETY

_DAY_NUMBER = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH_NUMBER = r"(?:0?[1-9]|1[0-2])"
# A day of the month as an ordinal, in figures or words ("28th", "twenty-eighth", "thirtieth").
ORDINAL_DAY = (
    r"(?:(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
    r"seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-]?(?:first|second|third|fourth|"
    r"fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty[\s-]?first)"
)
_ORDINAL_MONTH = (
    r"(?:(?:[1-9]|1[0-2])(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|eleventh|twelfth)"
)
_MONTH_WORD = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
)
_YEAR_WORDS = (
    r"(?:nineteen|twenty)\s+(?:hundred\s+(?:and\s+)?)?(?:(?:ten|twenty|thirty|forty|fourty|fifty|"
    r"sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|oh[\s-](?:one|two|three|four|five|six|seven|eight|nine))"
)
_YEAR = rf"(?:\d{{4}}|['\u2019]\d{{2}}|{_YEAR_WORDS})"

# D26, D38 (round 19): "procedure date 12DEC2025", "born 03MAR41": the packed day, month and
# year of a pharmacy label or a military form; the year first too ("2025DEC12").
_MON3 = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)"
PACKED_DATE = gated(
    re.compile(
        rf"(?<![\w-]){_DAY_NUMBER}{_MON3}(?:\d{{4}}|\d{{2}})(?![\w-])"
        rf"|(?<![\w-])(?:19|20)\d{{2}}{_MON3}{_DAY_NUMBER}(?![\w-])",
        re.IGNORECASE,
    ),
    needles="jan feb mar apr may jun jul aug sep oct nov dec",
)
# D29 (round 19): "B-day: 6•14•1937": a month, a day and a year between a separator no date
# pattern knew (a bullet, a middle dot, a star, an underscore, a bar, a tilde), the same one
# twice.
_ODD_SEPARATORS = "\u2022\u00b7\u2219\u2027\u30fb*_|\\~"
ODD_SEPARATOR_DATE = gated(
    re.compile(
        rf"(?<![\w.]){_DAY_NUMBER}\s*(?P<sep>[{re.escape(_ODD_SEPARATORS)}])\s*{_DAY_NUMBER}"
        r"\s*(?P=sep)\s*(?:\d{4}|\d{2})(?![\w.])"
    ),
    needles=" ".join(_ODD_SEPARATORS),
)
# D30 (round 19): "born on the ides of march 1940": the Roman days of a month name one day.
ROMAN_DAY = gated(
    re.compile(
        rf"\b(?:ides|nones|kalends|calends)\s+of\s+{_MONTH_WORD}\b(?:,?\s+(?:of\s+|in\s+)?{_YEAR}\b)?",
        re.IGNORECASE,
    ),
    words="ides nones kalends calends",
)
# D42 (round 19): "born on the 1st day of the 3rd month 1939": a day and a month counted.
COUNTED_DATE = gated(
    re.compile(
        rf"\b{ORDINAL_DAY}\s+day\s+of\s+the\s+{_ORDINAL_MONTH}\s+month\b"
        rf"(?:,?\s+(?:of\s+|in\s+)?{_YEAR}\b)?",
        re.IGNORECASE,
    ),
    words="month",
)
# D08 (round 19): "born nineteen thirty one, the seventh of may": "may" after a day's ordinal
# and "of" is the month; "may 5th" too. The other months had this rule; "may" was left out
# because it is also a verb ("the first of may i ask..." stays).
MAY_DATE = gated(
    re.compile(
        rf"\b{ORDINAL_DAY}\s+of\s+may\b(?!\s+(?:i|we|you|be|have)\b)"
        r"|\bmay\s+(?:the\s+)?(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b",
        re.IGNORECASE,
    ),
    words="may",
)
# D32 (round 19): "my birthday (10/31) falls the week of the procedure": a month and a day in
# brackets right after a date's word; "pain after surgery (8/10)" is a score (`_masked_pair`).
BRACKETED_DATE = gated(
    re.compile(
        r"(?P<cue>\b(?:birthday|bday|b-day|dob|born|anniversary|appointment|appt|surgery|"
        r"procedure|operation|scan|mri|discharge|admission|date)\s*[(\[]\s*)"
        rf"(?P<date>{_DAY_NUMBER}\s*[/.-]\s*{_DAY_NUMBER}(?:\s*[/.-]\s*(?:\d{{4}}|\d{{2}}))?)"
        r"(?=\s*[)\]])",
        re.IGNORECASE,
    ),
    words=(
        "birthday bday b dob born anniversary appointment appt surgery procedure operation scan "
        "mri discharge admission date"
    ),
)
# D41 (round 19): "they did the MRI the twenty-eighth and called me the thirtieth": a day of the
# month alone right after a clinical event, a call or a coming and going, before the clause
# ends. "can I fly on the 3rd day" and "stopped the first, started the second" (pills) stay.
DAY_AFTER_EVENT = gated(
    re.compile(
        r"(?P<cue>\b(?:mri|scan|x-?rays?|xray|ct|bloodwork|blood\s+work|labs|biopsy|injection|"
        r"results|consult|called|rang|phoned|texted|emailed|arrived|discharged|admitted|"
        r"released|rescheduled|postponed|moved|pushed|cancell?ed|came|went|left|fell)"
        r"(?:\s+(?:me|us|him|her|them|back|in|out|up|it|home|over))*"
        r"\s+(?:(?:on|to|for|till|until)\s+)?the\s+)"
        rf"(?P<day>{ORDINAL_DAY})"
        r"(?=\s*(?:[,.;:!?)]|$|\s+(?:and|but|so|then|when|because|or|too|i|we|he|she|they|my|"
        r"showed|shows|said|says|was|were|found|of\s+(?:next|this|last)\s+month)\b))",
        re.IGNORECASE,
    ),
    words=(
        "mri scan x xray ray rays ct bloodwork blood labs biopsy injection results consult called "
        "rang phoned texted emailed arrived discharged admitted released rescheduled postponed "
        "moved pushed canceled cancelled came went left fell"
    ),
)
# D33 (round 19): "wo de shou shu shi shi yi yue er shi hao" (pinyin: my operation is on
# November 20th): a month ("yue") and a day ("hao" / "ri") counted in pinyin or figures, a
# year ("nian") before them if any; Chinese characters too ("11月20日").
_PINYIN_UNIT = r"(?:yi|er|san|si|wu|liu|qi|ba|jiu)"
_PINYIN_MONTH = rf"(?:shi\s*(?:yi|er)?|{_PINYIN_UNIT}|1[0-2]|0?[1-9])"
_PINYIN_DAY = (
    rf"(?:(?:(?:er|san)\s*)?shi(?:\s*{_PINYIN_UNIT})?|{_PINYIN_UNIT}|[12]\d|3[01]|0?[1-9])"
)
_PINYIN_YEAR = rf"(?:(?:(?:{_PINYIN_UNIT}|ling)\s*){{4}}|\d{{4}}\s*)nian\s*"
PINYIN_DATE = gated(
    re.compile(
        rf"\b(?:{_PINYIN_YEAR})?{_PINYIN_MONTH}\s*yue\s*{_PINYIN_DAY}\s*(?:hao|ri)\b",
        re.IGNORECASE,
    ),
    words="yue",
)
_HAN_NUMBER = r"(?:\d{1,4}|[〇零一二三四五六七八九十]{1,4})"
HAN_DATE = gated(
    re.compile(rf"(?:{_HAN_NUMBER}\s*年\s*)?{_HAN_NUMBER}\s*月\s*{_HAN_NUMBER}\s*[日号號]"),
    needles="月",
)
# D34 (round 19): "ang appointment ko ay sa ika-20 ng Nobyembre" (Tagalog): a day ("ika-20",
# "20") before "ng" and a Tagalog month, or a Tagalog month before a day.
_TAGALOG_MONTHS = (
    "enero pebrero marso abril mayo hunyo hulyo agosto setyembre septiyembre oktubre "
    "nobyembre disyembre"
)
_TAGALOG_MONTH = "(?:" + _TAGALOG_MONTHS.replace(" ", "|") + ")"
# The months no Spanish date shares ("mayo 5" is a Spanish date's business).
_TAGALOG_ONLY = "(?:pebrero|marso|hunyo|hulyo|setyembre|septiyembre|oktubre|nobyembre|disyembre)"
TAGALOG_DATE = gated(
    re.compile(
        rf"\b(?:ika-?\s*[^\W_]+|{_DAY_NUMBER})\s+ng\s+{_TAGALOG_MONTH}\b(?:,?\s+\d{{4}}\b)?"
        rf"|\b{_TAGALOG_ONLY}\s+{_DAY_NUMBER}\b(?:,?\s+\d{{4}}\b)?",
        re.IGNORECASE,
    ),
    words=_TAGALOG_MONTHS,
)
# D36 (round 19): "operatsiya naznachena na 20 noyabrya" (Russian, Latin letters): a day in
# figures or as an ordinal ("dvadtsatogo") before a month in the genitive; Cyrillic too.
# The months in Cyrillic (January to December, genitive), escaped: the same letters as Latin
# ones would read alike in the source.
_CYRILLIC_MONTHS = " ".join(
    (
        "\u044f\u043d\u0432\u0430\u0440\u044f",
        "\u0444\u0435\u0432\u0440\u0430\u043b\u044f",
        "\u043c\u0430\u0440\u0442\u0430",
        "\u0430\u043f\u0440\u0435\u043b\u044f",
        "\u043c\u0430\u044f",
        "\u0438\u044e\u043d\u044f",
        "\u0438\u044e\u043b\u044f",
        "\u0430\u0432\u0433\u0443\u0441\u0442\u0430",
        "\u0441\u0435\u043d\u0442\u044f\u0431\u0440\u044f",
        "\u043e\u043a\u0442\u044f\u0431\u0440\u044f",
        "\u043d\u043e\u044f\u0431\u0440\u044f",
        "\u0434\u0435\u043a\u0430\u0431\u0440\u044f",
    )
)
_RUSSIAN_MONTHS = (
    "yanvarya fevralya marta aprelya maya iyunya iyulya avgusta sentyabrya oktyabrya "
    "noyabrya dekabrya " + _CYRILLIC_MONTHS
)
_RUSSIAN_ORDINAL = (
    r"(?:(?:dvadtsat|tridtsat)\w*\s+)?(?:perv|vtor|tret|chetvert|pyat|shest|sedm|vosm|devyat|"
    r"desyat|odinnadtsat|dvenadtsat|trinadtsat|chetyrnadtsat|pyatnadtsat|shestnadtsat|"
    r"semnadtsat|vosemnadtsat|devyatnadtsat|dvadtsat|tridtsat)[\w']*(?:ogo|ego)"
)
RUSSIAN_DATE = gated(
    re.compile(
        rf"(?<![\w.]){_DAY_NUMBER}(?:-?(?:go|ogo|e|ye|\u0433\u043e|\u0435))?\s+"
        rf"(?:{_RUSSIAN_MONTHS.replace(' ', '|')})(?!\w)"
        rf"(?:\s+\d{{4}}(?:\s*(?:goda|g\.|\u0433\u043e\u0434\u0430|\u0433\.))?)?"
        rf"|\b{_RUSSIAN_ORDINAL}\s+(?:{_RUSSIAN_MONTHS.replace(' ', '|')})(?!\w)"
        rf"(?:\s+\d{{4}}(?:\s*(?:goda|g\.|\u0433\u043e\u0434\u0430|\u0433\.))?)?",
        re.IGNORECASE,
    ),
    words=_RUSSIAN_MONTHS,
)

# The words (case-folded, letters only) one of which a form without a figure needs.
_WORDS_WITHOUT_FIGURES = frozenset(
    ("yue sui ides nones kalends calends month " + _TAGALOG_MONTHS + " " + _RUSSIAN_MONTHS).split()
)


def _masked_bracketed(match: re.Match[str]) -> str:
    """BRACKETED_DATE's replacement: the cue and the bracket stay; "9/10" with a ten second
    is a score, and figures that are no month and day stay."""
    first, second = (int(part) for part in re.split(r"\s*[/.-]\s*", match.group("date"))[:2])
    if min(first, second) > 12 or (second == 10 and first <= 10):
        return match.group()
    return match.group("cue") + DATE_MARK


def might_detail(text: str) -> bool:
    """Could the text hold one of these dates or ages without a figure (`_has_detail`'s gate)?
    "shi yi yue er shi hao", "jiu shi san sui", "the ides of march", "ika-dalawampu ng
    Nobyembre", "dvadtsatogo noyabrya", "十一月二十日"."""
    if "月" in text or "岁" in text or "歲" in text:
        return True
    return not _WORDS_WITHOUT_FIGURES.isdisjoint(words_of(text))


def date_passes(text: str) -> str:
    """Round 19's date forms (each pattern runs only when a word or sign it needs is there)."""
    text = PACKED_DATE.sub(DATE_MARK, text)
    text = ODD_SEPARATOR_DATE.sub(DATE_MARK, text)
    text = ROMAN_DAY.sub(DATE_MARK, text)
    text = COUNTED_DATE.sub(DATE_MARK, text)
    text = MAY_DATE.sub(DATE_MARK, text)
    text = BRACKETED_DATE.sub(_masked_bracketed, text)
    text = DAY_AFTER_EVENT.sub(lambda m: m.group("cue") + DATE_MARK, text)
    text = PINYIN_DATE.sub(DATE_MARK, text)
    text = HAN_DATE.sub(DATE_MARK, text)
    text = TAGALOG_DATE.sub(DATE_MARK, text)
    return RUSSIAN_DATE.sub(DATE_MARK, text)


_OLD_FIGURE = r"(?:9\d|1[01]\d)"
_OLD_WORDS = (
    rf"(?:{_OLD_FIGURE}|{NINETY}(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|(?:one|a)\s+hundred(?:\s+and\s+(?:one|two|three|four|five|ten))?)"
)
_NOT_AN_AMOUNT = (
    r"(?![\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)"
    r"(?!\s*(?:%|(?:percent|min|minutes|hours|hrs|days|weeks|mg|lbs?|pounds|kg|kilos|miles|km|"
    r"dollars|bucks|cents|degrees|meters|metres|feet|steps|people|times|pages|calls|emails)\b))"
)
# G10 (round 19): "he's pushing 99 but still mows the lawn", "she's knocking on 95", "I'm
# nearly ninety-one": an age over 89 after a word of getting close to it; "nearly" / "almost"
# / "close to" only after "I'm" / "she's" / "he is" ("it's almost 90 minutes" stays).
NEARLY_AGE = gated(
    re.compile(
        # "it's pushing 95 today" is the weather.
        r"(?P<cue>(?<!it['\u2019]s\s)(?<!its\s)(?<!it\sis\s)\b(?:pushing|knocking\s+on|going\s+on|coming\s+up\s+on|getting\s+on\s+for|"
        r"nearing|approaching"
        r"|(?:i['\u2019]?m|i\s+am|she['\u2019]?s|he['\u2019]?s|she\s+is|he\s+is|who\s+is)\s+"
        r"(?:nearly|almost|close\s+to|near(?:ly)?|about|around|over|past|well\s+over)"
        r")\s+)"
        rf"{_OLD_WORDS}\b{_NOT_AN_AMOUNT}",
        re.IGNORECASE,
    ),
    needles="\\d ninet nint nient hundred",
)
_NEARLY_WORDS = frozenset(
    [
        "pushing",
        "knocking",
        "going",
        "coming",
        "getting",
        "nearing",
        "approaching",
        "nearly",
        "almost",
        "close",
        "near",
        "about",
        "around",
        "over",
        "past",
    ]
)
# G12 (round 19): "ella tiene 91 primaveras" (Spanish: 91 springs), "91 abriles", "95 summers":
# years of a life counted in seasons.
SEASONS_AGE = gated(
    re.compile(
        rf"\b{_OLD_FIGURE}(?=\s+(?:primaveras|abriles|inviernos|oto[ñn]os|veranos|springs|"
        r"summers|winters|autumns)\b)",
        re.IGNORECASE,
    ),
    words="primaveras abriles inviernos otoños otonos veranos springs summers winters autumns",
)
# G19 (round 19): "ta jiu shi san sui le" (pinyin: she is 93): 90 to 119 in pinyin or figures
# before "sui" (years of age); in characters before 岁 / 歲.
CHINESE_AGE = gated(
    re.compile(
        rf"\b(?:jiu\s*shi(?:\s*{_PINYIN_UNIT})?|yi\s*bai(?:\s*(?:ling\s*)?{_PINYIN_UNIT}"
        rf"|\s*yi\s*shi(?:\s*{_PINYIN_UNIT})?)?|{_OLD_FIGURE})\s*sui\b"
        r"|(?:九十[一二三四五六七八九]?|一百[零一二三四五六七八九十]*|9\d|1[01]\d)\s*[岁歲]",
        re.IGNORECASE,
    ),
    needles="岁 歲",
    words="sui",
)
# G22 (round 19): "yey 92 goda" (Russian, Latin letters: she is 92), "95 let", in Cyrillic too:
# 90 to 119 before the Russian word for years ("92 let me know" stays).
RUSSIAN_AGE = gated(
    re.compile(
        rf"(?<![\w.,]){_OLD_FIGURE}(?=\s+(?:goda|god|\u0433\u043e\u0434\u0430|\u0433\u043e\u0434|\u043b\u0435\u0442)(?!\w)"
        r"|\s+let\b(?!\s+(?:me|us|him|her|them|it|the|you|my|her|his)\b))",
        re.IGNORECASE,
    ),
    words="goda god let \u0433\u043e\u0434\u0430 \u0433\u043e\u0434 \u043b\u0435\u0442",
)


def age_passes(text: str) -> str:
    """Round 19's ages over 89 (each pattern runs only when a word it needs is there)."""
    if not _NEARLY_WORDS.isdisjoint(words_of(text)):
        text = NEARLY_AGE.sub(lambda m: m.group("cue") + AGE_MARK, text)
    text = SEASONS_AGE.sub(AGE_MARK, text)
    text = CHINESE_AGE.sub(AGE_MARK, text)
    return RUSSIAN_AGE.sub(AGE_MARK, text)


# X12, X23 (round 19): "born on the" / "fifth of" / "june", "the appointment is on" / "the
# 9th" / "of december": a day's ordinal alone (or before "of") after a message that ended
# on a date's cue. The month came masked in the third message; the day was kept.
_DATE_CUE_AT_END = re.compile(
    r"\b(?:born|birthday|b-?day|dob|d\.o\.b|birth\s*date|appointment|appt|surgery|procedure|"
    r"operation|scan|mri|scheduled|booked|date|due|admitted|discharged)\b[^.?!]{0,25}$",
    re.IGNORECASE,
)
_DAY_ALONE = re.compile(
    rf"^\W*(?:(?:on\s+)?the\s+)?(?P<day>{ORDINAL_DAY})(?:\s+of)?\W*$",
    re.IGNORECASE,
)


def day_after_date_cue(previous: str, text: str) -> tuple[str, str] | None:
    """(the day alone in `text` after `previous` ended on a date's cue; the date's mark). The
    cheap test on `text` first: most messages are not a day alone."""
    match = _DAY_ALONE.match(text) if len(text) < 40 else None
    if not match or not _DATE_CUE_AT_END.search(previous):
        return None
    return match.group("day"), DATE_MARK


# X12 (round 19): "fifth of" / "june": the month opening the message after one that ended with
# a day and "of" (round 11's rule wanted the day at the very end: "the 30th" / "of june").
_DAY_OF_AT_END = re.compile(
    rf"(?:\[date removed\]|\b{ORDINAL_DAY})\s+of\W*$",
    re.IGNORECASE,
)


def month_after_day_of(previous: str, text: str) -> tuple[str, str] | None:
    """(the month opening `text` after `previous` ended with "<day> of"; the date's mark)."""
    month = MONTH_OPENING.match(text)
    if not month or not _DAY_OF_AT_END.search(previous):
        return None
    return month.group("month"), DATE_MARK
