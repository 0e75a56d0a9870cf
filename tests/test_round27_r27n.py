"""Round 27 (issue 21), helper r27n: names said of a relative, a staff member or after a
name's label, and months' short forms that are no names.

The outside tester found stored raw: "The nurse we spoke to, Tamsin I think, said" (s013),
"pt name - faith oduya" ("oduya" after the masked first name, s017), "will Storm be allowed
in recovery? Storm is my wife" (s038), "Lucky for us, Lucky (our dad) is fit" (s045),
"MEMBER NAME DOROTHY A KILBRIDE  ID ..." (s246); and masked as names "Is Jan or Feb better
for booking?" (s370). Each case below is a new wording of the same shape."""

from __future__ import annotations

import pytest

from core.privacy.redaction import NAME_MARK, redact


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        # s013: a name in commas after a staff word, with or without a hedge.
        (
            "The nurse we spoke to, Tamsin I think, said to stop aspirin. Is that right?",
            ["Tamsin"],
        ),
        ("A lady from scheduling, Ffion I think, rang me yesterday", ["Ffion"]),
        ("the tech who did my scan, Oluwaseun I believe, said it was fine", ["Oluwaseun"]),
        # s017: a lower-case surname after a label's masked first name.
        ("pt name - faith oduya. can she drive after?", ["faith", "oduya"]),
        ("pt name - grace mcgillicuddy. is she ok", ["grace", "mcgillicuddy"]),
        # s038: "X is my wife" opening a sentence, X a word; X said again inside a sentence.
        ("will Storm be allowed in recovery? Storm is my wife", ["Storm"]),
        ("Can River come in with me. River is my son", ["River"]),
        ("Blaze is my husband and he drives", ["Blaze"]),
        # s045: the capitalised word before "(our dad)".
        ("Lucky for us, Lucky (our dad) is fit", ["Lucky (our"]),
        ("Brave as ever, Brave (my brother) is coming", ["Brave (my"]),
        ("Sweet as ever, Sweet (my nan) says thanks", ["Sweet (my"]),
        # s246: a card's name with a middle initial, in capitals, before the next field.
        ("card: MEMBER NAME DOROTHY A KILBRIDE  ID 4RT7-JK2-WW15", ["KILBRIDE", "DOROTHY"]),
        ("MEMBER: HAROLD J FINNEGAN GROUP 88231", ["FINNEGAN", "HAROLD"]),
    ],
)
def test_the_name_is_gone(typed: str, gone: list[str]) -> None:
    stored = redact(typed)
    assert NAME_MARK in stored
    for value in gone:
        assert value not in stored, stored


def test_lucky_for_us_stays_where_the_dad_goes() -> None:
    assert redact("Lucky for us, Lucky (our dad) is fit") == (
        f"Lucky for us, {NAME_MARK} (our dad) is fit"
    )


def test_the_question_opening_stays() -> None:
    stored = redact("will Storm be allowed in recovery? Storm is my wife")
    assert stored == f"will {NAME_MARK} be allowed in recovery? {NAME_MARK} is my wife"


@pytest.mark.parametrize(
    "typed",
    [
        # s370: months' short forms where a month is meant.
        "Is Jan or Feb better for booking?",
        "Is Mar or Apr better for booking?",
        "Sept or Oct?",
        "can I come in Jan?",
        "Jan/Feb would suit me",
        "is early Aug ok for the procedure",
        "Feb-Mar is best",
        "anything by Dec?",
        "Nov and Dec are busy for us",
        # Look-alikes of the name shapes that stay as typed.
        "Lucky for us the weather held",
        "Next is my son",
        "Sunday is my wife's birthday",
        "The nurse said, Yes, stop it",
        "the lady at the desk, Monday I think, said to come early",
        "Storm damage is my worry",
        "Driving is my son's job",
    ],
)
def test_ordinary_text_stays(typed: str) -> None:
    assert redact(typed) == typed


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("Jan said to call", ["Jan"]),
        ("ask Jan to drive me", ["Jan"]),
        ("my friend Jan is coming", ["Jan"]),
    ],
)
def test_jan_as_a_person_still_goes(typed: str, gone: list[str]) -> None:
    stored = redact(typed)
    for value in gone:
        assert value not in stored, stored
