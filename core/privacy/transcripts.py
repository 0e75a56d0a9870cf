"""Redact a conversation's events before Rasa's tracker store writes them.

Why: the transcript (Rasa's `events` table) is read by every reviewer in the staff console,
by the back-fill and by retention; it kept phone numbers, e-mail addresses and the call-back
form's answers raw, although the same details are needed only in `callback_requests`. The
tracker store (addons/stores/cached_sql_store.py) passes every new event through `stored_events`,
so what lands in the database is

- every text (the patient's messages, the bot's replies, the parse data) with phone numbers,
  e-mail addresses, dates of birth and social security numbers masked (core/privacy/redaction.py);
- the patient's answers to the call-back form replaced by a mark, and the form's personal slot
  values (name, phone, preferred time) masked, as is any other place those values appear (the
  bot repeats the name and number back: "Thank you, Jane ...").

The tracker in the Rasa server's memory keeps the raw values for the rest of the turn: the
form needs them to submit the request. If a conversation is read back from the database in the
middle of the form, the masked values are asked for again (actions/callback.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Any

from core.privacy import bot_replies
from core.privacy.names import OPENERS as OPENERS
from core.privacy.names import TOWNS, ordinary
from core.privacy.redaction import (
    ADDRESS_MARK,
    DATE_MARK,
    ID_MARK,
    MARKS_PATTERN,
    NAME_MARK,
    PHONE_MARK,
    SSN_MARK,
    continuation,
    redact,
)
from core.vocabulary.callback_form import REQUEST_KEY_SLOT, is_command, taken_by_the_form

FORM_ANSWER_MARK = "[form answer removed]"
# The call-back form's personal slots and the mark each stored value becomes.
PERSONAL_SLOT_MARKS: dict[str, str] = {
    "callback_name": "[name removed]",
    "callback_phone": PHONE_MARK,
    "callback_time": "[time removed]",
}
PERSONAL_VALUE_MARK = "[detail removed]"
MARKS = frozenset({FORM_ANSWER_MARK, PERSONAL_VALUE_MARK, *PERSONAL_SLOT_MARKS.values()})
# Keys whose strings are names chosen by the bot's own code (event kinds, intents, actions,
# slots, policies), never the patient's words: left as they are.
STRUCTURAL_KEYS = frozenset(
    {"event", "name", "policy", "timestamp", "message_id", "input_channel", "model_id"}
)
# Where a name stands in the form's replies and the patient's own sentences: "Thank you, Will.",
# "ask for Will", "changed the name to Will", "the name Will", "my name is Will", "I'm Will".
NAME_LEADS = (
    r"(?P<lead>(?:\bthank\s+you|\bthanks|\bhi|\bhello),\s*|\b(?:ask\s+for|name\s+to|"
    r"the\s+name|name\s+is|i['\u2019]m|i\s+am|this\s+is|it['\u2019]s|call\s+me)\s+)"
)
# Shorter values ("Al", "5") would mask ordinary words and figures everywhere.
MIN_VALUE_CHARS = 3


def _is_personal_slot(event: dict[str, Any]) -> bool:
    """A SlotSet of one of the form's personal slots (any other shape is not one)."""
    name = event.get("name")
    return event.get("event") == "slot" and isinstance(name, str) and name in PERSONAL_SLOT_MARKS


def is_mark(value: Any) -> bool:
    """Is this a value the redaction wrote (so not the patient's real detail)?"""
    return isinstance(value, str) and value in MARKS


