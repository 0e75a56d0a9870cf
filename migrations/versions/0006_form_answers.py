"""Form answers: the call-back form's answers while it is being filled, so that any Rasa
server can continue the form (the transcript keeps them masked).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "form_answers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("slot", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("conversation_id", "slot", name="uq_form_answers_conversation_slot"),
    )
    op.create_index("ix_form_answers_updated_at", "form_answers", ["updated_at"])


def downgrade() -> None:
    op.drop_table("form_answers")
