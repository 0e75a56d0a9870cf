"""Redact personal details from patient text: HIPAA Safe Harbor's identifiers that chat can hold.

Why: chat logs are health information. The same function masks every text that is stored
or logged (the transcript, the question log, the audit log, log lines), so what one store
hides no other keeps. It errs towards removing too much; the measurements behind each choice
(a labelled corpus of patient sentences, the training data as negatives, three detectors
compared) are in bench/NOTES.md, "Redaction (issue 11)", and bench/redaction_compare.py.

- Phone numbers: Google's libphonenumber matcher (the `phonenumbers` package, offline
  metadata) for US and international numbers with extensions, plus a pattern for any run of
  7 or more digits with the usual separators, which the matcher leaves when a number is not
  valid for its region (a mistyped area code is still someone's number).
- E-mail addresses, including "name at example dot com", "yuki dot tanaka at docomo dot ne
  dot jp" and letters spaced out ("j o h n . s m i t h @ g m a i l . c o m").
- US social security numbers: 3-2-4 digit groups, or 9 digits after "SSN"/"social".
- Dates that name a year (03/14/1942, 1942-03-14, March 14, 1942, 14 March 1942): in a chat
  with a hospital these are mostly dates of birth; a date without a year (an appointment on
  12/03) stays, as do years alone ("I fell in 2019") and ages under 90. Also dates of birth
  in words and any date after "born" (core/privacy/identifiers.py).
- Medicare numbers, member / policy / group / account / card / licence ids, MRNs, codes
  typed alone, street addresses and ZIP codes, web and IP addresses, ages over 89
  (core/privacy/identifiers.py); people's names (core/privacy/names.py). Issue 21's
  measurements are in bench/NOTES.md, "Identifiers (issue 21)"; docs/privacy.md maps each of
  Safe Harbor's 18 identifiers to what catches it.
"""

from __future__ import annotations

import datetime
import re

import phonenumbers

from core.privacy import (
    age_lists,
    clinic_suites,
    hashtags,
    home_units,
    invisible_characters,
    learned_names,
    look_alike_labels,
    named_homes_at_places,
    names_after_kin_words,
    number_forms,
    numbered_streets,
    numbers_before_masked_roads,
    parts_after_cues,
    people_in_clauses,
    place_keys,
    places,
    spoken_medicare_ids,
    towns_after_streets,
    word_towns_with_states,
)
from core.privacy import ages_dates_and_handles as r15
from core.privacy import booked_days_stamps_and_split_numbers as r21d
from core.privacy import care_home_names_and_wings as care_home_names
from core.privacy import care_homes_and_other_languages as homes_abroad
from core.privacy import clinical_ages_and_booked_days as clinical_ages
from core.privacy import date_and_age_forms as r19_forms
from core.privacy import disguised_dates_ids_and_contacts as r20
from core.privacy import east_asian_names_alone as east_asian
from core.privacy import homes_rooms_and_own_towns as r20_homes
from core.privacy import id_parts_and_split_answers as id_parts
from core.privacy import identifiers as ids
from core.privacy import lower_case_names_in_context as lower_case_names
from core.privacy import names_alone_and_in_capitals as names_alone
from core.privacy import names_by_clause_and_paste as clause_names
from core.privacy import names_by_kin_staff_and_labels as kin_staff_labels
from core.privacy import names_by_kin_titles_and_signoffs as kin_titles
from core.privacy import names_in_other_scripts as other_scripts
from core.privacy import own_names_in_other_scripts as own_scripts
from core.privacy import round22_places_dates_plates as r22p
from core.privacy import round23_places_and_rooms as r23p
from core.privacy import round27_places_dates_ips as r27p
from core.privacy import round28_names as r28n
from core.privacy import round28_places_dates_ids as r28p
from core.privacy import round29_names as r29n
from core.privacy import round29_places_homes_splits as r29p
from core.privacy import short_dates_and_ages as r14
from core.privacy import spoken_contacts_and_split_parts as r19_spoken
from core.privacy import towns_and_streets_of_a_life as life_places
from core.privacy import towns_in_context as r15p
from core.privacy import units_homes_and_streets_abroad as units_homes
from core.privacy import word_names_said_as_people as r26_people
from core.privacy import word_towns_bare_homes_and_rooms as r21_places
from core.privacy.alternation import factored
from core.privacy.gate_groups import any_search
from core.privacy.gates import folded, gated, words_of
from core.privacy.identifiers import (
    ADDRESS_MARK,
    AGE_MARK,
    DATE_MARK,
    EMAIL_MARK,
    ID_MARK,
    LINK_MARK,
    PHONE_MARK,
    SSN_MARK,
)
from core.privacy.names import (
    NAME_MARK,
    OTHER_LANGUAGE,
    RELATIVE,
    SPELLED_NAME,
    case_says_nothing,
    might_name,
    ordinary,
    redact_names,
    unknown,
)
from core.privacy.number_words import DIGIT_WORDS

MARKS = (
    EMAIL_MARK,
    PHONE_MARK,
    SSN_MARK,
    DATE_MARK,
    ID_MARK,
    ADDRESS_MARK,
    LINK_MARK,
    AGE_MARK,
    NAME_MARK,
)

# "pat.o'shaughnessy@comcast.net" (round 10: "pat.o'" was left): an apostrophe inside the
# local part.
EMAIL = gated(
    re.compile(r"[\w.+-]+(?:['\u2019][\w.+-]+)*@[\w-]+(\.[\w-]+)+", re.UNICODE),
    "@",
)
# "j d o e @ gmail . com", "j o h n . s m i t h @ g m a i l . c o m": letters spaced out on
# either side of the @ (outside testers found both raw). The part before the @ is one word or
# single characters with spaces between; each label after it the same; the last label a
# common top-level domain or a country code, spaced or not, so the words after it stay.
_SPACED = r"(?:[\w-](?:\s+[\w-](?![\w-]))+|[\w-]+)"
_ANY_TLD = (
    "(?:"
    + "|".join(r"\s*".join(tld) for tld in ("com", "org", "net", "edu", "gov", "info", "biz"))
    + r"|[a-z]\s*[a-z])"
)
SPACED_EMAIL = re.compile(
    r"(?<![\w.+-])(?:[\w.+-]\s+(?=[\w.+-])){0,64}[\w.+-]{1,64}\s*@\s*"
    rf"{_SPACED}(?:\s*\.\s*{_SPACED})*\s*\.\s*{_ANY_TLD}(?![\w-])",
    re.IGNORECASE,
)
# "jane dot doe at gmail dot com", "yuki dot tanaka at docomo dot ne dot jp": with a common
# top-level domain, or a country code after a spelled "dot" or a dotted chain, so that
# "sleep at night. How" and "at home.It" stay sentences.
_DOT = r"(?:\s*(?:\(dot\)|\[dot\])\s*|\s+dot\s+)"
SPELLED_EMAIL = re.compile(
    # "gigi underscore marchetti at yahoo dot com" (round 6): spoken joins in the local part.
    r"\b[\w.+-]{1,64}(\s+(?:dot|underscore|dash|hyphen|period)\s+[\w+-]+)*"
    r"\s*(\(at\)|\[at\]|\sat\s)\s*[\w-]+"
    rf"(?:(?:{_DOT}|\.)[\w-]+)*"
    # "rosa_m (at) yahoo . com": a dot with spaces around it before a common top-level domain.
    rf"(?:(?:{_DOT}|\s?\.\s?)(?:com|org|net|edu|gov|us|co|uk|ca|info|biz|io|me)"
    r"(?:\.[a-z]{2}(?![\w.]))?"
    rf"|{_DOT}[a-z]{{2}}|\.{ids.CC_CHAIN})\b"
    # "progress at caringbridge.org/visit/eleanorwhitby" (round 7) is a link with its path.
    r"(?!/)",
    re.IGNORECASE,
)
# "rosa punto linares arroba gmail punto com" (round 7: raw): Spanish spoken e-mails.
SPANISH_EMAIL = re.compile(
    r"\b[\w.+-]{1,64}(?:\s+(?:punto|gui[oó]n(?:\s+bajo)?|raya|barra\s+baja)\s+[\w+-]+)*"
    r"\s+arroba\s+[\w-]+(?:(?:\s+punto\s+|\.)[\w-]+)+",
    re.IGNORECASE,
)
# Round 11 (i21o): "lupe_ramos55 arroba hotmail", "joao.batista.reis arroba uol ponto com ponto
# br": "arroba" says @ in Spanish and Portuguese, with or without the domain's end.
ARROBA_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}(?:\s+(?:punto|ponto|gui[oó]n(?:\s+bajo)?|underscore)\s+[\w+-]+)*"
    r"\s+arroba\s+[\w-]+(?:(?:\s+(?:punto|ponto|dot)\s+|\.)[\w-]+)*",
    re.IGNORECASE,
)
# "reply to rosalind_fairweather at icloud", "kofi88 at hotmail" (round 6): no "dot com", but
# a mail provider after "at" and a local part with an underscore, a dot or a digit in it, or
# any word after an e-mail cue ("my email is wanjiru at yahoo").
_PROVIDER = (
    r"(?:gmail|googlemail|yahoo|icloud|hotmail|outlook|aol|comcast|verizon|sbcglobal|"
    r"protonmail|msn|ymail|optonline|earthlink|gmx|zoho)"
)
PROVIDER_EMAIL = re.compile(
    r"(?P<cue>\be-?mail(?:\s+address)?(?:\s+(?:is|me))?\s*:?\s+)?"
    # "hkaur1950 on gmail" (round 10: raw): "on" says it as well as "at".
    rf"(?P<local>\b(?=[\w.+-]*[^\W\d_])[\w+-][\w.+-]{{0,63}})\s+(?:at|on)\s+{_PROVIDER}\b"
    r"(?!\s*(?:dot|\.)\s*\w)",
    re.IGNORECASE,
)


def _masked_provider_email(match: re.Match[str]) -> str:
    """PROVIDER_EMAIL's replacement: with a cue, or a local part that is no plain word
    ("rkwame at icloud", "mrsdlopez at aol": round 10, raw; "my account at gmail" stays)."""
    local = match.group("local")
    if not (match.group("cue") or re.search(r"[._\d]", local) or not ordinary(local)):
        return match.group()
    return (match.group("cue") or "") + EMAIL_MARK


# "my e mail is h a z e l w 4 2 at aol" (round 23, em16: raw): an address spelled out letter
# by letter, then "at" and a mail provider, without its "dot com": four single characters or
# more with spaces between ("I a m at" has no provider after it).
SPACED_PROVIDER_EMAIL = re.compile(
    rf"(?<![\w.+-])(?:[\w.+-]\s+){{3,63}}[\w.+-]\s+(?:at|@)\s+{_PROVIDER}\b"
    r"(?:\s*(?:\.|dot)\s*(?:com|net))?",
    re.IGNORECASE,
)
# "my gmail is harold w pemberton 1940", "my yahoo is margaret t oduya 44" (round 8: raw): the
# words after a mail provider's name and "is" or a colon are an address said without its "at";
# they go when one holds a figure or is no ordinary word ("my gmail is not working", "her
# outlook is good" stay).
PROVIDER_GATE = gated(
    re.compile(rf"\b{_PROVIDER}\b", re.IGNORECASE),
    words=(
        "gmail googlemail yahoo icloud hotmail outlook aol comcast verizon sbcglobal "
        "protonmail msn ymail optonline earthlink gmx zoho"
    ),
)
SAID_EMAIL = re.compile(
    rf"(?P<cue>\b{_PROVIDER}(?:\s+(?:address|account|e-?mail))?\s*(?:\s+is\b|:|=)\s*)"
    r"(?P<local>[\w.+-]+(?:\s+[\w.+-]+){0,4}?)"
    r"(?=\s*(?:[,.;!?)]|$|\s(?:and|but|so|if|please|pls|thanks|thank|or|can|could|email|e-mail|"
    r"is|was|will|i|we|he|she|it|my|her|his)\b))",
    re.IGNORECASE,
)
_SAID_WORD = re.compile(r"[\w+-]+")


