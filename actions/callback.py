"""The callback request: ask, validate the form's answers and store the request.

The phone number is checked (a bad one is asked again, with an example) and kept in a short
canonical form; nothing is stored without the patient's explicit consent; the stored request
starts with status `new`. The submission checks everything again on the server: the values
must come from a completed run of the form in this conversation (callback_form_run.py), the
number must pass the same check, and name and time must be plain text that fits its column.

The form's texts live here rather than in domain.yml: Rasa's data validator counts a
response used only by a form or an action as unused, which `--fail-on-warnings` rejects.
Clinical answers stay in domain.yml.
"""

from __future__ import annotations

import abc
import re
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.callback_answers import (
    corrected_number,
    for_someone_else,
    incomplete_number,
    names_no_one,
    someone_else,
    surname_comma_first,
)
from actions.callback_details import (
    change_at_consent,
    name_correction,
    name_in_request,
    only_a_number,
)
from actions.callback_name import NameAnswer, read_name_answer
from actions.callback_name_question import name_given_late
from actions.callback_surname import joined_name
from actions.phone_reach import dialled_abroad, with_area_code_after
from actions.runtime import contact_details, log_writer
from core.db.models import CallbackRequest
from core.db.values import identifier, one_line
from core.privacy.booked_days_stamps_and_split_numbers import masked_dates_in_time_answer
from core.privacy.redaction import MARKS, redact, redact_all_but_names
from core.privacy.time_answers import masked_place_in_time_answer
from core.privacy.transcripts import PERSONAL_SLOT_MARKS, PHONE_MARK, is_mark
from core.vocabulary.buttons import CALLBACK_BUTTON, CONSENT_BUTTONS
from core.vocabulary.callback_form import (
    CALLBACK_SLOTS,
    FORM,
    REQUEST_KEY_SLOT,
    completed_form_values,
)
from core.vocabulary.contact import handoff_text
from core.vocabulary.spoken_phone import number_said
from core.vocabulary.topics import FAQ_TOPICS

PROMPTS = {
    "callback_name": (
        "I can ask the team to call you back. What name should they ask for? "
        "(Type 'cancel' at any time to stop.)"
    ),
    "callback_phone": "What phone number should they call? Please include the area code.",
    "callback_time": "When is a good time to call? For example: weekday mornings.",
    "callback_consent": (
        "Do you agree that the interventional radiology team may call you on {callback_phone} "
        "about your question?"
    ),
}
# Round 19: a refusal says once what is needed and how to stop; a second answer that is no
# phone number ends the form (PHONE_NOT_TAKEN) instead of taking every later message for
# another attempt at a number ("evenings", "yes" were swallowed and the form never ended).
INVALID_PHONE = (
    "Sorry, I couldn't find one phone number in that. Please type just the number the team "
    "should call, with the area code, for example (860) 555-0123 (in figures or in words). "
    "Or say cancel to stop."
)
PHONE_NOT_TAKEN = (
    "I still couldn't find one phone number, so I've stopped the call-back request, and your "
    "details have not been kept. You can ask for a call back again at any time."
)
# Round 22 (callback-289): "617-555-01" was stored as the phone, and the correction typed at
# the next question became the time. An incomplete number is refused with this; a corrected
# number typed later replaces the phone (actions/callback_answers.py).
INCOMPLETE_PHONE = (
    "That number looks incomplete: a number with its area code has 10 figures, for example "
    "(860) 555-0123. Please type the whole number the team should call, or say cancel to stop."
)
# Round 28 (actions/phone_reach.py): "555 0177" and "five five five oh one six six" were
# stored and confirmed, though the team cannot call a number without its area code. Each is a
# refusal like the two above: a second answer that is no callable number ends the form.
MISSING_AREA_CODE = (
    "Thank you. That number has no area code, so the team could not call it. Please type "
    "the whole number with its area code, for example (860) 555-0123, or say cancel to stop."
)
NOT_CALLABLE = (
    "Sorry, the team can't call that number as it is written. Please type a number with its "
    "area code, for example (860) 555-0123, or a number from another country with + and its "
    "country code, for example +44 20 7946 0958. Or say cancel to stop."
)
PHONE_CORRECTED = "Thank you, I've changed the number to {callback_phone}."
# The same number typed again at a later question (round 23, cb05/cb15: it was already taken
# from the name answer): nothing changes, and the patient is told so.
PHONE_SAME = "Thank you, that is the number I have: {callback_phone}."
# Round 23 (actions/callback_details.py): what the form says when an answer gives another
# detail than the one asked for.
NAME_NEEDED = (
    "The team need a name to ask for when they call (a first name is enough), so I can't "
    "send the request without one. If you'd rather not give a name here, you can contact "
    "the department yourself (details below), or type cancel to stop."
)
PHONE_AT_NAME = (
    "Thank you, I'll give the team the number {callback_phone}. They also need a name to ask for."
)
NUMBER_IN_NAME = "Thank you, I'll give the team the number {callback_phone}."
NAME_CORRECTED = "Thank you, I've changed the name to {callback_name}."
# Round 28 (actions/callback_surname.py): a surname typed at the phone question after a
# one-word name is joined to the name, and the number asked for again.
SURNAME_ADDED = "Thank you, I've added that to the name: {callback_name}."
# Round 25 (actions/callback_name.py): an answer with no name in it is told so, plainly.
NO_NAME_FOUND = (
    "Sorry, I couldn't find a name in that. Please type the name the team should ask for "
    "when they call (a first name is enough), or type cancel to stop."
)
PATIENT_NAME_NEEDED = (
    "Thank you. So that the team can ask for you when they call, please type your name (a "
    "first name is enough), or type cancel to stop."
)
# Round 29 (actions/callback_name_question.py): a question at the name question ("why do you
# need my name") is answered, and the name asked for again; a second answer without a name
# ends the form, as a second answer without a number does.
NAME_WHY = (
    "The team need a name so they know whom to ask for when they call (a first name is "
    "enough). It is kept only with your call-back request, for the team. Or type cancel to stop."
)
NAME_NOT_TAKEN = (
    "I still don't have a name to give the team, so I've stopped the call-back request, and "
    "your details have not been kept. You can ask for a call back again at any time."
)
EARLIER_NAME_TAKEN = "Thank you, I'll ask the team to ask for {callback_name}."
DETAILS_IN_REQUEST = "Thank you, I've noted {details} from your message."
CHANGED_AT_CONSENT = (
    "All right, I've changed the request: the team will ask for {callback_name}{on_phone}."
)
# Round 22: "mornings" at the consent question got the greeting before the question again.
CONSENT_REASK = (
    "Sorry, I need a yes or a no: may the team call you? Please press Yes or No below, or "
    "type cancel to stop."
)
SUBMITTED = (
    "Thank you, {callback_name}. Your request has been passed to the interventional radiology "
    "team, who will call {callback_phone} ({callback_time}). This is not for emergencies: if "
    "you need urgent help, call 911. If you change your mind, type cancel."
)
# Round 22 (callback-286): the name field holds whom the team should ask for; when that is
# a relative ("Lisa Grantham (daughter)") the patient is not thanked by the relative's name.
SUBMITTED_FOR_SOMEONE = (
    "Thank you. Your request has been passed to the interventional radiology team, who will "
    "call {callback_phone} and ask for {callback_name} ({callback_time}). This is not for "
    "emergencies: if you need urgent help, call 911. If you change your mind, type cancel."
)
# Round 21: of two numbers the first is taken, and the patient is told which.
FIRST_NUMBER_TAKEN = (
    "You gave more than one number; I'll give the team the first one, {callback_phone}."
)
# Round 21 (callback-012): an emergency message in the middle of the form stopped it without a
# word, and the patient's next "yes" was taken for small talk: they believed a call was
# coming. After the emergency message the patient is told plainly that nothing was sent.
INTERRUPTED = (
    "Your call-back request was stopped and has NOT been sent: no one will call you about "
    "it. If you still want a call back, press the button below or ask again."
)
DECLINED = (
    "No problem. Without your agreement we won't call you, and your details have not been kept."
)
CANCELLED = "All right, I've cancelled the call-back request and your details have not been kept."
NOT_SENT = (
    "Sorry, I couldn't pass on your call-back request, and your details have not been kept. "
    "Please ask for a call back again."
)
_COLUMNS = CallbackRequest.__table__.columns
MAX_FIELD_CHARS = min(_COLUMNS["name"].type.length, _COLUMNS["preferred_time"].type.length)
MAX_PHONE_CHARS = _COLUMNS["phone"].type.length
MAX_CONVERSATION_ID_CHARS = _COLUMNS["conversation_id"].type.length
PHONE_ALLOWED = re.compile(r"^\+?[\d\s().\-/]+$")
# More separators in a row than "5 ) - ( 5" has is not how anyone writes a number.
PHONE_SEPARATOR_RUN = re.compile(r"\D{4,}")
MIN_PHONE_DIGITS, MAX_PHONE_DIGITS = 7, 15  # E.164 allows at most 15 digits
# Leading characters a spreadsheet would run as a formula (the CSV export also guards).
FORMULA_START = "=+-@"


