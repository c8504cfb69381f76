"""Pain per exercise: the optional "How is your back?" answer after an exercise's last set.

One answer per exercise in a session (a second answer replaces the first), so History
can show which move flares the back. Stored in the `exercise_pain` table (migration
0003); deleting a session deletes its answers with it. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select

from backleg_desktop.domain.history import BackAnswer
from backleg_desktop.services import validation as check
from backleg_desktop.services.history_db import HistoryDb, session_row
from backleg_desktop.storage.models import ExercisePainRow


class ExercisePainLog:
    def __init__(self, db: HistoryDb, now: Callable[[], datetime]) -> None:
        self._db = db
        self._now = now

    def set_exercise_pain(self, session_id: int, exercise_id: str, pain: int) -> None:
        """Store (or replace) the answer for `exercise_id` in session `session_id`."""
        check.pain("pain", pain)
        with self._db.write() as db:
            session_row(db, session_id)  # NotFoundError for a session that is gone
            row = db.scalars(
                select(ExercisePainRow).where(
                    ExercisePainRow.session_id == session_id,
                    ExercisePainRow.exercise_id == exercise_id,
                )
            ).one_or_none()
            if row is None:
                row = ExercisePainRow(session_id=session_id, exercise_id=exercise_id)
                db.add(row)
            row.pain = pain
            row.asked_at = self._now()

    def exercise_pains(self, session_id: int) -> dict[str, int]:
        """The answers of one session, exercise id → level, in the order they were given."""
        with self._db.read() as db:
            rows = db.scalars(
                select(ExercisePainRow)
                .where(ExercisePainRow.session_id == session_id)
                .order_by(ExercisePainRow.asked_at, ExercisePainRow.id)
            )
            return {row.exercise_id: row.pain for row in rows}

    def all_back_answers(self) -> dict[int, list[BackAnswer]]:
        """Every session's answers, session id → answers in the order given (the backup)."""
        with self._db.read() as db:
            rows = db.scalars(
                select(ExercisePainRow).order_by(
                    ExercisePainRow.session_id, ExercisePainRow.asked_at, ExercisePainRow.id
                )
            )
            answers: dict[int, list[BackAnswer]] = {}
            for row in rows:
                answers.setdefault(row.session_id, []).append(
                    BackAnswer(row.exercise_id, row.pain, row.asked_at)
                )
            return answers
