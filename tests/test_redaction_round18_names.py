"""Round 18's outside tester: first names that are also words after a kin word, a masked
name typed again in lower case, and a town of the hospital's that was masked."""

import pytest

from core.privacy.redaction import redact

LEAKS = [
    ("im calling for grandma Hope, she is 91 and scared of needles", "Hope"),
    ("wife is Faith, faith has osteoporosis and crushed T12 - can she have it", "aith"),
    ("my mother Joy has a fracture at L3, joy is 84", "oy"),
    ("grandma Grace lives with us and grace can't walk much", "race"),
    ("my wife Hope is scheduled, can I stay with hope the whole time", "ope"),
    ("grandpa Buddy is 85 and stubborn", "Buddy"),
]

KEPT = [
    "can my husband will come in the room with me?",
    "I hope my mother will come",
    "my husband will drive",
    "Is Forestville or Terryville closer to the hospital?",
    "Dr Patel referred my mother",
    "uh yeah",
    "son here",
    "Toi co the an truoc khi lam thu thuat khong?",
    "Quanto dura l'intervento?",
]


@pytest.mark.parametrize(("text", "name"), LEAKS)
def test_a_first_name_after_a_kin_word_is_masked_in_any_case(text: str, name: str) -> None:
    """A capitalised first name right after a kin word, and its lower-case repeats, go."""
    assert name not in redact(text)


@pytest.mark.parametrize("text", KEPT)
def test_words_and_the_hospitals_towns_stay(text: str) -> None:
    """A modal in lower case, a doctor's surname and the hospital's towns stay as typed."""
    assert redact(text) == text