def _masked_said_email(match: re.Match[str]) -> str:
    """SAID_EMAIL's replacement, when a word of the address has a figure, an underscore or is
    in no list of ordinary words."""
    words = _SAID_WORD.findall(match.group("local"))
    if any(re.search(r"[\d_]", w) or w.lower() == "underscore" or not ordinary(w) for w in words):
        return match.group("cue") + EMAIL_MARK
    return match.group()


SPELLED_AT = gated(
    re.compile(r"\sat\s|\(at\)|\[at\]|\sarroba\s", re.IGNORECASE),
    words="at arroba",
)
SSN = re.compile(
    r"(?<![\w-])\d{3}([-\s.])\d{2}\1\d{4}(?![\w-])"
    r"|\b(ssn|social\s+security(\s+(number|no\.?|#))?|social)\b\W{0,5}\d{9}\b",
    re.IGNORECASE,
)
# "SS# 219374650", "soc sec no. 219 37 4650" (round 13, r13n: "[phone removed]"): nine
# figures after a short SSN cue are an SSN, not a phone; the cue stays.
SHORT_CUED_SSN = re.compile(
    r"(?P<head>\b(?:ss\s*#|ss\s+no\.?|soc\.?\s*sec\.?|social\s+sec\.?)"
    r"(?:\s*(?:number|no\.?|num|#))?\s*(?:is|was|:|=|-)?\s*)"
    r"(?<![\w-])\d{3}(?P<sep>[-\s.]?)\d{2}(?P=sep)\d{4}(?![\w-])",
    re.IGNORECASE,
)
# "ssn last 4 is 6789", "social security, last four: 6789": the last four digits after an SSN
# cue are part of it (an outside tester found them raw in the fourth round).
SSN_LAST_FOUR = re.compile(
    r"\b(?:ssn|social(?:\s+security)?)\b[^.?!\d]{0,30}?\blast\s+(?:4|four)(?:\s+digits)?"
    r"\s*(?:is|are|:|=|-)?\s*(?P<digits>\d{4})\b"
    # "last four of my ssn are 8826" (round 5): the cue after "last four".
    r"|\blast\s+(?:4|four)(?:\s+digits)?\s+of\s+(?:my|his|her|their|the)?\s*"
    r"(?:ssn|social(?:\s+security)?(?:\s+number)?)\s*(?:is|are|:|=|-)?\s*(?P<after>\d{4})\b"
    # "social security no. ends in 4471", "ssn ending in 0932" (round 7: raw).
    r"|\b(?:ssn|social(?:\s+security)?(?:\s+(?:number|no\.?|#))?)\s*(?:is\s+|that\s+)?"
    r"end(?:s|ing)\s+(?:(?:in|with)\s+)?(?P<ends>\d{4})\b",
    re.IGNORECASE,
)


def _masked_last_four(match: re.Match[str]) -> str:
    """SSN_LAST_FOUR's replacement: the cue stays, the digits go."""
    group = next(name for name in ("digits", "after", "ends") if match.group(name))
    return match.group()[: match.start(group) - match.start()] + SSN_MARK


# "ssn xxx-xx-5519", "social ***-**-6201", "XXXXX1234" (round 11, i21p): an SSN masked but for
# its last four, as on a bill; the last four are still the patient's.
MASKED_SSN = re.compile(
    r"(?<![\w*#\u2022])[x*#\u2022]{3}([-\s.]?)[x*#\u2022]{2}\1\d{4}(?![\w-])", re.IGNORECASE
)


MONTH = rf"(?:{ids.MONTH_NAME})\.?"  # one list of month names (round 25, r25m)
DATE = re.compile(
    r"(?<![\w/.-])("
    r"\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2})"  # 03/14/1942, 3-14-42, 14.03.1942
    r"|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}"  # 1942-03-14
    rf"|{MONTH}\s+\d{{1,2}}(st|nd|rd|th)?,?\s+\d{{4}}"  # March 14, 1942
    rf"|\d{{1,2}}(st|nd|rd|th)?\s+(of\s+)?{MONTH},?\s+\d{{4}}"  # 14 March 1942
    r")(?![\w/-])",
    re.IGNORECASE,
)
# +1 (860) 555-0123, 860.555.0123, 8605550123, 07700 900123 ... : 7+ digits with separators.
# A ZIP+4 ("06105-1234") is left to the addresses, which run after the phones.
PHONE = re.compile(r"(?<!\w)(?!\d{5}-\d{4}(?![\w-]))\+?\(?\d(?:[\s().\-/]*\d){6,}(?!\w)")
# "eight six zero, five five five, zero one nine one": seven or more digits said in words
# (an outside tester found them stored raw). Digits may be mixed in ("860 five five five…",
# "860 five five five 01 23": four runs or more, counted by digits in `_masked_spelled_phone`).
_DIGIT_WORDS = (
    DIGIT_WORDS.replace(" ", "|") + r"|\d+"  # core/privacy/number_words.py (round 25, r25m)
    # "mi numero es ocho seis cero cinco..." (round 5): Spanish digits.
    r"|cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve"
)
_DIGIT_WORD = factored(_DIGIT_WORDS)  # core/privacy/alternation.py
# Round 12 (i21u): "my number ends in oh one six nine", "termina en cero uno ocho ocho": a
# phone's last four in words after "ends in / ends with / termina en".
LAST_FOUR_WORDS = re.compile(
    r"(?P<head>\b(?:ends?|ending|termina|terminado|acaba|endet)\s+(?:in|with|on|en|em|con|mit)\s+)"
    rf"{_DIGIT_WORD}(?:[\s,.\-]+{_DIGIT_WORD}){{3}}\b",
    re.IGNORECASE,
)
SPELLED_PHONE = gated(
    re.compile(
        # "oh, triple five, oh one" (round 11, i21o): a multiplier after a comma.
        rf"\b{_DIGIT_WORD}(?:(?:[\s,.\-]+(?:(?:double|triple)\s+)?){_DIGIT_WORD}){{3,}}\b",
        re.IGNORECASE,
    ),
    needles="\\d",
    words=(
        "zero oh one two three four five six seven eight nine cero uno dos tres cuatro "
        "cinco seis siete ocho nueve"
    ),
)
# SPELLED_PHONE's four parts when none is a digit word: runs of figures and its separators.
_FOUR_FIGURE_RUNS = re.compile(r"\d(?:[\s,.\-]+(?:(?:double|triple)\s+)?\d+){3}", re.IGNORECASE)
_DIGIT_RUN = re.compile(r"\d+|[a-z]+", re.IGNORECASE)
# Round 16 (r16f): "two oh three, five five five, twelve thirty four" (raw): a phone said in
# groups, with pairs of figures said as one number ("twelve", "thirty four", "oh one").
_TEEN_OR_TENS = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|"
    r"five|six|seven|eight|nine))?)"
)
_GROUP_WORD = rf"(?:{_TEEN_OR_TENS}|{_DIGIT_WORD})"
GROUPED_PHONE = re.compile(
    rf"\b{_GROUP_WORD}(?:\s+{_GROUP_WORD})*(?:\s*,\s*{_GROUP_WORD}(?:\s+{_GROUP_WORD})*){{2,}}\b",
    re.IGNORECASE,
)
# A condition of GROUPED_PHONE (a number in tens or teens), asked only when a substring or a
# word it needs is there (measured: 4.5 µs per laden message as a scan, 0.3 through the gate).
GROUPED_PHONE_GATE = gated(
    re.compile(r"teen\b|ty\b|\b(?:ten|eleven|twelve)\b", re.IGNORECASE),
    needles="teen ty",
    words="ten eleven twelve",
)
_GROUP_TOKEN = re.compile(rf"{_TEEN_OR_TENS}|{_DIGIT_WORD}", re.IGNORECASE)


def _masked_grouped_phone(match: re.Match[str]) -> str:
    """GROUPED_PHONE's replacement: a phone when its groups say 7 to 11 digits, one group at
    least in single figures ("twenty, thirty, forty five minutes" says no phone)."""
    digits, single = 0, False
    for token in _GROUP_TOKEN.findall(match.group()):
        if token.isdigit():
            digits += len(token)
        elif re.fullmatch(_DIGIT_WORD, token, re.IGNORECASE):
            digits, single = digits + 1, True
        else:
            digits += 2
    return PHONE_MARK if single and 7 <= digits <= 11 else match.group()


def _masked_spelled_phone(match: re.Match[str]) -> str:
    """SPELLED_PHONE's replacement: a phone when it holds 7 digits or more, one in words at
    least, or seven runs of figures ("1, 2, 3, 4, 5, 6, 7")."""
    runs = [run for run in _DIGIT_RUN.findall(match.group()) if run.lower() not in _MULTIPLIERS]
    digits = sum(len(run) if run.isdigit() else 1 for run in runs)
    words = any(not run.isdigit() for run in runs)
    return PHONE_MARK if digits >= 7 and (words or len(runs) >= 7) else match.group()


_MULTIPLIERS = frozenset({"double", "triple"})
# Words that may start a detail without a digit: a date in words, a link.
_WORDY = gated(
    re.compile(
        r"\b(born|birth|birthday|dob|d\.o\.b|nineteen|ninety|hundred|noventa|cien|www|https?|"
        # A house number in words ("my house is twelve oak st").
        r"ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty)\b"
        r"|\w\.(com|org|net|edu|gov|io|me|info|us|co|biz)\b",
        re.IGNORECASE,
    ),
    needles="d.o.b .com .org .net .edu .gov .io .me .info .us .co .biz",
    words=(
        "born birth birthday dob nineteen ninety hundred noventa cien www http https ten "
        "eleven twelve twenty thirty forty fifty sixty seventy eighty"
    ),
)
_SPELLED_DIGIT = gated(
    re.compile(
        r"\b(zero|one|two|three|four|five|six|seven|eight|nine|cero|dos|tres|cinco|seis|ocho)\b",
        re.I,
    ),
    words="zero one two three four five six seven eight nine cero dos tres cinco seis ocho",
)
PHONE_REGIONS: tuple[str, ...] = ("US",)
POSSIBLE = phonenumbers.Leniency.POSSIBLE  # what a patient types need not be a valid number


def _phones_by_library(text: str) -> str:
    """Phone numbers libphonenumber finds (with their extensions), masked; last to first.

    The library costs tens of µs a message, and the shortest number it finds holds four
    figures ("+49 11"; a US one seven): a message with fewer is not handed to it
    (tests/test_redaction_gates.py checks the bound). Without a plus sign the library reads
    a number as a US one (seven figures at least) or after the US exit code "011" (three
    more than the shortest number after a plus): seven figures, unless letters stand for
    figures, which it reads only with three ASCII letters in the number, and the only ones
    its numbers hold are an "x" (a separator, or in "ext", "anexo") or an extension's "int".
    So a message of four to six figures, with no plus, "x" nor "int", is not handed to it
    either (measured: the library ran on 6 % of the mix, now on 3 %; 5 µs a message)."""
    figures = _figure_count(text)
    if figures < MIN_PHONE_FIGURES:
        return text
    if figures < MIN_PHONE_FIGURES_WITHOUT_PLUS and not _LIBRARY_CUE.search(text):
        return text
    spans = [
        (match.start, match.end)
        for region in PHONE_REGIONS
        for match in phonenumbers.PhoneNumberMatcher(
            text, region, leniency=phonenumbers.Leniency.POSSIBLE
        )
    ]
    for start, end in sorted(set(spans), reverse=True):
        text = text[:start] + PHONE_MARK + text[end:]
    return text


