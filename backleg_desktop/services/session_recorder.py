"""Keeps the database in step with a guided session: one committed write per user action.

Plain Python over the `WorkoutService` (no Qt), so it can be tested without a window; the
session controller (session_controller.py) owns one per running session. It remembers
which stored set id belongs to which `SetKey`, because the session flow speaks in keys
(exercise, set number, side) and the store in ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from backleg_desktop.domain.history import LoggedSet, SessionDetail, SessionRecord, SetEntry
from backleg_desktop.domain.session_flow import RestTaken, SetKey, StopPoint
from backleg_desktop.services import pending_journal as journal
from backleg_desktop.services.pending_journal import PendingJournal
from backleg_desktop.services.pending_writes import PendingWrites

if TYPE_CHECKING:  # only for the types: importing it pulls in SQLAlchemy
    from backleg_desktop.services.workouts import WorkoutService


class SessionRecorder:
    """Writes one session: start, each set, rest taken, corrections, undo, and the end.

    Every write after the start goes through `pending`: one the store cannot make right now
    (the file is busy) is kept and made later, in order; the method then returns None (the
    closing ones return the session as it was) and `pending.status()` says so."""

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
        # What waits is also journalled in the data folder, so a kill cannot lose it.
        self.pending = PendingWrites(PendingJournal(workouts.db_path.parent))
        self._queued: set[SetKey] = set()  # logged by the user, not yet in the store

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

    def log(self, entry: SetEntry) -> LoggedSet | None:
        """The stored set, or None if it is queued (kept, and written on a retry)."""
        key = SetKey.of(entry)
        self._queued.add(key)
        what = f"set {entry.set_number} of {entry.exercise_id}"
        # A kept set is written later with the time it was logged, the same time its
        # journal line carries, so a replay knows it for the same set.
        line = journal.set_line(self.session_id, entry)
        kept = replace(entry, completed_at=datetime.fromisoformat(line["entry"]["completed_at"]))
        attempt = [kept if self.pending else entry]

        def write() -> LoggedSet:
            try:
                return self.workouts.log_set(self.session_id, attempt[0])
            finally:
                attempt[0] = kept

        try:
            return self.pending.submit(write, what, self._stored, line)
        except BaseException:
            self._queued.discard(key)  # refused outright (a bad value): nothing is kept
            raise

    def _stored(self, logged: LoggedSet) -> None:
        key = SetKey.of(logged)
        self._queued.discard(key)
        self._ids[key] = logged.id
        self.logged.append(logged)

    def _known(self, key: SetKey) -> bool:
        return key in self._ids or key in self._queued

    def correct(self, key: SetKey, *, reps: int | None, load_kg: float | None) -> LoggedSet | None:
        """Change the reps and load of a set already logged (while resting after it)."""
        if not self._known(key):
            return None
        return self.pending.submit(
            lambda: self._update(key, reps=reps, load_kg=load_kg),
            "a correction",
            line=self._key_line("update", key, reps=reps, load_kg=load_kg),
        )

    def record_rest(self, rest: RestTaken) -> None:
        if self._known(rest.key):
            self.pending.submit(
                lambda: self._update(rest.key, rest_taken_s=rest.taken_s),
                "a rest time",
                line=self._key_line("update", rest.key, rest_taken_s=rest.taken_s),
            )

    def _key_line(self, op: str, key: SetKey, **changes: Any) -> dict[str, Any]:
        return journal.key_line(
            op, self.session_id, (key.exercise_id, key.set_number, key.side), **changes
        )

    def _update(self, key: SetKey, **changes: Any) -> LoggedSet | None:
        # The id is looked up when the write is made: a queued set had none when asked.
        set_id = self._ids.get(key)
        if set_id is None:
            return None  # undone meanwhile
        updated: LoggedSet = self.workouts.update_set(set_id, **changes)
        self._replace(updated)
        return updated

    def undo(self, key: SetKey) -> LoggedSet | None:
        """Delete the set with `key` (Ctrl+Z during a session)."""
        if not self._known(key):
            return None

        def delete() -> LoggedSet | None:
            set_id = self._ids.get(key)
            if set_id is None:
                return None  # undone already
            removed: LoggedSet = self.workouts.delete_set(set_id)
            del self._ids[key]
            self.logged = [s for s in self.logged if s.id != set_id]
            return removed

        return self.pending.submit(delete, "an undo", line=self._key_line("undo", key))

    def _close(self, write: Any, what: str, how: str, **values: Any) -> SessionRecord:
        """Queued or not, the session carries on to its end screens; the stored record
        follows once the write is made."""
        line = journal.end_line(self.session_id, how, **values)
        self.pending.submit(write, what, self._closed, line)
        return self.session

    def _closed(self, session: SessionRecord) -> None:
        self.session = session

    def finish(self, pain_after: int | None, notes: str = "") -> SessionRecord:
        return self._close(
            lambda: self.workouts.finish_session(
                self.session_id, pain_after=pain_after, notes=notes
            ),
            "the end of the session",
            "finish",
            pain_after=pain_after,
            notes=notes,
        )

    def end_early(self) -> SessionRecord:
        return self._close(
            lambda: self.workouts.end_session_early(self.session_id),
            "the end of the session",
            "end_early",
        )

    def stop_for_pain(self, where: StopPoint | None) -> SessionRecord:
        return self._close(
            lambda: self.workouts.stop_for_pain(
                self.session_id,
                exercise_id=where.exercise_id if where else None,
                set_number=where.set_number if where else None,
            ),
            "the stop for pain",
            "stop_for_pain",
            exercise_id=where.exercise_id if where else None,
            set_number=where.set_number if where else None,
        )

    def set_pain_after(self, pain_after: int | None, notes: str = "") -> SessionRecord:
        """Pain after (and notes) for a session that already ended early or for pain."""
        return self._close(
            lambda: self.workouts.set_pain_after(
                self.session_id, pain_after, notes if notes else None
            ),
            "the pain after",
            "pain_after",
            pain_after=pain_after,
            notes=notes if notes else None,
        )

    def _replace(self, updated: LoggedSet) -> None:
        self.logged = [updated if s.id == updated.id else s for s in self.logged]
