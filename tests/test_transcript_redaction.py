"""Transcripts are stored redacted: PII patterns, the call-back form's answers and its values.

Issue 11, defect 1: "my number is 860-555-0199 and email jane.doe@example.com" was redacted
in the question log but stored raw in Rasa's `events`, and the form's name and phone sat in
the transcript. These tests run the redaction on the events Rasa 3.6 really records for a
form (tests/test_actions.py builds them), through the real tracker store on SQLite and
PostgreSQL, and with hypothesis on hostile text.
"""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa_sdk.events import SlotSet
from sqlalchemy import select

from actions.callback import ActionSubmitCallback, ValidateCallbackForm
from addons.cleaning.questions import focus
from core.db.database import session_factory
from core.db.rasa_events import rasa_events
from core.privacy.names import ordinary
from core.privacy.transcripts import FORM_ANSWER_MARK, PERSONAL_SLOT_MARKS, stored_events
from tests.test_actions import (
    action,
    callback_slots,
    form_run,
    loop,
    make_tracker,
    run,
    slot,
    user_event,
)
from tests.test_cached_tracker_store import DOMAIN, cached_store

PHONE_AND_EMAIL = "my number is 860-555-0199 and email jane.doe@example.com, how long does it take?"


def bot(text: str) -> dict[str, Any]:
    return {"event": "bot", "timestamp": 1.0, "text": text, "data": {}, "metadata": {}}


def dumped(events: list[dict[str, Any]]) -> str:
    return json.dumps(events)


def test_a_message_with_a_phone_and_an_email_is_stored_masked() -> None:
    [stored] = stored_events([user_event(PHONE_AND_EMAIL, "procedure_duration")], 0)
    assert stored["text"] == stored["parse_data"]["text"]
    assert stored["text"] == (
        "my number is [phone removed] and email [email removed], how long does it take?"
    )
    assert stored["parse_data"]["intent"]["name"] == "procedure_duration"


def test_the_form_answers_its_values_and_the_bot_echo_are_masked() -> None:
    slots = callback_slots(True)  # Mary Smith, (860) 555-0123, weekday mornings
    events = [
        *form_run(slots, {"callback_phone": "860.555.0123", "callback_consent": "yes"}),
        action("action_submit_callback"),
        bot("Thank you, Mary Smith. They will call (860) 555-0123 (weekday mornings)."),
    ]
    stored = stored_events(events, 0)
    text = dumped(stored)
    for raw in ("Mary Smith", "weekday mornings"):
        assert raw not in text
    assert not re.search(r"555\D{0,3}0123", text)
    answers = [e["text"] for e in stored if e["event"] == "user"]
    assert answers == [
        "please call me back",
        FORM_ANSWER_MARK,
        FORM_ANSWER_MARK,
        FORM_ANSWER_MARK,
        "yes",  # the consent is no personal detail; its turn submits the request
    ]
    masked_slots = {
        e["value"] for e in stored if e["event"] == "slot" and e["name"] in PERSONAL_SLOT_MARKS
    }
    assert masked_slots == set(PERSONAL_SLOT_MARKS.values())
    assert stored[-1]["text"].startswith("Thank you, [detail removed].")


def test_only_the_new_events_are_returned_judged_with_the_whole_conversation() -> None:
    events = [*form_run(callback_slots(True)), bot("Thank you, Mary Smith.")]
    [last] = stored_events(events, len(events) - 1)
    assert last["text"] == "Thank you, [detail removed]."


def test_an_emergency_typed_during_the_form_is_kept_for_staff() -> None:
    """A red flag interrupts the form (the form does not run on it): staff must read it."""
    events = [
        action("callback_form"),
        loop("callback_form"),
        slot("requested_slot", "callback_name"),
        action("action_listen"),
        user_event("I can't feel my legs, call 860-555-0199", "emergency"),
        action("utter_emergency"),
        action("action_deactivate_loop"),
        loop(None),
    ]
    user = next(e for e in stored_events(events, 0) if e["event"] == "user")
    assert user["text"] == "I can't feel my legs, call [phone removed]"


def stored_rows(database_url: str, sender: str) -> list[dict[str, Any]]:
    with session_factory(database_url)() as session:
        query = (
            select(rasa_events.c.data)
            .where(rasa_events.c.sender_id == sender)
            .order_by(rasa_events.c.id)
        )
        return [json.loads(data) for data in session.execute(query).scalars()]