def _user_turns(events: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """(start, end) of each user message and the events that followed it."""
    starts = [i for i, event in enumerate(events) if event.get("event") == "user"]
    return list(zip(starts, [*starts[1:], len(events)][: len(starts)], strict=True))


def form_answer_indexes(events: Sequence[dict[str, Any]]) -> set[int]:
    """Indexes of the user events that were answers to the call-back form."""
    listed = list(events)
    return {
        start
        for start, end in _user_turns(listed)
        if taken_by_the_form(listed[:start], listed[start:end])
    }


def personal_values(events: Sequence[dict[str, Any]], answers: set[int]) -> list[str]:
    """The conversation's personal details: the form's slot values and the raw answers."""
    values: set[str] = set()
    for index, event in enumerate(events):
        if _is_personal_slot(event):
            value = event.get("value")
        elif index in answers:
            value = event.get("text")
        else:
            continue
        if isinstance(value, str) and len(value.strip()) >= MIN_VALUE_CHARS and not is_mark(value):
            values.add(value.strip())
    return sorted(values, key=len, reverse=True)


class _Scrubber:
    """Masks PII patterns and this conversation's personal values in every patient string."""

    def __init__(self, values: list[str]) -> None:
        # Round 25 (round 24's call369): the name "Will" masked the bot's own "who will call".
        # A value that is one ordinary word is masked only where a name stands: after the
        # words that lead to a name in the form's replies ("Thank you, Will.", "ask for Will").
        words = [value for value in values if " " not in value and ordinary(value)]
        others = [value for value in values if value not in words]
        self._values = (
            re.compile(
                r"(?<!\w)(?:" + "|".join(re.escape(value) for value in others) + r")(?!\w)",
                re.IGNORECASE,
            )
            if others
            else None
        )
        self._words = (
            re.compile(
                NAME_LEADS + r"(?:" + "|".join(re.escape(word) for word in words) + r")(?!\w)",
                re.IGNORECASE,
            )
            if words
            else None
        )

    def text(self, value: str) -> str:
        if self._values is not None:
            value = self._values.sub(PERSONAL_VALUE_MARK, value)
        if self._words is not None:
            value = self._words.sub(r"\g<lead>" + PERSONAL_VALUE_MARK, value)
        return redact(value)

    def data(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {
                key: item if key in STRUCTURAL_KEYS else self.data(item)
                for key, item in value.items()
            }
        if isinstance(value, list):
            return [self.data(item) for item in value]
        return value


def _masked_answer(event: dict[str, Any], scrubber: _Scrubber) -> dict[str, Any]:
    masked = scrubber.data(event)
    masked["text"] = FORM_ANSWER_MARK
    parse_data = masked.get("parse_data")
    if isinstance(parse_data, dict):
        masked["parse_data"] = {**parse_data, "text": FORM_ANSWER_MARK, "entities": []}
    return masked


# Round 23 (t21r23): the call-back request's key ("c-<32 hex>:<epoch seconds>.<micro>") was
# stored as "c-…:[phone removed].938323" (the epoch seconds read as a phone), so it no longer
# matched callback_requests.request_key. A key of that shape is the form's own value, no
# identifier: the conversation id the server derives (addons/channels/conversation_ids.py:
# "c-" and 32 hex digits; the database stores it beside every event anyway) and the time the
# request was stored. Any other value in the slot (a typed "/intent{...}" may set it) is
# redacted as any string.
_REQUEST_KEY = re.compile(r"c-[0-9a-f]{32}:\d{1,12}\.\d{6}")


def _is_request_key(event: dict[str, Any]) -> bool:
    return event.get("event") == "slot" and event.get("name") == REQUEST_KEY_SLOT


def _kept_request_key(event: dict[str, Any]) -> dict[str, Any]:
    value = event.get("value")
    if value is None or (isinstance(value, str) and _REQUEST_KEY.fullmatch(value)):
        return event
    return {**event, "value": redact(value) if isinstance(value, str) else PERSONAL_VALUE_MARK}


def _masked_slot(event: dict[str, Any]) -> dict[str, Any]:
    if event.get("value") is None:
        return event
    return {**event, "value": PERSONAL_SLOT_MARKS[str(event.get("name"))]}


def _replaced(value: Any, old: str, new: str) -> Any:
    """`value` with `old` replaced by `new` in every string of it (keys kept)."""
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, dict):
        return {key: _replaced(item, old, new) for key, item in value.items()}
    if isinstance(value, list):
        return [_replaced(item, old, new) for item in value]
    return value


def _continuations(events: Sequence[dict[str, Any]]) -> dict[int, tuple[str, str]]:
    """For each event of a turn whose user message finishes a detail the message before it
    broke off ("my number is 860 555" / "0178 sorry hit send too soon"), the rest of that
    detail and its mark: masked in the message, its parse data and any reply that repeats it."""
    found: dict[int, tuple[str, str]] = {}
    previous, kept, current = "", "", None
    for index, event in enumerate(events):
        text = event.get("text")
        if event.get("event") == "user":
            current = continuation(previous, text) if previous and isinstance(text, str) else None
            if not current and kept != previous and isinstance(text, str):
                # Round 23 (r23s): a detail over three messages ("ssn" / "512" / "44"): the
                # part found before is read as its mark too ("[SSN removed]" / "44").
                current = continuation(kept, text)
            previous = text if isinstance(text, str) else ""
            kept = previous.replace(*current, 1) if current else previous
        if current:
            found[index] = current
    return found


# A mark, or a word (letters and digits, inner apostrophes and hyphens), or one other sign.
_TOKEN = re.compile(r"\[(?:[a-zA-Z]+ )+removed\]|[^\W_]+(?:['\u2019-][^\W_]+)*|\S", re.UNICODE)
_ANY_MARK = re.compile(
    "|".join(re.escape(mark) for mark in sorted(MARKS, key=len, reverse=True))
    + "|"
    + MARKS_PATTERN.pattern
)


def removed_words(raw: str, stored: str) -> dict[str, str]:
    """The words of `raw` that its one redaction `stored` replaced by a mark, each with that
    mark (lower-cased keys); words the stored text still holds elsewhere are not among them.

    Why: an event holds several copies of the patient's text (the text, the NLU's text, which
    is the question without its details, entity values, a reply that repeats a word). Redacted
    one by one, each copy is judged in its own context: "Anastazja Lewandowska, 91, will..."
    is a name, but the NLU's "Anastazja , , will..." is not, and was stored raw (outside tester,
    round 5). So the whole text is redacted once and what it removed is removed from every
    other copy.
    """
    if raw == stored:
        return {}
    before = _TOKEN.findall(raw)
    after = _TOKEN.findall(stored)
    kept = {token.casefold() for token in after if not _ANY_MARK.fullmatch(token)}
    removed: dict[str, str] = {}
    matcher = SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        marks = [token for token in after[b0:b1] if _ANY_MARK.fullmatch(token)]
        mark = marks[0] if marks else PERSONAL_VALUE_MARK
        for token in before[a0:a1]:
            word = token.casefold()
            if any(ch.isalnum() for ch in token) and word not in kept:
                removed.setdefault(word, mark)
    return removed


def identifying(removed: dict[str, str]) -> dict[str, str]:
    """The removed words that say who someone is: not ordinary words ("is", "at", "may").

    Why: a mark covers a detail's ordinary words too ("my birthday is the 3rd of may" ->
    "my [date removed]"); removed from every other copy of the turn, they garbled the
    bot's own replies in storage ("This [date removed] not medical advice", "the radiology
    team [email removed] Bristol Hospital": outside tester, round 7). The replies are redacted
    on their own as well, so a detail's figures and names are still removed there; the
    patient's own copies (the NLU's text, entity values) lose every removed word.
    """
    return {
        word: mark
        for word, mark in removed.items()
        # The hospital's town ("Bristol" of an address) is the bot's own word in "at Bristol
        # Hospital" (round 7 live: stored as "at [address removed] Hospital").
        if (any(ch.isdigit() for ch in word) or not ordinary(word))
        and word not in TOWNS
        # Round 24: a letter or a figure alone names no one, and stood in the bot's own words
        # ("didn'[ID removed]" after an MBI spelled letter by letter, "about [date removed]-3%
        # of patients" after "dob 1/1/1930").
        and len(word) > 1
    }


# "[address removed] [address removed]": one detail's words masked one by one read as one.
_REPEATED_MARK = re.compile(r"(\[(?:[a-zA-Z]+ )+removed\])(?:\s+\1)+")


def _without_words(value: Any, removed: dict[str, str]) -> Any:
    """`value` with every word of `removed` replaced by its mark in each string (keys kept)."""
    if not removed:
        return value
    pattern = re.compile(
        # Not after an apostrophe either: the "t" of "didn't" is no word of its own (round 24).
        r"(?<![^\W_])(?<!['\u2019])(?:"
        + "|".join(re.escape(word) for word in sorted(removed, key=len, reverse=True))
        + r")(?![^\W_])",
        re.IGNORECASE,
    )

    def masked(text: str) -> str:
        text = pattern.sub(lambda match: removed[match.group().casefold()], text)
        return _REPEATED_MARK.sub(r"\1", text)

    def walk(item: Any) -> Any:
        if isinstance(item, str):
            return masked(item) if not is_mark(item) else item
        if isinstance(item, dict):
            return {key: sub if key in STRUCTURAL_KEYS else walk(sub) for key, sub in item.items()}
        if isinstance(item, list):
            return [walk(sub) for sub in item]
        return item

    return walk(value)


# A message read with the ones before it only while they break off: not after a sentence's end.
_ENDED = re.compile(r"[.!?]\W*$")
SPLIT_MESSAGES = 2  # "ssn 340" / "82" / "1176": a detail over three messages


# What a detail's mark at the end of the earlier messages stands for: the start of a detail
# of its kind, shortest first ("ssn [SSN removed] [SSN removed]" / "1176" needs two groups;
# "our home is [address removed]" / "New Britain 06051" a whole street). Live in round 5 the
# rest of the detail was stored raw because the earlier part came back masked.
_STAND_INS: dict[str, tuple[str, ...]] = {
    ADDRESS_MARK: ("live at 19", "live at 19 Oak Street"),
    SSN_MARK: ("340", "340 82"),
    PHONE_MARK: ("860 589",),
    ID_MARK: ("1AC9",),
    NAME_MARK: ("Walter",),  # Round 21 (r21n): "my name is" / "[name removed]" / "Kowalski"
    # "my birthday is" / "April 9" / "1939" read back as "[date removed]" (round 21, r21d).
    DATE_MARK: ("April 9",),
}
# One detail's mark, repeated when its parts came in several messages ("ssn [SSN removed]
# [SSN removed]" / "1176").
_MARK_GROUP = re.compile(r"(?P<mark>\[(?:[a-zA-Z]+ )+removed\])(?:\s*(?P=mark))*")
# A message that was a phone's part alone ("my number is 860" / "555" / "0176", read back as
# "[phone removed]") is read with the others when figures follow (round 19, r19d); a form's
# answer, a name or a time alone ends the messages read.
_FIGURES_OPENING = re.compile(
    r"^\W*(?:\d|(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b)", re.IGNORECASE
)


_WORD_ALONE = re.compile(r"^\W*[^\W\d_][\w'\u2019-]*[.!]?\s*$")


def _ends_head(message: str, text: str) -> bool:
    """Does this earlier message end what is read before `text`?"""
    if _ENDED.search(message):
        return True
    if message == PHONE_MARK:
        return _FIGURES_OPENING.match(text) is None
    if message == NAME_MARK:
        # Round 21 (r21n, split-001): a first name alone, read back masked, and the surname
        # alone after it: "Kowalski" was stored raw. Anything else after a name ends the head.
        return _WORD_ALONE.match(text) is None
    return is_mark(message)


def _stood_in_heads(joined_head: str) -> list[tuple[str, frozenset[str]]]:
    """The joined earlier messages with each detail's mark replaced by a stand-in of its kind,
    the shortest stand-ins first.

    Why: a turn's earlier messages come raw from the tracker in memory, or masked when the
    tracker was read back from the database (a cache miss: another server, a restart, an idle
    conversation), and both in one turn when only the oldest came back masked. Round 19 found
    "MK75" of "my medicare is 1EG4" / "TE5" / "MK75" stored raw when the first part came back
    masked and "TE5" did not: only a mark at the end was stood in for, so the head read "my
    medicare is [ID removed] TE5". Every mark is stood in for now, wherever it stands; each
    head comes with the marks stood in for, the only kinds a detail across the join may be
    ("my number is 860 589" / "my dr said..." is no street)."""
    groups = [match for match in _MARK_GROUP.finditer(joined_head) if match["mark"] in _STAND_INS]
    if not groups:
        return []
    longest = max(len(_STAND_INS[match["mark"]]) for match in groups)
    kinds = frozenset(match["mark"] for match in groups)
    heads: list[tuple[str, frozenset[str]]] = []
    for rank in range(longest):
        parts, done = [], 0
        for match in groups:
            stand_ins = _STAND_INS[match["mark"]]
            parts += [joined_head[done : match.start()], stand_ins[min(rank, len(stand_ins) - 1)]]
            done = match.end()
        heads.append(("".join(parts) + joined_head[done:], kinds))
    return heads


def split_detail_words(previous: Sequence[str], text: str) -> dict[str, str]:
    """The words at the start of `text` that finish a detail the messages before it began,
    with its mark ("My name is" / "Zuzanna Pietrzyk-Haas. what do I do...", "call me back
    at 860 589" / "2274 sorry", "her medicare is 1AC9" / "-KM3-HX72", "we live at 19" /
    "Whispering Pines Road", "...78 Shuttle Meadow Ave" / "New Britain 06051": an outside
    tester found each raw in round 5).

    The messages are joined and redacted once; a mark that covers the first word of `text`
    (a detail across the join, or one that begins there) takes that mark's words of `text`.
    Only previous messages that end without a full stop, question or exclamation mark are read.
    """
    head: list[str] = []
    for message in reversed(previous[-SPLIT_MESSAGES:]):
        if _ends_head(message, text):
            break
        head.insert(0, message)
    if not head:
        return {}
    joined_head = " ".join(head)
    # Read back from the database (a new session's first turn, another server, a restart),
    # an earlier part is a mark: a stand-in of its kind is read in its place.
    for stood_in, kinds in _stood_in_heads(joined_head) if "removed]" in joined_head else ():
        words = _words_across(stood_in, text, kinds)
        if words:
            return words
    return _words_across(joined_head, text)


def _words_across(
    joined_head: str, text: str, kinds: frozenset[str] | None = None
) -> dict[str, str]:
    """The words of `text` that a mark of the joined text's one redaction covers from the
    join on (see `split_detail_words`); a mark of one of `kinds` only, if given."""
    boundary = len(_TOKEN.findall(joined_head))
    before = _TOKEN.findall(joined_head + " " + text)
    after = _TOKEN.findall(redact(joined_head + " " + text))
    for tag, a0, a1, b0, b1 in SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if tag != "equal" and a0 <= boundary < a1:
            marks = [token for token in after[b0:b1] if _ANY_MARK.fullmatch(token)]
            if not marks or (kinds is not None and marks[-1] not in kinds):
                return {}
            words = [token for token in before[boundary:a1] if any(ch.isalnum() for ch in token)]
            if words and words[0].casefold() in OPENERS:
                return {}  # "...882 Meriden Road in Wolcott" / "hi its me" (round 7, p128)
            if (
                _short_figures(words)
                and not _phone_completed(before[a0:boundary], words)
                and not _day_alone(marks[-1], words, text)
            ):
                return {}  # "call me at 860 555 0199" / "5 more questions": not a part
            return {word.casefold(): marks[-1] for word in words}
    return {}


def _day_alone(mark: str, words: list[str], text: str) -> bool:
    """Is `text` a date's day alone, all of it ("Procedure on" / "November" / "18": round 21,
    r21d, found the "18" raw)? A figure that opens a longer message stays ("5 more
    questions")."""
    return mark == DATE_MARK and words == [text.strip(" .,!?")]


def _short_figures(words: list[str]) -> bool:
    return all(word.isdigit() for word in words) and len("".join(words)) < 3


def _phone_completed(head: list[str], words: list[str]) -> bool:
    """Do the figures end a phone number the head broke off ("its 203-555-01" / "87 sorry":
    round 7 found the "87" raw)? The head's figures are 6 to 9 digits; with these, 10 or 11."""
    held = sum(ch.isdigit() for token in head for ch in token)
    return 6 <= held < 10 and held + len("".join(words)) in (10, 11)


def _stored_turn_text(
    event: dict[str, Any], scrubber: _Scrubber, previous: Sequence[str] = ()
) -> tuple[str, dict[str, str]]:
    """The user message's ONE redaction (with the end of a detail earlier messages began) and
    the words it removed (see `removed_words`)."""
    raw = event.get("text")
    if not isinstance(raw, str):
        return "", {}
    split = {} if is_command(event) else split_detail_words(previous, raw)  # round 25
    stored = _without_words(scrubber.text(raw), split)
    return stored, removed_words(raw, stored)


def stored_events(events: Sequence[dict[str, Any]], first_new: int) -> list[dict[str, Any]]:
    """What to store of `events[first_new:]` (event dicts), judged with the whole list.

    The whole conversation is needed to know whether a message answered the form and which
    values are personal; only the new events are returned, redacted copies.
    """
    listed = list(events)
    answers = form_answer_indexes(listed)
    scrubber = _Scrubber(personal_values(listed, answers))
    continued = _continuations(listed)
    stored = []
    # A batch may start after its turn's user message: what that message's redaction removed.
    users = [i for i, event in enumerate(listed) if event.get("event") == "user"]
    texts = {i: text for i in users if isinstance(text := listed[i].get("text"), str)}

    def before(index: int) -> list[str]:
        return [texts.get(i, "") for i in users if i < index][-SPLIT_MESSAGES:]

    starts = [i for i in users if i < first_new]
    removed = (
        _stored_turn_text(listed[starts[-1]], scrubber, before(starts[-1]))[1] if starts else {}
    )
    # Once per turn, not per event: a turn has many events and `identifying` reads each word.
    named = identifying(removed)
    for index in range(first_new, len(listed)):
        event = listed[index]
        if index in continued:
            event = _replaced(event, *continued[index])
        if event.get("event") == "user":
            text, removed = _stored_turn_text(event, scrubber, before(index))
            named = identifying(removed)
        if index in answers:
            stored.append(_masked_answer(event, scrubber))
        elif _is_personal_slot(event):
            stored.append(_masked_slot(event))
        elif _is_request_key(event):  # round 23 (r23d): the bot's own key, kept
            stored.append(_kept_request_key(event))
        elif event.get("event") == "user" and isinstance(event.get("text"), str):
            # Every copy of the text from the one redaction: the text itself is it; the
            # others are redacted as any string is, then lose what it removed.
            copy = _without_words(scrubber.data(event), removed)
            stored.append({**copy, "text": text})
        else:
            # The turn's other events (a reply may repeat the patient's words) lose the words
            # that identify; the bot's own ordinary words stay (`identifying`).
            copy = _without_words(scrubber.data(event), named)
            if event.get("event") == "bot" and isinstance(event.get("text"), str):
                # Round 25 (r25d): the bot's own example "(860) 555-0123" is no patient's.
                # Only what the patient had typed before the reply can be repeated in it.
                patient = bot_replies.PatientText(t for i, t in texts.items() if i < index)
                copy["text"] = bot_replies.kept_own_text(event["text"], copy["text"], patient)
            stored.append(copy)
    return stored