def redact(text: str) -> str:
    """The text with every personal detail the module describes replaced by its mark.

    A mark is context for the words beside it ("Surname is [name removed], first is
    Chidinma"), and the question log redacts the stored, already redacted turn again: so the
    names are read again, as long as that still finds one. Only where a second reading can
    find one, though: the first left a name's mark, and a capital outside the marks (the
    rules that read a mark as context need one: "[name removed], Wolcott") or the message is
    in capitals or Title Case (read in lower case: "JAM [name removed] KRASNIQI"). Reading
    every message again cost a tenth of the redaction's CPU and, elsewhere, found nothing
    (tests/test_redaction_gates.py compares the two on every message the project holds).
    Last, a learned scorer masks the words the rules left that it reads as a name
    (core/privacy/learned_names.py: the rounds' phrasings carried to new ones).
    """
    if "\uff20" in text or "\ufe6b" in text:
        text = text.translate(_AT_SIGNS)
    once = _redact_once(text)
    if NAME_MARK in once and (case_says_nothing(text) or _capital_outside_marks(once)):
        once = _names_read_again(once)
    final = learned_names.masked(once)
    # A lower-case first name before a surname the scorer masked joins it ("this is june
    # [name removed]": round 25, r25f).
    final = lower_case_names.first_before_marks(final)
    # Round 28 (r28n): "grace here. grace [name removed]": a first name masked once is
    # masked where the message says it again before a mark or as a sentence of its own.
    final = r28n.said_again(text, final)
    if final == once:
        return final
    # The scorer's marks are context for the rules too ("Frau [name removed] Vogelsang": round
    # 22 found the question log, which redacts the stored turn again, masking the surname the
    # transcript kept), so the text is read again after it: one redaction stays final. Every
    # rule, not only the names: "Tell Dr Reyes that [name removed] in Joliet called" (round 26,
    # r26b, mix483: the town after a name's mark went in the question log only). Only a text
    # the scorer changed pays for it.
    return _names_read_again(_redact_once(final))


def _names_read_again(text: str) -> str:
    """The names read again until nothing changes (at most `_MAX_PASSES` readings in all)."""
    for _ in range(_MAX_PASSES - 1):
        again = redact_names(text)
        if again == text:
            break
        text = again
    return text


# A full-width or small at sign is an at sign ("molsen<U+FF20>example.com", round 20: the user name
# was kept): it is read, and stored, as "@", so every rule that looks for "@" sees it.
_AT_SIGNS = str.maketrans({"\uff20": "@", "\ufe6b": "@"})
# What a name rule reading a mark as context needs: a capital other than the pronoun "I",
# outside the marks ("[name removed], Wolcott", "Maaaaab its me [name removed] again").
_MARK_TEXT = re.compile("|".join(map(re.escape, MARKS)))
_PRONOUN_I = re.compile(r"(?<![^\W\d_])I(?![^\W\d_])")


def _capital_outside_marks(text: str) -> bool:
    bare = _PRONOUN_I.sub(" ", _MARK_TEXT.sub(" ", text))
    return bare.lower() != bare


# Names are read at most three times; the idempotence tests check a further full pass
# changes nothing.
_MAX_PASSES = 3


def _redact_once(text: str) -> str:
    """One pass of every rule over the text, its numbers read as plain figures."""
    text = invisible_characters.dropped(text)  # "D\u200boris" is "Doris" (round 25, r25f)
    if number_forms.may_fold(text):  # dashes, keycaps, "triple 5", "O5/17/1940" (r23d)
        folded = number_forms.fold(text)
        if folded.units:
            return number_forms.unfolded(folded, _redact_plain_once(folded.text))
    return _redact_plain_once(text)


def _redact_plain_once(text: str) -> str:
    """One pass of every rule over a text whose numbers are plain (number_forms.py)."""
    text = look_alike_labels.masked(text)  # Round 23 (r23n): "Pat1ent: Mar1an Coyle" (OCR)
    text = place_keys.masked(text)  # "in Coeur d'Alene", "from española" (round 25, r25e)
    if _has_detail(text):
        text = _redact_details(text)
    if "-" in text or "spel" in text:
        text = SPELLED_NAME.sub(NAME_MARK, text)
    if not text.isascii():  # Round 21 (r21n): "我父亲叫王建国", "어머니 성함은 김순자입니다"
        text = other_scripts.masked(text, NAME_MARK)
        text = own_scripts.masked(text, NAME_MARK)  # "أنا فاطمة الزهراء", "שמי רבקה כהן" (r26b)
        text = east_asian.masked(text, NAME_MARK)  # "山本 花子", "(田辺 浩)", "김순자 씨" (r22p)
    text = r23p.masked_homes(text)  # "Saint Mary's Villa", "the Meadows, room" (r23p)
    text = care_home_names.masked(text)  # "Golden Years Nursing & Rehabilitation, rm 118" (r26p)
    text = r28p.masked_homes(text)  # "the Little Sisters of the Poor residence" (r28p)
    text = r29p.masked_homes(text)  # "Heritage Pointe, apt 118", "Rm 4B Sunny Acres" (r29p)
    # Round 28 (r28n): "nguyen thi lan", "My brother Deacon will", "my mom hope kessler".
    text = r28n.masked(text)
    # Round 29 (r29n): "my husband, bill.", "nurse practitioner Lindqvist", "Regards, T.
    # Okonkwo", "Papa Dmitri has" (here, where the text's words were just read by r28n's gates).
    text = r29n.masked(text)
    # Names last: the street, city or date words are masked by then ("12 Whitney Rd").
    text = redact_names(text) if might_name(text) else text
    text = names_after_kin_words.masked(text)  # Round 23 (r23n): "my husband bill he is 78"
    text = hashtags.masked(text)  # Round 24: "#TeamHarold", "#PrayersForEdith"
    # Round 25 (r25n): "granny peg she", "for ODALYS PIMENTEL", "- from Yusra, his patient".
    text = kin_titles.masked(text)
    text = names_alone.masked(text)  # Round 26 (r26b): "Hi. Summer.", "THE HENDERSONS"
    text = r26_people.masked(text)  # Round 26 (r26a): "dad (frank) wont", "ask Royal to call me"
    # Round 25 (r25f): "from my mom pat", "the scheduler luz", "this is june [name removed]".
    text = lower_case_names.masked(text)
    # Round 27 (r27n): "Storm is my wife", "Lucky (our dad)", "The nurse, Tamsin I think,".
    text = kin_staff_labels.masked(text)
    # Round 29 (r29n): the middle initial left in "[name removed] J" goes with the mark.
    text = r29n.masked_initials(text) if NAME_MARK in text else text
    # After the names: a name after a cue ("good evening from Nkechi") is a name, not a town.
    text = r15p.masked_unlisted_towns(text)  # Round 16 (r16f): "from Barkhamsted folks"
    text = r15p.masked_writer_towns(text)  # Round 17: "its [name removed] from plainville"
    text = r21_places.masked_where(text)  # "from st. cloud", "in 312 at Lakeshore" (r21p)
    text = r22p.masked(text)  # "Bowling Green KY", "done 10/2", "in her mid 90s" (r22p)
    text = word_towns_with_states.masked(text)  # "lives alone in Opportunity WA" (r25f)
    text = numbers_before_masked_roads.masked(text)  # "at 600 county road 12" (r25f)
    text = named_homes_at_places.masked(text)  # "Hebrew Home at Riverdale" (r25f)
    text = r23p.masked(text)  # "from Clarks Summit", "pittston", "room 2W-31" (r23p)
    text = home_units.masked(text)  # "cottage 22", "bayview rehab & nursing" (round 25, r25e)
    text = spoken_medicare_ids.masked(text)  # "medicare is one E G four, T E five, ..." (r25f)
    text = life_places.masked(text)  # "born in Guadalajara", "house on Cherry" (r26p)
    text = id_parts.masked(text)  # "medicare number part 1: 1EG4", "[ID removed] and FJ33" (r26p)
    text = r27p.masked(text)  # "27 kingfisher close", "it's 06 032", "3 déc." (r27p)
    text = r28p.masked(text)  # "closer to Ypsilanti", "booked for Valentine's Day" (r28p)
    text = r29p.masked(text)  # "in independence mo", "Heritage Pointe, apt 118" (r29p)
    if NAME_MARK in text and ids.AGE_GATE.search(text):
        text = ids.AGE_AFTER_NAME.sub(ids.masked_age, text)
    return redact_cued_part(text) if CUE_GATE.search(text) else text


# "[\w.@-]\W*$" matches where the text holds any of these characters at all (after the last
# one comes no word character), so the first one found answers: no scan to the end from each.
CUE_GATE = re.compile(r"[\w.@-]")


def redact_all_but_names(text: str) -> str:
    """Every detail `redact` masks except people's names: for the call-back form's name field,
    which is a name on purpose but may carry a Medicare number or a birth date too."""
    return _redact_details(text) if _has_detail(text) else text


# "mail me at m kowalczyk 1949 at gmail dot com", "email ana maria dot leite 1950 at hotmail
# dot com" (round 9): the words between an e-mail's cue and the masked address are its start.
_OTHER_IS = "to|jest|é|es|est|ist|è"
EMAIL_TAIL = re.compile(
    r"(?P<cue>\b(?:e-?mail(?:\s+me)?(?:\s+at|\s+is|\s+address\s+is)?|mail\s+me\s+at)\s*:?\s+"
    # A cue's "is" in another language stays too ("mój email to", "o meu email é": round 16).
    rf"(?:(?:{_OTHER_IS})\s+)?)"
    # The cue's own words are no part of the address ("my email is [email removed]" keeps "is").
    rf"(?:(?!(?:is|at|me|address|{_OTHER_IS})\s)(?:\[name removed\]|[\w.+-]+)\s+){{1,5}}?"
    + re.escape(EMAIL_MARK)
)


def _masked_email_tail(match: re.Match[str]) -> str:
    return match.group("cue") + EMAIL_MARK


# Round 16 (r16f): "hank dot miller on gmail", "hank underscore miller at gmail" (the pass that
# found the address took its last word only: "hank dot [email removed]"): words joined to a
# masked address by a spoken "dot" / "underscore" / "dash" are its start.
EMAIL_HEAD = re.compile(
    r"(?<![\w.+-])(?:[\w.+-]+\s+(?:dot|underscore|dash|hyphen|period)\s+)+" + re.escape(EMAIL_MARK),
    re.IGNORECASE,
)


# "my email is my name then 52 at yahoo, ferreira52", "pls send to tomasz_w" (round 10: raw;
# the "@wp.pl" came in the next message): after an e-mail's cue, a word shaped like a user name
# (letters then 2-4 figures, or an underscore) is the address's start, wherever it stands.
# Gated by a substring of each cue (a regular expression gate of the same four before:
# measured 1.1 µs per laden message, 0.2 as substrings).
HANDLE_AFTER_MAIL_CUE = gated(
    re.compile(
        r"(?P<head>\b(?:e-?mail(?:\s+address)?|send(?:\s+(?:it|them|that|this|those|me))?\s+to|"
        r"write\s+(?:to|me)|reply\s+to|mail\s+(?:it\s+|them\s+)?to)\b[^.?!\n]{0,40}?)"
        r"(?<![\w.@-])[a-z][a-z.]*(?:_[\w.]*|[a-z]\d{2,4})(?![\w@-])",
        re.IGNORECASE,
    ),
    needles="mail send write reply",
)


def _masked_user_name(match: re.Match[str]) -> str:
    """USERNAME's replacement: the value goes when shaped like a user name or no English word
    ("marthaq"); "my login is broken" stays."""
    value = match.group("value")
    if ids.USERNAME_SHAPE.search(value) or not ordinary(value):
        return match.group("head") + LINK_MARK
    return match.group()


def _self_user_names(text: str) -> str:
    """User names a patient gives as who they are ("on the forum im spinegranny58"): cheap
    tests first, since most messages with a figure say no "I'm", "as" or "called"."""
    low = text.lower()
    if not (("m " in low and "i" in low) or "i am" in low or "as " in low or "called" in low):
        return text
    return ids.SELF_USER_NAME.sub(_masked_self_user_name, text)


