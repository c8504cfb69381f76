"""Session keys: one application-level filter so Space (and the other session keys) mean
the session's action whichever control has focus.

Why a filter and not QShortcuts: a focused QPushButton clicks on Space, a spin box and a
combo box take it too, and a plain shortcut never sees a key a widget claims in its
ShortcutOverride. The filter sees the ShortcutOverride first, claims the key, and then
handles the KeyPress itself. Only keys sent to widgets of the session's own window are
touched (never a dialog's), and only while the session page is shown. In a text field
(the notes) typing wins: only Enter, Esc and Ctrl+Shift+P are taken there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

KeyHandler = Callable[[QKeyEvent, bool], "Callable[[], None] | None"]

_KEY_EVENTS = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease)


def is_typing(widget: QWidget | None) -> bool:
    """Focus is in a free-text field (not a spin box's own line edit)."""
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return True
    return isinstance(widget, QLineEdit) and not isinstance(widget.parent(), QAbstractSpinBox)


class SessionKeyFilter(QObject):
    """Asks `handler(event, typing)` what a key means now; claims and runs it if anything.

    `handler` returns a no-argument callable for a key it wants, else None. It must not
    act itself: it is asked on ShortcutOverride, KeyPress and KeyRelease alike.
    """

    def __init__(self, page: QWidget, handler: KeyHandler) -> None:
        super().__init__(page)
        self._page = page
        self._handler = handler

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _KEY_EVENTS or not isinstance(watched, QWidget):
            return False
        page = self._page
        if not page.isVisible() or watched.window() is not page.window():
            return False
        assert isinstance(event, QKeyEvent)
        action = self._handler(event, is_typing(QApplication.focusWidget()))
        if action is None:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # ours: no shortcut fires, and the KeyPress comes to us next
        elif event.type() == QEvent.Type.KeyPress and not event.isAutoRepeat():
            action()  # a held key acts once: holding Space must not log set after set
        return True


def plain(event: QKeyEvent) -> bool:
    """No modifiers except keypad and, for symbols such as +, Shift."""
    mods = event.modifiers() & ~(
        Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier
    )
    return mods == Qt.KeyboardModifier.NoModifier
