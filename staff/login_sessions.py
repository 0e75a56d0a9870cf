"""Server-side log-in sessions: the cookie holds a random id, the `staff_sessions` table says
whether that id is still logged in.

Why: with the account id in a signed cookie, a copy of the cookie kept working for its whole
8 hours after logout, and nothing could end the sessions of a disabled account or of one
whose password was changed. Now every request looks its session up, and these end at once:
logout (that session), disabling the account and a password change (all of the account's
sessions; a password change keeps the session that made it).

- The id is 32 random bytes (secrets.token_urlsafe); the table holds only its SHA-256, so
  reading the table (a backup, an SQL console) opens no session.
- A session lasts SESSION_HOURS from log-in and ends after IDLE_MINUTES without a request.
  `last_seen_at` is written at most once a minute, not on every request.
- Every visitor, logged in or not, has an id in the cookie: the CSRF token of its forms is an
  HMAC of that id under the app's secret key, so the cookie needs to carry nothing else and
  the token changes at log-in along with the id (no session fixation).
- Rows are removed ROWS_KEPT_DAYS after they expire (at each log-in), so the table stays
  small; the audit log keeps the history of log-ins and log-outs.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import datetime, timedelta
from typing import TypeGuard

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from core.db.staff_models import StaffSession, StaffUser
from staff.hospital_time import as_utc

# Bulk UPDATE/DELETE without matching the session's loaded objects in Python (where SQLite's
# naive times and PostgreSQL's aware ones do not compare): no object here is reused after.
_NO_SYNC = {"synchronize_session": False}

SESSION_HOURS = 8
IDLE_MINUTES = 60
TOUCH_EVERY = timedelta(minutes=1)
ROWS_KEPT_DAYS = 30
# What secrets.token_urlsafe(32) makes: anything else in a cookie is not one of our ids.
_SESSION_ID = re.compile(r"[A-Za-z0-9_-]{43}")


def new_session_id() -> str:
    return secrets.token_urlsafe(32)


def is_session_id(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and bool(_SESSION_ID.fullmatch(value))


def digest(session_id: str) -> str:
    """What the table stores for an id: SHA-256, hex (the id has 256 random bits: no salt
    or slow hash is needed to make it unguessable)."""
    return hashlib.sha256(session_id.encode()).hexdigest()


def csrf_token(secret_key: str | bytes, session_id: str) -> str:
    """The CSRF token of the forms of the session (or anonymous visitor) `session_id`."""
    key = secret_key.encode() if isinstance(secret_key, str) else secret_key
    return hmac.new(key, b"csrf:" + session_id.encode(), hashlib.sha256).hexdigest()


def open_session(db: Session, user: StaffUser, now: datetime) -> str:
    """Start a session for `user` (after a successful log-in); return the id for the cookie."""
    db.execute(
        delete(StaffSession)
        .where(StaffSession.expires_at < now - timedelta(days=ROWS_KEPT_DAYS))
        .execution_options(**_NO_SYNC)
    )
    session_id = new_session_id()
    db.add(
        StaffSession(
            token_hash=digest(session_id), user_id=user.id, created_at=now, last_seen_at=now,
            expires_at=now + timedelta(hours=SESSION_HOURS),
        )
    )  # fmt: skip
    return session_id


def user_of(db: Session, session_id: str, now: datetime) -> StaffUser | None:
    """The active account whose live session `session_id` is, or None (and notes the visit).

    Live: not ended, not expired, used within IDLE_MINUTES. The checks are in SQL, where
    times compare the same on SQLite (naive UTC) and PostgreSQL (aware).
    """
    found = db.execute(
        select(StaffSession, StaffUser)
        .join(StaffUser, StaffUser.id == StaffSession.user_id)
        .where(StaffSession.token_hash == digest(session_id))
        .where(StaffSession.ended_at.is_(None))
        .where(StaffSession.expires_at > now)
        .where(StaffSession.last_seen_at > now - timedelta(minutes=IDLE_MINUTES))
        .where(StaffUser.active)
    ).one_or_none()
    if found is None:
        return None
    row, user = found
    if as_utc(row.last_seen_at) < now - TOUCH_EVERY:  # at most one write a minute: on SQLite,
        db.execute(  # which Rasa shares, even an UPDATE that changes nothing takes the lock
            update(StaffSession)
            .where(StaffSession.id == row.id)
            .values(last_seen_at=now)
            .execution_options(**_NO_SYNC)
        )
    return user


def end_session(db: Session, session_id: str, now: datetime, reason: str) -> None:
    db.execute(
        update(StaffSession)
        .where(StaffSession.token_hash == digest(session_id))
        .where(StaffSession.ended_at.is_(None))
        .values(ended_at=now, ended_reason=reason)
        .execution_options(**_NO_SYNC)
    )


def end_sessions_of(
    db: Session, user_id: int, now: datetime, reason: str, keep: str | None = None
) -> int:
    """End every live session of the account `user_id` (but `keep`); return how many."""
    query = (
        update(StaffSession)
        .where(StaffSession.user_id == user_id)
        .where(StaffSession.ended_at.is_(None))
        .where(StaffSession.expires_at > now)
    )
    if keep is not None:
        query = query.where(StaffSession.token_hash != digest(keep))
    result = db.execute(
        query.values(ended_at=now, ended_reason=reason).execution_options(**_NO_SYNC)
    )
    return int(result.rowcount or 0)
