"""The window on an unusable data folder says what is wrong in a dialog, never a
traceback and never "Another Backleg is using … and did not answer"."""

from __future__ import annotations

from pathlib import Path

import pytest

from backleg_desktop.storage.paths import DB_FILENAME
from tests.faults.test_full_disk_open import gui
from tests.support.stores import open_test_store


def test_a_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    shown = gui(loop)
    assert "is a symbolic link that loops" in shown and "Another Backleg" not in shown


def test_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    shown = gui(blocker)
    assert f"Backleg cannot use its data folder {blocker}" in shown
    assert "Another Backleg" not in shown


def test_a_history_file_that_cannot_be_written(data_dir: Path) -> None:
    import shutil
    import subprocess

    if shutil.which("chattr") is None:
        pytest.skip("needs chattr (e2fsprogs)")
    with open_test_store(data_dir) as store:  # a history with a session in it
        store.workouts.start_session("strength", pain_before=1)
    db = data_dir / DB_FILENAME
    if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode != 0:
        pytest.skip("this file system or user cannot set the immutable attribute")
    try:
        shown = gui(data_dir)
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=True)
    assert f"Backleg cannot write to its history file {db}" in shown
