"""Tables of the staff console: accounts, their sessions and the audit log (same database and
metadata as the question log)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped

from core.db.models import Base

ROLES = ("reviewer", "admin")


class StaffUser(Base):
    __tablename__ = "staff_users"

    id: Mapped[int] = Column(Integer, primary_key=True)
    username: Mapped[str] = Column(String(64), nullable=False, unique=True)
    password_hash: Mapped[str] = Column(String(255), nullable=False)  # argon2id
    role: Mapped[str] = Column(String(16), nullable=False)
    active: Mapped[bool] = Column(Boolean, nullable=False, default=True)
    failed_attempts: Mapped[int] = Column(Integer, nullable=False, default=0)
    locked_until: Mapped[datetime | None] = Column(DateTime(timezone=True))
    created_at: Mapped[datetime] = Column(DateTime(timezone=True), nullable=False)


class StaffSession(Base):
    """A logged-in session, held on the server so that it can be ended at once.

    Why on the server: a signed cookie that holds the user id stays valid until it expires,
    whatever happens (logout, a disabled account, a changed password). The cookie now holds
    only a random session id; this row holds the SHA-256 of that id (so a copy of the table
    opens no session), whose account it is, and when it started, was last used, expires and
    ended. A request is let in only while its row is live.
    """

    __tablename__ = "staff_sessions"

    id: Mapped[int] = Column(Integer, primary_key=True)
    token_hash: Mapped[str] = Column(String(64), nullable=False)  # SHA-256 hex of the cookie's id
    user_id: Mapped[int] = Column(
        Integer,
        ForeignKey("staff_users.id", ondelete="CASCADE", name="fk_staff_sessions_user_id"),
        nullable=False,
    )
    created_at: Mapped[datetime] = Column(DateTime(timezone=True), nullable=False)
    last_seen_at: Mapped[datetime] = Column(DateTime(timezone=True), nullable=False)
    expires_at: Mapped[datetime] = Column(DateTime(timezone=True), nullable=False)
    ended_at: Mapped[datetime | None] = Column(DateTime(timezone=True))
    ended_reason: Mapped[str | None] = Column(String(32))  # logout, account disabled, ...

    __table_args__ = (
        UniqueConstraint("token_hash", name="uq_staff_sessions_token_hash"),
        Index("ix_staff_sessions_user_id", "user_id"),
        Index("ix_staff_sessions_expires_at", "expires_at"),
    )


class AuditEvent(Base):
    """Who viewed or exported what, every change staff made, and every refusal (failed
    log-in, forbidden page, form without its CSRF token)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = Column(Integer, primary_key=True)
    at: Mapped[datetime] = Column(DateTime(timezone=True), nullable=False)
    username: Mapped[str] = Column(String(64), nullable=False)
    action: Mapped[str] = Column(String(64), nullable=False)
    detail: Mapped[str | None] = Column(Text)

    __table_args__ = (Index("ix_audit_log_at", "at"),)