# One number inside words: the patient answered the form's question with a sentence (round
# 18's tester: "my number is 475-555-0169" was refused, and the form stuck).
_NUMBER_RUN = re.compile(r"\+?\(?\d[\d\s().\-/]*\d\)?")


def _number_in_sentence(typed: str) -> str | None:
    """The one run of figures in a sentence (words around it), when no other figure is in it
    and no word of an extension follows ("860-555-0123 ext": the rest is still to come)."""
    if not _LETTER.search(typed) or _EXTENSION.search(typed):
        return None
    runs = _NUMBER_RUN.findall(typed)
    return runs[0].strip() if len(runs) == 1 else None


# Round 21 (callback-015/-016/-017): "608-555-0178 ext 4", "cell 608 555 0179 or home 608
# 555 0180" and "my number is 312-555-0183, call before 10" were refused. A number with an
# extension is kept with it; of an answer with more numbers, the first full number (ten
# figures, eleven after a 1, or one written with +) is taken: a short figure ("before 10", a
# room) is no phone number, and a seven-figure one may be a record number, so it alone does
# not count. The rest of the answer is not stored (the form asks for the time next).
_EXTENSION_NUMBER = re.compile(
    r"(?P<number>\+?\(?\d[\d\s().\-/]*\d)\s*,?\s*(?:ext|extension|x)\.?\s*#?\s*(?P<ext>\d{1,6})\b",
    re.IGNORECASE,
)
EXTENSION_FORM = "{phone} ext. {extension}"


def _with_extension(typed: str, local_ok: bool = False) -> str | None:
    """The first number typed with an extension, as "(608) 555-0178 ext. 4", or None."""
    found = _EXTENSION_NUMBER.search(typed)
    if found is None:
        return None
    phone = _canonical_phone(found.group("number").strip(), local_ok)
    if phone is None or _EXTENSION.search(phone):
        return None
    kept = EXTENSION_FORM.format(phone=phone, extension=found.group("ext"))
    return kept if len(kept) <= MAX_PHONE_CHARS else None


