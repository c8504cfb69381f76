"""A visible keyboard focus in both themes: each kind of control, the sidebar and the
Exercises grid's cards look different with focus, and the pixels that change stand
3:1 or more against what was there before (WCAG 2.4.7 and 1.4.11)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.ui import theme
from backleg_desktop.ui.focus_ring import install_focus_ring
from tests.ui.test_theme import contrast

SCHEMES = ["light", "dark"]


@pytest.fixture
def themes(qapp: QApplication) -> Iterator[theme.ThemeController]:
    before = QPalette(qapp.palette())
    controller = theme.theme_controller(qapp)
    choice = controller.choice
    install_focus_ring(qapp)  # as the completed window does
    yield controller
    controller.set_choice(choice)
    qapp.setPalette(before)


def changed_pixels(before: QImage, after: QImage) -> list[float]:
    """The contrast of each pixel that differs, against the same pixel before."""
    assert before.size() == after.size()
    return [
        contrast(before.pixelColor(x, y), after.pixelColor(x, y))
        for x in range(before.width())
        for y in range(before.height())
        if before.pixel(x, y) != after.pixel(x, y)
    ]


def assert_focus_shows(ratios: list[float], around: QRect, what: str) -> None:
    """Enough pixels change (a ring's worth) and they change by 3:1 or more."""
    strong = [r for r in ratios if r >= 3.0]
    perimeter = 2 * (around.width() + around.height())
    assert len(strong) >= perimeter * 0.9, (what, len(strong), perimeter, max(ratios, default=0))


def region(widget: QWidget) -> tuple[QWidget, QRect]:
    """The widget's parent and the widget's rectangle in it with 4 px to spare."""
    parent = widget.parentWidget()
    assert parent is not None
    return parent, widget.geometry().adjusted(-4, -4, 4, 4)


def focus(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab does
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    QApplication.processEvents()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_kind_of_control_shows_focus(qtbot, themes, scheme) -> None:  # type: ignore[no-untyped-def]
    themes.set_choice(scheme)
    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    combo = QComboBox(form)
    combo.addItems(["Shortest", "Middle"])
    table = QTableWidget(2, 2, form)
    lst = QListWidget(form)
    lst.addItems(["Plans", "History"])
    controls = [
        QPushButton("Back up now", form),
        QLineEdit("12", form),
        QSpinBox(form),
        combo,
        QCheckBox("Remember", form),
        QRadioButton("Dark", form),
        lst,
        table,
    ]
    for control in controls:
        layout.addWidget(control)
    parking = QPushButton("Elsewhere", form)  # focus goes here for "without"
    layout.addWidget(parking)
    form.resize(300, 640)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    for control in controls:
        focus(qtbot, parking)
        parent, area = region(control)
        without = parent.grab(area).toImage()
        focus(qtbot, control)
        with_focus = parent.grab(area).toImage()
        assert_focus_shows(
            changed_pixels(without, with_focus), control.geometry(), type(control).__name__
        )


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_sidebar_and_the_exercise_cards_show_focus(qtbot, themes, main_window, scheme) -> None:  # type: ignore[no-untyped-def]
    themes.set_choice(scheme)
    main_window.show_page("exercises")
    page = main_window.page("exercises")
    search = page.search
    QApplication.processEvents()

    # The sidebar, against focus in the search field: it touches the window's edge, so
    # its current row carries the ring, inside the window.
    sidebar = main_window.sidebar
    row = sidebar.visualRect(sidebar.currentIndex())
    assert row.isValid()
    focus(qtbot, search)
    without = sidebar.viewport().grab(row).toImage()
    focus(qtbot, sidebar)
    with_focus = sidebar.viewport().grab(row).toImage()
    ring = row.adjusted(3, 3, -3, -3)
    assert_focus_shows(changed_pixels(without, with_focus), ring, "sidebar")

    # The current card: the ring inside it, with the grid focused or not.
    grid = page.grid
    card = grid.visualRect(grid.currentIndex())
    assert card.isValid()
    focus(qtbot, search)
    without = grid.viewport().grab(card).toImage()
    focus(qtbot, grid)
    with_focus = grid.viewport().grab(card).toImage()
    ring = card.adjusted(6, 6, -6, -6)  # the ring sits inside the card's border
    assert_focus_shows(changed_pixels(without, with_focus), ring, "card")


def test_no_ring_around_a_button_clicked_with_the_mouse(qtbot, themes) -> None:  # type: ignore[no-untyped-def]
    themes.set_choice("light")
    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    first, second = QPushButton("One", form), QPushButton("Two", form)
    layout.addWidget(first)
    layout.addWidget(second)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    focus(qtbot, first)
    ring = install_focus_ring()
    assert ring is not None and ring.ring is not None and ring.ring.isVisible()
    qtbot.mouseClick(second, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is second
    assert not ring.ring.isVisible()  # a click shows no ring; Tab would


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_table_flush_with_a_splitter_shows_focus_inside_it(
    qtbot, themes, main_window, scheme
) -> None:  # type: ignore[no-untyped-def]
    """History's sessions table has no room around it for a ring outside: it gets one
    just inside its edge, whole."""
    from backleg_desktop.ui.focus_ring import room_outside

    themes.set_choice(scheme)
    main_window.show_page("history")
    history = main_window.history_page
    table = history.table
    assert not room_outside(table)
    focus(qtbot, history.tabs.tabBar())
    without = table.grab().toImage()
    focus(qtbot, table)
    with_focus = table.grab().toImage()
    assert_focus_shows(
        changed_pixels(without, with_focus), table.rect().adjusted(2, 2, -2, -2), "table"
    )


def test_only_the_control_with_focus_has_a_ring(qtbot, themes, main_window) -> None:  # type: ignore[no-untyped-def]
    themes.set_choice("light")
    main_window.show_page("history")
    history = main_window.history_page
    for widget in (history.table, history.tabs.tabBar(), main_window.sidebar, history.table):
        focus(qtbot, widget)  # no event loop in between, as in a burst of Tab presses
    shown = [
        ring for ring in main_window.findChildren(QWidget, "innerFocusRing") if ring.isVisible()
    ]
    assert [ring.parentWidget() for ring in shown] == [history.table]
