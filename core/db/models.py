"""Tables the action server writes and staff read.

Rasa's SQL tracker store keeps whole transcripts in its own `events` table in the same
database; these tables hold one row per patient question and per callback request, and the
log entries that could not be written (the quarantine).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, registry

mapper_registry = registry()
Base = mapper_registry.generate_base()

MAX_TEXT_CHARS = 2000  # longer messages are stored cut, with `text_truncated` set

OUTCOMES = ("answered", "fallback", "out_of_scope", "emergency", "handoff")
# "withdrawn": the patient took the request back right after sending it (round 21).
CALLBACK_STATUSES = ("new", "contacted", "closed", "withdrawn")


class Question(Base):  # type: ignore[misc, valid-type]
    """One patient message that asked something, with what the bot did about it."""

    __tablename__ = "questions"

    id: Mapped[int] = Column(Integer, primary_key=True)
    # Rasa's id of the user message: makes writing a spooled entry twice harmless.
    message_id: Mapped[str] = Column(String(64), nullable=False, unique=True)
    conversation_id: Mapped[str] = Column(String(255), nullable=False)
    asked_at: Mapped[datetime] = Column(DateTime(timezone=True), nullable=False)  # UTC
    channel: Mapped[str | None] = Column(String(64))
    text: Mapped[str] = Column(Text, nullable=False)  # phone numbers and e-mail addresses redacted
    text_truncated: Mapped[bool] = Column(Boolean, nullable=False, default=False)
    intent: Mapped[str | None] = Column(String(64))
    confidence: Mapped[float | None] = Column(Float)
    response: Mapped[str | None] = Column(Text)
    outcome: Mapped[str] = Column(String(16), nullable=False)
    model_version: Mapped[str | None] = Column(String(128))
    # The red flag the message mentioned (report or talk) and the context cue that decided:
    # "question: side effect", "report: an hour ago"; NULL cue with a flag: no cue decided,
    # a plain report (addons/safety/red_flag_context.py). Staff see why it was an emergency.
    red_flag: Mapped[str | None] = Column(String(64))
    red_flag_cue: Mapped[str | None] = Column(String(64))
    # Staff review (staff console): who reviewed it, and the right topic if the bot was wrong.
    reviewed_at: Mapped[datetime | None] = Column(DateTime(timezone=True))
    reviewed_by: Mapped[str | None] = Column(String(64))
    corrected_intent: Mapped[str | None] = Column(String(64))

    __table_args__ = (
        Index("ix_questions_asked_at", "asked_at"),
        Index("ix_questions_conversation_id", "conversation_id"),
        Index("ix_questions_intent", "intent"),
        Index("ix_questions_outcome", "outcome"),
        Index("ix_questions_reviewed_at", "reviewed_at"),
        Index("ix_questions_asked_at_outcome_intent", "asked_at", "outcome", "intent"),
        Index("ix_questions_red_flag", "red_flag"),
    )


class CallbackRequest(Base):  # type: ignore[misc, valid-type]
    """A patient's request to be called back by the department."""

    __tablename__ = "callback_requests"

    id: Mapped[int] = Column(Integer, primary_key=True)
    # conversation id + time of the submission: makes writing a spooled entry twice harmless.
    request_key: Mapped[str] = Column(String(255), nullable=False, unique=True)
    conversation_id: Mapped[str] = Column(String(255), nullable=False)
    requested_at: Mapped[datetime] = Column(DateTime(timezone=True), nullable=False)  # UTC
    name: Mapped[str] = Column(String(200), nullable=False)
    phone: Mapped[str] = Column(String(40), nullable=False)
    preferred_time: Mapped[str] = Column(String(200), nullable=False)
    consent: Mapped[bool] = Column(Boolean, nullable=False)
    status: Mapped[str] = Column(String(16), nullable=False, default="new")
    notes: Mapped[str | None] = Column(Text)
    updated_at: Mapped[datetime | None] = Column(DateTime(timezone=True))
    updated_by: Mapped[str | None] = Column(String(64))

    __table_args__ = (
        Index("ix_callback_requests_requested_at", "requested_at"),
        Index("ix_callback_requests_status", "status"),
    )


