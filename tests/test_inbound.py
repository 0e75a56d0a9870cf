"""What the channels accept: text cleaning, the length cap, hand-written intents and tokens.

Property-based (hypothesis, derandomised and bounded): whatever a client sends, the channel
either refuses it with a 4xx reason or passes Rasa clean, capped text that cannot smuggle an
intent past the NLU and its safety nets.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from addons.channels.conversation_ids import ConversationKeys
from addons.cleaning.inbound import MAX_MESSAGE_CHARS, BadRequest, prepare_message
from addons.cleaning.payloads import OPENING_ALIASES, OPENING_PAYLOAD, screen_payload
from addons.cleaning.text import normalise_text
from addons.safety.red_flags import RED_FLAG_PATTERNS, _compile, find_red_flag
from tests.project import allowed_payloads

BOUNDED = settings(
    derandomize=True, max_examples=300, deadline=None, suppress_health_check=list(HealthCheck)
)
RED_FLAGS = _compile(RED_FLAG_PATTERNS)
ALLOWED = allowed_payloads()
# Any code point, lone surrogates and controls included: what a hostile JSON body can carry.
hostile_text = st.text(
    alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=400
)


def is_clean(text: str) -> bool:
    return all(
        unicodedata.category(c) not in ("Cs", "Cc") or c == "\n" for c in text
    ) and text == unicodedata.normalize("NFC", text)


@BOUNDED
@given(hostile_text)
def test_normalised_text_has_no_surrogates_or_controls_and_is_nfc(raw: str) -> None:
    text = normalise_text(raw)
    assert is_clean(text)
    text.encode("utf-8")  # a lone surrogate would raise here (and, before, broke Rasa)
    assert normalise_text(text) == text  # stable: cleaning twice changes nothing


def test_newlines_are_kept_and_other_controls_dropped() -> None:
    assert normalise_text("line one\r\nline two\x00\x1b[31m\ttab") == "line one\nline two [31m tab"
    # A control character between two words keeps them two words.
    assert normalise_text("/recovery\x00chest pain") == "/recovery chest pain"
    assert normalise_text("a\n\n\n\n\nb") == "a\n\nb"
    assert normalise_text("cafe\u0301") == "caf\u00e9"  # composed
    # Invisible characters go; compatibility letters become plain ones (NFKC).
    assert normalise_text("l\u200begs \u202enip\u202c \ufeffok") == "legs nip ok"
    assert normalise_text("\uff23\uff28\uff25\uff33\uff34 \U0001d41c") == "CHEST c"


@BOUNDED
@given(
    st.one_of(
        st.integers(),
        st.floats(),
        st.lists(st.text()),
        st.dictionaries(st.text(), st.text()),
        st.booleans(),
    )
)
def test_a_message_that_is_not_a_string_is_refused_with_400(raw: object) -> None:
    with pytest.raises(BadRequest) as refused:
        prepare_message(raw, ALLOWED)
    assert refused.value.status == 400


@BOUNDED
@given(hostile_text)
def test_whatever_the_text_rasa_gets_clean_capped_text_or_the_channel_answers(raw: str) -> None:
    prepared = prepare_message(raw, ALLOWED)
    if prepared.reply is not None:
        assert prepared.text is None and "too long" in prepared.reply
        return
    assert prepared.text is not None and len(prepared.text) <= MAX_MESSAGE_CHARS
    assert is_clean(prepared.text)
    # Only the bot's own button payloads may reach Rasa starting with "/".
    assert not prepared.text.startswith("/") or prepared.text in ALLOWED


# What a widget's opening can carry: nothing, or only spaces, controls and invisible marks.
no_text = st.one_of(
    st.none(),
    st.text(st.sampled_from(" \t\r\n\x00\x1b\u200b\u200e\u202e\ufeff\u2028\xa0"), max_size=50),
)


@BOUNDED
@given(no_text)
def test_a_message_without_text_is_the_opening_never_an_error(raw: str | None) -> None:
    """rasa-webchat opens with a `user_uttered` without `message`; it got "could not read"."""
    prepared = prepare_message(raw, ALLOWED)
    assert (prepared.text, prepared.reply, prepared.parts) == (
        OPENING_PAYLOAD,
        None,
        [OPENING_PAYLOAD],
    )


@pytest.mark.parametrize("payload", sorted(OPENING_ALIASES | {OPENING_PAYLOAD, "/GET_STARTED"}))
def test_a_widgets_opening_payload_is_the_opening(payload: str) -> None:
    """rasa-webchat's `initPayload` ("/get_started" in its README) opens like our widget."""
    assert prepare_message(f" {payload} ", ALLOWED).parts == [OPENING_PAYLOAD]


