"""Round 21 (t21r21, helper r21n): names the clause around them gives away
(core/privacy/names_by_clause_and_paste.py), names after the "is called / name is" cues of
other scripts (core/privacy/names_in_other_scripts.py), a name and a surname sent alone after
a cue (redaction.redact_continuation, transcripts.split_detail_words). The tester's leaks and
new wordings of each shape; then the look-alikes and the two over-masks, which stay as typed."""

from __future__ import annotations

import itertools

import pytest

from core.privacy.redaction import redact, redact_continuation
from tests.split_turns import stored_turns

LEAKS = [
    # a modal first name after a kin word, as a verb's subject (name-001, name-011)
    ("my son Will is driving me home after, is that ok?", ["Will"]),
    ("my wife May wants to know if she can come in the room", ["May"]),
    ("my grandson Will has my paperwork", ["Will"]),
    ("my sister May, she is my ride", ["May"]),
    ("our daughter May needs to know the time", ["May"]),
    # "<Name> is my <kin>'s name" (name-042)
    ("Pat is my wife's name and she's the one having it", ["Pat"]),
    ("Bill is my husband's name", ["Bill"]),
    ("Mark is my sons name", ["Mark"]),
    ("Okonjo is my last name", ["Okonjo"]),
    # a lower-case first name and surname opening the message before "here" (name-003)
    ("grace hill here, my back hurts since the fall", ["grace hill"]),
    ("will turner here, is the car park free?", ["will", "turner"]),
    ("hope castle here, my back hurts", ["hope castle"]),
    # initials before a masked surname (name-040)
    ("J.R. Tolbert is the patient. Is it done asleep?", ["J.R.", "Tolbert"]),
    ("A.J. Kowalczyk is my dad", ["A.J.", "Kowalczyk"]),
    # a capitalised full name in a pasted document before a birth date's label (mixed-017)
    ("MEDICATION LIST for HAZEL N. PRUITT (DOB 4/30/1931)\n1. alendronate", ["HAZEL", "PRUITT"]),
    ("Discharge summary for MAY B. HARTLEY (DOB 02/11/1938)", ["HARTLEY"]),
    # other scripts after their cue for "is called / the name is" (name-018/020/024/025/027)
    (
        "\u6211\u7236\u4eb2\u53eb\u738b\u5efa\u56fd\uff0c\u4ed6\u80cc\u5f88\u75db",
        ["\u738b\u5efa\u56fd"],
    ),
    ("\u6211\u6bcd\u4eb2\u7684\u540d\u5b57\u662f\u674e\u79c0\u82f1\u3002", ["\u674e\u79c0\u82f1"]),
    (
        "\u0627\u0633\u0645 \u0648\u0627\u0644\u062f\u064a \u0623\u062d\u0645\u062f "
        "\u0627\u0644\u062e\u0637\u064a\u0628 \u0648\u0647\u0648 \u064a\u0639\u0627\u0646\u064a",
        ["\u0623\u062d\u0645\u062f", "\u0627\u0644\u062e\u0637\u064a\u0628"],
    ),
    (
        "\u0627\u0633\u0645\u064a \u0641\u0627\u0637\u0645\u0629 "
        "\u0645\u0646 \u0641\u0636\u0644\u0643",
        ["\u0641\u0627\u0637\u0645\u0629"],
    ),
    (
        "\uc5b4\uba38\ub2c8 \uc131\ud568\uc740 \uae40\uc21c\uc790\uc785\ub2c8\ub2e4. "
        "\uc2dc\uc220\uc774 \uc544\ud508\uac00\uc694?",
        ["\uae40\uc21c\uc790"],
    ),
    ("\uc81c \uc774\ub984\uc740 \ubc15\ubbfc\uc218\uc608\uc694", ["\ubc15\ubbfc\uc218"]),
    (
        "\u092e\u0947\u0930\u0947 \u092a\u093f\u0924\u093e \u0915\u093e \u0928\u093e\u092e "
        "\u0930\u093e\u091c\u0947\u0936 \u0915\u0941\u092e\u093e\u0930 \u0939\u0948",
        ["\u0930\u093e\u091c\u0947\u0936", "\u0915\u0941\u092e\u093e\u0930"],
    ),
    ("\u6bcd\u306f\u7530\u4e2d\u82b1\u5b50\u3067\u3059\u3002", ["\u7530\u4e2d\u82b1\u5b50"]),
    (
        "\u540d\u524d\u306f\u3055\u3068\u3046\u3072\u308d\u3057\u3067\u3059",
        ["\u3055\u3068\u3046\u3072\u308d\u3057"],
    ),
    (
        "\u041c\u0435\u043d\u044f \u0437\u043e\u0432\u0443\u0442 "
        "\u041b\u044e\u0434\u043c\u0438\u043b\u0430 "
        "\u0421\u043e\u043a\u043e\u043b\u043e\u0432\u0430",
        [
            "\u041b\u044e\u0434\u043c\u0438\u043b\u0430",
            "\u0421\u043e\u043a\u043e\u043b\u043e\u0432\u0430",
        ],
    ),
]

