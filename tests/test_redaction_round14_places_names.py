"""Round 14 (r14p): towns and names an outside tester found stored raw, each a class with
phrasings of our own, and words that must stay (a state after "I'm in", the hospital's town,
"the lobby", "the country", "the VA")."""

from __future__ import annotations

import pytest

from core.privacy.identifiers import ADDRESS_MARK
from core.privacy.names import NAME_MARK
from core.privacy.redaction import redact, redact_continuation


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # 1. travelling or moving from a town
        ("my daughter drives over from Wethersfield every weekend", "Wethersfield"),
        ("my son comes up from Naugatuck to help", "Naugatuck"),
        ("she drove down from Winsted this morning", "Winsted"),
        ("my parents moved up here from Ponce in Puerto Rico", "Ponce"),
        ("my son drove up from Torrington last spring", "Torrington"),
        # 2. a home or facility in a town
        ("she's in a nursing home up in Winsted", "Winsted"),
        ("dad is at a rehab over in Torrington now", "Torrington"),
        ("my mother lives in an assisted living in Plainville", "Plainville"),
        ("he's in the hospital in Waterbury", "Waterbury"),
        # 3. a town corrected after one was masked
        ("we live in southingotn (sorry, southington)", "southington"),
        ("she lives in Wolcot, I mean Wolcott", "Wolcott"),
        ("we live in Torington sorry Torrington", "Torrington"),
        # 4. grew up / raised / born in a town
        ("grew up in Waterbury, lived there 60 years", "Waterbury"),
        ("I was raised in Naugatuck", "Naugatuck"),
        ("mom was born in Meriden and never left", "Meriden"),
        ("he was brought up in Thomaston", "Thomaston"),
        # 5. Spanish and Portuguese
        ("mi mamá vive sola en Meriden", "Meriden"),
        ("mi papá vive solo en Wolcott", "Wolcott"),
        ("minha mãe mora sozinha em Danbury", "Danbury"),
        ("mis padres viven solos en Plainville", "Plainville"),
        # 6. how far from a town
        ("how far is it from Canton to you guys", "Canton"),
        ("how far from Plymouth is the hospital", "Plymouth"),
        ("it takes an hour from Litchfield to the hospital", "Litchfield"),
        # 7. heading to a second town
        ("we head down to Port St Lucie every november", "Port St Lucie"),
        ("we go up to Bar Harbor in the summer", "Bar Harbor"),
        ("they fly down to Sarasota after christmas", "Sarasota"),
        # 8. a town before its state
        ("we have a cabin near Lewes in Delaware", "Lewes"),
        # 9. who one is, from a town
        ("Retired schoolteacher from Thomaston, 81 yrs young", "Thomaston"),
        ("Widow from Wolcott here, question about my hip", "Wolcott"),
        ("Veteran from Torrington, 78", "Torrington"),
        ("Retired nurse from Southington, is it safe", "Southington"),
    ],
)
def test_a_town_after_a_round_14_cue_is_masked(text: str, town: str) -> None:
    assert town not in redact(text)
    assert ADDRESS_MARK in redact(text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("mieszkamy przy ulicy Broad Street 118, drugie piętro", "Broad Street 118"),
        ("mieszkam ul. Długa 5/3 w Hartford", "Długa 5"),
        ("mama mieszka przy ulicy Lipowa 12", "Lipowa 12"),
    ],
)
def test_a_polish_street_and_number_is_masked(text: str, gone: str) -> None:
    assert gone not in redact(text)
    assert ADDRESS_MARK in redact(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Wojciech's back has been killing him since the fall", "Wojciech"),
        ("Zbigniew's knee is swollen again", "Zbigniew"),
        ("Oluwaseun's appointment got moved", "Oluwaseun"),
        ("my brother des says just wait it out", "des"),
        ("my husband tad said it was fine", "tad"),
        ("my daughter gen says its fine", "gen"),
        ("my son dom wants to come along", "dom"),
    ],
)
def test_a_round_14_name_is_masked(text: str, name: str) -> None:
    out = redact(text)
    assert NAME_MARK in out
    assert f" {name} " not in f" {out} " and not out.startswith(name)


@pytest.mark.parametrize(
    ("previous", "text", "surname"),
    [
        (
            "Hi, im writing for my grandmother Ottilie",
            "Marchetti-Blaise. She's 86 and has a bad hip",
            "Marchetti-Blaise",
        ),
        ("this is about my father Zdzisław", "Wróblewski, he fell last week", "Wróblewski"),
        ("asking for my mom Ngozi", "Okonkwo-Adeyemi. Is the surgery long", "Okonkwo-Adeyemi"),
    ],
)
def test_a_surname_opening_the_next_message_is_masked(
    previous: str, text: str, surname: str
) -> None:
    assert surname not in redact_continuation(previous, text)
    assert NAME_MARK in redact_continuation(previous, text)


@pytest.mark.parametrize(
    ("previous", "text"),
    [
        ("Hi, im writing for my grandmother Ottilie", "Thanks. She's 86"),
        ("Hi, im writing for my grandmother Ottilie", "Monday, is that ok"),
        ("my back hurts", "Marchetti-Blaise. She's 86"),
    ],
)
def test_an_opening_word_without_a_kin_name_before_stays(previous: str, text: str) -> None:
    assert redact_continuation(previous, text) == redact(text)
    assert "She's" in redact_continuation(previous, text) or "is that" in text


@pytest.mark.parametrize(
    "text",
    [
        "I'm in pain",
        "I'm in Florida till April, can it wait",
        "we're in Puerto Rico until May",
        "we head down to the lobby",
        "we go back to normal activities",
        "we head down to Florida every winter",
        "how far is it from the parking lot",
        "grew up in the country",
        "she was born in the spring",
        "I was born in 1941",
        "Retired nurse from the VA",
        "greetings from Bristol, is the hospital open",
        "my brother says wait",
        "my husband also says no",
        "my son always said it hurts",
        "my daughter really wants to come",
        "we drive up to Bristol for the appointments",
        "how far is Bristol Hospital from here",
        "she's in the hospital in Bristol",
        "Mom's back is sore",
        "Florida's heat is too much",
        "mi mamá vive en casa",
        "ulica is closed",
        "my son drives in from Waterbury, is there parking",
        "he went to Hartford Hospital",
        "can we go down to Mass General instead",
    ],
)
def test_ordinary_words_states_and_the_hospital_stay(text: str) -> None:
    assert redact(text) == text
