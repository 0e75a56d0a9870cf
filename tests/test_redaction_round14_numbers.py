"""Round 14 (r14n): numbers, dates, ages and handles an outside tester found stored raw,
fixed as classes; the phrasings below are our own, beside the tester's own message."""

from __future__ import annotations

import pytest

from core.privacy.identifiers import AGE_MARK, ID_MARK, LINK_MARK
from core.privacy.redaction import (
    DATE_MARK,
    EMAIL_MARK,
    SSN_MARK,
    continuation,
    redact,
    redact_continuation,
)

# (message, the detail, its mark): the detail goes, every other word stays.
MASKED = [
    # A day and month in figures after a cue of when, or before "at" and a time.
    ("the appointment letter says 14/11 at 9:30, is that the vertebroplasty", "14/11", DATE_MARK),
    ("the letter says 3/12 for the MRI", "3/12", DATE_MARK),
    ("is my kyphoplasty still on for 11/4?", "11/4", DATE_MARK),
    ("the card says 9/10 at 2pm for the consult", "9/10", DATE_MARK),
    ("can i come 21/6 at 10am instead", "21/6", DATE_MARK),
    ("moved to 12/5 at 3:15", "12/5", DATE_MARK),
    # Vietnamese "ngày D tháng M (năm YYYY)".
    ("mẹ tôi sinh ngày 5 tháng 8 năm 1930", "ngày 5 tháng 8 năm 1930", DATE_MARK),
    ("bố tôi sinh ngày 12 tháng 3 năm 1931", "ngày 12 tháng 3 năm 1931", DATE_MARK),
    ("lịch hẹn ngày 20 tháng 11", "ngày 20 tháng 11", DATE_MARK),
    # A hundred after a word of about or of turning.
    ("he's nearly a hundred, is he too old", "a hundred", AGE_MARK),
    ("my dad is past a hundred, any risk", "a hundred", AGE_MARK),
    ("gran is almost a hundred so be gentle", "a hundred", AGE_MARK),
    ("she's over a hundred now and still sharp", "a hundred", AGE_MARK),
    # Polish ninety and its units, "sto" after "ma", before lat / lata.
    ("mama ma dziewięćdziesiąt jeden lat", "dziewięćdziesiąt jeden", AGE_MARK),
    ("tata ma dziewiecdziesiat dwa lata", "dziewiecdziesiat dwa", AGE_MARK),
    ("babcia ma sto lat i złamała kręgosłup", "sto", AGE_MARK),
    ("dziadek skończył dziewięćdziesiąt pięć lat", "dziewięćdziesiąt pięć", AGE_MARK),
    # A figure 90-119 before Vietnamese "tuổi" or Tagalog "taong gulang" / "taon".
    ("mẹ tôi 94 tuổi", "94", AGE_MARK),
    ("ông tôi năm nay 101 tuổi rồi", "101", AGE_MARK),
    ("ang lola ko ay 96 taong gulang na", "96", AGE_MARK),
    ("si lolo ay 92 taon na", "92", AGE_MARK),
    # Portuguese "noventa e <unit>" and "cem" before anos.
    ("meu avô tem noventa e dois anos", "noventa e dois", AGE_MARK),
    ("minha mãe tem noventa e uma anos", "noventa e uma", AGE_MARK),
    ("a vovó tem cem anos em maio", "cem", AGE_MARK),
    # Clinical shorthand: an age over 89 joined to the sex, or with "yo" between.
    ("93F with T8 compression fx", "93F", AGE_MARK),
    ("a 96yoM with back pain", "96yoM", AGE_MARK),
    ("pt is 91M, s/p fall", "91M", AGE_MARK),
    ("referral: 97F, L1 fracture", "97F", AGE_MARK),
    # An e-mail without its top-level domain after a known provider.
    ("grandma.joy@hotmail send stuff there", "grandma.joy@hotmail", EMAIL_MARK),
    ("its rkaur1950@gmail thanks", "rkaur1950@gmail", EMAIL_MARK),
    ("write to papa_lou@yahoo please", "papa_lou@yahoo", EMAIL_MARK),
    ("my daughter is meg.t@icloud", "meg.t@icloud", EMAIL_MARK),
    # An id after an insurer's card and says / reads / shows.
    ("blue cross card says XJH 4821 006", "XJH 4821 006", ID_MARK),
    ("the aetna card reads W 2291 7734", "W 2291 7734", ID_MARK),
    ("my humana card shows HUM 88120 44 is that right", "HUM 88120 44", ID_MARK),
    ("insurance card says ZQ 4410 2291", "ZQ 4410 2291", ID_MARK),
    # A check's number.
    ("I paid w/ check #1187 but it hasnt cleared", "1187", ID_MARK),
    ("cheque number 4512 was lost", "4512", ID_MARK),
    ("check no. 2231 bounced", "2231", ID_MARK),
    ("mailed chk # 5590 on monday", "5590", ID_MARK),
    # A Spanish plate.
    ("placa del carro ZXK 8812", "ZXK 8812", ID_MARK),
    ("la placa de mi carro es ABC 123", "ABC 123", ID_MARK),
    ("matrícula 4821 HBK, un coche gris", "4821 HBK", ID_MARK),
    ("patente AB 1234 para el estacionamiento", "AB 1234", ID_MARK),
    # A dotted handle after a service's name; a Spanish "usuario" / "cuenta".
    ("skype: grandpa.walt", "grandpa.walt", LINK_MARK),
    ("zoom is nana.rosa.k if the doctor wants", "nana.rosa.k", LINK_MARK),
    ("facetime: joy.m thanks", "joy.m", LINK_MARK),
    ("mi usuario del portal es rgarza1950", "rgarza1950", LINK_MARK),
    ("nombre de usuario: nana_rosa", "nana_rosa", LINK_MARK),
    ("mi cuenta es lupe.ramos", "lupe.ramos", LINK_MARK),
]


