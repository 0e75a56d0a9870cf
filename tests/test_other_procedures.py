"""The nets for other spine procedures (not covered) and sibling procedures (a note).

Issue 12: "what to expect after spine surgery", questions about fusion, disc or tumour surgery
were answered with vertebroplasty facts. These nets are deterministic: each case below is a
way patients phrase it, and no training or held-out example of a topic is caught.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from addons.safety.other_procedures import asks_about_disc_problem, find_other_procedure
from addons.safety.siblings import find_sibling
from core.vocabulary.topics import FAQ_TOPICS
from tests.project import nlu_examples

OTHER_PROCEDURE_QUESTIONS = [
    "what to expect after spine surgery",
    "How long is recovery from spinal fusion?",
    "is a microdiscectomy painful",
    "my husband needs a laminectomy, how long will he be in hospital?",
    "What are the risks of lumbar fusion surgery?",
    "can a herniated disc heal on its own",
    "what is an ACDF",
    "should I get an epidural steroid injection for sciatica",
    "how successful is spinal cord stimulator",
    "is vertebroplasty better than spinal fusion?",
    "what's the difference between a discectomy and vertebroplasty",
    "recovery time after back surgery for spinal stenosis",
    "Spinal tumour surgery: what happens?",
    "artificial disc replacement cost",
    "How do I prepare for tumour surgery?",
    "what is the recovery time after spinal injections",
    "how long will my stimulator last",
    "what are the long-term effects of a fusion",
    "which medicines raise the risk of osteoporosis",
    "how is osteoporosis diagnosed",
    "what treatments are there for spinal metastases",
    "myeloma treatment options",
    # Issue 12's outsiders.
    "how long does a nerve root block injection last",
    "is a facet joint injection the same as this cement injection?",
    "Is the cement injection the same as a cortisone shot",
    # Issue 24: the net keeps conditions asked about on their own or against another treatment.
    "how is sciatica treated",
    "can people with spinal stenosis have a fusion",
    "would someone with sciatica benefit more from an epidural injection",
    # Issue 24, third pass: osteoporosis itself, its medicines, braces, other devices and
    # open operations described rather than named.
    "what exactly is osteopenia",
    "what are the main causes of osteoporosis in women",
    "which people get osteoporosis",
    "my doctor put me on alendronate, is it safe long term",
    "do denosumab injections have side effects",
    "should my mother wear a back brace for her fracture",
    "is bracing enough for a broken vertebra",
    "how long do I wear a corset after a spine fracture",
    "how risky is an osteotomy to straighten the spine",
    "is the SpineJack implant better",
    "is a SpineJack a kind of kyphoplasty",
    "they want to put metal rods along his spine, how long is recovery",
    "he needs an operation on his back, will he walk again",
    "in what way does osteoporosis weaken the skeleton",
    "is swimming good exercise for someone with osteoporosis",
    "I was told I have low bone density, what now",
    "how long does the implant battery last before it needs changing",
]
THIS_PAGE_QUESTIONS = [
    # Issue 24, third pass: osteoporosis as the cause of the fracture, a medicine or a brace
    # beside vertebroplasty, stay with the model.
    "does osteoporosis cause spine fractures",
    "what causes osteoporotic fractures of the spine",
    "I take Fosamax, can I still have vertebroplasty?",
    "do I need a brace after vertebroplasty",
    "is vertebroplasty a kind of surgery",
    "I had a spinal fusion in 2015, can I still have vertebroplasty?",
    "is vertebroplasty considered spine surgery?",
    "how long does vertebroplasty take",
    "what is a compression fracture",
    "will the cement injection hurt",
    "I fused two toes years ago, does that matter",
    "can vertebroplasty help a fracture caused by myeloma",
    "I have metastases in my spine, is vertebroplasty an option for me",
    # Issue 24: the page answers these ("not usually helpful for ... disc problems").
    "Will cement help my bulging disc?",
    "Is it any good for a herniated disc?",
    "would the cement injection help my slipped disc",
    "are bone cement injections useful for sciatica?",
    # Issue 24 (strict): asked about the patient or the benefit, the same question.
    "Can someone with a herniated disc get this procedure?",
    "would a person with sciatica benefit from it",
    "can patients with a slipped disk have the cement treatment",
    "is the procedure recommended for a bulging disc?",
    "Would my mother benefit from vertebroplasty with her pinched nerve?",
]


@pytest.mark.parametrize("text", OTHER_PROCEDURE_QUESTIONS)
def test_questions_about_other_procedures_are_caught(text: str) -> None:
    assert find_other_procedure(text) is not None


@pytest.mark.parametrize("text", THIS_PAGE_QUESTIONS)
def test_vertebroplasty_questions_are_left_to_the_model(text: str) -> None:
    assert find_other_procedure(text) is None


def test_no_topic_example_is_taken_for_another_procedure() -> None:
    caught = [
        (intent, text)
        for path in ("data/nlu.yml", "tests/nlu_heldout.yml")
        for intent, texts in nlu_examples(path).items()
        if intent in FAQ_TOPICS
        for text in texts
        if find_other_procedure(text)
    ]
    assert not caught


@pytest.mark.parametrize(
    "text",
    [
        "how long does kyphoplasty take?",
        "Is balloon kyphoplasty painful",
        "recovery after vertebral augmentation",
        "KYPHOPLASTY risks",
        "kyphoplasy vs vertebroplasty",
    ],
)
def test_sibling_procedures_are_found(text: str) -> None:
    assert find_sibling(text) is not None


@pytest.mark.parametrize("text", ["what is kyphosis", "how long does vertebroplasty take"])
def test_kyphosis_and_vertebroplasty_are_not_siblings(text: str) -> None:
    assert find_sibling(text) is None


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(max_size=300))
def test_the_nets_never_raise_on_any_text(text: str) -> None:
    find_other_procedure(text)
    find_sibling(text)


# --- disc problems (issue 24): the page answers them, the same way every time ----------------


@pytest.mark.parametrize(
    "text",
    [
        "would the cement help my bulging disk",
        "my pain comes from degenerative disc disease, is this for me",
        "can vertebroplasty treat a prolapsed disc",
        "could she have it for her disc problems",
    ],
)
def test_asking_whether_it_helps_a_disc_problem_gets_the_candidates_answer(text: str) -> None:
    assert find_other_procedure(text) is None
    assert asks_about_disc_problem(text) == "disc_problem"


@pytest.mark.parametrize(
    "text",
    [
        "what is a herniated disc",
        "is disc surgery better for a slipped disc",
        "how long does vertebroplasty take",
    ],
)
def test_other_disc_questions_are_not_taken_for_the_candidates_question(text: str) -> None:
    assert asks_about_disc_problem(text) is None


@settings(max_examples=200, derandomize=True, deadline=None)
@given(text=st.text(max_size=400))
def test_the_disc_net_never_raises_on_any_text(text: str) -> None:
    assert asks_about_disc_problem(text) in (None, "disc_problem")
