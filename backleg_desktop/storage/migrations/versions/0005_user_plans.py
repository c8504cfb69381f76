"""Plans of the user's own: one row a plan, its items as JSON in the shape of plans.toml.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision: str | None = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "user_plans",
        # A stable id ("user-plan:<uuid>") that sessions keep as their plan_id.
        sa.Column("id", sa.String(100), nullable=False),
        sa.Column("name", sa.String(200, collation="NOCASE"), nullable=False),
        sa.Column("summary", sa.Text(), server_default="", nullable=False),
        # The items, a JSON list of objects with the keys of a [[plan.item]] table.
        sa.Column("items_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(26), nullable=False),  # as UTCDateTime stores it
        sa.Column("updated_at", sa.String(26), nullable=False),
        sa.Column("last_used_at", sa.String(26), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_plans")),
        sa.UniqueConstraint("name", name=op.f("uq_user_plans_name")),
    )


def downgrade() -> None:
    op.drop_table("user_plans")