def full_numbers(typed: str) -> list[str]:
    """The runs of figures in `typed` that are full phone numbers (see above)."""
    found = []
    for match in _NUMBER_RUN.finditer(typed):
        if typed[max(match.start() - 1, 0) : match.start()] == "+":
            continue  # "++860...": no way to write a number
        run = match.group()
        digits = re.sub(r"\D", "", run)
        full = len(digits) == 10 or (len(digits) == 11 and digits[0] == "1")
        if (full or run.startswith("+")) and PHONE_ALLOWED.match(run.strip()):
            found.append(run.strip())
    return found


def _first_full_number(typed: str) -> str | None:
    """The first full number, unless a word of an extension is left without its figures
    ("860-555-0123 ext": the rest is still to come)."""
    numbers = [] if _EXTENSION.search(typed) else full_numbers(typed)
    return numbers[0] if numbers else None


_LETTER = re.compile(r"[^\W\d_]")
_EXTENSION = re.compile(r"\b(?:ext|extension|x)\b", re.IGNORECASE)


def normalise_phone(value: Any, local_ok: bool = False) -> str | None:
    """The number in a short canonical form if it looks like a phone number, else None.

    7 to 15 digits, typed with spaces, brackets, dots, dashes or slashes and an optional
    leading +. North American numbers are written the usual way, "(860) 555-0199" and
    "+1 (860) 555-0199"; any other number as its + (if typed) and digit groups with single
    spaces. The result is at most 30 characters, so it always fits its column, and checking
    it again gives it back unchanged.

    A number typed in words ("eight six oh, five five five, oh one eight seven") is read as
    its figures (round 19: the form refused it and kept asking; core/vocabulary/
    spoken_phone.py), when it is the one number the answer says.

    Round 28: only a number the team can call from here is taken (`callable_number`); with
    `local_ok` any run of 7 to 15 figures is read, so the form can tell the patient what the
    number lacks (`missing_area_code`).
    """
    if not isinstance(value, str):
        return None
    typed = with_area_code_after(" ".join(value.split()))
    if incomplete_number(typed):
        return None  # "617-555-01" cannot be called (round 22, callback-289)
    phone = _canonical_phone(typed, local_ok)
    if phone is None and _NUMBER_WORD.search(typed) and not _EXTENSION.search(typed):
        said = number_said(typed)
        phone = _canonical_phone(said, local_ok) if said else None
    return phone


def missing_area_code(value: Any) -> bool:
    """Is the answer a local number without its area code ("555 0177", "five five five oh one
    six six": seven figures), which the form asks again for with MISSING_AREA_CODE?"""
    if normalise_phone(value) is not None:
        return False
    local = normalise_phone(value, local_ok=True)
    return local is not None and len(re.sub(r"\D", "", local.split(" ext.")[0])) == 7


def not_callable(value: Any) -> bool:
    """Is the answer a run of figures that reads as a number but that the team cannot call
    from here ("07700 900123" without its + and country code; a 9-figure number)?"""
    return normalise_phone(value) is None and normalise_phone(value, local_ok=True) is not None


# A word of a number said aloud: without one, an answer is read as typed only (so brackets
# around figures, "(((860)))", are no number said in words).
_NUMBER_WORD = re.compile(
    r"\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"\w+ty|hundred|double|triple|plus|cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)\b",
    re.IGNORECASE,
)


def _canonical_phone(typed: str, local_ok: bool = False) -> str | None:
    """normalise_phone for an answer in figures (spaces already made single)."""
    if not PHONE_ALLOWED.match(typed):
        with_extension = _with_extension(typed, local_ok)
        if with_extension is not None:
            return with_extension
        typed = _number_in_sentence(typed) or _first_full_number(typed) or typed
    if (
        len(typed) > MAX_PHONE_CHARS
        or not PHONE_ALLOWED.match(typed)
        or PHONE_SEPARATOR_RUN.search(typed.removeprefix("+"))
    ):
        return None
    groups = re.findall(r"\d+", typed)
    digits = "".join(groups)
    if not MIN_PHONE_DIGITS <= len(digits) <= MAX_PHONE_DIGITS:
        return None
    international = typed.startswith("+")
    if len(digits) == 10 and not international and digits[0] in "23456789":
        return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
    if len(digits) == 11 and digits[0] == "1" and digits[1] in "23456789":
        return f"+1 ({digits[1:4]}) {digits[4:7]}-{digits[7:]}"
    if international:
        return "+" + " ".join(groups)
    abroad = dialled_abroad(groups)  # "011 44 20 7946 0958": the US way to dial abroad
    if abroad is not None:
        return abroad
    # Round 28: no area code ("555 0177"), or a number the team cannot dial as written
    # ("07700 900123" lacks its + and country code): no phone number to store.
    return " ".join(groups) if local_ok else None


def _clean_text(value: Any) -> str | None:
    """Plain one-line text that fits its column, without a leading formula character."""
    text = one_line(value, MAX_FIELD_CHARS * 2).lstrip(FORMULA_START + " ")
    return text[:MAX_FIELD_CHARS].rstrip() or None


