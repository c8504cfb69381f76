"""A disk that fills up in the middle of a big import (simulated with PRAGMA max_page_count).

Imports run in one transaction, so the outcome must be all or nothing: a clear message,
none of the file's sessions half-imported, everything that was there before intact, and
the same import working once there is room again.
"""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from backleg_desktop.__main__ import build_parser
from backleg_desktop.cli import run
from backleg_desktop.content.loader import load_library
from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.errors import StorageFullError
from backleg_desktop.services.transfer import ExerciseMatcher, export_to_path
from backleg_desktop.storage.paths import DB_FILENAME
from tests.support.stores import open_test_store
from tests.support.synthetic import generate_history

ROOM_PAGES = 40  # about 160 KB of room: a few dozen sessions, far from a year of them


@contextmanager
def disk_nearly_full(db_path: Path) -> Iterator[None]:
    """Every new connection to `db_path`, from any engine, may grow it by ROOM_PAGES."""
    conn = sqlite3.connect(db_path)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()

    def limit(dbapi_connection: Any, record: object) -> None:
        name = dbapi_connection.execute("PRAGMA database_list").fetchone()[2]
        if Path(name) == db_path:
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages + ROOM_PAGES}").fetchall()

    event.listen(Engine, "connect", limit)
    try:
        yield
    finally:
        event.remove(Engine, "connect", limit)


def existing_history(data_dir: Path) -> tuple[int, list[int]]:
    """A history with one session of three sets; its id and the set ids."""
    with open_test_store(data_dir) as store:
        w = store.workouts
        session = w.start_session("strength", pain_before=2)
        ids = [w.log_set(session.id, SetEntry("goblet-squat", n, reps=10)).id for n in (1, 2, 3)]
        w.finish_session(session.id, pain_after=2)
    return session.id, ids


def assert_intact(data_dir: Path, session_id: int, set_ids: list[int]) -> None:
    conn = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    with open_test_store(data_dir) as store:
        assert store.workouts.count_sessions() == 1, "part of the import was kept"
        assert [s.id for s in store.workouts.session_detail(session_id).sets] == set_ids
        assert store.workouts.user_exercises() == []


def test_a_full_disk_during_an_import_keeps_nothing_of_it(data_dir: Path) -> None:
    session_id, set_ids = existing_history(data_dir)
    with disk_nearly_full(data_dir / DB_FILENAME), open_test_store(data_dir) as store:
        with pytest.raises(StorageFullError) as caught:
            store.workouts.import_sessions(generate_history(years=1))
        assert "full" in str(caught.value) and "Free some space" in str(caught.value)
        assert store.workouts.count_sessions() == 1  # and the store still reads
    assert_intact(data_dir, session_id, set_ids)

    with open_test_store(data_dir) as store:  # room again: the same import goes through
        summary = store.workouts.import_sessions(generate_history(years=1))
        assert summary.sessions_added == 365


@pytest.fixture
def year_csv(tmp_path: Path) -> Path:
    """A year of history exported as Backleg CSV, to import through the command line."""
    library = load_library()
    path = tmp_path / "year.csv"
    with open_test_store(tmp_path / "source") as store:
        store.workouts.import_sessions(generate_history(years=1, seed=2))
        matcher = ExerciseMatcher(library)
        export_to_path(path, store.workouts.iter_export_rows(), matcher.display_name)
    return path


def test_the_command_line_reports_a_full_disk_and_imports_nothing(
    data_dir: Path, year_csv: Path
) -> None:
    session_id, set_ids = existing_history(data_dir)
    out, err = io.StringIO(), io.StringIO()
    with disk_nearly_full(data_dir / DB_FILENAME):
        code = run(build_parser().parse_args(["import", str(year_csv)]), data_dir, out=out, err=err)
    assert code == 1
    message = err.getvalue()
    assert "is full" in message and "Everything saved before it is safe" in message
    assert "Traceback" not in message
    assert "Added" not in out.getvalue()
    assert_intact(data_dir, session_id, set_ids)