def _masked_self_user_name(match: re.Match[str]) -> str:
    """SELF_USER_NAME's replacement: a user name when the message speaks of a forum or an app,
    or after "im" when its letters are no English word ("im knitlady72"; "im covid19" stays)."""
    letters = (match.group("letters") or "").lower()
    if letters in ids.FIGURED_TERMS:
        return match.group()
    low = match.string.lower()
    if any(word in low for word in ids.FORUM_WORDS):
        return match.group("head") + LINK_MARK
    if letters and match.group("cue").lower()[0] == "i" and not ordinary(letters):
        return match.group("head") + LINK_MARK
    return match.group()


def _masked_vanity_plate(match: re.Match[str]) -> str:
    """VANITY_PLATE's replacement, but one ordinary word in capitals is a shout, not a plate
    ("my plate is FULL right now"; "plates say NANAS RV", "GRAMMY1" go)."""
    value = match.group("value").strip()
    said = re.search(r"(?i:say|said|read|:)", match.group("head"))  # "plate says HAPPY" goes
    if value.isalpha() and ordinary(value) and not said:
        return match.group()
    return ids.masked_vanity_plate(match)


def _masked_passcode(match: re.Match[str]) -> str:
    """PASSCODE's replacement (round 11, i21o): the cue stays, the code goes."""
    return match.group("head") + ID_MARK


# SPELLED_AT, _SPELLED_DIGIT, _WORDY, DATE_WORDS, PROVIDER_GATE, STREET_WORD_GATE ("on Chippens
# Hill Rd", round 11) and SPANISH_ABBREVIATED ("Av. Insurgentes Sur", no number), their gates
# asked together (measured: 3.0 µs -> 1.0 on an ordinary message; core/privacy/gate_groups.py).
_any_detail_word = any_search(
    (
        SPELLED_AT,
        _SPELLED_DIGIT,
        _WORDY,
        ids.DATE_WORDS,
        PROVIDER_GATE,
        ids.STREET_WORD_GATE,
        ids.SPANISH_ABBREVIATED,
    )
)


def _has_detail(text: str) -> bool:
    """Could the text hold a detail other than a name (a digit, an @, a spelled digit...)?

    Most messages hold none: substring tests on one lower-cased copy come before the regular
    expressions, so the common message pays for as few searches as possible."""
    if "@" in text or _any_figure(text):
        return True
    lower = text.lower()
    if (
        " slash " in lower  # "gofundme dot com slash ..." (round 9)
        or "_" in text  # "pls send to tomasz_w" (round 10)
        or "user" in lower  # "username on mychart is eszter.vadkerti" (round 9)
        or "corner" in lower  # "corner of Wexford Lane and Tillotson Rd" (round 9)
        or "login" in lower  # "my login is grandmabetty" (round 11)
        or " dot " in lower  # "x dot wordpress dot com" (round 11, i21o)
        or "apple id" in lower  # "my apple id is rkwasniewski77" (round 11, i21o)
        or "plate" in lower  # "plate is NANAS RV" (round 11, i21p)
    ):
        return True
    return bool(
        _any_detail_word(text)  # "at", "five", "born", "march", "gmail", "rd", "Av." ...
        or ((" ." in text or ". " in text) and ids.SPACED_DOT_URL.search(text) is not None)
        or ("/" in text and ids.SHORT_LINK.search(text) is not None)  # "t.ly/x" (i21o)
        or (  # "we live in Avon", "the ninth" (i21q)
            ids.ROUND11_FINDER.search(lower) is not None
            and ids.ROUND11_GATE.search(text) is not None
        )
        or ("with" in lower and ids.ID_START_GATE.search(text) is not None)  # "starts with"
        or places.has_person_where(text, lower)  # "I'm in Harwinton" (round 12, i21s)
        or places.has_place_area(text, lower)  # "in the Torrington area" (2026-12-04)
        or places.has_live_where(text, lower)  # "We live out in Burlington" (round 13, r13p)
        or places.has_round14_where(text, lower)  # "drives over from Wethersfield" (r14p)
        or r15p.has_round15_where(text, lower)  # "from Barkhamsted", "Winsted is home"
        or r15p.has_residence_town(text, lower)  # "my dad stays in Thomaston" (r16p)
        or homes_abroad.has_where(text)  # "Brightview assisted living", "nou soti Jacmel" (r18p)
        or units_homes.has_where(text)  # "St. Joseph's Manor", "zhu zai Hartford" (r19p)
        or r20_homes.has_where(text)  # "my daughter in Torrington", "Harwinton girl" (r20p)
        or (places.HOME_GATE.search(text) is not None and bool(places.NAMED_HOME.search(text)))
        or (("start" in lower or "begin" in lower) and ids.ID_START_BARE.search(text) is not None)
        or r14.might_detail(text, lower)  # "nearly a hundred", "skype: a.b" (round 14, r14n)
        or r15.might_detail(text, lower)  # "her ninety-sixth" (round 15, r15n)
        or r19_forms.might_detail(text)  # "shi yi yue er shi hao", "jiu shi san sui" (r19d)
        or r20.might_detail(text)  # "the big nine-five", "m.olsen [at] example" (r20d)
    )


