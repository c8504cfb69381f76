"""Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) in the editor mean the editor's undo and redo.

Without this a text field would take Ctrl+Z for its own little undo (it claims the key in
its ShortcutOverride), and the editor's QUndoStack would not know what changed. The filter
sees every key sent to a widget of the editor's window first, and nothing outside that
window: the session page's Ctrl+Z never hears a key pressed in the editor.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

_CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def is_undo(event: QKeyEvent) -> bool:
    return event.matches(QKeySequence.StandardKey.Undo)


def is_redo(event: QKeyEvent) -> bool:
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return (
        event.matches(QKeySequence.StandardKey.Redo)
        or (event.key() == Qt.Key.Key_Z and mods == _CTRL_SHIFT)
        or (event.key() == Qt.Key.Key_Y and mods == Qt.KeyboardModifier.ControlModifier)
    )


class UndoKeys(QObject):
    """Installed on the application for as long as `window` lives (it is its child)."""

    def __init__(self, window: QWidget, stack: QUndoStack) -> None:
        super().__init__(window)
        self._window = window
        self._stack = stack
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        assert isinstance(event, QKeyEvent)
        redo = is_redo(event)  # before undo: Ctrl+Shift+Z is not an undo, but check anyway
        if not redo and not is_undo(event):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # ours: the field's own undo and every shortcut stay out of it
        elif redo:
            self._stack.redo()
        else:
            self._stack.undo()
        return True
