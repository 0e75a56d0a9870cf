"""A logged-in member of staff changes their own password; their other sessions end.

Why here and not as an admin reset: the person who knows the password changes it, proving
it with the current one, so a session left open on a shared ward computer cannot be used to
take the account over without the password. Changing it ends every other session of the
account at once (someone else who had the old password is logged out); the session that made
the change goes on. A wrong current password counts towards the lock-out like a wrong
log-in, so this form cannot be used to guess the password either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from core.db.staff_models import StaffUser
from staff.audit import add_event
from staff.login_sessions import end_sessions_of
from staff.security import (
    MAX_FAILED_ATTEMPTS,
    hash_password,
    is_locked,
    lock_until,
    verify_password,
)

WRONG_CURRENT = "The current password is wrong, or the account is locked."


@dataclass(frozen=True)
class PasswordChange:
    current: str
    new: str
    confirmation: str


def change_password(
    db: Session, user_id: int, change: PasswordChange, now: datetime, keep_session: str
) -> str | None:
    """Change the password in the unit of work `db`; None on success, else what is wrong."""
    user = db.get(StaffUser, user_id)
    if user is None:  # pragma: no cover - the session's own account always exists
        return WRONG_CURRENT
    current_ok = verify_password(user.password_hash, change.current)
    if is_locked(user.locked_until, now) or not current_ok:
        if not is_locked(user.locked_until, now):
            user.failed_attempts += 1
            if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
                user.locked_until = lock_until(now)
                user.failed_attempts = 0
                add_event(db, user.username, "locked", "wrong current password")
        add_event(db, user.username, "password_change_failed", "wrong current password")
        return WRONG_CURRENT
    if change.new != change.confirmation:
        return "The two new passwords differ."
    try:
        user.password_hash = hash_password(change.new)
    except ValueError as error:
        return str(error)
    user.failed_attempts = 0
    ended = end_sessions_of(db, user.id, now, "password changed", keep=keep_session)
    add_event(db, user.username, "password_changed", f"{ended} other sessions ended")
    return None
