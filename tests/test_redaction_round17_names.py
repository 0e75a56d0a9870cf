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
