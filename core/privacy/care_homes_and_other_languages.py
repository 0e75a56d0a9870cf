"""Round 18's outside tester: care homes named with their kind, towns after more cues of
where one is from (English, Creole, Portuguese, Vietnamese, Spanish), a Portuguese street,
unaccented Vietnamese, Italian, Portuguese and Creole dates, and Spanish ages over 89.

Why a module of its own: each pattern here is gated (`gates.gated`) on a word its matches
need, so the common message pays a set look-up, not a scan, for all of them."""

from __future__ import annotations

import re

from core.privacy.gates import gated
from core.privacy.identifiers import ADDRESS_MARK, AGE_MARK, DATE_MARK
from core.privacy.places import CARE_KIND, HOSPITAL_TOWNS, place_words, state_or_country

_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_OLD = r"(?:9\d|1[01]\d)"
_CAP_RUN = r"(?P<town>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})"

# "the Sheriden Woods nursing home", "Brightview assisted living", "Masonic Care home",
# "Saint Mary Home", "Bristol Health & Rehab": a capitalised name before the kind of home a
# person stays in is that home's name (an address); "at the nursing home" names none.
_HOME_KIND = (
    r"(?i:nursing\s+home|care\s+home|rest\s+home|group\s+home|assisted\s+living|"
    r"senior\s+living|memory\s+care|rehab(?:ilitation)?|care\s+cent(?:er|re)|home)"
)
CARE_HOME = gated(
    re.compile(
        r"(?P<cue>\b(?i:at|in|into|to)\s+(?:(?i:the)\s+)?)(?!(?i:my|our|his|her|their)\b)"
        # "is it in Physical Rehab" (2026-12-05: masked): a kind of care is no home's name.
        rf"(?!{CARE_KIND}\b)"
        r"(?P<name>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}?)"
        rf"(?=\s+(?:&\s+|and\s+)?{_HOME_KIND}\b)"
    ),
    needles="home living rehab care",
)


# "I'm at the Maplewood assisted living": where the writer is now (a visit) is a labelled
# negative of the corpus; the home of the person cared for ("mom is at ...") is an address.
_WRITER_BEFORE = re.compile(r"\b(?i:i['\u2019]m|i\s+am|we['\u2019]re|we\s+are)\s+$")


# Small words and verbs of a sentence typed in Title Case or capitals are no home's name.
_SMALL_WORDS = (
    "at in to me my the of a an and for on go get come drive take back days day first few is "
    "it be we you your our his her their from with them him us"
)
_NOT_NAME_WORDS = frozenset(_SMALL_WORDS.split())


def _masked_care_home(match: re.Match[str]) -> str:
    """The home's name goes; the writer's own whereabouts, the hospital's own town alone or a
    state stays."""
    name = match.group("name")
    if name.lower() in HOSPITAL_TOWNS or state_or_country(name):
        return match.group()
    if _WRITER_BEFORE.search(match.string, 0, match.start()):
        return match.group()
    if not _NOT_NAME_WORDS.isdisjoint(name.lower().split()):
        return match.group()  # "In The First Few Days At Home", "To Drive Me Home" (Title Case)
    return match.group("cue") + ADDRESS_MARK


# "we're from New Haven", "I'm originally from Ansonia": a known place name after a person's
# "from" ("I'm from Aetna" stays: no place name).
PERSON_FROM = gated(
    re.compile(
        r"(?P<cue>\b(?i:we['\u2019]re|we\s+are|i['\u2019]m|i\s+am|she['\u2019]s|he['\u2019]s)\s+"
        r"(?:(?i:originally|all|both)\s+)?(?i:from)\s+)" + _CAP_RUN
    ),
    words="from",
)
# "nou soti Port-au-Prince" (Creole: we come from), "somos de Governador Valadares"
# (Portuguese/Spanish): a capitalised run after these cues is a town even when unlisted.
FOREIGN_FROM = gated(
    re.compile(r"(?P<cue>\b(?i:soti|somos\s+de|sou\s+de|venho\s+de|viemos\s+de)\s+)" + _CAP_RUN),
    words="soti de",
)
# "kounye a nou nan Hartford" (Creole: now we are in), "ông bà tôi ở Hartford" (Vietnamese:
# my grandparents live in), "soy Ana de Meriden": a known place name after these cues.
FOREIGN_IN = gated(
    re.compile(
        r"(?P<cue>\b(?i:nou\s+nan|li\s+nan|yo\s+nan|mwen\s+nan|ở|o)\s+"
        r"|\b(?i:soy|somos)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s+(?i:de)\s+)" + _CAP_RUN
    ),
    words="nan ở o soy somos",
)


