"""Ctrl+Z in the editor is the editor's: it never undoes a set of the session running
behind it, and a text field's own undo never bypasses the editor's stack."""

from __future__ import annotations

from PySide6.QtCore import Qt

from backleg_desktop.ui.plans import actions
from tests.ui.plans.conftest import activate, focused
from tests.ui.session.conftest import Driver, FakeAlert

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_ctrl_z_in_the_editor_leaves_the_session_alone(qtbot, window, fake_clock) -> None:
    drive = Driver(qtbot, window, fake_clock)
    drive.page._alert = FakeAlert()
    drive.start()
    drive.do_set()  # one set logged; the session page is showing, resting
    assert len(drive.stored().sets) == 1

    editor = actions.new_plan(window, window.plan_book)  # over the session page
    activate(qtbot, editor)
    editor.name.setFocus()
    qtbot.keyClicks(editor.name, "Hotel room")
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)
    assert editor.name.text() == ""  # the editor's undo
    assert len(drive.stored().sets) == 1  # and not the session's
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL_SHIFT)
    assert editor.name.text() == "Hotel room"
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)  # nothing more to undo: still nothing else
    assert len(drive.stored().sets) == 1

    editor.stack.setClean()
    editor.reject()
    window.activateWindow()
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is window)
    drive.key(Qt.Key.Key_Z, CTRL)  # back in the window, Ctrl+Z is the session's again
    assert len(drive.stored().sets) == 0
