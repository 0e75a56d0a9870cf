"""Writing the audit log: who did what, including every refusal.

Why refusals too: one failed log-in, a reviewer opening an admin page (403) or a form posted
without its CSRF token is what an attack looks like at its start; a log of successes alone
shows nothing of it. Every row names the account (the one logged in, or for a failed log-in
the username that was tried: never a password), and a refusal names the method and path
only: query strings can hold patient text (a search), so they are never written.

Values from the request are cleaned first (control characters dropped, cut to the column's
size): PostgreSQL refuses a NUL, and a username is at most 64 characters. Details are
redacted like every stored text: an inbox search for a patient's phone number must not
leave the number in the audit log.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy.orm import Session

from core.db.staff_models import AuditEvent
from core.db.values import one_line
from core.privacy.redaction import redact

ANONYMOUS = "(anonymous)"  # not a possible account name: those are letters, digits, . and -
USERNAME_CHARS = 64
DETAIL_CHARS = 2000


def account_name(value: object) -> str:
    """A username as the log keeps it: one clean line of at most 64 characters."""
    return one_line(value, USERNAME_CHARS) or ANONYMOUS


def request_line(method: str, path: str) -> str:
    """The method and the path ("POST /logout"), never the query string."""
    return f"{method} {one_line(path, 500)}"


def add_event(
    db: Session, username: str, action: str, detail: str = "", validated: bool = False
) -> None:
    """Add a row to the audit log in the unit of work `db` (committed with it).

    The detail is redacted like everything else, unless the caller built it only from
    validated values (`validated`): dates and ids that the redaction would take for a
    date of birth or a phone number ("2026-01-01..2026-02-01" was stored masked).
    """
    line = one_line(detail, DETAIL_CHARS) if detail else detail
    db.add(
        AuditEvent(
            at=datetime.now(timezone.utc),
            username=account_name(username),
            action=action,
            detail=line if validated or not line else redact(line),
        )
    )


def filters_for_audit(query_args: dict[str, object]) -> str:
    """The inbox filters as the audit log keeps them: the search text only as its length.

    Why: staff search for what patients wrote, names from call-back requests included; the
    audit log is kept longer than the data, so it must not collect what was searched for.
    """
    kept = dict(query_args)
    if kept.get("q"):
        kept["q"] = f"[search text, {len(str(kept['q']))} characters]"
    return str(kept)
