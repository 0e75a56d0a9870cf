"""Tables of the staff console: accounts and the audit log (same database and metadata)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Column, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped

from actions.storage.models import Base

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


class AuditEvent(Base):
    """Who viewed or exported what, and every change staff made."""

    __tablename__ = "audit_log"

    id: Mapped[int] = Column(Integer, primary_key=True)
    at: Mapped[datetime] = Column(DateTime(timezone=True), nullable=False)
    username: Mapped[str] = Column(String(64), nullable=False)
    action: Mapped[str] = Column(String(64), nullable=False)
    detail: Mapped[str | None] = Column(Text)

    __table_args__ = (Index("ix_audit_log_at", "at"),)
