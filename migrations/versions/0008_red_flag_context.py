"""Why a message was (or was not) an emergency: the red flag and the deciding context cue.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("questions") as batch:
        batch.add_column(sa.Column("red_flag", sa.String(64)))
        batch.add_column(sa.Column("red_flag_cue", sa.String(64)))
    op.create_index("ix_questions_red_flag", "questions", ["red_flag"])


def downgrade() -> None:
    op.drop_index("ix_questions_red_flag", table_name="questions")
    with op.batch_alter_table("questions") as batch:
        batch.drop_column("red_flag_cue")
        batch.drop_column("red_flag")
