"""Workout use cases behind one façade: `store.workouts.log_set(...)` and friends.

The work is done by the parts it is built from: session lifecycle and set logging
(session_log.py), reading the history back (history_queries.py) and importing
(importing.py), sharing one exercise-id resolver (exercise_ids.py) and one set of
transactions on the file (history_db.py). No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import final

from sqlalchemy import Engine

from backleg_desktop.content.model import Library, Plan
from backleg_desktop.services.exercise_ids import ExerciseIds
from backleg_desktop.services.exercise_pain import ExercisePainLog
from backleg_desktop.services.history_db import HistoryDb
from backleg_desktop.services.history_queries import HistoryQueries
from backleg_desktop.services.importing import Importing
from backleg_desktop.services.plan_catalog import is_user_plan_id
from backleg_desktop.services.session_log import (
    DEFAULT_SESSION_NAME,
    UNSET,
    SessionLog,
    Unset,
    utc_now,
)
from backleg_desktop.services.session_swaps import SessionSwapLog
from backleg_desktop.services.user_plans import UserPlans

__all__ = ["DEFAULT_SESSION_NAME", "UNSET", "Unset", "WorkoutService", "utc_now"]


@final  # its methods are instance attributes: a subclass could not override them
class WorkoutService:
    """Every workout use case; each method is the bound method of one of the parts, so
    the signatures and docstrings live in one place (the part)."""

    def __init__(
        self,
        engine: Engine,
        library: Library,
        *,
        db_path: Path,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.db_path = db_path  # its folder also holds the window's pending-writes journal
        db = HistoryDb(engine, db_path)
        exercises = ExerciseIds(library)
        log = SessionLog(db, library, exercises, now)
        plans = UserPlans(db, library, now)
        queries = HistoryQueries(db, library, lambda plan_id: _user_plan(plans, plan_id))
        importing = Importing(db, exercises)

        # Session lifecycle and set logging.
        self.start_session = log.start_session
        self.finish_session = log.finish_session
        self.end_session_early = log.end_session_early
        self.stop_for_pain = log.stop_for_pain
        self.set_pain_after = log.set_pain_after
        self.delete_session = log.delete_session
        self.restore_session = log.restore_session
        self.log_set = log.log_set
        self.update_set = log.update_set
        self.delete_set = log.delete_set
        self.restore_set = log.restore_set
        self.add_user_exercise = log.add_user_exercise
        pains = ExercisePainLog(db, now)  # "How is your back?" after an exercise
        self.set_exercise_pain = pains.set_exercise_pain
        self.exercise_pains = pains.exercise_pains
        self.all_back_answers = pains.all_back_answers
        swaps = SessionSwapLog(db)  # herniated-disc swaps, kept for a resume
        self.record_swap = swaps.record_swap
        self.session_swaps = swaps.session_swaps

        # Reading the history back.
        self.in_progress_session = queries.in_progress_session
        self.session_detail = queries.session_detail
        self.list_sessions = queries.list_sessions
        self.count_sessions = queries.count_sessions
        self.last_sets = queries.last_sets
        self.exercise_series = queries.exercise_series
        self.estimated_max_series = queries.estimated_max_series
        self.records = queries.records
        self.progression_hint = queries.progression_hint
        self.user_exercises = queries.user_exercises
        self.session_titles = queries.session_titles
        self.iter_export_rows = queries.iter_export_rows

        # Importing.
        self.import_sessions = importing.import_sessions

        # The user's own plans (the same as `store.plans`): JSON backups carry them.
        self.plans = plans


def _user_plan(plans: UserPlans, plan_id: str) -> Plan | None:
    return plans.get(plan_id) if is_user_plan_id(plan_id) else None
