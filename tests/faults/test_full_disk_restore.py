"""A restore onto a full disk (a real small tmpfs, see conftest.py): the history stays as
it was, the message says the backup was not restored, and the copy of the history made
before the attempt does not stay behind to hold the little room there is."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services import backups
from backleg_desktop.storage import sqlite_files
from tests.faults.conftest import SmallDisk
from tests.support.cli import run_cli
from tests.support.stores import open_test_store


def _big_backup(tmp_path: Path) -> Path:
    """A real history of about 1.5 MiB, made outside the small disk."""
    data_dir = tmp_path / "other"
    with open_test_store(data_dir) as store:
        session = store.workouts.start_session("strength", pain_before=2)
        for n in range(1, 161):
            store.workouts.log_set(session.id, SetEntry("goblet-squat", n, reps=8, note="x" * 9000))
    return data_dir / "backleg.sqlite3"


def test_a_restore_onto_a_full_disk_changes_nothing_and_keeps_no_copy(
    small_disk: SmallDisk, tmp_path: Path
) -> None:
    backup = _big_backup(tmp_path)
    data_dir = small_disk.root / "data"
    with open_test_store(data_dir) as store:
        session = store.workouts.start_session("strength", pain_before=2)
        store.workouts.log_set(session.id, SetEntry("goblet-squat", 1, reps=8))
    small_disk.fill()
    # Room for a copy of the small history, not for the backup written into it.
    filler = small_disk.root / "filler"
    os.truncate(filler, filler.stat().st_size - 400 * 1024)

    code, out, err = run_cli(data_dir, "restore", str(backup))

    assert (code, out) == (1, "")
    assert err == (
        f"The disk holding {data_dir} is full, so {backup} was not restored. Your history "
        "is as it was. Free some space and try again.\n"
    )
    assert sorted(p.name for p in data_dir.iterdir() if "before-restore" in p.name) == []
    small_disk.free()
    with sqlite3.connect(data_dir / "backleg.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM sets").fetchone() == (1,)


def test_ctrl_c_just_after_the_restore_committed_keeps_the_replaced_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = _big_backup(tmp_path)
    data_dir = tmp_path / "data"
    with open_test_store(data_dir) as store:
        session = store.workouts.start_session("strength", pain_before=2)
        store.workouts.log_set(session.id, SetEntry("goblet-squat", 1, reps=8))
    real_copy = sqlite_files.copy_into

    def copy_then_ctrl_c(source: Path, live: Path) -> None:
        real_copy(source, live)
        raise KeyboardInterrupt  # the signal handled once SQLite returned

    monkeypatch.setattr(sqlite_files, "copy_into", copy_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        backups.restore_backup(data_dir, backup)
    # The live file holds the backup now: the copy of what it replaced must stay.
    (kept,) = [p for p in data_dir.iterdir() if "before-restore" in p.name]
    with sqlite3.connect(kept) as db:
        assert db.execute("SELECT count(*) FROM sets").fetchone() == (1,)
