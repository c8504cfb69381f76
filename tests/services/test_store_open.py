"""Opening the store: folder and file permissions, damaged files, upgrades, unusable folders."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.errors import (
    DataDirError,
    IncompatibleDatabaseError,
    StorageError,
)
from backleg_desktop.services.store import open_store
from backleg_desktop.storage import schema
from backleg_desktop.storage.paths import DB_FILENAME
from tests.support.library import minimal_library
from tests.support.stores import WallClock, open_test_store

SQUAT = SetEntry("goblet-squat", 1, reps=10, load_kg=16.0)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def log_one(data_dir: Path) -> int:
    with open_test_store(data_dir) as store:
        session = store.workouts.start_session("strength", pain_before=1)
        return store.workouts.log_set(session.id, SQUAT).id


def test_a_new_folder_and_database_are_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "nested" / "backleg"
    with open_test_store(data_dir) as store:
        store.workouts.start_session("strength", pain_before=0)
        assert store.db_path == data_dir / DB_FILENAME
        assert mode(data_dir) == 0o700
        for path in data_dir.glob(f"{DB_FILENAME}*"):
            assert mode(path) == 0o600, path
        assert store.notices == []
        assert (data_dir / f"{DB_FILENAME}-wal").exists()  # WAL journal is on


def test_pragmas_on_every_connection(data_dir: Path) -> None:
    with open_test_store(data_dir) as store:
        engine = store._engine
        assert engine is not None
        with engine.connect() as conn:
            pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") == 5000


def test_history_survives_closing_and_reopening(data_dir: Path) -> None:
    set_id = log_one(data_dir)
    with open_test_store(data_dir) as store:
        detail = store.workouts.in_progress_session()
        assert detail is not None
        assert [s.id for s in detail.sets] == [set_id]


@pytest.mark.parametrize(
    "damage",
    ["not_a_database", "garbage_pages", "truncated"],
)
def test_a_damaged_file_is_set_aside_unchanged_and_a_new_history_started(
    data_dir: Path, damage: str
) -> None:
    db = data_dir / DB_FILENAME
    if damage == "not_a_database":
        db.write_bytes(b"these are my notes, not a database\n" * 50)
    else:
        with open_test_store(data_dir) as store:
            session = store.workouts.start_session("strength", pain_before=1)
            for n in range(1, 400):
                store.workouts.log_set(session.id, SetEntry("goblet-squat", n, note="x" * 200))
        size = db.stat().st_size
        if damage == "truncated":
            with db.open("r+b") as f:
                f.truncate(size // 2)
        else:
            with db.open("r+b") as f:
                f.seek(4096 * 3)
                f.write(b"\xff" * 4096 * 4)
    original = db.read_bytes()

    clock = WallClock()
    with open_test_store(data_dir, clock) as store:
        aside = data_dir / f"{DB_FILENAME}.corrupt-{clock.now.astimezone():%Y%m%dT%H%M%S}"
        assert aside.read_bytes() == original
        assert len(store.notices) == 1 and str(aside) in store.notices[0]
        assert store.workouts.count_sessions() == 0
        store.workouts.start_session("strength", pain_before=1)  # the new file works
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_the_notice_points_to_the_latest_backup(data_dir: Path) -> None:
    with open_test_store(data_dir, make_daily_backup=True):
        pass
    (data_dir / DB_FILENAME).write_bytes(b"\0garbage" * 1000)
    with open_test_store(data_dir) as store:
        # The newest good backup, kept out of the rotation (a hard link beside it).
        assert "/backups/backleg-2026-11-25." in store.notices[0]
        assert "it is kept, and you can restore it" in store.notices[0]


def test_a_sqlite_file_that_is_not_a_backleg_history_is_set_aside(data_dir: Path) -> None:
    conn = sqlite3.connect(data_dir / DB_FILENAME)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with open_test_store(data_dir) as store:
        assert "not a Backleg history" in store.notices[0]
    assert list(data_dir.glob(f"{DB_FILENAME}.corrupt-*"))


def test_an_empty_file_becomes_a_new_history(data_dir: Path) -> None:
    (data_dir / DB_FILENAME).touch()
    with open_test_store(data_dir) as store:
        assert store.notices == []
        store.workouts.start_session(None, pain_before=None)


def test_an_old_schema_is_copied_aside_then_upgraded(data_dir: Path) -> None:
    db = data_dir / DB_FILENAME
    schema.upgrade(db, "0001")
    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT INTO sessions (name, started_at, status) "
        "VALUES ('Old', '2025-01-01 08:00:00.000000', 'completed')"
    )
    conn.commit()
    conn.close()
    clock = WallClock()
    with open_test_store(data_dir, clock) as store:
        [summary] = store.workouts.list_sessions()
        assert summary.session.name == "Old"
        store.workouts.add_user_exercise("Hip thrust")  # a 0002 table
        store.workouts.set_exercise_pain(summary.session.id, "leg-extension", 3)  # 0004
    stamp = f"{clock.now.astimezone():%Y%m%dT%H%M%S}"
    copy = data_dir / f"{DB_FILENAME}.pre-{schema.HEAD_REVISION}-{stamp}"
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    conn.close()


def test_a_broken_upgrade_is_a_sentence_and_leaves_the_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An Alembic error (e.g. a migration missing from a broken install) used to reach the
    user as a traceback, and the window never got its history."""
    from alembic.util.exc import CommandError

    db = data_dir / DB_FILENAME
    schema.upgrade(db, "0001")
    before = db.read_bytes()

    def broken(*_args: object, **_kwargs: object) -> None:
        raise CommandError("Can't locate revision identified by '0003'")

    monkeypatch.setattr(schema, "upgrade", broken)
    with pytest.raises(StorageError) as caught:
        open_test_store(data_dir, WallClock())
    message = str(caught.value)
    assert str(db) in message and "Can't locate revision" in message
    assert "left as it was" in message and ".pre-" in message
    assert db.read_bytes() == before


def test_a_newer_schema_is_refused_and_left_alone(data_dir: Path) -> None:
    log_one(data_dir)
    db = data_dir / DB_FILENAME
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(IncompatibleDatabaseError, match="newer version"):
        open_test_store(data_dir)
    assert db.read_bytes() == before


def test_a_file_where_the_folder_should_be_is_a_clear_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("hello")
    with pytest.raises(DataDirError, match="is a file, not a folder"):
        open_store(not_a_folder, minimal_library())


def test_a_folder_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(DataDirError, match="could not create its data folder"):
        open_store(blocker / "data", minimal_library())


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_a_read_only_folder_is_a_clear_error(data_dir: Path) -> None:
    data_dir.chmod(0o500)
    try:
        with pytest.raises(DataDirError, match="read-only"):
            open_store(data_dir, minimal_library())
    finally:
        data_dir.chmod(0o700)


def test_a_read_only_folder_is_reported_even_for_root(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, m: False if Path(p) == data_dir else real_access(p, m)
    )
    with pytest.raises(DataDirError, match=str(data_dir)):
        open_store(data_dir, minimal_library())


def test_opening_an_up_to_date_history_does_not_import_alembic(data_dir: Path) -> None:
    import subprocess
    import sys

    log_one(data_dir)
    script = (
        "import sys; from pathlib import Path; "
        "from tests.support.stores import open_test_store; "
        f"open_test_store(Path({str(data_dir)!r})).close(); "
        "print('alembic' in sys.modules)"
    )
    repo = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=repo, check=True
    )
    assert out.stdout.strip() == "False"
