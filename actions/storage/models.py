"""Tables the action server writes and staff read.

Rasa's SQL tracker store keeps whole transcripts in its own `events` table in the same
database; these tables hold one row per patient question and per callback request.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Float, Index, Integer, String, Text
from sqlalchemy.orm import registry

mapper_registry = registry()
Base = mapper_registry.generate_base()

MAX_TEXT_CHARS = 2000  # longer messages are stored cut, with `text_truncated` set

OUTCOMES = ("answered", "fallback", "out_of_scope", "emergency", "handoff")
CALLBACK_STATUSES = ("new", "contacted", "closed")


class Question(Base):  # type: ignore[misc, valid-type]
    """One patient message that asked something, with what the bot did about it."""

    __tablename__ = "questions"

    id = Column(Integer, primary_key=True)
    # Rasa's id of the user message: makes writing a spooled entry twice harmless.
    message_id = Column(String(64), nullable=False, unique=True)
    conversation_id = Column(String(255), nullable=False)
    asked_at = Column(DateTime(timezone=True), nullable=False)  # UTC
    channel = Column(String(64))
    text = Column(Text, nullable=False)  # phone numbers and e-mail addresses redacted
    text_truncated = Column(Boolean, nullable=False, default=False)
    intent = Column(String(64))
    confidence = Column(Float)
    response = Column(Text)
    outcome = Column(String(16), nullable=False)
    model_version = Column(String(128))
    # Staff review (staff console): who reviewed it, and the right topic if the bot was wrong.
    reviewed_at = Column(DateTime(timezone=True))
    reviewed_by = Column(String(64))
    corrected_intent = Column(String(64))

    __table_args__ = (
        Index("ix_questions_asked_at", "asked_at"),
        Index("ix_questions_conversation_id", "conversation_id"),
        Index("ix_questions_intent", "intent"),
        Index("ix_questions_outcome", "outcome"),
        Index("ix_questions_reviewed_at", "reviewed_at"),
        Index("ix_questions_asked_at_outcome_intent", "asked_at", "outcome", "intent"),
    )


class CallbackRequest(Base):  # type: ignore[misc, valid-type]
    """A patient's request to be called back by the department."""

    __tablename__ = "callback_requests"

    id = Column(Integer, primary_key=True)
    # conversation id + time of the submission: makes writing a spooled entry twice harmless.
    request_key = Column(String(255), nullable=False, unique=True)
    conversation_id = Column(String(255), nullable=False)
    requested_at = Column(DateTime(timezone=True), nullable=False)  # UTC
    name = Column(String(200), nullable=False)
    phone = Column(String(40), nullable=False)
    preferred_time = Column(String(200), nullable=False)
    consent = Column(Boolean, nullable=False)
    status = Column(String(16), nullable=False, default="new")
    notes = Column(Text)
    updated_at = Column(DateTime(timezone=True))
    updated_by = Column(String(64))

    __table_args__ = (
        Index("ix_callback_requests_requested_at", "requested_at"),
        Index("ix_callback_requests_status", "status"),
    )
