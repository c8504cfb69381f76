"""The plan editor's exercise picker: Up, Down, Page Up and Page Down typed in its search
box move through the list it filters, and typing goes on in the box (the Ctrl+N chooser
does the same, tests/ui/plans/test_chooser.py; both use ui/widgets.move_in_list)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from backleg_desktop.ui.plans.exercise_picker import ExercisePicker

K = Qt.Key


def test_move_keys_in_the_search_box_walk_the_list_and_typing_goes_on(qtbot, library) -> None:  # type: ignore[no-untyped-def]
    picker = ExercisePicker(library, [])
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    picker.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker.search)
    qtbot.keyClicks(picker.search, "squat")
    first = picker.chosen_ids()
    assert len(first) == 1 and picker.proxy.rowCount() > 2
    qtbot.keyClick(picker.search, K.Key_Down)
    second = picker.chosen_ids()
    assert second != first and len(second) == 1  # the next one, alone
    qtbot.keyClick(picker.search, K.Key_Up)
    assert picker.chosen_ids() == first
    qtbot.keyClick(picker.search, K.Key_PageDown)
    assert picker.chosen_ids() not in (first, second)
    qtbot.keyClick(picker.search, K.Key_PageUp)
    assert picker.chosen_ids() == first
    assert QApplication.focusWidget() is picker.search  # the box keeps the keyboard
    qtbot.keyClicks(picker.search, " gob")
    assert picker.search.text() == "squat gob"