class QuarantinedEntry(Base):  # type: ignore[misc, valid-type]
    """A log entry the writer could not store, kept aside so that it blocks nothing.

    `kind` is the entry's kind (`question`, `callback`) or `spool_line` for a line of the
    spool that was not an entry at all; `entry_key` is the entry's unique key (or a digest of
    the line), so an entry re-created later (the back-fill) is not quarantined twice.
    `payload` is the entry as ASCII-only JSON: NUL and other characters a database or a
    terminal would trip over are escaped. Admins see kind, key, reason and time.
    """

    __tablename__ = "log_quarantine"

    id: Mapped[int] = Column(Integer, primary_key=True)
    kind: Mapped[str] = Column(String(16), nullable=False)
    entry_key: Mapped[str] = Column(String(255), nullable=False)
    reason: Mapped[str] = Column(String(255), nullable=False)  # names the field, never its value
    payload: Mapped[str] = Column(Text, nullable=False)
    quarantined_at: Mapped[datetime] = Column(DateTime(timezone=True), nullable=False)  # UTC

    __table_args__ = (
        UniqueConstraint("kind", "entry_key", name="uq_log_quarantine_kind_entry_key"),
        Index("ix_log_quarantine_quarantined_at", "quarantined_at"),
    )


class MessageReceipt(Base):  # type: ignore[misc, valid-type]
    """A client's message id, claimed by the Rasa server answering it (see
    addons/channels/idempotency.py).

    Why in the database: a widget that times out resends its message with the same id, and the
    load balancer may send the retry to another Rasa server; the claim must be seen by every
    server. `lease_until` is how long the claiming server may take before another may take
    the message over (it died); `answered_at` is set once the reply was sent. No text is kept:
    a repeated message is answered from the stored transcript.
    """

    __tablename__ = "message_receipts"

    id: Mapped[int] = Column(Integer, primary_key=True)
    conversation_id: Mapped[str] = Column(String(255), nullable=False)
    message_key: Mapped[str] = Column(String(64), nullable=False)
    claimed_at: Mapped[datetime] = Column(DateTime(timezone=True), nullable=False)  # UTC
    lease_until: Mapped[datetime] = Column(DateTime(timezone=True), nullable=False)
    answered_at: Mapped[datetime | None] = Column(DateTime(timezone=True))

    __table_args__ = (
        UniqueConstraint(
            "conversation_id", "message_key", name="uq_message_receipts_conversation_key"
        ),
        Index("ix_message_receipts_claimed_at", "claimed_at"),
    )


class FormAnswer(Base):  # type: ignore[misc, valid-type]
    """A call-back form answer while the form is still being filled (addons/stores/form_answers.py).

    Why: transcripts store the form's answers masked, so a Rasa server reading the
    conversation from the database (another instance behind the balancer, or this one after
    a restart) saw the name as "[name removed]" and asked for it again. The answers wait here,
    keyed by conversation, only until the form ends (submitted or cancelled: deleted in the
    same transaction), a new session starts, or an abandoned form's answers reach
    FORM_ANSWERS_MINUTES unchanged (core/privacy/retention.py: `expired_form_answers`).
    """

    __tablename__ = "form_answers"

    id: Mapped[int] = Column(Integer, primary_key=True)
    conversation_id: Mapped[str] = Column(String(255), nullable=False)
    slot: Mapped[str] = Column(String(64), nullable=False)
    value: Mapped[str] = Column(Text, nullable=False)
    updated_at: Mapped[datetime] = Column(DateTime(timezone=True), nullable=False)  # UTC

    __table_args__ = (
        UniqueConstraint("conversation_id", "slot", name="uq_form_answers_conversation_slot"),
        Index("ix_form_answers_updated_at", "updated_at"),
    )


class AnswerFeedback(Base):  # type: ignore[misc, valid-type]
    """A patient's "Was this helpful?" on one topic answer (addons/channels/feedback.py).

    `message_id` is Rasa's id of the patient's message the answer replied to (the same id as
    `questions.message_id`), so staff see feedback beside the question; one vote per answer.
    The optional comment is redacted like every other patient text.
    """

    __tablename__ = "answer_feedback"

    id: Mapped[int] = Column(Integer, primary_key=True)
    conversation_id: Mapped[str] = Column(String(255), nullable=False)
    message_id: Mapped[str] = Column(String(80), nullable=False)
    topic: Mapped[str] = Column(String(64), nullable=False)
    helpful: Mapped[bool] = Column(Boolean, nullable=False)
    comment: Mapped[str | None] = Column(Text)
    given_at: Mapped[datetime] = Column(DateTime(timezone=True), nullable=False)  # UTC

    __table_args__ = (
        UniqueConstraint("message_id", "topic", name="uq_answer_feedback_message_topic"),
        Index("ix_answer_feedback_given_at", "given_at"),
        Index("ix_answer_feedback_conversation_id", "conversation_id"),
    )
