"""Keys pressed while the store opens on its thread (app.HeldKeys) are held and then
replayed in order: a shortcut such as Ctrl+N fires once the store is open, typed text
arrives, and nothing fires or types before."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMainWindow

from backleg_desktop.ui.held_keys import HeldKeys


def test_keys_wait_for_the_store_and_then_act_in_order(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    field = QLineEdit(window)
    window.setCentralWidget(field)
    fired: list[str] = []
    start = QAction("Start session", window)
    start.setShortcut(QKeySequence("Ctrl+N"))
    start.triggered.connect(lambda: fired.append(field.text()))
    window.addAction(start)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)  # window shortcuts need it
    field.setFocus()

    held = HeldKeys(window)
    QTest.keyClicks(field, "ab")
    QTest.keyClick(field, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, "c")
    assert field.text() == "" and fired == []  # nothing happens before the store is open

    held.replay()
    assert fired == ["ab"]  # the shortcut fired, after the keys typed before it
    assert field.text() == "abc"

    QTest.keyClicks(field, "d")  # no longer held
    assert field.text() == "abcd"
