"""Shares keep the feedback given on their digest (person → useful / not_useful).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the nullable `feedback` column: existing shares have none."""
    with op.batch_alter_table("shares") as batch:
        batch.add_column(sa.Column("feedback", sa.JSON(), nullable=True))


def downgrade() -> None:
    """Drop the feedback again."""
    with op.batch_alter_table("shares") as batch:
        batch.drop_column("feedback")