def test_the_tracker_store_writes_redacted_rows_on_both_paths(database_url: str) -> None:
    """A new conversation (Rasa's counting path) and a cached one (the append path)."""
    store = cached_store(database_url)
    tracker = asyncio.run(store.get_or_create_tracker("privacy-1"))
    for event in (
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted("action_listen"),
        UserUttered(PHONE_AND_EMAIL, intent={"name": "procedure_duration", "confidence": 0.9}),
        BotUttered("It takes 1-2 hours."),
        ActionExecuted("action_listen"),
    ):
        tracker.update(event)
    asyncio.run(store.save(tracker))
    cached = asyncio.run(store.retrieve("privacy-1"))
    assert cached is not None
    cached.update(UserUttered("or write to me: a.b+c@mail.example.org", intent={"name": "contact"}))
    asyncio.run(store.save(cached))
    said = [e["text"] for e in stored_rows(database_url, "privacy-1") if e["event"] == "user"]
    assert said == [
        "my number is [phone removed] and email [email removed], how long does it take?",
        "or write to me: [email removed]",
    ]
    # The Rasa server's own copy keeps the words for the rest of the turn.
    assert cached.latest_message is not None
    assert cached.latest_message.text == "or write to me: a.b+c@mail.example.org"
    assert DOMAIN is not None


def test_a_detail_masked_in_the_stored_transcript_is_asked_for_again() -> None:
    """A conversation read back mid-form has masks as slot values: the form asks again."""
    masked_name = PERSONAL_SLOT_MARKS["callback_name"]
    tracker = make_tracker(
        [user_event("860 555 0123", "nlu_fallback")],
        slots={"callback_name": masked_name, "requested_slot": "callback_phone"},
    )
    _, events = run(ValidateCallbackForm(), tracker)
    assert SlotSet("callback_name", None) in events


def test_masks_are_never_submitted_as_a_request(action_env: str) -> None:
    slots = {**callback_slots(True), "callback_name": PERSONAL_SLOT_MARKS["callback_name"]}
    tracker = make_tracker(form_run(slots), slots=slots)
    messages, _ = run(ActionSubmitCallback(), tracker)
    assert "not been kept" in messages[0]["text"]


# --- hostile text ---------------------------------------------------------------------------

US_PHONES = st.builds(
    lambda area, line, style: style.format(a=area, l=f"{line:04d}"),
    st.integers(201, 989),
    st.integers(0, 9999),
    st.sampled_from(["({a}) 555-{l}", "{a}-555-{l}", "{a}.555.{l}", "+1 {a} 555 {l}", "{a}555{l}"]),
)
FILLER = st.text(
    st.characters(blacklist_categories=("Cs", "Nd")), max_size=40
)  # no digits: the filler must not extend the number


@settings(max_examples=150, derandomize=True, deadline=None)
@given(before=FILLER, phone=US_PHONES, after=FILLER, name=st.text(min_size=3, max_size=20))
def test_hostile_text_never_keeps_a_phone_or_a_form_value(
    before: str, phone: str, after: str, name: str
) -> None:
    # The phone is the patient's: typed before the reply that repeats it. A number the patient
    # never typed is the bot's own text and stays (round 25, r25d: the prompt's example).
    events = [
        user_event(f"please call me on {phone}", "request_callback"),
        action("callback_form"),
        loop("callback_form"),
        slot("requested_slot", "callback_name"),
        user_event(name, "nlu_fallback"),
        action("callback_form"),
        slot("callback_name", name),
        slot("requested_slot", "callback_phone"),
        bot(f"{before} {phone} {after}"),
    ]
    stored = stored_events(events, 0)
    digits = "".join(ch for ch in phone if ch.isdigit())[-10:]
    assert digits not in "".join(ch for ch in dumped(stored) if ch.isdigit())
    assert stored[4]["text"] == FORM_ANSWER_MARK
    assert stored[6]["value"] == PERSONAL_SLOT_MARKS["callback_name"]
    assert stored_events(stored, 0) == stored_events(stored_events(stored, 0), 0)


# --- Issue 21, round 5: every stored copy of a message from ONE redaction of the whole text.


def nlu_user_event(text: str, **parse: Any) -> dict[str, Any]:
    """A user event as the Rasa server stores it: the NLU's text is QuestionFocus's (the
    question without its details), not the message (addons/nlu/focus.py)."""
    event = user_event(text, "procedure_steps")
    event["parse_data"].update({"text": focus(text), **parse})
    return event


def words_of(text: str) -> set[str]:
    return {word.casefold() for word in re.findall(r"[^\W_]+", text)}


