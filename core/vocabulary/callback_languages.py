# ruff: noqa: RUF001  (Russian text and patterns: Cyrillic on purpose)
"""A call-back asked for in another language (round 23, issue 21: cb09, cb13).

Why: "перезвоните мне, пожалуйста" and "que me llamen por favor" got the English-only
reply and the department's details in English: nothing said that the call-back they asked
for was not arranged, nor how to get one. The call-back form runs in English only (its
answers are checked as English: names, numbers in words, yes/no), so a request in another
language is answered in that language: the form works in English only, and the department
(which has free language help) can be reached with the details that follow (the hand-off,
actions/handoff.py). The languages: those the assistant already has lines in (Spanish,
Portuguese, Polish: domain.yml utter_language_help_*) and Russian, which the tester used.

Translations by the project team, NOT YET REVIEWED by the hospital's language services
(as the red-flag lines, docs/red-flags.md).
"""

from __future__ import annotations

import re

# The request's words in each language: a verb of calling back (or calling "me").
_REQUESTS = {
    "es": re.compile(
        r"\bll[aá]m(?:e|en)(?:me|nos)\b|\b(?:me|nos)\s+(?:pueden?\s+|puede\s+)?llam(?:e|en|ar)\b|"
        r"\bdevolver(?:me)?\s+la\s+llamada|\bvolver\s+a\s+llamar",
        re.IGNORECASE,
    ),
    "pt": re.compile(
        r"\bme\s+(?:liguem?|ligar|telefonem?|retornem?)\b|\bliguem?[\s-]+me\b|"
        r"\bretorn(?:ar|em?)\s+(?:a\s+)?(?:liga[cç][aã]o|chamada)",
        re.IGNORECASE,
    ),
    "pl": re.compile(r"\boddzwo[nń]\w*|\bzadzwo[nń]\w*\s+do\s+mnie", re.IGNORECASE),
    "ru": re.compile(
        r"перезвон\w*|позвон\w*\s+мне|свяжитесь\s+со\s+мной|обратн\w+\s+звон\w*",
        re.IGNORECASE,
    ),
}
# The Spanish and Portuguese patterns share words with English only in "llame"-like forms,
# which English has none of; none of them matches an English request ("call me back").

CALLBACK_IN_ENGLISH_ONLY = {
    "es": (
        "Solo puedo tomar una solicitud de llamada en inglés. Para que el departamento le "
        "llame, comuníquese con él con los datos de abajo; hay ayuda gratuita con el idioma. "
        "Si es una emergencia, llame al 911."
    ),
    "pt": (
        "Só consigo registrar um pedido de retorno de ligação em inglês. Para falar com o "
        "departamento, use os contatos abaixo; há ajuda gratuita com o idioma. Se for uma "
        "emergência, ligue para o 911."
    ),
    "pl": (
        "Prośbę o oddzwonienie mogę przyjąć tylko po angielsku. Aby porozmawiać z działem, "
        "skorzystaj z danych kontaktowych poniżej; dostępna jest bezpłatna pomoc językowa. "
        "Jeśli to stan zagrażający zdrowiu lub życiu, zadzwoń pod 911."
    ),
    "ru": (
        "Я могу принять просьбу об обратном звонке только на английском языке. Чтобы "
        "связаться с отделением, используйте контактные данные ниже; бесплатная языковая "
        "помощь доступна. В экстренной ситуации звоните 911."
    ),
}


def callback_request_language(text: object) -> str | None:
    """The language of a call-back request written in Spanish, Portuguese, Polish or Russian,
    or None (English, or no call-back asked for)."""
    if not isinstance(text, str):
        return None
    for language, pattern in _REQUESTS.items():
        if pattern.search(text):
            return language
    return None
