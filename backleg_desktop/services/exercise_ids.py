"""The one place that turns an exercise id from a caller into the id to store.

Library exercises are known by their id; user exercises by `user:<name>` (the stored name
may differ in case). Anything else is a ValidationError naming the id. No Qt here.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from backleg_desktop.content.model import Library
from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services import validation as check
from backleg_desktop.storage import repository as repo


class ExerciseIds:
    def __init__(self, library: Library) -> None:
        self._library = library

    def canonical(self, db: Session | Connection, exercise_id: object) -> str:
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

    def canonical_or_create(self, db: Session | Connection, exercise_id: str) -> tuple[str, bool]:
        """Like `canonical`, but a `user:<name>` id that is not stored yet is created.

        Returns the id and whether a user exercise was created.
        """
        if isinstance(exercise_id, str) and exercise_id.startswith(repo.USER_PREFIX):
            name = exercise_id[len(repo.USER_PREFIX) :].strip()
            check.name("exercise_id", name)
            stored = repo.find_user_exercise(db, name)
            created = stored is None
            if stored is None:
                repo.add_user_exercise(db, name)
                stored = name
            return repo.user_exercise_id(stored), created
        return self.canonical(db, exercise_id), False

    def checked_entry(self, db: Session | Connection, entry: SetEntry) -> SetEntry:
        """`entry` with its stored exercise id, once every value in it has been checked."""
        entry = replace(entry, exercise_id=self.canonical(db, entry.exercise_id))
        check.set_entry(entry, lambda _: True)
        return entry
