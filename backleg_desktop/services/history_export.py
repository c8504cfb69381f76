"""Export the whole history to a file: the one glue between the store and the writers,
shared by `backleg export` and File → Export…. No Qt here."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from backleg_desktop.content.model import Library
from backleg_desktop.domain.history import BackAnswer, LoggedSet, SessionRecord
from backleg_desktop.services.own_files import refuse_own_file
from backleg_desktop.services.transfer.backleg_csv import ExportSummary
from backleg_desktop.services.transfer.names import ExerciseMatcher
from backleg_desktop.services.transfer.writing import export_to_path, is_json_path

if TYPE_CHECKING:
    from backleg_desktop.content.model import Plan


class ExportSource(Protocol):
    """What a CSV export reads: WorkoutService, or services/history_reader.HistoryReader."""

    @property
    def db_path(self) -> Path: ...

    def user_exercises(self) -> list[tuple[str, str]]: ...

    def iter_export_rows(self) -> Iterator[tuple[SessionRecord, LoggedSet | None]]: ...


class _Plans(Protocol):
    def all(self) -> list[Plan]: ...

    def last_used(self) -> dict[str, datetime]: ...


@runtime_checkable
class BackupSource(ExportSource, Protocol):
    """What the JSON backup reads besides: the back answers and the user's plans (only the
    store's WorkoutService has them)."""

    @property
    def plans(self) -> _Plans: ...

    def all_back_answers(self) -> dict[int, list[BackAnswer]]: ...


def export_history(workouts: ExportSource, library: Library, path: Path) -> ExportSummary:
    """Write every session to `path` (CSV, or the JSON backup for a .json name, which
    needs a BackupSource).

    Exercise names come from the user's own exercises, else the library; the file is
    renamed into place only once complete (see transfer/writing.py).
    """
    # File → Export… too must never write over the history it reads.
    refuse_own_file(path, workouts.db_path.parent, "the export")
    users = dict(workouts.user_exercises())
    matcher = ExerciseMatcher(library)

    def name_of(exercise_id: str) -> str:
        return users.get(exercise_id) or matcher.display_name(exercise_id)

    if not is_json_path(path):  # the CSV has no column for plans or back answers
        return export_to_path(path, workouts.iter_export_rows(), name_of, sorted(users.items()))
    if not isinstance(workouts, BackupSource):
        raise TypeError("a JSON backup is written from the store (its plans and answers)")
    from backleg_desktop.services.backup_plans import plans_block  # JSON only: plan rules

    rows = workouts.iter_export_rows()
    answers: dict[int, Sequence[BackAnswer]] = dict(workouts.all_back_answers())
    # The JSON backup carries the user's plans, and when each was last started.
    plans = plans_block(workouts.plans.all(), workouts.plans.last_used())
    return export_to_path(
        path, rows, name_of, sorted(users.items()), back_answers=answers, user_plans=plans
    )
