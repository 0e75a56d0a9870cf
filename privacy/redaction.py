"""Redact phone numbers and e-mail addresses before a message is stored in the question log.

Why: chat logs are health information; a patient who types "call me on 860-555-0123" must
not leave that number in a table many staff can read. Redaction errs towards removing too
much: any run of 7 or more digits (with the usual separators) counts as a phone number.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", re.UNICODE)
# +1 (860) 555-0123, 860.555.0123, 8605550123, 07700 900123 ... : 7+ digits with separators.
PHONE = re.compile(r"(?<!\w)\+?\(?\d(?:[\s().\-/]*\d){6,}(?!\w)")
EMAIL_MARK = "[email removed]"
PHONE_MARK = "[phone removed]"


def redact(text: str) -> str:
    return PHONE.sub(PHONE_MARK, EMAIL.sub(EMAIL_MARK, text))
