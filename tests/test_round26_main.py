"""Round 26 (issue 21), fixed on main: German nouns are no names."""

from __future__ import annotations

import pytest

from core.privacy.redaction import redact


@pytest.mark.parametrize(
    "typed",
    [
        # nam015 (round 26): "[name removed] zur [name removed]".
        "Ich habe Fragen zur Narkose",
        "Tut die Behandlung weh?",
        "Hallo, ich habe Fragen zur Narkose. Wie lange dauert es?",
        "Wie lange dauert die Behandlung?",
        "Meine Mutter hat Schmerzen im Rücken, ist das normal?",
    ],
)
def test_a_german_question_is_stored_as_typed(typed: str) -> None:
    assert redact(typed) == typed


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("Ich bin Helga Braun und habe Fragen zur Narkose", "Helga"),
        ("Ich bin Frau Jansen und habe Fragen", "Jansen"),
        ("Mein Mann Dieter hat Schmerzen, ist das normal?", "Dieter"),
    ],
)
def test_a_name_in_a_german_message_still_goes(typed: str, gone: str) -> None:
    stored = redact(typed)
    assert gone not in stored
    assert "Fragen" in stored or "Schmerzen" in stored


@pytest.mark.parametrize(
    ("answer", "stored"),
    [
        # Round 26: the call-back name field kept the whole sentence.
        ("ok fine it's Percival Lamb", "Percival Lamb"),
        ("his name is Dashiell", "Dashiell"),
        ("MRN 88123, Alfred", "Alfred"),
        ("yeah it is Tom Hale", "Tom Hale"),
        ("ok fine Tom Hale", "Tom Hale"),
        # Unchanged: a name alone, a name with its detail after it.
        ("Tom Hale", "Tom Hale"),
        ("Will", "Will"),
        ("Tobias Grint, MRN 445566", "Tobias Grint"),
    ],
)
def test_the_call_back_name_field_keeps_the_name_only(answer: str, stored: str) -> None:
    from actions.callback import name_field

    assert name_field(answer) == stored


@pytest.mark.parametrize(
    "typed",
    [
        # r26a saw these masked on main: ordinary questions and words taken for names.
        "May (my daughter) come in with me?",
        "Will (my husband) be allowed in recovery?",
        "Can (my son) stay with me?",
        "thanks, love",
        "cheers, mate",
        "it's summer here from now on",
    ],
)
def test_ordinary_words_beside_kin_thanks_and_seasons_stay(typed: str) -> None:
    assert redact(typed) == typed


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("Will (my husband) will be driving", "Will (my"),
        ("Grace (my daughter) will drive", "Grace"),
        ("thanks, Siobhan", "Siobhan"),
        ("Sandy here, quick question", "Sandy"),
    ],
)
def test_names_beside_kin_thanks_and_here_still_go(typed: str, gone: str) -> None:
    assert gone not in redact(typed)


def test_a_name_in_a_german_message_that_ends_as_nouns_do_still_goes() -> None:
    """nam015: the German-noun keep dropped "Jürgen Köhler" (in no list, both end as nouns
    do); a name's cue before it, or a second name beside it, says it is a name."""
    stored = redact("Ich bin Jürgen Köhler und habe Fragen zur Narkose")
    assert "Jürgen" not in stored and "Köhler" not in stored
    assert stored.endswith("Fragen zur Narkose")
