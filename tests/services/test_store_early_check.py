"""The window starts the file's health check early (services/first_rows.py) and hands it
to open_store: a damaged file is still set aside, no row is read from it, and a verdict
that may have changed since (no file yet) is looked at again."""

from __future__ import annotations

from pathlib import Path

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.first_rows import FirstRows, HealthCheck
from backleg_desktop.services.store import Store, open_store
from backleg_desktop.storage.paths import DB_FILENAME
from tests.support.library import minimal_library
from tests.support.stores import WallClock, open_test_store


def open_with(data_dir: Path, check: HealthCheck, clock: WallClock | None = None) -> Store:
    return open_store(
        data_dir, minimal_library(), make_daily_backup=False, now=clock or WallClock(), check=check
    )


def test_a_damaged_file_checked_early_shows_no_rows_and_is_set_aside(tmp_path: Path) -> None:
    with open_test_store(tmp_path) as store:
        session = store.workouts.start_session("strength", pain_before=1)
        for n in range(1, 400):
            store.workouts.log_set(session.id, SetEntry("goblet-squat", n, note="x" * 200))
    db = tmp_path / DB_FILENAME
    with db.open("r+b") as f:
        f.seek(4096 * 3)
        f.write(b"\xff" * 4096 * 4)
    original = db.read_bytes()

    check = HealthCheck.start(tmp_path)
    assert check.result().state == "corrupt"
    assert FirstRows.open(check) is None  # nothing is read from a damaged file
    clock = WallClock()
    with open_with(tmp_path, check, clock) as store:
        aside = tmp_path / f"{DB_FILENAME}.corrupt-{clock.now.astimezone():%Y%m%dT%H%M%S}"
        assert aside.read_bytes() == original
        assert len(store.notices) == 1 and str(aside) in store.notices[0]
        assert store.workouts.count_sessions() == 0


def test_the_first_rows_of_a_healthy_file_are_the_stores(tmp_path: Path) -> None:
    with open_test_store(tmp_path) as store:
        for pain in (1, 2, 3):
            s = store.workouts.start_session("strength", pain_before=pain)
            store.workouts.log_set(s.id, SetEntry("goblet-squat", 1, reps=8, load_kg=12.0))
    check = HealthCheck.start(tmp_path)
    rows = FirstRows.open(check)
    assert rows is not None
    try:
        with open_with(tmp_path, check) as store:
            assert rows.count_sessions() == store.workouts.count_sessions() == 3
            assert rows.list_sessions(limit=2) == store.workouts.list_sessions(limit=2)
    finally:
        rows.close()
    assert rows.list_sessions() == []  # closed: nothing more is read


def test_a_file_made_after_an_early_check_found_none_is_opened_as_it_is(tmp_path: Path) -> None:
    check = HealthCheck.start(tmp_path)
    assert check.result().state == "missing"
    assert FirstRows.open(check) is None
    with open_test_store(tmp_path) as other:  # e.g. `backleg import` got there first
        other.workouts.start_session("strength", pain_before=2)
    with open_with(tmp_path, check) as store:
        assert store.workouts.count_sessions() == 1
        assert store.notices == []
