"""Where a stop for pain happened, user exercises from imports, indexes for history views.

Revision ID: 0002
Revises: 0001
Create Date: 2026-02-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("stop_exercise_id", sa.String(200), nullable=True))
        batch.add_column(sa.Column("stop_set_number", sa.Integer(), nullable=True))
    op.create_index("ix_sessions_started_at", "sessions", ["started_at"])
    op.create_index("ix_sessions_status", "sessions", ["status"])
    # (session_id, exercise_id) also serves the foreign key, so the old index goes.
    op.drop_index("ix_sets_session_id", table_name="sets")
    op.create_index("ix_sets_session_id_exercise_id", "sets", ["session_id", "exercise_id"])
    op.create_index("ix_sets_exercise_id_session_id", "sets", ["exercise_id", "session_id"])
    op.create_table(
        "user_exercises",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200, collation="NOCASE"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_exercises")),
        sa.UniqueConstraint("name", name=op.f("uq_user_exercises_name")),
    )


def downgrade() -> None:
    op.drop_table("user_exercises")
    op.drop_index("ix_sets_exercise_id_session_id", table_name="sets")
    op.drop_index("ix_sets_session_id_exercise_id", table_name="sets")
    op.create_index("ix_sets_session_id", "sets", ["session_id"])
    op.drop_index("ix_sessions_status", table_name="sessions")
    op.drop_index("ix_sessions_started_at", table_name="sessions")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("stop_set_number")
        batch.drop_column("stop_exercise_id")
