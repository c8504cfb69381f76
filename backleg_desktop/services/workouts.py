"""Workout use cases: start a session, log sets, finish, and read the history back.

Every write is its own committed transaction (BEGIN IMMEDIATE … COMMIT with
synchronous=FULL), so a set is on disk the moment `log_set` returns. Values are checked
before anything is written; failures come out as BacklegErrors with a message for the user.
No Qt here.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from backleg_desktop.content.model import Library
from backleg_desktop.domain.history import (
    ImportedSession,
    LoggedSet,
    SessionDetail,
    SessionRecord,
    SessionStatus,
    SessionSummary,
    SetEntry,
)
from backleg_desktop.domain.progression import (
    SESSIONS_AT_TOP,
    ProgressionHint,
    exercise_screen_hint,
    outcome_of,
)
from backleg_desktop.domain.records import (
    ExercisePoint,
    ExerciseRecords,
    ImportSummary,
    compute_records,
)
from backleg_desktop.services import validation as check
from backleg_desktop.services.errors import (
    ImportCancelled,
    NotFoundError,
    ValidationError,
    storage_errors,
)
from backleg_desktop.storage import repository as repo
from backleg_desktop.storage.engine import writer
from backleg_desktop.storage.models import SessionRow, SetRow


class Unset(enum.Enum):
    """Marks an `update_set` argument that was not given (None means "clear it")."""

    UNSET = "unset"


UNSET: Final = Unset.UNSET

DEFAULT_SESSION_NAME = "Workout"


def utc_now() -> datetime:
    return datetime.now(UTC)


class WorkoutService:
    def __init__(
        self,
        engine: Engine,
        library: Library,
        *,
        db_path: Path,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self._engine = engine
        self._writer = writer(engine)
        self._library = library
        self._db_path = db_path
        self._now = now

    # --- transactions -------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One committed transaction; rolled back entirely on any error."""
        with (
            storage_errors(self._db_path),
            Session(self._writer, expire_on_commit=False) as db,
            db.begin(),
        ):
            yield db

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with storage_errors(self._db_path), Session(self._engine) as db:
            yield db

    @contextmanager
    def _read_conn(self) -> Iterator[Connection]:
        with storage_errors(self._db_path), self._engine.connect() as conn:
            yield conn

    # --- look-ups -----------------------------------------------------------------------

    def _session_row(self, db: Session, session_id: int) -> SessionRow:
        row = db.get(SessionRow, session_id)
        if row is None:
            raise NotFoundError(f"There is no session {session_id} in the history.")
        return row

    def _set_row(self, db: Session, set_id: int) -> SetRow:
        row = db.get(SetRow, set_id)
        if row is None:
            raise NotFoundError(f"There is no set {set_id} in the history.")
        return row

    def _canonical_exercise(self, db: Session | Connection, exercise_id: object) -> str:
        """The id to store for `exercise_id`, or ValidationError if it is not known."""
        if isinstance(exercise_id, str):
            if exercise_id in self._library.exercises:
                return exercise_id
            if exercise_id.startswith(repo.USER_PREFIX):
                stored = repo.find_user_exercise(db, exercise_id[len(repo.USER_PREFIX) :])
                if stored is not None:
                    return repo.user_exercise_id(stored)
        check.exercise(exercise_id, lambda _: False)
        raise AssertionError("unreachable")

    def _checked_entry(self, db: Session | Connection, entry: SetEntry) -> SetEntry:
        canonical = self._canonical_exercise(db, entry.exercise_id)
        entry = replace(entry, exercise_id=canonical)
        check.set_entry(entry, lambda _: True)
        return entry

    # --- sessions -----------------------------------------------------------------------

    def start_session(
        self,
        plan_id: str | None,
        *,
        pain_before: int | None,
        started_at: datetime | None = None,
        name: str | None = None,
    ) -> SessionRecord:
        if plan_id is not None and plan_id not in self._library.plans:
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
        with self._write() as db:
            db.add(row)
            db.flush()
            return repo.session_record(row)

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
        with self._write() as db:
            if stop_exercise_id is not None:
                stop_exercise_id = self._canonical_exercise(db, stop_exercise_id)
            row = self._session_row(db, session_id)
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
        with self._write() as db:
            row = self._session_row(db, session_id)
            row.pain_after = pain_after
            if notes is not None:
                row.notes = notes
            db.flush()
            return repo.session_record(row)

    def delete_session(self, session_id: int) -> SessionDetail:
        """Delete a session and its sets; returns them so `restore_session` can undo it."""
        with self._write() as db:
            row = self._session_row(db, session_id)
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
        with self._write() as db:
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
        with self._write() as db:
            entry = self._checked_entry(db, entry)
            self._session_row(db, session_id)
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
        with self._write() as db:
            row = self._set_row(db, set_id)
            for field, value in changes.items():
                setattr(row, field, value)
            db.flush()
            return repo.logged_set(row)

    def delete_set(self, set_id: int) -> LoggedSet:
        """Delete a set; returns it so `restore_set` can undo the deletion."""
        with self._write() as db:
            row = self._set_row(db, set_id)
            logged = repo.logged_set(row)
            db.delete(row)
            return logged

    def restore_set(self, logged: LoggedSet) -> LoggedSet:
        with self._write() as db:
            self._session_row(db, logged.session_id)
            if db.get(SetRow, logged.id) is not None:
                raise ValidationError("id", logged.id, f"set {logged.id} is already in the history")
            return self._insert_logged(db, logged)

    def _insert_logged(self, db: Session, logged: LoggedSet) -> LoggedSet:
        entry = self._checked_entry(
            db,
            SetEntry(
                exercise_id=logged.exercise_id,
                set_number=logged.set_number,
                side=logged.side,
                kind=logged.kind,
                reps=logged.reps,
                load_kg=logged.load_kg,
                duration_s=logged.duration_s,
                rest_planned_s=logged.rest_planned_s,
                rest_taken_s=logged.rest_taken_s,
                completed_at=logged.completed_at,
                note=logged.note,
            ),
        )
        row = repo.set_row(logged.session_id, entry, logged.completed_at)
        row.id = logged.id
        db.add(row)
        db.flush()
        return repo.logged_set(row)

    # --- reading ------------------------------------------------------------------------

    def in_progress_session(self) -> SessionDetail | None:
        """The newest unfinished session with its sets, to offer resuming it."""
        with self._read() as db:
            row = repo.newest_in_progress(db)
            if row is None:
                return None
            return SessionDetail(repo.session_record(row), repo.sets_of(db, row.id))

    def session_detail(self, session_id: int) -> SessionDetail:
        with self._read() as db:
            row = self._session_row(db, session_id)
            return SessionDetail(repo.session_record(row), repo.sets_of(db, session_id))

    def list_sessions(
        self,
        *,
        offset: int = 0,
        limit: int = 100,
        plan_id: str | None = None,
        exercise_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        newest_first: bool = True,
    ) -> list[SessionSummary]:
        """A page of sessions with their set count and volume (warm-ups not in the volume).

        `since` is inclusive and `until` exclusive.
        """
        check.whole_number("offset", offset, 0, 2**62)
        check.whole_number("limit", limit, 0, 100_000)
        where = self._filter(plan_id, exercise_id, since, until)
        with self._read_conn() as conn:
            return repo.list_sessions(
                conn, where, offset=offset, limit=limit, newest_first=newest_first
            )

    def count_sessions(
        self,
        *,
        plan_id: str | None = None,
        exercise_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> int:
        where = self._filter(plan_id, exercise_id, since, until)
        with self._read_conn() as conn:
            return repo.count_sessions(conn, where)

    @staticmethod
    def _filter(
        plan_id: str | None,
        exercise_id: str | None,
        since: datetime | None,
        until: datetime | None,
    ) -> repo.SessionFilter:
        check.aware_time("since", since)
        check.aware_time("until", until)
        return repo.SessionFilter(plan_id, exercise_id, since, until)

    def last_sets(
        self, exercise_id: str, *, before_session_id: int | None = None
    ) -> list[LoggedSet]:
        """That exercise's sets from the newest session that has any, to prefill the next.

        Pass the current session's id as `before_session_id` to look only at earlier ones.
        """
        with self._read() as db:
            return repo.last_sets(db, exercise_id, before_session_id)

    def exercise_series(self, exercise_id: str) -> list[ExercisePoint]:
        """One point per session that did this exercise, oldest first (warm-ups left out)."""
        with self._read_conn() as conn:
            return repo.exercise_series(conn, exercise_id)

    def records(self, exercise_id: str) -> ExerciseRecords:
        with self._read_conn() as conn:
            return compute_records(exercise_id, repo.record_figures(conn, exercise_id))

    def progression_hint(
        self, exercise_id: str, plan_id: str, *, before_session_id: int | None = None
    ) -> ProgressionHint | None:
        """The suggestion to show as `exercise_id` comes up in plan `plan_id`, or None.

        Drawn from the last two sessions that did the exercise, before `before_session_id`
        (the session running now) when given. Three small queries: fast enough to call
        each time a new exercise comes up.
        """
        plan = self._library.plans.get(plan_id)
        item = next((i for i in plan.items if i.exercise_id == exercise_id), None) if plan else None
        if item is None:
            return None
        with self._read() as db:
            until = None
            if before_session_id is not None:
                until = self._session_row(db, before_session_id).started_at
            conn = db.connection()
            where = repo.SessionFilter(exercise_id=exercise_id, until=until)
            earlier = [
                s.session
                for s in repo.list_sessions(
                    conn, where, offset=0, limit=SESSIONS_AT_TOP + 1, newest_first=True
                )
                if s.session.id != before_session_id
            ][:SESSIONS_AT_TOP]
            outcomes = [
                found
                for session in earlier
                if (found := outcome_of(session, repo.sets_of(db, session.id), exercise_id))
            ]
        return exercise_screen_hint(
            exercise_id, item.reps.high, outcomes, self._easier_plan_name(plan_id)
        )

    def _easier_plan_name(self, plan_id: str) -> str | None:
        """The plan the pain check-in offers on a bad day, unless that is `plan_id` itself."""
        easier = self._library.easier_plan(instead_of=plan_id)
        return easier.name if easier is not None else None

    # --- user exercises -----------------------------------------------------------------

    def user_exercises(self) -> list[tuple[str, str]]:
        """(id, display name) of every user exercise, by name."""
        with self._read() as db:
            return repo.user_exercises(db)

    def add_user_exercise(self, name: str) -> tuple[str, str]:
        """Create a user exercise (or return the existing one with that name)."""
        check.name("name", name)
        name = name.strip()
        with self._write() as db:
            stored = repo.find_user_exercise(db, name)
            if stored is None:
                repo.add_user_exercise(db, name)
                stored = name
            return repo.user_exercise_id(stored), stored

    # --- transfer -----------------------------------------------------------------------

    def iter_export_rows(self) -> Iterator[tuple[SessionRecord, LoggedSet | None]]:
        """Every set with its session, oldest session first; a session without sets comes
        once with None. Streams: rows are fetched in batches while you iterate."""
        with self._read_conn() as conn:
            yield from repo.iter_export_rows(conn)

    def import_sessions(
        self,
        sessions: Iterable[ImportedSession],
        *,
        dry_run: bool = False,
        progress: Callable[[int], None] | None = None,
        should_cancel: Callable[[], bool] | None = None,
    ) -> ImportSummary:
        """Add sessions in ONE transaction: all of them, or (on any error) none.

        The iterable is consumed lazily, so a reader can stream a large file. A session
        whose start time and name are already in the history (or earlier in this import)
        is skipped. `user:<name>` exercise ids create user exercises as needed.
        """
        with (
            storage_errors(self._db_path),
            self._writer.connect() as conn,
            conn.begin() as transaction,
        ):
            importer = _Importer(self, conn)
            for processed, imported in enumerate(sessions, start=1):
                if should_cancel is not None and should_cancel():
                    raise ImportCancelled("The import was cancelled; nothing was imported.")
                importer.add(imported)
                if progress is not None:
                    progress(processed)
            if dry_run:
                transaction.rollback()
            return importer.summary(dry_run)


class _Importer:
    """The state of one import_sessions call inside its transaction."""

    def __init__(self, service: WorkoutService, conn: Connection) -> None:
        self._service = service
        self._conn = conn
        self._keys = repo.existing_session_keys(conn)
        self._exercise_ids: dict[str, str] = {}
        self.sessions_added = 0
        self.sets_added = 0
        self.duplicates = 0
        self.user_exercises_created = 0

    def add(self, imported: ImportedSession) -> None:
        check.name("name", imported.name)
        check.aware_time("started_at", imported.started_at)
        if imported.started_at is None:
            raise ValidationError("started_at", None, "started_at is required")
        key = repo.session_key(imported.started_at, imported.name, imported.source_time)
        if key in self._keys:
            self.duplicates += 1
            return
        self._keys.add(key)
        self._check_session(imported)
        entries = [self._entry(e) for e in imported.sets]
        stop_exercise = (
            self._exercise(imported.stop_exercise_id) if imported.stop_exercise_id else None
        )
        session_id = repo.insert_session(
            self._conn,
            {
                "plan_id": imported.plan_id,
                "name": imported.name,
                "started_at": imported.started_at,
                "ended_at": imported.ended_at,
                "status": imported.status,
                "pain_before": imported.pain_before,
                "pain_after": imported.pain_after,
                "notes": imported.notes,
                "stop_exercise_id": stop_exercise,
                "stop_set_number": imported.stop_set_number,
                "source_time": imported.source_time,
            },
        )
        repo.insert_sets(
            self._conn,
            [_set_values(session_id, e, e.completed_at or imported.started_at) for e in entries],
        )
        self.sessions_added += 1
        self.sets_added += len(entries)

    @staticmethod
    def _check_session(imported: ImportedSession) -> None:
        if imported.plan_id is not None:
            check.text("plan_id", imported.plan_id, 100)
        check.aware_time("ended_at", imported.ended_at)
        check.status(imported.status)
        check.pain("pain_before", imported.pain_before)
        check.pain("pain_after", imported.pain_after)
        check.text("notes", imported.notes)
        check.whole_number("stop_set_number", imported.stop_set_number, 1, check.MAX_SET_NUMBER)

    def _entry(self, entry: SetEntry) -> SetEntry:
        entry = replace(entry, exercise_id=self._exercise(entry.exercise_id))
        check.set_entry(entry, lambda _: True)
        return entry

    def _exercise(self, exercise_id: str) -> str:
        known = self._exercise_ids.get(exercise_id)
        if known is not None:
            return known
        if isinstance(exercise_id, str) and exercise_id.startswith(repo.USER_PREFIX):
            name = exercise_id[len(repo.USER_PREFIX) :].strip()
            check.name("exercise_id", name)
            stored = repo.find_user_exercise(self._conn, name)
            if stored is None:
                repo.add_user_exercise(self._conn, name)
                self.user_exercises_created += 1
                stored = name
            known = repo.user_exercise_id(stored)
        else:
            known = self._service._canonical_exercise(self._conn, exercise_id)
        self._exercise_ids[exercise_id] = known
        return known

    def summary(self, dry_run: bool) -> ImportSummary:
        return ImportSummary(
            sessions_added=self.sessions_added,
            sets_added=self.sets_added,
            duplicates_skipped=self.duplicates,
            user_exercises_created=self.user_exercises_created,
            dry_run=dry_run,
        )


def _set_values(session_id: int, entry: SetEntry, completed_at: datetime) -> dict[str, Any]:
    return {
        "session_id": session_id,
        "exercise_id": entry.exercise_id,
        "set_number": entry.set_number,
        "side": entry.side,
        "kind": entry.kind,
        "reps": entry.reps,
        "load_kg": entry.load_kg,
        "duration_s": entry.duration_s,
        "rest_planned_s": entry.rest_planned_s,
        "rest_taken_s": entry.rest_taken_s,
        "completed_at": completed_at,
        "note": entry.note,
    }
