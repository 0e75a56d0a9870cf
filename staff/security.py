"""Passwords, lock-out, CSRF tokens and the secret key: the console's security in one place.

- Passwords are hashed with argon2id (argon2-cffi defaults); none is ever stored or logged.
- verify_password() does exactly one argon2 verification whatever it is given (an unknown
  account is checked against a dummy hash of the same cost), so that the time a failed
  log-in takes says nothing about why it failed.
- After MAX_FAILED_ATTEMPTS wrong passwords an account is locked for LOCKOUT_MINUTES.
- Every form carries a CSRF token derived from the session's id (login_sessions.py),
  checked on every POST.
- The cookie-signing key comes from STAFF_SECRET_KEY, or a random key generated once into
  var/staff-secret.key (mode 600, ignored by git).
"""

from __future__ import annotations

import hmac
import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from core.secrets import load_or_create_secret
from staff.hospital_time import as_utc

MAX_FAILED_ATTEMPTS = 5
LOCKOUT_MINUTES = 15
MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 128  # ASVS 2.1.2: at least 64 allowed, more than 128 refused

_hasher = PasswordHasher()
# Verifying against this keeps the time of a wrong-username login like a wrong-password one.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    """The argon2id hash of a new password of 12 to 128 characters (any characters: no
    composition rules, nothing trimmed or cut)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValueError(f"Passwords have at most {MAX_PASSWORD_LENGTH} characters.")
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches `password_hash`; False for None (an unknown account).

    Exactly one argon2 verification every time: callers decide what else refuses a log-in
    (lock-out, a disabled account) after calling this, never instead of it.
    """
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def is_locked(locked_until: datetime | None, now: datetime) -> bool:
    if locked_until is None:
        return False
    return as_utc(locked_until) > now


def lock_until(now: datetime) -> datetime:
    return now + timedelta(minutes=LOCKOUT_MINUTES)


def csrf_matches(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison; as bytes, since compare_digest refuses non-ASCII text (a
    form token of "é" was a 500)."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode("utf-8", "replace"))


def secret_key() -> str:
    return load_or_create_secret("STAFF_SECRET_KEY", "STAFF_SECRET_FILE", "staff-secret.key")