def test_the_nlu_text_loses_what_the_message_lost_f005() -> None:
    """The outside tester's f005: the stored text was masked, but parse_data.text kept
    "Anastazja , , will the cement hurt?" (the focus text, redacted on its own, reads no name)."""
    message = "ok never mind, I'll just ask here. Anastazja Lewandowska, 91, will the cement hurt?"
    events = [
        user_event("please call me back", "request_callback"),
        action("callback_form"),
        loop("callback_form"),
        slot("requested_slot", "callback_name"),
        user_event("Anastazja Lewandowska", "nlu_fallback"),
        slot("callback_name", "Anastazja Lewandowska"),
        user_event("cancel", "stop"),
        loop(None),
        nlu_user_event(message, entities=[{"entity": "x", "value": "Anastazja"}]),
        bot("Thanks Anastazja, here is what the page says."),
    ]
    stored = stored_events(events, 0)
    assert "anastazja" not in dumped(stored).casefold()
    assert "lewandowska" not in dumped(stored).casefold()
    assert stored[-2]["text"].endswith("will the cement hurt?")


def test_a_name_the_focus_text_keeps_alone_is_masked_there_too() -> None:
    message = "hi, my name is Oluwatoyin Adebayo-Cole, i am 68. how long is the recovery?"
    [stored] = stored_events([nlu_user_event(message)], 0)
    assert "Oluwatoyin" not in dumped([stored])
    assert "recovery" in stored["parse_data"]["text"]


def test_a_batch_that_starts_after_the_message_masks_its_reply() -> None:
    message = "my son Chukwuemeka will drive me, how long is the recovery?"
    events = [nlu_user_event(message), bot("Chukwuemeka can wait in the lounge.")]
    [reply] = stored_events(events, 1)
    assert "Chukwuemeka" not in reply["text"]


_DETAILS = [
    "my name is Zuzanna Pietrzyk-Haas",
    "I am Habiba Warsame",
    "my dad Oluwaseun Adeyemi is 93",
    "call me on 860 589 2274",
    "her medicare is 1AC9-KM3-HX72",
    "we live at 19 Whispering Pines Road, Burlington CT 06013",
    "ssn 340-82-1176",
    "email clem.abaraross@gmail.com",
    "born 3/8/1934",
    "my wife Aigerim Nurlanovna",
    "Anastazja Lewandowska, 91,",
]
_QUESTIONS = ["will the cement hurt?", "how long is the recovery?", "can I drive after?"]


@settings(max_examples=120, derandomize=True, deadline=None)
@given(
    details=st.lists(st.sampled_from(_DETAILS), min_size=1, max_size=3),
    filler=st.text(st.characters(blacklist_categories=["Cs"]), max_size=30),
    question=st.sampled_from(_QUESTIONS),
    cut=st.integers(0, 12),
    echo=st.integers(0, 40),
)
def test_every_stored_copy_of_a_message_holds_no_word_its_redaction_removed(
    details: list[str], filler: str, question: str, cut: int, echo: int
) -> None:
    """Property over the stored event: whatever the NLU's text, entity values or a reply
    repeat of the message (any slice of its words), no word the one redaction of the whole
    message removed is stored anywhere in the turn, and the copies are stable."""
    message = f"{' '.join(details)} {filler} {question}"
    tokens = message.split()
    piece = " ".join(tokens[cut % len(tokens) :][:4])
    events = [
        nlu_user_event(message, entities=[{"entity": "x", "value": piece}]),
        bot(f"You said: {' '.join(tokens[echo % len(tokens) :])}"),
    ]
    stored = stored_events(events, 0)
    # Less the intent's name, which every event holds as a key ("procedure_steps"): a filler
    # such as "PROCEDURE_" swallowed by a mark is no leak there.
    lost = words_of(message) - words_of(stored[0]["text"]) - words_of("procedure steps")
    [user, reply] = (json.dumps(event, ensure_ascii=False) for event in stored)
    assert not lost & words_of(user), lost & words_of(user)
    # The bot's reply keeps ordinary words (round 7: replies were garbled), never a figure
    # or a word that names someone.
    named = {word for word in lost if any(ch.isdigit() for ch in word) or not ordinary(word)}
    assert not named & words_of(reply), named & words_of(reply)
    assert stored[0]["text"] == stored_events(events, 0)[0]["text"]


def stored_texts(*messages: str) -> list[str]:
    events = [nlu_user_event(message) for message in messages]
    return [event["text"] for event in stored_events(events, 0)]