def _redact_details(text: str) -> str:
    """Everything but names (those need no digit or @ to be there).

    Most passes need a figure in the text (the analysis in tests/test_redaction.py checks
    which); a message with none skips them. A mark holds no figure, so a message without one
    never gains one."""
    digit = _has_figure(text)
    # "210 W 98th", "corner of Maple and 5th", "my apt is 12C" (round 25, r25e)
    text = numbered_streets.figure_passes(text) if digit else numbered_streets.corner_pass(text)
    if digit:
        text = units_homes.figure_passes(text)  # "Bldg 7 #204", "Bristol CT 06010" (r19p)
        text = r21_places.figure_passes(text)  # "1600-B Cottonwood Dr", "my house is 14 X" (r21p)
        text = _cards(text)
        text = r21d.figure_passes(text)  # "2024-11-18T07:30", "608 555 and then 0137" (r21d)
        text = r14.id_passes(text, text.lower())  # "check #1187" (round 14, r14n)
    text = r20.id_passes(text)  # "2O11-445", "SN: 7Y4K2P", "tag is GRNDMA" (r20d)
    if digit:  # Round 12 (i21u): "MR# 4481 92", "R-77 4102"
        text = ids.HOSPITAL_ID.sub(lambda m: m.group("head") + ID_MARK, text)
    if "end" in text or "termina" in text or "acaba" in text:  # Round 12 (i21u)
        text = LAST_FOUR_WORDS.sub(lambda m: m.group("head") + PHONE_MARK, text)
    text = r19_spoken.number_passes(text)  # "four one two dash five five dash..." (r19d)
    if GROUPED_PHONE_GATE.search(text):  # Round 16 (r16f): "five five five, twelve thirty four"
        text = GROUPED_PHONE.sub(_masked_grouped_phone, text)
    # SPELLED_PHONE's figure gate opens on every message with a figure; with no digit word
    # there, its four parts are runs of figures (measured: 5.4 µs -> 0.6 per laden message).
    if (
        not digit
        or _FOUR_FIGURE_RUNS.search(text)
        or not SPELLED_PHONE.words.isdisjoint(words_of(text))
    ):
        text = SPELLED_PHONE.sub(_masked_spelled_phone, text)
    if digit:
        text = ids.INTERNATIONAL_PHONE.sub(PHONE_MARK, text) if "+" in text else text  # i21o
        text = ids.PHONE_CUE_PART.sub(lambda m: m.group("cue") + PHONE_MARK, text)  # i21o
    text = r20.link_and_email_passes(text)  # "x [at] y [.] com", "hxxp://x[.]org" (r20d)
    text = ids.WEB.sub(LINK_MARK, text)
    text = EMAIL.sub(EMAIL_MARK, text)
    text = r14.email_passes(text)  # "grandma.joy@hotmail" (round 14, r14n)
    if "@" in text:
        text = SPACED_EMAIL.sub(EMAIL_MARK, text)
    if SPELLED_AT.search(text):  # cheap test first: SPELLED_EMAIL may try every position
        text = SPELLED_EMAIL.sub(EMAIL_MARK, text)
        text = SPANISH_EMAIL.sub(EMAIL_MARK, text)
        text = ARROBA_EMAIL.sub(EMAIL_MARK, text)  # Round 11 (i21o)
    text = r19_spoken.email_passes(text)  # "bobbyjoe at example com", "[email removed]: x" (r19d)
    if PROVIDER_GATE.search(text):
        text = SPACED_PROVIDER_EMAIL.sub(EMAIL_MARK, text)  # round 23 (r23d)
        text = PROVIDER_EMAIL.sub(_masked_provider_email, text)
        text = SAID_EMAIL.sub(_masked_said_email, text)
    if " slash " in text.lower():
        text = ids.SPOKEN_URL.sub(LINK_MARK, text)
    if ids.SPOKEN_DOMAIN_GATE.search(text):  # Round 11 (i21o): "x dot wordpress dot com"
        text = ids.SPOKEN_DOMAIN.sub(LINK_MARK, text)
    text = r19_spoken.link_and_record_passes(text)  # "[link removed] slash x", "accession" (r19d)
    text = HANDLE_AFTER_MAIL_CUE.sub(lambda m: m.group("head") + EMAIL_MARK, text)
    if EMAIL_MARK in text:
        text = EMAIL_TAIL.sub(_masked_email_tail, text)
        text = EMAIL_HEAD.sub(EMAIL_MARK, text)  # Round 16 (r16f): "hank dot [email removed]"
    text = ids.SHORT_LINK.sub(LINK_MARK, text) if "/" in text else text  # Round 11 (i21o)
    text = ids.DOMAIN.sub(LINK_MARK, text)
    if " ." in text or ". " in text:
        text = ids.SPACED_DOT_URL.sub(LINK_MARK, text)
    text = r20.email_after_marks(text)  # "jkettleworth, at [link removed]" (r20d)
    if digit and (":" in text or ids.IP_FIGURE_DOT.search(text)):
        text = ids.IP.sub(LINK_MARK, text)
    if "::" in text:
        text = ids.IPV6_CANDIDATE.sub(ids.masked_ipv6, text)
    if "@" in text:
        text = ids.HANDLE.sub(LINK_MARK, text)
    text = ids.USERNAME.sub(_masked_user_name, text)
    text = ids.ACCOUNT_ID.sub(_masked_user_name, text)  # Round 11 (i21o)
    text = r14.handle_passes(text, text.lower())  # "skype: grandpa.walt" (round 14, r14n)
    text = r15.handle_passes(text, text.lower())  # "my tiktok is bev" (round 15, r15n)
    if digit or "_" in text:  # "on the forum im spinegranny58" (round 13, r13n)
        text = _self_user_names(text)
    if digit:
        text = _ids_with_figures(text)
    low = text.lower()  # round 11 (i21p): cheap tests first, masks only remove words
    if "with" in low and ("start" in low or "begin" in low):
        text = ids.ID_START.sub(ids.masked_id_start, text)
    if "start" in low or "begin" in low:  # Round 12 (i21u): "member id starts HMX"
        text = ids.ID_START_BARE.sub(ids.masked_id_start, text)
    if digit:
        if any(cue in low for cue in ids.SPANISH_ID_CUES):
            text = ids.SPANISH_CUED_ID.sub(lambda m: m.group("head") + ID_MARK, text)
        text = ids.LAST_DIGITS.sub(ids.masked_last_digits, text)
        if not ids.PLATE_CUE_WORDS.isdisjoint(words_of(text)) or ids.UK_PLATE_START.search(text):
            text = ids.PLATE.sub(ids.masked_plate, text)
    if ids.SPACED_GATE.search(text):
        text = ids.SPACED_ID.sub(ids.masked_spaced_id, text)
    if digit:
        text = ids.CUED_ID.sub(ids.masked_cued_id, text)
    if "removed]" in text:
        text = ids.CUED_ID_PREFIX.sub(ids.masked_id_prefix, text)
    if "plate" in low or "tags" in low:  # after CUED_ID_PREFIX: "says" is no plate's part
        text = ids.VANITY_PLATE.sub(_masked_vanity_plate, text)
    if digit:
        text = ids.BOOKING_CODE.sub(ids.masked_booking_code, text)
        if "id" in low or "num" in low or "no." in low or "#" in text or "nbr" in low:
            text = ids.ID_AFTER_WORDS.sub(ids.masked_id_after_words, text)
        text = homes_abroad.date_passes(text)  # "Rua Sete de Setembro 410", "il 18 agosto" (r18p)
        text = DATE.sub(DATE_MARK, text)
        text = r14.date_passes(text, text.lower())  # "letter says 14/11" (round 14, r14n)
        text = r15.date_passes(text, text.lower())  # "discharge was 11-02" (round 15, r15n)
    text = ids.BIRTH_DATE.sub(r21d.masked_birth_date, text)  # the cue stays (r21d)
    text = ids.WORDED_DATE.sub(DATE_MARK, text)
    if " de " in text or "colonia" in low:  # "calle 5 de mayo #312" (round 12, i21s)
        text = places.DATED_STREET.sub(ADDRESS_MARK, text)
    if " de " in text:
        text = ids.SPANISH_DATE.sub(DATE_MARK, text)
    text = ids.YEARLESS_DATE.sub(_masked_yearless_date, text)
    if digit and ("/" in text or "-" in text):
        text = ids.EVENT_DATE.sub(_masked_event_date, text)
    text = ids.BIRTH_MONTH.sub(_masked_birth_month, text)
    if digit:
        text = ids.DAY_MON_YEAR.sub(DATE_MARK, text)  # "7-Aug-1941" (round 11, i21q)
        text = ids.OTHER_LANGUAGE_DATE.sub(DATE_MARK, text)  # "5 maja 1932" (i21q)
        text = ids.WEEKDAY_DATE.sub(lambda m: ids.masked_booked_day(m, DATE_MARK), text)  # i21q
    text = ids.ORDINAL_DAY.sub(lambda m: ids.masked_booked_day(m, DATE_MARK), text)  # i21q
    text = ids.BIRTH_DAY.sub(lambda m: ids.masked_booked_day(m, DATE_MARK), text)  # i21q
    text = number_forms.masked_birthday_day(text, DATE_MARK)  # "birthday is next week the 9th"
    text = r21d.day_passes(text)  # "they put me down for the twenty-third" (r21d)
    text = r15.polish_ordinal_dates(text, low)  # "dwunasty marca 1934" (round 16, r16a)
    text = r19_forms.date_passes(text)  # "12DEC2025", "6•14•1937", "20 noyabrya" (r19d)
    text = r20.date_passes(text)  # "valentines day 1932", "7/IV/1938", "06 / 17" (r20d)
    if digit:  # "F/94", "91Y", "my date is the 22nd", "surgery is 12 18", "Dec-21" (r26p)
        text = clinical_ages.figure_passes(text)
        text = life_places.figure_passes(text)  # "we're on Western near 63rd" (r26p)
    text = _masked_old_birth_years(text, low)  # "born in 1931": over 89 (round 12, i21t)
    if DATE_MARK in text:
        text = ids.MONTH_BEFORE_DATE.sub("", text)
    # Phones before addresses: "860 555 0166 attn dr patel" is a fax number, not a street.
    if digit:
        text = _phones_with_figures(text, low)
    if ids.LETTER_O_GATE.search(text):  # Round 11 (i21o): "86O-555-O199"
        text = ids.LETTER_O_PHONE.sub(ids.masked_letter_o_phone, text)
        text = r20.letter_o_ids(text)  # "armband: 2O11-445" (r20d)
    if digit:
        text = _after_phones_with_figures(text, low)
    if "hundred" in text.lower():
        text = ids.HUNDRED_STREET.sub(ADDRESS_MARK, text)
    if digit:
        text = ids.NUMBER_FOREIGN_STREET.sub(ADDRESS_MARK, text)
        text = ids.FRENCH_STREET.sub(ADDRESS_MARK, text)  # "18 rue des Lilas" (round 11, i21q)
        text = ids.RURAL_ROAD.sub(ADDRESS_MARK, text)  # "county road 14", "mile marker 31"
        text = ids.HOUSE_ON.sub(ids.masked_house_on, text)
    text = ids.PARK.sub(ADDRESS_MARK, text)
    text = ids.WORDED_ZIP.sub(ids.masked_worded_zip, text)
    named = ids.street_names(text) if digit else []
    if digit:
        text = ids.STREET.sub(ids.masked_street, text)
    if named:  # "1180 Riverside Dr ... the house on Riverside" (round 10's leftover)
        text = re.sub(rf"\b(?:{'|'.join(map(re.escape, named))})\b", ADDRESS_MARK, text)
    if ids.STREET_WORD_GATE.search(text):
        text = ids.NAMED_STREET.sub(ids.masked_named_street, text)
    text = ids.NUMBER_AFTER_STREET.sub(ADDRESS_MARK, text)  # "Weymouth Rd number 212" (i21q)
    if digit:
        text = ids.HOUSE_NUMBER.sub(ids.masked_house_number, text)
    text = ids.CORNER.sub(ids.masked_cue_address, text)
    text = ids.CORNER_SECOND.sub(ids.masked_cue_address, text)  # "Oak St and Chestnut" (i21q)
    text = places.BARE_CORNER.sub(ids.masked_cue_address, text)  # "Pine and Maple" (i21s)
    text = ids.END_OF_STREET.sub(ids.masked_cue_address, text)  # "end of Quarry Hill Lane" (i21q)
    text = ids.SPANISH_ABBREVIATED.sub(ADDRESS_MARK, text)
    text = ids.APARTMENTS.sub(ids.masked_cue_address, text)
    if places.HOME_GATE.search(text):  # "Maplewood Manor" (round 12, i21s)
        text = places.NAMED_HOME.sub(ids.masked_cue_address, text)
    if digit:
        text = ids.FOREIGN_STREET.sub(ADDRESS_MARK, text)
    for cued in (ids.CUED_ADDRESS, ids.CUED_ZIP):  # the cue stays: "my zip is [address ...]"
        text = cued.sub(lambda m: m.group("cue") + ADDRESS_MARK, text)
    text = ids.UNIT.sub(clinic_suites.masked_unit, text)  # "What is suite 200 for?" stays (r25d)
    if digit:
        text = ids.POSTCODE.sub(_masked_postcode, text)  # "postcode is LS6 2QT" (i21q)
    text = ids.WORDED_STREET.sub(ids.masked_worded_street, text)
    text = r15p.masked_uncued_worded_street(text)  # "fifty-five elm street" (r16p)
    if digit and (ADDRESS_MARK in text or "area" in low):  # "number 1142", "06489 area" (i21s)
        text = places.NUMBER_NEAR_MASK.sub(places.masked_number_near, text)
    if digit and ids.ZIP_GATE.search(text):
        text = ids.STATE_ZIP.sub(ADDRESS_MARK, text)
        text = ids.ZIP_BEFORE_TOWN.sub(_masked_zip_and_town, text)
    if ids.TOWN_FINDER.search(text.lower()):
        # Before the town and state after a mark: "we come from New Britain CT" loses "CT".
        text = ids.TOWN_CUE.sub(_masked_cued_town, text)  # "we live in Forestville" (i21q)
    if ADDRESS_MARK in text:
        if digit:
            text = places.LOT_AFTER_MASK.sub(ADDRESS_MARK, text)  # ", lot 42" (round 13, r13p)
            text = ids.STREET_AFTER_UNIT.sub(ids.masked_street_after_unit, text)
        text = r20_homes.parts_after_mask(text)  # ", 2º izq", "-D, Building C" (r20p)
        # Before the town after a mark: "[address removed], Quarry Hill - " (round 13, r13p).
        text = places.masked_streets_after_mask(text)
        text = ids.TOWN_AFTER_MASK.sub(_masked_cued_town, text)  # ", over in Simsbury" (i21q)
        text = TOWN_AFTER_ADDRESS.sub(_masked_town, text)
        text = towns_after_streets.masked(text)  # "elm street, fairview" (round 25, r25d)
        if digit:
            text = ids.ZIP_AFTER_ADDRESS.sub(ADDRESS_MARK, text)
    if places.might_place(text.lower()):  # "I'm in Harwinton" (round 12, i21s)
        # A state or a country stays: "I'm in Florida till April" (round 14, r14p).
        text = places.PERSON_WHERE.sub(places.masked_person_where, text)
    if ADDRESS_MARK in text:  # "[address removed], in harwinton" (round 12, i21s)
        # A state or a country after the masked town stays (round 29, r29n: "out in Opp,
        # Alabama" lost the state; a state alone is no identifier).
        text = places.PLACE_AFTER_MASK.sub(places.masked_place_not_state, text)
    if "area" in low or "region" in low:  # "we live in the Torrington area" (2026-12-04)
        text = places.PLACE_AREA.sub(places.masked_place, text)
    # "We live out in Burlington", "staying with my daughter in Avon", "I winter in Sarasota",
    # "is Southington close? thats where I live" (round 13, r13p)
    text = places.masked_live_where(text, text.lower())
    # "drives over from Wethersfield", "a nursing home up in Winsted", "grew up in Waterbury",
    # "vive sola en Meriden", "(sorry, southington)", "przy ulicy Broad Street 118" (r14p)
    lower = text.lower()
    if places.might_round14_where(lower):
        text = places.masked_round14_where(text, lower)
    text = places.masked_corrected_towns(text, text.lower())
    # "a 40 min trip from Barkhamsted", "a Plainville resident", "somos de Waterbury",
    # "Winsted is home", "her sister's house in Higganum", "town: Harwinton" (r15p)
    lower = text.lower()
    if r15p.might_round15_where(lower):
        text = r15p.masked_round15_where(text, lower)
    # "my dad stays in Thomaston", "we're Southington people" (round 16, r16p)
    text = r15p.masked_residence_towns(text, text.lower())
    text = r15p.masked_spanish_home_towns(text)  # "vivo en ..., en Hartford" (r17p)
    # "the Sheriden Woods nursing home", "we're from New Haven", "nou soti Port-au-Prince" (r18p)
    text = homes_abroad.masked_where(text)
    text = r20_homes.masked_homes_and_own_towns(text, digit)  # "Sunrise of Farmington" (r20p)
    text = units_homes.masked_where(text)  # "at Sheriden Woods", "m. 4 w New Britain" (r19p)
    if digit:  # "77 Wolcot Strret": a street word misspelled (r15p)
        text = r15p.masked_slipped_streets(text)
        text = r15p.masked_number_at_end(text)  # "send the forms to 3021 Ridgewood" (r15p)
        text = r15p.masked_rooms(text)  # "Sheriden Woods, bed 14B", "room 312" (r16p)
    if ids.AGE_GATE.search(text):
        text = ids.AGE.sub(ids.kept_reading(ids.masked_age), text)  # i21u: readings kept
        if digit:
            text = ids.AGE_WORDED.sub(ids.kept_reading(ids.masked_worded_age), text)  # i21u
            text = AGE_IN_BRACKETS.sub(lambda m: m.group("cue") + AGE_MARK, text)
            text = ids.KIN_AGE.sub(ids.masked_kin_age, text)  # "Dad's 95", "ma 92 lata" (i21q)
        text = ids.WORDED_OLD_AGE.sub(_masked_age_now, text)  # "ninety-nine and" (i21t)
        if digit:
            text = ids.AGE_NOW.sub(_masked_age_now, text)  # "born 1933 so 92 now" (i21t)
        text = age_lists.masked(text)  # "my parents (90 and 94)", "and mother ninety" (r25d)
    if digit and AGE_MARK in text:  # Round 24: "Mom is 90+ (92 actually)": the age again
        text = ids.AGE_AGAIN.sub(ids.kept_reading(ids.masked_age_again), text)
    text = r14.age_passes(text, text.lower(), digit)  # "nearly a hundred" (round 14, r14n)
    text = r15.age_passes(text, text.lower(), digit)  # "98 candles" (round 15, r15n)
    if digit:
        text = homes_abroad.age_passes(text)  # "mi papá de 91", "cumplió los 95" (round 18, r18p)
    text = r19_forms.age_passes(text)  # "pushing 99", "91 primaveras", "jiu shi san sui" (r19d)
    text = r20.age_passes(text)  # "hit the big 9-5" (r20d)
    if not digit:
        return text
    if "the " in text:
        text = ids.BOOKED_DAY.sub(lambda m: ids.masked_booked_day(m, DATE_MARK), text)
        text = r20.days_after_marks(text) if DATE_MARK in text else text  # "to the 21st" (r20d)
    if ids.JOINED_GATE.search(text):  # a joined code is masked only with figures
        text = ids.JOINED_CODE.sub(ids.masked_joined_code, text)
    if "num" in low or "no." in low or "#" in text or "nbr" in low:
        text = ids.NUMBER_CODE.sub(ids.masked_number_code, text)
    if not ids.FOUR_FIGURES.search(text):
        return text
    text = ids.LONG_NUMBER.sub(ids.masked_long_number, text)
    return ids.CODE.sub(ids.masked_code, text)


