"""The journal of writes the window is holding: replayed once, in order, at the next open;
a torn last line is ignored; one that cannot be replayed is kept aside with a notice.

A real SQLite file throughout; the lock is another connection's BEGIN IMMEDIATE.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.domain.session_flow import RestTaken, SetKey, StopPoint
from backleg_desktop.services import pending_journal
from backleg_desktop.services.pending_journal import PendingJournal, journal_files
from backleg_desktop.services.pending_writes import WINDOW_BUSY_TIMEOUT_MS
from backleg_desktop.services.session_recorder import SessionRecorder
from backleg_desktop.services.store import Store, open_store
from tests.support.library import minimal_library
from tests.support.stores import open_test_store


def window_store(data_dir: Path) -> Store:
    return open_store(
        data_dir,
        minimal_library(),
        make_daily_backup=False,
        busy_timeout_ms=WINDOW_BUSY_TIMEOUT_MS,
    )


@pytest.fixture
def locked(data_dir: Path) -> Iterator[sqlite3.Connection]:
    """The history exists, and another program holds its write lock."""
    open_test_store(data_dir).close()
    conn = sqlite3.connect(data_dir / "backleg.sqlite3", isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    yield conn
    if conn.in_transaction:
        conn.execute("COMMIT")
    conn.close()


def abandon(recorder: SessionRecorder) -> None:
    """What a kill does to the window: its memory is gone, its journal's lock is dropped."""
    journal = recorder.pending.journal
    assert journal is not None and journal._fd is not None
    os.close(journal._fd)
    journal._fd = None


def squat(number: int, reps: int = 8) -> SetEntry:
    return SetEntry("goblet-squat", number, reps=reps, load_kg=12.0)


def numbers(store: Store, session_id: int) -> list[int]:
    detail = store.workouts.session_detail(session_id)
    return [s.set_number for s in sorted(detail.sets, key=lambda s: s.id)]


def _started(data_dir: Path, locked: sqlite3.Connection) -> tuple[Store, SessionRecorder]:
    locked.execute("COMMIT")
    store = window_store(data_dir)
    recorder = SessionRecorder.start(store.workouts, "strength", 2)
    locked.execute("BEGIN IMMEDIATE")
    return store, recorder


def test_the_journal_is_made_private_under_umask_000(
    data_dir: Path, locked: sqlite3.Connection
) -> None:
    store, recorder = _started(data_dir, locked)
    old = os.umask(0)
    try:
        assert recorder.log(squat(1)) is None
    finally:
        os.umask(old)
    (journal,) = journal_files(data_dir)
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600
    assert "keeps it in a file" in recorder.pending.status()
    assert "nothing is lost even if Backleg stops" in recorder.pending.status()
    locked.execute("COMMIT")
    assert recorder.pending.retry()
    assert journal_files(data_dir) == []  # everything written: the journal is gone
    store.close()


def test_sets_rests_corrections_undos_and_the_end_are_replayed_in_order(
    data_dir: Path, locked: sqlite3.Connection
) -> None:
    store, recorder = _started(data_dir, locked)
    for number in (1, 2, 3):
        assert recorder.log(squat(number)) is None
    recorder.record_rest(RestTaken(SetKey("goblet-squat", 1, "both"), 90.0, 80.0, False))
    recorder.correct(SetKey("goblet-squat", 2, "both"), reps=5, load_kg=10.0)
    recorder.undo(SetKey("goblet-squat", 3, "both"))
    recorder.log(squat(3, reps=6))  # logged again after the undo
    recorder.stop_for_pain(StopPoint("goblet-squat", 3))
    recorder.set_pain_after(6, "knee")
    abandon(recorder)
    store.close()
    locked.execute("COMMIT")

    with open_test_store(data_dir) as reopened:
        assert any("Backleg saved 4 sets" in n for n in reopened.notices), reopened.notices
        detail = reopened.workouts.session_detail(recorder.session_id)
        ordered = sorted(detail.sets, key=lambda s: s.id)
        assert [(s.set_number, s.reps, s.rest_taken_s) for s in ordered] == [
            (1, 8, 80.0),
            (2, 5, None),
            (3, 6, None),
        ]
        assert ordered[1].load_kg == 10.0
        session = detail.session
        assert (session.status, session.pain_after, session.notes) == ("stopped_pain", 6, "knee")
        assert (session.stop_exercise_id, session.stop_set_number) == ("goblet-squat", 3)
    assert journal_files(data_dir) == []


