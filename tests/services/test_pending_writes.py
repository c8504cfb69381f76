"""A set the window cannot write at once is kept, in order, and written once the file is
free: a real SQLite file whose write lock another connection holds (BEGIN IMMEDIATE)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import Library
from backleg_desktop.domain.history import SetEntry
from backleg_desktop.domain.session_flow import RestTaken, SetKey
from backleg_desktop.services.errors import StorageError, ValidationError
from backleg_desktop.services.pending_writes import WINDOW_BUSY_TIMEOUT_MS, PendingWrites
from backleg_desktop.services.session_recorder import SessionRecorder
from backleg_desktop.services.store import Store, open_store
from backleg_desktop.storage.engine import BUSY_TIMEOUT_MS


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def store(data_dir: Path, library: Library) -> Iterator[Store]:
    """Opened as the window opens it."""
    with open_store(
        data_dir, library, make_daily_backup=False, busy_timeout_ms=WINDOW_BUSY_TIMEOUT_MS
    ) as opened:
        yield opened


class Holder:
    """Another program (a CLI import, say) holding the history's write lock."""

    def __init__(self, db_path: Path) -> None:
        self.conn = sqlite3.connect(db_path, isolation_level=None)

    def hold(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


@pytest.fixture
def holder(store: Store) -> Iterator[Holder]:
    other = Holder(store.db_path)
    yield other
    other.close()


def stored_sets(store: Store, session_id: int) -> list[tuple[str, int, int | None, float | None]]:
    detail = store.workouts.session_detail(session_id)
    ordered = sorted(detail.sets, key=lambda s: s.id)  # the order they reached the file
    return [(s.exercise_id, s.set_number, s.reps, s.rest_taken_s) for s in ordered]


def test_the_window_waits_only_a_short_moment_for_the_lock(store: Store) -> None:
    assert WINDOW_BUSY_TIMEOUT_MS <= 250 < BUSY_TIMEOUT_MS
    assert store._engine is not None
    with store._engine.connect() as conn:
        timeout = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
    assert timeout == WINDOW_BUSY_TIMEOUT_MS


def test_sets_logged_while_the_file_is_locked_are_kept_and_written_in_order(
    store: Store, holder: Holder
) -> None:
    recorder = SessionRecorder.start(store.workouts, "strength", 2)
    first = recorder.log(SetEntry("goblet-squat", 1, reps=8, load_kg=12.0))
    assert first is not None and recorder.pending.count == 0

    holder.hold()
    assert recorder.log(SetEntry("goblet-squat", 2, reps=8, load_kg=12.0)) is None
    recorder.record_rest(RestTaken(SetKey("goblet-squat", 2, "both"), 60.0, 55.0, False))
    assert recorder.log(SetEntry("goblet-squat", 3, reps=7, load_kg=12.0)) is None
    assert recorder.correct(SetKey("goblet-squat", 3, "both"), reps=6, load_kg=12.0) is None
    assert recorder.pending.count == 4
    assert recorder.pending.waiting()[0] == "set 2 of goblet-squat"
    assert "Saving… 2 sets and other changes not saved yet" in recorder.pending.status()
    assert "another Backleg command is using the history file" in recorder.pending.status()
    assert recorder.pending.retry() is False  # still locked: nothing lost, nothing reordered
    assert recorder.pending.count == 4
    holder.release()

    # The file is free, but a new set still queues behind the older ones to keep the order.
    assert recorder.log(SetEntry("goblet-squat", 4, reps=6, load_kg=12.0)) is None
    assert recorder.pending.retry() is True
    assert recorder.pending.status() == ""
    assert stored_sets(store, recorder.session_id) == [
        ("goblet-squat", 1, 8, None),
        ("goblet-squat", 2, 8, 55.0),
        ("goblet-squat", 3, 6, None),
        ("goblet-squat", 4, 6, None),
    ]
    assert [s.set_number for s in recorder.logged] == [1, 2, 3, 4]
    assert recorder.set_id(SetKey("goblet-squat", 3, "both")) is not None


def test_finishing_while_locked_keeps_the_end_and_makes_it_after_the_sets(
    store: Store, holder: Holder
) -> None:
    recorder = SessionRecorder.start(store.workouts, "strength", 2)
    holder.hold()
    recorder.log(SetEntry("goblet-squat", 1, reps=8, load_kg=12.0))
    session = recorder.finish(None)
    assert session.status == "in_progress"  # not stored yet, but the screens carry on
    recorder.set_pain_after(1, "ok")
    assert recorder.pending.count == 3
    holder.release()
    assert recorder.pending.retry()
    stored = store.workouts.session_detail(recorder.session_id)
    assert (stored.session.status, stored.session.pain_after) == ("completed", 1)
    assert len(stored.sets) == 1
    assert recorder.session.status == "completed"


def test_undo_of_a_set_not_yet_written(store: Store, holder: Holder) -> None:
    recorder = SessionRecorder.start(store.workouts, "strength", 2)
    holder.hold()
    recorder.log(SetEntry("goblet-squat", 1, reps=8, load_kg=12.0))
    assert recorder.undo(SetKey("goblet-squat", 1, "both")) is None  # queued after it
    holder.release()
    assert recorder.pending.retry()
    assert stored_sets(store, recorder.session_id) == []
    assert recorder.logged == []


def test_a_bad_value_is_refused_at_once_not_queued(store: Store) -> None:
    recorder = SessionRecorder.start(store.workouts, "strength", 2)
    with pytest.raises(ValidationError):
        recorder.log(SetEntry("goblet-squat", 1, reps=5000))
    assert recorder.pending.count == 0
    assert recorder.correct(SetKey("goblet-squat", 1, "both"), reps=5, load_kg=None) is None


def test_a_write_that_can_never_succeed_is_reported_not_retried_forever() -> None:
    from backleg_desktop.services.errors import NotFoundError

    pending = PendingWrites()
    attempts: list[str] = []

    def busy() -> None:
        attempts.append("busy")
        raise StorageError("busy")

    assert pending.submit(busy, "set 1 of x") is None
    state = {"free": False}

    def gone() -> None:
        if not state["free"]:
            raise StorageError("busy")
        raise NotFoundError("There is no session 3 in the history.")

    pending.submit(gone, "set 2 of x")
    done: list[int] = []
    pending.submit(lambda: 7, "set 3 of x", done.append)
    assert pending.count == 3 and done == []
    pending._queue.popleft()  # the first one, as if written
    state["free"] = True
    assert pending.retry() is True
    assert done == [7]
    assert [what for what, _ in pending.failed] == ["set 2 of x"]
