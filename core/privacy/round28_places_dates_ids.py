"""Round 28's outside tester (helper r28p): towns after words of travel, homes named like
religious orders, holidays as a person's dates, and ids whose figures the phone rules took.

Why: each rule reads the shape of a phrasing round 28 found raw (docs/privacy.md, round 28),
not the one message:
- a listed town after a word of travel or nearness: "a clinic closer to Ypsilanti" (city-002),
  "I live out past walla walla" (city-003), "does the shuttle go to Chagrin Falls" (city-010),
  "the drive to Poughkeepsie" (city-022), "visiting from Guadalajara" (city-012, a big city
  abroad), "coming from Monterrey Mexico" (city-026, a capitalised word before a country).
  The hospital's town and its neighbours after "to" stay (docs: "does the shuttle go to
  Bristol?"), and so do "Route 8", "the 3rd floor", "the hospital", states and countries;
- a listed town before a state's code that is also a word, in capitals: "from Bethlehem PA"
  (mix-001; "PA" is read as "pa", dad, by the general rule, so a listed town that is no word
  must carry it);
- a listed town before a masked ZIP ("Springfield 62704", zip-008) or in brackets after one
  ("code postal 33139 (Miami Beach)", zip-011);
- a home named for a religious order: "the Little Sisters of the Poor residence" (care-010),
  "the Sisters of Charity convent infirmary" (care-018): the order's whole name goes;
- a holiday after the cue of a person's event (a procedure, a fall, a fracture, a booking,
  coming in): "came in thru ER on the night of Halloween" (date-031), "my procedure is the day
  after Thanksgiving" (date-035), "got my fracture on Easter Sunday" (date-036), "booked for
  Valentine's Day" (date-037). Questions about the clinic keep the holiday ("is the clinic
  closed on New Year's Eve?", "can I have it done before Christmas Eve?");
- the month after a masked day and "of" ("[date removed] of December", date-019);
- an id's letter prefix before the figures the phone rules masked, after an id's cue ("BCBS ID:
  ZGP 3318 4470 01", heal-006), and the mark's kind after an id's, a birth date's or a ZIP's
  cue ("Epic ID", "My DOB is", "ZIP+4 is" before "[phone removed]").

Every pattern is gated (`gates.gated`) on a word or substring its matches need. Entry points:
`masked_homes(text)` (before the names, beside the other homes) and `masked(text)` (after
round 27's places) in `redaction._redact_plain_once`.
"""

from __future__ import annotations

import re

from core.privacy import gates
from core.privacy.disguised_dates_ids_and_contacts import _HOLIDAY, HOLIDAY_WORDS
from core.privacy.gate_groups import any_gate
from core.privacy.gates import gated, words_of
from core.privacy.identifiers import ADDRESS_MARK, DATE_MARK, ID_MARK, MONTH_NAME, PHONE_MARK
from core.privacy.names import NAME_MARK, TOWNS, ordinary
from core.privacy.places import HOSPITAL_TOWNS, place_names, state_or_country
from core.privacy.towns_and_streets_of_a_life import cities_abroad

_ADDRESS = re.escape(ADDRESS_MARK)
_NAME = re.escape(NAME_MARK)
_PHONE = re.escape(PHONE_MARK)

# ---------------------------------------------------------------- towns after travel words

