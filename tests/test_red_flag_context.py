"""Red flags in context (issue 23): a report is told from talk about a symptom.

Recall stays at 100 % on the team's corpus (tests/red_flag_corpus.yml); the false-alarm rate
is measured by `make bench` (bench/red_flags.py). The cases below are the rules' promises,
each a behaviour a patient would notice.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa.shared.core.events import UserUttered
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.safety.red_flag_policy import EMERGENCY, script, split_report
from addons.safety.red_flags import (
    RED_FLAG_CONTEXT_KEY,
    RED_FLAG_KEY,
    RedFlagClassifier,
    assess,
    mentions_red_flag,
)
from tests.project import ROOT

CORPUS = yaml.safe_load((ROOT / "tests" / "red_flag_corpus.yml").read_text(encoding="utf-8"))
REPORTS = [item["text"] for item in CORPUS["reports"]]
PAIRS = [tuple(item["messages"]) for item in CORPUS["two_message_reports"]]


def is_report(text: str) -> bool:
    finding = assess(text)
    return finding is not None and finding.report


def test_the_corpus_is_big_enough_and_covers_every_kind() -> None:
    kinds = {item["kind"] for item in CORPUS["reports"] + CORPUS["non_reports"]}
    assert len(CORPUS["reports"]) + len(PAIRS) >= 150
    assert len(CORPUS["non_reports"]) >= 150
    assert {
        "negation", "hypothetical", "question", "history", "other person", "caregiver", "typo",
        "long story", "spanish", "portuguese", "polish",
    } <= kinds  # fmt: skip


@pytest.mark.parametrize("text", REPORTS)
def test_every_report_in_the_corpus_is_a_report(text: str) -> None:
    assert is_report(text), assess(text)


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_every_two_message_report_is_a_report(first: str, second: str) -> None:
    assert is_report(first) or is_report(second) or split_report(first, second) is not None


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("is it normal to have a raised temperature after the procedure?", "question: normal"),
        ("Is fever a side effect of vertebroplasty?", "question: side effect"),
        ("no fever, how long is recovery?", "negation: no"),
        ("I don't have any numbness or weakness in my legs", "negation: don't have any"),
        ("my legs aren't numb", "negation: n't numb"),
        ("no fever or chills", "negation: no"),
        ("what happens if I get a fever after the procedure?", "hypothetical: if"),
        ("I had numbness in my legs years ago, it was checked", "history: years ago"),
        ("my friend had a fever after her vertebroplasty, is that common?", "question: common"),
        ("can vertebroplasty help with leg numbness?", "treatment: can vertebroplasty help"),
        ("¿es normal tener fiebre después del procedimiento?", "question: es normal"),
        ("não tenho febre, quanto tempo dura a recuperação?", "negation: nao tenho"),
        ("nie mam gorączki", "negation: nie mam"),
        # The outside tester's false alarms (issue 23, round 2).
        ("my mum is worried about getting a fever after, is that likely?", "question: likely"),
        (
            "i had pneumonia ten years ago and was short of breath then, fine now. "
            "does that matter?",
            "history: years ago",
        ),
        ("czy po zabiegu może być gorączka?", "question: czy po zabiegu moze byc"),
    ],
)
def test_talk_about_a_symptom_is_not_a_report_and_says_which_cue_decided(
    text: str, cue: str
) -> None:
    finding = assess(text)
    assert finding is not None and not finding.report
    assert finding.cue == cue


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # Found in the first round of tuning: each was wrongly read as talk.
        ("I don't feel right and my legs went numb", None),  # not a negation of "numb"
        ("no fever, legs numb", None),  # a comma ends the negation
        ("my legs went numb", None),  # "went" ends in "nt" but negates nothing
        ("I don't have any feeling in my legs", None),  # a loss, not a negation
        ("I have a fever, is that normal?", "report: i have"),
        ("is the numbness in my legs a side effect?", "report: the numbness"),
        ("I don't know if I have a fever but I'm shivering", None),
        ("what happens if I get a fever? I have 38.5 now", None),
        ("is it bad that my chest hurts when I breathe in?", "report: my chest hurts"),
        ("grandma's legs went weak when she tried to walk", None),  # someone cared for
    ],
)
def test_reports_stay_reports_whatever_the_cues_around_them(text: str, cue: str | None) -> None:
    finding = assess(text)
    assert finding is not None and finding.report
    assert finding.cue == cue


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("no siento las piernas", "es"),
        ("não consigo respirar", "pt"),
        ("nie mogę oddychać", "pl"),  # not read as "move" by the English typo table
        ("Zemdlała", "pl"),
    ],
)
def test_reports_in_other_languages_say_their_language(text: str, language: str) -> None:
    finding = assess(text)
    assert finding is not None and finding.report and finding.language == language


def test_the_channels_fail_safe_still_reacts_to_any_mention() -> None:
    """When a turn fails the channels send the emergency message on a mention: recall wins."""
    assert mentions_red_flag("is a fever normal after the procedure?")
    assert mentions_red_flag("nie czuję nóg")


def test_a_question_the_model_called_an_emergency_gets_the_risks_answer() -> None:
    message = Message(data={TEXT: "is a fever normal after vertebroplasty?"})
    message.set(INTENT, {"name": "emergency", "confidence": 0.9})
    message.set(INTENT_RANKING_KEY, [{"name": "emergency", "confidence": 0.9}])
    RedFlagClassifier({}).process([message])
    assert message.get(INTENT) == {"name": "complications", "confidence": 1.0}
    assert message.get(RED_FLAG_KEY) is None
    context = message.get(RED_FLAG_CONTEXT_KEY)
    assert context == {
        "flag": "fever_or_infected_site",
        "language": "en",
        "report": False,
        "cue": "question: normal",
    }


def test_a_negation_keeps_the_classifiers_intent() -> None:
    message = Message(data={TEXT: "no fever, how long is recovery?"})
    message.set(INTENT, {"name": "recovery", "confidence": 0.95})
    RedFlagClassifier({}).process([message])
    assert message.get(INTENT) == {"name": "recovery", "confidence": 0.95}


def test_a_spanish_question_keeps_the_language_guards_intent() -> None:
    message = Message(data={TEXT: "¿es normal tener fiebre después?"})
    message.set(INTENT, {"name": "out_of_scope", "confidence": 1.0})
    RedFlagClassifier({}).process([message])
    assert message.get(INTENT) == {"name": "out_of_scope", "confidence": 1.0}


LEGS, FEVER = "leg_weakness_or_numbness", "fever_or_infected_site"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("my legs", "went numb an hour ago", f"{LEGS} | two messages"),
        ("is a fever normal after it?", "because I have one now", f"{FEVER} | two messages"),
        ("I can't feel my legs", "thanks", None),  # the first was already a report
        ("how long is recovery?", "no fever so far", None),
        ("", "went numb", None),
    ],
)  # fmt: skip
def test_two_messages_are_read_together_only_when_together_they_report(
    first: str, second: str, expected: str | None
) -> None:
    assert split_report(first, second) == expected


@pytest.mark.parametrize("intent", ["emergency", "out_of_scope"])
def test_a_split_report_keeps_its_reason_even_when_the_model_said_emergency(intent: str) -> None:
    """Issue 23: the model's own "emergency" left the rule to send it, and the log no reason."""
    users = [
        UserUttered("i cant", {"name": "out_of_scope", "confidence": 0.6}),
        UserUttered("hold my pee anymore since this morning", {"name": intent, "confidence": 0.9}),
    ]
    assert script(users) == (
        [EMERGENCY],
        "bladder_or_bowel_control | two messages",
    )


