"""Importing sessions into the history: all of them in one transaction, or none.

Readers (services/transfer) turn a file into ImportedSessions. An import runs in two
phases so that the window can keep logging sets meanwhile:

1. check: every session is read and checked, duplicates of sessions already in the
   history (or earlier in the file) are dropped and exercise ids resolved, holding no
   write lock (only short reads). The checked rows go to a spooled temporary file in
   batches, so a file of a million sets never sits in memory at once. A dry run stops here.
2. write: one short BEGIN IMMEDIATE transaction inserts the staged rows with batched Core
   inserts (executemany / insertmanyvalues) and commits, or on any error writes nothing.

No Qt here.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import IO, Any

from sqlalchemy import Connection

from backleg_desktop.domain.history import USER_PREFIX, ImportedSession, SetEntry, user_exercise_id
from backleg_desktop.domain.records import ImportSummary
from backleg_desktop.services import validation as check
from backleg_desktop.services.errors import ImportCancelled, ValidationError
from backleg_desktop.services.exercise_ids import ExerciseIds
from backleg_desktop.services.history_db import HistoryDb
from backleg_desktop.storage import repository as repo
from backleg_desktop.storage.types import to_utc_text

BATCH_SESSIONS = 500  # sessions per staged batch and per INSERT batch
SPOOL_BYTES = 16 * 2**20  # staged rows stay in memory up to this size, then go to disk

SessionKey = repo.SessionKey
# (key, session column values, the session's set rows in repo.SET_COLUMNS order with a
# None for the session id, its "How is your back?" answers), as staged between the phases.
Answer = tuple[str, int, datetime]  # exercise id, pain, asked at
Staged = tuple[SessionKey, dict[str, Any], list[list[Any]], list[Answer]]
_SESSION_ID = repo.SET_COLUMNS.index("session_id")
_EXERCISE_ID = repo.SET_COLUMNS.index("exercise_id")


def _cancelled() -> ImportCancelled:
    return ImportCancelled("The import was cancelled; nothing was imported.")


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
        is skipped. `user:<name>` exercise ids create user exercises as needed. Reading
        and checking take no write lock; a dry run never takes one.
        """
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
            with self._db.read_conn() as conn:
                checker = _Checker(self._exercises, conn)
                for processed, imported in enumerate(sessions, start=1):
                    if should_cancel is not None and should_cancel():
                        raise _cancelled()
                    checker.add(imported, spool)
                    if progress is not None:
                        progress(processed)
                checker.flush(spool)
            if dry_run:
                return checker.summary(dry_run=True)
            spool.seek(0)
            with self._db.write_conn() as conn, conn.begin():
                return _write(conn, checker, _batches(spool), should_cancel)


class _Checker:
    """Phase 1: the checked, de-duplicated rows of an import and what they will need."""

    def __init__(self, exercises: ExerciseIds, conn: Connection) -> None:
        self._exercises = exercises
        self._conn = conn
        self._keys = repo.existing_session_keys(conn)
        self._exercise_ids: dict[str, str] = {}
        self.new_user_exercises: dict[str, str] = {}  # folded name -> name as first seen
        self._batch: list[Staged] = []
        self.sessions = 0
        self.sets = 0
        self.duplicates = 0

    def add(self, imported: ImportedSession, spool: IO[bytes]) -> None:
        check.name("name", imported.name)
        check.aware_time("started_at", imported.started_at)
        if imported.started_at is None:
            raise ValidationError("started_at", None, "started_at is required")
        key = repo.session_key(imported.started_at, imported.name, imported.source_time)
        if key in self._keys:
            self.duplicates += 1
            return
        self._keys.add(key)
        _check_session(imported)
        start = imported.started_at
        sets = [self._set_values(e, start) for e in imported.sets]
        stop = self._exercise(imported.stop_exercise_id) if imported.stop_exercise_id else None
        values = {
            "plan_id": imported.plan_id,
            "name": imported.name,
            "started_at": imported.started_at,
            "ended_at": imported.ended_at,
            "status": imported.status,
            "pain_before": imported.pain_before,
            "pain_after": imported.pain_after,
            "notes": imported.notes,
            "stop_exercise_id": stop,
            "stop_set_number": imported.stop_set_number,
            "source_time": imported.source_time,
        }
        answers: list[Answer] = []
        for answer in imported.back_answers:
            check.pain("exercise_pain", answer.pain)
            asked = answer.asked_at or imported.ended_at or start
            answers.append((self._exercise(answer.exercise_id), answer.pain, asked))
        self._batch.append((key, values, sets, answers))
        self.sessions += 1
        self.sets += len(sets)
        if len(self._batch) >= BATCH_SESSIONS:
            self.flush(spool)

    def flush(self, spool: IO[bytes]) -> None:
        if self._batch:
            pickle.dump(self._batch, spool, protocol=pickle.HIGHEST_PROTOCOL)
            self._batch = []

    def _set_values(self, entry: SetEntry, started_at: datetime) -> list[Any]:
        exercise_id = self._exercise(entry.exercise_id)
        check.set_entry(entry, lambda _: True)  # the id is checked by _exercise
        # The one row mapping (repository.set_values); the session id is filled in when the
        # session is inserted, and times go in as the stored text (plain executemany).
        values = repo.set_values(0, entry, entry.completed_at or started_at)
        values["exercise_id"] = exercise_id
        values["completed_at"] = to_utc_text(values["completed_at"])
        return [values[name] for name in repo.SET_COLUMNS]

    def _exercise(self, exercise_id: str) -> str:
        known = self._exercise_ids.get(exercise_id)
        if known is not None:
            return known
        if isinstance(exercise_id, str) and exercise_id.startswith(USER_PREFIX):
            name = exercise_id[len(USER_PREFIX) :].strip()
            check.name("exercise_id", name)
            stored = repo.find_user_exercise(self._conn, name)
            if stored is None:  # created in phase 2; one spelling per name, as SQLite folds it
                stored = self.new_user_exercises.setdefault(_fold(name), name)
            known = user_exercise_id(stored)
        else:
            known = self._exercises.canonical(self._conn, exercise_id)
        self._exercise_ids[exercise_id] = known
        return known

    def summary(self, *, dry_run: bool) -> ImportSummary:
        return ImportSummary(
            sessions_added=self.sessions,
            sets_added=self.sets,
            duplicates_skipped=self.duplicates,
            user_exercises_created=len(self.new_user_exercises),
            dry_run=dry_run,
        )


