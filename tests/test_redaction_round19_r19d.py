"""Round 19's outside tester (r19d): dates, ages over 89, phones, SSNs, e-mails, links and
record numbers in the forms they typed, and details split over messages, whether the
transcript reads the earlier messages raw (the tracker in memory) or masked (read back from
the database). Each class has the tester's wording and new wordings of the same shape."""

from __future__ import annotations

import itertools

import pytest

from core.privacy.redaction import redact, redact_continuation
from tests.split_turns import stored_turns

LEAKS = [
    # Dates (D08-D42).
    ("she was born nineteen thirty one, the seventh of may", ["seventh of may"]),
    ("the 5th of may works for the scan", ["5th of may"]),
    ("appt moved to may 14th", ["may 14th"]),
    ("procedure date 12DEC2025", ["12DEC2025"]),
    ("born 03MAR41", ["03MAR41"]),
    ("filled 2025NOV14", ["2025NOV14"]),
    ("B-day: 6•14•1937", ["6•14•1937"]),
    ("dob 4·7·1936", ["4·7·1936"]),
    ("born 11_02_1935", ["11_02_1935"]),
    ("i was born on the ides of march 1940", ["ides of march", "1940"]),
    ("mom was born on the nones of july", ["nones of july"]),
    ("my birthday (10/31) falls the week of the procedure", ["10/31"]),
    ("her appointment [12/3] is early", ["12/3"]),
    ("wo de shou shu shi shi yi yue er shi hao", ["yi yue", "er shi hao"]),
    ("ta de sheng ri shi san yue shi wu hao", ["san yue shi wu hao"]),
    ("手术是11月20日", ["11月20日"]),
    ("ang appointment ko ay sa ika-20 ng Nobyembre", ["ika-20", "Nobyembre"]),
    ("Marso 3 ang operasyon", ["Marso 3"]),
    ("operatsiya naznachena na 20 noyabrya", ["20 noyabrya"]),
    ("ona rodilas pervogo dekabrya 1933 goda", ["pervogo dekabrya", "1933"]),
    ("операция 20 ноября", ["20 ноября"]),
    ("they did the MRI the twenty-eighth and called me the thirtieth",
     ["twenty-eighth", "thirtieth"]),
    ("the x-ray the 14th showed it and they phoned me the 16th", ["14th", "16th"]),
    ("she was born on the 1st day of the 3rd month 1939", ["1st day of the 3rd month", "1939"]),
    ("born the second day of the eleventh month", ["second day of the eleventh month"]),
    # Ages over 89 (G10-G22).
    ("he's pushing 99 but still mows the lawn", ["99"]),
    ("dad's knocking on 97 and still drives", ["97"]),
    ("he's pushing ninety-four", ["ninety-four"]),
    ("ella tiene 91 primaveras", ["91"]),
    ("mi abuelo tiene 94 abriles", ["94"]),
    ("ta jiu shi san sui le", ["jiu shi san"]),
    ("wo nai nai 95 sui", ["95"]),
    ("奶奶九十三岁", ["九十三"]),
    ("yey 92 goda", ["92"]),
    ("emu 97 let", ["97"]),
    ("ей 92 года", ["92"]),
    # Phones, SSNs, e-mails, records, links (P29, S12, E10, E16, R13, U14).
    ("my number: eight sixty five fifty five oh one ninety seven", ["sixty five fifty five"]),
    ("call me on two oh three five fifty five twelve thirty four", ["twelve thirty four"]),
    ("ssn is four one two dash five five dash seven seven eight eight",
     ["seven seven eight eight"]),
    ("my social is 4 1 2 hyphen 5 5 hyphen 7 7 8 8", ["7 7 8 8"]),
    ("cell eight six oh dash five five five dash oh one nine nine", ["oh one nine nine"]),
    ("email is bobbyjoe at example com", ["bobbyjoe"]),
    ("reach me at nanabev at example net", ["nanabev"]),
    ("my email is my name all together at example dot com: nanabevwhitby", ["nanabevwhitby"]),
    ("my rad tech said to quote accession number RAD2025-4471 when i call", ["RAD2025-4471"]),
    ("specimen SP2025-91 came back", ["SP2025-91"]),
    ("the lab said accession A77-4410 is ready when I call", ["A77-4410"]),
    ("requisition 4471-22 for the labs", ["4471-22"]),
    ("bit dot ly slash nanasbackfund", ["nanasbackfund"]),
    ("ow dot ly slash nanafund", ["nanafund"]),
    ("is dot gd slash backfund2025", ["backfund2025"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "values"), LEAKS)
def test_round19_value_is_masked(text: str, values: list[str]) -> None:
    """Each value is gone from the stored text."""
    out = redact(text)
    for value in values:
        assert value.lower() not in out.lower(), (text, out)


KEPT = [
    "is it ok at 89?",
    "can I fly on the 3rd day",
    "how long, 2 or 3 hours?",
    "I'm 75",
    "March is best for me",
    "take 2 tylenol",
    "the first of may i ask a question",
    "I had the MRI the same day",
    "did the scan the first time?",
    "stopped the first, started the second",
    "she broke the first, and then the second",
    "pain after surgery (8/10)",
    "appointment (2 hours) is long",
    "he is about 90 minutes away",
    "I'm almost 90% sure",
    "she's nearly 85 and frail",
    "it's pushing 95 today, so hot",
    "we waited almost 95 minutes",
    "room 92 let me know",
    "she is 88 goda",
    "look at amazon com",
    "you can buy it at walmart com",
    "2 dash 3 hours",
    "one dash two",
    "twenty five, thirty, forty five minutes",
    "my email is [email removed]: can you send the form",
    "lab results came back fine",
    "order 2 more",
    "may 5 people come",
    "beware the ides",
    "ni hao ma",
]


@pytest.mark.parametrize("text", KEPT)
def test_round19_ordinary_text_stays(text: str) -> None:
    """No identifier in these: the text is stored as written."""
    assert redact(text) == text


SPLIT = [
    # X01: the writer's surname alone after their first name.
    (["my name is Gertrude", "Oyelaran-Whitfield", "is it normal to be sore"],
     ["Gertrude", "Oyelaran-Whitfield"]),
    (["hi this is Wilhelmina", "Szczepankiewicz", "when do i come in"],
     ["Wilhelmina", "Szczepankiewicz"]),
    # X03: a Medicare number in three parts.
    (["my medicare is 1EG4", "TE5", "MK75"], ["1EG4", "MK75"]),
    (["medicare 5KP9", "AW4", "RT18"], ["5KP9", "RT18"]),
    # X12, X23: the day alone after a date's cue, the month after it.
    (["born on the", "fifth of", "june"], ["fifth", "june"]),
    (["the appointment is on", "the 9th", "of december"], ["9th", "december"]),
    (["my surgery is scheduled for", "the twenty-first", "of october"],
     ["twenty-first", "october"]),
]  # fmt: skip


@pytest.mark.parametrize(("turns", "values"), SPLIT)
def test_round19_split_detail_is_masked_by_the_continuation(
    turns: list[str], values: list[str]
) -> None:
    """Each message redacted with the one before it (the question log's path)."""
    out = [redact(turns[0])] + [redact_continuation(a, b) for a, b in itertools.pairwise(turns)]
    joined = " ".join(out).lower()
    for value in values:
        assert value.lower() not in joined, (turns, out)


@pytest.mark.parametrize(("turns", "values"), SPLIT)
def test_round19_split_detail_is_masked_however_the_turns_are_read(
    turns: list[str], values: list[str]
) -> None:
    """Whether the earlier messages come raw from memory or masked from the database (or
    both in one turn: round 19 found "MK75" raw then), nothing of the detail is stored."""
    for pattern in itertools.product([False, True], repeat=len(turns) - 1):
        transcript, question_log = stored_turns(turns, (False, *pattern))
        joined = " ".join(transcript + question_log).lower()
        for value in values:
            assert value.lower() not in joined, (pattern, transcript, question_log)


FOLLOW_UPS = [
    (["my number: eight sixty five fifty five oh one ninety seven",
      "my dr said a Kyphoplasty might be better, what's the difference"], 1),
    (["my number is 860 555 0199", "my dr said to ask"], 1),
    (["the appointment is on", "can I drive after?"], 1),
    (["my name is Gertrude", "is it normal to be sore"], 1),
    (["medicare TE5", "ok thanks"], 1),
]  # fmt: skip


@pytest.mark.parametrize(("turns", "index"), FOLLOW_UPS)
def test_round19_ordinary_follow_up_is_stored_as_typed(turns: list[str], index: int) -> None:
    """A question after a detail is no part of it, read raw or read back masked (a stand-in
    phone "860 589" before "my dr said" made a street of it)."""
    for pattern in itertools.product([False, True], repeat=len(turns) - 1):
        transcript, _ = stored_turns(turns, (False, *pattern))
        assert transcript[index] == turns[index], (pattern, transcript)
