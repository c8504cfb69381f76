"""The window side of "a logged set is never dropped": while another program holds the
history's write lock, a set logged with Space is kept, shown as not saved yet, retried on
a Qt timer and written in order once the lock is gone; the window will not close on it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from backleg_desktop.services.pending_writes import WINDOW_BUSY_TIMEOUT_MS
from backleg_desktop.services.store import Store, open_store
from backleg_desktop.ui import message_boxes


@pytest.fixture
def store(data_dir: Path, library) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    """Opened as app.open_store_into opens it for the window."""
    with open_store(
        data_dir, library, make_daily_backup=False, busy_timeout_ms=WINDOW_BUSY_TIMEOUT_MS
    ) as opened:
        yield opened


@pytest.fixture(autouse=True)
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """message_boxes.warn is modal: record it instead (a failing test must not hang)."""
    told: list[str] = []
    monkeypatch.setattr(message_boxes, "warn", lambda *args: told.append(args[2]))
    return told


@pytest.fixture
def lock(store: Store) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(store.db_path, isolation_level=None)
    yield conn
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    conn.close()


def test_a_set_logged_while_the_history_is_locked_is_kept_and_saved_later(
    drive, store, lock, warnings
) -> None:
    page = drive.page
    drive.start(pain="2")
    drive.do_set()  # set 1, written at once
    assert page.current_screen() is page.rest_screen
    session_id = page.recorder.session_id
    assert len(store.workouts.session_detail(session_id).sets) == 1
    drive.space()  # skip the rest

    lock.execute("BEGIN IMMEDIATE")  # e.g. `backleg import` writing
    drive.do_set()  # set 2: the store is busy
    assert page.current_screen() is page.rest_screen  # the session carries on
    assert page.recorder.pending.count == 1
    assert "Saving… 1 set not saved yet" in page.message.text()
    assert page.message.property("error") is True
    assert page.saving.timer.isActive()
    assert page.rest_screen.logged_text.text().endswith("(not saved yet)")
    assert ", set 2" in page.rest_screen.logged_text.text()
    drive.space()
    drive.do_set()  # set 3 queues behind set 2
    assert page.recorder.pending.count >= 2
    assert len(store.workouts.session_detail(session_id).sets) == 1

    assert not drive.window.close()  # closing now would lose them: it stays open
    assert drive.window.isVisible()
    assert "are not in your history yet" in warnings[0]
    assert "kept in a file too" in warnings[0]  # journalled: a kill now would not lose them

    page.saving.timer.timeout.emit()  # a retry while still locked: kept
    assert page.recorder.pending.count >= 2
    lock.execute("COMMIT")
    page.saving.timer.timeout.emit()  # the timer's next retry
    assert page.recorder.pending.count == 0
    assert not page.saving.timer.isActive()
    assert page.message.text().startswith("Saved: everything you logged")
    sets = sorted(store.workouts.session_detail(session_id).sets, key=lambda s: s.id)
    assert [s.set_number for s in sets] == [1, 2, 3]
    assert [s.id for s in page.recorder.logged] == [s.id for s in sets]


def test_a_new_session_keeps_the_last_ones_unsaved_sets(drive, store, lock) -> None:
    page = drive.page
    drive.start(pain="2")
    drive.do_set()
    first_session = page.recorder.session_id
    lock.execute("BEGIN IMMEDIATE")
    drive.space()  # the rest taken after set 1: queued
    drive.do_set()  # set 2: queued
    assert page.recorder.pending.count == 2
    page.back_to_plans()  # the recorder goes away; its queue must not
    assert page.recorder is None
    page.saving.update()
    assert page.saving.count == 2 and page.saving.timer.isActive()
    lock.execute("COMMIT")
    page.saving.retry()
    assert page.saving.count == 0 and not page.saving.timer.isActive()
    assert len(store.workouts.session_detail(first_session).sets) == 2
