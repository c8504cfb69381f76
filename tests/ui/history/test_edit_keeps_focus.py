"""After a cell of History's detail is edited from the keyboard, the focus stays on the
sets: the edit re-reads the session, and the editor's going used to hand the focus on
down the tab order to "Delete session", so the next Space deleted the whole session."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from backleg_desktop.ui.history.sets_model import LOAD
from tests.ui.history.test_large_font_fit import open_history


def test_the_focus_stays_on_the_sets_after_a_load_is_typed_in(
    qtbot, request, data_dir, library
) -> None:
    history = open_history(qtbot, request, data_dir, library)
    sets = history.detail.sets_view
    model = sets.model()
    row = next(r for r in range(model.rowCount()) if model.logged_set(r).kind == "working")
    sets.setFocus()
    sets.setCurrentIndex(model.index(row, LOAD))
    logged = model.logged_set(row)

    qtbot.keyClick(sets, Qt.Key.Key_F2)  # the edit key opens the cell's editor
    editor = QApplication.focusWidget()
    assert editor is not sets and sets.isAncestorOf(editor)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "9")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(50)

    assert model.logged_set(model.row_of_set(logged.id)).load_kg == 9
    assert QApplication.focusWidget() is sets, QApplication.focusWidget().objectName()
    assert history.detail.delete_session_button.isVisible()