REPORT_SENTENCES = st.sampled_from(
    ["I can't feel my legs.", "My chest hurts right now.", "I have a fever of 39.",
     "No siento las piernas.", "Nie czuję nóg."]
)  # fmt: skip


@settings(
    max_examples=300, derandomize=True, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)  # fmt: skip
@given(before=st.text(max_size=300), report=REPORT_SENTENCES, after=st.text(max_size=300))
def test_a_report_sentence_anywhere_in_hostile_text_is_a_report(
    before: str, report: str, after: str
) -> None:
    """Whatever surrounds it (cues, negations, control characters), a report stays one."""
    assert is_report(f"{before}\n{report}\n{after}")


@settings(max_examples=300, derandomize=True, deadline=None)
@given(text=st.text(max_size=2000))
def test_assess_takes_any_text(text: str) -> None:
    finding = assess(text)
    assert finding is None or (finding.flag and finding.language in ("en", "es", "pt", "pl"))


def _model_said_emergency(text: str) -> Message:
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": "emergency", "confidence": 0.8})
    message.set(
        INTENT_RANKING_KEY,
        [{"name": "emergency", "confidence": 0.8}, {"name": "recovery", "confidence": 0.1}],
    )
    RedFlagClassifier({}).process([message])
    return message


@pytest.mark.parametrize("text", ["chest", "my legs", "My Legs.", "his back", "both feet"])
def test_a_bare_body_part_does_not_alarm_on_its_own(text: str) -> None:
    """Issue 23, round 3: "my legs" alone got the model's emergency; the fallback decides."""
    message = _model_said_emergency(text)
    assert message.get(INTENT) == {"name": "recovery", "confidence": 0.1}


@pytest.mark.parametrize(
    "text",
    ["will the cement make me dizzy?", "what if the cement leaks", "could it cause a stroke?"],
)
def test_a_question_only_the_model_called_an_emergency_gets_the_risks_answer(text: str) -> None:
    """Issue 23, round 3: the model alone said emergency on a question about a risk."""
    message = _model_said_emergency(text)
    assert message.get(INTENT) == {"name": "complications", "confidence": 1.0}
    context = message.get(RED_FLAG_CONTEXT_KEY)
    assert context["flag"] == "model_only" and context["report"] is False


