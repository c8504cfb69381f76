"""Records a session beat: the one query the session summary asks, on a pool thread.

What counts is domain.records.records_held (a first time is no record), the rule
History's stars follow too. Plain Python over `WorkoutService` (no Qt), which opens its
own connection per call, so this may run off the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from backleg_desktop.domain.records import RecordBeaten, records_held

if TYPE_CHECKING:  # only for the types: importing it pulls in SQLAlchemy
    from backleg_desktop.services.workouts import WorkoutService

__all__ = ["RecordBeaten", "records_beaten"]


def records_beaten(workouts: WorkoutService, session_id: int) -> list[RecordBeaten]:
    """The records `session_id` holds, in the order its exercises were first logged
    (heaviest before volume); domain.records.records_held decides, as for History's
    stars. Raises BacklegError if the store fails."""
    detail = workouts.session_detail(session_id)
    found: list[RecordBeaten] = []
    for exercise_id in dict.fromkeys(s.exercise_id for s in detail.sets):
        found += records_held(workouts.records(exercise_id)).get(session_id, [])
    return found