def name_field(value: Any) -> str | None:
    """The name answer as stored: the name kept, any other detail typed with it masked
    ("Leokadia Zielinska medicare [ID removed] dob [date removed]": staff need the name to
    call back, not the Medicare number or the birth date; an outside tester found them raw).

    Only the caller's own name is kept: a clause after it is read like any message, so a
    second person named there goes ("Leokadia Zielinska, my neighbour [name removed] helps
    me": round 16's tester found the neighbour's full name stored). A tail without a word in
    lower case is the same name written "Surname, First" and stays."""
    text = _clean_text(value)
    text = _NAME_LEAD_IN.sub("", text, count=1) if text else text  # "it's Bernadette ..."
    if not text:
        return None
    # Round 22: the name staff should ask for (actions/callback_answers.py): a relative the
    # patient asks the team to call instead, or "surname, first name" typed in lower case.
    other = someone_else(text)
    if other is not None:
        return redact_all_but_names(other)
    if surname_comma_first(text):
        return redact_all_but_names(text)
    clause = _CLAUSE_AFTER_NAME.search(text)
    if clause and _LOWER_WORD.search(text, clause.start()):
        head, tail = text[: clause.start()], text[clause.start() :]
        return _without_details(redact_all_but_names(head) + redact(tail))
    return _without_details(redact_all_but_names(text))


# Round 22 (callback-412/413: "Tobias Grint, MRN [ID removed]" was stored and thanked): a
# detail typed after the name is not kept in the name field at all. The stored name ends
# before the clause (or the label words: "medicare", "DOB", "MRN") that leads to the first
# detail masked, when a name is left before it.
_MARK = re.compile(r"\[[A-Za-z ]+ removed\]")
_DETAIL_LABELS = re.compile(
    r"(?:[\s,;:]+(?:mrn|medical\s+record(?:\s+number)?|medicare|medicaid|dob|d\.o\.b\.?|born|"
    r"date\s+of\s+birth|birthday|ssn|social(?:\s+security)?|id|number|no\.?|nr|#|phone|tel|"
    r"cell|mobile|email|e-mail|address|plan|member|account|is|was|on|at))+[\s:#.]*$",
    re.IGNORECASE,
)


def _without_details(stored: str) -> str:
    """`stored` cut before the first masked detail and what introduces it, if a name is left."""
    mark = _MARK.search(stored)
    if mark is None:
        return stored
    before = stored[: mark.start()]
    boundaries = [m.start() for m in _CLAUSE_AFTER_NAME.finditer(before)]
    boundaries = [b for b in boundaries if _LETTER.search(before[:b])]
    if boundaries:
        return before[: boundaries[0]].rstrip(" ,;:-\u2013\u2014(")
    labels = _DETAIL_LABELS.search(before)
    if labels and _LETTER.search(before[: labels.start()]):
        return before[: labels.start()].rstrip(" ,;:-\u2013\u2014(")
    # Round 26: the detail typed first, then the name ("MRN [ID removed], Alfred").
    lead = _DETAIL_FIRST.match(stored)
    if lead and _LETTER.search(stored[lead.end() :]):
        return _without_details(stored[lead.end() :])
    return stored


_DETAIL_FIRST = re.compile(r"[^\[]{0,30}?\[[A-Za-z ]+ removed\][\s,;:.\u2013\u2014-]+")


# Where a clause after the caller's name starts: a comma, a bracket, a dash between spaces,
# or "and" / "my" / "our" / "for" after the name.
_CLAUSE_AFTER_NAME = re.compile(
    r"[,;(]|\s[-\u2013\u2014]\s|\s(?=(?:and|my|our|his|her|for|on\s+behalf)\b)", re.IGNORECASE
)
# What a patient says before their name when the form asks for it (round 18's tester: "it's
# Bernadette Szymańska" was stored, and thanked, lead-in and all).
_NAME_LEAD_IN = re.compile(
    # Round 26: up to three filler words ("ok fine it's Percival Lamb" was stored whole), then
    # a cue, or the fillers alone before a capital ("ok fine Tom Hale").
    r"^\s*(?:(?:hi|hello|ok|okay|sure|yes|yeah|yep|fine|alright|well|oh|um|so)[\s,!.]+){0,3}"
    r"(?:(?:it['\u2019]?s|it\s+is|this\s+is|i['\u2019]?m|i\s+am|"
    r"(?:my|his|her|their)\s+name\s+is|(?:my|his|her|their)\s+name['\u2019]s|"
    r"name\s*:|the\s+name\s+is|"
    # Round 22 (callback-290): "name is Clementine Oyelaran-Brooks" was stored cue and all.
    r"(?:the\s+)?name['\u2019]s|name\s+is|ask\s+for|call\s+me)\s+|(?<=[\s,!.])(?=[A-Z]))",
    re.IGNORECASE,
)
_LOWER_WORD = re.compile(r"\b[a-z][a-z'\u2019-]+\b")


def time_field(value: Any) -> str | None:
    """The preferred-time answer as stored: the time kept, names and numbers in it masked
    ("after 5pm or ring my son [name removed] on [phone removed]"): the request's phone
    field is the one number the form keeps."""
    text = _clean_text(value)
    # A date in it ("any day but my procedure day 11/18": round 21 found it raw) is masked.
    # Round 23 (cb21/cb33/cb35): where the patient is ("at Willowbrook Manor room 12", "in
    # moosic") is masked whole: read alone, the answer lacks the context the rules need.
    if not text:
        return None
    return masked_place_in_time_answer(redact(masked_dates_in_time_answer(text)))


# A run of marks in the stored time answer (spaces between them): one "…" stands for it.
_ANY_MARK = "|".join(map(re.escape, MARKS))
_MARKS_IN_TIME = re.compile(rf"(?:{_ANY_MARK})(?:\s*(?:{_ANY_MARK}))*")


