"""Patterns for the identifiers patients type besides phones, e-mails and SSNs.

Why: Medicare is one of the page's topics, so patients asking about coverage type their
Medicare number; others give a member id, an address, their age, a date of birth in words.
Each pattern below is one of HIPAA Safe Harbor's identifiers (docs/privacy.md has the table);
each is measured on core/privacy/data/pii_corpus.yml (bench/NOTES.md, "Identifiers (issue 21)").

- Medicare Beneficiary Identifiers per CMS's format (11 characters: digit, letter,
  letter-or-digit, digit, letter, letter-or-digit, digit, letter, letter, digit, digit;
  typed with or without dashes or spaces), and the older HICN (9 digits and a letter).
- Any number after the name of an identifier ("member id", "policy number", "group #",
  "MRN", "account number", "licence number", ...), and any code of 6 or more letters and
  digits holding at least 4 digits (an id typed alone), except amounts with units ("1000mg").
- Street addresses (a house number, a street name and a street word, then optionally the
  unit, city, state and ZIP), P.O. boxes, and ZIP codes after a state or the word "zip".
- Web addresses (with country-code chains: ".ne.jp", ".co.uk") and IP addresses.
- Card numbers: 13 to 19 digits in a row or in groups that pass the Luhn check, whatever
  word comes before them ("phone 4111 1111 1111 1111").
- Ages over 89 (Safe Harbor allows "90 or older" only), said as ages ("aged 91",
  "patient age: 103").
- Dates of birth in words ("March third, nineteen forty-two", "the 4th of July 1938"), and
  any date after "born" or "birthday", even without a year or with two digits for it
  ("born 2 Feb 30").
"""

from __future__ import annotations

import datetime
import ipaddress
import re
from collections.abc import Callable
from pathlib import Path

from core.privacy.alternation import factored, one_of
from core.privacy.gates import gated
from core.privacy.marks import NOT_A_MARK
from core.privacy.number_words import ORDINAL_WORD, TEENS, TENS, UNITS
from core.privacy.service_locations import service_location

ID_MARK = "[ID removed]"
ADDRESS_MARK = "[address removed]"
LINK_MARK = "[link removed]"
AGE_MARK = "[age removed]"
# Here, not in redaction.py, so that names.py can read a masked phone as a cue ("call X at").
PHONE_MARK = "[phone removed]"
EMAIL_MARK = "[email removed]"
SSN_MARK = "[SSN removed]"
DATE_MARK = "[date removed]"

_MBI_LETTER = "[AC-HJKMNP-RT-Ya-hjkmnp-rt-y]"
_MBI_ALNUM = "[AC-HJKMNP-RT-Ya-hjkmnp-rt-y0-9]"
# Between any two characters: nothing, spaces, a dot or a dash ("1 E G 4 T E 5 M K 7 3",
# "1EG4 - TE5 - MK73", "1EG4.TE5.MK73": an outside tester found these stored raw).
_SEP = r"(?:\s+dash\s+|\s*[.-]?\s*)"
MEDICARE = re.compile(
    rf"(?<![\w-])[1-9]{_SEP}{_MBI_LETTER}{_SEP}{_MBI_ALNUM}{_SEP}\d{_SEP}{_MBI_LETTER}{_SEP}"
    rf"{_MBI_ALNUM}{_SEP}\d{_SEP}{_MBI_LETTER}{_SEP}{_MBI_LETTER}{_SEP}\d{_SEP}\d(?![\w-])"
    r"|(?<![\w-])\d{3}-?\d{2}-?\d{4}\s?[A-Za-z]\d?(?![\w-])"  # the old HICN: SSN + letter
)
# After a Medicare / MBI cue anywhere in the message, any 11-character id shape goes, even one
# with a letter CMS leaves out ("my mbi: 2 F H 7 A B 3 C D 4 5", "my wife's is 3HC2-XY7-AB10":
# an outside tester found both raw). Its parts are single characters or hold a digit, so
# words never make one up ("2 T 12 fractures").
# Gated by its own words: every laden message with a figure asked it (measured: 1.3 µs -> 0.2).
MBI_CUE = gated(
    re.compile(r"\b(?:medicare|mbi|hicn|beneficiary)\b", re.IGNORECASE),
    words="medicare mbi hicn beneficiary",
)
# "7 A K 2 dash J N 4 dash W T 6 8" (round 10: raw): the word "dash" is a dash.
_SPOKEN_DASH = r"\s+dash\s+"
MBI_SHAPE = re.compile(
    rf"(?<![\w-])[1-9](?:(?:{_SPOKEN_DASH}|[\s.-])?[A-Za-z0-9]){{10}}(?![\w-])", re.IGNORECASE
)


def masked_mbi_shape(match: re.Match[str]) -> str:
    """MBI_SHAPE's replacement: ID_MARK when the parts look like an id, not words."""
    value = re.sub(_SPOKEN_DASH, "-", match.group(), flags=re.IGNORECASE)
    parts = re.split(r"[\s.-]", value)
    letters = sum(ch.isalpha() for ch in value)
    if letters < 2 or sum(ch.isdigit() for ch in value) < 3:
        return match.group()
    if all(len(part) == 1 or any(ch.isdigit() for ch in part) for part in parts):
        return ID_MARK
    return match.group()


_ID_NAME_WORDS = (
    r"member|subscriber|policy|policy\s+holder|group|grp|medicaid|medicare|mbi|hicn|"
    # "rx bin 610014 pcn 9999 rxgrp ab71" (round 10: the group was left): a pharmacy plan's ids.
    r"rx\s*(?:bin|pcn|grp|group|id)|pcn|"
    r"insurance|insurance\s+card|plan|beneficiary|claim|account|acct|card|credit\s+card|"
    r"debit\s+card|bank\s+account|routing|patient|mrn|medical\s+record|record|chart|"
    r"hospital|case|license|licence|driver'?s?\s+licen[cs]e|dl|passport|certificate|"
    r"vehicle|plate|license\s+plate|vin|serial|device|badge|employee|tricare|va|"
    r"blue\s+cross|aetna|humana|cigna|united\s*healthcare|anthem|kaiser|"
    # "visa ending in 4412": a card's brand is its name (an outside tester found it raw).
    r"visa|mastercard|master\s+card|amex|american\s+express|discover\s+card|"
    # "ref no 2026-IR-004417" (issue 21, fourth outside round): a booking's reference.
    r"ref|reference|booking|confirmation|"
    # "my bill # 33105", "invoice 44812", "handicap placard number 7KXR22" (round 7: raw).
    r"bill|billing|invoice|statement|receipt|placard|tag|permit"
)
_ID_NAME = f"({factored(_ID_NAME_WORDS)})"  # factored: see core/privacy/alternation.py
# The word after an id's name that says a value follows: "member ID", "policy number", "MRN #".
# A substring of every name in _ID_NAME (the gate of CUED_ID and CUED_ID_PREFIX).
_ID_NAME_NEEDLES = (
    "member subscriber policy group grp medicaid medicare mbi hicn rx pcn insurance plan "
    "beneficiary claim account acct card routing patient mrn record chart hospital case "
    "licen dl passport certificate vehicle plate vin serial device badge employee tricare "
    "va blue aetna humana cigna united anthem kaiser visa master amex american discover "
    "ref booking confirmation bill invoice statement receipt placard tag permit driver"
)
_ID_WORD = r"id\b|identification|number\b|num\b|no\b\.?|#"
# "member id W123456789", "policy # AB-1234", "MRN: 00123456", "medicaid number is 1234 5678"
CUED_ID = gated(
    re.compile(
        rf"(?P<head>\b{_ID_NAME}\s*(?:{_ID_WORD}|code\b|nbr\b)?"
        r"\s*(?:is\s+|was\s+|:|=|#|-)?\s*(?:end(?:s|ing)\s+(?:(?:in|with)\s+)?)?)"
        # Dashed parts go with the value whatever they hold ("ABC-DE-12345", "123-456-K"); a
        # letter prefix before groups of digits too ("member id XQH 448 210 937": round 5).
        # The value's first part holds a digit, or is a prefix in capitals or dashed: "hospital
        # near 1142 Farmington Ave" is a street (round 6 found "near 1142" masked as an id).
        r"(?=[A-Za-z-]*\s?\d)(?:(?=[A-Za-z]*\d)[A-Za-z0-9]+|(?-i:[A-Z]{1,4})(?=\s\d)|[A-Za-z]+(?=[-/]))"
        r"(?:[-/][A-Za-z0-9]+|\s(?=[A-Za-z-]*\d)[A-Za-z0-9]+)*",
        re.IGNORECASE,
    ),
    needles=_ID_NAME_NEEDLES,
)
# "member id is X G P dash 4 4 1 2 dash 9 0 7", "my medicaid id is 4 4 7 dash 1 8 5 dash C"
# (round 10: an MBI read aloud was stored raw): an id spoken one character at a time, with
# "dash" for a dash, is one value; it goes after an id's name when it holds 3 figures or more.
SPACED_GATE = re.compile(r"(?<!\w)\w\s+\w\s+\w(?!\w)")
SPACED_ID = re.compile(
    rf"(?P<head>\b{_ID_NAME}\s*(?:{_ID_WORD})?"
    r"\s*(?:is\s+|was\s+|says\s+|:|=|#)?\s*)"
    rf"(?P<value>(?<![\w-])[A-Za-z0-9](?:(?:{_SPOKEN_DASH}|\s*-\s*|\s+)[A-Za-z0-9](?!\w)){{5,}})",
    re.IGNORECASE,
)


def masked_spaced_id(match: re.Match[str]) -> str:
    """SPACED_ID's replacement: the id's name stays, a value with 3 figures or more goes."""
    if sum(ch.isdigit() for ch in match.group("value")) < 3:
        return match.group()
    return match.group("head") + ID_MARK


# "confirmation code for my appointment is KZ7Q42M1" (round 5): words between the code's
# name and its value.
# Gated by the code's names (each a whole word: \b before, a space after); it ran on every
# message with a figure (measured: 0.9 µs -> 0.2 on a laden message with none of them).
_BOOKING_NAMES = "confirmation booking reference ref appointment appt"
BOOKING_CODE = gated(
    re.compile(
        rf"(?P<head>\b(?:{_BOOKING_NAMES.replace(' ', '|')})\s+"
        r"(?:code|number|no\.?|#|ref(?:erence)?)"
        r"(?:[^.?!\d]{0,30}?\b(?:is|was|:)\s*|\s*[:#]?\s*))"
        # "confirmation code QX7T9P from the booking email" (round 6): the code right after its
        # name, before the words that say what it is; letters and digits mixed, 5 or more.
        r"(?=[A-Za-z]*\d)(?=[\d-]*[A-Za-z])[A-Za-z0-9-]{5,}(?![\w-])",
        re.IGNORECASE,
    ),
    words=_BOOKING_NAMES,
)
_UNIT = re.compile(r"^\d+(mg|mcg|ml|cc|iu|kg|lbs?|mm|cm|hrs?|mins?|st|nd|rd|th|s|k)$", re.I)
# A code typed alone: up to 4 letters, 4 or more digits, up to 3 letters ("W123456789",
# "12345678B"), with a letter; not a conversation id or a hash ("c-1234abcd", "3f2a9c1e").
CODE = re.compile(r"(?<![\w-])(?=\w*[A-Za-z])[A-Za-z]{0,4}\d{4,}[A-Za-z]{0,3}(?![\w-])")

