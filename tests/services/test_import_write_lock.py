"""An import never keeps the window from logging a set (issue 10).

While `backleg import` reads and checks a file, and for the whole of a --dry-run, it
holds no write lock: a set logged through another connection's WorkoutService at that
moment commits at once (with the old single-transaction import it waited for the
5 s busy timeout and was then lost). The import itself stays all or nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.domain.history import ImportedSession, SetEntry
from backleg_desktop.services.store import Store, open_store
from backleg_desktop.services.transfer import export_to_path
from backleg_desktop.services.transfer import reading as reading_module
from tests.support.cli import run_cli
from tests.support.synthetic import generate_history

SQUAT = SetEntry("goblet-squat", 1, reps=10, load_kg=16.0)


@pytest.fixture
def big_file(tmp_path: Path) -> Path:
    """A real Backleg CSV with a year of sessions (about 6,800 sets)."""
    source = tmp_path / "source"
    library = load_library()
    with open_store(source, library, make_daily_backup=False) as store:
        store.workouts.import_sessions(generate_history(years=1))
        path = tmp_path / "year.csv"
        export_to_path(path, store.workouts.iter_export_rows(), lambda exercise_id: exercise_id)
    return path


class WindowLogsMidRead:
    """Wraps the CLI's reader: after a few sessions have been read, the 'window' (its
    own store, so its own connection) logs a set, and we note what happened."""

    def __init__(self, window: Store, monkeypatch: pytest.MonkeyPatch) -> None:
        self.window = window
        self.logged_during_read: list[int] = []
        real = reading_module.read_sessions  # the CLI looks it up there when it runs

        def reading(*args: object, **kwargs: object) -> Iterator[ImportedSession]:
            for number, session in enumerate(real(*args, **kwargs), start=1):  # type: ignore[arg-type]
                if number == 5:
                    self.log_a_set()
                yield session

        monkeypatch.setattr(reading_module, "read_sessions", reading)

    def log_a_set(self) -> None:
        workouts = self.window.workouts
        session = workouts.start_session(
            "strength", pain_before=2, started_at=datetime(2030, 1, 1, tzinfo=UTC)
        )
        self.logged_during_read.append(workouts.log_set(session.id, SQUAT).id)


@pytest.mark.parametrize("dry_run", [False, True], ids=["import", "dry-run"])
def test_a_set_logged_while_the_cli_reads_a_file_commits_at_once(
    tmp_path: Path, big_file: Path, monkeypatch: pytest.MonkeyPatch, dry_run: bool
) -> None:
    data_dir = tmp_path / "data"
    with open_store(data_dir, load_library(), make_daily_backup=False) as window:
        spy = WindowLogsMidRead(window, monkeypatch)
        code, out, err = run_cli(
            data_dir, "import", str(big_file), *(["--dry-run"] if dry_run else [])
        )
        assert (code, err) == (0, "")
        assert len(spy.logged_during_read) == 1  # it did not wait for the import
        detail = window.workouts.in_progress_session()
        assert detail is not None and [s.id for s in detail.sets] == spy.logged_during_read
        imported = window.workouts.count_sessions() - 1
    if dry_run:
        assert imported == 0 and "Dry run: nothing was written." in out
    else:
        assert imported > 300 and "Added" in out


def test_a_dry_run_takes_no_write_lock_at_all(tmp_path: Path, big_file: Path) -> None:
    """Another writer holds the lock for the whole dry run: the dry run still finishes."""
    data_dir = tmp_path / "data"
    open_store(data_dir, load_library(), make_daily_backup=False).close()
    holder = sqlite3.connect(data_dir / "backleg.sqlite3", isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        code, out, err = run_cli(data_dir, "import", str(big_file), "--dry-run")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert (code, err) == (0, ""), err
    assert "Would add" in out


def test_a_failing_row_late_in_the_file_still_imports_nothing(
    tmp_path: Path, big_file: Path
) -> None:
    lines = big_file.read_text(encoding="utf-8").splitlines(keepends=True)
    cells = lines[-1].split(",")
    cells[12] = "-3"  # reps of the very last set
    broken = tmp_path / "broken.csv"
    broken.write_text("".join(lines[:-1]) + ",".join(cells), encoding="utf-8")
    data_dir = tmp_path / "data"
    code, _, err = run_cli(data_dir, "import", str(broken))
    assert code == 1 and f"line {len(lines)}" in err
    with open_store(data_dir, load_library(), make_daily_backup=False) as store:
        assert store.workouts.count_sessions() == 0


def test_a_user_exercise_added_while_the_file_is_checked_is_used_not_duplicated(
    tmp_path: Path,
) -> None:
    """The window stores 'leg press' after the import looked the name up: the write phase
    finds it under the lock and files the imported sets (and the stop) under it."""
    library = load_library()
    data_dir = tmp_path / "data"
    first = datetime(2025, 3, 3, 18, tzinfo=UTC)

    def session(day: int) -> ImportedSession:
        press = SetEntry("user:Leg Press", 1, reps=10, load_kg=80.0)
        return ImportedSession(
            name="Legs",
            plan_id=None,
            started_at=first.replace(day=3 + day),
            ended_at=None,
            status="stopped_pain",
            pain_before=2,
            pain_after=5,
            notes="",
            sets=(press,),
            stop_exercise_id="user:Leg Press",
            stop_set_number=1,
        )

    with (
        open_store(data_dir, library, make_daily_backup=False) as importer,
        open_store(data_dir, library, make_daily_backup=False) as window,
    ):

        def sessions() -> Iterator[ImportedSession]:
            yield session(0)
            window.workouts.add_user_exercise("leg press")  # between the check and the write
            yield session(1)

        summary = importer.workouts.import_sessions(sessions())
        assert (summary.sessions_added, summary.user_exercises_created) == (2, 0)
        assert window.workouts.user_exercises() == [("user:leg press", "leg press")]
        for listed in window.workouts.list_sessions(limit=10):
            detail = window.workouts.session_detail(listed.session.id)
            assert [s.exercise_id for s in detail.sets] == ["user:leg press"]
            assert detail.session.stop_exercise_id == "user:leg press"
