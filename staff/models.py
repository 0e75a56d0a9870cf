"""Tables of the staff console: accounts and the audit log (same database and metadata)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Index, Integer, String, Text

from actions.storage.models import Base

ROLES = ("reviewer", "admin")


class StaffUser(Base):
    __tablename__ = "staff_users"

    id = Column(Integer, primary_key=True)
    username = Column(String(64), nullable=False, unique=True)
    password_hash = Column(String(255), nullable=False)  # argon2id
    role = Column(String(16), nullable=False)
    active = Column(Boolean, nullable=False, default=True)
    failed_attempts = Column(Integer, nullable=False, default=0)
    locked_until = Column(DateTime(timezone=True))
    created_at = Column(DateTime(timezone=True), nullable=False)


class AuditEvent(Base):
    """Who viewed or exported what, and every change staff made."""

    __tablename__ = "audit_log"

    id = Column(Integer, primary_key=True)
    at = Column(DateTime(timezone=True), nullable=False)
    username = Column(String(64), nullable=False)
    action = Column(String(64), nullable=False)
    detail = Column(Text)

    __table_args__ = (Index("ix_audit_log_at", "at"),)
