"""Importing sessions into the history: all of them in one transaction, or none.

Readers (services/transfer) turn a file into ImportedSessions; this checks every value,
skips sessions already in the history, creates user exercises on the way and writes the
rows with Core inserts. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from backleg_desktop.domain.history import ImportedSession, SetEntry
from backleg_desktop.domain.records import ImportSummary
from backleg_desktop.services import validation as check
from backleg_desktop.services.errors import ImportCancelled, ValidationError
from backleg_desktop.services.exercise_ids import ExerciseIds
from backleg_desktop.services.history_db import HistoryDb
from backleg_desktop.storage import repository as repo


class Importing:
    def __init__(self, db: HistoryDb, exercises: ExerciseIds) -> None:
        self._db = db
        self._exercises = exercises

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
        with self._db.write_conn() as conn, conn.begin() as transaction:
            importer = _Importer(self._exercises, conn)
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

    def __init__(self, exercises: ExerciseIds, conn: Connection) -> None:
        self._exercises = exercises
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
        key = repo.session_key(imported.started_at, imported.name)
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
        known, created = self._exercises.canonical_or_create(self._conn, exercise_id)
        self.user_exercises_created += created
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
