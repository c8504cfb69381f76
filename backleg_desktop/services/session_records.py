"""Records a session beat: the one query the session summary asks, on a pool thread.

A record counts only when the exercise was done in an earlier session too: a first time
is no record. Plain Python over `WorkoutService` (no Qt), which opens its own connection
per call, so this may run off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # only for the types: importing it pulls in SQLAlchemy
    from backleg_desktop.services.workouts import WorkoutService

RecordKind = Literal["heaviest", "volume"]


@dataclass(frozen=True)
class RecordBeaten:
    """A personal best that `session_id` holds now: the heaviest load or the most volume."""

    exercise_id: str
    kind: RecordKind
    load_kg: float = 0.0  # "heaviest": the load and its reps
    reps: int = 0
    volume_kg: float = 0.0  # "volume": reps × load over the session


def records_beaten(workouts: WorkoutService, session_id: int) -> list[RecordBeaten]:
    """The records `session_id` took from earlier sessions, in the order its exercises were
    first logged (heaviest before volume). Raises BacklegError if the store fails."""
    detail = workouts.session_detail(session_id)
    found: list[RecordBeaten] = []
    for exercise_id in dict.fromkeys(s.exercise_id for s in detail.sets):
        if not workouts.last_sets(exercise_id, before_session_id=session_id):
            continue  # nothing earlier to beat
        records = workouts.records(exercise_id)
        heaviest = records.heaviest
        if heaviest is not None and heaviest.session_id == session_id:
            found.append(
                RecordBeaten(exercise_id, "heaviest", load_kg=heaviest.load_kg, reps=heaviest.reps)
            )
        volume = records.best_volume
        if volume is not None and volume.session_id == session_id:
            found.append(RecordBeaten(exercise_id, "volume", volume_kg=volume.volume_kg))
    return found
