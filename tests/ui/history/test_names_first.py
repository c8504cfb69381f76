"""History at 1024×700 and a large system font gives the names their room first: the
detail's exercise names and the list's main columns are shown whole, in the stacked and
the side-by-side layout, and the optional columns that no longer fit are left out (named
in the header menu, where the user can still tick them). The widths follow the font when
it changes while the app runs, the window's size, and rows that arrive later."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QTableView

from backleg_desktop.services.store import open_store
from backleg_desktop.ui.history import sets_model
from backleg_desktop.ui.history.table_model import DATE, PAIN, PLAN, SETS
from tests.support.stores import close_when_jobs_are_done
from tests.support.synthetic import generate_history
from tests.ui.history.test_large_font_fit import open_history, sideways
from tests.ui.test_font_size import app_font  # noqa: F401  (the fixture)

LIST_MAIN = (DATE, PLAN, SETS, PAIN)
DETAIL_MAIN = (sets_model.EXERCISE, sets_model.NUMBER, sets_model.REPS, sets_model.LOAD)


def cut_cells(view: QTableView, columns: tuple[int, ...]) -> list[str]:
    """Cells whose text is wider than the room the item delegate draws it in (the cell
    less its text margins), so Qt would elide it; and main columns hidden."""
    model = view.model()
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    metrics = view.fontMetrics()
    cut = [f"column {c} hidden" for c in columns if view.isColumnHidden(c)]
    for column in columns:
        for row in range(model.rowCount()):
            index = model.index(row, column)
            text = str(index.data() or "")
            room = view.visualRect(index).width() - 2 * margin
            if metrics.horizontalAdvance(text) > room:
                cut.append(f"{text!r} ({metrics.horizontalAdvance(text)} > {room})")
    return cut


def assert_whole(history) -> None:  # type: ignore[no-untyped-def]
    for view, main in ((history.table, LIST_MAIN), (history.detail.sets_view, DETAIL_MAIN)):
        assert view.model().rowCount() > 0
        assert not cut_cells(view, main), cut_cells(view, main)
        assert not sideways(view), "sideways scrolling"


def has_sides(history) -> bool:  # type: ignore[no-untyped-def]
    return history.detail.sets_model.has_values(sets_model.SIDE)


@pytest.mark.parametrize("size", [11.0, 14.0, 18.0])
def test_at_a_large_font_names_and_main_columns_are_whole(
    qtbot,
    request,
    app_font,  # noqa: F811
    data_dir,
    library,
    size,
) -> None:
    app_font(size)
    history = open_history(qtbot, request, data_dir, library)
    assert history.splitter.orientation() == Qt.Orientation.Vertical
    assert has_sides(history)  # a lunge's Left and Right rows are in this session
    assert_whole(history)
    # ...and they say which side they are, or they read like one set logged twice. The
    # reps column is only as wide as "Reps" when the session has no hold or distance.
    view = history.detail.sets_view
    assert not view.isColumnHidden(sets_model.SIDE)
    assert view.model().headerData(sets_model.REPS, Qt.Orientation.Horizontal) == "Reps"


def test_side_by_side_the_names_come_before_the_optional_columns(
    qtbot,
    request,
    app_font,  # noqa: F811
    data_dir,
    library,
) -> None:
    """At 11 pt in a wider window the list and the detail stand side by side; the names
    are still whole, and what is left out for them is said in the header menu."""
    app_font(11.0)
    history = open_history(qtbot, request, data_dir, library)
    window = history.window()
    window.resize(1200, 700)
    qtbot.waitUntil(lambda: history.splitter.orientation() == Qt.Orientation.Horizontal)
    qtbot.wait(20)
    assert_whole(history)
    columns = history.detail.columns
    left_out = columns.hidden_for_room()
    assert left_out  # at this width not everything fits beside the whole names
    notes = [a.text() for a in columns.menu().actions() if not a.isEnabled()]
    assert any(all(t in n for t in left_out) for n in notes), notes


def test_after_the_font_grows_while_running_the_widths_follow_it(
    qtbot,
    request,
    app_font,  # noqa: F811
    data_dir,
    library,
) -> None:
    history = open_history(qtbot, request, data_dir, library)
    assert history.splitter.orientation() == Qt.Orientation.Horizontal
    app_font(18.0)  # the system font changed: QApplication.setFont, fontChanged
    qtbot.waitUntil(lambda: history.splitter.orientation() == Qt.Orientation.Vertical)
    qtbot.wait(20)
    assert_whole(history)
    app_font(9.0)  # and back down: side by side again, the list's columns still whole
    qtbot.waitUntil(lambda: history.splitter.orientation() == Qt.Orientation.Horizontal)
    qtbot.wait(20)
    assert not cut_cells(history.table, (DATE, SETS, PAIN))
    assert not sideways(history.table) and not sideways(history.detail.sets_view)


def test_after_the_window_is_resized_to_1024_by_700_names_are_whole(
    qtbot,
    request,
    app_font,  # noqa: F811
    data_dir,
    library,
) -> None:
    app_font(14.0)
    history = open_history(qtbot, request, data_dir, library)
    window = history.window()
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: history.splitter.orientation() == Qt.Orientation.Horizontal)
    qtbot.wait(20)
    # Side by side the detail may be too narrow for the longest name (cut, whole in its
    # tooltip), but nothing scrolls sideways and the list's main columns are whole.
    assert not cut_cells(history.table, LIST_MAIN)
    assert not sideways(history.table) and not sideways(history.detail.sets_view)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: history.splitter.orientation() == Qt.Orientation.Vertical)
    qtbot.wait(20)
    assert_whole(history)


def test_rows_that_arrive_after_history_is_shown_are_measured(
    qtbot,
    app_font,  # noqa: F811
    main_window,
    data_dir,
    library,
) -> None:
    """History shown at 18 pt before any session exists (its tables measured empty), then
    a store with sessions."""
    app_font(18.0)
    window = main_window
    window.resize(1024, 700)
    window.show_page("history")
    qtbot.wait(20)
    store = open_store(data_dir, library, make_daily_backup=False)
    try:
        store.workouts.import_sessions(itertools.islice(generate_history(years=1, seed=3), 6))
        window.attach_store(store)
        history = window.history_page
        qtbot.waitUntil(lambda: history.table.model().rowCount() > 0, timeout=5000)
        history.table.selectRow(0)
        qtbot.waitUntil(lambda: history.detail.sets_model.rowCount() > 0, timeout=5000)
        qtbot.wait(20)
        assert_whole(history)
    finally:
        window.close()
        close_when_jobs_are_done(store)


def test_a_column_left_out_for_room_can_still_be_chosen(
    qtbot,
    request,
    app_font,  # noqa: F811
    data_dir,
    library,
) -> None:
    app_font(14.0)
    history = open_history(qtbot, request, data_dir, library)
    columns = history.detail.columns
    view = history.detail.sets_view
    left_out = columns.hidden_for_room()
    assert "Rest taken / planned" in left_out
    menu = columns.menu()
    notes = [a.text() for a in menu.actions() if not a.isEnabled()]
    assert any("Rest taken / planned" in n for n in notes), notes
    rest = next(a for a in menu.actions() if a.text() == "Rest taken / planned")
    assert rest.isCheckable() and not rest.isChecked()
    rest.setChecked(True)  # the user's choice wins over the room
    assert not view.isColumnHidden(sets_model.REST)
    assert columns.hidden_for_room() == []


def test_at_the_default_font_a_lunge_keeps_its_side_beside_the_names(
    qtbot, request, data_dir, library
) -> None:
    """Side by side at the default font the list is as wide as its main columns need and
    the detail has the rest: every name whole, with the Side column, which comes before
    the names' room (Left and Right rows would read as one set logged twice); a session of
    reps only has a "Reps" column, not the wider "Reps / time"."""
    history = open_history(qtbot, request, data_dir, library)
    assert history.splitter.orientation() == Qt.Orientation.Horizontal
    view = history.detail.sets_view
    assert not view.isColumnHidden(sets_model.SIDE)
    assert view.model().headerData(sets_model.REPS, Qt.Orientation.Horizontal) == "Reps"
    assert_whole(history)


@pytest.mark.parametrize("size", [14.0, 18.0])
def test_stacked_the_detail_gets_the_larger_share_for_its_sets(
    qtbot,
    request,
    app_font,  # noqa: F811
    data_dir,
    library,
    size,
) -> None:
    app_font(size)
    history = open_history(qtbot, request, data_dir, library)
    assert history.splitter.orientation() == Qt.Orientation.Vertical
    listed, detail = history.splitter.sizes()
    assert detail > listed
    view = history.detail.sets_view
    assert view.viewport().height() >= 3 * view.rowHeight(0)  # three sets in view at least


def test_the_users_split_stays_when_the_window_is_resized_or_history_shown_again(
    qtbot, request, data_dir, library
) -> None:
    history = open_history(qtbot, request, data_dir, library)
    splitter = history.splitter
    splitter.setSizes([600, splitter.width() - 600 - splitter.handleWidth()])  # a drag
    qtbot.wait(20)
    window = history.window()
    window.resize(1060, 700)
    qtbot.wait(20)
    window.show_page("exercises")
    window.show_page("history")
    qtbot.wait(20)
    assert splitter.orientation() == Qt.Orientation.Horizontal
    assert splitter.sizes()[0] >= 590  # not back to the list's least width
