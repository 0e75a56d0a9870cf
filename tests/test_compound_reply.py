"""A message split into two questions gets one reply without repeats (issue 24).

The merge itself on hand-made part replies (the end-to-end case is in
tests/test_tester_round1.py), and hostile part replies never break it.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from addons.channels.compound import merge_parts

CLARIFY = "I want to be sure I answer the right question. Did you mean one of these?"
DISCLAIMER = {"text": "I'm a helper."}


def clarify(*topics: str) -> dict[str, Any]:
    buttons = [{"title": t, "payload": f"/{t}"} for t in topics] + [
        {"title": "Something else", "payload": "/help"}
    ]
    return {"text": CLARIFY, "buttons": buttons}


def answer(topic: str) -> dict[str, Any]:
    return {"text": f"answer about {topic}", "source": {"topic": topic, "passage": "p"}}


def test_a_question_back_about_a_topic_the_other_part_answers_is_dropped() -> None:
    parts = [
        [DISCLAIMER, clarify("procedure_steps", "what_is_vertebroplasty")],
        [answer("procedure_steps")],
    ]
    assert merge_parts(parts, CLARIFY) == [DISCLAIMER, answer("procedure_steps")]


def test_the_same_answer_is_given_once() -> None:
    parts = [[answer("procedure_duration")], [answer("procedure_duration")]]
    assert merge_parts(parts, CLARIFY) == [answer("procedure_duration")]


def test_the_same_hand_off_is_given_once() -> None:
    """Outside round 2: the insurance answer ends with the hand-off; a second part that is
    handed off too must not show the contact details twice."""
    handoff: dict[str, Any] = {"text": "contact the department", "buttons": []}
    parts = [[answer("insurance_coverage"), handoff], [{"text": "not on the page"}, handoff]]
    assert merge_parts(parts, CLARIFY) == [
        answer("insurance_coverage"),
        handoff,
        {"text": "not on the page"},
    ]


def test_a_question_back_about_other_topics_is_kept() -> None:
    parts = [[clarify("recovery", "complications")], [answer("insurance_coverage")]]
    assert merge_parts(parts, CLARIFY) == [
        clarify("recovery", "complications"),
        answer("insurance_coverage"),
    ]


def test_a_single_message_is_left_as_it_is() -> None:
    one = [[DISCLAIMER, clarify("recovery", "complications")]]
    assert merge_parts(one, CLARIFY) == one[0]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)
messages = st.dictionaries(
    st.sampled_from(["text", "buttons", "source", "custom", "image"]),
    json_values | st.just(CLARIFY),
    max_size=4,
)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(parts=st.lists(st.lists(messages, max_size=4), max_size=3))
def test_any_part_replies_merge_into_a_subset_in_order(parts: list[list[dict[str, Any]]]) -> None:
    merged = merge_parts(parts, CLARIFY)
    flat = [m for part in parts for m in part]
    position = 0
    for message in merged:  # an ordered sub-sequence of what the parts sent
        position = flat.index(message, position) + 1
