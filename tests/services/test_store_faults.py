"""Faults while running: a full disk, and a process killed mid-commit, lose nothing committed."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.errors import StorageFullError
from backleg_desktop.storage.paths import DB_FILENAME
from tests.support.stores import open_test_store

REPO = Path(__file__).resolve().parents[2]


def test_a_full_disk_is_a_clear_error_and_keeps_what_was_saved(data_dir: Path) -> None:
    with open_test_store(data_dir) as store:
        session = store.workouts.start_session("strength", pain_before=1)
        engine = store._engine
        assert engine is not None
        engine.dispose()
        pages = sqlite3.connect(store.db_path).execute("PRAGMA page_count").fetchone()[0]

        @event.listens_for(engine, "connect")
        def _small_disk(dbapi_connection: Any, record: object) -> None:
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 5}").fetchall()

        saved: list[int] = []
        with pytest.raises(StorageFullError) as caught:
            for n in range(1, 200):
                entry = SetEntry("goblet-squat", n, reps=10, note="n" * 3000)
                saved.append(store.workouts.log_set(session.id, entry).id)
        assert "full" in str(caught.value) and "safe" in str(caught.value)
        assert 0 < len(saved) < 199
        # Still usable for reading while the disk is full.
        assert store.workouts.count_sessions() == 1

    with open_test_store(data_dir) as store:
        detail = store.workouts.session_detail(session.id)
        assert [s.id for s in detail.sets] == saved
    conn = sqlite3.connect(data_dir / DB_FILENAME)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from backleg_desktop.domain.history import SetEntry
    from tests.support.stores import open_test_store

    store = open_test_store(Path(sys.argv[1]))
    session = store.workouts.start_session("strength", pain_before=1)
    print("ready", flush=True)
    for n in range(1, 100_000):
        entry = SetEntry("leg-extension", n % 1000 + 1, reps=12, load_kg=20.0, note="x" * 500)
        logged = store.workouts.log_set(session.id, entry)
        print(logged.id, flush=True)
    """
)


@pytest.mark.slow
def test_sets_reported_as_committed_survive_sigkill(data_dir: Path) -> None:
    """Kill a logging child at random points, between and during commits, many times."""
    rng = random.Random(3)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    committed: set[int] = set()
    for _ in range(15):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(data_dir)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=REPO,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        # Read a random number of acknowledgements, then kill without warning: the child
        # is logging continuously, so the kill lands between or inside commits.
        for _ in range(rng.randint(1, 40)):
            line = child.stdout.readline()
            if not line:
                break
            committed.add(int(line))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        committed.update(int(line) for line in rest.split())  # acknowledged before death

    conn = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {row[0] for row in conn.execute("SELECT id FROM sets")}
    finally:
        conn.close()
    assert committed, "the child never logged a set"
    assert committed <= stored