_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|"
    "NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR"
)
_STATE_NAMES = (
    r"alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|"
    r"georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|"
    r"massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|"
    r"new\s+hampshire|new\s+jersey|new\s+mexico|new\s+york|north\s+carolina|north\s+dakota|"
    r"ohio|oklahoma|oregon|pennsylvania|rhode\s+island|south\s+carolina|south\s+dakota|"
    r"tennessee|texas|utah|vermont|virginia|washington|west\s+virginia|wisconsin|wyoming|"
    r"puerto\s+rico"
)
# Factored for the patterns (core/privacy/alternation.py); the lists as written for the sets.
_STATES_RE = factored(_STATES)
_STATE_NAMES_RE = factored(_STATE_NAMES)
# For the town rules of other modules: a state's name ("new york", "ohio"), factored.
STATE_NAMES_PATTERN = _STATE_NAMES_RE
_STATE = rf"(?:\b{_STATES_RE}\b\.?|(?i:\b{_STATE_NAMES_RE}\b))"
# The same states as sets, for rules that look a word up rather than match it: the codes in
# lower case, and the names of one word (the two-word ones are matched as pairs).
STATE_CODES = frozenset(_STATES.lower().split("|"))
STATE_NAME_WORDS = frozenset(name for name in _STATE_NAMES.split("|") if "\\s" not in name)
# Codes that are also words or common abbreviations ("ok", "in", "me", "pa"): the town rules
# take them as a state only after a town that says more.
STATE_CODES_THAT_ARE_WORDS = frozenset(
    [
        "al",
        "co",
        "de",
        "hi",
        "id",
        "in",
        "la",
        "me",
        "ma",
        "mo",
        "ms",
        "mt",
        "ne",
        "oh",
        "ok",
        "or",
        "pa",
        "va",
    ]
)
_ZIP = r"\b\d{5}(?:-\d{4})?\b"
# One word of a state's name or abbreviation, in any case (a town's neighbour).
STATE_WORD = re.compile(
    rf"(?i:{_STATES_RE}|{_STATE_NAMES_RE}|new|north|south|west|rhode|island|carolina|dakota|jersey|"
    r"hampshire|mexico|york)"
)
# Street words that say "street" in any case; and those that need a capitalised street name
# before them ("a 2 hour drive" is not an address; "12 Maple Drive" is).
SURE_STREET_WORDS = factored(
    r"street|st|avenue|ave|av|boulevard|blvd|road|rd|lane|ln|dr|ct|pl|cir|ter|terrace|"
    r"parkway|pkwy|highway|hwy|expressway|turnpike|tpke|broadway"
)
UNSURE_STREET_WORDS = factored(
    r"Drive|Way|Place|Court|Circle|Trail|Square|Run|Path|Loop|Row|Plaza|Pike|Walk|Close|"
    # round 9: "14B Kensington Gardens", "40 Ledgecrest Landing", "118 Quarry Heights"
    r"Gardens|Landing|Heights|Mews|Chase|Crescent|Hollow|Ridge|Crossing|Commons|Grove|Rise"
)
_DIRECTION = r"(?:,?\s+(?i:n|s|e|w|ne|nw|se|sw)\b\.?)?"
_UNIT_PART = (
    r"(?:,?\s*(?i:apt|apartment|unit|suite|ste|#|no\.?|room|rm|lot|bldg|floor|fl)\.?\s*#?\s*"
    r"[\w-]+)?"
)
_CITY = r"(?:,?\s+(?:[A-Z][a-z]+\.?\s*){1,3})?"
# After a street, a city in any case counts when a state and ZIP follow ("nw washington dc
# 20500"); a capitalised one when a state does ("Hartford, CT").
_ANY_CITY = r"(?:,?\s+(?:[A-Za-z]+\.?\s*){1,3})?"
_PLACE = (
    rf"(?:{_ANY_CITY},?\s*(?i:{_STATES_RE}|{_STATE_NAMES_RE})\.?\s*,?\s*{_ZIP}"
    rf"|{_CITY},?\s*{_STATE}(?:\s*,?\s*{_ZIP})?|,?\s*{_ZIP})?"
)
_TAIL = rf"{_DIRECTION}{_UNIT_PART}{_PLACE}"
# "room 12 at the st francis", "bed 4", "ward 5 on the 2nd floor": a room in a building is no
# street number (an outside tester found "room 12 at the st" masked as an address).
_ROOM_BEFORE = re.compile(r"\b(?:room|rm|ward|bed|bay)\s*#?\s*$", re.IGNORECASE)
# "17 Rue Lafayette", "4 Calle Mayor": the street word first, then a capitalised name.
_FOREIGN = r"(?:Rue|Calle|Rua|Avenida|Via|Viale|Chemin)\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2}"
STREET = re.compile(
    # "number 31, Wolcott Road": a comma after the number when a capitalised name follows.
    # Round 18 (r18p): a house number and its street's words share a line ("take 1 q6h" /
    # "Dr. Okafor" on a pasted pharmacy label is no "1 ... Dr.").
    rf"(?<![\w-])\d{{1,6}}[A-Za-z]?(?:-\d+)?(?:[^\S\n]+|,\s+(?=[A-Z]))"
    r"(?:(?:[NSEW]|north|south|east|west|n\.|s\.|e\.|w\.)\s+)?"
    rf"(?:(?:[\w'.-]+[^\S\n]+){{0,3}}(?i:(?:{SURE_STREET_WORDS}))\b\.?"
    rf"|(?:[A-Z0-9][\w'.-]*\s+){{1,3}}(?:{UNSURE_STREET_WORDS})\b\.?|{_FOREIGN})"
    rf"{_TAIL}"
)
# "Calle de los Olivos 12, Hartford", "Avenida Paulista 1578", "carrera 15 # 88-64" (round 6:
# the number and street word were stored raw): a Spanish or Portuguese street word, the
# street's name (particles included, any case), then the house number.
FOREIGN_STREET = gated(
    re.compile(
        r"\b(?i:calle|avenida|avda\.?|carrera|cra\.?|rua|camino|paseo|travessa)\s+"
        r"(?:(?i:de|del|la|las|los|el|da|do|dos|das)\s+){0,3}(?:[^\W\d_][\w'.-]*\s+){0,3}?"
        r"(?:(?i:n[º°o]\.?|no\.|#)\s*)?\d{1,5}[A-Za-z]?(?:\s*(?:#|(?i:no\.?|n[º°]))\s*\d+(?:-\d+)?)?"
        rf"(?![\w-]){_TAIL}"
    ),
    "calle avenida avda carrera cra rua camino paseo travessa",
)
# "[address removed] Bristol 06010", "[address removed], 06107": a ZIP after a masked address
# and up to three capitalised words (its town) goes with it (an outside tester found it raw).
ZIP_AFTER_ADDRESS = re.compile(
    re.escape(ADDRESS_MARK) + rf"(?:\s*,?\s+[A-Z][\w'-]*){{0,3}}\s*,?\s*{_ZIP}(?!-?\d)"
)
# "i live at forty two elm street", "my house is twelve oak st": a house number in words after
# a cue of where one lives, before a street's word (issue 21, round 4 leftovers: stored raw);
# "I live on one floor", "two blocks down the road" stay.
_HOUSE_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
_HOUSE_WORD += r"forty|fifty|sixty|seventy|eighty|ninety|hundred)"
_NOT_A_STREET_NAME = (
    r"(?:hours?|hrs?|minutes?|mins?|miles?|blocks?|doors?|streets?|houses?|floors?|steps?|"
    r"of|a|an|the|end|or|and|more|long|short|side|little|bit|way|day|days|weeks?|time)"
)
WORDED_STREET = gated(
    re.compile(
        r"(?P<cue>\b(?i:live[sd]?\s+(?:at|on)|address\s*(?:is|:)|(?:house|home)\s+is|"
        r"(?:we\s+are|we'?re|i'?m|i\s+am)\s+at|located\s+at|reside\s+at|staying\s+at|moved\s+to|"
        r"send\s+(?:it|mail|them|the\s+\w+)\s+to)\s+)"
        rf"(?i:{_HOUSE_WORD}(?:[\s-]+(?:and\s+)?{_HOUSE_WORD}){{0,3}}\s+)"
        # "one hundred twelve Fernwood Drive" (round 5): a capitalised name before Drive, Way...
        rf"(?:(?i:(?:[\w'.-]+\s+){{1,3}}(?:{SURE_STREET_WORDS})\b\.?)|(?:[A-Z][\w'.-]*\s+){{1,3}}(?:{UNSURE_STREET_WORDS})\b\.?"
        # "eighty seven juniper court", "nine willowbrook court" (round 7: raw): after the cue, a
        # lower-case name before any street word, unless it measures a way ("two hours drive").
        rf"|(?i:(?!{_NOT_A_STREET_NAME}\b)[\w'.-]+\s+(?:[\w'.-]+\s+)?(?:{UNSURE_STREET_WORDS}|crescent|cove)\b\.?))"
        rf"{_TAIL}"
    ),
    needles="address",
    words="live lives lived house home at located reside staying moved send",
)
# "apt 4B 220 N Main", "unit 12, 77 Tunxis Mill, bristol" (round 8: the street kept): after a
# masked unit, a house number and one to three capitalised words (a direction may come
# first) are the street even with no street word.
STREET_AFTER_UNIT = re.compile(
    re.escape(ADDRESS_MARK)
    # "from apt 4 at 220 Maple" (round 26, r26b, mix263): "at" / "on" between the unit and the
    # street. Read only by HOUSE_ON's cue before ("address" in the mark), the question log,
    # which redacts the stored turn again, masked the street the transcript kept.
    + r"(?P<at>,?\s+(?:(?i:at|on)\s+)?)\d{1,6}[A-Za-z]?\s+"
    r"(?:(?i:[NSEW]|north|south|east|west)\.?\s+)?"
    r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2}(?![\w'-])"
)


def masked_street_after_unit(match: re.Match[str]) -> str:
    """STREET_AFTER_UNIT's replacement: the unit's mark, "at" / "on" kept, the street's mark."""
    at = match.group("at")
    return ADDRESS_MARK + at + ADDRESS_MARK if at.strip(", \t\n") else ADDRESS_MARK


# "the yellow house on 39 Rockwell", "we live on 112 Fenn" (round 8: the number kept): a house
# number and a capitalised name after "on" / "at" in a clause that speaks of where one lives.
_NOT_A_PLACE_NAME = r"(?:Tylenol|Advil|Aleve|Floors?|Levels?|Hours?|Minutes?|Pills?|Tablets?)\b"
# Gated by a substring of each cue ("liv" for live, lives, lived, living; "resid" for reside...).
HOUSE_ON = gated(
    re.compile(
        r"(?P<cue>\b(?i:house|home|place|live[sd]?|living|we'?re|were|located|staying|reside[sd]?|"
        r"moved|address)\b[^.!?\n\d]{0,25}?\b(?i:on|at)\s+)"
        rf"\d{{1,5}}[A-Za-z]?\s+(?!{_NOT_A_PLACE_NAME})[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){{0,2}}(?![\w'-])"
    ),
    needles="house home place liv we're were located staying resid moved address",
)


def masked_house_on(match: re.Match[str]) -> str:
    """HOUSE_ON's replacement: the cue stays, the number and the street go."""
    return match.group("cue") + ADDRESS_MARK


# "three hundred forty Wolcott rd", "six hundred and five oak street" (round 8: raw with no
# cue before them): a number in words with "hundred" says a house number; then one to three
# words that measure no way and a street's word.
_BETWEEN = (
    r"(?!(?:yards?|feet|ft|meters?|metres?|km|people|patients|up|down|on|to|from|in|at|along|"
    rf"across|by|for|with|my|your|his|her|their|our|{_NOT_A_STREET_NAME[3:-1]})\b)"
)
HUNDRED_STREET = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine)\s+hundred"
    rf"(?:[\s-]+(?:and\s+)?{_HOUSE_WORD}){{0,2}}\s+"
    rf"(?:{_BETWEEN}[\w'.-]+\s+){{1,3}}(?:{SURE_STREET_WORDS})\b\.?{_TAIL}",
    re.IGNORECASE,
)
# "310 avenida Broad, Bristol", "48 calle Orchard" (round 8: raw): the number before a Spanish
# or Portuguese street word, then the street's name in any case.
# Gated by a substring of each street word ("av" for avenida, avda, av.).
NUMBER_FOREIGN_STREET = gated(
    re.compile(
        # "vivimos en el 2217 de la calle Wolcott" (round 10: raw): "de la" before the
        # street's kind.
        r"(?<![\w-])\d{1,5}[A-Za-z]?\s+(?:(?i:de|da|do)\s+(?:(?i:la|el|a|o)\s+)?)?"
        r"(?i:calle|avenida|avda\.?|av\.|carrera|rua|camino|paseo|travessa)"
        r"\s+(?:(?i:de|del|la|las|los|el|da|do|dos|das)\s+){0,3}[^\W\d_][\w'.-]*"
        rf"(?:\s+[A-Z][\w'.-]*){{0,2}}(?![\w'-]){_TAIL}"
    ),
    needles="calle av carrera rua camino paseo travessa",
)
# "apartment 4B", "apt #12": the unit alone is part of an address.
UNIT = gated(
    re.compile(r"\b(?:apartment|apt\.?|unit|suite)\s*#?\s*\d+[A-Za-z]?\b", re.IGNORECASE),
    needles="apartment apt unit suite",
)
# "Box 512, Harwinton" (round 10: raw): a box number without "PO", at the start of a message
# or after "my", "to", "is" or a colon; two figures at least ("is box 2 ok" stays).
BOX = gated(
    re.compile(
        r"(?:(?<![\s\S])\s*|(?<=\b(?i:my) )|(?<=\b(?i:to) )|(?<=\b(?i:is) )|(?<=: ))"
        r"(?i:box)\s*#?\s*"
        # Case matters in the tail: "Harwinton. is mail ok" has no state ("ok" is a word here).
        rf"\d{{2,}}[A-Za-z]?\b{_TAIL}",
    ),
    "box",
)
PO_BOX = re.compile(
    # "PO Bx 4471", "po bix 12", "P.O.B. 9921", "my p o bx is 5510" (round 8: raw): box misspelt
    # or cut short, and "is" or a colon before its number.
    rf"\b(?:p\.?\s*o\.?\s*(?:b[oia]?x\b|b\.(?=\s*#?\s*\d)|b(?=\s*#?\s*\d))"
    rf"(?:\s+is\b|\s*:)?|post\s+office\s+box"
    # Rural and highway contract routes: "rural route 2 box 118", "RR 1 Box 55A", "HC 65 Box 2210".
    rf"|(?:rural\s+route|r\.?\s?r\.?|rte|route|h\.?\s?c\.?|highway\s+contract(?:\s+route)?)"
    rf"\s*#?\s*\d+\s*,?\s*box)\s*#?\s*\d+[A-Za-z]?\b{_TAIL}",
    re.I,
)
# "lot 17 at Sunny Acres mobile home park", "space 14 at Shady Oaks RV park" (round 7: raw):
# a park of mobile homes or RVs is a street, its lot, space or pad the house number. The park's
# name goes with its kind (small words before it stay: "is there an RV park near").
_PARK_KIND = (
    r"(?:mobile\s+home|manufactured\s+home|trailer|rv|caravan|camper|motor\s*home)\s+"
    r"(?:park|court|community|estates?|village|resort|campground|home\s+park)"
)
_NOT_A_PARK_NAME = (
    r"(?:the|a|an|any|some|our|my|this|that|in|at|near|of|to|is|there|nearest|local|good|"
    r"nice|and|or|from|by|on)"
)
# Gated: PARK and WORDED_ZIP try many words at every position. A park's kind opens with one of
# the words below, whole (a space on either side); their regular expression gate cost 3.5 µs
# per laden message (measured: a word gate 0.2).
PARK = gated(
    re.compile(
        r"(?i:\b(?:lot|space|site|pad|trailer|spot|unit)\s*#?\s*\d{1,4}[a-z]?\b"
        r"(?:,?\s+(?:at|in|of|on)\b)?(?:,?\s+[\w'.-]+){0,4}?,?\s+"
        rf"{_PARK_KIND}\b|(?<![\w-])(?:(?!{_NOT_A_PARK_NAME}\b)[A-Za-z][\w'.-]*\s+){{1,3}}{_PARK_KIND}\b)"
    ),
    words="mobile manufactured trailer rv caravan camper motor motorhome",
)
STATE_ZIP = re.compile(rf"{_CITY[3:-2]}?,?\s*{_STATE}\s*,?\s*{_ZIP}")
CUED_ZIP = gated(
    re.compile(
        rf"(?P<cue>\b(?:zip|zipcode|zip\s+code|postal\s+code|postcode)\s*(?:is|:|#)?\s*){_ZIP}",
        re.I,
    ),
    needles="zip postal postcode",
)
# "zip code zero six four eight nine", "my zip is oh six seven eight six" (round 7: raw): five
# digits in words (figures may be mixed in) after the word "zip" or "postal code".
_ZIP_DIGIT = r"(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|\d)"
WORDED_ZIP = gated(
    re.compile(
        r"(?P<cue>\b(?:zip|zipcode|zip\s+code|postal\s+code|postcode)(?:'s)?\s*(?:is|:|#|=)?\s*:?\s*)"
        rf"{_ZIP_DIGIT}(?:[\s,.-]+{_ZIP_DIGIT}){{4}}(?![\w-])",
        re.IGNORECASE,
    ),
    needles="zip post",
)


