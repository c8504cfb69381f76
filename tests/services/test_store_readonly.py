"""How SQLITE_READONLY reaches the user, exercised even when the tests run as root.

Root may write to any file whatever its mode, so the history is opened through a
`mode=ro` SQLite URI instead: SQLite then refuses every write with SQLITE_READONLY, as it
does for a user on a read-only file or disk.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.errors import DataDirError
from backleg_desktop.services.workouts import WorkoutService
from backleg_desktop.storage import sqlite_files
from backleg_desktop.storage.engine import apply_pragmas
from backleg_desktop.storage.paths import DB_FILENAME
from tests.support.library import minimal_library
from tests.support.stores import WallClock, open_test_store


def read_only_engine(db: Path) -> Engine:
    uri = sqlite_files.sqlite_uri(db, "ro")
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, isolation_level=None),
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, record: object) -> None:
        apply_pragmas(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("backleg_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def test_a_write_refused_as_read_only_names_the_file_and_keeps_the_history(
    data_dir: Path,
) -> None:
    with open_test_store(data_dir) as store:
        session = store.workouts.start_session("strength", pain_before=1)
        store.workouts.log_set(session.id, SetEntry("goblet-squat", 1, reps=10))
    db = data_dir / DB_FILENAME
    engine = read_only_engine(db)
    try:
        service = WorkoutService(engine, minimal_library(), db_path=db, now=WallClock())
        assert service.count_sessions() == 1  # reading still works
        with pytest.raises(DataDirError) as caught:
            service.log_set(session.id, SetEntry("goblet-squat", 2, reps=10))
    finally:
        engine.dispose()
    message = str(caught.value)
    assert f"Backleg cannot write to its history file {db}" in message
    assert "Traceback" not in message and "attempt to write" not in message
    with open_test_store(data_dir) as store:
        [summary] = store.workouts.list_sessions()
        assert len(store.workouts.session_detail(summary.session.id).sets) == 1