def test_a_too_long_message_gets_a_polite_request_to_shorten_it() -> None:
    prepared = prepare_message("how long does it take? " * 100, ALLOWED)
    assert prepared.text is None and prepared.reply is not None
    assert "too long" in prepared.reply and "1,000" in prepared.reply and "911" in prepared.reply


@BOUNDED
@given(
    st.text(alphabet="abcdefghij klm.,!?\n", min_size=MAX_MESSAGE_CHARS, max_size=5000),
    st.sampled_from(
        ["I can't feel my legs", "I lost control of my bladder", "chest pain", "I have a fever"]
    ),
    st.floats(min_value=0, max_value=1),
)
def test_a_red_flag_in_a_too_long_message_still_reaches_the_assistant(
    noise: str, red_flag: str, where: float
) -> None:
    at = int(len(noise) * where)
    prepared = prepare_message(f"{noise[:at]} {red_flag} {noise[at:]}", ALLOWED)
    assert prepared.text is not None and len(prepared.text) <= MAX_MESSAGE_CHARS
    assert find_red_flag(prepared.text, RED_FLAGS) is not None


@pytest.mark.parametrize(
    ("sent", "passed_on"),
    [
        (
            "/recovery@1 my legs are numb and I lost bladder control",
            "recovery@1 my legs are numb and I lost bladder control",
        ),
        ("/emergency@0", "emergency@0"),
        ("/restart", "restart"),
        ("/session_start", "session_start"),
        ('/affirm{"callback_phone": "=1+1"}', 'affirm{"callback_phone": "=1+1"}'),
        ("//recovery", "recovery"),
        ("/recovery", "/recovery"),  # a topic button (domain.yml, utter_help)
        ("/request_callback", "/request_callback"),  # the hand-off's button (actions)
        ("/affirm", "/affirm"),  # the consent buttons
        (OPENING_PAYLOAD, OPENING_PAYLOAD),
    ],
)
def test_only_the_bots_own_button_payloads_pass_as_intents(sent: str, passed_on: str) -> None:
    assert screen_payload(sent, ALLOWED) == passed_on


def test_the_allowed_payloads_are_exactly_the_buttons() -> None:
    payloads = ALLOWED
    assert {"/recovery", "/contact", "/request_callback", "/affirm", "/deny", "/greet"} <= payloads
    assert all("@" not in p and "{" not in p for p in payloads)
    assert "/emergency" not in payloads and "/restart" not in payloads


def test_the_widget_opens_with_the_allowed_opening_payload() -> None:
    from tests.project import ROOT

    widget = (ROOT / "web/widget/chat-widget.js").read_text(encoding="utf-8")
    assert f'"{OPENING_PAYLOAD}"' in widget
    assert f"MAX_MESSAGE_CHARS = {MAX_MESSAGE_CHARS};" in widget


KEYS = ConversationKeys(b"test-secret")


def test_an_issued_token_maps_to_one_stable_conversation_id() -> None:
    token = KEYS.new_token()
    conversation_id = KEYS.conversation_id(token)
    assert conversation_id is not None and conversation_id.startswith("c-")
    assert KEYS.conversation_id(token) == conversation_id
    assert (
        token not in conversation_id and KEYS.conversation_id(KEYS.new_token()) != conversation_id
    )


def test_a_token_from_another_key_or_a_tampered_one_is_refused() -> None:
    token = KEYS.new_token()
    assert ConversationKeys(b"another-secret").conversation_id(token) is None
    flipped = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert KEYS.conversation_id(flipped) is None
    nonce = token.split(".")[1]
    other_nonce = ("B" if nonce[0] != "B" else "C") + nonce[1:]
    assert KEYS.conversation_id(f"v1.{other_nonce}.{token.split('.')[2]}") is None