_TOWN_WORD = r"[^\W\d_][\w'\u2019-]*"
# The words of travel or nearness before "to", "from" and "past" (each a whole word: "\b"
# before it, a space after; "all the way" holds the word "way").
_TO_CUES = (
    "closer close nearer nearest near drive driving ride trip way bus shuttle train van go goes "
    "going get getting travel travelling traveling commute fly flying head heading"
)
_FROM_CUES = (
    "visiting coming came come travel travelling traveling driving drove flying flew here trip "
    "bus shuttle ride train"
)
_PAST_CUES = "out way just little bit live lives living"
# "closer to", "the drive to", "go (out) to", "visiting from", "coming (up) from", "out past".
TRAVEL_TOWN = gated(
    re.compile(
        rf"(?P<cue>\b(?i:(?:{'|'.join(_TO_CUES.split())})"
        r"\s+(?:(?:out|up|down|over|back|all\s+the\s+way)\s+)?(?P<to>to)"
        rf"|(?:{'|'.join(_FROM_CUES.split())}|all\s+the\s+way)"
        r"\s+(?:(?:in|up|down|over|out)\s+)?from"
        rf"|(?:{'|'.join(_PAST_CUES.split())})\s+past)\s+)"
        rf"(?P<town>{_TOWN_WORD}(?:[ \t]+{_TOWN_WORD}){{0,2}})"
    ),
    words="to from past",
)
# "to" is in most messages, a word of travel in fewer: TRAVEL_TOWN runs when both are there
# (measured: 1.9 µs -> 0.5 on a mix message, with the module's other gates asked first).
_TRAVEL_CUES = frozenset(f"{_TO_CUES} {_FROM_CUES} {_PAST_CUES}".split())
_TRAVEL_WORDS = TRAVEL_TOWN.words


def _may_travel(text: str) -> bool:
    """Whether TRAVEL_TOWN may match: the text holds "to" / "from" / "past" and a word of
    travel (both are needed; every gate open in the differential test)."""
    words = words_of(text)
    return gates.OPEN or (
        not _TRAVEL_WORDS.isdisjoint(words) and not _TRAVEL_CUES.isdisjoint(words)
    )


# A place's word after the town: "Hartford Hospital", "Chagrin Falls Clinic" (the hospital's).
_INSTITUTION = re.compile(
    r"\s*(?i:hospital|clinic|medical|health|center|centre|campus|university|college|airport|"
    r"station|mall)\b"
)


def _listed_run(words: list[str], travel: bool) -> int:
    """How many leading words form a listed place (0 when none) that is no ordinary phrase;
    after a word of travel the hospital's town and its neighbours are none (where the service
    runs: "does the shuttle go to Bristol?", "come from Southington by shuttle?" stay)."""
    places = place_names()
    for size in range(min(3, len(words)), 0, -1):
        chosen = words[:size]
        phrase = " ".join(chosen)
        lower = phrase.lower()
        if lower not in places or state_or_country(phrase):
            continue
        if lower in HOSPITAL_TOWNS or (travel and lower in TOWNS):
            return 0
        capitalised = all(w[0].isupper() for w in chosen)
        if size == 1 and ordinary(chosen[0]):
            return 0  # "go to Home", "closer to Ground"
        if size > 1 and not capitalised and all(ordinary(w) for w in chosen):
            return 0  # "closer to grand rapids" in lower case is ordinary words
        return size
    return 0


def _travel_town(match: re.Match[str]) -> str:
    words = match.group("town").split()
    size = _listed_run(words, travel=True)
    if not size:
        first = words[0]
        # "visiting from Guadalajara": a big city abroad; "coming from Monterrey Mexico": a
        # capitalised word before a country is its town.
        abroad = first.lower() in cities_abroad() and first[0].isupper()
        before_country = (
            len(words) > 1
            and first[0].isupper()
            and not state_or_country(first)
            and state_or_country(words[1])
            and first.lower() not in _MONTHS_AND_DAYS
        )
        if match.group("to") is None and (abroad or before_country):
            size = 1
        else:
            return match.group()
    town = " ".join(words[:size])
    start = match.start("town") - match.start()
    after = match.group()[start + len(town) :]
    if _INSTITUTION.match(match.string, match.start("town") + len(town)):
        return match.group()
    return match.group()[:start] + ADDRESS_MARK + after


_MONTHS_AND_DAYS_WORDS = (
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday"
)
_MONTHS_AND_DAYS = frozenset(_MONTHS_AND_DAYS_WORDS.split())

