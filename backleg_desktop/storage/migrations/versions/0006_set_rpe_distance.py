"""A set's RPE (rate of perceived exertion) and distance, from Strong and Hevy imports.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision: str | None = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain nullable columns: SQLite adds them in place, so no copy of the sets table.
    # The ranges (RPE 0-10, distance >= 0) are checked where values come in.
    with op.batch_alter_table("sets") as batch:
        batch.add_column(sa.Column("rpe", sa.Float(), nullable=True))
        batch.add_column(sa.Column("distance_m", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sets") as batch:
        batch.drop_column("distance_m")
        batch.drop_column("rpe")