def test_a_token_with_anything_around_it_is_refused() -> None:
    token = KEYS.new_token()
    for variant in (token + "\n", " " + token, token + " ", token + "\x00", "\n" + token):
        assert KEYS.conversation_id(variant) is None


def test_the_stored_conversation_id_is_not_a_token() -> None:
    conversation_id = KEYS.conversation_id(KEYS.new_token())
    assert KEYS.conversation_id(conversation_id) is None


@BOUNDED
@given(st.one_of(hostile_text, st.integers(), st.none(), st.lists(st.text()), st.binary()))
def test_nothing_but_an_issued_token_is_a_conversation(sender: object) -> None:
    assert KEYS.conversation_id(sender) is None


STORY = "I would like to know more about the procedure and what happens. " * 20


@pytest.mark.parametrize(
    "red_flag",
    [
        "tightness in chest",
        "pins and needles in my legs",
        "my legs gave out",
        "I can't pee",
        "suddenly the pain got really bad",
        "chest-pain",
        "chestpain",
        "chest pian",
        "feverr",
        "bladder control lost",
        "I can't feel my l\u200begs",
        "chest pa\u0456n",
        "chest p\u03b1in",
        "pai\u0308n in my chest",
        "\uff23\uff28\uff25\uff33\uff34 \uff30\uff21\uff29\uff2e",
    ],
)
@pytest.mark.parametrize("where", ["start", "end"])
def test_red_flags_in_a_long_story_reach_the_assistant(red_flag: str, where: str) -> None:
    """An outside tester's phrasings that got "please shorten" inside a 1,400-character story."""
    message = f"{red_flag}. {STORY}" if where == "start" else f"{STORY} {red_flag}"
    prepared = prepare_message(message, ALLOWED)
    assert prepared.text is not None and len(prepared.text) <= MAX_MESSAGE_CHARS
    assert find_red_flag(prepared.text, RED_FLAGS) is not None


@pytest.mark.parametrize(
    "message",
    ["I have chest pain" + "\u0301" * 2000, "chest" + "\u200b" * 2000 + "pain"],
)
def test_invisible_padding_does_not_hide_a_red_flag(message: str) -> None:
    prepared = prepare_message(message, ALLOWED)
    assert prepared.text is not None and find_red_flag(prepared.text, RED_FLAGS) is not None


def test_a_cut_long_emergency_keeps_the_patients_own_text_for_the_redaction() -> None:
    """An outside tester's long emergency: cut around the red flag, it reached Rasa folded to
    lower case, so the redaction (which reads capitals) stored "i'm oluwaseun adeyemi" raw,
    and the cut split an e-mail address. The cut now keeps the patient's own text and whole
    words."""
    from core.privacy.redaction import redact

    story = "We went to the clinic and waited for a long time that day. " * 12
    message = (
        f"{story}Hello, I'm Oluwaseun Adeyemi, my e-mail is oluwaseun.adeyemi1938@gmail.com "
        "and my husband Tadeusz Wisniewski-Kowal fell. He cannot feel his legs since this "
        f"morning. {story}"
    )
    prepared = prepare_message(message, ALLOWED)
    assert prepared.text is not None and len(prepared.text) <= MAX_MESSAGE_CHARS
    assert "Oluwaseun Adeyemi" in prepared.text  # as typed, capitals kept
    stored = redact(prepared.text)
    for detail in ("Oluwaseun", "Adeyemi", "Tadeusz", "gmail", "1938"):
        assert detail.lower() not in stored.lower(), stored
    assert find_red_flag(prepared.text, RED_FLAGS) is not None


@BOUNDED
@given(st.text(alphabet="abcdéfghij klm.,!?\u0301\u200b", min_size=1200, max_size=3000))
def test_a_cut_never_splits_a_word(noise: str) -> None:
    message = f"{noise} my legs went numb {noise}"
    prepared = prepare_message(message, ALLOWED)
    assert prepared.text is not None and len(prepared.text) <= MAX_MESSAGE_CHARS
    assert find_red_flag(prepared.text, RED_FLAGS) is not None
    words = set(normalise_text(message).split())
    for word in prepared.text.split()[1:-1]:
        assert word in words
