"""End-to-end (issue 23): red flags understood in context, through the real servers over REST.

A question about a symptom gets its answer and a conditional safety line, not the alarm; a
report gets the fixed emergency message first, also when split over two messages or written
in Spanish; the question log keeps which flag fired and which cue decided.
"""

from __future__ import annotations

import uuid

import pytest

from core.settings import load_settings
from core.vocabulary.contact import handoff_text, load_contact_details
from tests.servers import Assistant
from tests.socketio_client import WebchatClient
from tests.stored import questions_of, wait_for

pytestmark = pytest.mark.e2e

HANDOFF = " ".join(handoff_text(load_contact_details(load_settings().contact_config)).split())


def new_sender() -> str:
    return f"test-{uuid.uuid4().hex}"


def said(assistant: Assistant, sender: str, message: str) -> list[str]:
    return [" ".join(t.split()) for t in assistant.texts(sender, message)]


def test_a_question_about_a_symptom_gets_its_answer_and_a_safety_line(
    assistant: Assistant, domain_texts
) -> None:
    sender = new_sender()
    said(assistant, sender, "hi")
    texts = said(
        assistant, sender, "is it normal to have a raised temperature after the procedure?"
    )
    assert domain_texts["utter_emergency"] not in texts
    assert texts == [domain_texts["utter_complications"], domain_texts["utter_if_symptom_now"]]


def test_a_negation_keeps_its_answer_without_alarm_or_safety_line(
    assistant: Assistant, domain_texts
) -> None:
    sender = new_sender()
    said(assistant, sender, "hi")
    texts = said(assistant, sender, "no fever, how long does the procedure take?")
    assert texts == [domain_texts["utter_procedure_duration"]]


def test_a_report_after_an_ordinary_question_gets_the_emergency_message_first(
    assistant: Assistant, domain_texts
) -> None:
    sender = new_sender()
    said(assistant, sender, "how long does it take?")
    texts = said(assistant, sender, "I have a fever, is that normal?")
    assert texts == [domain_texts["utter_emergency"]]


def test_a_report_split_over_two_messages_gets_the_emergency_message_first(
    assistant: Assistant, domain_texts
) -> None:
    sender = new_sender()
    said(assistant, sender, "hi")
    said(assistant, sender, "my legs")
    second = said(assistant, sender, "went numb an hour ago")
    assert second[0] == domain_texts["utter_emergency"]
    rows = wait_for(lambda: [r for r in questions_of(assistant, sender) if r.red_flag])
    assert rows, questions_of(assistant, sender)
    split = rows[-1]
    assert split.outcome == "emergency"
    assert split.red_flag == "leg_weakness_or_numbness"
    assert split.red_flag_cue == "two messages"


def test_a_split_report_the_model_calls_an_emergency_is_logged_with_its_reason(
    assistant: Assistant, domain_texts
) -> None:
    """Outside tester (issue 23): the second half alone was the model's "emergency"."""
    sender = new_sender()
    said(assistant, sender, "i cant")
    texts = said(assistant, sender, "hold my pee anymore since this morning")
    assert texts == [domain_texts["utter_emergency"]]
    rows = wait_for(lambda: [r for r in questions_of(assistant, sender) if r.red_flag])
    assert rows and rows[-1].outcome == "emergency"
    flag = (rows[-1].red_flag, rows[-1].red_flag_cue)
    assert flag == ("bladder_or_bowel_control", "two messages")


def test_a_spanish_report_gets_the_emergency_message_in_english_and_spanish(
    assistant: Assistant, domain_texts
) -> None:
    sender = new_sender()
    said(assistant, sender, "hola")
    texts = said(assistant, sender, "no siento las piernas desde esta mañana")
    assert texts == [domain_texts["utter_emergency"], domain_texts["utter_emergency_es"]]
    rows = wait_for(lambda: [r for r in questions_of(assistant, sender) if r.red_flag])
    assert rows and rows[-1].outcome == "emergency" and rows[-1].red_flag_cue is None


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("¿Cuánto tiempo dura el procedimiento?", "es"),
        ("Quanto tempo dura a recuperação?", "pt"),
        ("Ile trwa ten zabieg?", "pl"),
    ],
)
def test_other_messages_in_those_languages_get_the_language_help_line(
    assistant: Assistant, domain_texts, message: str, language: str
) -> None:
    sender = new_sender()
    said(assistant, sender, "hello")
    texts = said(assistant, sender, message)
    assert texts == [domain_texts[f"utter_language_help_{language}"], HANDOFF]


def test_the_question_log_keeps_the_flag_and_the_cue(assistant: Assistant) -> None:
    sender = new_sender()
    said(assistant, sender, "Is fever a side effect of vertebroplasty?")
    said(assistant, sender, "I can't feel my legs")
    rows = wait_for(lambda: len([r for r in questions_of(assistant, sender) if r.red_flag]) == 2)
    assert rows, questions_of(assistant, sender)
    talk, report = [r for r in questions_of(assistant, sender) if r.red_flag]
    assert talk.outcome != "emergency" and talk.red_flag == "fever_or_infected_site"
    assert talk.red_flag_cue == "question: side effect"
    assert report.outcome == "emergency" and report.red_flag_cue is None


