"""Bring backleg.sqlite3 to the newest schema.

A new database is created from the models and stamped at head (fast, no Alembic). An older
one is upgraded by the migrations in migrations/versions; Alembic is imported only then,
since it costs start-up time. tests/storage/test_migrations.py checks that both paths give
the same schema and that HEAD_REVISION is Alembic's head.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
)
from sqlalchemy.pool import NullPool

from backleg_desktop.storage.engine import make_engine
from backleg_desktop.storage.models import Base
from backleg_desktop.storage.revisions import HEAD_REVISION as HEAD_REVISION
from backleg_desktop.storage.revisions import REVISIONS as REVISIONS

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# The same table Alembic creates, so a database stamped here looks like one it stamped.
_version_metadata = MetaData()
alembic_version = Table(
    "alembic_version",
    _version_metadata,
    Column("version_num", String(32), nullable=False),
    PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
)


class MigrationError(RuntimeError):
    pass


def create_at_head(engine: Engine) -> None:
    """Create every table of an empty database and record it as being at HEAD_REVISION."""
    with engine.begin() as conn:
        Base.metadata.create_all(conn)
        _version_metadata.create_all(conn)
        conn.execute(alembic_version.delete())
        conn.execute(alembic_version.insert().values(version_num=HEAD_REVISION))


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def _migration_engine(db_path: Path) -> Engine:
    # Foreign keys off while migrating: rebuilding a table in batch mode drops the old
    # one, and with enforcement on that would cascade-delete every set.
    return make_engine(db_path, foreign_keys=False, begin="IMMEDIATE", poolclass=NullPool)


def upgrade(db_path: Path, revision: str = "head") -> None:
    """Run the migrations up to `revision` in one transaction: all of them or none."""
    from alembic import command

    engine = _migration_engine(db_path)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), revision)
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise MigrationError(f"migration left {len(broken)} rows without their parent")
    finally:
        engine.dispose()


def script_head() -> str:
    """Alembic's idea of the head revision (tests and tooling only: imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise MigrationError("no migrations found")
    return head


def all_revisions() -> list[str]:
    """Every revision, oldest first (tests and tooling only)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]