# "from Bethlehem PA": a listed town that is no word before a state's code that is one.
_WORD_CODES = "PA MA MO MS MT NE VA AL DE CO LA"
TOWN_BEFORE_WORD_CODE = gated(
    re.compile(
        r"(?P<cue>\b(?i:from|in|near|outside(?:\s+of)?)\s+)(?P<town>[A-Z][a-z'\u2019-]+),?\s+"
        rf"(?P<code>{'|'.join(_WORD_CODES.split())})\b(?![\w'\u2019])"
    ),
    words=_WORD_CODES.lower(),
)


def _town_before_code(match: re.Match[str]) -> str:
    town = match.group("town")
    lower = town.lower()
    if lower not in place_names() or ordinary(town) or lower in HOSPITAL_TOWNS:
        return match.group()
    if state_or_country(town):
        return match.group()
    return match.group("cue") + ADDRESS_MARK


# "Springfield 62704" (its ZIP masked as an id), "code postal [ID removed] (Miami Beach)".
_CAP_RUN = r"[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*){0,2}"
TOWN_BEFORE_ZIP_MARK = gated(
    re.compile(
        rf"(?:^|(?<=[,;\n])|(?<=\bin)|(?<=\bat)|(?<=\bfrom)|(?<=\bnear))\s*(?P<town>{_CAP_RUN}),?\s+"
        r"(?P<mark>\[(?:ID|address) removed\])(?=\s*(?:[.,;!?)]|$))"
    ),
    needles="[id [address",  # the marks' first words: "removed]" is in every mark
)
# What every TOWN_BEFORE_ZIP_MARK match holds: a capitalised word right before the mark, at
# the end of a clause. A literal's scan, where the pattern tries its lookbehinds at every
# position (measured: 0.34 µs -> 0.05 on a mix message; the marks are in a third of them).
_CAPITAL_BEFORE_ZIP_MARK = re.compile(
    r"[A-Z][\w'\u2019-]*,?\s+\[(?:ID|address) removed\]\s*(?:[.,;!?)]|$)"
)
TOWN_IN_BRACKETS_AFTER_ZIP = gated(
    re.compile(
        r"(?P<zip>\b(?i:code\s+postal|postal\s+code|c[o\u00f3]digo\s+postal|zip(?:\s*code)?|"
        r"post\s*code|cp)\s*[:#]?\s*\[(?:ID|address) removed\]\s*,?\s*\(\s*)"
        rf"(?P<town>{_CAP_RUN})(?=\s*\))"
    ),
    words="postal zip postcode post cp código codigo",
)
# Plans named like towns ("Oxford", "Harvard Pilgrim") before a member id stay.
_PLAN_TOWNS = frozenset({"oxford", "harvard", "united", "kaiser", "anthem", "emblem", "molina"})
_ID_CUE = re.compile(
    r"(?i:\b(?:id|member|policy|plan|group|subscriber|insurance|card|mrn|medicare|medicaid|"
    r"account|acct|number|no|num)\b|#)"
)


def _town_before_zip_mark(match: re.Match[str]) -> str:
    words = match.group("town").split()
    size = _listed_run(words, travel=False)
    if size != len(words) or words[0].lower() in _PLAN_TOWNS:
        return match.group()
    if match.group("mark") == ID_MARK and _ID_CUE.search(match.string.replace(ID_MARK, " ")):
        return match.group()  # "Member ID, Oxford [ID removed]": an id, not a ZIP
    head = match.group()[: match.start("town") - match.start()]
    return f"{head}{ADDRESS_MARK} {ADDRESS_MARK}"


def _town_in_brackets(match: re.Match[str]) -> str:
    words = match.group("town").split()
    if _listed_run(words, travel=False) != len(words):
        return match.group()
    # The figures before the town are its ZIP: the mark says so ("code postal [address
    # removed] ([address removed])").
    return match.group("zip").replace(ID_MARK, ADDRESS_MARK) + ADDRESS_MARK