def masked_worded_zip(match: re.Match[str]) -> str:
    """WORDED_ZIP's replacement: the cue stays, the ZIP goes."""
    return match.group("cue") + ADDRESS_MARK


# "am in 06103 hartford": five digits after "in"/"near"/"from", then a word; the caller keeps
# it when that word is an ordinary one ("in 10000 patients").
ZIP_BEFORE_TOWN = re.compile(
    rf"(?:(?<=\bin\s)|(?<=\bat\s)|(?<=\bnear\s)|(?<=\bfrom\s)){_ZIP}"
    r"(?P<sep>,?\s+)(?P<town>[^\W\d_][\w'-]*)"
)
# "I live at 12 oak hollow, hartford": after an address cue, the rest of the clause.
CUED_ADDRESS = gated(
    re.compile(
        # The cue stays beside the mark ("my zip is [address removed]"): staff read what was asked.
        r"(?P<cue>\b(?:i\s+live\s+at|we\s+live\s+at|lives\s+at|live\s+on|address\s*(?:is|:)?|"
        r"located\s+at|reside\s+at|staying\s+at|send\s+(?:it|mail|them)\s+to)\s+)"
        # "we live on 2 floors" (round 8's negative): a count of floors is no house number.
        r"(?!\d+\s+(?:floors?|levels?|stor(?:e)?ys?|stories|acres?|flights?)\b)"
        r"\d[^.!?;\n]{0,60}?"
        r"(?=[.!?;\n]|\s+(?:and|but|how|what|can|will|is|does|do)\b|$)",
        re.I,
    ),
    needles="\\d",
)
WEB = gated(
    # A link stops where a mark begins (round 19: "[link removed] removed]"; marks.py).
    re.compile(
        rf"\b(?:https?://|www\.)(?:{NOT_A_MARK}[^\s<>\"'])*{NOT_A_MARK}[^\s<>\"'.,;:!?)]",
        re.IGNORECASE,
    ),
    needles="http www.",
)
# A bare domain ("olsenfamily.us/blog"), looked for after e-mail addresses are masked.
# A country-code chain counts too ("docomo.ne.jp", "nhs.co.uk", "example.com.au").
TLD = r"(?:com|org|net|edu|gov|io|me|info|us|co|biz)"
CC_CHAIN = r"(?:co|ne|or|ac|go|gov|com|net|org|edu|gob|nic)\.[a-z]{2}"
DOMAIN = gated(
    re.compile(
        rf"(?<![@\w.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:{CC_CHAIN}|{TLD}(?:\.[a-z]{{2}})?)"
        rf"(?:/(?:{NOT_A_MARK}[^\s<>\"'])*{NOT_A_MARK}[^\s<>\"'.,;:!?)])?(?![\w@])",
        re.IGNORECASE,
    ),
    needles=".co .org .net .edu .gov .io .me .info .us .biz .ne. .or. .ac. .go. .gob. .nic.",
)
# IP's two shapes need a figure, a dot and a figure, or a colon (measured: 1.7 µs per laden
# message with a figure, 0.3 for the test).
IP_FIGURE_DOT = re.compile(r"\d\.\d")
IP = re.compile(
    r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])|\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b", re.I
)
# Compressed IPv6 ("2001:db8:85a3::8a2e:370:7334", "fe80::1"): a candidate with "::", then
# checked by the standard library, so times ("10:30:00") and ratios stay.
IPV6_CANDIDATE = re.compile(r"(?<![\w:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])", re.I)


def masked_ipv6(match: re.Match[str]) -> str:
    """IPV6_CANDIDATE's replacement: LINK_MARK for a real IPv6 address with "::" only."""
    try:
        ipaddress.IPv6Address(match.group())
    except ValueError:
        return match.group()
    return LINK_MARK if "::" in match.group() else match.group()


# "nintey two", "nienty five", "ninty one" (round 16: raw): "ninety" as it is mistyped; no
# other number word is spelled so ("nineteen" has no "y" after its "t").
NINETY = r"n(?:ine?|ien)te?y"
_OLD = (
    # "9O years old" (round 16: raw): a letter O typed for the zero.
    rf"(?:9\d|9O|1[01]\d|{NINETY}(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|(?:one|a)\s+hundred(?:\s+and\s+(?:one|two|three|four|five|ten))?"
    # "tiene noventa y tres años" (round 5)
    r"|noventa(?:\s+y\s+(?:uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve))?|cien(?:to\s+\w+)?)"
)
_NOT_AN_AGE = (
    # "ninety-nine dollars": not "ninety" alone either, once the whole number was refused.
    r"(?![\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)"
    r"(?!\s*(?:%|percent|min|minutes|hours|days|mg|lbs?|pounds|kg|miles|dollars|bucks|cents|"
    r"degrees|meters|metres|feet|steps))"
)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june|july|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|christmas|easter"
)
_UNITS_OF_AGE = r"one|two|three|four|five|six|seven|eight|nine|y\s+\w+"
# Cheap tests first: AGE and STATE_ZIP try many alternatives at every position of the text.
AGE_GATE = gated(
    re.compile(r"\b(?:9[\do]|1[01]\d)(?!\d)|ninet|nint|nient|hundred|noventa|cien", re.IGNORECASE),
    needles="\\d ninet nint nient hundred noventa cien",
)
ZIP_GATE = re.compile(r"\b\d{5}\b")
# The cue stays ("my father is [age removed]"); the age goes.
AGE = re.compile(
    # "92 this year"; "tiene 95 años", "tem 95 anos", "ma 95 lat" (issue 21, fourth round).
    rf"\b(?P<age>{_OLD})\s*-?\s*(?:years?|yrs?|y\.?\s?o\b\.?|year-old|this\s+year\b"
    r"|(?:años|anos|anni|ans|lat|jahre)\b"
    # "92 last month", "98 this spring", "97 in june" (round 7: raw): an age said with when.
    rf"|(?:this|last|next)\s+(?:month|week|spring|summer|fall|autumn|winter|{_MONTHS})\b"
    rf"|in\s+(?:may|{_MONTHS})\b)"
    rf"|\b(?P<cue>(?:i'?m|i\s+am|she'?s|he'?s|she\s+is|he\s+is|who\s+is|is\s+now|aged?|"
    # "she'll be ninety-one in march", "will be 92 next month"
    rf"(?:'ll|will)\s+be|(?:going\s+to|gonna)\s+be|"
    rf"turning|turned|turns|turn|now|is|was)\s+){_OLD}\b{_NOT_AN_AGE}"
    # "patient age: 103", "Age = 97", "age - 91" (an outside tester found the first raw).
    # After the label the number is the age whatever follows it ("age: 90 %").
    rf"|\b(?P<label>age\s*(?:[:=]|-(?!\d))\s*){_OLD}\b"
    rf"|(?<=,)\s*{_OLD}\s*(?=,)"
    # "is it risky at 91", "safe at 95?": a second mention after "at", before the clause ends.
    r"|\b(?P<at>at\s+)(?:9\d|1[01]\d)(?=\s*(?:[?!.,;)]|$)|\s+(?:should|is|can|could|does|will|"
    r"would|she|he|i|is|are|too)\b)"
    # "at ninety-six should she even bother" (round 7: raw): in words, whatever follows.
    # A round "at ninety" alone stays ("am i too old to have it at ninety": the corpus's).
    rf"|\b(?P<at_words>at\s+)(?:(?:{NINETY}|noventa)[\s-]+(?:{_UNITS_OF_AGE})|(?:one|a)\s+hundred"
    rf"(?:\s+and\s+\w+)?|cien\w*)\b{_NOT_AN_AGE}"
    # "she just had her 93rd", "my aunt's 96th was in may" (round 7: raw): an ordinal after
    # whose it is.
    r"|\b(?P<whose>(?:her|his|my|their|your|our|[^\W\d_]+['\u2019]s)\s+)(?:9\d|1[01]\d)(?:st|nd|rd|th)"
    r"(?!\s+(?:percent|percentile|day|floor|street|st|time|place)\b)"
    # "his 100th birthday", "her ninety-fifth bday" (round 6: stored raw): an ordinal birthday.
    r"|\b(?P<nth>(?:9\d|1[01]\d)(?:st|nd|rd|th)|ninetieth|ninety[\s-](?:first|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth)|(?:one\s+|a\s+)?hundredth"
    r"|(?:one\s+)?hundred\s+(?:and\s+)?(?:first|second|third|fourth|fifth))"
    r"(?=\s+(?:birthday|bday|b-day|birthday\s+party)\b)",
    re.IGNORECASE,
)


# "(Lakshmi Venkataraman, 93)", "[name removed], 92,", "[name removed] (94)": a number of 90
# or more right after a masked name, before a bracket, comma or the end, is that person's
# age (run after names).
AGE_AFTER_NAME = re.compile(
    r"(?P<cue>\[name removed\]\s*[,(]\s*)" + rf"{_OLD}\b{_NOT_AN_AGE}(?=\s*[),;.]|\s*$)",
    re.IGNORECASE,
)


def masked_age(match: re.Match[str]) -> str:
    """AGE's replacement: the words around the age stay."""
    if match.groupdict().get("nth"):
        return AGE_MARK
    if match.groupdict().get("age"):
        return AGE_MARK + match.group()[match.end("age") - match.start() :]
    kept = (
        match.group("cue")
        or match.group("label")
        or match.group("at")
        or match.group("at_words")
        or match.group("whose")
    )
    return (kept or " ") + AGE_MARK


