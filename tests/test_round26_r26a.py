"""Round 26 (t21r26, helper r26a): first names that are also words, where the words around
them say a person is meant (core/privacy/word_names_said_as_people.py): in brackets beside a
kin word or before an age, as the one a message is passed to, "X is my brother" after a comma
and X said again, two words before "are my kids", writers who say who they are, a church
title before a name, a thanks to a virtue name, and "ask for <name>" after "who do I ask for".
The tester's leaks and new wordings of each shape; then the ordinary sentences with the same
words, which stay as typed."""

from __future__ import annotations

import re

import pytest

from core.privacy.redaction import redact, redact_continuation

LEAKS = [
    # in brackets beside a kin word (nam044, nam291, nam419)
    ("My daughter-in-law (Charity) handles my meds", ["Charity"]),
    ("dad (frank) wont take his pills", ["frank"]),
    ("my granddaughter (hope) drives me", ["hope"]),
    ("grandpa (bud) wants to know", ["bud"]),
    ("(Destiny) is my granddaughter", ["Destiny"]),
    ("(Grace) is my carer", ["Grace"]),
    ("(Sunny), my neighbour, will drive", ["Sunny"]),
    # a name, then an age in brackets: the age over 89 goes too (mix484)
    ("ruby (92) from Peoria", ["ruby", "92"]),
    ("pearl (94) lives alone", ["pearl", "94"]),
    # the one a message is passed to (nam292, nam439)
    ("tell skip his daughter says hi lol", ["skip"]),
    ("tell buddy i said hello", ["buddy"]),
    ("ask Royal to call me", ["Royal"]),
    ("ask mark to ring me", ["mark"]),
    ("remind rusty to bring my glasses", ["rusty"]),
    # "X is my brother" after a comma, X said again (nam415)
    ("mark says the pain is worse, mark is my brother", ["mark"]),
    ("hope is worried, and hope is my mum", ["hope"]),
    # two words joined before "are my kids" (nam416)
    ("pat and sue are my kids", ["pat", "sue"]),
    ("joy and bill are my kids", ["joy", "bill"]),
    # writers who say who they are (nam414, mix481, nam301)
    ("this is april writing for dad", ["april"]),
    ("its may calling about my dad", ["may"]),
    ("it's june and may from 17 birch st", ["june", "may", "17 birch st"]),
    ("we're june and april from apt 3", ["june", "april"]),
    ("im lil's sister", ["lil"]),
    ("i'm bub's daughter", ["bub"]),
    # a church title before the name, unlike a doctor's surname (nam438)
    ("tell Bishop Jones I said hi", ["Jones"]),
    ("Pastor Will said to ask", ["Will"]),
    ("Rev. Okafor prays for me", ["Okafor"]),
    # a thanks addressed to a virtue name (nam436)
    ("ok thanks, Marvelous", ["Marvelous"]),
    ("thank you, Blessing", ["Blessing"]),
]


# (Names main already masked in the same shapes, "tell Penny I said hi", "Deacon Smith
# asked", "hope (my wife) is worried", are left out: each case here failed before r26a.)


def _left(text: str, values: list[str]) -> list[str]:
    return [v for v in values if re.search(rf"(?<!\w){re.escape(v)}(?!\w)", text, re.IGNORECASE)]


@pytest.mark.parametrize(("text", "values"), LEAKS)
def test_the_name_is_masked(text: str, values: list[str]) -> None:
    assert _left(redact(text), values) == []


def test_a_modal_name_in_brackets_goes_and_the_modal_after_it_stays() -> None:
    # nam412: the first "will" is the husband, the second the verb.
    assert redact("will (my husband) will be driving") == (
        "[name removed] (my husband) will be driving"
    )


@pytest.mark.parametrize(
    ("previous", "text", "value"),
    [
        ("who do I ask for", "ask for may", "may"),  # nam413
        ("who should I speak to when I get there?", "ask for will", "will"),
        ("whats the name of the person", "ask for june", "june"),
    ],
)
def test_a_name_asked_for_goes(previous: str, text: str, value: str) -> None:
    assert _left(redact_continuation(previous, text), [value]) == []


@pytest.mark.parametrize(
    ("previous", "text"),
    [
        ("can I change my appointment", "ask for may"),
        ("who do I ask for", "ask for help at the desk"),
        ("who do I ask for", "ask for directions"),
    ],
)
def test_ask_for_without_a_question_for_a_name_stays(previous: str, text: str) -> None:
    assert redact_continuation(previous, text) == text


@pytest.mark.parametrize(
    "text",
    [
        "May I eat before?",
        "Will it hurt?",
        "mark the date on the calendar",
        "mark the date, the 3rd is fine",
        "I'd like to skip breakfast",
        "skip breakfast?",
        "pat dry the wound",
        "ruby red nails ok?",
        "Can I have it done in March or April?",
        "Frank question: is it safe?",
        "Can (my son) stay overnight?",
        "my mom (deceased) had this done",
        "my dad (retired nurse) asks",
        "my son (autistic) will come",
        "April (30) is my appointment",
        "tell reception his name",
        "tell the nurse I said hi",
        "tell them I said hi",
        "ask pharmacy to call me",
        "ask someone to call me",
        "ask radiology to call me",
        "let me know",
        "let everyone know",
        "it's june from 3 to 5",
        "it's may from what i hear",
        "this is just writing practice",
        "i'm everyone's favourite",
        "im today's first patient",
        "I'm dad's carer",
        "Mother Nature is cruel",
        "Father Christmas came",
        "I'm Bishop of our church",
        "Sister on Ward 5 said",
        "pastor will call you",
        "my Father Was a nurse",
        "thanks, Perfect",
        "ok thanks, Great",
        "pain and stiffness are my problems",
        "mom and dad are my carers",
        "Do I need to see Dr. Patel first?",
        "tell Dr Patel I said thanks",
    ],
)
def test_look_alikes_stay_as_typed(text: str) -> None:
    assert redact(text) == text
