"""Words that mark a message as Spanish, Portuguese or Polish, for short messages.

Why: the English-only guard counts other languages' stop words, which needs two of them;
"Ile trwa ten zabieg?" and "Quanto tempo dura a recuperação?" have one or none, so they got
the English reply (or an English answer). For the three languages the assistant replies in
(red_flag_languages.py), these everyday and procedure words decide. Folded (no accents;
Polish ł kept), none of them an English stop word.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SPANISH = _words(
    """
    procedimiento vertebroplastia cuanto tiempo duele dolor recuperacion cubre seguro riesgos
    espalda fractura columna hola gracias puedo tengo necesito cuando como que despues antes
    medico operacion cirugia anestesia usted ayuda el los las por para con sin muy pero tambien
    bueno favor semanas dias horas esta estoy hay donde quien cual
    preguntar pregunta ayer hoy manana noche madre padre esposo esposa hija hijo piernas
    orina controlar fiebre pecho
    escapa sangre sangra herida confundido confundida sabe mucho vejiga
    """
)
PORTUGUESE = _words(
    """
    procedimento vertebroplastia quanto tempo demora doi dor recuperacao cobre seguro riscos
    costas fratura coluna ola obrigado obrigada posso tenho preciso quando como depois antes
    medico cirurgia voce ajuda nao sim meu minha esta estou muito tambem semanas dias horas
    pergunta ontem hoje amanha noite mae pai marido esposa filha filho pernas
    urina segurar consigo febre peito
    sangue sangrando curativo confuso confusa falando coisas sentido bexiga
    """
)
POLISH = _words(
    """
    zabieg zabiegu wertebroplastyka ile trwa boli bol rekonwalescencja ubezpieczenie ryzyko
    plecy złamanie zlamanie kregosłup kregoslup dzien dobry czesc dziekuje moge mam potrzebuje
    kiedy jak
    przed lekarz operacja pomoc nie moj moja jest jestem bardzo tez tygodni dni godzin czy
    pytanie sie maz zona corka syn nogi nog
    trudno oddychac rana wczoraj mnie klatce piersiowej moczu goraczka
    krwawi krwi rany gdzie wie zdezorientowany zdezorientowana pecherzem tata
    """
)
WORDS = {"es": SPANISH, "pt": PORTUGUESE, "pl": POLISH}