# The number words are listed once, in core/privacy/number_words.py (round 25, r25m).
_ORDINAL_WORD = ORDINAL_WORD
_TENS = TENS
_UNITS = UNITS
_TEENS = TEENS
_YEAR_WORDS = (
    rf"(?:nineteen|twenty)\s+(?:hundred\s+(?:and\s+)?)?"
    rf"(?:{_TENS}(?:[\s-]?{_UNITS})?|{_TEENS}|oh[\s-]{_UNITS})"
)
# A month's name ends where its word does: "9 decades", "3 janvye", "12 marca" hold no "dec",
# "jan" or "mar" (round 16: "[date removed]ades"); a figure may follow ("nov18").
# MONTH_NAME is the names alone (an alternation), for the date rules of other modules (one
# list: round 25, r25m); "sepember", the slip the call-back's time answers read, is one too.
MONTH_NAME = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH = rf"(?:{MONTH_NAME})(?:\.|(?![^\W\d_]))"
_DAY = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{_ORDINAL_WORD}|{_UNITS}|{_TEENS}|ten"
    rf"|twenty(?:[\s-]{_UNITS})?|thirty(?:[\s-]one)?)"
)
_YEAR = rf"(?:\d{{4}}|'\d{{2}}|{_YEAR_WORDS})"
# After "born" / "DOB" a two-digit year is a year too ("born 2 Feb 30": an outside tester
# found the "30" left), unless a unit says it is something else ("born Feb 2 30 weeks early").
_BIRTH_YEAR = (
    rf"(?:{_YEAR}|\d{{2}}(?![\d:])(?!\s*(?:weeks?|wks?|days?|hours?|hrs?|mins?|minutes?|"
    r"years?|yrs?|months?|%|am|pm)\b))"
)
WORDED_DATE = gated(
    re.compile(
        rf"\b(?:{_MONTH}\s+(?:the\s+)?{_DAY},?\s+(?:of\s+|in\s+)?{_YEAR}"
        rf"|(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(?:of\s+|in\s+)?{_YEAR})\b",
        re.IGNORECASE,
    ),
    "jan feb mar apr may jun jul aug sep oct nov dec",
)
# Dates without a year (Safe Harbor removes every element of a date but the year): "fall on
# 2 december", "on the 3rd of november", "19 Oct", "(Dec 1st)", "on 12/15", "my MRI from
# 11/20", "exp 09/28" (an outside tester found each raw in the fourth round). Figures with a
# slash count only after a date's cue, so pain scores ("8/10") and levels ("T12/L1") stay;
# "may" only after a cue ("2 may help" is no date).
_MESES = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    r"noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|"
    r"dezembro)"
)
_HOLIDAY = (
    r"(?:christmas(?:\s+(?:eve|day))?|new\s+year'?s(?:\s+(?:eve|day))?|valentine'?s(?:\s+day)?|"
    r"halloween|thanksgiving(?:\s+day)?|independence\s+day|(?:the\s+)?(?:4th|fourth)\s+of\s+july|"
    r"st\.?\s+patrick'?s\s+day|easter(?:\s+(?:sunday|monday))?)"
)
# A day's figures end there: "born March 1933" is a month and a year, not "March 19" and a
# raw "33" (round 14's outside tester).
_DAY_FIGURE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?(?!\d)|{_ORDINAL_WORD})"
_MONTH_NOT_MAY = _MONTH.replace("may|", "")
_DATE_CUE = (
    r"\b(?:on|from|since|dated|by|until|till|before|after|"
    # "my procedure is scheduled for 12/18" (round 5): a cue of an appointment makes it a date.
    r"(?:scheduled|booked|set|planned|due|appointment|appt)(?:\s+(?:is\s+)?(?:for|on))?)\s+"
    r"(?:the\s+)?"
)
YEARLESS_DATE = gated(
    re.compile(
        # Every alternative starts a word: said once first, the engine skips every other place
        # without trying them (twice as fast: bench/NOTES.md, "Gates that ask only ...").
        rf"\b(?=\w)(?:(?P<cue>{_DATE_CUE})(?:{_DAY_FIGURE}\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+(?:the\s+)?{_DAY_FIGURE}"
        r"|(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])"
        # "called me on 10-17" (round 6): with a dash, two digits on one side at least and the
        # clause ending after it ("from 1-2 hours", "from 10-12 weeks" stay).
        r"|(?:(?:0[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])|(?:0?[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))"
        r"(?=\s*(?:[,.;:!?)]|$|\s+(?:and|when|but|so|at|i|we|he|she|it|with|about|then)\b)))"
        r"(?![\w/])"
        rf"|\b(?:{_DAY_FIGURE}\s+(?:of\s+)?{_MONTH_NOT_MAY}|{_MONTH_NOT_MAY}(?:(?<=\.)\s*|\s+)(?:the\s+)?{_DAY_FIGURE})"
        # "(nov.18)" (round 10: raw): the dot of an abbreviation may stand for the space.
        # "born march '52", "june '41" (round 10: raw; a curly apostrophe too): a month, a
        # two-digit year.
        rf"|\b{_MONTH}\s+['\u2019\u2018]\d{{2}}"
        r"(?![\w/])"
        # "el 9 de diciembre", "5 de mayo de 1940" (round 5): Spanish and Portuguese dates.
        rf"|\b\d{{1,2}}\s+de\s+{_MESES}(?:\s+(?:de|del)\s+\d{{4}})?\b"
        # "on sunday the 14th", "on the 27th of last month", "an xray on the 2nd".
        r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b"
        r"|(?P<on>\bon\s+the\s+)\d{1,2}(?:st|nd|rd|th)(?:\s+of\s+(?:last|this|next|the)\s+month)?"
        r"(?=\s*(?:[,.;:!?)]|$|\s+(?:and|when|but|so|at|in|i|we|he|she|my|his|her|of|it)\b))"
        # "born in 1931, on christmas eve": a holiday after "born" is a date of birth.
        rf"|(?P<born>\bborn\b[^.?!]{{0,40}}?\bon\s+){_HOLIDAY}"
        r"|(?P<expiry>\b(?:exp(?:ires|iry|iration)?(?:\s+date)?|valid\s+(?:thru|through|until))\.?"
        r"\s*:?\s*)(?:(?:0?[1-9]|1[0-2])\s*/\s*(?:\d{4}|\d{2})"
        # "visa exp 0329" (round 10: raw): month and year without the slash.
        r"|(?:0[1-9]|1[0-2])\d{2})(?![\w/]))",
        re.IGNORECASE,
    ),
    # What each alternative needs, not any figure (the gate opened for every message with one;
    # measured: 2.7 µs per laden message with a figure, half of them now skip it): a month,
    # "/" or "-" between figures, "de" before a Spanish month, a weekday's "day", "on the",
    # "born", "exp" or "valid".
    needles="jan feb mar apr may jun jul aug sep oct nov dec born / - day exp val",
    words="on de",
)
# "the fall happened 11/3", "the MRI was 11/19", "he fell 9/27", "got worse 10/9" (round 8:
# raw): a month and day after a word of an event, not only after "on" / "since". A dose ("1/2
# tablet") stays; a score out of ten stays when the message speaks of pain (`masked_event_date`).
# "discharged 11/29", "mri 11/20 showed", "ct scan 10/30", "surgery was 9-14" (round 10: raw):
# a clinical event's noun or verb right before the date is a cue too, with a slash or a dash.
_EVENT_NOUN = (
    r"(?:mri|scan|x-?\s?rays?|xray|ct|cat\s+scan|ct\s+scan|pet\s+scan|bone\s+scan|dexa|surgery|"
    r"procedure|operation|op|biopsy|vertebroplasty|kyphoplasty|injection|appointment|appt|"
    r"consult|follow-?up|fall|injury|fracture|accident|visit|er\s+visit|admission)"
)
EVENT_DATE = re.compile(
    r"(?P<cue>\b(?:fell|fall\s+was|happened|occurred|started|starts|began|begun|broke|cracked|"
    r"injured|hurt|worse|better|discharged|admitted|operated|seen|released|"
    rf"{_EVENT_NOUN}(?:\s+(?:was|is|were|done|taken|happened))?"
    r"(?:\s+on)?)\s+(?:(?:it|on)\s+)?)"
    r"(?P<month>0?[1-9]|1[0-2])\s*(?P<sep>[/-])\s*(?P<day>0?[1-9]|[12]\d|3[01])(?![\w/-])"
    r"(?!\s*(?:tabs?|tablets?|pills?|caps?|capsules?|doses?|mg|ml|cups?|hours?|hrs?|of|"
    r"min(?:ute)?s?|days?|weeks?|wks?|months?|years?|yrs?|times?|levels?|"
    # "appointment 10-11 am" (2026-12-05: stored as a date): a time of day.
    r"vertebrae|fractures?|scale|am|pm|a\.m|p\.m|o['\u2019]?clock)(?![^\W\d_]))",
    re.IGNORECASE,
)
_PAIN_TALK = re.compile(r"\b(?:pain|score|scale|rate|rated|level|hurts?)\b", re.IGNORECASE)


def masked_event_date(match: re.Match[str], mark: str) -> str:
    """EVENT_DATE's replacement: the cue stays, the date goes; "worse 9/10" in a message about
    pain is a score."""
    if match.group("day") == "10" and _PAIN_TALK.search(match.string):
        return match.group()
    return match.group("cue") + mark


# "dob is june" / "the 8th 1941" (round 6: a date of birth split over two messages; the
# month was stored raw): a month alone after a cue of birth, at the end of the message or
# clause; and a day's ordinal with a year ("the 8th 1941", "21st, 1938").
BIRTH_MONTH = gated(
    re.compile(
        r"\b(?=\w)(?:(?P<cue>\b(?:dob|d\.o\.b\.?|born|birthday|birth\s*date|date\s+of\s+birth)"
        r"(?:\s+(?:is|was|in|on|:))*\s*:?\s*)"
        # "born March 1960": the month goes, a year that makes no one 90 stays (Safe Harbor).
        rf"{_MONTH}(?=\s*(?:[,.;!?]|$|\s+(?:and|but|i|so)\b|,?\s+(?:of\s+)?(?:19|20)\d{{2}}\b))"
        rf"|\b(?:the\s+)?{_DAY_FIGURE},?\s+(?:of\s+)?(?:19|20)\d{{2}}\b)",  # \b(?=\w): as above
        re.IGNORECASE,
    ),
    "\\d dob d.o.b born birth",
)
# "back in september on the 21st" (round 6: the day was masked, the month kept): a month
# right before a masked day goes with it.
MONTH_BEFORE_DATE = re.compile(
    rf"\b{_MONTH_NOT_MAY},?\s+(?:(?:on|around|about|near)\s+)?(?:the\s+)?(?=\[date removed\])",
    re.IGNORECASE,
)
DATE_WORDS = gated(
    re.compile(
        r"\b(?:january|february|march|april|june|july|august|september|october|november|december|"
        rf"{_MESES})\b",
        re.IGNORECASE,
    ),
    words=(
        "january february march april june july august september october november "
        "december enero febrero marzo abril mayo junio julio agosto septiembre setiembre "
        "octubre noviembre diciembre janeiro fevereiro março maio junho julho setembro "
        "outubro novembro dezembro"
    ),
)
# "doce de marzo de mil novecientos cuarenta" (round 7: raw): a Spanish or Portuguese day in
# words before "de" and a month, with a year in words or figures if any.
_DIA = (
    r"(?:primero|uno|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|"
    r"catorce|quince|dieci\w+|veinte|veinti\w+|treinta(?:\s+y\s+uno)?|um|primeiro|"
    r"quatro|sete|oito|nove|dez|onze|doze|treze|quatorze|catorze|quinze|dezesseis|dezessete|"
    r"dezoito|dezenove|vinte(?:\s+e\s+\w+)?|trinta(?:\s+e\s+um)?)"
)
_NUM_ES = (
    r"(?:y|e|uno|una|um|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|veinte|treinta|"
    r"cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|quatro|sete|oito|nove|vinte|trinta|"
    r"quarenta|cinquenta|sessenta|setenta|oitenta|noventa|dieci\w+|veinti\w+)"
)
SPANISH_DATE = re.compile(
    rf"\b{_DIA}\s+de\s+{_MESES}"
    rf"(?:\s+(?:de|del)\s+(?:\d{{4}}|mil\s+(?:novecientos|novecentos)(?:\s+{_NUM_ES}){{0,3}}))?\b",
    re.IGNORECASE,
)


# "is the clinic open on the 4th of July?" (round 21: masked): the holiday is nobody's date
# by itself; after a cue of birth or of an event ("fell on the 4th of july") the holiday rules
# (disguised_dates_ids_and_contacts.HOLIDAY_DATE) mask it.
_INDEPENDENCE_DAY = re.compile(r"(?:(?:4th|fourth)\s+of\s+july|july\s+4(?:th)?)\W*", re.I)


def masked_yearless_date(match: re.Match[str], mark: str) -> str:
    """YEARLESS_DATE's replacement: the cue stays ("on", "exp"), the date goes."""
    kept = match.group("cue") or match.group("expiry") or match.group("on") or ""
    if kept and _INDEPENDENCE_DAY.fullmatch(match.group()[len(kept) :]):
        return match.group()
    return (kept or match.group("born") or "") + mark


_NUMBER = rf"(?:\d{{1,4}}|{_ORDINAL_WORD}|{_TENS}(?:[\s-]{_UNITS})?|{_TEENS}|{_UNITS}|oh|zero)\b"
BIRTH_DATE = gated(
    re.compile(
        # "her bday is 4 / 17", "b-day 11 / 2" (round 8: raw): spaces round the slash.
        rf"\b(?:born(?:\s+on)?|(?:birthday|b-?day|bd)(?:\s+is)?|birth\s*date(?:\s+is)?|date\s+of\s+birth(?:\s+is)?|"
        rf"dob|d\.o\.b\.?)[\s:,-]*(?:(?:is|was|on)\s+)?(?:the\s+)?"
        rf"(?:(?:{_MONTH}\s+(?:the\s+)?{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH}"
        rf"|\d{{1,2}}\s*[/.-]\s*\d{{1,2}})(?:,?\s+(?:of\s+|in\s+)?{_BIRTH_YEAR}|[/.-]\d{{2}}(?!\d))?"
        # The year first ("nineteen forty one march the fourth"), or figures in a row, in words
        # or digits ("four three forty one", "3 4 1941"): an outside tester found them raw.
        rf"|{_YEAR},?\s+{_MONTH}\s+(?:the\s+)?{_DAY}"
        rf"|{_NUMBER}(?:[\s,/.-]+{_NUMBER}){{1,5}})\b",
        re.IGNORECASE,
    ),
    "born birth bd b-day dob d.o.b",
)


# 13 to 19 digits, alone or in groups of 4 (Amex 4-6-5) split by spaces or dashes.
CARD = re.compile(r"(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])")
CARD_MARK = ID_MARK


def _luhn(digits: str) -> bool:
    """The check digit every payment card number carries (ISO/IEC 7812)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def masked_card(match: re.Match[str]) -> str:
    """CARD's replacement: a Luhn-valid number is a card's, whatever its label said; any
    other run is left for the phone patterns (which mask it as a phone)."""
    digits = "".join(ch for ch in match.group() if ch.isdigit())
    return CARD_MARK if len(set(digits)) > 1 and _luhn(digits) else match.group()


# "paid by debit 4539 7712 0043 8816", "the visa, 4539 ..." (round 13, r13n: "[phone
# removed]"; "over the phone with my visa 4539 7712 0043 8816" left "8816"): after a card's
# brand or "card", 13 to 19 figures are its number whatever the Luhn check says (a mistyped
# card number is still the patient's). The words are the cheap test before the pattern.
CARD_CUES = ("visa", "master", "amex", "american express", "discover", "card", "debit", "credit")
CUED_CARD = re.compile(
    r"(?P<head>\b(?:visa|master\s*card|amex|american\s+express|discover|card|debit|credit)\b"
    r"[^\d\n?!]{0,20}?)(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])",
    re.IGNORECASE,
)


def masked_street(match: re.Match[str]) -> str:
    """STREET's replacement: ADDRESS_MARK, unless a room's word is right before the number."""
    if _ROOM_BEFORE.search(match.string, max(0, match.start() - 8), match.start()):
        return match.group()
    if _AGE_BEFORE.search(match.string, max(0, match.start() - 8), match.start()):
        return match.group()  # "age: 90 CT" is an age before a state, not "90 Court"
    return ADDRESS_MARK


_AGE_BEFORE = re.compile(r"\bage[ds]?\s*[:=-]?\s*$", re.IGNORECASE)


def masked_worded_street(match: re.Match[str]) -> str:
    """WORDED_STREET's replacement: the cue stays, the address goes."""
    return match.group("cue") + ADDRESS_MARK


def masked_code(match: re.Match[str]) -> str:
    """CODE's replacement: an amount with its unit stays."""
    return match.group() if _UNIT.match(match.group()) else ID_MARK


def masked_cued_id(match: re.Match[str]) -> str:
    """CUED_ID's replacement: the identifier's name stays ("member id"), its value goes.

    A value of fewer than 3 digits is no identifier ("the plan 2 weeks after").
    """
    value = match.group()[len(match.group("head")) :]
    if _AMOUNT_AFTER.match(match.string, match.end()):
        return match.group()  # "the bill was 2500 dollars"
    # "my permit is 4GHT9" (round 7): letters and digits mixed make a code with fewer digits.
    mixed = len(value) >= 5 and value.isalnum() and not value.isdigit() and not _UNIT.match(value)
    # "rxgrp ab71" (round 10): a pharmacy plan's group, bin or pcn is short; any value goes.
    pharmacy = _PHARMACY_CUE.match(match.group("head")) and not value.strip().isdigit()
    if sum(ch.isdigit() for ch in value) < 3 and not mixed and not pharmacy:
        return match.group()
    return match.group("head") + ID_MARK


_PHARMACY_CUE = re.compile(r"rx|pcn", re.IGNORECASE)


