"""intern: the first entry's check of his faculty and passing order

Revision ID: 0002
Revises: 0001
Created: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("intern") as batch:
        batch.add_column(sa.Column("details_checked_at", sa.DateTime(timezone=True),
                                   nullable=True))
        batch.add_column(sa.Column("details_report", sa.String(length=500), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("intern") as batch:
        batch.drop_column("details_report")
        batch.drop_column("details_checked_at")
