"""Undo and redo in History when the store cannot do what the command asks.

Another connection (the CLI, say) deletes what a command would change, or holds the write
lock: Ctrl+Z / Ctrl+Shift+Z must tell the user, and the undo stack must not claim a step
happened that is not in the file (QUndoStack moves its index even when the command fails,
unless the command takes itself off the stack).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from backleg_desktop.content.model import Library
from backleg_desktop.services.errors import NotFoundError
from backleg_desktop.services.store import Store, open_store
from backleg_desktop.ui import message_boxes
from backleg_desktop.ui.history.sets_model import REPS
from tests.ui.history.test_sessions import select_first_session, working_row

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(message_boxes, "warn", lambda *args: messages.append(args[2]))
    return messages


@pytest.fixture
def cli(store: Store, real_library: Library) -> Iterator[Store]:
    """The same history file through a second store: its own engine and connection."""
    with open_store(store.data_dir, real_library, make_daily_backup=False) as other:
        yield other


def undo(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)


def test_undo_of_an_edit_to_a_set_the_cli_deleted_tells_and_leaves_nothing_to_redo(
    page, store, cli, qtbot, told
) -> None:
    select_first_session(page, qtbot)
    sets = page.detail.sets_model
    row = working_row(page)
    logged = sets.logged_set(row)
    assert sets.setData(sets.index(row, REPS), "7")
    assert page.undo_stack.canUndo()

    cli.workouts.delete_set(logged.id)
    undo(page, qtbot)

    qtbot.waitUntil(lambda: bool(told))
    assert "Could not undo" in told[0] and f"no set {logged.id}" in told[0]
    # The stack agrees with the file: no "Redo Edit reps" for a set that is gone.
    assert (page.undo_stack.count(), page.undo_stack.canRedo()) == (0, False)
    assert not page.redo_action.isEnabled()
    with pytest.raises(NotFoundError):
        store.workouts.update_set(logged.id, reps=8)
    shown = [sets.logged_set(r).id for r in range(sets.rowCount())]
    assert logged.id not in shown  # the detail was re-read


def test_redo_of_a_delete_after_the_cli_deleted_the_session_tells_and_drops_it(
    page, store, cli, qtbot, told
) -> None:
    session_id = select_first_session(page, qtbot)
    page.detail.sets_view.selectRow(0)
    victim = page.detail.selected_set()
    qtbot.mouseClick(page.detail.delete_set_button, Qt.MouseButton.LeftButton)
    undo(page, qtbot)  # the set is back
    assert victim.id in {s.id for s in store.workouts.session_detail(session_id).sets}

    cli.workouts.delete_session(session_id)
    page.redo_action.trigger()

    qtbot.waitUntil(lambda: bool(told))
    assert "Could not redo" in told[0]
    assert (page.undo_stack.count(), page.undo_stack.canUndo()) == (0, False)
    assert page.detail.detail is None  # the session is gone from the detail too


def test_undo_while_another_process_holds_the_write_lock_keeps_stack_and_file_together(
    page, store, qtbot, told
) -> None:
    session_id = select_first_session(page, qtbot)
    first = page.detail.sets_model.logged_set(0)
    page.detail.sets_view.selectRow(0)
    qtbot.mouseClick(page.detail.delete_set_button, Qt.MouseButton.LeftButton)
    count = page.undo_stack.count()

    holder = sqlite3.connect(store.db_path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # e.g. a restore or another writer, for 5 s+
        undo(page, qtbot)
    finally:
        holder.execute("ROLLBACK")
        holder.close()

    qtbot.waitUntil(lambda: bool(told))
    assert "Could not undo “Delete set”" in told[0]
    # The set is still deleted in the file, and the stack no longer offers to restore it
    # as if that had worked; nor does it offer to "redo" a delete that is already done.
    assert first.id not in {s.id for s in store.workouts.session_detail(session_id).sets}
    assert page.undo_stack.count() == count - 1
    assert not page.undo_stack.canRedo()