def test_sets_already_written_before_the_kill_are_not_added_twice(
    data_dir: Path, locked: sqlite3.Connection
) -> None:
    store, recorder = _started(data_dir, locked)
    for number in (1, 2, 3):
        recorder.log(squat(number))
    locked.execute("COMMIT")
    # The retry writes them all, then the window dies before it deletes its journal.
    journal = recorder.pending.journal
    assert journal is not None
    journal.clear = lambda: None  # type: ignore[method-assign]
    assert recorder.pending.retry()
    abandon(recorder)
    store.close()

    with open_test_store(data_dir) as reopened:
        assert numbers(reopened, recorder.session_id) == [1, 2, 3]
        assert not any("Backleg saved" in n for n in reopened.notices)
    assert journal_files(data_dir) == []


def test_a_torn_last_line_is_ignored_and_the_lines_before_it_are_kept(
    data_dir: Path, locked: sqlite3.Connection
) -> None:
    store, recorder = _started(data_dir, locked)
    for number in (1, 2):
        recorder.log(squat(number))
    journal = recorder.pending.journal
    assert journal is not None
    # A kill in the middle of writing the third line.
    line = pending_journal.set_line(recorder.session_id, squat(3))
    whole = f'{{"seq": 3, "op": "set", "session": {line["session"]}, "entry": {{"exer'
    with journal.path.open("a", encoding="ascii") as handle:
        handle.write(whole)
    abandon(recorder)
    store.close()
    locked.execute("COMMIT")

    with open_test_store(data_dir) as reopened:
        assert numbers(reopened, recorder.session_id) == [1, 2]
        assert any("Backleg saved 2 sets" in n for n in reopened.notices), reopened.notices
    assert journal_files(data_dir) == []


def test_a_journal_whose_session_is_gone_is_kept_aside(data_dir: Path) -> None:
    with open_test_store(data_dir) as store:
        session = store.workouts.start_session("strength", pain_before=2)
        store.workouts.delete_session(session.id)
    journal = PendingJournal(data_dir)
    journal.append(pending_journal.set_line(session.id, squat(1)))
    os.close(journal._fd)  # type: ignore[arg-type]  # the window was killed

    with open_test_store(data_dir) as reopened:
        (notice,) = [n for n in reopened.notices if "could not be replayed" in n]
    assert journal_files(data_dir) == []
    (kept,) = data_dir.glob("backleg.pending-*.jsonl.kept-*")
    assert str(kept) in notice
    assert f'"session": {session.id}' in kept.read_text()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_a_journal_left_while_the_file_is_busy_waits_for_the_next_open(
    data_dir: Path, locked: sqlite3.Connection
) -> None:
    store, recorder = _started(data_dir, locked)
    recorder.log(squat(1))
    abandon(recorder)
    store.close()
    # Still locked when the window starts again: nothing is lost, it waits.
    with window_store(data_dir) as again:
        assert any("tries again the next time" in n for n in again.notices), again.notices
    assert len(journal_files(data_dir)) == 1
    locked.execute("COMMIT")
    with open_test_store(data_dir) as reopened:
        assert numbers(reopened, recorder.session_id) == [1]
    assert journal_files(data_dir) == []


def test_a_running_window_s_journal_is_left_to_it(
    data_dir: Path, locked: sqlite3.Connection
) -> None:
    store, recorder = _started(data_dir, locked)
    recorder.log(squat(1))
    locked.execute("COMMIT")
    with open_test_store(data_dir) as command:  # a CLI command opens the history meanwhile
        assert numbers(command, recorder.session_id) == []
        assert not command.notices
    assert recorder.pending.retry()  # the window writes it itself, once
    assert numbers(store, recorder.session_id) == [1]
    assert journal_files(data_dir) == []
    store.close()


