"""Baseline: the schema of digestbot 0.1, as `schema.metadata` creates it.

Databases are created from the metadata and stamped at the newest revision, so
this revision has nothing to do; later revisions start from it.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing: the baseline schema comes from `metadata.create_all`."""


def downgrade() -> None:
    """Nothing to undo before the baseline."""
