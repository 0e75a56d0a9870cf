"""The log entry builder keeps only validated, server-side values that fit their columns.

Everything in a tracker's events can be chosen by whoever calls the Rasa or action server, so
`question_from_events` must turn any events list, however hostile, into None or an entry
that the database accepts. Specific attacks first, then the property over arbitrary JSON.
"""

from __future__ import annotations

import json
import math
import time
from datetime import datetime, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from core.db.database import session_factory
from core.db.models import Question
from core.db.rasa_events import rasa_events
from core.question_log.follower import StoreFollower
from core.question_log.question_record import MODEL_ONLY, question_from_events
from core.question_log.spool import Spool
from core.question_log.writer import LogWriter
from tests.log_entries import (
    assert_fits_columns,
)
from tests.test_actions import user_event

QUESTIONS = Question.__table__
# Rasa's own channel names (rasa.core.channels.BUILTIN_CHANNELS), and "unknown".
KNOWN_CHANNELS = {
    "botframework", "callback", "cmdline", "facebook", "hangouts", "mattermost", "rasa", "rest",
    "rocketchat", "slack", "socketio", "telegram", "twilio", "twilio_voice", "webexteams",
    "unknown",
}  # fmt: skip


def build(**overrides: Any) -> dict[str, Any] | None:
    event = user_event("is it safe?", "complications")
    event.update(overrides)
    record = question_from_events("patient-7", [event], event.get("input_channel"))
    if record is not None:
        assert_fits_columns(QUESTIONS, record)
    return record


def test_a_formula_as_input_channel_is_not_stored_as_the_channel() -> None:
    record = build(input_channel='=HYPERLINK("http://evil.example","click")')
    assert record is not None and record["channel"] == "unknown"


@pytest.mark.parametrize(
    "channel", [5, 5.5, True, ["rest"], {"name": "rest"}, None, "", "x" * 100, "rest\x00", "REST"]
)
def test_any_input_channel_gives_a_known_channel_name(channel: Any) -> None:
    record = build(input_channel=channel)
    assert record is not None and record["channel"] in KNOWN_CHANNELS


@pytest.mark.parametrize("channel", ["rest", "socketio", "cmdline"])
def test_rasa_channel_names_are_kept(channel: str) -> None:
    record = build(input_channel=channel)
    assert record is not None and record["channel"] == channel


@pytest.mark.parametrize(
    ("model_id", "stored"),
    [
        ({"a": 1}, None),
        (["x"], None),
        (7, None),
        ("=cmd|' /C calc'!A0", None),
        ("model\x00", None),
        ("m" * 500, "m" * 128),
        ("20251124-101010-brisk-fern", "20251124-101010-brisk-fern"),
    ],
)
def test_model_version_is_a_plain_safe_string_cut_to_its_column(
    model_id: Any, stored: str | None
) -> None:
    record = build(metadata={"model_id": model_id})
    assert record is not None and record["model_version"] == stored


@pytest.mark.parametrize("metadata", ["text", 5, [1, 2], None, {"model_id": None}])
def test_metadata_of_any_shape_is_tolerated(metadata: Any) -> None:
    record = build(metadata=metadata)
    assert record is not None and record["model_version"] is None


@pytest.mark.parametrize(
    ("confidence", "stored"),
    [
        (0.5, 0.5),
        (1, 1.0),
        (7.5, 1.0),
        (-3, 0.0),
        (float("nan"), None),
        (float("inf"), None),
        ("0.9", None),
        (True, None),
        ({"x": 1}, None),
        (10**400, None),
    ],
)
def test_confidence_is_a_finite_float_in_the_unit_interval(confidence: Any, stored: Any) -> None:
    event = user_event("is it safe?", "complications")
    event["parse_data"]["intent"]["confidence"] = confidence
    record = question_from_events("patient-7", [event], None)
    assert record is not None
    assert_fits_columns(QUESTIONS, record)
    assert record["confidence"] == (pytest.approx(stored) if stored is not None else None)


@pytest.mark.parametrize(
    "parse_data",
    [
        {"intent": {"name": "x" * 65, "confidence": 0.9}},
        {"intent": {"name": {"a": 1}, "confidence": 0.9}},
        {"intent": "complications"},
        {"intent": ["complications"]},
        "complications",
        [1, 2],
    ],
)
def test_an_intent_that_is_not_a_short_string_is_not_a_question(parse_data: Any) -> None:
    assert build(parse_data=parse_data) is None


@pytest.mark.parametrize(
    "timestamp", [None, "yesterday", float("nan"), float("inf"), -1e20, 1e20, 10**400, [1], True]
)
def test_a_timestamp_that_is_not_a_usable_number_gets_the_current_time(timestamp: Any) -> None:
    before = time.time()
    record = build(timestamp=timestamp)
    assert record is not None
    asked = datetime.fromisoformat(record["asked_at"]).timestamp()
    assert before - 1 <= asked <= time.time() + 1


