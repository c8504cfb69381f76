"""Paths are paths: a data folder whose name holds `?`, `#` or `%41` opens the right file,
for the store, its backups, a restore and the schema check (they used to build SQLite URIs
and SQLAlchemy URLs from the raw path, so `?` started a query and `%41` became `A`)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services import backups
from backleg_desktop.services.errors import IncompatibleDatabaseError
from backleg_desktop.storage.paths import DB_FILENAME
from tests.support.stores import open_test_store

NAMES = ["what?", "a#b", "x%41y", "all ?#%41 & more", "ünïcode?x=1"]


def count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def everything_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", NAMES)
def test_the_history_backups_and_restore_use_the_folder_as_named(tmp_path: Path, name: str) -> None:
    data_dir = tmp_path / name / "data"
    with open_test_store(data_dir) as store:
        session = store.workouts.start_session("strength", pain_before=1)
        store.workouts.log_set(session.id, SetEntry("goblet-squat", 1, reps=10))
        assert store.db_path == data_dir / DB_FILENAME
    db = data_dir / DB_FILENAME
    assert count(db, "sets") == 1
    # Nothing was written beside the folder (e.g. "what" for "what?/data/...").
    assert all(data_dir in p.parents for p in everything_under(tmp_path)), everything_under(
        tmp_path
    )

    backup = backups.make_daily_backup(data_dir, date(2026, 11, 24))
    assert backup is not None and count(backup, "sets") == 1  # a copy of this history
    with open_test_store(data_dir) as store:
        store.workouts.start_session("quick-add-on", pain_before=2)
    kept = backups.restore_backup(data_dir, backup)
    assert kept is not None and count(kept, "sessions") == 2
    assert count(db, "sessions") == 1


@pytest.mark.parametrize("name", NAMES)
def test_a_newer_schema_in_such_a_folder_is_refused_not_reset(tmp_path: Path, name: str) -> None:
    data_dir = tmp_path / name
    with open_test_store(data_dir) as store:
        store.workouts.start_session("strength", pain_before=1)
    db = data_dir / DB_FILENAME
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(IncompatibleDatabaseError, match="newer version"):
        open_test_store(data_dir)
    assert count(db, "sessions") == 1
