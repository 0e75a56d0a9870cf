"""Staff console: review fields, callback updates, staff accounts, audit log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("questions") as batch:
        batch.add_column(sa.Column("reviewed_at", sa.DateTime(timezone=True)))
        batch.add_column(sa.Column("reviewed_by", sa.String(64)))
        batch.add_column(sa.Column("corrected_intent", sa.String(64)))
        batch.create_index("ix_questions_reviewed_at", ["reviewed_at"])
        # Covers the dashboard's per-period counts without reading the rows themselves.
        batch.create_index(
            "ix_questions_asked_at_outcome_intent", ["asked_at", "outcome", "intent"]
        )
    with op.batch_alter_table("callback_requests") as batch:
        batch.add_column(sa.Column("updated_at", sa.DateTime(timezone=True)))
        batch.add_column(sa.Column("updated_by", sa.String(64)))
    op.create_table(
        "staff_users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("detail", sa.Text()),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])


def downgrade() -> None:
    op.drop_table("audit_log")
    op.drop_table("staff_users")
    with op.batch_alter_table("callback_requests") as batch:
        batch.drop_column("updated_by")
        batch.drop_column("updated_at")
    with op.batch_alter_table("questions") as batch:
        batch.drop_index("ix_questions_asked_at_outcome_intent")
        batch.drop_index("ix_questions_reviewed_at")
        batch.drop_column("corrected_intent")
        batch.drop_column("reviewed_by")
        batch.drop_column("reviewed_at")
