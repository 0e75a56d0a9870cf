"""Checking a log-in attempt so that a failure tells an attacker nothing.

Why: the console used to verify the password hash twice for a wrong password, once for an
unknown username and not at all for a locked account (0.26 s against 0.14 s), and said
"locked" when it was: enough to find out which usernames exist and which are locked. Now:

- exactly one argon2 verification for every attempt, whatever the case (unknown account,
  wrong password, locked, disabled, success), done before anything else is decided;
- one message for every failure (FAILURE_MESSAGE);
- lock-out still counts: MAX_FAILED_ATTEMPTS wrong passwords lock an existing account for
  LOCKOUT_MINUTES, during which even the right password is refused;
- the real reason is written to the audit log (with the username tried, never the password),
  where administrators, not the person at the form, can read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.staff_models import StaffUser
from staff.params import has_control_characters
from staff.security import (
    LOCKOUT_MINUTES,
    MAX_FAILED_ATTEMPTS,
    is_locked,
    lock_until,
    verify_password,
)

FAILURE_MESSAGE = (
    "Wrong username or password, or the account is locked. "
    f"An account locks for {LOCKOUT_MINUTES} minutes after {MAX_FAILED_ATTEMPTS} wrong "
    "passwords; ask an administrator if you cannot log in."
)
MAX_USERNAME_CHARS = 64


@dataclass(frozen=True)
class Attempt:
    """What came of a log-in attempt: the account on success, else why it failed."""

    user: StaffUser | None
    reason: str  # "ok", "unknown account", "wrong password", "locked", "disabled"
    locked_now: bool = False  # this failure locked the account


def find_account(db: Session, username: str) -> StaffUser | None:
    """The account called `username`; None without asking the database for a name no
    account can have (too long, or with a NUL, which PostgreSQL refuses outright)."""
    if not username or len(username) > MAX_USERNAME_CHARS or has_control_characters(username):
        return None
    return db.execute(select(StaffUser).where(StaffUser.username == username)).scalar_one_or_none()


def attempt_login(db: Session, username: str, password: str, now: datetime) -> Attempt:
    """Check one attempt in the unit of work `db`, counting failures towards a lock-out."""
    user = find_account(db, username)
    password_ok = verify_password(user.password_hash if user else None, password)
    if user is None:
        return Attempt(None, "unknown account")
    if is_locked(user.locked_until, now):
        return Attempt(None, "locked")
    if not user.active:
        return Attempt(None, "disabled")
    if not password_ok:
        user.failed_attempts += 1
        if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
            user.locked_until = lock_until(now)
            user.failed_attempts = 0
            return Attempt(None, "wrong password", locked_now=True)
        return Attempt(None, "wrong password")
    user.failed_attempts = 0
    user.locked_until = None
    return Attempt(user, "ok")
