"""History's first rows read through plain sqlite3 (start-up, before SQLAlchemy) are the
rows WorkoutService.list_sessions gives for the unfiltered list, in both orders."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.storage import first_page
from backleg_desktop.storage.paths import DB_FILENAME
from tests.support.stores import open_test_store
from tests.support.synthetic import generate_history

START = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def seeded(data_dir: Path) -> None:
    with open_test_store(data_dir) as store:
        w = store.workouts
        w.import_sessions(generate_history(years=1))
        # Warm-ups (neither counted nor in the volume), a set without load, one-leg sets, none at
        # all, one still running, and two sessions starting at the same moment.
        warm = w.start_session("strength", pain_before=2, started_at=START)
        w.log_set(warm.id, SetEntry("goblet-squat", 1, kind="warmup", reps=10, load_kg=8.0))
        w.log_set(warm.id, SetEntry("goblet-squat", 2, reps=8, load_kg=16.0))
        w.log_set(warm.id, SetEntry("goblet-squat", 3, reps=8))
        # A one-leg set logged left and right is one set done (domain/set_count.py).
        w.log_set(warm.id, SetEntry("goblet-squat", 4, side="left", reps=6, load_kg=10.0))
        w.log_set(warm.id, SetEntry("goblet-squat", 4, side="right", reps=6, load_kg=10.0))
        w.finish_session(warm.id, pain_after=3, notes="ok", ended_at=START + timedelta(hours=1))
        w.start_session("strength", pain_before=1, started_at=START + timedelta(days=1))
        twin = w.start_session(None, pain_before=None, started_at=START + timedelta(days=1))
        w.end_session_early(twin.id, pain_after=None, ended_at=START + timedelta(days=1, hours=1))


@pytest.mark.parametrize("newest_first", [True, False])
@pytest.mark.parametrize(("offset", "limit"), [(0, 100), (0, 5), (100, 100), (360, 100)])
def test_a_page_is_the_services_page(
    tmp_path: Path, newest_first: bool, offset: int, limit: int
) -> None:
    seeded(tmp_path)
    conn = first_page.connect(tmp_path / DB_FILENAME)
    try:
        light = first_page.list_sessions(
            conn, offset=offset, limit=limit, newest_first=newest_first
        )
        count = first_page.count_sessions(conn)
    finally:
        conn.close()
    with open_test_store(tmp_path) as store:
        full = store.workouts.list_sessions(offset=offset, limit=limit, newest_first=newest_first)
        assert count == store.workouts.count_sessions() == 368
    assert light == full
    assert light  # every case here has rows to compare