def _masked_known_town(match: re.Match[str]) -> str:
    """A listed place name opening the run; a state, a country, the hospital's town stays."""
    town = match.group("town")
    end = place_words(town)
    place = town[:end]
    if not end or state_or_country(place) or place.lower() in HOSPITAL_TOWNS:
        return match.group()
    return match.group("cue") + ADDRESS_MARK + town[end:]


def _masked_any_town(match: re.Match[str]) -> str:
    """The whole capitalised run (foreign towns are unlisted); a state or country stays."""
    town = match.group("town")
    if state_or_country(town) or town.lower() in HOSPITAL_TOWNS:
        return match.group()
    return match.group("cue") + ADDRESS_MARK


def masked_where(text: str) -> str:
    """Care homes by name, towns after round 18's cues (each gated)."""
    text = CARE_HOME.sub(_masked_care_home, text)
    text = PERSON_FROM.sub(_masked_known_town, text)
    text = FOREIGN_FROM.sub(_masked_any_town, text)
    return FOREIGN_IN.sub(_masked_known_town, text)


def has_where(text: str) -> bool:
    """Does a round 18 cue name a place (the gate for `_has_detail`)?"""
    return masked_where(text) != text


# "moramos na Rua Sete de Setembro 410": a Portuguese street word, its name and number.
PORTUGUESE_STREET = gated(
    re.compile(r"\b(?i:rua|avenida|travessa|alameda)\s+(?:[^\W\d_][\w'.-]*\s+){1,5}?\d{1,5}"
               r"[A-Za-z]?\b"),
    words="rua avenida travessa alameda",
)  # fmt: skip
# "sinh ngay 15 thang 8 nam 1940" (Vietnamese typed without its accents).
PLAIN_VIETNAMESE_DATE = gated(
    re.compile(rf"\bngay\s+{_DAY}\s+thang\s+(?:0?[1-9]|1[0-2])\b(?:\s+nam\s+\d{{4}}\b)?", re.I),
    words="thang",
)
_ITALIAN_MONTHS = (
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"
)
# "caduta il 18 agosto", "nata il 12 marzo 1933".
ITALIAN_DATE = gated(
    re.compile(
        rf"\b{_DAY}\s+(?i:{'|'.join(_ITALIAN_MONTHS.split())})\b(?:\s+(?:del\s+)?\d{{4}}\b)?"
    ),
    words=_ITALIAN_MONTHS,
)
# "ela caiu dia 9", "nasceu no dia 3": a Portuguese day after an event's verb.
PORTUGUESE_DAY = gated(
    re.compile(
        r"(?P<cue>\b(?i:caiu|ca[ií]|nasceu|operou|internou|foi|aconteceu)\s+(?:(?i:no)\s+)?)"
        rf"(?i:dia)\s+{_DAY}\b(?:\s+(?i:de)\s+[^\W\d_]+)?"
    ),
    words="dia",
)
_CREOLE_MONTHS = "janvye fevriye mas avril me jen jiyè jiye out septanm oktòb oktob novanm desanm"
# "nan dat 3 me" (Creole: on the 3rd of May).
CREOLE_DATE = gated(
    re.compile(rf"(?P<cue>\b(?i:dat)\s+){_DAY}(?:\s+(?i:{'|'.join(_CREOLE_MONTHS.split())}))?\b"),
    words="dat",
)
# "mi papá de 91", "mi mamá ya cumplió los 95": a Spanish age over 89.
SPANISH_OLD_AGE = gated(
    re.compile(
        r"(?P<cue>\b(?i:pap[aá]|mam[aá]|abuel[ao]|abuelit[ao]|padre|madre|suegr[ao])\s+"
        r"(?i:de)\s+"
        r"|\b(?i:cumpli[oó]|cumple|cumplir[aá])\s+(?:(?i:los)\s+)?)"
        rf"{_OLD}\b(?!\s*(?:%|kg|lb|libras|kilos|mg))"
    ),
    words="de cumplió cumplio cumple cumplira cumplirá",
)


def date_passes(text: str) -> str:
    """Round 18's streets and dates (the caller tests for a figure)."""
    text = PORTUGUESE_STREET.sub(ADDRESS_MARK, text)
    text = PLAIN_VIETNAMESE_DATE.sub(DATE_MARK, text)
    text = ITALIAN_DATE.sub(DATE_MARK, text)
    text = PORTUGUESE_DAY.sub(lambda m: m.group("cue") + DATE_MARK, text)
    return CREOLE_DATE.sub(lambda m: m.group("cue") + DATE_MARK, text)


def age_passes(text: str) -> str:
    """Round 18's Spanish ages over 89 (the caller tests for a figure)."""
    return SPANISH_OLD_AGE.sub(lambda m: m.group("cue") + AGE_MARK, text)
