"""Daily backups (online backup API, newest 7 kept) and restoring one."""

from __future__ import annotations

import sqlite3
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services import backups
from backleg_desktop.services.errors import BackupError
from backleg_desktop.storage.paths import DB_FILENAME
from tests.support.stores import WallClock, open_test_store


def test_one_backup_a_day_named_by_date_seven_kept_and_one_a_week(data_dir: Path) -> None:
    clock = WallClock()
    first_day = clock.now.astimezone().date()
    for _ in range(10):
        for _ in range(2):  # opening twice a day makes one copy
            with open_test_store(data_dir, clock, make_daily_backup=True) as store:
                store.workouts.start_session("strength", pain_before=1)
        clock.advance(days=1)
    kept = backups.list_backups(data_dir)
    # The newest 7 days, and the newest copy of the week before them (Wed 25–Fri 27 Nov).
    assert [b.day for b in kept] == [first_day + timedelta(days=d) for d in range(9, 1, -1)]
    assert kept[0].path.name == f"backleg-{kept[0].day.isoformat()}.sqlite3"
    assert stat.S_IMODE(backups.backups_dir(data_dir).stat().st_mode) == 0o700
    newest = sqlite3.connect(kept[0].path)
    # The copy made on the 10th day's first opening holds the 18 sessions of days 1–9.
    assert newest.execute("SELECT count(*) FROM sessions").fetchone() == (18,)
    assert newest.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    newest.close()
    assert stat.S_IMODE(kept[0].path.stat().st_mode) == 0o600


def test_a_backup_includes_sets_still_in_the_wal(data_dir: Path) -> None:
    with open_test_store(data_dir) as store:
        session = store.workouts.start_session("strength", pain_before=1)
        store.workouts.log_set(session.id, SetEntry("goblet-squat", 1, reps=10))
        copy = backups.make_daily_backup(data_dir, date(2026, 1, 1))
        assert copy is not None
        assert backups.make_daily_backup(data_dir, date(2026, 1, 1)) is None  # already made
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT count(*) FROM sets").fetchone() == (1,)
    conn.close()


def test_restore_replaces_the_history_and_keeps_the_current_file(data_dir: Path) -> None:
    clock = WallClock()
    with open_test_store(data_dir, clock) as store:
        store.workouts.start_session("strength", pain_before=1)
        backup = backups.make_daily_backup(data_dir, date(2026, 1, 1))
        later = store.workouts.start_session("quick-add-on", pain_before=5)
        store.workouts.log_set(later.id, SetEntry("goblet-squat", 1, reps=3))
    assert backup is not None

    kept = backups.restore_backup(data_dir, backup, now=clock.now)

    assert kept is not None and kept.name.startswith(f"{DB_FILENAME}.before-restore-")
    with open_test_store(data_dir, clock) as store:
        names = [s.session.name for s in store.workouts.list_sessions()]
        assert names == ["Strength session"]
        store.workouts.start_session("strength", pain_before=0)  # writable afterwards
    conn = sqlite3.connect(kept)
    assert conn.execute("SELECT count(*) FROM sessions").fetchone() == (2,)  # nothing lost
    conn.close()


def test_restore_over_a_damaged_file_moves_it_aside(data_dir: Path) -> None:
    with open_test_store(data_dir) as store:
        store.workouts.start_session("strength", pain_before=1)
        backup = backups.make_daily_backup(data_dir, date(2026, 1, 1))
    assert backup is not None
    (data_dir / DB_FILENAME).write_bytes(b"garbage" * 500)
    kept = backups.restore_backup(data_dir, backup)
    assert kept is not None and kept.read_bytes() == b"garbage" * 500
    with open_test_store(data_dir) as store:
        assert store.workouts.count_sessions() == 1 and store.notices == []


def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(data_dir: Path) -> None:
    with open_test_store(data_dir) as store:
        store.workouts.start_session("strength", pain_before=1)
    before = (data_dir / DB_FILENAME).read_bytes()
    bogus = data_dir / "bogus.sqlite3"
    bogus.write_text("not a backup")
    with pytest.raises(BackupError, match="not a usable Backleg backup"):
        backups.restore_backup(data_dir, bogus)
    assert (data_dir / DB_FILENAME).read_bytes() == before


def test_a_bad_week_never_pushes_out_the_last_good_backup(data_dir: Path) -> None:
    """Damage, then forty daily starts of a new history: the good copy is still there."""
    clock = WallClock()
    with open_test_store(data_dir, clock, make_daily_backup=True) as store:
        store.workouts.start_session("strength", pain_before=1)
    clock.advance(days=1)
    with open_test_store(data_dir, clock, make_daily_backup=True) as store:
        store.workouts.start_session("strength", pain_before=2)  # backed up on day 2
    clock.advance(days=1)
    (data_dir / DB_FILENAME).write_bytes(b"\0damaged" * 2000)
    for _ in range(40):
        with open_test_store(data_dir, clock, make_daily_backup=True):
            pass
        clock.advance(days=1)

    found = backups.list_backups(data_dir)
    [kept] = [b for b in found if b.kept]
    assert kept.day == (clock.now - timedelta(days=41)).astimezone().date()
    conn = sqlite3.connect(kept.path)
    assert conn.execute("SELECT count(*) FROM sessions").fetchone() == (1,)
    conn.close()
    daily = [b for b in found if not b.kept]
    assert len(daily) == backups.KEEP_DAILY + backups.KEEP_WEEKLY
    assert kept.day < daily[-1].day  # the rotation alone would have lost it


def test_seven_daily_and_four_weekly_backups_are_kept(data_dir: Path) -> None:
    with open_test_store(data_dir):
        pass
    start = date(2026, 1, 1)  # a Thursday
    for n in range(60):
        backups.make_daily_backup(data_dir, start + timedelta(days=n))
    days = [b.day for b in backups.list_backups(data_dir)]
    newest = start + timedelta(days=59)  # Sun 1 March 2026
    assert days[:7] == [newest - timedelta(days=d) for d in range(7)]
    # Then the newest copy of each of the four weeks before: Sundays 22, 15, 8, 1 Feb.
    assert days[7:] == [date(2026, 2, 22), date(2026, 2, 15), date(2026, 2, 8), date(2026, 2, 1)]


def test_a_failed_backup_leaves_no_partial_file(data_dir: Path) -> None:
    (data_dir / DB_FILENAME).write_bytes(b"not a database, so the copy fails" * 100)
    with pytest.raises(BackupError, match="could not be written"):
        backups.make_daily_backup(data_dir, date(2026, 1, 1))
    assert list(backups.backups_dir(data_dir).iterdir()) == []
