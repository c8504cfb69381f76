"""Session lifecycle and set logging: start, log, edit, finish, delete and undo.

Every call is one committed transaction (see history_db.py), so a set is on disk the
moment `log_set` returns. Values are checked before anything is written. No Qt here.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, Final

from sqlalchemy.orm import Session

from backleg_desktop.content.model import Library
from backleg_desktop.domain.history import (
    LoggedSet,
    SessionDetail,
    SessionRecord,
    SessionStatus,
    SetEntry,
    user_exercise_id,
)
from backleg_desktop.services import validation as check
from backleg_desktop.services.errors import ValidationError
from backleg_desktop.services.exercise_ids import ExerciseIds
from backleg_desktop.services.history_db import HistoryDb, session_row, set_row
from backleg_desktop.services.plan_catalog import is_user_plan_id
from backleg_desktop.storage import repository as repo
from backleg_desktop.storage.models import SessionRow, SetRow, UserPlanRow


class Unset(enum.Enum):
    """Marks an `update_set` argument that was not given (None means "clear it")."""

    UNSET = "unset"


UNSET: Final = Unset.UNSET

DEFAULT_SESSION_NAME = "Workout"


def utc_now() -> datetime:
    return datetime.now(UTC)


class SessionLog:
    def __init__(
        self,
        db: HistoryDb,
        library: Library,
        exercises: ExerciseIds,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self._db = db
        self._library = library
        self._exercises = exercises
        self._now = now

    # --- sessions -----------------------------------------------------------------------

    def start_session(
        self,
        plan_id: str | None,
        *,
        pain_before: int | None,
        started_at: datetime | None = None,
        name: str | None = None,
    ) -> SessionRecord:
        if is_user_plan_id(plan_id):  # a plan of the user's own: its name as it is now
            name = name if name is not None else self._user_plan_name(str(plan_id))
        elif plan_id is not None and plan_id not in self._library.plans:
            raise ValidationError("plan_id", plan_id, f"plan_id {plan_id!r} is not a known plan")
        if name is None:
            name = self._library.plans[plan_id].name if plan_id else DEFAULT_SESSION_NAME
        check.name("name", name)
        check.pain("pain_before", pain_before)
        check.aware_time("started_at", started_at)
        row = SessionRow(
            plan_id=plan_id,
            name=name,
            started_at=started_at or self._now(),
            status="in_progress",
            pain_before=pain_before,
            notes="",
        )
        with self._db.write() as db:
            db.add(row)
            db.flush()
            return repo.session_record(row)

    def _user_plan_name(self, plan_id: str) -> str:
        with self._db.read() as db:
            row = db.get(UserPlanRow, plan_id)
        if row is None:
            raise ValidationError("plan_id", plan_id, f"plan_id {plan_id!r} is not a known plan")
        return row.name

    def _close(
        self,
        session_id: int,
        status: SessionStatus,
        *,
        pain_after: int | None,
        notes: str,
        ended_at: datetime | None,
        stop_exercise_id: str | None = None,
        stop_set_number: int | None = None,
    ) -> SessionRecord:
        check.pain("pain_after", pain_after)
        check.text("notes", notes)
        check.aware_time("ended_at", ended_at)
        check.whole_number("stop_set_number", stop_set_number, 1, check.MAX_SET_NUMBER)
        with self._db.write() as db:
            if stop_exercise_id is not None:
                stop_exercise_id = self._exercises.canonical(db, stop_exercise_id)
            row = session_row(db, session_id)
            if row.status != "in_progress":
                raise ValidationError(
                    "status",
                    row.status,
                    f"session {session_id} has already ended (status {row.status})",
                )
            row.status = status
            row.ended_at = ended_at or self._now()
            row.pain_after = pain_after
            if notes:
                row.notes = notes
            row.stop_exercise_id = stop_exercise_id
            row.stop_set_number = stop_set_number
            db.flush()
            return repo.session_record(row)

    def finish_session(
        self,
        session_id: int,
        *,
        pain_after: int | None,
        notes: str = "",
        ended_at: datetime | None = None,
    ) -> SessionRecord:
        """Mark a session completed. Empty `notes` keep whatever notes it already has."""
        return self._close(
            session_id, "completed", pain_after=pain_after, notes=notes, ended_at=ended_at
        )

    def end_session_early(
        self,
        session_id: int,
        *,
        pain_after: int | None = None,
        notes: str = "",
        ended_at: datetime | None = None,
    ) -> SessionRecord:
        return self._close(
            session_id, "ended_early", pain_after=pain_after, notes=notes, ended_at=ended_at
        )

    def stop_for_pain(
        self,
        session_id: int,
        *,
        exercise_id: str | None,
        set_number: int | None,
        pain_after: int | None = None,
        notes: str = "",
        ended_at: datetime | None = None,
    ) -> SessionRecord:
        return self._close(
            session_id,
            "stopped_pain",
            pain_after=pain_after,
            notes=notes,
            ended_at=ended_at,
            stop_exercise_id=exercise_id,
            stop_set_number=set_number,
        )

    def set_pain_after(
        self, session_id: int, pain_after: int | None, notes: str | None = None
    ) -> SessionRecord:
        check.pain("pain_after", pain_after)
        if notes is not None:
            check.text("notes", notes)
        with self._db.write() as db:
            row = session_row(db, session_id)
            row.pain_after = pain_after
            if notes is not None:
                row.notes = notes
            db.flush()
            return repo.session_record(row)

    def delete_session(self, session_id: int) -> SessionDetail:
        """Delete a session and its sets; returns them so `restore_session` can undo it."""
        with self._db.write() as db:
            row = session_row(db, session_id)
            detail = SessionDetail(repo.session_record(row), repo.sets_of(db, session_id))
            db.delete(row)  # its sets go with it: ON DELETE CASCADE
            return detail

    def restore_session(self, detail: SessionDetail) -> SessionDetail:
        """Put back a deleted session with its original ids (ids are never reused)."""
        s = detail.session
        check.name("name", s.name)
        check.status(s.status)
        check.pain("pain_before", s.pain_before)
        check.pain("pain_after", s.pain_after)
        check.text("notes", s.notes)
        with self._db.write() as db:
            if db.get(SessionRow, s.id) is not None:
                raise ValidationError("id", s.id, f"session {s.id} is already in the history")
            db.add(
                SessionRow(
                    id=s.id,
                    plan_id=s.plan_id,
                    name=s.name,
                    started_at=s.started_at,
                    ended_at=s.ended_at,
                    status=s.status,
                    pain_before=s.pain_before,
                    pain_after=s.pain_after,
                    notes=s.notes,
                    stop_exercise_id=s.stop_exercise_id,
                    stop_set_number=s.stop_set_number,
                )
            )
            db.flush()
            for logged in detail.sets:
                self._insert_logged(db, replace(logged, session_id=s.id))
            db.flush()
            return SessionDetail(repo.session_record(db.get_one(SessionRow, s.id)), detail.sets)

    # --- sets ---------------------------------------------------------------------------

    def log_set(self, session_id: int, entry: SetEntry) -> LoggedSet:
        """Store one set in its own durable transaction; returns it with its id."""
        with self._db.write() as db:
            entry = self._exercises.checked_entry(db, entry)
            session_row(db, session_id)
            row = repo.set_row(session_id, entry, entry.completed_at or self._now())
            db.add(row)
            db.flush()
            return repo.logged_set(row)

    def update_set(
        self,
        set_id: int,
        *,
        reps: int | Unset | None = UNSET,
        load_kg: float | Unset | None = UNSET,
        note: str | Unset = UNSET,
        rest_taken_s: float | Unset | None = UNSET,
        duration_s: float | Unset | None = UNSET,
        kind: str | Unset = UNSET,
        rpe: float | Unset | None = UNSET,
    ) -> LoggedSet:
        changes: dict[str, Any] = {}
        if not isinstance(reps, Unset):
            check.whole_number("reps", reps, 0, check.MAX_REPS)
            changes["reps"] = reps
        if not isinstance(load_kg, Unset):
            check.number("load_kg", load_kg, 0, check.MAX_LOAD_KG, " kg")
            changes["load_kg"] = load_kg
        if not isinstance(note, Unset):
            check.text("note", note)
            changes["note"] = note
        if not isinstance(rest_taken_s, Unset):
            check.duration("rest_taken_s", rest_taken_s)
            changes["rest_taken_s"] = rest_taken_s
        if not isinstance(duration_s, Unset):
            check.duration("duration_s", duration_s)
            changes["duration_s"] = duration_s
        if not isinstance(kind, Unset):
            check.one_of("kind", kind, ("working", "warmup", "drop", "failure"))
            changes["kind"] = kind
        if not isinstance(rpe, Unset):
            check.rpe_entry(rpe)  # typed by hand, as in the session: halves from 0 to 10
            changes["rpe"] = rpe
        with self._db.write() as db:
            row = set_row(db, set_id)
            for field, value in changes.items():
                setattr(row, field, value)
            db.flush()
            return repo.logged_set(row)

    def delete_set(self, set_id: int) -> LoggedSet:
        """Delete a set; returns it so `restore_set` can undo the deletion."""
        with self._db.write() as db:
            row = set_row(db, set_id)
            logged = repo.logged_set(row)
            db.delete(row)
            return logged

    def restore_set(self, logged: LoggedSet) -> LoggedSet:
        with self._db.write() as db:
            session_row(db, logged.session_id)
            if db.get(SetRow, logged.id) is not None:
                raise ValidationError("id", logged.id, f"set {logged.id} is already in the history")
            return self._insert_logged(db, logged)

    def _insert_logged(self, db: Session, logged: LoggedSet) -> LoggedSet:
        entry = self._exercises.checked_entry(db, logged.entry())
        row = repo.set_row(logged.session_id, entry, logged.completed_at)
        row.id = logged.id
        db.add(row)
        db.flush()
        return repo.logged_set(row)

    # --- user exercises -----------------------------------------------------------------

    def add_user_exercise(self, name: str) -> tuple[str, str]:
        """Create a user exercise (or return the existing one with that name)."""
        check.name("name", name)
        name = name.strip()
        with self._db.write() as db:
            stored = repo.find_user_exercise(db, name)
            if stored is None:
                repo.add_user_exercise(db, name)
                stored = name
            return user_exercise_id(stored), stored
