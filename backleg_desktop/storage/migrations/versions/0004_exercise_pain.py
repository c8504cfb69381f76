"""Pain per exercise: the "How is your back?" answer after an exercise's last set.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exercise_pain",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(200), nullable=False),
        sa.Column("pain", sa.Integer(), nullable=False),
        sa.Column("asked_at", sa.String(26), nullable=False),  # as UTCDateTime stores it
        sa.CheckConstraint("pain BETWEEN 0 AND 10", name=op.f("ck_exercise_pain_pain")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_exercise_pain_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercise_pain")),
        sa.UniqueConstraint("session_id", "exercise_id", name=op.f("uq_exercise_pain_session_id")),
    )


def downgrade() -> None:
    op.drop_table("exercise_pain")
