"""The sessions list and the session detail, on a real seeded SQLite history."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from backleg_desktop.ui import message_boxes
from backleg_desktop.ui.history.sets_model import LOAD, NOTE, REPS, REST
from backleg_desktop.ui.history.table_model import (
    DATE,
    PAIN,
    PLAN,
    RECORD_ROLE,
    SESSION_ID_ROLE,
    VOLUME,
    SessionTableModel,
)
from tests.ui.history.conftest import SEEDED_SESSIONS


def ids_in_view(model) -> list[int]:
    return [model.index(r, DATE).data(SESSION_ID_ROLE) for r in range(model.rowCount())]


def test_first_page_is_the_newest_hundred_and_more_come_on_demand(page, store) -> None:
    model = page.model
    assert model.rowCount() == 100
    assert model.total() == SEEDED_SESSIONS
    newest = store.workouts.list_sessions(limit=200)
    assert ids_in_view(model) == [s.session.id for s in newest[:100]]
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 200
    assert ids_in_view(model) == [s.session.id for s in newest]
    page.table.scrollToBottom()  # the view asks for the next page itself
    assert model.rowCount() > 200
    assert page.filters.count_label.text() == f"{SEEDED_SESSIONS} sessions"


def test_model_pages_with_a_small_page_size(store, real_library) -> None:
    model = SessionTableModel(store.workouts, real_library, page_size=40)
    seen = model.rowCount()
    while model.canFetchMore():
        model.fetchMore()
        assert model.rowCount() in (seen + 40, SEEDED_SESSIONS)
        seen = model.rowCount()
    assert seen == SEEDED_SESSIONS
    assert len(set(ids_in_view(model))) == SEEDED_SESSIONS


def test_sort_by_clicking_date_and_volume(page, store) -> None:
    model = page.model
    page.table.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
    oldest = store.workouts.list_sessions(limit=1, newest_first=False)[0]
    assert model.index(0, DATE).data(SESSION_ID_ROLE) == oldest.session.id

    page.table.sortByColumn(VOLUME, Qt.SortOrder.DescendingOrder)
    everything = store.workouts.list_sessions(limit=1000)
    volumes = [model.summary_at(r).volume_kg for r in range(model.rowCount())]
    assert volumes[0] == max(s.volume_kg for s in everything)
    assert volumes == sorted(volumes, reverse=True)
    model.fetchMore()
    assert model.rowCount() == 200  # paging still works for a sort done in the model

    page.table.sortByColumn(PAIN, Qt.SortOrder.AscendingOrder)
    first = model.summary_at(0).session
    assert first.pain_after == min(s.session.pain_after for s in everything)


def test_filter_by_plan_exercise_and_dates(page, store) -> None:
    model = page.model
    page.filters.plan_combo.setCurrentIndex(page.filters.plan_combo.findData("quick-add-on"))
    quick = store.workouts.count_sessions(plan_id="quick-add-on")
    assert 0 < model.total() == quick < SEEDED_SESSIONS
    rows = range(model.rowCount())
    assert {model.index(r, PLAN).data() for r in rows} == {"Quick add-on"}

    page.clear_filters()
    page.filters.exercise_combo.setCurrentIndex(
        page.filters.exercise_combo.findData("lying-leg-curl")
    )
    # Only the strength plan has leg curls.
    assert model.total() == store.workouts.count_sessions(exercise_id="lying-leg-curl")
    assert model.total() == SEEDED_SESSIONS - quick

    page.clear_filters()
    page.filters.since_edit.setDate(QDate(2016, 3, 7))
    page.filters.until_edit.setDate(QDate(2016, 3, 13))
    assert model.total() == 7  # one session a day, both ends included
    days = {model.summary_at(r).session.started_at.astimezone().date() for r in range(7)}
    assert min(days) == date(2016, 3, 7) and max(days) == date(2016, 3, 13)
    assert page.filters.count_label.text() == "7 sessions"


def select_first_session(page, qtbot):  # type: ignore[no-untyped-def]
    page.table.selectRow(0)
    session_id = page.model.index(0, DATE).data(SESSION_ID_ROLE)
    assert page.detail.detail is not None and page.detail.detail.session.id == session_id
    return session_id


def working_row(page) -> int:
    sets = page.detail.sets_model
    return next(r for r in range(sets.rowCount()) if sets.logged_set(r).kind == "working")


def test_edit_reps_load_and_note_saves_at_once_and_ctrl_z_undoes(page, store, qtbot) -> None:
    select_first_session(page, qtbot)
    sets = page.detail.sets_model
    row = working_row(page)
    logged = sets.logged_set(row)
    assert sets.setData(sets.index(row, REPS), "7")
    assert sets.setData(sets.index(row, LOAD), "21,5")
    assert sets.setData(sets.index(row, NOTE), "knee twinged")
    stored = {s.id: s for s in store.workouts.session_detail(logged.session_id).sets}[logged.id]
    assert (stored.reps, stored.load_kg, stored.note) == (7, 21.5, "knee twinged")
    assert not sets.setData(sets.index(row, REPS), "seven")  # not a number: nothing saved
    assert not sets.setData(sets.index(row, REPS), "2.5")

    for _ in range(3):
        qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    stored = {s.id: s for s in store.workouts.session_detail(logged.session_id).sets}[logged.id]
    assert (stored.reps, stored.load_kg, stored.note) == (logged.reps, logged.load_kg, logged.note)

    page.redo_action.trigger()
    stored = {s.id: s for s in store.workouts.session_detail(logged.session_id).sets}[logged.id]
    assert stored.reps == 7


def test_out_of_range_edit_is_refused_with_a_message(page, store, qtbot, monkeypatch) -> None:
    told: list[str] = []
    monkeypatch.setattr(message_boxes, "warn", lambda *a: told.append(a[2]))
    select_first_session(page, qtbot)
    sets = page.detail.sets_model
    row = working_row(page)
    assert not sets.setData(sets.index(row, REPS), "5000")
    assert told and "reps" in told[0]
    assert page.undo_stack.count() == 0


def test_delete_set_and_undo(page, store, qtbot) -> None:
    session_id = select_first_session(page, qtbot)
    before = store.workouts.session_detail(session_id).sets
    page.detail.sets_view.selectRow(1)
    victim = page.detail.selected_set()
    qtbot.mouseClick(page.detail.delete_set_button, Qt.MouseButton.LeftButton)
    after = store.workouts.session_detail(session_id).sets
    assert len(after) == len(before) - 1 and victim.id not in {s.id for s in after}
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.workouts.session_detail(session_id).sets == before


def test_delete_session_and_undo(page, store, qtbot) -> None:
    session_id = select_first_session(page, qtbot)
    before = store.workouts.session_detail(session_id)
    qtbot.mouseClick(page.detail.delete_session_button, Qt.MouseButton.LeftButton)
    assert store.workouts.count_sessions() == SEEDED_SESSIONS - 1
    assert page.model.total() == SEEDED_SESSIONS - 1
    assert session_id not in ids_in_view(page.model)
    assert page.detail.detail is None
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.workouts.session_detail(session_id) == before
    assert page.model.index(0, DATE).data(SESSION_ID_ROLE) == session_id


def test_sessions_holding_a_record_are_marked(page, store) -> None:
    page.mark_records()
    records = store.workouts.records("leg-extension")
    holder = records.best_volume.session_id
    page.table.sortByColumn(VOLUME, Qt.SortOrder.DescendingOrder)
    model = page.model
    while model.row_of_session(holder) is None and model.canFetchMore():
        model.fetchMore()
    row = model.row_of_session(holder)
    assert model.index(row, DATE).data(RECORD_ROLE) is True
    assert model.index(row, DATE).data().endswith("★")
    marked = [r for r in range(model.rowCount()) if model.index(r, DATE).data(RECORD_ROLE)]
    assert len(marked) < model.rowCount()


@pytest.mark.parametrize("column", [DATE, VOLUME])
def test_detail_shows_sets_grouped_by_exercise_and_side(page, qtbot, column) -> None:
    page.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    select_first_session(page, qtbot)
    sets = page.detail.sets_model
    exercises = [sets.logged_set(r).exercise_id for r in range(sets.rowCount())]
    # Each exercise's sets sit together.
    groups = [e for i, e in enumerate(exercises) if i == 0 or exercises[i - 1] != e]
    assert len(groups) == len(set(groups))
    rest = sets.index(0, REST).data()
    assert " / " in rest  # rest taken / planned


def test_record_markers_arrive_from_a_worker_after_the_first_rows(page, qtbot) -> None:
    model = page.model
    qtbot.waitUntil(
        lambda: any(model.index(r, DATE).data(RECORD_ROLE) for r in range(model.rowCount())),
        timeout=5000,
    )
    page.pool.waitForDone()