KEPT = [
    "my son Will drive me",
    "my son will drive me home",
    "my wife may want to come in",
    "my husband May be late",
    "What is my wife's name on the form?",
    "This is my name",
    "new patient here, hi",
    "back pain here",
    "Will the Rehab team see me?",
    "Does BlueCross Cover This Procedure",
    "Is MyChart Working Today",
    "the list for Monday (date of birth needed?)",
    "\u533b\u751f\u53eb\u6211\u4e0d\u8981\u5403\u4e1c\u897f",  # the doctor told me not to eat
    "\u6bcd\u306f\u5143\u6c17\u3067\u3059",  # mother is well
    # "My mum is ill, is it possible?" (Russian; round 21 masked "My mum")
    "\u041c\u043e\u044f \u043c\u0430\u043c\u0430 \u0431\u043e\u043b\u0435\u0435\u0442, "
    "\u043c\u043e\u0436\u043d\u043e \u043b\u0438?",
]


def _gone(stored: str, value: str) -> bool:
    return value.lower() not in stored.lower()


@pytest.mark.parametrize(("text", "values"), LEAKS)
def test_the_name_is_masked(text: str, values: list[str]) -> None:
    stored = redact(text)
    assert all(_gone(stored, value) for value in values), stored
    assert redact(stored) == stored


@pytest.mark.parametrize("text", KEPT)
def test_look_alikes_stay_as_typed(text: str) -> None:
    assert redact(text) == text


def test_a_card_header_stays_and_its_member_goes() -> None:
    stored = redact("BlueCross BlueShield\nMember: ROSA M DELGADO\nID: XGZ884410295")
    assert stored.startswith("BlueCross BlueShield\n")
    assert "DELGADO" not in stored


def test_russian_kin_stays_and_the_name_goes() -> None:
    text = (
        "\u041c\u043e\u044f \u043c\u0430\u043c\u0430 \u2014 \u041b"
        "\u044e\u0434\u043c\u0438\u043b\u0430 "
        "\u041f\u0435\u0442\u0440\u043e\u0432\u043d\u0430, \u0435\u0439 78 \u043b\u0435\u0442"
    )
    stored = redact(text)
    assert stored.startswith("\u041c\u043e\u044f \u043c\u0430\u043c\u0430")
    assert "\u041b\u044e\u0434\u043c\u0438\u043b\u0430" not in stored


@pytest.mark.parametrize(
    ("previous", "text", "kept"),
    [
        ("my name is", "Walt", False),
        ("my name is", "Will", False),
        ("my dad's name is", "Casimir", False),
        ("Walt", "Kowalski", False),
        ("Walt", "Thanks", True),
        ("my name is", "what?", True),
        ("i am", "scared", True),
    ],
)
def test_a_name_alone_after_a_cue(previous: str, text: str, kept: bool) -> None:
    assert (redact_continuation(previous, text) == text) is kept


@pytest.mark.parametrize("reloads", list(itertools.product([False, True], repeat=3)))
def test_a_surname_alone_after_a_name_read_back_masked(reloads: tuple[bool, ...]) -> None:
    transcript, question_log = stored_turns(["my name is", "Walt", "Kowalski"], reloads)
    assert not any("Walt" in t or "Kowalski" in t for t in transcript + question_log)


def test_a_word_after_a_masked_name_stays() -> None:
    transcript, _ = stored_turns(["my name is", "Walt", "help"], (False, True, True))
    assert transcript[-1] == "help"