@pytest.mark.parametrize(
    ("messages", "raw"),
    [
        # The outside tester's round 5 (n047, p004, y001, y002, y004, y008, d008, w003).
        (("My name is", "Zuzanna Pietrzyk-Haas. what do I do if the pain comes back"), "Zuzanna"),
        (("call me back at 860 589", "2274 sorry my thumb slipped"), "589"),
        (("call me back at 860 589", "2274 sorry my thumb slipped"), "2274"),
        (("my mums name is Perpetua", "Nwachukwu, she's the one having it"), "Nwachukwu"),
        (("her medicare is 1AC9", "-KM3-HX72"), "1AC9"),
        (("her medicare is 1AC9", "-KM3-HX72"), "HX72"),
        (("we live at 19", "Whispering Pines Road in Burlington"), "Whispering"),
        (("ssn 340", "82", "1176"), "1176"),
        (("our home is 78 Shuttle Meadow Ave", "New Britain 06051 in case"), "06051"),
        (("I live at 88 Tunxis Road", "Plainville 06062"), "06062"),
        # Own phrasings of the same kinds.
        (("my husband's name is", "Tadeusz Wiśniewski, will he be asleep?"), "Tadeusz"),
        (("you can reach me at 203 555", "0147 thanks"), "0147"),
        (("you can reach me at 203 555", "0147 thanks"), "555"),
        (("her mbi is 2FH7", "-AB3-CD45"), "CD45"),
        (("i live at 42", "Maple Street, Bristol"), "Maple"),
        (("ssn is 123", "45", "6789"), "6789"),
        (("address is 12 Oak St", "Hartford 06103 ok"), "06103"),
        # Round 7 (p077/p083, p147, p149) and our own: a phone in words cut after six digits,
        # a phone in figures cut before its last two.
        (("my number is eight six oh, five eight two", "zero one nine one"), "eight"),
        (("my number is eight six oh, five eight two", "zero one nine one"), "nine"),
        (("my cell is eight six oh, five five five", "oh one two three thx"), "five"),
        (("call me at two oh three four four one", "seven seven two two"), "seven"),
        (("the number I gave before was wrong, its 203-555-01", "87 sorry"), "87"),
        (("my cell is 860-555-01", "42 thanks"), "42"),
        (("new number 917 555 01", "9 sorry"), "9"),
    ],
)
def test_a_detail_split_over_messages_is_masked_in_each(
    messages: tuple[str, ...], raw: str
) -> None:
    texts = stored_texts(*messages)
    assert not any(re.search(rf"(?<!\w){re.escape(raw)}(?!\w)", text) for text in texts), texts


@pytest.mark.parametrize(
    ("first", "rest"),
    [
        ("my number is eight six oh, five eight two", "four four one eight, call anytime"),
        ("my cell is eight six oh, five five five", "zero one nine two"),
        ("call me at two oh three four four one", "seven seven two oh thanks"),
    ],
)
def test_a_phone_in_words_split_over_messages_is_masked_when_read_back(
    first: str, rest: str
) -> None:
    """Round 7 live (p077/p078): the first half was stored as an id's mark, and read back
    from the database it no longer joined the rest, which was stored raw."""
    stored = stored_texts(first)[0]
    assert stored.endswith("[phone removed]"), stored
    later = stored_events([nlu_user_event(stored), nlu_user_event(rest)], 1)
    assert not re.search(r"\b(?:four|one|eight|zero|nine|two|seven|oh)\b", later[0]["text"]), later


@pytest.mark.parametrize(
    "messages",
    [
        ("call me at 860 555 0199", "5 more questions"),
        ("how long is the recovery", "Will I need help"),
        ("my pain is 8", "10 today"),
        ("I will call you at 3", "pm ok"),
        ("we fell 3 times", "2 weeks ago"),
        # Round 7 (p128): a greeting after an address that ended the message stays.
        ("I'll be staying with my cousin at 882 Meriden Road in Wolcott", "hi its me again"),
        ("we live at 19 Oak St", "hello, one more question"),
    ],
)
def test_a_message_after_a_finished_one_is_kept(messages: tuple[str, ...]) -> None:
    assert stored_texts(*messages)[-1] == messages[-1]


@pytest.mark.parametrize(
    "message",
    [
        "follow mums progress at caringbridge.org/visit/eleanorwhitby",
        "my birthday is the 3rd of may, is it a problem",
        "we live at 88 Elm Street apt 3 Bristol 06010, how far is it",
    ],
)
def test_the_bots_own_reply_keeps_its_ordinary_words(message: str) -> None:
    """Outside tester, round 7: a mark over a detail's ordinary words ("at", "is", "may")
    took those words out of the turn's replies too ("the radiology team [email removed]
    Bristol Hospital"); staff read the garbled replies in the log."""
    reply = (
        "The radiology team at Bristol Hospital is here. This is not medical advice; you may ask."
    )
    stored = stored_events([nlu_user_event(message), bot(reply)], 0)
    assert stored[1]["text"] == reply
    assert "caringbridge" not in dumped(stored) and "3rd" not in dumped(stored)
