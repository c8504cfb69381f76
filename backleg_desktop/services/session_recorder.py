"""Keeps the database in step with a guided session: one committed write per user action.

Plain Python over the `WorkoutService` (no Qt), so it can be tested without a window; the
session controller (session_controller.py) owns one per running session. It remembers
which stored set id belongs to which `SetKey`, because the session flow speaks in keys
(exercise, set number, side) and the store in ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from backleg_desktop.domain.history import LoggedSet, SessionDetail, SessionRecord, SetEntry
from backleg_desktop.domain.session_flow import RestTaken, SetKey, StopPoint

if TYPE_CHECKING:  # only for the types: importing it pulls in SQLAlchemy
    from backleg_desktop.services.workouts import WorkoutService


class SessionRecorder:
    """Writes one session: start, each set, rest taken, corrections, undo, and the end."""

    def __init__(
        self,
        workouts: WorkoutService,
        session: SessionRecord,
        logged: Sequence[LoggedSet] = (),
    ) -> None:
        self.workouts = workouts
        self.session = session
        self._ids: dict[SetKey, int] = {SetKey.of(s): s.id for s in logged}
        self.logged: list[LoggedSet] = list(logged)  # in logging order, as stored

    @classmethod
    def start(
        cls, workouts: WorkoutService, plan_id: str, pain_before: int | None
    ) -> SessionRecorder:
        return cls(workouts, workouts.start_session(plan_id, pain_before=pain_before))

    @classmethod
    def resume(cls, workouts: WorkoutService, detail: SessionDetail) -> SessionRecorder:
        return cls(workouts, detail.session, detail.sets)

    @property
    def session_id(self) -> int:
        return self.session.id

    def set_id(self, key: SetKey) -> int | None:
        return self._ids.get(key)

    def log(self, entry: SetEntry) -> LoggedSet:
        logged = self.workouts.log_set(self.session_id, entry)
        self._ids[SetKey.of(logged)] = logged.id
        self.logged.append(logged)
        return logged

    def correct(self, key: SetKey, *, reps: int | None, load_kg: float | None) -> LoggedSet | None:
        """Change the reps and load of a set already logged (while resting after it)."""
        set_id = self._ids.get(key)
        if set_id is None:
            return None
        updated = self.workouts.update_set(set_id, reps=reps, load_kg=load_kg)
        self._replace(updated)
        return updated

    def record_rest(self, rest: RestTaken) -> None:
        set_id = self._ids.get(rest.key)
        if set_id is not None:
            self._replace(self.workouts.update_set(set_id, rest_taken_s=rest.taken_s))

    def undo(self, key: SetKey) -> LoggedSet | None:
        """Delete the set with `key` (Ctrl+Z during a session)."""
        set_id = self._ids.pop(key, None)
        if set_id is None:
            return None
        removed = self.workouts.delete_set(set_id)
        self.logged = [s for s in self.logged if s.id != set_id]
        return removed

    def finish(self, pain_after: int | None, notes: str = "") -> SessionRecord:
        self.session = self.workouts.finish_session(
            self.session_id, pain_after=pain_after, notes=notes
        )
        return self.session

    def end_early(self) -> SessionRecord:
        self.session = self.workouts.end_session_early(self.session_id)
        return self.session

    def stop_for_pain(self, where: StopPoint | None) -> SessionRecord:
        self.session = self.workouts.stop_for_pain(
            self.session_id,
            exercise_id=where.exercise_id if where else None,
            set_number=where.set_number if where else None,
        )
        return self.session

    def set_pain_after(self, pain_after: int | None, notes: str = "") -> SessionRecord:
        """Pain after (and notes) for a session that already ended early or for pain."""
        self.session = self.workouts.set_pain_after(
            self.session_id, pain_after, notes if notes else None
        )
        return self.session

    def _replace(self, updated: LoggedSet) -> None:
        self.logged = [updated if s.id == updated.id else s for s in self.logged]