@pytest.mark.parametrize(("text", "detail", "mark"), MASKED)
def test_the_detail_is_masked(text: str, detail: str, mark: str) -> None:
    once = redact(text)
    assert once == text.replace(detail, mark), once
    assert redact(once) == once


# An SSN's start after "social," / "ssn," at a message's end, its rest in the next message.
SSN_SPLIT = [
    ("they asked for dads social, 602 41", "7733", "602 41", "7733"),
    ("need moms ssn, 471 22", "9035 thanks", "471 22", "9035"),
    ("the form wants his social security, 318", "44 6120", "318", "44 6120"),
    ("her social, 219-37", "-4650", "219-37", "-4650"),
]


@pytest.mark.parametrize(("first", "second", "start", "rest"), SSN_SPLIT)
def test_an_ssns_start_after_a_comma_and_its_rest(
    first: str, second: str, start: str, rest: str
) -> None:
    """The start goes in the first message; the rest after it, the first read raw or masked."""
    masked = redact(first)
    assert masked == first.replace(start, SSN_MARK), masked
    assert continuation(first, second) == (rest, SSN_MARK)
    assert continuation(masked, second) == (rest, SSN_MARK)
    assert rest not in redact_continuation(first, second)
    assert rest not in redact_continuation(masked, second)


KEPT = [
    "my pain is 9/10",
    "pain score says 8/10 at 3am",
    "fracture at T12/L1",
    "she needs 24/7 care",
    "it was a 50/50 chance",
    "take it for 1/2 an hour",
    "for 3/4 of the day",
    "walked for 5/10 minutes",
    "took 1/2 at 8",
    "I have a hundred questions",
    "nearly a hundred pages of forms",
    "about a hundred people in the waiting room",
    "he's 85",
    "check in at 7",
    "payment by check",
    "can I check #2 on the list",
    "93 pages",
    "skype is fine",
    "Sto lat!",
    "tem 85 anos",
    "mẹ tôi 84 tuổi",
    "temp was 99F this morning",
    "it was 95F outside",
    "my gmail is not working",
    "mi cuenta es nueva",
    "placa de 12 mm en la arteria",
    "the card says to call the number",
    "go to zoom. the link is in the email",
]


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_messages_are_kept(text: str) -> None:
    assert redact(text) == text
    assert redact(text.upper()) == text.upper()