def time_for_patient(preferred_time: str) -> str:
    """The stored time answer as the confirmation shows it to the patient: each masked detail
    an ellipsis ("after 5pm, my neighbour … will pick up at …").

    Why: the answer is stored with the names, numbers and places in it masked (`time_field`),
    and the confirmation read that stored value back: the patient saw "[name removed]" and
    "[address removed]" in their own answer (round 27's tester) and could take it for an
    error, or for their details being lost. The request itself keeps the masked text."""
    return _MARKS_IN_TIME.sub("…", preferred_time)


class ValidateCallbackForm(FormValidationAction):
    def name(self) -> str:
        return "validate_callback_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Validate this turn's answer; ask again for any detail the transcript masked.

        The stored transcript keeps the form's answers masked (core/privacy/transcripts.py). A
        conversation read back from the database in the middle of the form (after a restart,
        or on another Rasa instance) has those masks as slot values: they are cleared, so
        the form asks for the real detail again instead of submitting the mask.
        """
        events = await super().run(dispatcher, tracker, domain)
        cleared: list[EventType] = [
            SlotSet(slot, None) for slot in PERSONAL_SLOT_MARKS if is_mark(tracker.get_slot(slot))
        ]
        opened = details_in_request(tracker, dispatcher)
        changed = consent_change(tracker, dispatcher)
        if changed:
            return cleared + events + changed
        return cleared + opened + events + consent_reask(tracker, dispatcher)

    def validate_callback_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The name staff should ask for. Round 23: a refusal is told why a name is needed (and
        the department's details); a number alone is the phone (the name is asked again); a
        number with the name fills the phone too (it is not asked for again). Round 25: the
        answer is read once (actions/callback_name.py): a correction, a relative after a
        lead-in, the patient's role before the name; an answer with no name is told so.
        Round 29: a question about the name is answered (NAME_WHY), and a second answer
        without a name ends the form (NAME_NOT_TAKEN), as at the phone question."""
        answer = read_name_answer(value) if isinstance(value, str) else None
        if answer is not None and answer.kind == "refusal" and name_reasked_in_this_form(tracker):
            return _name_not_taken(answer.kind, dispatcher, tracker)  # round 29: never a trap
        if answer is not None and answer.kind == "refusal":
            dispatcher.utter_message(text=NAME_NEEDED)
            dispatcher.utter_message(text=handoff_text(contact_details()))
            return {"callback_name": None}
        numbers = full_numbers(value) if isinstance(value, str) else []
        phone = normalise_phone(numbers[0]) if numbers else None
        if phone is not None and only_a_number(value, numbers[0]):
            dispatcher.utter_message(text=PHONE_AT_NAME.format(callback_phone=phone))
            return {"callback_name": None, "callback_phone": phone}
        if answer is not None and answer.kind != "name" and name_reasked_in_this_form(tracker):
            return _name_not_taken(answer.kind, dispatcher, tracker)  # round 29: never a trap
        if answer is not None and answer.kind != "name":
            return _no_name_in_answer(answer.kind, phone, dispatcher, tracker)
        if answer is not None and answer.relation is not None:
            name: str | None = f"{redact_all_but_names(str(answer.text))} ({answer.relation})"
        else:
            name = name_field(answer.text if answer is not None else value)
        if phone is not None and name:
            name = _before_number(name)
        if name is not None and names_no_one(name) and not _one_word(answer):
            name = None  # round 24: "her number is 617-555-0160" gave the name "her"
        if phone is not None and not name:
            dispatcher.utter_message(text=PHONE_AT_NAME.format(callback_phone=phone))
            return {"callback_name": None, "callback_phone": phone}
        if phone is not None and name and tracker.get_slot("callback_phone") is None:
            dispatcher.utter_message(text=NUMBER_IN_NAME.format(callback_phone=phone))
            return {"callback_name": name, "callback_phone": phone}
        if name is None and name_reasked_in_this_form(tracker):
            return _name_not_taken("no_name", dispatcher, tracker)  # round 29: never a trap
        if name is None:
            dispatcher.utter_message(text=NO_NAME_FOUND)
        return {"callback_name": name}

    def validate_callback_phone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The number, or a refusal that says what is needed; a second refusal in the same
        run of the form ends it (`requested_slot` None: the submission says why), so a
        patient is never kept in the form by answers that are no number."""
        phone = normalise_phone(value)
        corrected = name_correction(value) if phone is None else None
        if corrected is None and phone is None:  # round 29: "ok fine, Rosalind Petrakis"
            corrected = name_given_late(value)
        if corrected is not None:  # round 23, cb11: "sorry its John Sweeney"
            return _name_corrected(corrected, dispatcher, {"callback_phone": None})
        joined = joined_name(tracker.get_slot("callback_name"), value) if phone is None else None
        if joined is not None:  # round 28: "Teodora", then "Vasquez-Lind" at this question
            dispatcher.utter_message(text=SURNAME_ADDED.format(callback_name=joined))
            return {"callback_name": joined, "callback_phone": None}
        if phone is not None:
            if isinstance(value, str) and len(full_numbers(value)) > 1:
                dispatcher.utter_message(text=FIRST_NUMBER_TAKEN.format(callback_phone=phone))
            return {"callback_phone": phone}
        if refused_in_this_form(tracker.events):
            return {"callback_phone": None, "requested_slot": None}
        dispatcher.utter_message(text=phone_refusal(value))
        return {"callback_phone": None}

    def validate_callback_consent(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The consent: a yes or a no (the slot's mappings set True or False from the affirm
        and deny intents); any other value is no answer, and `consent_reask` asks again.
        Round 28: without this method rasa-sdk warned "Skipping validation for
        `callback_consent`" in actions.log at every consent answer."""
        return {"callback_consent": value if isinstance(value, bool) else None}

    def validate_callback_time(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The time; or, when the answer corrects the number ("sorry, 617-555-0115"), the new
        phone, and the time asked again (round 22: the correction had become the time)."""
        changed = change_at_time(value, dispatcher)
        if changed is not None:  # round 25 (r24 call363): a change, then the time again
            return {**changed, "callback_time": None}
        if isinstance(value, str) and _NO_TIME.match(value):
            dispatcher.utter_message(text=TIME_NEEDED)  # "yes" is no time (call363)
            return {"callback_time": None}
        correction = phone_correction(value, dispatcher, tracker.get_slot("callback_phone"))
        if correction is not None:
            return {**correction, "callback_time": None}
        corrected = name_correction(value)
        if corrected is not None:  # round 23, cb11
            return _name_corrected(corrected, dispatcher, {"callback_time": None})
        return {"callback_time": time_field(value)}


# Round 25 (round 24's call363): "call my son Mateo instead at 617-555-0187" typed at the time
# question changed the number only, and the patient's "yes" next became the time. A change of
# whom to call there changes the name (and number), says so, and the time is asked again; an
# answer that is only a yes or no is no time, and is told so.
_CHANGE_WORD = re.compile(r"\b(?:instead|rather|call|ring|phone|ask\s+for|speak\s+to)\b", re.I)
_NO_TIME = re.compile(
    r"^\W*(?:yes|yeah|yep|yup|no|nope|ok|okay|sure|fine|alright|all\s+right|thanks|thank\s+you)"
    r"\W*$",
    re.IGNORECASE,
)
TIME_NEEDED = (
    "Sorry, I need a time for the call, for example: weekday mornings, or any time. "
    "Or type cancel to stop."
)


def change_at_time(value: Any, dispatcher: CollectingDispatcher) -> dict[str, Any] | None:
    """The name (and phone) slots when the time answer asks the team to call someone else."""
    if not isinstance(value, str) or not _CHANGE_WORD.search(value):
        return None
    found = change_at_consent(value)
    if found is None:
        return None
    other, change = found
    slots: dict[str, Any] = {"callback_name": other}
    numbers = full_numbers(change)
    phone = normalise_phone(numbers[0]) if len(numbers) == 1 else None
    if phone is not None:
        slots["callback_phone"] = phone
    on_phone = f" on {phone}" if phone else ""
    dispatcher.utter_message(text=CHANGED_AT_CONSENT.format(callback_name=other, on_phone=on_phone))
    return slots


def _one_word(answer: NameAnswer | None) -> bool:
    """Is the answer one word alone ("Will": a name at the name question, round 25, cb04)?"""
    return answer is not None and answer.text is not None and " " not in answer.text.strip()


def _no_name_in_answer(
    kind: str, phone: str | None, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    """Round 25 (cb16): "it's me, the patient" is no name. The name the patient gave earlier in
    the conversation ("my name is ...", "I'm ...") is taken if there is one; otherwise the
    patient is told what is needed and the question is asked again."""
    found: dict[str, Any] = {"callback_phone": phone} if phone is not None else {}
    earlier = name_given_earlier(tracker) if kind == "patient_no_name" else None
    if earlier is not None:
        dispatcher.utter_message(text=EARLIER_NAME_TAKEN.format(callback_name=earlier))
        return {"callback_name": earlier, **found}
    said = {"patient_no_name": PATIENT_NAME_NEEDED, "question": NAME_WHY}.get(kind, NO_NAME_FOUND)
    dispatcher.utter_message(text=said)
    return {"callback_name": None, **found}


# What the form says when an answer at the name question gives no name (round 29: counted, so
# that a second such answer ends the form), as said and as the transcript stores it.
_NAME_REASKS = frozenset(
    said
    for reask in (NAME_NEEDED, NO_NAME_FOUND, PATIENT_NAME_NEEDED, NAME_WHY)
    for said in (reask, redact(reask))
)


def name_reasked_in_this_form(tracker: Tracker) -> bool:
    """Has the form already re-asked the name, since it was last opened, for an answer that
    gave none (refusal, question, no name)?"""
    for event in reversed(tracker.events or []):
        if not isinstance(event, dict):
            continue
        if event.get("event") == "active_loop" and event.get("name") == FORM:
            return False
        if event.get("event") == "bot" and event.get("text") in _NAME_REASKS:
            return True
    return False


def _name_not_taken(
    kind: str, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    """A second answer without a name ends the form (`requested_slot` None): the submission
    says why (NAME_NOT_TAKEN). "it's me, the patient" still takes a name given earlier."""
    if kind == "patient_no_name" and name_given_earlier(tracker) is not None:
        return _no_name_in_answer(kind, None, dispatcher, tracker)
    return {"callback_name": None, "requested_slot": None}


def typed_text(tracker: Tracker) -> Any:
    """The patient's latest message as typed: the latest user event's text.

    Round 25 (cb15): the parse data's "text" is what the classifiers read (addons/nlu/focus.py:
    names and numbers taken out), so "yes but call my son Arjun instead on 914 555 0100"
    reached the form as "yes but call my son  instead on" and the change was lost."""
    for event in reversed(tracker.events or []):
        if isinstance(event, dict) and event.get("event") == "user":
            return event.get("text")
    return tracker.latest_message.get("text")


def name_given_earlier(tracker: Tracker) -> str | None:
    """The name the patient gave in an earlier message ("my name is Ann Lee", "I'm Ann"), the
    latest first; None if none (or only a masked one, read back from the database)."""
    for event in reversed(tracker.events or []):
        if isinstance(event, dict) and event.get("event") == "user":
            said = name_in_request(event.get("text"))
            name = name_field(said) if said else None
            if name and not is_mark(name) and "removed]" not in name:
                return name
    return None


def _before_number(stored: str) -> str | None:
    """The stored name cut before the number masked in it ("Mary Smith [phone removed]": the
    number is the phone now), with the words that led to it ("my phone is")."""
    cut = stored.find(PHONE_MARK)
    before = stored[:cut] if cut >= 0 else stored
    labels = _DETAIL_LABELS.search(before) if cut >= 0 else None
    if labels is not None:
        before = before[: labels.start()]
    # cb16: "Harriet Beecham comma my phone is ...": punctuation said in words.
    before = _SPOKEN_TAIL.sub("", before)
    return before.rstrip(" ,;:-\u2013\u2014(") or None


_SPOKEN_TAIL = re.compile(r"(?:\s+(?:comma|period|full\s+stop|and|my|the))+\s*$", re.I)


def _name_corrected(
    corrected: str, dispatcher: CollectingDispatcher, also: dict[str, Any]
) -> dict[str, Any]:
    """The slots for a name corrected at a later question, which is asked again (`also`)."""
    name = name_field(corrected)
    dispatcher.utter_message(text=NAME_CORRECTED.format(callback_name=name))
    return {"callback_name": name, **also}


def phone_correction(
    value: Any, dispatcher: CollectingDispatcher, current: Any = None
) -> dict[str, Any] | None:
    """The new phone slot when an answer to a later question corrects the number, else None.

    A corrected number that is itself incomplete is refused (the earlier number stays); the
    number the form already has, typed again, changes nothing (round 23)."""
    if not isinstance(value, str):
        return None
    numbers = full_numbers(value)
    phone = normalise_phone(numbers[0]) if len(numbers) == 1 else None
    if phone is not None and corrected_number(value, numbers):
        said = PHONE_SAME if phone == current else PHONE_CORRECTED
        dispatcher.utter_message(text=said.format(callback_phone=phone))
        return {"callback_phone": phone}
    if not numbers and incomplete_number(value):
        dispatcher.utter_message(text=INCOMPLETE_PHONE)
        return {}
    return None


def details_in_request(tracker: Tracker, dispatcher: CollectingDispatcher) -> list[EventType]:
    """Round 23 (cb30): the name and number given in the request that opened the form ("my name
    is Clementine Osei please call me at 570 555 0121") fill the form, which then asks only
    for what is missing. Only when the form is being opened (no question asked yet)."""
    if tracker.get_slot("requested_slot") is not None:
        return []
    if any(tracker.get_slot(slot) is not None for slot in CALLBACK_SLOTS):
        return []
    text = typed_text(tracker)
    if not isinstance(text, str):
        return []
    found: dict[str, Any] = {}
    said = name_in_request(text)
    name = name_field(said) if said else None
    if name:
        found["callback_name"] = name
    numbers = full_numbers(text)
    phone = normalise_phone(numbers[0]) if len(numbers) == 1 else None
    if phone:
        found["callback_phone"] = phone
    if not found:
        return []
    parts = [f"the name {name}" if name else "", f"the number {phone}" if phone else ""]
    details = " and ".join(part for part in parts if part)
    dispatcher.utter_message(text=DETAILS_IN_REQUEST.format(details=details))
    return [SlotSet(slot, value) for slot, value in found.items()]


def consent_change(tracker: Tracker, dispatcher: CollectingDispatcher) -> list[EventType]:
    """Round 23 (cb22): at the consent question, a yes with a change ("yes but call my son
    Darnell instead at 570 555 0195") takes the new name (and number) and asks again, whether
    the yes was read as consent or not."""
    if tracker.get_slot("requested_slot") != "callback_consent":
        return []
    found = change_at_consent(typed_text(tracker))
    if found is None:
        return []
    other, change = found
    events: list[EventType] = [SlotSet("callback_name", other)]
    numbers = full_numbers(change)
    phone = normalise_phone(numbers[0]) if len(numbers) == 1 else None
    if phone is not None:
        events.append(SlotSet("callback_phone", phone))
    on_phone = f" on {phone}" if phone else ""
    dispatcher.utter_message(text=CHANGED_AT_CONSENT.format(callback_name=other, on_phone=on_phone))
    return [*events, SlotSet("callback_consent", None)]


# The intents the form hands on at the consent question: the patient's way out (stop, an
# emergency) and a question about the treatment, which the assistant answers before it asks
# again. Anything else there ("mornings", a greeting) gets CONSENT_REASK (round 22).
_HANDED_ON_AT_CONSENT = frozenset({"stop", "emergency", "not_covered", *FAQ_TOPICS})


def consent_reask(tracker: Tracker, dispatcher: CollectingDispatcher) -> list[EventType]:
    """At the consent question, an answer that is no yes or no: a corrected number replaces
    the phone (the question is asked again with it), anything else is asked again plainly.
    The SlotSet keeps the form running (Rasa hands a message the form did not fill a slot
    from to the other policies: the greeting was what answered "mornings")."""
    if tracker.get_slot("requested_slot") != "callback_consent":
        return []
    if tracker.get_slot("callback_consent") is not None:
        return []
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    if intent in _HANDED_ON_AT_CONSENT:
        return []
    correction = phone_correction(
        typed_text(tracker), dispatcher, tracker.get_slot("callback_phone")
    )
    if correction is None:
        dispatcher.utter_message(text=CONSENT_REASK)
    events: list[EventType] = [SlotSet(slot, value) for slot, value in (correction or {}).items()]
    return [*events, SlotSet("callback_consent", None)]


# The refusal as said, and as the transcript stores it (its example number masked), for a
# conversation read back from the database.
_REFUSALS = frozenset(
    said
    for refusal in (INVALID_PHONE, INCOMPLETE_PHONE, MISSING_AREA_CODE, NOT_CALLABLE)
    for said in (refusal, redact(refusal))
)


def phone_refusal(value: Any) -> str:
    """What the form says to an answer that gives no number it can take: what is missing."""
    if incomplete_number(value):
        return INCOMPLETE_PHONE
    if missing_area_code(value):
        return MISSING_AREA_CODE
    return NOT_CALLABLE if not_callable(value) else INVALID_PHONE


def refused_in_this_form(events: Any) -> bool:
    """Has the form refused a phone number since it was last opened (its refusal is in the
    events after the latest activation of the form)?"""
    if not isinstance(events, list):
        return False
    for event in reversed(events):
        if not isinstance(event, dict):
            continue
        if event.get("event") == "active_loop" and event.get("name") == FORM:
            return False
        if event.get("event") == "bot" and event.get("text") in _REFUSALS:
            return True
    return False


class ActionSubmitCallback(Action):
    """Store the request (only with consent), tell the patient, and clear the form."""

    def name(self) -> str:
        return "action_submit_callback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        form = completed_form_values(tracker.events)
        sent = None  # the stored request's key: "cancel" next withdraws it (round 21)
        if form is not None and form.get("callback_consent") is False:
            dispatcher.utter_message(text=DECLINED)
        elif form is not None and form.get("callback_name") is None:
            # The form ended on a second answer that gave no name (round 29).
            dispatcher.utter_message(text=NAME_NOT_TAKEN)
            dispatcher.utter_message(
                text=handoff_text(contact_details()), buttons=[CALLBACK_BUTTON]
            )
        elif form is not None and form.get("callback_phone") is None:
            # The form ended on a second answer that was no phone number (round 19).
            dispatcher.utter_message(text=PHONE_NOT_TAKEN)
            dispatcher.utter_message(
                text=handoff_text(contact_details()), buttons=[CALLBACK_BUTTON]
            )
        else:
            request = self._checked_request(tracker, form)
            if request is None:
                dispatcher.utter_message(text=NOT_SENT)
            else:
                log_writer().submit("callback", request)
                sent = request["request_key"]
                text = SUBMITTED_FOR_SOMEONE if for_someone_else(request["name"]) else SUBMITTED
                dispatcher.utter_message(
                    text=text.format(
                        callback_name=request["name"],
                        callback_phone=request["phone"],
                        callback_time=time_for_patient(request["preferred_time"]),
                    )
                )
        return [SlotSet(slot, None) for slot in CALLBACK_SLOTS] + [SlotSet(REQUEST_KEY_SLOT, sent)]

    @staticmethod
    def _checked_request(tracker: Tracker, form: dict[str, Any] | None) -> dict[str, Any] | None:
        """The request to store, or None unless every check passes.

        The form completed with consent, the slots are what the form set, and the values
        pass the form's own checks again.
        """
        if form is None or form.get("callback_consent") is not True:
            return None
        if any(tracker.get_slot(slot) != form.get(slot) for slot in CALLBACK_SLOTS):
            return None  # slots changed behind the form's back
        if any(is_mark(value) for value in form.values()):
            return None  # a detail masked in the stored transcript, not the patient's
        name = name_field(form.get("callback_name"))
        phone = normalise_phone(form.get("callback_phone"))
        preferred_time = time_field(form.get("callback_time"))
        conversation_id = identifier(tracker.sender_id, MAX_CONVERSATION_ID_CHARS)
        if not (name and phone and preferred_time and conversation_id):
            return None
        now = datetime.now(timezone.utc)
        return {
            # Cut from the start if need be: the time is what makes the key unique.
            "request_key": f"{conversation_id}:{now.timestamp():.6f}"[-255:],
            "conversation_id": conversation_id,
            "requested_at": now.isoformat(),
            "name": name,
            "phone": phone,
            "preferred_time": preferred_time,
            "consent": True,
            "status": "new",
        }


class ActionCancelCallback(Action):
    """The patient stopped the form: forget what they typed and say so."""

    def name(self) -> str:
        return "action_cancel_callback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if (tracker.latest_message.get("intent") or {}).get("name") != "emergency":
            dispatcher.utter_message(text=CANCELLED)
        else:
            # After the emergency message (round 21): the request was not sent, said plainly,
            # with the way to ask again and the department's own contact details.
            dispatcher.utter_message(text=INTERRUPTED, buttons=[CALLBACK_BUTTON])
            dispatcher.utter_message(text=handoff_text(contact_details()))
        return [SlotSet(slot, None) for slot in CALLBACK_SLOTS]


class _AskCallbackSlot(Action, abc.ABC):
    """Ask for one slot of the callback form (one subclass per slot, below).

    Abstract, so that the action server registers only the subclasses.
    """

    @property
    @abc.abstractmethod
    def slot(self) -> str: ...

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = PROMPTS[self.slot].format(callback_phone=tracker.get_slot("callback_phone") or "")
        buttons = CONSENT_BUTTONS if self.slot == "callback_consent" else []
        dispatcher.utter_message(text=text, buttons=buttons)
        return []


class ActionAskCallbackName(_AskCallbackSlot):
    slot = "callback_name"


class ActionAskCallbackPhone(_AskCallbackSlot):
    slot = "callback_phone"


class ActionAskCallbackTime(_AskCallbackSlot):
    slot = "callback_time"


class ActionAskCallbackConsent(_AskCallbackSlot):
    slot = "callback_consent"