# ---------------------------------------------------------------- homes named for an order

_ORDER_WORD = rf"(?:[A-Z][\w'\u2019-]*|{_NAME}|{_ADDRESS})"
# "the Little Sisters of the Poor residence", "the Sisters of [address removed] convent": a
# religious order's name, in a stay's frame ("at / from / in the", "lives with the") or before
# a home's word; a hospital of the order ("Sisters of Charity Hospital") is the hospital's.
ORDER_HOME = gated(
    re.compile(
        r"(?P<name>\b(?:Little\s+)?(?:Sisters|Brothers|Daughters|Servants|Missionaries|"
        r"Handmaids|Poor\s+Clares|Carmelites|Franciscans|Benedictines|Dominicans)\s+"
        rf"(?:of\s+(?:the\s+)?{_ORDER_WORD}(?:\s+{_ORDER_WORD}){{0,2}})?)"
        r"(?P<kind>\s+(?i:residence|convent|infirmary|motherhouse|mother\s+house|home|house|"
        r"villa|manor|retirement|nursing|care|community|priory|abbey|cloister|hospice))?"
    ),
    words="sisters brothers daughters servants missionaries handmaids clares carmelites "
    "franciscans benedictines dominicans",
)
_STAY_BEFORE = re.compile(
    r"(?i:\b(?:at|from|in|with|to|into|moved\s+to|lives?\s+with|living\s+with)\s+(?:the\s+)?)$"
)


def _order_home(match: re.Match[str]) -> str:
    name = match.group("name")
    if any(_INSTITUTION.fullmatch(word) for word in name.split()):
        return match.group()  # "Sisters of Charity Hospital": the hospital's name
    if " of " not in name and not match.group("kind"):
        return match.group()  # "my Sisters are coming": no order's name, no home
    start = match.start()
    stay = _STAY_BEFORE.search(match.string, max(0, start - 24), start) is not None
    if not (stay or match.group("kind")):
        return match.group()
    if _INSTITUTION.match(match.string, match.end("name")) and not match.group("kind"):
        return match.group()
    return ADDRESS_MARK + (match.group("kind") or "")


# ---------------------------------------------------------------- holidays, days and months

# The cue of a person's event before the holiday (a noun needs a possessive: "is the
# procedure done on Christmas?" asks about the service).
_EVENT = (
    r"(?:(?:my|her|his|our|their|mum['\u2019]?s|mom['\u2019]?s|dad['\u2019]?s)\s+(?:[\w-]+\s+)?"
    r"(?:procedure|surgery|op|operation|appointment|appt|fracture|fall|injection|scan|mri|"
    r"admission|discharge|consult|consultation|visit|kyphoplasty|vertebroplasty)"
    r"|fell|broke|cracked|fractured|(?:came|come|went|got)\s+in|admitted|discharged|"
    r"(?:^\s*|\b(?:i|i['\u2019]m|im|am|was|been|got|we|we['\u2019]re|she|she['\u2019]s|he|"
    r"he['\u2019]s|it['\u2019]?s|i['\u2019]?ve|we['\u2019]ve)\s+(?:\w+\s+)?)(?:booked|scheduled))"
)
EVENT_HOLIDAY = gated(
    re.compile(
        rf"(?P<cue>\b{_EVENT}\b[^.?!\n]{{0,24}}?\b(?:(?:on|at|over|since|for|is|was)\s+"
        r"(?=(?:the\s+)?(?:day|night|morning|evening|afternoon|weekend|week|eve)\s+"
        rf"(?:of|after|before)\s|{_HOLIDAY}\b)|(?=the\s)))"
        r"(?P<date>(?:the\s+)?(?:(?:day|night|morning|evening|afternoon|weekend|week|eve)\s+"
        rf"(?:of|after|before)\s+)?{_HOLIDAY})\b",
        re.IGNORECASE,
    ),
    words=HOLIDAY_WORDS,
)
# "my appointment on [date removed] of December": the month goes with the day.
MONTH_AFTER_DAY = gated(
    re.compile(
        rf"{re.escape(DATE_MARK)}\s+(?i:of)\s+(?i:{MONTH_NAME})\b\.?",
    ),
    needles="[date",
)

