"""Answer feedback: "Was this helpful?" per topic answer, with an optional redacted comment.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "answer_feedback",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("message_id", sa.String(80), nullable=False),
        sa.Column("topic", sa.String(64), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text()),
        sa.Column("given_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("message_id", "topic", name="uq_answer_feedback_message_topic"),
    )
    op.create_index("ix_answer_feedback_given_at", "answer_feedback", ["given_at"])
    op.create_index("ix_answer_feedback_conversation_id", "answer_feedback", ["conversation_id"])


def downgrade() -> None:
    op.drop_table("answer_feedback")
