"""Never under a running window: the data-folder lock (storage/lock.py), held by real processes.

The window and every import or export hold the lock shared; restore, and setting a damaged
file aside, take it exclusive. The lock is the kernel's (flock), so a killed holder or a
lock file naming a live PID never blocks anyone.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.backups import make_daily_backup
from backleg_desktop.services.store import open_store
from backleg_desktop.storage.lock import LOCK_FILENAME, FolderBusy, FolderLock
from backleg_desktop.storage.paths import DB_FILENAME
from tests.support.cli import run_cli, sessions_in

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}

# Opens the store as `backleg import` does (it holds the store for its whole run), then
# waits until its stdin closes.
_IMPORT_LIKE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from backleg_desktop.content.loader import load_library
    from backleg_desktop.services.store import open_store
    store = open_store(Path(sys.argv[1]), load_library(), make_daily_backup=False)
    print("open", flush=True)
    sys.stdin.read()
    store.close()
    """
)


# Takes the folder lock as the window does before its store opens, and nothing else.
_LOCK_ONLY = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from backleg_desktop.storage.lock import folder_lock
    folder_lock(Path(sys.argv[1])).acquire_shared()
    print("open", flush=True)
    sys.stdin.read()
    """
)


def history_with_backup(data_dir: Path) -> Path:
    with open_store(data_dir, load_library(), make_daily_backup=False) as store:
        session = store.workouts.start_session("strength", pain_before=2)
        store.workouts.log_set(session.id, SetEntry("leg-extension", 1, reps=12, load_kg=20))
    backup = make_daily_backup(data_dir, date(2026, 11, 24))
    assert backup is not None
    with open_store(data_dir, load_library(), make_daily_backup=False) as store:
        store.workouts.start_session("strength", pain_before=1)  # after the backup
    return backup


def held_elsewhere(data_dir: Path) -> bool:
    """True while another process holds the folder lock (asked with a fresh handle)."""
    probe = FolderLock(data_dir)
    try:
        with probe.exclusive():
            return False
    except FolderBusy:
        return True


@pytest.fixture
def window(data_dir: Path) -> Iterator[subprocess.Popen[bytes]]:
    """The real app (`python -m backleg_desktop`), offscreen, once it holds the folder."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "backleg_desktop", "--data-dir", str(data_dir)],
        env=ENV,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    give_up = time.monotonic() + 60
    while not held_elsewhere(data_dir):
        assert proc.poll() is None, "the window exited"
        assert time.monotonic() < give_up, "the window never took the folder lock"
        time.sleep(0.05)
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=30)


def holder(script: str, data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(data_dir)],
        env=ENV,
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
    yield proc
    if proc.poll() is None:
        proc.communicate("", timeout=30)


@pytest.fixture
def import_running(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    yield from holder(_IMPORT_LIKE, data_dir)


@pytest.fixture
def lock_held(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    yield from holder(_LOCK_ONLY, data_dir)


def test_restore_is_refused_while_the_window_runs_and_works_once_it_is_killed(
    data_dir: Path, window: subprocess.Popen[bytes]
) -> None:
    backup = history_with_backup(data_dir)
    code, out, err = run_cli(data_dir, "restore", str(backup))
    assert code == 1 and out == ""
    assert f"Backleg is using {data_dir}" in err and "close it, then restore again" in err
    assert sessions_in(data_dir) == 2  # nothing replaced
    assert not list(data_dir.glob(f"{DB_FILENAME}.before-restore-*"))

    window.send_signal(signal.SIGKILL)  # no clean-up at all: the kernel drops its lock
    window.wait(timeout=30)
    assert (data_dir / LOCK_FILENAME).exists()
    code, out, err = run_cli(data_dir, "restore", str(backup))
    assert (code, err) == (0, "")
    assert sessions_in(data_dir) == 1


def test_restore_is_refused_while_an_import_holds_the_store(
    data_dir: Path, import_running: subprocess.Popen[str]
) -> None:
    backup = history_with_backup(data_dir)
    code, _, err = run_cli(data_dir, "restore", str(backup))
    assert code == 1 and "an import or export is running" in err
    assert sessions_in(data_dir) == 2
    import_running.communicate("", timeout=30)  # the import ends: now it may run
    assert run_cli(data_dir, "restore", str(backup))[0] == 0
    assert sessions_in(data_dir) == 1


def test_what_the_lock_file_says_means_nothing(data_dir: Path) -> None:
    """A lock file naming a live process (a reused PID) does not block a restore."""
    backup = history_with_backup(data_dir)
    (data_dir / LOCK_FILENAME).write_text(f"{os.getpid()}\nbackleg\nhost\n")
    code, _, err = run_cli(data_dir, "restore", str(backup))
    assert (code, err) == (0, "")
    assert sessions_in(data_dir) == 1


def test_a_damaged_history_is_not_moved_while_another_backleg_holds_the_folder(
    data_dir: Path, lock_held: subprocess.Popen[str], tmp_path: Path
) -> None:
    db = data_dir / DB_FILENAME
    db.write_bytes(b"my notes, certainly not a database\n" * 100)
    before = db.read_bytes()
    code, out, err = run_cli(data_dir, "export", str(tmp_path / "out.csv"))
    assert code == 1 and "Exported" not in out
    assert "looks damaged" in err and "left as it is" in err and "Traceback" not in err
    assert db.read_bytes() == before
    assert not list(data_dir.glob(f"{DB_FILENAME}.corrupt-*"))


def test_the_window_refuses_nothing_to_an_export(
    data_dir: Path, window: subprocess.Popen[bytes], tmp_path: Path
) -> None:
    # Shared with shared: an export (and an import) still runs beside the window.
    code, out, err = run_cli(data_dir, "export", str(tmp_path / "out.csv"))
    assert (code, err) == (0, "") and "Exported 0 sessions" in out


def test_the_window_s_own_store_can_set_a_damaged_file_aside(data_dir: Path) -> None:
    """In the window's process the folder is already held shared (app.run_gui); its store
    still takes it alone to set the file aside, then gives it back shared."""
    from backleg_desktop.storage.lock import folder_lock

    (data_dir / DB_FILENAME).write_bytes(b"noise, not a history\n" * 100)
    window_lock = folder_lock(data_dir)
    window_lock.acquire_shared()
    try:
        with open_store(data_dir, load_library(), make_daily_backup=False) as store:
            assert "moved, unchanged, to" in store.notices[0]
        assert held_elsewhere(data_dir)  # the window's share survived
    finally:
        window_lock.release_shared()
    assert not held_elsewhere(data_dir)


def test_a_newer_history_is_called_newer_even_while_the_folder_is_held(
    data_dir: Path, lock_held: subprocess.Popen[str], tmp_path: Path
) -> None:
    import sqlite3

    with open_store(data_dir, load_library(), make_daily_backup=False):
        pass
    conn = sqlite3.connect(data_dir / DB_FILENAME)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    code, _, err = run_cli(data_dir, "export", str(tmp_path / "out.csv"))
    assert code == 1 and "written by a newer version of Backleg" in err
