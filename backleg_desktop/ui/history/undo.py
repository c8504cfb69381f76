"""Undoable history edits. Each change is saved at once; undo saves the reverse at once.

The change is made *before* the command is pushed (so a rejected value never reaches the
stack), which is why each command skips its first `redo()`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from backleg_desktop.domain.history import LoggedSet, SessionDetail

if TYPE_CHECKING:
    from backleg_desktop.services.workouts import WorkoutService

Changed = Callable[[int | None], None]  # called with the session id that changed


class _AppliedCommand(QUndoCommand):
    def __init__(self, text: str, changed: Changed) -> None:
        super().__init__(text)
        self._changed = changed
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._redo()

    def _redo(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class EditSetCommand(_AppliedCommand):
    def __init__(
        self,
        workouts: WorkoutService,
        logged: LoggedSet,
        field: str,
        old: Any,
        new: Any,
        changed: Changed,
    ) -> None:
        super().__init__(f"Edit {field.replace('_kg', '').replace('_', ' ')}", changed)
        self._workouts = workouts
        self._set_id = logged.id
        self._session_id = logged.session_id
        self._field, self._old, self._new = field, old, new

    def _redo(self) -> None:
        self._workouts.update_set(self._set_id, **{self._field: self._new})
        self._changed(self._session_id)

    def undo(self) -> None:
        self._workouts.update_set(self._set_id, **{self._field: self._old})
        self._changed(self._session_id)


class DeleteSetCommand(_AppliedCommand):
    def __init__(self, workouts: WorkoutService, deleted: LoggedSet, changed: Changed) -> None:
        super().__init__("Delete set", changed)
        self._workouts = workouts
        self._deleted = deleted

    def _redo(self) -> None:
        self._deleted = self._workouts.delete_set(self._deleted.id)
        self._changed(self._deleted.session_id)

    def undo(self) -> None:
        self._workouts.restore_set(self._deleted)
        self._changed(self._deleted.session_id)


class DeleteSessionCommand(_AppliedCommand):
    def __init__(self, workouts: WorkoutService, deleted: SessionDetail, changed: Changed) -> None:
        super().__init__("Delete session", changed)
        self._workouts = workouts
        self._deleted = deleted

    def _redo(self) -> None:
        self._deleted = self._workouts.delete_session(self._deleted.session.id)
        self._changed(None)

    def undo(self) -> None:
        self._workouts.restore_session(self._deleted)
        self._changed(self._deleted.session.id)