def _has_figure(text: str) -> bool:
    """Does the text hold a figure of any script? (str.isdigit is wider than the \\d of
    the patterns, so a pass skipped for want of a figure could not have matched.)"""
    return _any_figure(text)


def _any_figure(text: str) -> bool:
    """`_has_figure`'s test (apart, so tests can open the figure gate alone). Most messages
    are ASCII, where a figure is 0-9: one scan in C instead of a test per character."""
    if text.isascii():
        return _ASCII_FIGURE.search(text) is not None
    return any(ch.isdigit() for ch in text)


_ASCII_FIGURE = re.compile(r"[0-9]")
MIN_PHONE_FIGURES = 4
# The fewest figures of a number the library finds in a text without _LIBRARY_CUE
# (`_phones_by_library`): a US number's seven, or "011" and the four of "+49 11".
MIN_PHONE_FIGURES_WITHOUT_PLUS = 7
# What lets the library find a shorter number: a plus sign (ASCII or full-width), or an "x"
# or "int" (ASCII letters, any case) that can make three letters it reads as figures.
_LIBRARY_CUE = re.compile(r"[+\uff0b]|(?i:x|int)")


def _figure_count(text: str) -> int:
    """How many figures of any script the text holds (libphonenumber reads them all)."""
    if text.isascii():
        return len(_ASCII_FIGURE.findall(text))
    return sum(ch.isdigit() for ch in text)


def _cards(text: str) -> str:
    """Cards first: a Luhn-valid run is a card's number whatever its label ("phone 4111 ...");
    after a card's cue any run of 13-19 figures is one ("debit 4539 7712 0043 8816", r13n)."""
    text = ids.CARD.sub(ids.masked_card, text)
    low = text.lower()
    if any(word in low for word in ids.CARD_CUES):
        text = ids.CUED_CARD.sub(lambda m: m.group("head") + ID_MARK, text)
    return text


def _ids_with_figures(text: str) -> str:
    """Passcodes, Medicare numbers, SSNs and card codes: every one holds figures."""
    text = ids.PASSCODE.sub(_masked_passcode, text)
    text = ids.MEDICARE.sub(ID_MARK, text)
    if ids.MBI_CUE.search(text):
        text = ids.MBI_SHAPE.sub(ids.masked_mbi_shape, text)
    low = text.lower()
    if "ss" in low or "soc" in low:  # "SS# 219374650" (round 13, r13n)
        text = SHORT_CUED_SSN.sub(lambda m: m.group("head") + SSN_MARK, text)
    text = SSN.sub(SSN_MARK, text)
    text = SSN_LAST_FOUR.sub(_masked_last_four, text)
    low = text.lower()
    if "xx" in low or "**" in text or "##" in text or "\u2022\u2022" in text:
        text = MASKED_SSN.sub(SSN_MARK, text)
    if "cv" in low or "code" in low or "csc" in low or "cid" in low or "digo" in low:
        text = ids.CARD_CODE.sub(lambda m: m.group("head") + ID_MARK, text)
    return text


def _phones_with_figures(text: str, low: str) -> str:
    """Area codes, a card's expiry and phone numbers in figures, before the addresses:
    "860 555 0166 attn dr patel" is a fax number, not a street."""
    if "code" in low or "lada" in low or "vorwahl" in low:  # Round 12 (i21u): "area code 860"
        text = ids.AREA_CODE.sub(lambda m: m.group("head") + PHONE_MARK, text)
    if "exp" in low or "valid" in low or "venc" in low:  # Round 12 (i21u): "exp 11 27"
        text = ids.SPACED_EXPIRY.sub(lambda m: m.group("head") + DATE_MARK, text)
    text = _phones_by_library(text)
    return PHONE.sub(PHONE_MARK, text)


def _after_phones_with_figures(text: str, low: str) -> str:
    """A phone's prefix, extension or corrected tail; streets that start with a number."""
    if PHONE_MARK in text:  # Round 11 (i21o): "0171 [phone removed]"
        text = ids.PREFIX_BEFORE_PHONE.sub(PHONE_MARK, text)
        text = ids.EXTENSION_AFTER_PHONE.sub(PHONE_MARK, text)  # Round 12 (i21u): "ext 218"
    if ids.has_corrected_tail(text):  # Round 11 (i21o): "its 0198 now"
        text = ids.CORRECTED_TAIL.sub(ids.masked_corrected_tail, text)
    text = _DIRECTION_STREET.sub(ADDRESS_MARK, text)  # "2207 N. Wabash, unit 4" (i21s)
    if "add" in low:  # "my addy is 45 w main" (round 12, i21s)
        text = places.ADDY.sub(lambda m: m.group("cue") + ADDRESS_MARK, text)
    if any(word in low for word in places.GERMAN_GATE):  # "Lindenstraße 8" (round 12, i21s)
        text = places.GERMAN_STREET.sub(ADDRESS_MARK, text)
    text = _PO_BOX.sub(ADDRESS_MARK, text)
    return ids.BOX.sub(ADDRESS_MARK, text)


# The two passes above behind the words their matches need (measured together: 0.8 µs -> 0.2
# a message over the mix). DIRECTION_STREET's direction stands between spaces (a "." may
# follow its letter): the word n, s, e, w, north, south, east or west.
_DIRECTION_STREET = gated(places.DIRECTION_STREET, words="n s e w north south east west")
# PO_BOX's first word: "p" ("p.o.", "p o"), "po", "pob" ("pob 12") or the box run whole
# ("pobox", "pobx", "pobix", "pobax"); its other forms ("post office box", "rural route 2
# box", "rr 1 box", "hc 65 box") all hold the word "box" before the number.
_PO_BOX = gated(ids.PO_BOX, words="p po pob pobx pobox pobix pobax box")


# "dad (97)", "nana (101)", "my grandpa ( 96 y/o )" (round 10: raw): a number of 90 or more
# in brackets right after a person's word is that person's age.
AGE_IN_BRACKETS = re.compile(
    rf"(?P<cue>\b(?:{RELATIVE}|grandpa|grandad|grandma|gramma|mother|father|pops|poppa|pa|ma|"
    r"him|her|patient|pt|husband|wife|man|woman|lady|gentleman)s?(?:[\s-]in[\s-]law)?\s*\(\s*)"
    r"(?:9\d|1[01]\d)(?=\s*(?:y/?o|yrs?(?:\s+old)?|years?(?:\s+old)?)?\s*\))",
    re.IGNORECASE,
)
# "[address removed], bangor maine", "[address removed] millbrook": up to three words after a
# masked address that are no ordinary words (a town) or a state go with it.
TOWN_AFTER_ADDRESS = re.compile(
    re.escape(ADDRESS_MARK) + r"(?P<town>(?:,?\s+[^\W\d_][\w'-]*){1,3})", re.UNICODE
)
_TOWN_WORD = re.compile(r"[^\W\d_][\w'-]*")


def _masked_old_birth_years(text: str, low: str) -> str:
    """Round 12 (i21t): years of birth (and school years) that make someone 90 or older go;
    substring tests first, so a message with no cue of birth pays no search."""
    if any(word in low for word in ids.BIRTH_CUE_WORDS):
        text = ids.OLD_BIRTH_YEAR.sub(lambda m: ids.masked_old_birth_year(m, DATE_MARK), text)
    if "class of" in low or "graduated" in low:
        text = ids.CLASS_OF_YEAR.sub(lambda m: ids.masked_old_birth_year(m, DATE_MARK, 18), text)
    return text


def _masked_age_now(match: re.Match[str]) -> str:
    """WORDED_OLD_AGE's and AGE_NOW's replacement with this module's age mark."""
    return ids.masked_age_now(match, AGE_MARK)


def _masked_yearless_date(match: re.Match[str]) -> str:
    """YEARLESS_DATE's replacement with this module's date mark."""
    return ids.masked_yearless_date(match, DATE_MARK)


def _masked_event_date(match: re.Match[str]) -> str:
    """EVENT_DATE's replacement with this module's date mark."""
    return ids.masked_event_date(match, DATE_MARK)


def _masked_birth_month(match: re.Match[str]) -> str:
    """BIRTH_MONTH's replacement: the cue of birth stays, the month or the day goes."""
    return (match.group("cue") or "") + DATE_MARK


def _masked_zip_and_town(match: re.Match[str]) -> str:
    """ZIP_BEFORE_TOWN's replacement: the ZIP goes when a town follows ("06103 hartford")."""
    return match.group() if ordinary(match.group("town")) else ADDRESS_MARK


def _masked_town(match: re.Match[str]) -> str:
    """TOWN_AFTER_ADDRESS's replacement: the leading words that are a town or a state go."""
    town = match.group("town")
    end = 0
    for word in _TOWN_WORD.finditer(town):
        value = word.group()
        # A state goes with the town before it ("bangor maine"); right after the mark it stays
        # (Safe Harbor keeps states): a town masked late in the pass, after this rule, kept its
        # state, which a second redaction of the stored text then took ("in [address removed]
        # CT": one redaction must be final). A small word of another language is no town
        # either ("w [address removed], ile trwa zabieg?").
        if ids.STATE_WORD.fullmatch(value):
            if not end or (len(value) == 2 and value.islower()):  # "in" is no Indiana
                break
        elif value.lower() in OTHER_LANGUAGE or ordinary(value):
            break
        end = word.end()
    return ADDRESS_MARK + town[end:]


# Round 11 (i21q): a town after a cue of where one lives or a masked address.
_TOWN_PREFIX = re.compile(
    r"(?i:new|west|east|north|south|old|port|fort|mount|mt|st|saint|lake|glen)"
)


def _masked_cued_town(match: re.Match[str]) -> str:
    """TOWN_CUE's and TOWN_AFTER_MASK's replacement: the leading words that are a town go
    (no ordinary word, state or country: "we live in a small town", "from Mexico" stay)."""
    town = match.group("town")
    end = 0
    for word in _TOWN_WORD.finditer(town):
        text = word.group()
        if _TOWN_PREFIX.fullmatch(text):
            continue
        if ordinary(text) or ids.STATE_WORD.fullmatch(text) or text.lower() in ids.COUNTRIES:
            break
        end = word.end()
    if end and places.trip_to_hospital(match, town[:end]):
        return match.group()  # "Can I come from Hartford by bus?" (round 16, r16p)
    head = match.group()[: match.start("town") - match.start()]
    return head + ADDRESS_MARK + town[end:] if end else match.group()


def _masked_postcode(match: re.Match[str]) -> str:
    """POSTCODE's replacement: the cue or the masked address before it stays."""
    return (match.group("cue") or match.group("after")) + ADDRESS_MARK