@pytest.mark.parametrize(
    "text",
    [
        "my husband Piotr is 87 and frightened",
        "she's really nervous about having it done",
        "I am so anxious about next week",
        "terrified",
        "my gran is worried about the procedure",
    ],
)
def test_fear_or_worry_alone_does_not_alarm(text: str) -> None:
    """Outside round 2: the model alone said emergency on "my wife ... is 91 and scared"."""
    message = _model_said_emergency(text)
    assert message.get(INTENT) == {"name": "recovery", "confidence": 0.1}


@pytest.mark.parametrize(
    "text",
    [
        "i'm scared, something is very wrong with my dad",
        "she is frightened and shaking",
        "my mum is worried and in a lot of pain",
        "he's anxious and his chest feels odd",
        "i am scared please help",
    ],
)
def test_fear_with_anything_of_the_body_or_alarm_keeps_the_models_emergency(text: str) -> None:
    assert _model_said_emergency(text).get(INTENT) == {"name": "emergency", "confidence": 0.8}


@settings(max_examples=200, derandomize=True, deadline=None)
@given(
    fear=st.sampled_from(["i'm scared", "she is terrified", "so worried", "nervous,"]),
    report=st.sampled_from(
        [
            r["text"]
            for r in CORPUS["reports"]
            if r["kind"] not in ("spanish", "portuguese", "polish")
        ]
    ),
)
def test_fear_never_hides_a_red_flag(fear: str, report: str) -> None:
    """Every report of the corpus, with fear before it, is still an emergency."""
    message = _model_said_emergency(f"{fear} {report}")
    assert message.get(INTENT)["name"] == "emergency"


@pytest.mark.parametrize(
    "text",
    ["my arm went funny", "i feel weird", "will it cause this? my arm went funny", "help me"],
)
def test_anything_unclear_keeps_the_models_emergency(text: str) -> None:
    assert _model_said_emergency(text).get(INTENT) == {"name": "emergency", "confidence": 0.8}


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("chest", "really hurting right now", "chest_pain_or_breathing | two messages"),
        ("mis piernas", "se pusieron dormidas hace una hora", f"{LEGS} | two messages"),
        ("my legs", "are fine, no numbness. when can i walk far", None),
        ("my feet", "feel normal, no tingling", None),
    ],
)  # fmt: skip
def test_a_join_is_judged_with_its_cues(first: str, second: str, expected: str | None) -> None:
    """Issue 23, round 3: the join ignored the "no" of "are fine, no numbness"."""
    assert split_report(first, second) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("no siento bien las piernas", "es"),
        ("tata jest zdezorientowany, nie wie gdzie jest", "pl"),
        ("meu marido está confuso e falando coisas sem sentido", "pt"),
        ("se me escapa la orina y no me doy cuenta", "es"),
        ("I can't feel my legs", None),
    ],
)
def test_a_failed_turn_gives_the_emergency_in_the_patients_language(
    text: str, language: str | None
) -> None:
    """Issue 23, round 3: a failed turn's fallback was the English emergency message only."""
    from addons.channels.replies import failure_messages
    from tests.project import domain_responses

    responses = domain_responses()
    texts = [m["text"] for m in failure_messages([text], responses) if "text" in m]
    expected = [" ".join(responses["utter_emergency"][0]["text"].split())]
    if language:
        expected.append(" ".join(responses[f"utter_emergency_{language}"][0]["text"].split()))
    assert texts == expected


def test_a_split_message_does_not_send_the_same_answer_twice() -> None:
    """Issue 23, round 3: "what are the side effects? can it cause paralysis" got the risks
    passage twice; each emergency text keeps its widget marker."""
    from addons.channels.compound import once_each

    risks, line = {"text": "Complications are rare."}, {"text": "If you have this now, call 911."}
    marker = {"custom": {"kind": "emergency"}}
    english, spanish = {"text": "This may be an emergency."}, {"text": "Esto puede ser."}
    assert once_each([risks, risks, line]) == [risks, line]
    assert once_each([english, marker, spanish, marker, english, marker]) == [
        english, marker, spanish, marker,
    ]  # fmt: skip


@settings(max_examples=200, derandomize=True, deadline=None)
@given(
    messages=st.lists(
        st.one_of(
            st.fixed_dictionaries({"text": st.text(max_size=20)}),
            st.fixed_dictionaries({"custom": st.dictionaries(st.text(max_size=5), st.text())}),
        ),
        max_size=12,
    )
)
def test_once_each_keeps_order_and_every_distinct_text(messages: list[dict[str, object]]) -> None:
    from addons.channels.compound import once_each

    kept = once_each(messages)
    texts = [m["text"] for m in messages if "text" in m]
    assert [m["text"] for m in kept if "text" in m] == list(dict.fromkeys(texts))
    assert all(m in messages for m in kept)
