"""History at 1024×700: no sideways scrolling, no main column hidden or clipped, the other
columns chosen from the header menu (remembered), and the detail back at the top per session."""

from __future__ import annotations

import gc
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QThreadPool
from PySide6.QtWidgets import QTableView

from backleg_desktop.domain.history import ImportedSession, SetEntry
from backleg_desktop.ui.history import sets_model
from backleg_desktop.ui.history.table_model import (
    DATE,
    DURATION,
    PAIN,
    PLAN,
    SETS,
    STATUS,
    VOLUME,
)

LONG_NAME = "Single-leg Romanian Deadlift (Dumbbell, Contralateral, Slow Tempo)"
T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=3)


def long_session(store, sets: int = 30) -> int:  # type: ignore[no-untyped-def]
    store.workouts.import_sessions(
        [
            ImportedSession(
                name="An imported workout with a title far too long for its column",
                plan_id=None,
                started_at=T0,
                ended_at=T0 + timedelta(hours=1),
                status="completed",
                pain_before=2,
                pain_after=2,
                notes="",
                sets=tuple(
                    SetEntry(
                        f"user:{LONG_NAME}" if n % 2 else "goblet-squat",
                        n + 1,
                        reps=10,
                        load_kg=12.0,
                        rpe=8.0 if n == 0 else None,
                        completed_at=T0 + timedelta(minutes=n),
                    )
                    for n in range(sets)
                ),
            )
        ]
    )
    return store.workouts.list_sessions(limit=1)[0].session.id


@pytest.fixture
def window(qtbot, store, real_library, data_dir):  # type: ignore[no-untyped-def]
    from backleg_desktop.app import create_main_window
    from backleg_desktop.ui.disclaimer import remember_accepted

    win = create_main_window(data_dir=data_dir, library=real_library)
    remember_accepted(win.settings)
    win.resize(1024, 700)
    win.show()
    qtbot.waitExposed(win)
    win.attach_store(store)
    win.show_page("history")
    yield win
    dispose(win)


def dispose(widget) -> None:  # type: ignore[no-untyped-def]
    """Delete a window on this thread now: left to the garbage collector, it could be
    deleted by whichever thread collects, such as the records worker's."""
    QThreadPool.globalInstance().waitForDone()
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()


def assert_fits(view: QTableView, main: tuple[int, ...]) -> None:
    assert not view.horizontalScrollBar().isVisible(), "sideways scrolling"
    header = view.horizontalHeader()
    used = sum(
        header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c)
    )
    assert used <= view.viewport().width()
    for column in main:
        assert not view.isColumnHidden(column), f"main column {column} hidden"
        assert header.sectionSize(column) >= 90 or (  # the stretching column, or one as wide
            header.sectionSize(column) >= view.sizeHintForColumn(column)  # as its texts
        )


def test_list_and_detail_fit_at_1024x700(window, store, qtbot) -> None:
    session_id = long_session(store)
    page = window.history_page
    page.refresh()
    page.show_session(session_id)
    qtbot.wait(50)
    assert window.width() == 1024
    assert_fits(page.table, (DATE, PLAN, SETS, PAIN))
    # Columns of fixed width show their whole text; the plan elides with its name as tooltip.
    metrics = page.table.fontMetrics()
    for column in (DATE, SETS, PAIN):
        widest = max(
            metrics.horizontalAdvance(page.model.index(r, column).data())
            for r in range(page.model.rowCount())
        )
        assert page.table.columnWidth(column) >= widest + 8
    row = page.model.row_of_session(session_id)
    assert page.model.index(row, PLAN).data(3).startswith("An imported workout")  # ToolTipRole

    view = page.detail.sets_view
    assert_fits(view, (sets_model.EXERCISE, sets_model.NUMBER, sets_model.REPS, sets_model.LOAD))
    model = page.detail.sets_model
    long_row = next(r for r in range(model.rowCount()) if LONG_NAME in model.index(r, 0).data())
    assert model.index(long_row, sets_model.EXERCISE).data(3) == LONG_NAME  # the whole name
    assert not view.isColumnHidden(sets_model.RPE)  # RPE is shown when a set has one


def test_header_menu_shows_a_column_and_remembers_it(window, store, qtbot, data_dir) -> None:
    page = window.history_page
    assert page.table.isColumnHidden(VOLUME)  # does not fit at 1024 beside the main ones
    menu = page.columns.menu()
    entries = {a.text(): a for a in menu.actions() if a.isCheckable()}
    assert set(entries) == {"Status", "Duration", "Volume"}
    entries["Volume"].setChecked(True)
    entries_status = page.columns.menu().actions()[0]
    entries_status.setChecked(False)  # Status hidden by choice
    assert not page.table.isColumnHidden(VOLUME)
    assert page.table.isColumnHidden(STATUS)
    window.settings.sync()

    again = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    assert "Volume" not in str(again.value("history/session_columns_hidden"))
    from backleg_desktop.ui.history import HistoryPage

    other = HistoryPage(window.library)
    other.resize(1024, 600)
    other.use_settings(again)
    other.set_store(store)
    other.show()
    qtbot.waitExposed(other)
    assert not other.table.isColumnHidden(VOLUME)
    assert other.table.isColumnHidden(STATUS)
    assert other.table.isColumnHidden(DURATION)  # the user hid it by not ticking it
    other.columns.reset()  # "Show what fits"
    assert other.columns.hidden_by_choice() is None
    assert again.value("history/session_columns_hidden") is None
    dispose(other)


def test_wide_window_shows_every_column(window, qtbot) -> None:
    window.resize(1800, 900)
    qtbot.wait(50)
    page = window.history_page
    assert not any(page.table.isColumnHidden(c) for c in range(7))
    assert not page.table.horizontalScrollBar().isVisible()


def test_detail_scroll_resets_for_each_session(window, store, qtbot) -> None:
    session_id = long_session(store, sets=60)
    page = window.history_page
    page.refresh()
    page.show_session(session_id)
    bar = page.detail.sets_view.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    other = store.workouts.list_sessions(limit=2)[1].session.id
    page.show_session(other)
    page.show_session(session_id)
    assert bar.value() == 0


def test_a_lunges_left_and_right_rows_show_their_side_beside_an_rpe(window, store, qtbot) -> None:
    """An alternating set is two rows with the same exercise and set number: without the
    Side column they read as a set logged twice (found in a walkthrough with RPE on)."""
    store.workouts.import_sessions(
        [
            ImportedSession(
                name="Strength session",
                plan_id="strength",
                started_at=T0,
                ended_at=T0 + timedelta(hours=1),
                status="completed",
                pain_before=2,
                pain_after=1,
                notes="",
                sets=tuple(
                    SetEntry(
                        "reverse-lunge",
                        n // 2 + 1,
                        side="left" if n % 2 == 0 else "right",
                        reps=8,
                        load_kg=24.95,
                        rpe=7.0,
                        completed_at=T0 + timedelta(minutes=n),
                    )
                    for n in range(6)
                ),
            )
        ]
    )
    page = window.history_page
    page.refresh()
    page.show_session(store.workouts.list_sessions(limit=1)[0].session.id)
    qtbot.wait(50)
    view = page.detail.sets_view
    assert_fits(view, (sets_model.EXERCISE, sets_model.NUMBER, sets_model.REPS, sets_model.LOAD))
    assert not view.isColumnHidden(sets_model.SIDE)
    assert page.detail.sets_model.index(0, sets_model.SIDE).data() == "Left"
