"""Question log and callback requests.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "questions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("message_id", sa.String(64), nullable=False, unique=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(64)),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_truncated", sa.Boolean(), nullable=False),
        sa.Column("intent", sa.String(64)),
        sa.Column("confidence", sa.Float()),
        sa.Column("response", sa.Text()),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("model_version", sa.String(128)),
    )
    op.create_index("ix_questions_asked_at", "questions", ["asked_at"])
    op.create_index("ix_questions_conversation_id", "questions", ["conversation_id"])
    op.create_index("ix_questions_intent", "questions", ["intent"])
    op.create_index("ix_questions_outcome", "questions", ["outcome"])
    op.create_table(
        "callback_requests",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("request_key", sa.String(255), nullable=False, unique=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("preferred_time", sa.String(200), nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("notes", sa.Text()),
    )
    op.create_index("ix_callback_requests_requested_at", "callback_requests", ["requested_at"])
    op.create_index("ix_callback_requests_status", "callback_requests", ["status"])


def downgrade() -> None:
    op.drop_table("callback_requests")
    op.drop_table("questions")