# ---------------------------------------------------------------- ids the phones took

# "BCBS ID: ZGP [phone removed]", "Epic ID [phone removed]": an id's cue, a letter prefix.
ID_OVER_PHONE = gated(
    re.compile(
        r"(?P<cue>(?<!caller\s)(?<!Caller\s)(?<!CALLER\s)\b(?i:id|member\s+(?:id|number|no)|"
        r"policy(?:\s+(?:number|no|#))?|subscriber(?:\s+id)?|mrn|medical\s+record\s+(?:number|no))"
        r"\.?(?:\s+(?i:is|number|no|#))?\s*[:#]?\s*)(?:[A-Z]{1,4}[\s-])?" + _PHONE
    ),
    needles="[phone",
)
DATE_OVER_PHONE = gated(
    re.compile(
        r"(?P<cue>\b(?i:dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|birthday)"
        r"(?:\s+(?i:is))?\s*[:#-]?\s*)" + _PHONE
    ),
    needles="[phone",
)
ZIP_OVER_PHONE = gated(
    re.compile(
        r"(?P<cue>\b(?i:zip(?:\s*\+\s*4)?(?:\s*code)?|postal\s+code|postcode)"
        r"(?:\s+(?i:is))?\s*[:#-]?\s*)" + _PHONE
    ),
    needles="[phone",
)


def masked_homes(text: str) -> str:
    """Homes named for a religious order (module docstring), before the names read them."""
    return ORDER_HOME.sub(_order_home, text)


# One check for the whole pass: every pattern below asks a gate, and on an ordinary message
# none opens (measured: 4.1 µs -> 2.3 on the training messages); TRAVEL_TOWN is asked by
# `_may_travel`, sharper than its gate's "to".
_MAY_APPLY = any_gate(
    TOWN_BEFORE_WORD_CODE,
    TOWN_BEFORE_ZIP_MARK,
    TOWN_IN_BRACKETS_AFTER_ZIP,
    ORDER_HOME,
    EVENT_HOLIDAY,
    MONTH_AFTER_DAY,
    ID_OVER_PHONE,
    DATE_OVER_PHONE,
    ZIP_OVER_PHONE,
)


def masked(text: str) -> str:
    """Round 28's towns, dates and id marks (module docstring)."""
    if not _MAY_APPLY(text) and not _may_travel(text):
        return text
    text = TOWN_BEFORE_WORD_CODE.sub(_town_before_code, text)
    if _may_travel(text):
        text = TRAVEL_TOWN.sub(_travel_town, text)
    if TOWN_BEFORE_ZIP_MARK.may_match(text) and (
        gates.OPEN or _CAPITAL_BEFORE_ZIP_MARK.search(text)
    ):
        text = TOWN_BEFORE_ZIP_MARK.sub(_town_before_zip_mark, text)
    text = TOWN_IN_BRACKETS_AFTER_ZIP.sub(_town_in_brackets, text)
    text = ORDER_HOME.sub(_order_home, text)  # an order's name the names left in part
    text = EVENT_HOLIDAY.sub(lambda m: m.group("cue") + DATE_MARK, text)
    text = MONTH_AFTER_DAY.sub(DATE_MARK, text)
    text = ID_OVER_PHONE.sub(lambda m: m.group("cue") + ID_MARK, text)
    text = DATE_OVER_PHONE.sub(lambda m: m.group("cue") + DATE_MARK, text)
    return ZIP_OVER_PHONE.sub(lambda m: m.group("cue") + ADDRESS_MARK, text)
