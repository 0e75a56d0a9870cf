"""Round 23's outside tester (t21r23), names (r23n): a lower-case first name that is also a
word after a kin word, names after a kin word in six other scripts, a pasted label read by
OCR with figures for letters, and adjectives in -y opening a sentence (masked as a name by
the learned scorer). Each typed text must lose its values; each look-alike stays as typed.
"""

from __future__ import annotations

import pytest

from core.privacy.redaction import redact

LEAKS = [
    # A first name that is also a word, in lower case after a kin word, then a clause (nm03,
    # nm32) and new wordings of the same shape.
    ("this is for my husband bill he is 78 and cant stand up straight", ["bill"]),
    ("joy and her husband mark both had this done, now my turn lol", ["joy", "mark"]),
    ("my son chase was there when she fell", ["chase"]),
    ("her husband bill, 85, had it", ["bill"]),
    ("my dad art was a welder", ["art"]),
    ("my brother pat he is 70", ["pat"]),
    ("my wife joy is 80 and in pain", ["joy"]),
    # Names after a kin word in other scripts (nm12, nm14, nm88, nm84, nm86, nm87).
    ("我妈妈王秀英下周要做椎体成形术\uff0c需要空腹吗", ["王秀英"]),
    ("我老公李明明天要做手术", ["李明"]),
    ("والدي أحمد الحسيني عنده كسر في الفقرات، هل العملية خطيرة؟", ["أحمد", "الحسيني"]),
    ("أمي فاطمة تعاني من ألم في الظهر", ["فاطمة"]),
    ("مادرم فاطمه رضایی شکستگی مهره دارد", ["فاطمه", "رضایی"]),
    ("پدرم علی احمدی درد کمر دارد", ["علی", "احمدی"]),
    ("אמא שלי רחל כהן צריכה את הטיפול", ["רחל", "כהן"]),
    ("בעלי משה לוי צריך ניתוח", ["משה", "לוי"]),
    ("मेरी माँ सुनीता शर्मा को यह प्रक्रिया करवानी है", ["सुनीता", "शर्मा"]),
    ("मेरे पिता रमेश ने पूछा", ["रमेश"]),
    ("母の山田花子が来週手術を受けます", ["山田花子"]),
    ("父の佐藤一郎は入院しています", ["佐藤一郎"]),
    # A label read by OCR (mx14): figures for letters in the label and in the name.
    ("Pat1ent: Mar1an Coyle D0B: O5/17/1940", ["Mar1an", "Coyle"]),
    ("Nam3: Ruth 0kafor", ["Ruth", "0kafor"]),
    ("Name: J0hn Sm1th", ["J0hn", "Sm1th"]),
    ("Patient: Mar1an Coyle DOB: 05/17/1940", ["Mar1an", "Coyle"]),
    ("PATI3NT: EDNA K0WALSKI", ["EDNA", "K0WALSKI"]),
]


# The openings a name still has: the learned scorer's finds the adjective rule must leave (a
# guard of the rule's bounds; these were masked before it too).
STILL_NAMES = [
    ("Rusty here, my mom is asking about the procedure", ["Rusty"]),
    ("Sandy and I both had it done", ["Sandy"]),
]


@pytest.mark.parametrize(("text", "values"), LEAKS + STILL_NAMES)
def test_the_name_is_masked(text: str, values: list[str]) -> None:
    redacted = redact(text)
    assert [v for v in values if v in redacted] == [], redacted


KEPT = [
    # A verb or modal after a kin word keeps its words.
    "my husband will drive me",
    "my son may come with me",
    "my husband can stay the night?",
    "my husband will, if he can",
    "me and my wife hope he is ok",
    "my husbands bill is due",
    "my daughter said she is coming",
    # Other scripts: the kin word's verb or a thing follows.
    "我妈妈下周要做手术",
    "我妈妈马上要做手术",
    "我爸爸周末要住院",
    "我老公高血压\uff0c能做吗",
    "אמא שלי צריכה את הטיפול",
    "والدي عنده كسر",
    "والدي يحتاج العملية",
    "مادرم شکستگی مهره دارد",
    "मेरी माँ को यह प्रक्रिया करवानी है",
    "मेरी माँ बहुत दर्द से परेशान हैं",
    "母の手術が来週です",
    "父の圧迫骨折は治りますか",
    # A vertebra after a label, and figures that are no name.
    "Patient: L1 fracture",
    "Patient: T12 compression fracture",
    "my mom: T12 and L1",
    "time: 10:30am",
    # Adjectives in -y opening a sentence (or71, or88).
    "Rusty on the details, how long is it again?",
    "Sunny and warm, can I walk?",
    "Windy and cold today, can I walk outside?",
    "Sandy and dry at the beach, is that ok after?",
]


@pytest.mark.parametrize("text", KEPT)
def test_the_ordinary_words_stay(text: str) -> None:
    assert redact(text) == text