_AMOUNT_AFTER = re.compile(r"\s*(?:dollars?|usd|bucks|cents?|euros?|pounds?)\b", re.IGNORECASE)
# "BCBS member # XKP 884 21 9987" (round 7): the digits were masked as an SSN or a phone first;
# the id's letters before that mark go with it (small words after the id's name stay).
CUED_ID_PREFIX = gated(
    re.compile(
        rf"(?P<head>\b{_ID_NAME}\s*(?:id\b|identification|number\b|num\b|no\b\.?|#|nbr\b)?"
        r"\s*(?:is\s+|was\s+|:|=|#|-)?\s*)"
        r"(?!(?:is|was|no|id|num|nbr|number|for|to|at|on|and|or|in|my|of|the|me)\b)"
        r"(?!(?:are|says?|said|reads?)\b)"  # "plate says [ID removed]" (round 11, i21p)
        # "Su número de Medicaid es [phone removed]": a verb or small word in Spanish, Portuguese
        # or German is no id's letters (a second pass took "es").
        r"(?!(?:es|era|son|de|del|el|la|su|mi|que|y|ist|war|da|do|um|uma)\b)"
        r"[A-Za-z]{1,4}"
        r"\s+\[(?:SSN|ID|phone) removed\]",
        re.IGNORECASE,
    ),
    needles=_ID_NAME_NEEDLES,
)


def masked_id_prefix(match: re.Match[str]) -> str:
    """CUED_ID_PREFIX's replacement: the id's name stays, its letters and digits go."""
    return match.group("head") + ID_MARK


def masked_booking_code(match: re.Match[str]) -> str:
    """BOOKING_CODE's replacement: a code of letters and digits is one however few digits it
    holds ("QX7T9P"); its name stays."""
    return match.group("head") + ID_MARK


# Round 9 (issue 21): rules for whole classes of numbers instead of one more cue each round.
# Any number of 5 digits or more typed alone (or a ZIP+4) is an identifier here -- a ZIP, an
# MRN, a wristband or a bill's number ("we're in the 06762 area", "MR# 55102") -- unless it
# is money, or a measurement or dose with its unit after it. A year has 4 digits; a phone's
# 7 or more digits are masked as a phone before this runs.
# LONG_NUMBER and CODE need four figures in a row: one scan for them first (measured: 0.4 µs
# against 4.5 for the two patterns on a laden message that has none).
FOUR_FIGURES = re.compile(r"\d{4}")
LONG_NUMBER = re.compile(r"(?<![\w$£€.,/:-])\d{5,}(?:-\d{4})?(?![\w$%/:-]|[.,]\d)")
_MEASURE_AFTER = re.compile(
    r"\s*(?:dollars?|usd|bucks|cents?|euros?|pounds?|steps?|mg|mcg|ml|cc|iu|units?|mm|cm|"
    r"calories|kcal|feet|ft|miles?|meters?|metres?|km|kg|lbs?|people|patients|procedures|"
    r"cases|times|vertebra\w*|words|views|visits|members|gy|mgy|rads?)\b",
    re.IGNORECASE,
)


_BILLING_CODE_BEFORE = re.compile(r"\b(?:cpt|hcpcs|icd(?:-?10)?|drg)\b", re.IGNORECASE)


def masked_long_number(match: re.Match[str]) -> str:
    """LONG_NUMBER's replacement: an amount or a measure with its unit stays, and a
    procedure's billing code ("CPT 22510 or 22511") is the hospital's, not the patient's."""
    if _MEASURE_AFTER.match(match.string, match.end()):
        return match.group()
    before = match.string[max(0, match.start() - 30) : match.start()]
    return match.group() if _BILLING_CODE_BEFORE.search(before) else ID_MARK


# "last 4 of my ss are 3382", "debit card last digits 7781", "visa that ends 0092": four
# digits after a cue that says they end a longer number are that number's part, whatever the
# number is (SSN, card, account). A year after "ends in" stays unless a number's word is near.
LAST_DIGITS = re.compile(
    r"\b(?P<cue>last\s+(?:4|four)(?:\s+digits)?|last\s+digits|end(?:s|ing)?)\b"
    r"(?P<gap>(?:(?!\b(?:at|by|on|around|after|before)\b)[^.?!\d\n]){0,30}?)"
    r"(?P<digits>\d{4})(?![\w:/.-]|\s*(?:am|pm|a\.m|p\.m|hrs?|hours?)\b)",
    re.IGNORECASE,
)
_NUMBER_WORD = re.compile(
    r"\b(?:card|ss|ssn|soc|social|visa|mastercard|amex|account|acct|debit|credit|number|digits|"
    r"last)\b",
    re.IGNORECASE,
)


def masked_last_digits(match: re.Match[str]) -> str:
    """LAST_DIGITS's replacement: the cue stays, the digits go."""
    digits = match.group("digits")
    head = match.group()[: match.start("digits") - match.start()]
    if re.fullmatch(r"19\d\d|20\d\d", digits) and not _NUMBER_WORD.search(head):
        return match.group()  # "my lease ends in 2027"
    return head + ID_MARK


# "car reg is KX19 VRT", "my registration is RT52 KLM", "plate 7KXR22": a vehicle's
# registration after its cue (letters and digits mixed, in capitals), and the UK shape anywhere.
PLATE = re.compile(
    r"(?P<head>\b(?i:reg|registration|plates?|number\s+plate|licen[cs]e\s+plate|tag)\b"
    r"(?:\s+(?i:is|number|no\.?|#|:|was))*\s*:?\s*)"
    r"(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{2,4}(?:[ -]?[A-Z0-9]{2,4})?(?![\w-])"
    r"|(?P<uk>\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b)"
)


# PLATE runs when a cue's last word (whole: \b on either side) or the UK shape's start is there
# (measured: 1.9 µs per laden message with a figure, 0.6 through the two tests).
PLATE_CUE_WORDS = frozenset({"reg", "registration", "plate", "plates", "tag"})
UK_PLATE_START = re.compile(r"[A-Z]{2}\d{2}")


def masked_plate(match: re.Match[str]) -> str:
    """PLATE's replacement: the cue stays, the plate goes."""
    return ID_MARK if match.group("uk") else match.group("head") + ID_MARK


# Round 11 (i21p): classes of numbers an outside tester (/work/tools/t21r11b) found raw.
# "cvv 381", "security code is 918", "CVC: 0442": a card's 3-4 digit code after its name.
CARD_CODE = re.compile(
    r"(?P<head>\b(?:cvv2?|cvc2?|cvn|csc|cid|(?:card\s+)?security\s+code|card\s+code|"
    r"verification\s+code|c[óo]digo\s+de\s+seguridad)\b[^.?!\d]{0,20}?)\b\d{3,4}\b",
    re.IGNORECASE,
)
# "BH-55821K", "33081-B", "7712-AB-3", "2025-CV-3318", "RN.088213": letters and digits joined
# by dashes or dots, with 5 figures or more, are an id typed alone (a mid-2025 or COVID-19
# has fewer); after an id's name ("license is RN.0882") 3 figures are enough.
JOINED_GATE = re.compile(r"\d[.-][A-Za-z]|[A-Za-z][.-]\d")
JOINED_CODE = re.compile(
    rf"(?P<head>\b(?:{_ID_NAME}|number|file|docket|expediente|p[óo]liza|afiliado)\s*"
    rf"(?:{_ID_WORD})?\s*(?:is\s+|was\s+|:|=|#)?\s*)?"
    r"(?<![\w.-])(?=[\w.-]*[A-Za-z])[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)+(?![\w-]|\.\w)",
    re.IGNORECASE,
)


def masked_joined_code(match: re.Match[str]) -> str:
    """JOINED_CODE's replacement: an id's name stays, a value with enough figures goes; a
    procedure's billing code ("CPT-22510") is the hospital's."""
    head = match.group("head") or ""
    value = match.group()[len(head) :]
    digits = sum(ch.isdigit() for ch in value)
    if digits < (3 if head else 5) or _BILLING_CODE_BEFORE.match(value):
        return match.group()
    return head + ID_MARK


# "file number 7712AB", "docket no. 25CV33": any "<word> number" with letters and digits mixed.
NUMBER_CODE = re.compile(
    r"(?P<head>\b(?:number|nbr|no\.|num|#)\s*(?:is\s+|was\s+|:\s*)?)"
    r"(?=[\w]*\d)(?=\w*[A-Za-z])[A-Za-z0-9]{5,}(?![\w-])",
    re.IGNORECASE,
)


def masked_number_code(match: re.Match[str]) -> str:
    """NUMBER_CODE's replacement: a dose or a measure with its unit stays ("number 100mg")."""
    value = match.group()[len(match.group("head")) :]
    if _UNIT.match(value) or sum(ch.isdigit() for ch in value) < 3:
        return match.group()
    return match.group("head") + ID_MARK


# "my hospital ID on the wristband was BH55821", "policy number on the card says 44812": words
# between an id's name and its value, which holds 3 figures or more.
ID_AFTER_WORDS = re.compile(
    rf"(?P<head>\b{_ID_NAME}\s*(?:{_ID_WORD})[^.?!\d\[]{{1,30}}?\b(?:is|was|says|reads|:)\s*)"
    r"(?=[A-Za-z-]*\d)[A-Za-z0-9]+(?:[-./][A-Za-z0-9]+)*(?![\w-])",
    re.IGNORECASE,
)


def masked_id_after_words(match: re.Match[str]) -> str:
    """ID_AFTER_WORDS's replacement: the name and the words stay, a value with 3 figures goes."""
    value = match.group()[len(match.group("head")) :]
    if sum(ch.isdigit() for ch in value) < 3 or _AMOUNT_AFTER.match(match.string, match.end()):
        return match.group()
    return match.group("head") + ID_MARK


# "número de expediente 4471", "mi póliza número 88213-B", "número de afiliado 40917-C",
# "historia clínica: 55102": Spanish names of an id (a record, a plan, a member, a card).
_ID_NAME_ES = (
    r"(?:expediente|historia\s+cl[íi]nica|paciente|p[óo]liza|afiliad[oa]|miembro|socio|"
    r"seguro|tarjeta|cuenta|asegurad[oa])"
)
SPANISH_CUED_ID = re.compile(
    rf"(?P<head>\b(?:(?:n[úu]mero|n[úu]m\.?|no\.|#)\s+(?:de(?:l)?\s+)?{_ID_NAME_ES}|"
    rf"{_ID_NAME_ES}\s*(?:n[úu]mero|n[úu]m\.?|no\.|#)?)\s*(?:es\s+|era\s+|:\s*)?)"
    r"(?=[A-Za-z-]*\d)[A-Za-z0-9]+(?:[-./][A-Za-z0-9]+)*(?![\w-])",
    re.IGNORECASE,
)
SPANISH_ID_CUES = ("núm", "num", "expediente", "historia", "liza", "afiliad", "miembro")
# "member id starts with ZKP", "my policy number begins with XQ": an id's first letters or
# figures after words that say the id goes on (the rest may come in the next message).
ID_START = re.compile(
    rf"(?P<head>\b{_ID_NAME}\s*(?:{_ID_WORD})?\s*(?:starts?|begins?|starting|beginning)\s+"
    r"with\s+)(?=\w*[A-Z\d])[A-Za-z0-9]{1,6}(?:[\s-]\d+)*(?![\w-])",
    re.IGNORECASE,
)


# Round 12 (i21u): "member id starts HMX" / "then 4471 0926 02": an id's start after "starts"
# without "with", in capitals or figures ("my member id starts tomorrow" stays).
ID_START_BARE = re.compile(
    rf"(?P<head>\b{_ID_NAME}\s*(?:{_ID_WORD})?\s*(?:starts|begins|starting|beginning)\s+)"
    r"(?!with\b)(?=(?-i:[A-Z\d]{2,6})(?![\w-]))[A-Za-z0-9]{2,6}(?![\w-])",
    re.IGNORECASE,
)
ID_START_GATE = re.compile(r"\b(?:start|begin)\w*\s+with\b", re.IGNORECASE)


def masked_id_start(match: re.Match[str]) -> str:
    """ID_START's replacement: the cue stays, the id's start goes."""
    return match.group("head") + ID_MARK


# "my plates say GRAMMY1", "plate is NANAS RV", "vanity plate reads LUV2FISH": a vehicle's
# plate after its cue, even in letters only, up to 8 characters in one or two words; in
# capitals (a plate's letters) unless it holds a figure.
VANITY_PLATE = re.compile(
    r"(?P<head>\b(?i:(?:vanity\s+|license\s+|licence\s+|number\s+)?plates?|tags)\b"
    r"(?:\s*:|\s+(?i:is|are|was|were|says?|said|reads?|read))+\s*)"
    r"(?P<value>(?=[A-Za-z]*\d|[A-Z0-9]{2})[A-Za-z0-9]{2,8}(?:[ -][A-Z0-9]{1,7}){0,2})(?![\w-])"
)
_NOT_A_PLATE = frozenset({"OK", "FINE", "NEW", "OLD", "GONE", "ON", "IN", "THE", "NOT", "NO"})


def masked_vanity_plate(match: re.Match[str]) -> str:
    """VANITY_PLATE's replacement: 8 characters or fewer, letters with a figure or in
    capitals; in a message typed all in capitals only with a figure ("MY PLATE IS FINE")."""
    value = match.group("value")
    chars = [ch for ch in value if ch.isalnum()]
    figure = any(ch.isdigit() for ch in chars) and any(ch.isalpha() for ch in chars)
    capitals = value.isupper() and not match.string.isupper()
    if len(chars) > 8 or value.split()[0].upper() in _NOT_A_PLATE or not (figure or capitals):
        return match.group()
    return match.group("head") + ID_MARK


