"""Only real damage is corruption: a full or read-only disk at start-up moves nothing.

On a real small tmpfs (see conftest.py): the history is left where it is, the message
says what is wrong (not "damaged", not "another Backleg"), and once there is room again
the same history opens with every set.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from backleg_desktop.__main__ import build_parser
from backleg_desktop.cli import run
from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services import backups
from backleg_desktop.services.errors import BackupError, StorageFullError
from backleg_desktop.storage.paths import DB_FILENAME
from tests.faults.conftest import SmallDisk
from tests.support.stores import open_test_store

REPO = Path(__file__).resolve().parents[2]

# The real start-up (app.run_gui), with each dialog printed instead of shown.
_GUI = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication, QMessageBox
    from backleg_desktop import app

    def shown(parent, title, text, *args, **kwargs):
        print("DIALOG", title, "|", " ".join(text.split()), flush=True)
        QApplication.exit(7)
        return QMessageBox.StandardButton.Ok

    QMessageBox.critical = shown
    QMessageBox.information = shown
    sys.exit(app.run_gui(Path(sys.argv[1])))
    """
)


def history_on(disk: SmallDisk) -> tuple[Path, list[int]]:
    data_dir = disk.root / "data"
    with open_test_store(data_dir) as store:
        session = store.workouts.start_session("strength", pain_before=2)
        ids = [
            store.workouts.log_set(session.id, SetEntry("goblet-squat", n, reps=8)).id
            for n in (1, 2, 3)
        ]
    return data_dir, ids


def nothing_moved(data_dir: Path) -> bool:
    return not [p for p in data_dir.iterdir() if ".corrupt-" in p.name]


def gui(data_dir: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _GUI, str(data_dir)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout


def test_a_full_disk_at_open_moves_nothing_and_the_history_is_back_with_room(
    small_disk: SmallDisk,
) -> None:
    data_dir, set_ids = history_on(small_disk)
    db = data_dir / DB_FILENAME
    before = db.read_bytes()
    small_disk.fill()

    with pytest.raises(StorageFullError) as caught:
        open_test_store(data_dir)
    message = str(caught.value)
    assert "is full" in message and "not moved or changed" in message and str(db) in message
    assert nothing_moved(data_dir) and db.read_bytes() == before

    small_disk.free()
    with open_test_store(data_dir) as store:
        [summary] = store.workouts.list_sessions()
        assert [s.id for s in store.workouts.session_detail(summary.session.id).sets] == set_ids


def test_the_command_line_says_the_disk_is_full_and_moves_nothing(
    small_disk: SmallDisk, tmp_path: Path
) -> None:
    data_dir, _ = history_on(small_disk)
    small_disk.fill()
    out, err = io.StringIO(), io.StringIO()
    args = build_parser().parse_args(["export", str(tmp_path / "out.csv")])
    assert run(args, data_dir, out=out, err=err) == 1
    assert "is full" in err.getvalue() and "Traceback" not in err.getvalue()
    assert "Exported" not in out.getvalue() and nothing_moved(data_dir)


def test_the_window_on_a_full_disk_says_so(small_disk: SmallDisk) -> None:
    data_dir, _ = history_on(small_disk)
    small_disk.fill()
    shown = gui(data_dir)
    assert "is full" in shown and "Another Backleg" not in shown
    assert nothing_moved(data_dir)


def test_the_window_on_a_read_only_disk_says_so(small_disk: SmallDisk) -> None:
    data_dir, _ = history_on(small_disk)
    small_disk.remount("ro")
    shown = gui(data_dir)
    assert "cannot write in its data folder" in shown and "Read-only file system" in shown
    assert "Another Backleg" not in shown


def test_a_failed_backup_on_a_full_disk_leaves_no_partial_file(small_disk: SmallDisk) -> None:
    data_dir, _ = history_on(small_disk)
    with open_test_store(data_dir) as store:  # enough history that a copy cannot fit
        session = store.workouts.start_session("strength", pain_before=2)
        for n in range(1, 40):
            store.workouts.log_set(session.id, SetEntry("goblet-squat", n, note="x" * 3000))
    folder = backups.backups_dir(data_dir)
    folder.mkdir(mode=0o700)
    small_disk.fill()
    with pytest.raises(BackupError, match="could not be written") as caught:
        backups.make_daily_backup(data_dir, date(2026, 11, 25))
    assert "disk is full" in str(caught.value)
    assert list(folder.iterdir()) == []  # no backleg-2026-11-25.sqlite3.partial
