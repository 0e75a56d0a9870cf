"""Creating staff accounts: one function for the CLI and the admin page."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from core.db.staff_models import ROLES, StaffUser
from staff import queries
from staff.console import now
from staff.login import MAX_USERNAME_CHARS
from staff.security import hash_password


def create_user(sessions: sessionmaker[Session], username: str, password: str, role: str) -> None:
    """Create an account, or raise ValueError saying what is wrong with the request."""
    if role not in ROLES:
        raise ValueError(f"Role must be one of {', '.join(ROLES)}.")
    if not username.isascii() or not username.replace(".", "").replace("-", "").isalnum():
        raise ValueError("Usernames use letters, digits, dots and dashes.")
    if len(username) > MAX_USERNAME_CHARS:
        raise ValueError(f"Usernames have at most {MAX_USERNAME_CHARS} characters.")
    password_hash = hash_password(password)
    with sessions.begin() as s:
        if queries.username_taken(s, username):
            raise ValueError(f"An account {username!r} already exists.")
        s.add(
            StaffUser(
                username=username, password_hash=password_hash, role=role, active=True,
                failed_attempts=0, created_at=now(),
            )
        )  # fmt: skip