def test_a_real_timestamp_is_kept() -> None:
    record = build(timestamp=1_700_000_000.25)
    assert record is not None
    assert record["asked_at"] == datetime.fromtimestamp(1_700_000_000.25, timezone.utc).isoformat()


@pytest.mark.parametrize(
    "message_id", [{"a": 1}, 12345, ["m"], "", "m" * 300, "id\x00with-nul", None]
)
def test_message_ids_are_strings_that_fit_their_column(message_id: Any) -> None:
    record = build(message_id=message_id)
    assert record is not None and 0 < len(record["message_id"]) <= 64


def test_conversation_ids_fit_their_column_and_non_strings_are_refused() -> None:
    event = user_event("is it safe?", "complications")
    record = question_from_events("c" * 300 + "\x00", [event], None)
    assert record is not None and record["conversation_id"] == "c" * 255
    assert question_from_events(5, [event], None) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("is it\x00 safe?\ud800", "is it safe?"),
        (12345, ""),
        ({"a": 1}, ""),
        (None, ""),
        # Tabs and line breaks are kept. (One unknown word alone on the last line would be
        # taken for a signed name, issue 21: "...\nnewline" is masked by design.)
        ("is it\tsafe\nfor my mum", "is it\tsafe\nfor my mum"),
    ],
)
def test_text_is_stored_without_nul_or_lone_surrogates(text: Any, stored: str) -> None:
    record = build(text=text)
    assert record is not None and record["text"] == stored


def test_bot_replies_of_any_shape_are_kept_as_text() -> None:
    events = [
        user_event("is it safe?", "complications"),
        {"event": "bot", "text": "Complications\x00 are rare."},
        {"event": "bot", "text": {"html": "<b>x</b>"}},
        {"event": "bot", "text": "\udcff" * 10_000},
        {"event": "action", "name": ["utter_complications"]},
        "not an event",
        None,
        42,
    ]
    record = question_from_events("patient-7", events, None)
    assert record is not None
    assert_fits_columns(QUESTIONS, record)
    assert record["response"] == "Complications are rare."


@pytest.mark.parametrize("events", [None, "events", {"event": "user"}, [None], [[]], [5]])
def test_events_that_are_not_a_list_of_dicts_give_no_entry(events: Any) -> None:
    assert question_from_events("patient-7", events, None) is None


def test_hostile_values_in_the_store_reach_the_database(database_url: str, tmp_path) -> None:
    """Before the fix an object as model id or a list as channel failed every later insert.

    (Then sent by the action server's caller; now read from Rasa's table by the follower.)
    """
    follower = StoreFollower(database_url)
    follower.poll(None)
    hostile = [
        user_event(
            "is it safe?\x00",
            "complications",
            input_channel=["rest", "socketio"],
            metadata={"model_id": {"a": 1}},
        ),
        user_event("how long?", "procedure_duration", input_channel=5),
    ]
    with session_factory(database_url).begin() as session:
        if follower.mark == 0:
            rasa_events.create(session.connection(), checkfirst=True)
        for event in hostile:
            session.execute(
                rasa_events.insert().values(
                    sender_id="patient-7", type_name="user", timestamp=time.time(),
                    data=json.dumps(event),
                )
            )  # fmt: skip
    writer = LogWriter(Spool(tmp_path / "spool"), database_url, interval=3600)
    follower.poll(writer)
    assert writer.flush()
    with session_factory(database_url)() as session:
        rows = list(session.execute(select(Question).order_by(Question.id)).scalars())
    assert [(r.text, r.channel, r.model_version) for r in rows] == [
        ("is it safe?", "unknown", None),
        ("how long?", "unknown", "model-123"),
    ]
    writer.stop()


# --- the property ------------------------------------------------------------------------------

QUESTION_INTENTS = ["complications", "procedure_duration", "nlu_fallback", "emergency", "contact"]
EVENT_NAMES = ["user", "bot", "action", "slot", "active_loop", "session_started"]


def nasty_text() -> st.SearchStrategy[str]:
    """Text with NUL, lone surrogates and control characters, sometimes very long."""
    alphabet = st.one_of(
        st.characters(exclude_categories=[]),  # any code point, lone surrogates included
        st.sampled_from(["\x00", "\ud800", "\udfff", "\x1b", "\u2028", "\x85", "=", "\n"]),
    )
    short = st.text(alphabet, max_size=40)
    huge = st.builds(lambda piece, times: piece * times, short, st.integers(100, 3000))
    return st.one_of(short, huge)


