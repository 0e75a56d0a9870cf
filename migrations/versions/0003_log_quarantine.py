"""Quarantine for log entries that cannot be written.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "log_quarantine",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("entry_key", sa.String(255), nullable=False),
        sa.Column("reason", sa.String(255), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("quarantined_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("kind", "entry_key", name="uq_log_quarantine_kind_entry_key"),
    )
    op.create_index("ix_log_quarantine_quarantined_at", "log_quarantine", ["quarantined_at"])


def downgrade() -> None:
    op.drop_table("log_quarantine")
