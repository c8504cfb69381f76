"""RPE can be changed in History's detail like reps and load: saved at once, undoable,
checked as the session checks it (0 to 10 in halves), and an empty cell clears it."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from backleg_desktop.content.model import Library
from backleg_desktop.services.store import Store, open_store
from backleg_desktop.ui import message_boxes
from backleg_desktop.ui.history.sets_model import RPE
from backleg_desktop.ui.session.rpe_field import RpeSpinBox
from tests.ui.history.test_sessions import select_first_session, working_row

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(message_boxes, "warn", lambda *args: messages.append(args[2]))
    return messages


def stored_rpe(store: Store, session_id: int, set_id: int) -> float | None:
    sets = {s.id: s for s in store.workouts.session_detail(session_id).sets}
    return sets[set_id].rpe


def shown(page, row: int) -> str:  # type: ignore[no-untyped-def]
    return str(page.detail.sets_model.index(row, RPE).data())


def test_rpe_is_saved_at_once_cleared_when_empty_and_undone_with_ctrl_z(page, store, qtbot) -> None:
    session_id = select_first_session(page, qtbot)
    sets = page.detail.sets_model
    row = working_row(page)
    logged = sets.logged_set(row)
    assert logged.rpe is None
    assert sets.flags(sets.index(row, RPE)) & Qt.ItemFlag.ItemIsEditable

    assert sets.setData(sets.index(row, RPE), "7,5")
    assert stored_rpe(store, session_id, logged.id) == 7.5
    row = sets.row_of_set(logged.id)
    assert shown(page, row) == "7.5"
    assert page.undo_stack.undoText() == "Edit RPE"

    assert sets.setData(sets.index(row, RPE), "  ")  # blank: no RPE
    assert stored_rpe(store, session_id, logged.id) is None
    assert shown(page, sets.row_of_set(logged.id)) == ""

    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    assert stored_rpe(store, session_id, logged.id) == 7.5
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    assert stored_rpe(store, session_id, logged.id) is None
    page.redo_action.trigger()
    assert stored_rpe(store, session_id, logged.id) == 7.5
    assert shown(page, sets.row_of_set(logged.id)) == "7.5"


@pytest.mark.parametrize("typed", ["7.3", "11", "-1"])
def test_an_rpe_the_session_would_refuse_is_refused_with_a_message(
    page, store, qtbot, told, typed
) -> None:
    session_id = select_first_session(page, qtbot)
    sets = page.detail.sets_model
    row = working_row(page)
    logged = sets.logged_set(row)
    assert not sets.setData(sets.index(row, RPE), typed)
    assert told and "An RPE must be 0 to 10 in whole or half steps" in told[0]
    assert "Nothing was changed" in told[0]
    assert page.undo_stack.count() == 0
    assert stored_rpe(store, session_id, logged.id) is None


def test_not_a_number_saves_nothing(page, store, qtbot) -> None:
    session_id = select_first_session(page, qtbot)
    sets = page.detail.sets_model
    row = working_row(page)
    assert not sets.setData(sets.index(row, RPE), "hard")
    assert page.undo_stack.count() == 0
    assert stored_rpe(store, session_id, sets.logged_set(row).id) is None


def test_an_rpe_edit_to_a_set_the_cli_deleted_tells_and_leaves_the_stack_empty(
    page, store, real_library: Library, qtbot, told
) -> None:
    select_first_session(page, qtbot)
    sets = page.detail.sets_model
    row = working_row(page)
    logged = sets.logged_set(row)
    with open_store(store.data_dir, real_library, make_daily_backup=False) as cli:
        cli.workouts.delete_set(logged.id)
    assert not sets.setData(sets.index(row, RPE), "8")
    assert told and f"no set {logged.id}" in told[0]
    assert page.undo_stack.count() == 0  # nothing to undo that is not in the file


def editor_index(page, row: int):  # type: ignore[no-untyped-def]
    return page.detail.sets_model.index(row, RPE)


def open_rpe_editor(page, qtbot, row: int) -> RpeSpinBox:  # type: ignore[no-untyped-def]
    view = page.detail.sets_view
    page.detail.columns.choose(RPE, True)  # hidden while no set has an RPE
    index = page.detail.sets_model.index(row, RPE)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    assert isinstance(editor, RpeSpinBox) and editor.isVisible()
    assert editor.objectName() == "historyRpeInput"
    assert editor.accessibleName() and editor.accessibleDescription()
    return editor


def test_the_cell_editor_is_the_sessions_rpe_box_and_clearing_it_clears_the_rpe(
    page, store, qtbot
) -> None:
    session_id = select_first_session(page, qtbot)
    row = working_row(page)
    logged = page.detail.sets_model.logged_set(row)

    editor = open_rpe_editor(page, qtbot, row)
    assert editor.text() == "–"
    editor.lineEdit().selectAll()
    qtbot.keyClicks(editor.lineEdit(), "8.5")
    qtbot.keyClick(editor.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored_rpe(store, session_id, logged.id) == 8.5)

    row = page.detail.sets_model.row_of_set(logged.id)
    editor = open_rpe_editor(page, qtbot, row)
    assert editor.value() == 8.5
    editor.lineEdit().selectAll()
    qtbot.keyClick(editor.lineEdit(), Qt.Key.Key_Delete)
    qtbot.keyClick(editor.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored_rpe(store, session_id, logged.id) is None)
    assert page.undo_stack.count() == 2


def test_opening_and_leaving_the_editor_keeps_an_imported_rpe_with_more_decimals(
    page, store, qtbot, told
) -> None:
    session_id = select_first_session(page, qtbot)
    logged = page.detail.sets_model.logged_set(working_row(page))
    with sqlite3.connect(store.db_path) as raw:  # as a Strong import keeps it
        raw.execute("UPDATE sets SET rpe = 8.25 WHERE id = ?", (logged.id,))
    page.show_session(session_id)
    row = page.detail.sets_model.row_of_set(logged.id)
    assert shown(page, row) == "8.25"

    editor = open_rpe_editor(page, qtbot, row)
    assert editor.text() == "8.3"  # the box has one decimal
    qtbot.keyClick(editor.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.detail.sets_view.indexWidget(editor_index(page, row)) is None)
    qtbot.wait(50)  # the delegate commits on a queued call
    assert stored_rpe(store, session_id, logged.id) == 8.25
    assert (page.undo_stack.count(), told) == (0, [])
