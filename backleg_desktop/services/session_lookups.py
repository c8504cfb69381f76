"""What earlier sessions say about the one running now: last time's sets (to prefill
reps and load) and the progression hint, each asked of the store once per session.

Plain Python over `WorkoutService` (no Qt); the session controller owns one and calls
`forget()` whenever "earlier" changes (a session starts, resumes, or the store opens).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from backleg_desktop.domain.history import LoggedSet
from backleg_desktop.domain.progression import ProgressionHint
from backleg_desktop.domain.session_flow import Prefill, Step, prefill
from backleg_desktop.services.errors import BacklegError

if TYPE_CHECKING:  # only for the types: importing it pulls in SQLAlchemy
    from backleg_desktop.services.workouts import WorkoutService

T = TypeVar("T")


class SessionLookups:
    """`report(message)` hears of a store failure; the look-up then finds nothing."""

    def __init__(self, report: Callable[[str], None]) -> None:
        self._report = report
        self.workouts: WorkoutService | None = None
        self.hints: dict[str, ProgressionHint | None] = {}
        self._last_time: dict[str, list[LoggedSet]] = {}

    def forget(self) -> None:
        self._last_time.clear()
        self.hints.clear()

    def prefill(self, step: Step, session_id: int, today: Sequence[LoggedSet]) -> Prefill:
        """The reps and load to show before `step`: last time's, else today's so far."""
        if step.exercise_id not in self._last_time and self.workouts is not None:
            workouts, exercise_id = self.workouts, step.exercise_id
            found = self._ask(lambda: workouts.last_sets(exercise_id, before_session_id=session_id))
            self._last_time[exercise_id] = list(found or [])
        return prefill(step, self._last_time.get(step.exercise_id, []), today)

    def hint(self, exercise_id: str, plan_id: str, session_id: int) -> ProgressionHint | None:
        """The progression hint for this exercise in this plan (None: there is none)."""
        if exercise_id not in self.hints:
            workouts = self.workouts
            self.hints[exercise_id] = (
                None
                if workouts is None
                else self._ask(
                    lambda: workouts.progression_hint(
                        exercise_id, plan_id, before_session_id=session_id
                    )
                )
            )
        return self.hints[exercise_id]

    def _ask(self, question: Callable[[], T]) -> T | None:
        try:
            return question()
        except BacklegError as error:
            self._report(str(error))
            return None
