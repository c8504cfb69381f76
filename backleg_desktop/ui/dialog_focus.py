"""The keyboard goes back to the window a dialog came from when the dialog closes.

A window manager does this itself (a dialog is a transient of its parent). Without one,
or with one that does not (offscreen, a bare X session, some kiosk setups), no window
is active after Preferences or any other dialog closes, and keys such as Ctrl+Z or
Space do nothing until the user clicks the window. Qt resets the active window when the
dialog hides, and says so only through `QApplication.focusChanged(old, None)`; so one
connection to that covers every dialog. Once the close is done, if the dialog is gone
and no window is active, the window it was opened from is activated again. When the
focus goes nowhere while the dialog stays open, another application took the keyboard:
nothing is done then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

if TYPE_CHECKING:
    from backleg_desktop.ui.main_window import MainWindow


class DialogFocus(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, old: QWidget | None, now: QWidget | None) -> None:
        if now is not None or old is None:
            return
        dialog = old.window()
        parent = dialog.parentWidget()
        if parent is None or not isinstance(dialog, QDialog):
            # A window of its own (the main window): the application lost focus. A popup
            # (a combo's list) also closes when another application is clicked: the
            # keyboard is that application's then.
            return
        back_to = parent.window()
        # Later: the dialog is still closing now, and may be deleted by then.
        QTimer.singleShot(0, self, lambda: self._closed(dialog, back_to))

    @staticmethod
    def _closed(dialog: QWidget, back_to: QWidget) -> None:
        if shiboken6.isValid(dialog) and dialog.isVisible():
            return  # still open: another application has the keyboard
        if QApplication.activeWindow() is not None or not shiboken6.isValid(back_to):
            return  # a window manager saw to it already
        # A dialog that opened as this one closed (the disclaimer's herniated-disc
        # question) is where the keys belong; the window behind it would refuse them.
        target = QApplication.activeModalWidget() or back_to
        if target.isVisible() and not target.isMinimized():
            target.activateWindow()


def install_dialog_focus(window: MainWindow) -> DialogFocus:
    """Once per window (it keeps the object as its child)."""
    return DialogFocus(window)