def test_over_socketio_a_split_report_and_a_polish_report_get_the_emergency_message(
    assistant: Assistant, domain_texts
) -> None:
    """The widget's channel: the same policy, the translated message marked as an emergency."""
    client = WebchatClient()
    client.connect(assistant.rasa_url)
    try:
        client.say("my dad suddenly")
        split = client.say("collapsed")
        polish = client.say("nie czuję nóg od rana")
    finally:
        client.close()
    split_texts = [" ".join(m["text"].split()) for m in split if "text" in m]
    polish_texts = [" ".join(m["text"].split()) for m in polish if "text" in m]
    assert split_texts[0] == domain_texts["utter_emergency"]
    assert polish_texts == [domain_texts["utter_emergency"], domain_texts["utter_emergency_pl"]]
    assert [m for m in polish if m.get("custom") == {"kind": "emergency"}]


# --- the outside tester's round 3 (issue 23) ---------------------------------------------------


def test_a_split_question_gets_the_risks_answer_once_then_the_safety_line(
    assistant: Assistant, domain_texts
) -> None:
    """Split into two turns, both answered with the risks passage: it was sent twice, and
    "paralysis" was no red-flag word, so no safety line came."""
    sender = new_sender()
    said(assistant, sender, "hi")
    texts = said(assistant, sender, "what are the side effects? can it cause paralysis")
    assert texts == [domain_texts["utter_complications"], domain_texts["utter_if_symptom_now"]]


@pytest.mark.parametrize(
    "message",
    [
        "will i lose bladder control from it",
        "what should we do if he gets confused after the sedation",
    ],
)
def test_a_question_about_a_red_flag_gets_the_risks_answer_and_the_safety_line(
    assistant: Assistant, domain_texts, message: str
) -> None:
    sender = new_sender()
    said(assistant, sender, "hi")
    texts = said(assistant, sender, message)
    assert texts == [domain_texts["utter_complications"], domain_texts["utter_if_symptom_now"]]


def test_a_body_part_then_a_report_gets_the_emergency_only_on_the_report(
    assistant: Assistant, domain_texts
) -> None:
    """ "chest" alone had the model's alarm, and "really hurting right now" then got "didn't
    understand"; "my legs" / "are fine, no numbness" had the alarm twice."""
    sender = new_sender()
    said(assistant, sender, "hi")
    assert domain_texts["utter_emergency"] not in said(assistant, sender, "chest")
    assert said(assistant, sender, "really hurting right now")[0] == domain_texts["utter_emergency"]
    other = new_sender()
    said(assistant, other, "hi")
    first = said(assistant, other, "my legs")
    second = said(assistant, other, "are fine, no numbness. when can i walk far")
    assert domain_texts["utter_emergency"] not in first + second


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("se me escapa la orina y no me doy cuenta", "es"),
        ("meu marido está confuso e falando coisas sem sentido", "pt"),
        ("tata jest zdezorientowany, nie wie gdzie jest", "pl"),
    ],
)
def test_new_reports_in_other_languages_get_both_emergency_messages(
    assistant: Assistant, domain_texts, message: str, language: str
) -> None:
    sender = new_sender()
    said(assistant, sender, "hello")
    texts = said(assistant, sender, message)
    assert texts == [domain_texts["utter_emergency"], domain_texts[f"utter_emergency_{language}"]]


def test_a_polish_question_about_fever_gets_no_alarm(assistant: Assistant, domain_texts) -> None:
    sender = new_sender()
    said(assistant, sender, "dzień dobry")
    texts = said(assistant, sender, "czy gorączka po zabiegu jest normalna?")
    assert domain_texts["utter_emergency"] not in texts
    assert texts == [
        domain_texts["utter_language_help_pl"],
        HANDOFF,
        domain_texts["utter_if_symptom_now_pl"],
    ]


def test_denied_symptoms_then_a_question_answers_and_logs_the_question(
    assistant: Assistant, domain_texts
) -> None:
    """ "No chest pain, no fever. Just wondering when I can garden again" got only "All
    right..." (read as a "no"), and nothing reached the question log."""
    sender = new_sender()
    said(assistant, sender, "hi")
    message = (
        "No chest pain, no breathing trouble, no fever. Just wondering when I can garden again"
    )
    texts = said(assistant, sender, message)
    assert domain_texts["utter_deny"] not in texts
    assert domain_texts["utter_emergency"] not in texts
    rows = wait_for(lambda: [r for r in questions_of(assistant, sender) if "garden" in r.text])
    assert rows and rows[-1].outcome != "emergency"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("mom is confused this morning doesnt know where she is", "confusion_or_stroke_signs"),
        ("there is a lot of blood soaking through the dressing on his back", "heavy_bleeding"),
    ],
)
def test_staff_see_the_new_flags_in_the_question_log(
    assistant: Assistant, domain_texts, message: str, flag: str
) -> None:
    sender = new_sender()
    said(assistant, sender, "hi")
    assert said(assistant, sender, message)[0] == domain_texts["utter_emergency"]
    rows = wait_for(lambda: [r for r in questions_of(assistant, sender) if r.red_flag])
    assert rows and (rows[-1].outcome, rows[-1].red_flag) == ("emergency", flag)
