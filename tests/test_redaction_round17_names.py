"""Round 17 (r17n): names an outside tester found stored raw, and ordinary words of other
languages masked inside identifier messages, as classes."""

import pytest

from core.privacy.redaction import redact

MARK = "[name removed]"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A function word of another language ends a name and is none itself.
        ("Përshëndetje, jam Arben Krasniqi, babai im Ilir Krasniqi është 91 vjeç", "është"),
        ("gjyshja ime quhet Drita Hoxha dhe ka dhimbje shpine", "gjyshja ime quhet"),
        ("mio nonno ha 99 anni, è troppo vecchio?", "troppo vecchio"),
        ("Olá, sou a Fernanda Vasconcelos, minha mãe mora em Danbury", "mora"),
        # A country in its own language, inflected.
        ("tel. +48 601 234 567 (syn w Polsce)", "Polsce"),
        # A cue word of another language opening a message stays ("I am called").
        ("Mwen rele Jean, nimewo mwen se 8605550128", "Mwen rele"),
        ("Jam Arben Krasniqi, tel 203-555-0177", "Jam"),
    ],
)
def test_other_language_words_stay(text: str, kept: str) -> None:
    assert kept in redact(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Re: ANTONELLI, CARMELA  DOB 1/9/1933", "ANTONELLI"),
        ("Re: OYELARAN, MARGARET  MRN 55123", "OYELARAN"),
    ],
)
def test_surname_after_re_label(text: str, name: str) -> None:
    assert name not in redact(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A second person after a bare kin or title word, in a message that names someone.
        ("this is sister mary agnes from the convent calling about sister perpetua", "perpetua"),
        ("question from kwaku boateng-asante's granddaughter akosua, how much", "akosua"),
        ("Bless you all. Love, Auntie Gloria Mbeki and Uncle Sipho", "Sipho"),
        # A nickname that is also a word, between a kin word and a bracketed name.
        ("grandpa Lucky (Luciano DeFelice) wants to know if he can golf", "Lucky"),
    ],
)
def test_second_kin_name(text: str, name: str) -> None:
    assert name not in redact(text)


def test_kin_words_stay_beside_names() -> None:
    stored = redact("Bless you all. Love, Auntie Gloria Mbeki and Uncle Sipho")
    assert "Auntie" in stored and "Uncle" in stored
    assert redact("my sister Perpetua and my uncle said hi").endswith("my uncle said hi")