# "booked for the 15th", "my appt is Weds the 9th" (round 9): a day of the month after a
# booking's word, with its weekday, is a date.
_WEEKDAY_SHORT = r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)[a-z]*\.?"
# "my appointment is on the 3rd floor" (2026-12-05: stored "on [date removed] floor"): an
# ordinal before a part of a building, or a count of visits, is no day of the month.
NOT_A_DAY_AFTER = (
    r"(?!\s+(?:floor|fl|flr|level|lvl|storey|story|ward|wing|room|bay|bed|door|entrance|"
    r"building|bldg|elevator|lift|deck|garage|time|visit|attempt|try|session|round|dose|"
    r"opinion)s?\b)"
)
BOOKED_DAY = re.compile(
    r"(?P<cue>\b(?:booked|book|scheduled|appointment|appt|procedure|surgery|coming\s+in)\b"
    r"[^.?!\d]{0,25}?)"
    rf"(?:\b{_WEEKDAY_SHORT}\s+)?\bthe\s+\d{{1,2}}(?:st|nd|rd|th)\b{NOT_A_DAY_AFTER}",
    re.IGNORECASE,
)


def masked_booked_day(match: re.Match[str], mark: str) -> str:
    """BOOKED_DAY's replacement: the cue stays, the day goes."""
    return match.group("cue") + mark


# "a 97 y/o female", "99 come January", "nearly 95", "turning 91" (round 9): an age over 89
# with a word that makes a number an age, before or after it.
AGE_WORDED = re.compile(
    r"\b(?:nearly|almost|turning|turned|turns|about\s+to\s+be|going\s+on|aged?)\s+(?:9\d|1[01]\d)\b"
    r"(?!\s*(?:%|percent|mg|kg|lbs?|minutes?|mins?|pounds?|dollars?|degrees?))"
    r"|\b(?:9\d|1[01]\d)\s*(?:y/?o|yrs?\s+old|come\s+\w+|next\s+\w+|this\s+\w+\s+\d*)\b",
    re.IGNORECASE,
)


# Round 9 (issue 21): handles, user names and links read aloud.
# "my insta is @radomila_vlk": a handle (an @ with no domain after it: an e-mail is masked first).
HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_][A-Za-z0-9_.]{1,}[A-Za-z0-9_]")
# "username on mychart is eszter.vadkerti58", "login: gr4nny_j": the value after its cue.
USERNAME = gated(
    re.compile(
        r"(?P<head>\b(?:user\s*name|handle|login|user\s*id|screen\s*name|gamertag|insta|instagram|"
        r"twitter|tiktok|snapchat|facebook|fb|skype)\b(?:\s+(?:on|for|at)\s+\w+)?"
        r"\s*(?:is|:|=|-)?\s*)(?!(?:is|on|at|for|the|my|a|an|and|if|but|so|to)\b)"
        r"(?P<value>[\w.@-]+[\w])",
        re.IGNORECASE,
    ),
    words=(
        "user username handle login userid screen screenname gamertag insta instagram "
        "twitter tiktok snapchat facebook fb skype"
    ),
)
# A user name with a digit, "_" or "." is one whatever it spells; without, it is one when it
# is no English word ("my username is marthaq", round 10's leftover), checked by the caller.
USERNAME_SHAPE = re.compile(r"[\d_.]")
# "gofundme dot com slash help-grandpa-wendell", "caringbridge dot org slash visit slash
# grandmaluz": a domain read aloud with its path.
# "gofundme . com/f/help-nana-ruth-back", "caringbridge . org/visit/olgakasprzak" (round 10:
# raw): spaces around a domain's dot, as phones' keyboards type it. A common suffix, or a path.
SPACED_DOT_URL = re.compile(
    r"(?<![\w@.-])[a-z0-9-]+(?:\s+\.\s*(?:com|org|net|edu|gov|co\.uk)\b(?!\s*/)"
    rf"|\s*\.\s*{TLD}\s*/\s*[^\s<>\"']*[^\s<>\"'.,;:!?)])",
    re.IGNORECASE,
)
SPOKEN_URL = re.compile(
    rf"\b[\w-]+\s+dot\s+{TLD}\b(?:\s+(?:slash|forward\s+slash)\s+[\w.-]+)+",
    re.IGNORECASE,
)


# Round 11 (issue 21, round 10's leftovers): a street named without a house number after a
# word of where ("we live on Chippens Hill Rd", "she lives off chippens hill road", "he lives
# on Oak Lane"). A word that can only say street, in any case, after one to three words; a
# word that needs a capital ("Lane", "Drive", "Dr", "St") after capitalised words, and "Dr" or
# "St" only when no capitalised word follows ("ask Dr Patel", "near St Francis" stay). "on the
# road", "down the street", "a long drive", "down memory lane" stay.
_NAMED_SURE = (
    r"street|avenue|ave|road|rd|lane|boulevard|blvd|parkway|pkwy|highway|hwy|turnpike|tpke|"
    r"terrace"
)
_WHERE = r"on|off|along|near|onto|past|down|up|from|to|at|by|into"
_NOT_A_STREET_START = (
    r"the|a|an|my|your|his|her|their|our|its|this|that|these|those|same|one|each|every|any|no|"
    r"some|other|which|what|memory|main\s+road|way|back|home|open|toll|dirt|country|gravel"
)
NAMED_STREET = re.compile(
    rf"(?P<cue>\b(?i:{_WHERE})\s+)(?!(?i:{_NOT_A_STREET_START})\b)"
    r"(?:(?:[NSEW]\.?|(?i:north|south|east|west|n\.|s\.|e\.|w\.))\s+)?"
    rf"(?:(?:(?!(?i:{_NOT_A_STREET_START}|{_WHERE}|across|over|and|or)\b)[^\W\d_][\w'.-]*\s+){{1,3}}"
    rf"(?i:{_NAMED_SURE})\b\.?"
    rf"|(?:[A-Z][\w'.-]*\s+){{1,3}}(?:{UNSURE_STREET_WORDS}\b\.?|(?:Dr|St)\b(?!\.?\s*[A-Z])\.?))"
    rf"{_TAIL}"
)
STREET_WORD_GATE = gated(
    re.compile(rf"(?i:\b(?:{_NAMED_SURE})\b)|\b(?:{UNSURE_STREET_WORDS}|Dr|St)\b"),
    words=(
        "street avenue ave road rd lane boulevard blvd parkway pkwy highway hwy turnpike "
        "tpke terrace drive way place court circle trail square run path loop row plaza "
        "pike walk close gardens landing heights mews chase crescent hollow ridge "
        "crossing commons grove rise dr st"
    ),
)
# The capitalised words of a street found with its number ("1180 Riverside Dr"): named again
# in the same message ("the house on Riverside"), they are the same street.
_STREET_NAME_WORD = re.compile(r"\b[A-Z][a-z][\w'-]*")
_NOT_A_NAME_PART = re.compile(
    rf"(?i:{SURE_STREET_WORDS}|{UNSURE_STREET_WORDS}|north|south|east|west|apt|unit|suite)$"
)


def street_names(text: str) -> list[str]:
    """The capitalised words naming the streets STREET finds with their numbers (those before
    the street's word: the town after it may be the hospital's own, named again)."""
    names: list[str] = []
    for match in STREET.finditer(text):
        for word in _STREET_NAME_WORD.findall(match.group()):
            if _NOT_A_NAME_PART.match(word):
                break
            if not STATE_WORD.fullmatch(word):
                names.append(word)
    return names


def masked_named_street(match: re.Match[str]) -> str:
    """NAMED_STREET's replacement: the word of where stays, the street goes; a service's street
    stays ("the Rehab center on Main Street", round 21: `service_locations`)."""
    if service_location(match.string, match.start(), match.end()):
        return match.group()
    return match.group("cue") + ADDRESS_MARK


# Round 9 (issue 21): addresses without a house number and a known street word after it.
_STREET_WORD = rf"(?i:{SURE_STREET_WORDS}|{UNSURE_STREET_WORDS})\b\.?"
# "house number 389", "house 1418", "route 229", "rt 69": a house's or a road's number.
# Gated by its cue words, each whole (\b before, a dot or a space after): it ran on every
# message with a figure (measured: 3.8 µs on a laden message, 0.2 through the gate).
HOUSE_NUMBER = gated(
    re.compile(
        # "house 2 doors down", "the old house 12 years" stay: a bare number needs 3 digits.
        r"(?P<cue>\b(?:house|home)\s+(?:(?:number\s+|no\.?\s*|#\s*)\d{1,5}|\d{3,5})[A-Za-z]?\b)"
        r"|(?P<road>\b(?:route|rte|rt|hwy|highway|state\s+road)\.?\s+\d{1,4}\b(?!\s+bus))",
        re.IGNORECASE,
    ),
    words="house home route rte rt hwy highway state",
)


# "we come via Route 8", "take route 9 to exit 27" (2026-12-05: masked): a road someone
# travels by is no address; "we're out on route 229", "off route 6" may be where they live.
_TRAVEL_BEFORE = re.compile(r"\b(?:via|take|taking|took|use|using|along)\s+(?:the\s+)?$", re.I)


def masked_house_number(match: re.Match[str]) -> str:
    """HOUSE_NUMBER's replacement: the word "house" stays, the number goes."""
    if match.group("road"):
        start = match.start()
        if _TRAVEL_BEFORE.search(match.string, max(0, start - 16), start):
            return match.group()
        # "Is the clinic off Route 8?", "Is Highway 12 closed?" (round 21, r21p)
        if service_location(match.string, start, match.end()):
            return match.group()
        return ADDRESS_MARK
    word = re.match(r"\w+\s+", match.group("cue"))
    return (word.group() if word else "") + ADDRESS_MARK


# "corner of Wexford Lane and Tillotson Rd": streets named at a corner.
CORNER = gated(
    re.compile(
        r"(?P<cue>\b(?i:corner|intersection|junction)\s+(?i:of)\s+)"
        rf"(?:[A-Z][\w'.-]*\s+){{1,3}}{_STREET_WORD}"
        rf"(?:\s+(?i:and|&)\s+(?:[A-Z][\w'.-]*\s+){{1,3}}{_STREET_WORD})?"
    ),
    "corner intersection junction",
)
# "Av. Insurgentes Sur 1602, Col. Crédito Constructor": a Mexican street and neighbourhood.
SPANISH_ABBREVIATED = gated(
    re.compile(
        r"\b(?:Av|Avda|Calz|Col|Blvd|Fracc)\.\s+[A-ZÁÉÍÓÚÑ][\w'.-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w'.-]*){0,3}"
        r"(?:\s+\d{1,5}[A-Za-z]?)?"
    ),
    needles="av. avda. calz. col. blvd. fracc.",
)
# "building 2 of the willow brook apartments": a named block of flats.
APARTMENTS = gated(
    re.compile(
        r"(?P<cue>\b(?i:of|at|in)\s+the\s+)(?:[A-Za-z'-]+\s+){1,3}"
        r"(?i:apartments|apts|condos|towers|estates|manor|village|court)\b"
    ),
    words="apartments apts condos towers estates manor village court",
)


def masked_cue_address(match: re.Match[str]) -> str:
    """CORNER's and APARTMENTS's replacement: the cue stays, the place goes."""
    return match.group("cue") + ADDRESS_MARK


# Round 11 (i21o): phones, e-mails, handles and links an outside tester found raw.
# "+52 55 1943 8827", "+49 171 234 5619": a number with its country code, whole (the date
# rules had taken "55 1943" and left "+52" and "8827"). Eight digits or more.
INTERNATIONAL_PHONE = re.compile(r"(?<![\w+])\+\d{1,3}(?:[\s.\-]?\(?\d{1,5}\)?){2,6}(?![\w])")
# "0171 2345619", "0171 / 88 44 213", "(030) [phone removed]": an area code the matcher left
# before the rest of the number it masked.
PREFIX_BEFORE_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}\s*)?\(?\d{3,5}\)?\s*[/.\-]?\s*\[phone removed\]"
)
# Round 12 (i21u): "[phone removed] ext 218", "... extension 3309": an extension after a phone
# goes with it; "area code 860 then 555 0153": the area code after its cue.
EXTENSION_AFTER_PHONE = re.compile(
    r"\[phone removed\]\s*,?\s*(?:ext\.?|extension|extn\.?|x|durchwahl|ramal|extensi[oó]n)"
    r"\s*(?:no\.?|#|:)?\s*\d{1,6}(?!\w)",
    re.IGNORECASE,
)
AREA_CODE = re.compile(
    r"(?P<head>\b(?:area\s+code|c[oó]digo\s+de\s+[aá]rea|lada|vorwahl)\s*(?:is|es|was|:|=)?\s*)"
    r"\(?\d{2,4}\)?(?!\w)",
    re.IGNORECASE,
)
# Round 12 (i21u): "exp 11 27", "expires 04 29", "valid thru 09-28": a card's expiry, month
# and year apart (with a slash or as four figures, AGE's expiry branch masks it).
SPACED_EXPIRY = re.compile(
    r"(?P<head>\b(?:exp(?:ires|iry|iration|\.)?|expiring|valid\s+(?:thru|through|until)|"
    r"vence|vencimiento|validade)(?:\s+date)?\s*(?:on|in|is|:)?\s*)"
    r"(?:0?[1-9]|1[0-2])\s*[\s-]\s*(?:20)?\d{2}(?![\w/])",
    re.IGNORECASE,
)
# Round 12 (i21u): "MR# 4481 92", "sticker on her paperwork says R-77 4102", "wrist band number
# 5581 07", "historia clínica 448 192": after a hospital number's cue, spaced groups are one value.
# Gated by a substring of each cue (its regular expression gate cost 3.9 µs per laden message
# with a figure; measured: 0.4 through the substrings).
HOSPITAL_ID = gated(
    re.compile(
        r"(?P<head>(?:\bmr\s*#|\b(?:mrn|medical\s+record|hospital\s+(?:card|number|no|id|bracelet)|"
        r"wrist\s*band|sticker|bracelet|patient\s+(?:id|number)|historia\s+cl[ií]nica|expediente)\b)"
        r"[^.?!\d\n]{0,28}?)"
        r"(?=[A-Za-z-]{0,4}\d)(?:[A-Za-z]{1,3}\s*-?\s*)?\d{2}[\d-]*(?:\s+\d[\d-]*)*(?![\w-])",
        re.IGNORECASE,
    ),
    needles="mr record hospital wrist sticker bracelet patient historia expediente",
)
# "86O-555-O199", "2O3-555-O1O8" (a letter O typed for a zero): a phone's shape with O's in it.
LETTER_O_GATE = re.compile(r"\d[Oo]|[Oo]\d")
LETTER_O_PHONE = re.compile(r"(?<![\w])\(?[\dOo]{3}\)?[\s.\-]?[\dOo]{3}[\s.\-]?[\dOo]{4}(?![\w])")


