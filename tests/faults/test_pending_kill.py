"""A window killed while sets wait for a locked history loses none of them.

A child process logs through the window's real recorder while another connection holds
the history's write lock (BEGIN IMMEDIATE), so its sets are kept, not written; it is
SIGKILLed with them waiting. Once the lock is released, the next open of the store puts
every one of them into the history, in order, once, and the resume offer includes them.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from backleg_desktop.services.pending_journal import journal_files
from backleg_desktop.storage.paths import DB_FILENAME
from tests.support.stores import open_test_store

REPO = Path(__file__).resolve().parents[2]
COUNT = 6


def _read(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line, "the child died"
    assert not line.startswith("error"), line
    return line.strip()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
@pytest.mark.parametrize("umask", [0o000, 0o022])
def test_sets_kept_while_locked_survive_a_kill_and_are_put_back_once_in_order(
    tmp_path: Path, umask: int
) -> None:
    data_dir = tmp_path / "data"
    open_test_store(data_dir).close()
    holder = sqlite3.connect(data_dir / DB_FILENAME, isolation_level=None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.faults.workers", "queued", str(data_dir), str(COUNT)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        preexec_fn=lambda: os.umask(umask),  # the child's own umask
    )
    try:
        session_id = int(_read(proc).split()[1])
        assert _read(proc) == "stored 1"
        holder.execute("BEGIN IMMEDIATE")  # a CLI import, say, holds the write lock
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
        kept = [_read(proc) for _ in range(COUNT - 1)]
        assert kept == [f"kept {n}" for n in range(2, COUNT + 1)]
        assert _read(proc) == "waiting"
        # Told "kept": by then it is in a private file, not only in the child's memory.
        (journal,) = journal_files(data_dir)
        assert stat.S_IMODE(journal.stat().st_mode) == 0o600
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    holder.execute("COMMIT")
    holder.close()

    with open_test_store(data_dir) as store:  # the next start of the app
        assert any(f"Backleg saved {COUNT - 1} sets" in n for n in store.notices), store.notices
        detail = store.workouts.session_detail(session_id)
        ordered = sorted(detail.sets, key=lambda s: s.id)  # the order they reached the file
        assert [s.set_number for s in ordered] == list(range(1, COUNT + 1))
        assert ordered[1].rest_taken_s == 75.0
        assert (ordered[-1].reps, ordered[-1].load_kg) == (7, 14.0)
        resume = store.workouts.in_progress_session()
        assert resume is not None and resume.session.id == session_id
        assert [s.set_number for s in resume.sets] == list(range(1, COUNT + 1))
    assert journal_files(data_dir) == []

    with open_test_store(data_dir) as store:  # and never twice
        assert len(store.workouts.session_detail(session_id).sets) == COUNT
        assert not any("Backleg saved" in n for n in store.notices)
