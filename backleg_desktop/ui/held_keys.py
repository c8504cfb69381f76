"""Keys pressed while the history store opens, held and then replayed in order.

Start-up (app.py) imports the store's modules on a thread while the window already takes
mouse input, so the user can open History and see its first rows. A key that starts or
logs something must not act on a window without its store, nor be lost: Ctrl+N then
Enter still starts the Strength session, once the store is open.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


class HeldKeys(QObject):
    """Holds the keys pressed while the store's modules load and replays them, in order,
    to the focused widget once it is open: a key that starts or logs something must not
    be lost (before, the blocked event loop kept them queued). Mouse input is not held,
    so the user can open History and see its first rows meanwhile."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._keys: list[QKeyEvent] = []
        self._holding = True
        self._app = QApplication.instance()
        assert self._app is not None
        self._app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._holding:
            return False
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # "the widget wants this key": no shortcut fires now
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) and isinstance(event, QKeyEvent):
            self._keys.append(
                QKeyEvent(
                    kind,
                    event.key(),
                    event.modifiers(),
                    event.text(),
                    event.isAutoRepeat(),
                    event.count(),
                )
            )
            return True
        return False

    def stop_holding(self) -> None:
        """Let keys through again; those held so far wait for replay()."""
        if self._holding:
            self._holding = False
            assert self._app is not None
            self._app.removeEventFilter(self)

    def replay(self) -> None:
        """Stop holding; send the held keys (a replayed key press still triggers its
        shortcut, as Qt does for any key event it did not get from the system)."""
        self.stop_holding()
        keys, self._keys = self._keys, []
        for key in keys:
            target = QApplication.focusWidget() or self._window.focusWidget() or self._window
            QApplication.sendEvent(target, key)