def masked_letter_o_phone(match: re.Match[str]) -> str:
    """LETTER_O_PHONE's replacement: a phone when six of its characters or more are figures."""
    return PHONE_MARK if sum(ch.isdigit() for ch in match.group()) >= 6 else match.group()


# "mi tel es el 860 555", "Handynummer: 0171 234", "meu telefone é 11 98765" (a number's first
# half, the rest sent later): two runs of figures after a phone's cue in any language.
# Gated by a substring of each cue ("vil" for m[oó]vil, "mero" for n[uú]mero): it ran on every
# message with a figure (measured: 3.5 µs on a laden message, 0.4 through the gate).
PHONE_CUE_PART = gated(
    re.compile(
        r"(?P<cue>\b(?:tel|tel[eé]fono|telefone|telefon|cel|celular|m[oó]vil|n[uú]mero|"
        r"handy(?:nummer)?|nummer|rufnummer|phone|cell|mobile)\b[^\d\n.?!]{0,15}?)"
        # "cell: 860 555 01 45" (round 17: "[phone removed] 45"): a last four said in two pairs.
        r"\d{2,5}[\s.\-/]+\d{3,4}(?:[\s.\-/]+\d{2}[\s.\-/]\d{2}(?!\w)|[\s.\-/]+\d{1,4})?(?![\w])"
        # "860-555-O133" (round 16: "[phone removed]-O133"): a last group typed with a letter O
        # is the same number's, left whole to LETTER_O_PHONE.
        r"(?![\s.\-/](?=[\dOo]{4}(?!\w))\d*[Oo])"
        # "over the phone with my visa 4539 7712 0043 8816" (round 13, r13n: "[phone removed]
        # 8816"): no part when a fourth group of four figures goes on with the same run.
        r"(?![\s.\-/]\d{4}(?!\w))",
        re.IGNORECASE,
    ),
    needles="tel cel vil mero handy nummer phone mobile",
)
# "its 0198 now", "sorry i meant 0172 not 0171 at the end of my number": four figures
# given as a correction of a phone's last digits, in a message with a phone or its end.
CORRECTION_CUE = re.compile(
    r"\b(?:i\s+mean|i\s+meant|meant|oops|sorry|wait|actually|correction|typo|it'?s|"
    r"it\s+is|make\s+that|instead|not|now|digits)\b",
    re.IGNORECASE,
)
NUMBER_END_CUE = re.compile(
    r"\b(?:end|last\s+(?:4|four)(?:\s+digits)?|last\s+digits)\s+(?:of|in|on)\s+"
    r"(?:my|the|his|her|our|their)\s+(?:phone\s+)?(?:number|phone|cell|mobile)\b",
    re.IGNORECASE,
)
CORRECTED_TAIL = re.compile(
    r"(?<![\w/:.\-\[$#])\d{4}(?![\w/:.\-%]|\s*(?:am|pm|a\.m|p\.m|hrs?|hours?|mg|ml|dollars?|"
    r"percent|years?|yrs?)\b)",
    re.IGNORECASE,
)


def masked_corrected_tail(match: re.Match[str]) -> str:
    """CORRECTED_TAIL's replacement: the four figures go unless they are a year."""
    return match.group() if re.fullmatch(r"19\d\d|20\d\d", match.group()) else PHONE_MARK


def has_corrected_tail(text: str) -> bool:
    """A message with a phone (masked) or a phone's end, and a word of correcting."""
    return bool((PHONE_MARK in text or NUMBER_END_CUE.search(text)) and CORRECTION_CUE.search(text))


# "my apple id is rkwasniewski77", "my username on the portal is OlgaPetrenko_Kyiv", "my
# whatsapp is nana_rosa44": the value after an account's cue, with words of where between them.
ACCOUNT_ID = gated(
    re.compile(
        r"(?P<head>\b(?:apple\s*id|icloud(?:\s+id)?|whatsapp|"
        r"telegram|signal|discord|zoom\s+name|user\s*name|login|user\s*id|screen\s*name|handle)\b"
        r"(?:\s+(?:on|for|at|in|of)\s+(?:the|my|our|your|his|her)\s+\w+)?"
        r"\s*(?:is|:|=|-)?\s*)(?!(?:is|on|at|for|the|my|a|an|and|if|but|so|to|me)\b)"
        r"(?P<value>[\w.@-]+[\w])",
        re.IGNORECASE,
    ),
    words=(
        "apple appleid icloud whatsapp telegram signal discord zoom user username login "
        "userid screen screenname handle"
    ),
)
# "on the forum im spinegranny58, i posted about my fracture there" (round 13, r13n: raw): a
# user name (letters then 2-4 figures, or an underscore) after "I'm", "I am", "as" or
# "called", when the message speaks of where people post; "im knitlady72" alone when its
# letters are no English word (the caller checks both). The words are cheap tests first.
FORUM_WORDS = (
    "forum",
    "group",
    "site",
    "app",
    "facebook",
    "reddit",
    "user",
    "handle",
    "screen name",
    "online",
    "board",
    "post",
)
SELF_USER_NAME = re.compile(
    r"(?P<head>\b(?P<cue>i['\u2019]?m|i\s+am|as|called)\s+)"
    r"(?P<value>(?P<letters>[^\W\d_]{3,})\d{2,4}|[^\W\d_]\w*_\w*[^\W_])(?![\w@-])(?!\.\w)",
    re.IGNORECASE,
)
# "im covid19 positive", "in the group as type12"? Terms that take a figure in health talk
# keep it: they are no user name.
FIGURED_TERMS = frozenset({"covid", "sars", "hiv", "hpv", "type", "stage", "grade", "vitamin"})
# "bit.ly/HelpDadsBack77", "linktr.ee/aunt_wilhelmina_recovers", "t.me/nana_rosa": any
# top-level domain when a path follows it.
SHORT_LINK = re.compile(
    r"(?<![@\w.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}/"
    rf"(?:{NOT_A_MARK}[^\s<>\"'])*{NOT_A_MARK}[^\s<>\"'.,;:!?)]",
    re.IGNORECASE,
)
# "margaretsbrokenback dot wordpress dot com", "nana punto blogspot punto com": a domain
# read aloud without a slash.
SPOKEN_DOMAIN = re.compile(
    r"\b[\w-]+(?:\s+(?:dot|punto|ponto)\s+[\w-]+)*\s+(?:dot|punto|ponto)\s+"
    r"(?:com|org|net|edu|gov|io|me|info|us|co|biz|uk|ca|au|de|br|mx|es|ly|ee|site|blog)\b",
    re.IGNORECASE,
)
SPOKEN_DOMAIN_GATE = re.compile(r"\s(?:dot|punto|ponto)\s", re.IGNORECASE)
# "zoom passcode 66x1Qp", "pin for the voicemail is 4481", "door code: 2580#": a code after its
# cue, when it holds a figure.
# Gated by the substrings every cue holds (a regular expression gate before: measured 0.7 µs
# per message with a figure, 0.2 as substrings).
PASSCODE = gated(
    re.compile(
        r"(?P<head>\b(?:pass\s*code|password|pass\s*word|pin(?:\s+(?:code|number|no\.?|#))?|"
        r"access\s+code|door\s+code|gate\s+code|meeting\s+code|entry\s+code)\b"
        r"(?:\s+(?:for|to|on|of)\s+(?:the|my|our|his|her)\s+\w+)?\s*(?:is|:|=|-)?\s*)"
        r"(?P<value>(?=[\w-]*\d)[\w-]{3,}#?)",
        re.IGNORECASE,
    ),
    needles="pass pin code",
)


# Round 11 (i21q): towns, rural roads, house numbers after the street, postcodes abroad,
# days without a month, other languages' months, ages with a kin possessive.
# "we live in Forestville", "my town is Wolcott", "we're from Plainville", "vivo en Avon":
# after a cue of where one lives, the town (Safe Harbor counts a city as an identifier; the
# caller keeps words that are ordinary, a state or a country).
TOWN_CUE = re.compile(
    r"(?P<cue>\b(?i:(?:live[sd]?|living|reside[sd]?|residing|based|settled)\s+(?:in|near|outside(?:\s+of)?)"
    r"|(?:my|our|his|her|their)\s+(?:home\s*)?town\s+is|(?:my|our)\s+town\s*:"
    r"|(?:i['\u2019]?m|i\s+am|we['\u2019]?re|we\s+are|she['\u2019]?s|she\s+is|he['\u2019]?s|he\s+is|"
    r"they['\u2019]?re|they\s+are|"
    r"(?:i|we)\s+come)\s+(?:originally\s+)?from"
    r"|viv[oe]\s+en|vivimos\s+en|viven\s+en|moro\s+em|moramos\s+em|mieszkam\s+w)\s+)"
    r"(?P<town>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2})"
)
# "[address removed], over in Simsbury", "[address removed] in Burlington": a capitalised
# town after a masked address and a word of where.
TOWN_AFTER_MASK = re.compile(
    re.escape(ADDRESS_MARK) + r"(?P<cue>,?\s+(?:(?i:over|out|up|down|right|just)\s+)?"
    r"(?i:in|near|outside(?:\s+of)?)\s+)(?P<town>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})"
)
# "we live way out on county road 14", "CR 212", "township road 9", "FM 1960": a rural road's
# number; "Highway 6 mile marker 31": a mile marker.
RURAL_ROAD = gated(
    re.compile(
        r"\b(?:(?i:county\s+(?:road|rd|route|rte|highway|hwy)|township\s+(?:road|rd)|twp\.?\s+(?:road|rd)"
        r"|farm[\s-]to[\s-]market(?:\s+road)?|ranch\s+road|state\s+route)|CR|FM|TR|SR)\.?\s*#?\s*\d{1,4}[A-Za-z]?\b"
        r"|(?<![\w-])(?i:mile\s+marker|mile\s+post|milepost|mm)\s*#?\s*\d{1,4}(?:\.\d)?\b"
    ),
    words="county township twp farm ranch state cr fm tr sr mile milepost mm",
)
# "on Stafford Avenue number forty-six", "Weymouth Rd number 212": the house number after the
# street's name, in figures or words.
NUMBER_AFTER_STREET = gated(
    re.compile(
        rf"(?:{re.escape(ADDRESS_MARK)}|(?:[A-Z][\w'.-]*\s+){{1,3}}(?i:{SURE_STREET_WORDS}|{UNSURE_STREET_WORDS})\b\.?)"
        r"\s*,?\s*(?i:number|no\.|nr\.?|#)\s*"
        rf"(?:\d{{1,5}}[A-Za-z]?\b|(?i:{_HOUSE_WORD}(?:[\s-]+(?:and\s+)?{_HOUSE_WORD}){{0,3}})\b)"
    ),
    needles="number no. nr #",
)
# "corner of Oak St and Chestnut": the second street named without its word.
CORNER_SECOND = gated(
    re.compile(
        r"(?P<cue>\b(?i:corner|intersection|junction|crossroads?)\s+(?i:of)\s+"
        + re.escape(ADDRESS_MARK)
        + r"\s+(?i:and|&|at)\s+)[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2}"
    ),
    needles="[address removed]",
)
# "postcode is LS6 2QT", "postal code K1A 0B1", "[address removed], Leeds LS6 2QT": a UK or
# Canadian postcode after its cue (any case) or, in capitals, after a masked address.
_POSTCODE = r"(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)(?![\w-])"
# Gated: every cue holds "post", the other branch a masked address (measured: 1.1 µs on a
# laden message with a figure, 0.2 through the gate).
POSTCODE = gated(
    re.compile(
        rf"(?P<cue>\b(?i:post\s*code|postal\s+code|post\s+code|code\s+postal)(?i:'s)?\s*(?i:is|:|#|=)?\s*)(?i:{_POSTCODE})"
        rf"|(?P<after>{re.escape(ADDRESS_MARK)}(?:,?\s+[A-Z][\w'-]*){{0,2}},?\s+){_POSTCODE}"
    ),
    needles="post " + ADDRESS_MARK.split()[0],
)
# "18 rue des Lilas", "4 avenue de la République", "12 chemin du Moulin": a French street.
# Gated by its street words ("all" for all[ée]e).
FRENCH_STREET = gated(
    re.compile(
        r"(?<![\w-])\d{1,5}(?:\s*(?i:bis|ter))?,?\s+"
        r"(?i:rue|avenue|boulevard|bd|chemin|all[ée]e|impasse|quai|place|route|cours)\s+"
        r"(?:(?i:des|du|de\s+la|de\s+l'|de|d'|la|le|les|l')\s*)?[^\W\d_][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}"
    ),
    needles="rue avenue boulevard bd chemin all impasse quai place route cours",
)
# "appt is Thurs 11/14 at 2", "Monday 3/9": month/day after a weekday.
# Gated by its slash (measured: 3.7 µs on a laden message with a figure, 0.1 through the gate).
WEEKDAY_DATE = gated(
    re.compile(
        rf"(?P<cue>\b(?i:{_WEEKDAY_SHORT})\s+(?:(?i:the)\s+)?)"
        r"(?:0?[1-9]|1[0-2])\s*/\s*(?:0?[1-9]|[12]\d|3[01])(?![\w/-])"
    ),
    needles="/",
)
# "on the morning of the 4th", "booked for the sixteenth", "booked in on the ninth", "her fall
# was thurs the 6th": a day of the month alone after a booking's, a fall's or a weekday's
# word, or the part of a day, before the clause ends.
_ORDINAL_DAY = (
    r"(?:(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
    r"seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-](?:first|second|third|fourth|"
    r"fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty[\s-]first)"
)
# "her birthday is the 30th" / "of june" (round 11 replay: the month stayed): a day ending one
# message, its month opening the next.
DAY_AT_END = re.compile(
    rf"(?:\[date removed\]|\b{_ORDINAL_DAY})\W*$",
    re.IGNORECASE,
)
MONTH_OPENING = re.compile(
    # The month alone or before a year ("may i ask" and "march was hard" stay).
    rf"^\W*(?:of\s+)?(?P<month>{_MONTH})(?=\s*(?:[,.;:!?]|$|\d{{2,4}}\b|(?i:and)\b))",
    re.IGNORECASE,
)
ORDINAL_DAY = gated(
    re.compile(
        r"(?P<cue>\b(?:(?:booked|book|scheduled|appointment|appt|procedure|surgery|fall|fell|"
        r"happened|coming\s+in)\b[^.?!\d]{0,20}?"
        rf"|(?:morning|afternoon|evening|night)\s+of\s+|{_WEEKDAY_SHORT}\s+)"
        r"(?:on\s+)?the\s+)"
        rf"{_ORDINAL_DAY}(?=\s*(?:[,.;!?)]|$|\s+(?:at|and|but|so|then|i|she|he|we|a|of\s+(?:next|this|last)\s+month)\b))",
        re.IGNORECASE,
    ),
    (
        "\\d first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
        "twelfth teenth twentieth thirtieth"
    ),
)
# "her birthday is the 30th" (the month came next message): a day alone after a cue of birth.
# Gated by a substring of each cue ("birth" for birthday, birth date, date of birth): it ran
# on every message with a detail (measured: 1.4 µs on a laden message, 0.2 through the gate).
BIRTH_DAY = gated(
    re.compile(
        r"(?P<cue>\b(?:dob|birthday|bday|b-day|born|birth\s*date|date\s+of\s+birth)"
        r"(?:\s+(?:is|was|on|:))*\s*:?\s*)(?:the\s+)?" + _ORDINAL_DAY + r"(?=\s*(?:[,.;!?]|$))",
        re.IGNORECASE,
    ),
    needles="dob bday b-day born birth",
)
# "urodzona 5 maja 1932", "né le 3 mars 1940", "geboren am 5. Mai 1931": a day before another
# language's month (Polish, French, German, Italian).
_OTHER_MONTHS = (
    r"(?:stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze[sś]nia|"
    r"pa[zź]dziernika|listopada|grudnia|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|"
    r"ao[uû]t|septembre|octobre|novembre|d[ée]cembre|januar|februar|m[äa]rz|juni|juli|"
    r"oktober|dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    # "14 mas 1944" (Haitian Creole, round 16: raw); its short months ("mas", "me", "jen",
    # "out": "3 out of 10") count only with a year.
    r"janvye|fevriye|jiy[eè]|septanm|okt[oò]b|novanm|desanm)"
)
OTHER_LANGUAGE_DATE = re.compile(
    rf"\b(?:0?[1-9]|[12]\d|3[01])\.?\s+(?:{_OTHER_MONTHS}\b(?:\s+(?:19|20)\d{{2}}\b)?"
    r"|(?:mas|me|jen|out)\s+(?:19|20)\d{2}\b)",
    re.IGNORECASE,
)
# "7-Aug-1941", "07.Aug.41": day, month's short name, year joined by dashes, dots or slashes.
DAY_MON_YEAR = re.compile(
    rf"\b(?:0?[1-9]|[12]\d|3[01])(?P<sep>[-/.])(?i:{_MONTH})(?P=sep)(?:\d{{4}}|\d{{2}})\b"
)
# "Dad's 95 and still driving", "my nan's 102 now": a number 90-119 after a kin word's 's;
# "ma 92 lata" (Polish years after 2-4).
KIN_AGE = re.compile(
    r"(?P<cue>\b(?i:dad|mum|mom|mother|father|grandma|grandpa|grandad|granddad|gran|nan|nana|"
    r"granny|nanna|gramps|grampa|aunt|auntie|aunty|uncle|husband|wife|hubby|pops|papa|mama)"
    r"['\u2019]s\s+)(?:9\d|1[01]\d)(?![\d.,:/]\d)" + _NOT_AN_AGE + r"(?!\s*(?:th|st|nd|rd)\b)"
    r"|\b(?P<lata>(?:9\d|1[01]\d)\s+lata)\b",
    re.IGNORECASE,
)


