"""Where the patient is, typed into the call-back form's "good time to call" answer (round 23).

Why: the form's time answer is stored in `callback_requests.preferred_time`, redacted as a
message alone. Round 23's outside tester stored "mornings at the nursing home, Willowbrook
Manor room 12" (cb21), "after 5, im at my daughter carla's in moosic" (cb33) and "mornings,
room 2W-14 at Saint Mary's" (cb35) with the home, the room and the town raw: read alone, a
care home, a room or a small town has none of the context a chat message gives the rules
(the transcript stores the whole answer as a form answer, so it never leaked there). A time
answer holds a time; staff need the time, not where the patient stays. So the part after
the time's words that says where (a place after "at" / "in" / "near" / "staying with", a
room, ward or unit number) is masked whole, up to where the time words resume ("... on
tuesdays"). Common words of a time ("at 5", "in the morning", "at lunch", "at home", "at
work") are no place.

Only the call-back form's time answer goes through this (actions/callback.py `time_field`),
so it adds nothing to the redaction of chat messages.
"""

from __future__ import annotations

import re

from core.privacy.identifiers import ADDRESS_MARK, MONTH_NAME

_DAYS = (
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?|weekdays?|weekends?|"
    r"week|weeknights?"
)
_MONTHS = MONTH_NAME  # identifiers' list (round 25, r25m)
# What follows "at" / "in" in a time, or names no particular place.
_TIME_AFTER = (
    r"(?:\d|\[|(?:the\s+|an?\s+|my\s+)?(?:morning|afternoon|evening|night|day|daytime|am|pm|"
    r"a\.m|p\.m|noon|midday|midnight|lunch(?:time)?|dinner(?:time)?|breakfast|tea(?:time)?|"
    r"latest|earliest|moment|minute|hour|hours|while|bit|beginning|end|start|middle|"
    r"weekend|week|month|future|meantime|" + _DAYS + "|" + _MONTHS + r")\b|"
    r"(?:any|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|"
    r"quarter|about|around|least|most|all|once|some\s+point|your\s+convenience|"
    r"home|work|the\s+office|my\s+(?:home|house|place|desk|work)|the\s+house|church)\b)"
)
_PLACE_START = re.compile(
    r"(?:\b(?:at|in|near|from|by)\s+(?!" + _TIME_AFTER + r")"
    r"|\b(?:staying|living|visiting|stopping)\s+(?:at|with|in)\s+"
    r"|\b(?:room|rm|ward|unit|apt|apartment|suite|bed|flat)\b\.?\s*#?\s*(?=\w*\d))",
    re.IGNORECASE,
)
# Where the time words resume after the place: "... on tuesdays", ", or after 5".
_TIME_AGAIN = re.compile(
    r"(?:[,;]\s*(?:(?:or|and|but)\s+)?|\s+)(?=(?:on|every|after|before|between|until|till|"
    r"from\s+\d|any\s*time|anytime|mornings?|afternoons?|evenings?|" + _DAYS + r")\b)",
    re.IGNORECASE,
)


def masked_place_in_time_answer(text: str) -> str:
    """The time answer with the place it names after the time masked ("mornings [address
    removed]"); an answer that names no place comes back unchanged."""
    start = _PLACE_START.search(text)
    if start is None:
        return text
    again = _TIME_AGAIN.search(text, start.end())
    end = again.start() if again else len(text)
    if end <= start.end():
        return text
    return text[: start.start()] + ADDRESS_MARK + text[end:].rstrip(" ,;")
