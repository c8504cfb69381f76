"""Undoable history edits. Each change is saved at once; undo saves the reverse at once.

The change is made *before* the command is pushed (so a rejected value never reaches the
stack), which is why each command skips its first `redo()`.

When an undo or redo cannot be saved (a full disk, a set the CLI deleted meanwhile), the
command marks itself obsolete, so QUndoStack drops it instead of moving past it as if it
had worked: the stack never offers to undo what is not in the file, or to redo what is.
The page is told why (`Failed`) and re-reads what the command touched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from backleg_desktop.domain.history import LoggedSet, SessionDetail
from backleg_desktop.services.errors import BacklegError

if TYPE_CHECKING:
    from backleg_desktop.services.workouts import WorkoutService

Changed = Callable[[int | None], None]  # called with the session id that changed
Failed = Callable[[str], None]  # called with a sentence for the user


def _ignore_failure(_message: str) -> None:
    return None


class _AppliedCommand(QUndoCommand):
    def __init__(self, text: str, changed: Changed, failed: Failed = _ignore_failure) -> None:
        super().__init__(text)
        self._changed = changed
        self._failed = failed
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._attempt("redo", self._redo)

    def undo(self) -> None:
        self._attempt("undo", self._undo)

    def _attempt(self, verb: str, action: Callable[[], None]) -> None:
        try:
            action()
        except BacklegError as error:
            self.setObsolete(True)  # QUndoStack removes it rather than moving its index
            self._failed(
                f"Could not {verb} “{self.text()}”: {error}\n\n"
                "The history stays as it is now, and this step is no longer in the undo list."
            )
            self._changed(self._session_id_for_refresh())

    def _redo(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _undo(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _session_id_for_refresh(self) -> int | None:  # pragma: no cover - overridden
        raise NotImplementedError


_FIELD_WORDS = {"load_kg": "load", "rpe": "RPE"}


class EditSetCommand(_AppliedCommand):
    def __init__(
        self,
        workouts: WorkoutService,
        logged: LoggedSet,
        field: str,
        old: Any,
        new: Any,
        changed: Changed,
        failed: Failed = _ignore_failure,
    ) -> None:
        super().__init__(f"Edit {_FIELD_WORDS.get(field, field)}", changed, failed)
        self._workouts = workouts
        self._set_id = logged.id
        self._session_id = logged.session_id
        self._field, self._old, self._new = field, old, new

    def _session_id_for_refresh(self) -> int | None:
        return self._session_id

    def _redo(self) -> None:
        self._workouts.update_set(self._set_id, **{self._field: self._new})
        self._changed(self._session_id)

    def _undo(self) -> None:
        self._workouts.update_set(self._set_id, **{self._field: self._old})
        self._changed(self._session_id)


class DeleteSetCommand(_AppliedCommand):
    def __init__(
        self,
        workouts: WorkoutService,
        deleted: LoggedSet,
        changed: Changed,
        failed: Failed = _ignore_failure,
    ) -> None:
        super().__init__("Delete set", changed, failed)
        self._workouts = workouts
        self._deleted = deleted

    def _session_id_for_refresh(self) -> int | None:
        return self._deleted.session_id

    def _redo(self) -> None:
        self._deleted = self._workouts.delete_set(self._deleted.id)
        self._changed(self._deleted.session_id)

    def _undo(self) -> None:
        self._workouts.restore_set(self._deleted)
        self._changed(self._deleted.session_id)


class DeleteSessionCommand(_AppliedCommand):
    def __init__(
        self,
        workouts: WorkoutService,
        deleted: SessionDetail,
        changed: Changed,
        failed: Failed = _ignore_failure,
    ) -> None:
        super().__init__("Delete session", changed, failed)
        self._workouts = workouts
        self._deleted = deleted

    def _session_id_for_refresh(self) -> int | None:
        return self._deleted.session.id

    def _redo(self) -> None:
        self._deleted = self._workouts.delete_session(self._deleted.session.id)
        self._changed(None)

    def _undo(self) -> None:
        self._workouts.restore_session(self._deleted)
        self._changed(self._deleted.session.id)