def json_values() -> st.SearchStrategy[Any]:
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(min_value=-(10**400), max_value=10**400),
        st.floats(allow_nan=True, allow_infinity=True),
        nasty_text(),
    )
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(
                st.one_of(nasty_text(), st.sampled_from(["name", "text"])), children, max_size=4
            ),
        ),
        max_leaves=12,
    )


def event_like() -> st.SearchStrategy[Any]:
    """Events shaped enough to reach every branch of the builder, with hostile values."""
    anything = json_values()
    shaped = st.fixed_dictionaries(
        {"event": st.one_of(st.sampled_from(EVENT_NAMES), anything)},
        optional={
            "text": anything,
            "name": st.one_of(st.sampled_from(["action_handoff", "utter_x"]), anything),
            "timestamp": anything,
        },
    )
    return st.one_of(shaped, anything)


def question_event() -> st.SearchStrategy[dict[str, Any]]:
    """A user event whose intent asks a question, every other value hostile."""
    anything = json_values()
    intent = st.fixed_dictionaries(
        {"name": st.sampled_from(QUESTION_INTENTS)},
        optional={"confidence": st.one_of(st.floats(), anything)},
    )
    return st.fixed_dictionaries(
        {
            "event": st.just("user"),
            "parse_data": st.fixed_dictionaries({"intent": intent}),
        },
        optional={
            "text": st.one_of(nasty_text(), anything),
            "timestamp": st.one_of(st.floats(), anything),
            "message_id": st.one_of(nasty_text(), anything),
            "input_channel": st.one_of(st.sampled_from(["rest", "socketio"]), anything),
            "metadata": st.one_of(st.fixed_dictionaries({"model_id": anything}), anything),
        },
    )


def question_turns() -> st.SearchStrategy[list[Any]]:
    """Anything, then a question, then anything but another user message."""
    after = event_like().filter(lambda e: not (isinstance(e, dict) and e.get("event") == "user"))
    return st.tuples(
        st.lists(event_like(), max_size=3), question_event(), st.lists(after, max_size=3)
    ).map(lambda parts: [*parts[0], parts[1], *parts[2]])


