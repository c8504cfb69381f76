"""Only real damage is corruption: a history another program holds locked is reported as
busy and stays where it is; only SQLite's verdict "not a database" or a failed check sets a
file aside (the full and read-only disks are in tests/faults/test_full_disk_open.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.errors import StorageError
from backleg_desktop.storage import sqlite_files
from backleg_desktop.storage.paths import DB_FILENAME
from tests.support.stores import open_test_store


def history(data_dir: Path) -> Path:
    with open_test_store(data_dir) as store:
        session = store.workouts.start_session("strength", pain_before=1)
        store.workouts.log_set(session.id, SetEntry("goblet-squat", 1, reps=10))
    return data_dir / DB_FILENAME


def test_a_history_locked_by_another_program_is_busy_not_damaged(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = history(data_dir)
    other = sqlite3.connect(db, isolation_level=None)  # e.g. a database browser
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(sqlite_files, "BUSY_TIMEOUT_MS", 50)  # not the real 5 s
    try:
        with pytest.raises(StorageError, match="busy with another program") as caught:
            open_test_store(data_dir)
        assert "not moved or changed" in str(caught.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not list(data_dir.glob(f"{DB_FILENAME}.corrupt-*"))
    with open_test_store(data_dir) as store:
        assert store.workouts.count_sessions() == 1


def test_probe_calls_only_sqlites_own_verdicts_damage(data_dir: Path) -> None:
    db = history(data_dir)
    assert sqlite_files.probe(db).state == "ok"
    notes = data_dir / "notes.sqlite3"
    notes.write_bytes(b"plain text, not a database\n" * 100)
    assert sqlite_files.probe(notes).state == "corrupt"  # SQLITE_NOTADB
    with pytest.raises(IsADirectoryError):  # a folder is no damaged database
        sqlite_files.probe(data_dir)
