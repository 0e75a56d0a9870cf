"""Message receipts: a client's message id claimed once across every Rasa server (a retried
message is never answered twice).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "message_receipts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("message_key", sa.String(64), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True)),
        sa.UniqueConstraint(
            "conversation_id", "message_key", name="uq_message_receipts_conversation_key"
        ),
    )
    op.create_index("ix_message_receipts_claimed_at", "message_receipts", ["claimed_at"])


def downgrade() -> None:
    op.drop_table("message_receipts")