SETTINGS = settings(
    derandomize=True,
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def assert_is_a_storable_entry(record: dict[str, Any]) -> None:
    assert set(record) == {
        "message_id", "conversation_id", "asked_at", "channel", "text", "text_truncated",
        "intent", "confidence", "response", "outcome", "model_version", "red_flag", "red_flag_cue",
    }  # fmt: skip
    assert_fits_columns(QUESTIONS, record)
    assert record["channel"] in KNOWN_CHANNELS
    assert record["message_id"] and record["conversation_id"]
    assert math.isfinite(datetime.fromisoformat(record["asked_at"]).timestamp())
    from core.db.entries import prepare_row

    assert prepare_row("question", record)  # and the writer's own check agrees


@SETTINGS
@given(
    conversation_id=st.one_of(nasty_text(), json_values()),
    events=st.one_of(st.lists(event_like(), max_size=8), question_turns(), json_values()),
    channel=json_values(),
)
def test_any_events_give_none_or_an_entry_that_fits_its_columns(
    conversation_id: Any, events: Any, channel: Any
) -> None:
    record = question_from_events(conversation_id, events, channel)
    if record is not None:
        assert_is_a_storable_entry(record)


@SETTINGS
@given(
    conversation_id=nasty_text().filter(lambda text: any(c.isalnum() for c in text)),
    events=question_turns(),
    channel=json_values(),
)
def test_a_question_with_hostile_values_everywhere_is_still_logged(
    conversation_id: str, events: list[Any], channel: Any
) -> None:
    record = question_from_events(conversation_id, events, channel)
    assert record is not None
    assert_is_a_storable_entry(record)


def form_turn(answer_intent: str, *actions: str) -> list[dict[str, Any]]:
    """A conversation where the callback form is asking for a name, then one more turn."""
    return [
        {"event": "user", "text": "can someone call me", "timestamp": 1.8e9, "message_id": "m1",
         "parse_data": {"intent": {"name": "request_callback", "confidence": 0.9}}},
        {"event": "action", "name": "callback_form"},
        {"event": "active_loop", "name": "callback_form"},
        {"event": "bot", "text": "What name should they ask for?"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "what happens during the procedure", "timestamp": 1.8e9 + 5,
         "message_id": "m2", "parse_data": {"intent": {"name": answer_intent, "confidence": 0.8}}},
        *({"event": "action", "name": name} for name in actions),
    ]  # fmt: skip


def test_an_answer_to_the_callback_form_is_not_a_question() -> None:
    """The form took the text as the patient's name: not a question, even if it reads like one
    (the back-fill used to log such answers, with the patient's name, as questions)."""
    events = form_turn("procedure_steps", "callback_form")
    assert question_from_events("c-1", events) is None


def test_the_turn_that_submits_the_callback_is_still_a_hand_off() -> None:
    events = form_turn("affirm", "callback_form", "action_submit_callback")
    record = question_from_events("c-1", events)
    assert record is not None and record["outcome"] == "handoff"


def test_a_question_after_the_form_ended_is_a_question() -> None:
    events = [
        *form_turn("deny", "action_deactivate_loop"),
        {"event": "active_loop", "name": None},
        {"event": "user", "text": "is it safe", "timestamp": 1.8e9 + 9, "message_id": "m3",
         "parse_data": {"intent": {"name": "complications", "confidence": 0.9}}},
        {"event": "action", "name": "utter_complications"},
    ]  # fmt: skip
    record = question_from_events("c-1", events)
    assert record is not None and record["intent"] == "complications"


def test_the_logged_reply_never_repeats_the_call_back_details() -> None:
    """The submitting turn's reply names the patient and their number: logged masked."""
    from tests.test_actions import action, callback_slots, form_run

    events = [
        *form_run(callback_slots(True), {"callback_consent": "yes"}),
        action("action_submit_callback"),
        {"event": "bot", "timestamp": 1.0,
         "text": "Thank you, Mary Smith. They will call (860) 555-0123 (weekday mornings)."},
    ]  # fmt: skip
    entry = question_from_events("c-1", events)
    assert entry is not None and entry["outcome"] == "handoff"
    for detail in ("Mary Smith", "555-0123", "weekday mornings"):
        assert detail not in entry["response"]


# --- issue 23: which red flag fired and which context cue decided ----------------------------
def _turn(context: Any, slot: Any = None) -> list[dict[str, Any]]:
    user = {
        "event": "user", "text": "is a fever normal?", "timestamp": time.time(),
        "parse_data": {"intent": {"name": "complications", "confidence": 1.0},
                       "red_flag_context": context},
    }  # fmt: skip
    events: list[dict[str, Any]] = [user]
    if slot is not None:
        events.append({"event": "slot", "name": "red_flag_reason", "value": slot})
    events += [{"event": "action", "name": "utter_complications"},
               {"event": "bot", "text": "Complications are rare."}]  # fmt: skip
    return events


def test_the_entry_keeps_the_flag_and_the_cue() -> None:
    context = {"flag": "fever_or_infected_site", "report": False, "cue": "question: normal"}
    record = question_from_events("c-1", _turn(context))
    assert record is not None
    assert (record["red_flag"], record["red_flag_cue"]) == (
        "fever_or_infected_site",
        "question: normal",
    )


def test_a_report_over_two_messages_is_logged_as_an_emergency_with_its_reason() -> None:
    events = _turn(None, slot="leg_weakness_or_numbness | two messages")
    events.insert(2, {"event": "action", "name": "utter_emergency"})
    record = question_from_events("c-1", events)
    assert record is not None and record["outcome"] == "emergency"
    assert (record["red_flag"], record["red_flag_cue"]) == (
        "leg_weakness_or_numbness",
        "two messages",
    )


def test_an_emergency_the_model_alone_raised_says_so() -> None:
    """Issue 23: such entries had no flag, and staff could not tell the net had missed them."""
    events = _turn(None)
    events[0]["parse_data"]["intent"] = {"name": "emergency", "confidence": 0.9}
    events.insert(1, {"event": "action", "name": "utter_emergency"})
    record = question_from_events("c-1", events)
    assert record is not None and record["outcome"] == "emergency"
    assert (record["red_flag"], record["red_flag_cue"]) == MODEL_ONLY


@SETTINGS
@given(context=json_values(), slot=st.one_of(st.none(), json_values(), nasty_text()))
def test_hostile_red_flag_values_still_give_an_entry_that_fits(context: Any, slot: Any) -> None:
    record = question_from_events("c-1", _turn(context, slot))
    assert record is not None
    assert_is_a_storable_entry(record)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Thanks for the info! Is there any lifting restriction afterwards?", "thanks"),
        (
            "hi!! its gerry, my wife is 92 and fell last week, her number is [phone removed],"
            " can someone help",
            "greet",
        ),
        ("ok but how long does it take?", "affirm"),
    ],
)
def test_a_question_read_as_a_courtesy_is_logged_as_unanswered(text: str, intent: str) -> None:
    """Round 15 and 17's outside testers: a question behind a greeting or thanks got a
    courtesy back and no question-log row, so staff never saw it."""
    event = user_event(text, intent)
    record = question_from_events("patient-7", [event], "rest")
    assert record is not None and record["outcome"] == "fallback", record


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("hello", "greet"),
        ("thanks so much", "thanks"),
        ("yes please", "affirm"),
        ("bye!", "goodbye"),
    ],
)
def test_a_courtesy_alone_is_not_a_question(text: str, intent: str) -> None:
    assert question_from_events("patient-7", [user_event(text, intent)], "rest") is None