def _check_session(imported: ImportedSession) -> None:
    if imported.plan_id is not None:
        check.text("plan_id", imported.plan_id, 100)
    check.aware_time("ended_at", imported.ended_at)
    check.status(imported.status)
    check.pain("pain_before", imported.pain_before)
    check.pain("pain_after", imported.pain_after)
    check.text("notes", imported.notes)
    check.whole_number("stop_set_number", imported.stop_set_number, 1, check.MAX_SET_NUMBER)


def _fold(name: str) -> str:
    """The key SQLite's NOCASE collation compares by (ASCII letters only)."""
    return name.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _batches(spool: IO[bytes]) -> Iterator[list[Staged]]:
    while True:
        try:
            yield pickle.load(spool)
        except EOFError:
            return


def _write(
    conn: Connection,
    checker: _Checker,
    batches: Iterable[list[Staged]],
    should_cancel: Callable[[], bool] | None,
) -> ImportSummary:
    """Phase 2, inside the write transaction: the staged rows, batch by batch."""
    # What changed since phase 1 (a session or user exercise the window or a CLI added
    # meanwhile) is decided again here, under the lock.
    keys = repo.existing_session_keys(conn)
    renamed: dict[str, str] = {}
    created = 0
    for name in checker.new_user_exercises.values():
        stored = repo.find_user_exercise(conn, name)
        if stored is None:
            repo.add_user_exercise(conn, name)
            created += 1
        elif stored != name:
            renamed[user_exercise_id(name)] = user_exercise_id(stored)
    sessions = sets = duplicates = 0
    for batch in batches:
        if should_cancel is not None and should_cancel():
            raise _cancelled()
        fresh = [(values, rows, answers) for key, values, rows, answers in batch if key not in keys]
        duplicates += len(batch) - len(fresh)
        if renamed:  # a user exercise stored meanwhile under another spelling
            for values, _, _ in fresh:
                stop = values["stop_exercise_id"]
                values["stop_exercise_id"] = renamed.get(stop, stop)
        ids = repo.insert_sessions(conn, [values for values, _, _ in fresh])
        set_rows = []
        answer_rows = []
        for session_id, (_, rows, answers) in zip(ids, fresh, strict=True):
            for row in rows:
                row[_SESSION_ID] = session_id
                if renamed:
                    row[_EXERCISE_ID] = renamed.get(row[_EXERCISE_ID], row[_EXERCISE_ID])
                set_rows.append(tuple(row))
            for exercise_id, pain, asked_at in answers:
                exercise_id = renamed.get(exercise_id, exercise_id)
                answer_rows.append((session_id, exercise_id, pain, asked_at))
        repo.insert_set_rows(conn, set_rows)
        repo.insert_back_answers(conn, answer_rows)
        sessions += len(fresh)
        sets += len(set_rows)
    return ImportSummary(
        sessions_added=sessions,
        sets_added=sets,
        duplicates_skipped=checker.duplicates + duplicates,
        user_exercises_created=created,
        dry_run=False,
    )
