"""Edit → Undo and Edit → Redo: History's undo stack in the menu bar.

Enabled only while History is the page shown and its stack has a step to take; the text
names the step as QUndoStack does ("Undo Edit load"). Both are brought up to date when
the menu opens and when the page changes (they have no keys of their own, so nothing
else reaches them); that also leaves nothing connected to the stack, which lives and
dies with the History page. The key is only shown here, not
bound: Ctrl+Z and Ctrl+Shift+Z stay the History page's own shortcuts (while focus is in
it), and the session page takes Ctrl+Z for undoing a set. A second action bound to the
same keys would make Qt call them ambiguous and run neither.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack

if TYPE_CHECKING:
    from backleg_desktop.ui.main_window import MainWindow

HISTORY = "history"


class EditUndo(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.undo_action = self._action("&Undo", "editUndoAction", QKeySequence.StandardKey.Undo)
        self.redo_action = self._action("&Redo", "editRedoAction", QKeySequence.StandardKey.Redo)
        self.undo_action.triggered.connect(lambda _checked=False: self._take("undo"))
        self.redo_action.triggered.connect(lambda _checked=False: self._take("redo"))
        menu = window.edit_menu
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, [self.undo_action, self.redo_action])  # type: ignore[arg-type]
        if first is not None:
            menu.insertSeparator(first)
        menu.aboutToShow.connect(self.update)
        window.page_changed.connect(lambda _key: self.update())
        self.update()

    def _action(self, prefix: str, name: str, key: QKeySequence.StandardKey) -> QAction:
        action = QAction(prefix, self.window)
        action.setObjectName(name)
        action.setProperty("prefix", prefix)
        action.setProperty(
            "keys", QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        )
        action.setStatusTip(
            f"{prefix.replace('&', '')} the last change made in History (History only)."
        )
        return action

    def stack(self) -> QUndoStack | None:
        """History's stack while History is shown, else None."""
        window = self.window
        if window.current_page_key() != HISTORY or not window.history_built():
            return None
        return window.history_page.undo_stack

    def update(self) -> None:
        stack = self.stack()
        can_undo = stack is not None and stack.canUndo()
        can_redo = stack is not None and stack.canRedo()
        here = stack is not None
        self._show(self.undo_action, can_undo, stack.undoText() if can_undo and stack else "", here)
        self._show(self.redo_action, can_redo, stack.redoText() if can_redo and stack else "", here)

    @staticmethod
    def _show(action: QAction, enabled: bool, step: str, here: bool) -> None:
        text = f"{action.property('prefix')} {step}" if step else str(action.property("prefix"))
        if not here:
            # Elsewhere the key is not History's: on the Session page Ctrl+Z undoes a set.
            action.setText(f"{text} (in History)")
        else:
            keys = str(action.property("keys") or "")
            action.setText(f"{text}\t{keys}" if keys else text)
        action.setEnabled(enabled)

    def _take(self, which: str) -> None:
        stack = self.stack()
        if stack is None:
            return
        if which == "undo" and stack.canUndo():
            stack.undo()
        elif which == "redo" and stack.canRedo():
            stack.redo()


def install_edit_undo(window: MainWindow) -> EditUndo:
    """Undo and Redo at the top of the Edit menu (the window keeps them as its child)."""
    return EditUndo(window)
