"""Shares and channel settings carry the workspace they belong to (uninstalls delete them).

Existing rows keep a NULL workspace: they are deleted by retention (shares)
or with the whole platform (a single-workspace uninstall), as before.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = ("shares", "channel_settings")


def upgrade() -> None:
    """Add the nullable, indexed `workspace` column (batch mode: SQLite rebuilds the table)."""
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("workspace", sa.String(64), nullable=True))
            batch.create_index(f"ix_{table}_workspace", ["workspace"])


def downgrade() -> None:
    """Drop the column and its index again."""
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_workspace")
            batch.drop_column("workspace")
