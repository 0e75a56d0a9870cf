"""Passwords, lock-out, CSRF tokens and the secret key: the console's security in one place.

- Passwords are hashed with argon2id (argon2-cffi defaults); none is ever stored or logged.
- After MAX_FAILED_ATTEMPTS wrong passwords an account is locked for LOCKOUT_MINUTES.
- Every form carries a per-session CSRF token, checked on every POST.
- The cookie-signing key comes from STAFF_SECRET_KEY, or a random key generated once into
  var/staff-secret.key (mode 600, ignored by git).
"""

from __future__ import annotations

import hmac
import secrets
from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from project_secrets import load_or_create_secret

MAX_FAILED_ATTEMPTS = 5
LOCKOUT_MINUTES = 15
MIN_PASSWORD_LENGTH = 12

_hasher = PasswordHasher()
# Verifying against this keeps the time of a wrong-username login like a wrong-password one.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.")
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def is_locked(locked_until: datetime | None, now: datetime) -> bool:
    if locked_until is None:
        return False
    if locked_until.tzinfo is None:
        locked_until = locked_until.replace(tzinfo=timezone.utc)
    return locked_until > now


def lock_until(now: datetime) -> datetime:
    return now + timedelta(minutes=LOCKOUT_MINUTES)


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_matches(expected: str | None, given: str | None) -> bool:
    return bool(expected and given and hmac.compare_digest(expected, given))


def secret_key() -> str:
    return load_or_create_secret("STAFF_SECRET_KEY", "STAFF_SECRET_FILE", "staff-secret.key")
