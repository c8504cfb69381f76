"""Text follows the system font size: the window built with a larger application font
shows bigger body text, headings, table rows and session numbers, and keeps its key
labels whole at 1024×700; a font change while running derives the headings and the big
numbers again from the new size (they were given an explicit size, which Qt keeps)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from backleg_desktop.services.store import open_store
from tests.support.stores import close_when_jobs_are_done
from tests.support.synthetic import generate_history

K = Qt.Key


@pytest.fixture
def app_font(qapp) -> Iterator[callable]:  # type: ignore[no-untyped-def,valid-type]
    """Set the application font's point size for the test; the old font comes back."""
    before = QFont(QApplication.font())

    def set_size(points: float) -> None:
        font = QFont(before)
        font.setPointSizeF(points)
        QApplication.setFont(font)

    yield set_size
    QApplication.setFont(before)


def open_window(request, data_dir, library):  # type: ignore[no-untyped-def]
    window = request.getfixturevalue("main_window")
    store = open_store(data_dir, library, make_daily_backup=False)
    store.workouts.import_sessions(itertools.islice(generate_history(years=1, seed=3), 6))
    window.attach_store(store)
    request.addfinalizer(lambda: (window.close(), close_when_jobs_are_done(store)))
    return window


def points(widget: QWidget) -> float:
    return widget.font().pointSizeF()


def headings(window, level: int) -> list[QLabel]:  # type: ignore[no-untyped-def]
    return [w for w in window.findChildren(QLabel) if w.property("heading") == level]