def masked_kin_age(match: re.Match[str]) -> str:
    """KIN_AGE's replacement: the kin word stays ("Dad's [age removed]")."""
    return match.group("cue") + AGE_MARK if match.group("cue") else AGE_MARK + " lata"


# Cheap test for _has_detail: a cue of where one lives or a day said as an ordinal word.
# Countries patients come from (data/countries.txt): a cue of where one lives before one of
# them names no town ("my mom came from Canada", "we're from Canada": round 12 masked it).
COUNTRIES = frozenset(
    line.strip()
    for line in (Path(__file__).resolve().parent / "data" / "countries.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
)
# Substrings one of which ROUND11_GATE's matches hold: tested first on the lower-cased text
# (a substring test costs a fraction of a regular expression's search).
ROUND11_WORDS = (
    "liv", "resid", "from", "viv", "mor", "mieszk", "based", "settled", "town", "first",
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "teenth", "tieth",
)  # fmt: skip
TOWN_WORDS = ("liv", "resid", "from", "viv", "mor", "mieszk", "based", "settled", "town")
# One scan for any of them (23 substring tests cost more).
ROUND11_FINDER = re.compile(one_of(sorted(map(re.escape, ROUND11_WORDS))))  # presence only
TOWN_FINDER = re.compile(one_of(sorted(map(re.escape, TOWN_WORDS))))  # presence only
ROUND11_GATE = re.compile(
    # "from" only after a word of being or coming ("we're from"), not "pain from the fracture";
    # Portuguese "moro", not "more" (a gate as wide as "from" sent a sixth of the training
    # messages through every detail pass).
    r"\b(?:liv|resid|viv[oei]|vivimos|mor(?:o|amos)\b|mieszk|based|settled)|town"
    r"|\b(?:i['\u2019]?m|am|we['\u2019]?re|are|is|she['\u2019]?s|he['\u2019]?s|they['\u2019]?re|come|came)"
    r"\s+(?:originally\s+)?from\b"
    r"|(?:first|second|third|fourth|fifth"
    r"|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|tieth)\b",
    re.IGNORECASE,
)
# "at the end of Quarry Hill Lane Harwinton": a street without its number after "end of".
END_OF_STREET = gated(
    re.compile(
        r"(?P<cue>\b(?i:end|top|bottom|foot|far\s+end)\s+(?i:of)\s+)"
        rf"(?:[A-Z][\w'.-]*\s+){{1,3}}{_STREET_WORD}{_TAIL}"
    ),
    "end top bottom foot",
)


# Round 12 (i21t): an outside tester (t21r12a) found birth years of people over 89 and ages
# over 89 in words stored raw. Safe Harbor aggregates every age over 89 into "90 or older", so
# for them even the year of birth is an identifier (164.514(b)(2)(i)(C)); a younger person's
# year of birth, and the years of other events ("the fall in 2023"), stay.
# "born in 1931", "he was born on christmas day 1930", "b. 1932", "DOB 1930", "year of birth
# 1927", "nació en 1931", "nacida en 1928", "nasceu em 1930", "geboren 1929", "born in '31":
# a year after a cue of birth, a few words between at most (no sentence's end, no figure).
_BIRTH_CUE = (
    r"\bborn\b|\bb\.|\bdob\b|\bd\.o\.b\.?|\b(?:year\s+of\s+birth|birth\s*year)\b"
    r"|\bnac(?:i[oó]|id[oa]s?|[ií])\b|\bnasc(?:eu|id[oa])\b|\bn\u00e9e?\b|\bgeboren\b|\burodz\w*"
)
# Substrings one of which every _BIRTH_CUE match holds: tested first on the lower-cased text.
BIRTH_CUE_WORDS = (
    "born", "b.", "dob", "d.o.b", "birth", "nac", "nasc", "n\u00e9", "geboren", "urodz",
)  # fmt: skip
OLD_BIRTH_YEAR = re.compile(
    rf"(?P<cue>(?:{_BIRTH_CUE})[^.?!\d]{{0,40}}?)"
    r"(?<![\w'\u2019])(?P<year>1[89]\d{2}|['\u2019\u2018]\d{2})(?![\w/-]|\s*(?:%|s\b))",
    re.IGNORECASE,
)
# "class of '49", "graduated high school in 1950": a school year puts the birth about 18
# years before it.
CLASS_OF_YEAR = re.compile(
    r"(?P<cue>\b(?:class\s+of|graduated(?:\s+(?:high\s+school|school|hs))?\s+in)\s+)"
    r"(?<![\w'\u2019])(?P<year>1[89]\d{2}|['\u2019\u2018]\d{2})(?![\w/-])",
    re.IGNORECASE,
)
# Round 12 (i21u): "my blood pressure was 150/95 this morning", "sugar 95 this morning",
# "pulse 98 today": a reading (after a slash or a measure's word) is no age.
READING_BEFORE = re.compile(
    r"(?:\b(?:bp|blood\s+pressure|pressure|sugars?|glucose|pulse|heart\s*rate|hr|temp(?:erature)?|"
    r"oxygen|o2|sats?|spo2|weight|readings?|bs|bg|a1c|fever)\b"
    # A reading's word may stand before a list of readings ("blood pressure 90 and 94": r25d).
    r"(?:[^.?!\d]{0,12}\d{1,3}(?:\.\d+)?){0,3}[^.?!\d]{0,12}|\d\s*/\s*)$",
    re.IGNORECASE,
)


def _full_year(year: str) -> int:
    """A year as said ("1931", "'31") as a number; a two-digit year is the 1900s'."""
    return int(year) if year[0].isdigit() else 1900 + int(year[1:])


def masked_old_birth_year(match: re.Match[str], mark: str, years_before: int = 0) -> str:
    """OLD_BIRTH_YEAR's and CLASS_OF_YEAR's replacement: the year goes when it makes someone
    90 or older today (from the clock), the cue stays; a younger person's year stays."""
    oldest = datetime.date.today().year - 90 + years_before
    if _full_year(match.group("year")) > oldest:
        return match.group()
    return match.group("cue") + mark


# "ninety-nine and stubborn lol", "ninety-two years young", "a hundred and one next week",
# "almost ninety-eight": an age over 89 in words at a message's start, after a word that makes
# it an age, or before "and" / "years". A round "ninety" stays ("ninety minutes", "at ninety").
_OLD_WORDS = (
    r"(?:ninety[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)"
    r"|(?:a|one)\s+hundred(?:\s+and)?\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))"
)
_NOT_AN_AGE_WORD = (
    r"(?!\s*(?:%|percent|per\s+cent|min|mins|minutes|seconds|hours|days|weeks|months|mg|lbs?|"
    r"pounds|kg|miles|dollars|bucks|cents|degrees|meters|metres|feet|steps|people|patients|"
    r"times|pages|calls|and\s+a\s+half)\b)"
)
WORDED_OLD_AGE = re.compile(
    rf"(?P<cue>^\s*|\b(?:is|was|she['\u2019]?s|he['\u2019]?s|shes|hes|i['\u2019]?m|im|turns|"
    rf"turned|turning|just|almost|nearly|now)\s+){_OLD_WORDS}\b{_NOT_AN_AGE_WORD}"
    rf"|\b{_OLD_WORDS}\b(?=\s*(?:and\b(?!\s+a\s+half)|years?\b|yrs?\b|y/?o\b))",
    re.IGNORECASE,
)
# "born 1933 so 92 now", "which makes her 91", "94 now": a figure over 89 said as one's age
# now (after a birth year this is the age the year gives away).
AGE_NOW = re.compile(
    r"(?P<cue>\b(?:so|now|making\s+(?:him|her|me|them)|which\s+makes\s+(?:him|her|me|them)|"
    r"makes\s+(?:him|her|me|them))\s+)(?:9\d|1[01]\d)(?![\d.,:/]\d)"
    + _NOT_AN_AGE
    + r"(?=\s+(?:now|today|this\s+year)\b|\s*(?:[,.;!?)]|$))",
    re.IGNORECASE,
)


def masked_age_now(match: re.Match[str], mark: str) -> str:
    """WORDED_OLD_AGE's and AGE_NOW's replacement: the cue stays."""
    return match.group("cue") + mark if match.group("cue") is not None else mark


# Round 24: "Mom is 90+ (92 actually)", "father is nearly 100, 98 to be exact", "she is 90 - 95
# i think, 93 on her papers": once one age over 89 is masked, another figure from 90 to 119
# standing alone in the same message is that person's age again (only the first had gone). Not
# a reading ("bp 95 over 60"), an amount with its unit ("95 mg", "92%"), a fraction or a
# decimal ("95/60", "98.6"), nor a number of a room, a road or a page ("room 104").
AGE_AGAIN = re.compile(
    r"(?<![\w$#/.,:-])(?<!\d[.,])(?:9\d|1[01]\d)(?!\w)(?![/%.,:]?\d)(?!\s*(?:%|\.\d|/))"
    + _NOT_AN_AGE
)
_NUMBER_OF_A_THING = re.compile(
    r"\b(?:room|rm|suite|ste|apt|unit|bed|floor|fl|route|rt|hwy|highway|exit|page|pg|no|number|"
    r"ext|extension|bus|gate|lot|bldg|building|#)\.?\s*$",
    re.IGNORECASE,
)


def masked_age_again(match: re.Match[str]) -> str:
    """AGE_AGAIN's replacement: the age's mark, unless a thing's word is right before it."""
    if _NUMBER_OF_A_THING.search(match.string, max(0, match.start() - 12), match.start()):
        return match.group()
    return AGE_MARK


def kept_reading(replace: Callable[[re.Match[str]], str]) -> Callable[[re.Match[str]], str]:
    """An age pattern's replacement that keeps a reading, and the space after the age."""

    def replaced(match: re.Match[str]) -> str:
        before = match.string[max(0, match.start() - 30) : match.start()]
        if READING_BEFORE.search(before):
            return match.group()
        value, masked = match.group(), replace(match)
        return masked if masked[-1:].isspace() else masked + value[len(value.rstrip()) :]

    return replaced


def masked_worded_age(match: re.Match[str]) -> str:
    """AGE_WORDED's replacement: the age's mark."""
    return AGE_MARK
