"""Alembic environment: run on the connection that backleg_desktop.storage.schema passes in."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from backleg_desktop.storage.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        # Developer use (`alembic revision --autogenerate` with -x url=...): own engine.
        url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///backleg.sqlite3")
        with create_engine(url).connect() as conn:
            _configure_and_run(conn)
        return
    _configure_and_run(connection)


def _configure_and_run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: rebuild tables instead
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("Backleg migrations run online only")
run_migrations()
