"""Export the whole history to a file: the one glue between the store and the writers,
shared by `backleg export` and File → Export…. No Qt here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from backleg_desktop.content.model import Library
from backleg_desktop.services.backup_plans import plans_block
from backleg_desktop.services.own_files import refuse_own_file
from backleg_desktop.services.transfer import ExerciseMatcher, ExportSummary, export_to_path
from backleg_desktop.services.transfer.writing import is_json_path

if TYPE_CHECKING:
    from backleg_desktop.services.workouts import WorkoutService


def export_history(workouts: WorkoutService, library: Library, path: Path) -> ExportSummary:
    """Write every session to `path` (CSV, or the JSON backup for a .json name).

    Exercise names come from the user's own exercises, else the library; the file is
    renamed into place only once complete (see transfer/writing.py).
    """
    # File → Export… too must never write over the history it reads.
    refuse_own_file(path, workouts.db_path.parent, "the export")
    users = dict(workouts.user_exercises())
    matcher = ExerciseMatcher(library)

    def name_of(exercise_id: str) -> str:
        return users.get(exercise_id) or matcher.display_name(exercise_id)

    rows = workouts.iter_export_rows()
    answers = workouts.all_back_answers() if is_json_path(path) else None
    # The JSON backup carries the user's plans, and when each was last started.
    plans = plans_block(workouts.plans.all(), workouts.plans.last_used())
    return export_to_path(
        path, rows, name_of, sorted(users.items()), back_answers=answers, user_plans=plans
    )
