"""Two Backleg commands started together (two `backleg import`s in a new folder, or the
window and a command on the first start of a day) each make today's backup at once."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from backleg_desktop.storage import sqlite_files


def _history(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE sets (id INTEGER PRIMARY KEY, note TEXT)")
    db.executemany("INSERT INTO sets (note) VALUES (?)", [("x" * 200,) for _ in range(20_000)])
    db.commit()
    db.close()


def test_copies_made_at_the_same_moment_all_succeed_and_the_copy_is_whole(
    tmp_path: Path,
) -> None:
    source = tmp_path / "backleg.sqlite3"
    _history(source)
    (tmp_path / "backups").mkdir()
    dest = tmp_path / "backups" / "backleg-2026-12-01.sqlite3"
    start = threading.Barrier(4)
    failures: list[BaseException] = []

    def copy() -> None:
        start.wait()
        try:
            sqlite_files.copy_database(source, dest)
        except BaseException as error:  # every failure is the finding
            failures.append(error)

    for _ in range(3):
        dest.unlink(missing_ok=True)
        copiers = [threading.Thread(target=copy) for _ in range(4)]
        for copier in copiers:
            copier.start()
        for copier in copiers:
            copier.join(timeout=60)
        # They shared one `.partial` name: one unlinked another's file, or renamed it
        # into place half-written, and reported "the copy failed".
        assert failures == []
        with sqlite3.connect(f"{dest.as_uri()}?mode=ro", uri=True) as copied:
            assert copied.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert copied.execute("SELECT count(*) FROM sets").fetchone() == (20_000,)
        assert sorted(p.name for p in dest.parent.iterdir()) == [dest.name]