def test_a_journal_that_cannot_be_written_is_not_called_safe(
    data_dir: Path, locked: sqlite3.Connection
) -> None:
    store, recorder = _started(data_dir, locked)
    journal = recorder.pending.journal
    assert journal is not None

    def full(line: object) -> None:
        raise OSError(28, "No space left on device")

    journal.append = full  # type: ignore[method-assign]
    assert recorder.log(squat(1)) is None  # still kept in memory and retried
    status = recorder.pending.status()
    assert "in a file" not in status
    assert "nothing is lost while this window is open" in status
    locked.execute("COMMIT")
    assert recorder.pending.retry()
    assert numbers(store, recorder.session_id) == [1]
    store.close()


def test_an_export_never_replaces_a_journal(data_dir: Path) -> None:
    from backleg_desktop.storage.paths import is_backleg_file

    journal = PendingJournal(data_dir)
    assert is_backleg_file(journal.path, data_dir)
    assert is_backleg_file(data_dir / f"{journal.path.name}.kept-20261201T100000", data_dir)


def test_a_replay_never_changes_a_set_logged_anew_since(
    data_dir: Path, locked: sqlite3.Connection
) -> None:
    store, recorder = _started(data_dir, locked)
    recorder.log(squat(1, reps=8))
    recorder.correct(SetKey("goblet-squat", 1, "both"), reps=5, load_kg=10.0)
    abandon(recorder)
    store.close()
    # Still locked at the next start, so the journal waits; the user resumes the session
    # and logs set 1 anew, which is written once the lock is gone.
    again = window_store(data_dir)
    assert len(journal_files(data_dir)) == 1
    resumed = again.workouts.in_progress_session()
    assert resumed is not None and resumed.session.id == recorder.session_id
    second = SessionRecorder.resume(again.workouts, resumed)
    assert second.log(squat(1, reps=9)) is None
    locked.execute("COMMIT")
    assert second.pending.retry()
    again.close()

    with open_test_store(data_dir) as reopened:  # the first journal is replayed now
        sets = reopened.workouts.session_detail(recorder.session_id).sets
        assert [(s.set_number, s.reps, s.load_kg) for s in sets] == [(1, 9, 12.0)]
    assert journal_files(data_dir) == []


def test_writes_made_before_the_kill_are_not_made_again(
    data_dir: Path, locked: sqlite3.Connection
) -> None:
    store, recorder = _started(data_dir, locked)
    key = SetKey("goblet-squat", 1, "both")
    recorder.log(squat(1, reps=8))
    recorder.undo(key)
    recorder.log(squat(1, reps=9))
    locked.execute("COMMIT")
    journal = recorder.pending.journal
    assert journal is not None
    journal.clear = lambda: None  # type: ignore[method-assign]  # killed before it is deleted
    assert recorder.pending.retry()
    (written,) = store.workouts.session_detail(recorder.session_id).sets
    abandon(recorder)
    store.close()
    with open_test_store(data_dir) as reopened:
        (after,) = reopened.workouts.session_detail(recorder.session_id).sets
        assert (after.id, after.reps) == (written.id, 9)  # the same row, untouched


def test_a_kill_between_a_set_and_its_correction_keeps_the_correction(
    data_dir: Path, locked: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    from backleg_desktop.services.errors import StorageError

    store, recorder = _started(data_dir, locked)
    recorder.log(squat(1, reps=8))
    recorder.correct(SetKey("goblet-squat", 1, "both"), reps=5, load_kg=10.0)
    locked.execute("COMMIT")

    def busy(*args: object, **kwargs: object) -> None:
        raise StorageError("busy again")

    monkeypatch.setattr(store.workouts, "update_set", busy)
    assert not recorder.pending.retry()  # the set is written, its correction is not
    assert numbers(store, recorder.session_id) == [1]
    abandon(recorder)  # killed here
    store.close()

    with open_test_store(data_dir) as reopened:
        (after,) = reopened.workouts.session_detail(recorder.session_id).sets
        assert (after.reps, after.load_kg) == (5, 10.0)
        assert not any("Backleg saved" in n for n in reopened.notices)  # no set was missing