def to_set_screen(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.session.page
    window.session.start()

    def focused() -> QWidget:
        return QApplication.focusWidget() or window

    qtbot.keyClick(focused(), K.Key_Return)
    qtbot.keyClicks(focused(), "2")
    qtbot.keyClick(focused(), K.Key_Return)
    assert page.current_screen() is page.exercise_screen


def whole(label: QLabel) -> bool:
    """A label shows all its text: it wraps, or it is as wide as its text."""
    return label.wordWrap() or label.width() >= label.sizeHint().width()


def cut_labels(top: QWidget) -> list[str]:
    return [
        f"{w.objectName() or type(w).__name__} {w.text()!r}: {w.width()} < {w.sizeHint().width()}"
        for w in top.findChildren(QLabel)
        if w.isVisible() and w.text() and not whole(w)
    ]


@pytest.mark.parametrize("size", [14.0, 18.0])
def test_a_larger_system_font_makes_all_text_larger(
    qtbot, request, app_font, data_dir, library, size
) -> None:
    app_font(size)
    window = open_window(request, data_dir, library)
    window.resize(1024, 700)
    window.show_page("exercises")
    page = window.exercises_page
    assert points(page.search) == pytest.approx(size)
    assert [points(h) for h in headings(page, 1)] == [pytest.approx(size * 1.6)]

    window.show_page("history")
    history = window.history_page
    qtbot.waitUntil(lambda: history.table.model().rowCount() > 0, timeout=5000)
    table = history.table
    assert points(table) == pytest.approx(size)
    assert table.rowHeight(0) >= QFontMetrics(table.font()).height()
    qtbot.wait(20)
    assert not cut_labels(history), cut_labels(history)

    to_set_screen(qtbot, window)
    screen = window.session.page.exercise_screen
    assert points(screen.name) == pytest.approx(size * 2.4)
    assert points(screen.timer) == pytest.approx(size * 7.0)
    assert points(screen.primary_button) == pytest.approx(size * 1.3)
    qtbot.wait(20)
    assert not cut_labels(screen), cut_labels(screen)


def test_a_font_change_while_running_resizes_headings_and_numbers(
    qtbot, request, app_font, data_dir, library
) -> None:
    app_font(10.0)
    window = open_window(request, data_dir, library)
    to_set_screen(qtbot, window)
    screen = window.session.page.exercise_screen
    exercises = window.exercises_page
    assert points(screen.timer) == pytest.approx(70.0)

    app_font(16.0)  # the system font changed: Qt tells every widget
    qtbot.wait(20)
    assert points(screen.timer) == pytest.approx(16.0 * 7.0)
    assert points(screen.name) == pytest.approx(16.0 * 2.4)
    assert points(screen.primary_button) == pytest.approx(16.0 * 1.3)
    assert [points(h) for h in headings(exercises, 1)] == [pytest.approx(16.0 * 1.6)]
    assert points(window.sidebar) > 16.0  # the sidebar's names are a little larger
    assert points(exercises.search) == pytest.approx(16.0)  # body text: Qt's own


def squeezed(top: QWidget) -> list[str]:
    """Shown labels and buttons given less height than their text needs (overlapping)."""
    found = []
    for w in top.findChildren(QWidget):
        if not (isinstance(w, (QLabel, QAbstractButton)) and w.isVisible() and w.height() > 0):
            continue
        hint = w.minimumSizeHint().height()
        need = w.heightForWidth(w.width()) if w.hasHeightForWidth() else hint
        if w.height() < need:
            found.append(f"{w.objectName() or type(w).__name__}: {w.height()} < {need}")
    return found


def cut_buttons(bar: QWidget) -> list[str]:
    """Buttons narrower than their text, or reaching past the bar's edge."""
    return [
        f"{b.objectName()} {b.text()!r}: {b.width()} < {b.sizeHint().width()} or past the edge"
        for b in bar.findChildren(QAbstractButton)
        if b.isVisible()
        and (b.width() < b.sizeHint().width() or b.geometry().right() >= bar.width())
    ]


@pytest.mark.parametrize("size", [11.0, 14.0, 18.0])
def test_the_set_screen_fits_1024_by_700_at_a_large_font(
    qtbot, request, app_font, data_dir, library, size
) -> None:
    app_font(size)
    window = open_window(request, data_dir, library)
    window.resize(1024, 700)
    to_set_screen(qtbot, window)
    qtbot.wait(20)
    page = window.session.page
    screen = page.exercise_screen
    assert not squeezed(screen), squeezed(screen)
    assert not cut_labels(screen), cut_labels(screen)
    for box in (screen.reps, screen.load):  # the inputs keep their full height
        assert box.height() >= box.minimumSizeHint().height()
    bar = page.action_bar
    assert not cut_buttons(bar), cut_buttons(bar)
    # The keys are still told where the text has no room for them.
    stop = page.chrome.stop_button
    assert "Ctrl+Shift+P" in stop.toolTip() and "Ctrl+Shift+P" in stop.accessibleDescription()
    if size == 18.0:
        assert bar.rows == 2


def test_opened_warning_signs_come_into_view_at_a_large_font(
    qtbot, request, app_font, data_dir, library
) -> None:
    app_font(18.0)
    window = open_window(request, data_dir, library)
    window.resize(1024, 700)
    to_set_screen(qtbot, window)
    screen = window.session.page.exercise_screen
    qtbot.keyClick(QApplication.focusWidget() or window, K.Key_I)
    body = screen.safety.body
    qtbot.waitUntil(body.isVisible)
    viewport = screen.scroll_area.viewport()

    def in_view() -> bool:
        top = body.mapTo(viewport, body.rect().topLeft()).y()
        return 0 <= top < viewport.height()

    qtbot.waitUntil(in_view, timeout=2000)


def test_during_a_set_at_a_large_font_the_reps_and_button_are_in_view(
    qtbot, request, app_font, data_dir, library
) -> None:
    app_font(18.0)
    window = open_window(request, data_dir, library)
    window.resize(1024, 700)
    to_set_screen(qtbot, window)
    screen = window.session.page.exercise_screen
    viewport = screen.scroll_area.viewport()
    qtbot.wait(20)

    def shown(widget: QWidget) -> bool:
        top = widget.mapTo(viewport, widget.rect().topLeft()).y()
        return top >= 0 and top + widget.height() <= viewport.height()

    # Ready: the boxes and the Start set button are wholly in view, and so is the
    # exercise's name (in the header, above the part that scrolls).
    for widget in (screen.reps, screen.load, screen.primary_button):
        assert shown(widget), f"{widget.objectName()} not wholly in view"
    name = screen.name.mapTo(window, screen.name.rect().topLeft()).y()
    assert name >= 0 and name + screen.name.height() <= viewport.mapTo(window, QPoint(0, 0)).y()
    assert screen.name.isVisible() and screen.name.text()

    qtbot.keyClick(QApplication.focusWidget() or window, K.Key_Space)  # the set starts
    qtbot.waitUntil(lambda: shown(screen.primary_button) and shown(screen.reps), timeout=2000)


def test_box_widths_and_button_heights_follow_a_font_change_while_running(
    qtbot, request, app_font, data_dir, library
) -> None:
    app_font(10.0)
    window = open_window(request, data_dir, library)
    window.resize(1024, 700)
    to_set_screen(qtbot, window)
    screen = window.session.page.exercise_screen
    before = (screen.reps.minimumWidth(), screen.load.minimumWidth())
    button = screen.primary_button.minimumHeight()
    skip = window.session.page.chrome.skip_set_button.minimumHeight()

    app_font(18.0)  # the system font changed while the set screen is up
    qtbot.wait(20)
    for box in (screen.reps, screen.load):  # still room for "000" and "000.00 lb"
        widest = "000.00 lb" if box is screen.load else "000"
        assert box.minimumWidth() >= box.fontMetrics().horizontalAdvance(widest) + 60
    assert screen.reps.minimumWidth() > before[0] and screen.load.minimumWidth() > before[1]
    for b in (screen.primary_button, window.session.page.chrome.skip_set_button):
        assert b.minimumHeight() >= 2 * b.fontMetrics().height()  # two lines of the new font
    assert screen.primary_button.minimumHeight() > button
    assert window.session.page.chrome.skip_set_button.minimumHeight() > skip
