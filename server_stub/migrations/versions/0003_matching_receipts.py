"""matching_receipt: signed receipts of the students' application lists

Revision ID: 0003
Revises: 0002
Created: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "matching_receipt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("post_ids", sa.JSON(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["matching_candidate.id"],
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["round_id"], ["matching_round.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("candidate_id", "round_id", "version"),
    )
    with op.batch_alter_table("matching_receipt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_matching_receipt_candidate_id"), ["candidate_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("matching_receipt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_matching_receipt_candidate_id"))
    op.drop_table("matching_receipt")
