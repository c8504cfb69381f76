"""Getting a history off a read-only disk (an old disk mounted to rescue it; a real small
tmpfs remounted read-only, see conftest.py): the CSV export reads it, and what it cannot
do there is said, never "your workouts could not be saved"."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from backleg_desktop.domain.history import SetEntry
from tests.faults.conftest import SmallDisk
from tests.support.cli import run_cli
from tests.support.stores import open_test_store

REPO = Path(__file__).resolve().parents[2]


def _history(data_dir: Path) -> None:
    with open_test_store(data_dir) as store:
        session = store.workouts.start_session("strength", pain_before=2)
        for n in (1, 2, 3):
            store.workouts.log_set(session.id, SetEntry("goblet-squat", n, reps=8))


def test_a_csv_export_reads_a_history_on_a_read_only_disk(
    small_disk: SmallDisk, tmp_path: Path
) -> None:
    data_dir = small_disk.root / "data"
    _history(data_dir)
    writable = tmp_path / "copy"
    shutil.copytree(data_dir, writable)
    assert run_cli(writable, "export", str(tmp_path / "expected.csv"))[0] == 0
    small_disk.remount("ro")

    code, out, err = run_cli(data_dir, "export", str(tmp_path / "rescued.csv"))

    # It was refused: "… is read-only, so your workouts could not be saved".
    assert (code, err) == (0, ""), err
    assert out == f"Exported 1 session (3 sets) to {tmp_path / 'rescued.csv'}.\n"
    assert (tmp_path / "rescued.csv").read_bytes() == (tmp_path / "expected.csv").read_bytes()


def test_a_json_export_there_points_to_the_csv_export(
    small_disk: SmallDisk, tmp_path: Path
) -> None:
    data_dir = small_disk.root / "data"
    _history(data_dir)
    small_disk.remount("ro")
    assert run_cli(data_dir, "export", str(tmp_path / "backup.json")) == (
        1,
        "",
        f"Backleg's data folder {data_dir} is on a read-only disk, where only a CSV export "
        "works (backleg export history.csv). For the JSON backup, copy the whole folder to "
        "a writable disk and export from there (--data-dir COPY).\n",
    )


def test_sets_still_in_the_wal_are_not_left_out_of_the_export(
    small_disk: SmallDisk, tmp_path: Path
) -> None:
    data_dir = small_disk.root / "data"
    _history(data_dir)
    # A process killed with sets in the WAL, before any checkpoint.
    killed = textwrap.dedent(
        f"""
        import os, signal, sqlite3
        db = sqlite3.connect({str(data_dir / "backleg.sqlite3")!r}, isolation_level=None)
        db.execute("PRAGMA wal_autocheckpoint=0")
        db.execute("UPDATE sets SET reps = 9")
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    done = subprocess.run([sys.executable, "-c", killed], cwd=REPO, timeout=60)
    assert done.returncode == -signal.SIGKILL
    wal = data_dir / "backleg.sqlite3-wal"
    assert wal.stat().st_size > 0
    small_disk.remount("ro")

    code, out, err = run_cli(data_dir, "export", str(tmp_path / "rescued.csv"))

    assert (code, out) == (1, "")
    assert err == (
        f"Backleg's data folder {data_dir} is on a read-only disk, and {wal} holds sets not "
        "yet merged into the history, which only a writable disk allows. Copy the whole "
        "folder to a writable disk and export from there (--data-dir COPY).\n"
    )
    assert not (tmp_path / "rescued.csv").exists()
