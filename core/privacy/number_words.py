r"""Numbers said in words, one list each, for every rule that reads a number typed as words.

Why: a patient types a room, a house number, a phone, or a day as words ("room one-oh-four",
"one oh three Pine Hollow Drive", "eight six zero five five five ...", "the twenty-third").
Each rule that reads such numbers once wrote its own copy of the words, and the copies drifted
apart (one room rule lacked the teens, one street rule had "fourty", one day rule lacked
"thirty-second"); the last review (round 25, r25m) found five copies. The words are listed
here once; each rule takes the alternation it needs (all in lower case, for IGNORECASE
patterns or `(?i:...)` groups).
"""

from __future__ import annotations

from core.privacy.alternation import factored

# The words, as space-separated lists (the gates take them as they are).
UNIT_WORDS = "one two three four five six seven eight nine"
TEEN_WORDS = "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
# "fourty" is the common slip of "forty" (round 16's tester: "fourty five church st").
TENS_WORDS = "twenty thirty forty fourty fifty sixty seventy eighty ninety"
# A figure read out alone: "oh" and "zero" stand for 0 in phones, rooms and house numbers.
DIGIT_WORDS = "zero oh " + UNIT_WORDS
# Every word of a number said in words up to the hundreds ("one-oh-four", "two twenty").
SPOKEN_NUMBER_WORDS = f"{DIGIT_WORDS} ten {TEEN_WORDS} {TENS_WORDS} hundred"
# The same without "zero" and "oh": where "oh" opens ordinary speech ("oh my back ... st").
COUNTING_WORDS = f"{UNIT_WORDS} ten {TEEN_WORDS} {TENS_WORDS} hundred"

_ORDINAL_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"


def alternation(words: str) -> str:
    """`(?:a|b|...)` of space-separated plain words, in their order (which the engine tries
    first matters where a word starts another: "six" / "sixty")."""
    return "(?:" + "|".join(words.split()) + ")"


UNITS = alternation(UNIT_WORDS)
TEENS = alternation(TEEN_WORDS)
# "ten" leads the tens: "ten" alone and "ten-four" read as the other tens do.
TENS = alternation("ten " + TENS_WORDS)
SPOKEN_NUMBER = alternation(SPOKEN_NUMBER_WORDS)
COUNTING_NUMBER = alternation(COUNTING_WORDS)
# A day of the month as an ordinal word, "first" to "thirty-first" (not "thirty-second": no
# day, and "put me down for the thirty second" is no date); the hyphen of "twenty-third" may
# be a space or be left out ("twentythird"). Factored by leading letters
# (core/privacy/alternation.py).
ORDINAL_WORD = factored(
    rf"{_ORDINAL_UNITS}|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
    rf"twentieth|thirtieth|twenty[\s-]?(?:{_ORDINAL_UNITS})|thirty[\s-]?first"
)