# Identifiers split over two messages ("my number is 860 555" / "0178 sorry hit send too
# soon"; "send it to my email margaret.ohara" / "@sbcglobal.net thank you": an outside tester
# found both halves stored raw). A message that ends in a cue and the start of a value: the
# start goes (it is part of the detail whatever comes next).
_PART_CUE = (
    # "her medicare number is 7TW8" / "-NP4-KD29" (round 16, r16f): an id's word before
    # "number" (read as a phone's cue, the part needed three figures).
    r"(?:(?:medicare|mbi)(?:\s+(?:number|no\.?|num|id))?|(?:member|policy)\s+(?:number|no\.?|num)|"
    r"number|no\.?|num|#|phone|cell|mobile|ssn|social(?:\s+security)?|"
    # "mi tel es el 860 555" (round 11, i21o): a phone's cue in Spanish, Portuguese, German.
    r"tel|tel[eé]fono|telefone|cel|celular|n[uú]mero|(?:handy)?nummer|"
    r"member\s+id|id|e-?mail(?:\s+address)?|address|zip|dob|birthday|"
    # "call me back at 860 589" / "2274 sorry": a number after a request to call.
    r"(?:call|ring|text|reach|contact)\b[\w\s']{0,20}?\b(?:at|on)|"
    # "can someone call me, 203 555" / "0155" (round 13, r13n: raw): the same without "at".
    r"(?:call|ring|text|reach|contact)\s+me(?:\s+back)?\s*,?|"
    # "my medicare # is 2QK7-HN3" / "-PR58" (round 13, r13n): a policy's or member's "#".
    r"policy|member(?=\s*#))"
    # "medicare # is", "policy # is" (round 13, r13n: the "#" after the cue kept it off).
    r"(?:\s*#)?"
)
CUED_PART_AT_END = re.compile(
    rf"\b(?P<cue>{_PART_CUE})\s*(?:is|was|:|=|-)?\s*"
    r"(?P<part>(?=[\w.+-]*[\d.@_])[\w.+@-]+(?:[\s./-]+(?=[\w-]*\d)[\w-]+)*"
    # "my number is eight six oh, five eight two" (round 7: raw): three digits or more in
    # words (figures mixed in), the rest sent in the next message.
    rf"|{_DIGIT_WORD}(?:[\s,.\-]+{_DIGIT_WORD}){{2,}})[^\w@]*$",
    re.IGNORECASE,
)
# Round 12 (i21u): "dads ssn, its 612" / "40 2288", "moms social, it starts 471" / "22 9035":
# an SSN's start after "its", "it starts", "starts with"; "my email address is rvasquez" /
# "1957 @ sbcglobal .net": after "email is", a last word that is no ordinary word.
STARTED_SSN_AT_END = re.compile(
    r"\b(?P<cue>ssn|social(?:\s+security)?(?:\s+(?:number|no\.?|#))?)\s*"
    r"(?:,?\s*(?:it'?s|it\s+is|(?:it\s+)?(?:starts|begins)(?:\s+with)?)\s+"
    # "they asked for dads social, 602 41" / "7733" (round 14, r14n): a comma alone.
    r"|,\s*)"
    r"(?P<part>\d{3}(?:[\s-]\d{1,2})?)[^\w@]*$",
    re.IGNORECASE,
)
MAIL_WORD_AT_END = re.compile(
    r"\b(?P<cue>e-?mail(?:\s+address)?)\s*(?:is|was|:|=|-)\s*"
    r"(?P<part>[^\W\d_]{3,30})[^\w@]*$",
    re.IGNORECASE,
)


_FIGURE = re.compile(r"\d")
_PART_CHARS = frozenset(".+@-_")
_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _may_end_with_part(text: str) -> bool:
    """Could CUED_PART_AT_END match? A cheap test from the end that never says no to a match
    (so the pattern's scan from every position is saved for most messages, which end in a
    plain word and a question mark): its part reaches the end of the text but for marks, so
    the text from the start of its last run of the part's characters on holds a figure, ".",
    "@" or "_", or its last word names a digit ("my number is eight six oh").

    The tail is found by one match at the start of the reversed text (`\\w` is what
    `str.isalnum` says or "_"), and an ASCII tail is read without the gates' folded copy,
    which a tail would have pushed out (measured: 2.5 µs -> 0.8 a message over the mix)."""
    # What follows the part holds no letter, figure, "_" nor "@" ("860 - "); then the part's
    # characters back to the start of their run.
    reversed_tail = _REVERSED_TAIL.match(text[::-1])  # always a match (both parts may be empty)
    tail = text[len(text) - reversed_tail.end() :] if reversed_tail else text
    if tail.isascii():
        if _ASCII_PART_HINT.search(tail) is not None:
            return True
        words = _LETTER_RUN.findall(tail.lower())
    else:
        if any(ch.isdigit() or ch in "._@" for ch in tail):
            return True
        words = _LETTER_RUN.findall(folded(tail))
    return bool(words) and words[-1] in _DIGIT_NAMES


# The tail `_may_end_with_part` reads, reversed: what follows the part, then the part's run.
_REVERSED_TAIL = re.compile(r"[^\w@]*[\w.+@-]*")
# An ASCII figure (what str.isdigit says of ASCII), ".", "_" or "@".
_ASCII_PART_HINT = re.compile(r"[0-9._@]")


def _started_part(text: str) -> re.Match[str] | None:
    """STARTED_SSN_AT_END's or MAIL_WORD_AT_END's match (a mail word when no ordinary word)."""
    found = STARTED_SSN_AT_END.search(text) if _FIGURE.search(text) else None
    if found:
        return found
    found = MAIL_WORD_AT_END.search(text) if "mail" in folded(text) else None
    word = found.group("part") if found else ""
    return found if word and not ordinary(word) and not PROVIDER_GATE.fullmatch(word) else None


# The rest of it at the start of the next message: digits or an id's part, or "@domain".
CONTINUATION = re.compile(
    r"^\s*(?P<part>@\s*[\w-]+(?:\s*\.\s*[\w-]+)+"
    r"|[-\u2013./]?\s*(?=[^\W\d_]{0,4}\d)[^\W_]+(?:[\s./-]+(?=[^\W\d_]{0,4}\d)[^\W_]+)*)"
    r"(?!\w)",
)


def _split_mark(part: str, cue: str = "") -> str:
    """The mark for a part of a detail, by the cue before it or its own shape."""
    if "@" in part or re.search(r"mail", cue, re.I):
        return EMAIL_MARK
    if re.search(r"ssn|social", cue, re.I):
        return SSN_MARK
    if re.search(r"medicare|mbi|member|policy", cue, re.I):
        return ID_MARK  # "medicare number is 7TW8" (round 16, r16f): an id's, not a phone's
    if re.search(
        r"phone|cell|mobile|number|call|ring|text|reach|contact|tel|cel|n[uú]mero|nummer", cue, re.I
    ) and (part[0].isdigit() or _STARTS_SPELLED.match(part)):
        return PHONE_MARK
    return ID_MARK


# "my number is eight six oh, five eight two" (round 7): a phone's start in words.
_STARTS_SPELLED = re.compile(rf"{_DIGIT_WORD}\b", re.IGNORECASE)
_ID_PART_CUE = re.compile(r"medicare|mbi|member|policy|\bid\b|ssn|social", re.IGNORECASE)


def _digit_count(part: str) -> int:
    """Digits in figures and in words ("860 five eight two": 6)."""
    runs = [run for run in _DIGIT_RUN.findall(part) if run.lower() not in _MULTIPLIERS]
    if not all(
        run.isdigit() or SPELLED_PHONE.fullmatch(run) or run.lower() in _DIGIT_NAMES for run in runs
    ):
        return sum(ch.isdigit() for ch in part)
    return sum(len(run) if run.isdigit() else 1 for run in runs)


_DIGIT_NAMES = frozenset(re.findall(r"[a-z]+", _DIGIT_WORDS))


def _is_part(part: str, cue: str) -> bool:
    """Three digits or more; after an e-mail cue, a word with a dot or an underscore too."""
    if _digit_count(part) >= 3:
        return True
    # "her medicare is 1AC9" / "-KM3-HX72": an id's first group of letters and digits.
    if _ID_PART_CUE.search(cue) and len(part) >= 3 and any(ch.isdigit() for ch in part):
        return any(ch.isalpha() for ch in part)
    return bool(re.search(r"mail", cue, re.I)) and any(ch in part for ch in "._@")


def redact_cued_part(text: str) -> str:
    """The text with the start of a detail after a cue at its very end masked."""
    match = CUED_PART_AT_END.search(text) if _may_end_with_part(text) else None
    if not match or not _is_part(match.group("part"), match.group("cue")):
        match = _started_part(text) or match  # Round 12 (i21u): "ssn, its 612"
    if not match:
        return text
    part, cue = match.group("part"), match.group("cue")
    started = match.re in (STARTED_SSN_AT_END, MAIL_WORD_AT_END)  # i21u: no _is_part
    if MARKS_PATTERN.search(part) or not (started or _is_part(part, cue)):
        return text
    return text[: match.start("part")] + _split_mark(part, cue) + text[match.end("part") :]


# The same cue when the previous message is read back masked (from the database, on
# another server or after a cache eviction): "my number is [phone removed]".
CUED_MARK_AT_END = re.compile(
    rf"\b(?P<cue>{_PART_CUE})\s*(?:is|was|:|=|-)?\s*"
    r"(?P<part>\[(?:phone|SSN|ID|email|name|address) removed\])[^\w@]*$",
    re.IGNORECASE,
)


def _cue_at_end(previous: str) -> re.Match[str] | None:
    """The cue and start of a detail that `previous` ends with, raw or already masked."""
    raw = CUED_PART_AT_END.search(previous)
    if raw and _is_part(raw.group("part"), raw.group("cue")):
        return raw
    return (
        CUED_MARK_AT_END.search(previous)
        or STARTED_ID_AT_END.search(previous)
        or _started_part(previous)  # Round 12 (i21u)
        or STARTED_BARE_AT_END.search(previous)
        or STARTED_MARK_AT_END.search(previous)
    )


# "member id starts with ZKP" / "and then 8812 77 something" (round 11, i21p): an id's start
# after words that say it goes on, raw or masked; its rest after "and then" in the next one.
STARTED_ID_AT_END = re.compile(
    rf"\b(?P<cue>{_PART_CUE})\s*(?:starts?|begins?|starting|beginning)\s+with\s+"
    r"(?P<part>[A-Za-z0-9]{1,6}(?:[\s-]\d+)*|\[ID removed\])[^\w@]*$",
    re.IGNORECASE,
)
# Round 12 (i21u): "member id starts HMX" / "then 4471 0926 02": "starts" without "with".
STARTED_BARE_AT_END = re.compile(
    rf"\b(?P<cue>{_PART_CUE})\s*(?:starts|begins|starting|beginning)\s+"
    r"(?P<part>(?-i:[A-Z\d]{2,6})|\[ID removed\])[^\w@]*$",
    re.IGNORECASE,
)
# Round 12 (i21u): the same starts read back masked ("social, it starts [SSN removed]").
STARTED_MARK_AT_END = re.compile(
    r"\b(?P<cue>ssn|social(?:\s+security)?|e-?mail(?:\s+address)?|member\s+id|id)\s*"
    r"(?:,?\s*(?:it'?s|it\s+is|is|(?:it\s+)?(?:starts|begins)(?:\s+with)?)\s+"
    r"|(?<=ssn|ial|ity),\s*)"  # "dads social, [SSN removed]" (round 14, r14n)
    r"(?P<part>\[(?:SSN|email|ID) removed\])[^\w@]*$",
    re.IGNORECASE,
)
# Round 12 (i21u): an address's rest after its first word: "1957 @ sbcglobal .net", "at gmail.com".
EMAIL_REST = re.compile(
    r"^\s*(?P<part>[\w.+-]*\s*(?:@|\bat\b)\s*[\w-]+(?:\s*\.\s*[\w-]+)+)", re.IGNORECASE
)
# Round 25 (r25e, round 24's ssn484): "my ssn is 371" / "ok and then 44 2108": a word of
# assent may come before "and then".
_THEN = re.compile(
    r"\s*(?:(?:ok|okay|so|yes|yeah|sure|right)[\s,]+)?(?:and\s+then|then|and)\b", re.IGNORECASE
)


