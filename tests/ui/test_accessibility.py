"""Accessibility: every interactive control has a name, and the Exercises grid works
from the keyboard and the mouse (Enter and double-click open, Escape and ‹ Back return
with the focus on the card that was opened)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

from backleg_desktop.services.store import open_store
from backleg_desktop.ui.help_menu import show_about, show_problem_report
from backleg_desktop.ui.pages.exercises import Roles
from backleg_desktop.ui.preferences.install import show_preferences
from tests.support.stores import close_when_jobs_are_done

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QSlider,
    QAbstractItemView,
    QTabBar,
    QTextEdit,
    QPlainTextEdit,
)


def _qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside a control (a spin box's line edit, a combo box's popup):
    the control itself carries the name."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox)):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(top: QWidget) -> list[str]:
    found = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or _qt_internal(widget):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():  # Qt takes a button's text and a label's buddy into account
            found.append(f"{type(widget).__name__} {widget.objectName()!r} in {_where(widget)}")
    return found


def _where(widget: QWidget) -> str:
    names = []
    parent = widget.parentWidget()
    while parent is not None and len(names) < 3:
        names.append(parent.objectName() or type(parent).__name__)
        parent = parent.parentWidget()
    return "/".join(names)


def test_every_page_and_dialog_names_its_controls(qtbot, main_window, data_dir, library) -> None:
    store = open_store(data_dir, library, make_daily_backup=False)
    main_window.attach_store(store)
    try:
        for key in main_window.page_keys():
            if key == "exercise":
                main_window.open_exercise("goblet-squat")
            else:
                main_window.show_page(key)
        main_window.session.start()  # the plan chooser
        dialogs = [show_preferences(main_window), show_about(main_window)]
        dialogs.append(show_problem_report(main_window))
        problems = unnamed_controls(main_window)
        for dialog in dialogs:
            problems += unnamed_controls(dialog)
        assert problems == []
        for dialog in dialogs:
            dialog.close()
    finally:
        close_when_jobs_are_done(store)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def _card(window, exercise_id: str):  # type: ignore[no-untyped-def]
    proxy = window.exercises_page.proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        if index.data(Roles.EXERCISE_ID) == exercise_id:
            return index
    raise AssertionError(exercise_id)


def test_back_returns_focus_to_the_card_that_was_opened(qtbot, main_window) -> None:
    grid = main_window.exercises_page.grid
    grid.setFocus()
    for _ in range(2):
        qtbot.keyClick(focused(), Qt.Key.Key_Right)
    opened = grid.currentIndex().data(Roles.EXERCISE_ID)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert main_window.current_page_key() == "exercise"
    qtbot.mouseClick(main_window.exercise_page.back_button, Qt.MouseButton.LeftButton)
    assert main_window.current_page_key() == "exercises"
    assert focused() is grid
    assert grid.currentIndex().data(Roles.EXERCISE_ID) == opened


def test_escape_on_an_exercise_goes_back(qtbot, main_window) -> None:
    grid = main_window.exercises_page.grid
    grid.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert main_window.current_page_key() == "exercise"
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert main_window.current_page_key() == "exercises" and focused() is grid


def test_double_click_opens_a_card(qtbot, main_window) -> None:
    grid = main_window.exercises_page.grid
    index = _card(main_window, "goblet-squat")
    centre = grid.visualRect(index).center()
    # A real double-click starts with a press; QTest's mouseDClick alone sends none.
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert main_window.current_page_key() == "exercises"  # one click selects, no more
    qtbot.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert main_window.current_page_key() == "exercise"
    assert main_window.current_exercise_id() == "goblet-squat"
