"""Herniated-disc swaps of a session: which plan item is done as which exercise.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision: str | None = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A new table: the sets and sessions tables are not touched.
    op.create_table(
        "session_swaps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("item_index", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(200), nullable=False),
        sa.Column("bodyweight", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_session_swaps_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_swaps")),
        sa.UniqueConstraint("session_id", "item_index", name=op.f("uq_session_swaps_session_id")),
    )


def downgrade() -> None:
    op.drop_table("session_swaps")
