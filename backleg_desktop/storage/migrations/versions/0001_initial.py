"""Initial schema: sessions and their sets.

Revision ID: 0001
Revises:
Create Date: 2026-01-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.String(100), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("started_at", sa.String(26), nullable=False),
        sa.Column("ended_at", sa.String(26), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("pain_before", sa.Integer(), nullable=True),
        sa.Column("pain_after", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), server_default="", nullable=False),
        sa.CheckConstraint(
            "status IN ('in_progress', 'completed', 'ended_early', 'stopped_pain')",
            name=op.f("ck_sessions_status"),
        ),
        sa.CheckConstraint("pain_before BETWEEN 0 AND 10", name=op.f("ck_sessions_pain_before")),
        sa.CheckConstraint("pain_after BETWEEN 0 AND 10", name=op.f("ck_sessions_pain_after")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(200), nullable=False),
        sa.Column("set_number", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(10), server_default="both", nullable=False),
        sa.Column("kind", sa.String(10), server_default="working", nullable=False),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("load_kg", sa.Float(), nullable=True),
        sa.Column("duration_s", sa.Float(), nullable=True),
        sa.Column("rest_planned_s", sa.Float(), nullable=True),
        sa.Column("rest_taken_s", sa.Float(), nullable=True),
        sa.Column("completed_at", sa.String(26), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.CheckConstraint("side IN ('both', 'left', 'right')", name=op.f("ck_sets_side")),
        sa.CheckConstraint(
            "kind IN ('working', 'warmup', 'drop', 'failure')", name=op.f("ck_sets_kind")
        ),
        sa.CheckConstraint("reps >= 0", name=op.f("ck_sets_reps")),
        sa.CheckConstraint("load_kg >= 0", name=op.f("ck_sets_load_kg")),
        sa.CheckConstraint("set_number >= 1", name=op.f("ck_sets_set_number")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_sets_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sets")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_sets_session_id", "sets", ["session_id"])


def downgrade() -> None:
    op.drop_index("ix_sets_session_id", table_name="sets")
    op.drop_table("sets")
    op.drop_table("sessions")