def continued_part(previous: str, text: str) -> str | None:
    """The rest of a detail the previous message of the same person broke off, at the start
    of this one (the caller masks it wherever the message's text is kept)."""
    cue = _cue_at_end(previous)
    if not cue:
        return None
    if _digit_count(cue.group("part")) >= 10:
        return None  # "call me at 860 555 0199" / "5 more questions": it was whole
    # Round 12 (i21u): "rvasquez" / "1957 @ sbcglobal .net", raw or read back masked.
    if cue.re is MAIL_WORD_AT_END or cue.group("part") == EMAIL_MARK:
        rest = EMAIL_REST.match(text)
        if rest:
            return rest.group("part")
    match = CONTINUATION.match(text)
    lead = None if match else _THEN.match(text)
    match = match or (CONTINUATION.match(text[lead.end() :]) if lead else None)
    return match.group("part") if match else None


def continuation(previous: str, text: str) -> tuple[str, str] | None:
    """(the rest of a detail `previous` broke off, at the start of `text`; its mark), if any."""
    part = continued_part(previous, text)
    cue = _cue_at_end(previous)
    if not part or not cue:
        return (
            _corrected_tail(previous, text)
            or _month_after_day(previous, text)
            or _corrected_house(previous, text)  # round 12 (i21s)
            or _surname_after_kin_name(previous, text)  # round 14 (r14p)
            or people_in_clauses.surname_after_name(previous, text, redact)  # sp01 (r20n)
            or r15p.town_after_split(previous, text)  # "we live near the reservoir in" (r15p)
            or r15p.street_after_split(previous, text)  # "to 3021 Ridgewood" / "Circle"
            or r15.age_after_cue(previous, text)  # "my mum is" / "92." (round 15, r15n)
            or _last_four_after_cue(previous, text)  # "last 4 of my ss" / "is 5521" (r17p)
            or _old_year_after_date(previous, text)  # "june 9" / "1931" (round 17, r17p)
            or _ssn_start_after_cue(previous, text)  # "dad's social" / "is 612 44" (r18p)
            or _ssn_rest_after_start(previous, text)  # "ok its 123-45" / "-6789" (r18p)
            or number_forms.ssn_start_after_short_cue(previous, text)  # "my ss is" / "412 73"
            or units_homes.street_after_house_number(previous, text)  # "at 19" / "Larkspur Lane"
            or units_homes.town_after_street(previous, text)  # "Larkspur Lane" / "Burlington"
            or r19_forms.day_after_date_cue(previous, text)  # "born on the" / "fifth of" (r19d)
            or r19_forms.month_after_day_of(previous, text)  # "fifth of" / "june" (r19d)
            or r19_spoken.surname_after_own_name(previous, text, redact)  # X01 (r19d)
            or r19_spoken.mbi_last_part(previous, text)  # "TE5" / "MK75" (r19d)
            or r20.day_after_month(previous, text)  # "born march" / "twelfth 1940" (r20d)
            or r20.mail_middle_after_cue(previous, text)  # "email is x." / "y.z" (r20d)
            or clause_names.name_alone_after_cue(previous, text)  # "my name is" / "Walt" (r21n)
            or clause_names.surname_after_first_alone(previous, text)  # "Walt" / "Kowalski"
            or names_alone.name_answering_question(previous, text)  # "name?" / "Barnaby" (r26b)
            or r21d.day_after_month_alone(previous, text)  # "November" / "18" (r21d)
            or r21d.year_after_month_day(previous, text)  # "April 9" / "1939" (r21d)
            or r21d.ssn_groups_alone(previous, text)  # "512" / "44-8830" (r21d)
            or r21_places.split_part(previous, text, redact)  # "in room" / "214" (r21p)
            or parts_after_cues.part_after_cue(previous, text)  # "her dob" / "4 2 32" (r23s)
            or r26_people.name_asked_for(previous, text)  # "who do I ask for" / "ask for may"
            or id_parts.part_after(previous, text)  # "we live on" / "Larkspur Drive" (r26p)
            or r29p.split_part(previous, text)  # "dob" / "4/", "how far is it" / "from tupelo"
        )
    # "policy number begins with QX" / "then 4471 09"; "member id starts HMX" (i21u)
    if cue.re in (STARTED_ID_AT_END, STARTED_BARE_AT_END):
        return part, ID_MARK
    if _CALL_CUE.match(cue.group("cue")) and _digit_count(part) < 3:
        return None  # "call me back, 203" / "5 more questions": no phone's rest (r13n)
    return part, _split_mark(part, cue.group("cue"))


# A request to be called: the figures after it complete a phone (three at least).
_CALL_CUE = re.compile(r"call|ring|text|reach|contact", re.IGNORECASE)


def _month_after_day(previous: str, text: str) -> tuple[str, str] | None:
    """(the month opening `text` when `previous` ended with a day; the date's mark): "her
    birthday is the 30th" / "of june" (round 11's live replay: "june" stayed)."""
    if not ids.DAY_AT_END.search(previous):
        return None
    month = ids.MONTH_OPENING.match(text)
    return (month.group("month"), DATE_MARK) if month else None


# Round 11 (i21o): "number again is 860 555 0197" / "oops 0179 i mean": four figures that
# correct the phone of the message before.
_PHONE_BEFORE = re.compile(r"\[phone removed\]|\d(?:[\s().\-/]*\d){6,}")


def _corrected_tail(previous: str, text: str) -> tuple[str, str] | None:
    """(four figures of `text` that correct the phone `previous` gave; the phone's mark)."""
    if not (ids.CORRECTION_CUE.search(text) and _PHONE_BEFORE.search(previous)):
        return None
    match = ids.CORRECTED_TAIL.search(text)
    if not match or ids.masked_corrected_tail(match) != PHONE_MARK:
        return None
    return match.group(), PHONE_MARK


def _corrected_house(previous: str, text: str) -> tuple[str, str] | None:
    """(the house number `text` corrects in the address `previous` gave; the address mark)."""
    number = places.corrected_house_number(previous, text, redact)
    return (number, ADDRESS_MARK) if number else None


# Round 17 (r17p): "last 4 of my ss" / "is 5521": the figures the cue at a message's end
# announced open the next message.
_LAST_FOUR_CUE_AT_END = re.compile(
    r"\blast\s*(?:4|four)(?:\s+digits)?\s+(?:of|on)\s+(?:(?:my|his|her|their|our|the)\s+)?"
    r"(?:ssn?|ss#|social(?:\s+security)?)(?:\s+(?:number|no|#))?\W*$",
    re.IGNORECASE,
)
_FOUR_OPENING = re.compile(
    r"^\W*(?:(?:it'?s|it\s+is|is)\s*:?\s*)?(?P<four>\d{4})(?!\w)", re.IGNORECASE
)


# Round 18 (r18p): "do you need dad's social?" / "ok its 123-45" / "-6789", "need his ssn?" /
# "first 5 are 301 27": an SSN's first five alone in a short reply to a message that named the
# SSN, and its last four opening the message after that first five.
_SSN_NAMED = re.compile(
    r"\b(?:ssn|ss#|social(?:\s+security)?)\b(?!\s+(?:worker|media|services?))", re.IGNORECASE
)
_SSN_START_ALONE = re.compile(
    r"^\W*(?:[\w']+,?\s+){0,4}?(?P<part>\d{3}[\s-]?\d{2})[^\w]*$", re.IGNORECASE
)
_SSN_START_AT_END = re.compile(r"(?<![\d-])\d{3}[\s-]\d{2}[^\w]*$")
_SSN_REST_OPENING = re.compile(r"^\s*(?P<part>[-\u2013]?\s*\d{4})(?!\w)")


def _ssn_start_after_cue(previous: str, text: str) -> tuple[str, str] | None:
    """(an SSN's first five ending a short reply to a message naming the SSN; its mark)."""
    if not _SSN_NAMED.search(previous):
        return None
    found = _SSN_START_ALONE.match(text) if len(text) < 60 else None
    return (found.group("part"), SSN_MARK) if found else None


def _ssn_rest_after_start(previous: str, text: str) -> tuple[str, str] | None:
    """(the last four opening `text` when `previous` ended with three and two figures; its
    mark): together the two halves have an SSN's 3-2-4 shape."""
    if not _SSN_START_AT_END.search(previous):
        return None
    found = _SSN_REST_OPENING.match(text)
    return (found.group("part"), SSN_MARK) if found else None


def _last_four_after_cue(previous: str, text: str) -> tuple[str, str] | None:
    """(the four figures opening `text` after "last 4 of my ss" ended `previous`; the SSN's
    mark): the cheap test on `text` first."""
    match = _FOUR_OPENING.match(text)
    if not match or not _LAST_FOUR_CUE_AT_END.search(previous):
        return None
    return match.group("four"), SSN_MARK


# Round 17 (r17p): "he was born on" / "june 9" / "1931": a year alone after a message that
# ended with a date's day is that date's year, kept only when it makes no one 90 or older.
_YEAR_OPENING = re.compile(r"^\W*(?P<year>1[89]\d\d)(?!\w)")


def _old_year_after_date(previous: str, text: str) -> tuple[str, str] | None:
    """(the old year opening `text` when `previous` ended with a day of a date; the date's
    mark); the previous message is redacted only when `text` opens with such a year."""
    match = _YEAR_OPENING.match(text)
    if not match or int(match.group("year")) > datetime.date.today().year - 90:
        return None
    if not ids.DAY_AT_END.search(redact(previous)):
        return None
    return match.group("year"), DATE_MARK


# Round 14 (r14p): "Hi, im writing for my grandmother Ottilie" / "Marchetti-Blaise. She's 86":
# the next message opens with the surname of the kin named at the end of the message before.
SURNAME_OPENING = re.compile(
    r"^\s*(?P<name>[A-Z][\w'\u2019]*(?:-[A-Z][\w'\u2019]*)*)(?=\s*(?:[.,!;:]|$))"
)
# "my grandmother [name]", "my moms name is [name]" (round 16, r16n: "Bartoszewicz" stayed).
_KIN_NAME_AT_END = re.compile(
    rf"\b(?i:{RELATIVE})(?i:[\s-]in[\s-]law)?(?i:['\u2019]?s\s+(?:first\s+)?name(?:\s+is|\s*:)?)?"
    rf"\s+(?:{re.escape(NAME_MARK)}\s*)+\W*$"
)


def _surname_after_kin_name(previous: str, text: str) -> tuple[str, str] | None:
    """(the surname opening `text` after a kin word and a name ended `previous`; the name's
    mark). The surname is hyphenated or in no list of words ("Thanks." stays); the cheap test
    on `text` comes first, so most messages never pay for redacting `previous`."""
    match = SURNAME_OPENING.match(text)
    if not match:
        return None
    name = match.group("name")
    if not ("-" in name or unknown(name, slips=False)):
        return None
    if not _KIN_NAME_AT_END.search(redact(previous)):
        return None
    return name, NAME_MARK


def redact_continuation(previous: str, text: str) -> str:
    """`redact(text)`, with the rest of a detail `previous` broke off masked first."""
    text = spoken_medicare_ids.masked(text, previous)  # "medicare number" / "one E G four, ..."
    if number_forms.may_fold(text) or number_forms.may_fold(previous):  # round 23 (r23d)
        folded = number_forms.fold(text)
        found = continuation(number_forms.fold(previous).text, folded.text)
        if folded.units:
            plain = folded.text.replace(*found, 1) if found else folded.text
            return number_forms.unfolded(folded, redact(plain))
        return redact(text.replace(*found, 1) if found else text)
    found = continuation(previous, text)
    return redact(text.replace(*found, 1) if found else text)


MARKS_PATTERN = re.compile("|".join(re.escape(mark) for mark in MARKS))


def contains_pii(text: str) -> bool:
    """Would `redact` change the text?"""
    return redact(text) != text
