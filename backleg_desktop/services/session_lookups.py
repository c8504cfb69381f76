"""What earlier sessions say about the one running now: last time's sets (to prefill
reps and load) and the progression hint, each asked of the store once per session.

Plain Python over `WorkoutService` (no Qt); the session controller owns one and calls
`forget()` whenever "earlier" changes (a session starts, resumes, or the store opens).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from backleg_desktop.domain.history import LoggedSet
from backleg_desktop.domain.lighter_loads import offered_load
from backleg_desktop.domain.load_gate import load_increase_block
from backleg_desktop.domain.progression import ProgressionHint
from backleg_desktop.domain.session_flow import Prefill, Step, prefill
from backleg_desktop.domain.units import KILOGRAMS, LoadUnits
from backleg_desktop.domain.warmups import (
    first_working_step,
    is_warmup,
    warmup_prefill,
    working_only,
)
from backleg_desktop.services.errors import BacklegError

if TYPE_CHECKING:  # only for the types: importing it pulls in SQLAlchemy
    from backleg_desktop.services.workouts import WorkoutService

T = TypeVar("T")


class SessionLookups:
    """`report(message)` hears of a store failure; the look-up then finds nothing."""

    def __init__(self, report: Callable[[str], None]) -> None:
        self._report = report
        self.workouts: WorkoutService | None = None
        self.units: LoadUnits = KILOGRAMS  # the user's unit: offers and hints are in it
        self.hints: dict[str, ProgressionHint | None] = {}
        self._last_time: dict[str, list[LoggedSet]] = {}

    def forget(self) -> None:
        self._last_time.clear()
        self.hints.clear()

    def set_units(self, units: LoadUnits) -> None:
        if units != self.units:
            self.units = units
            self.hints.clear()  # their text names loads in the old unit

    def prefill(
        self,
        step: Step,
        session_id: int,
        today: Sequence[LoggedSet],
        lighter_pain: int | None = None,
    ) -> Prefill:
        """The reps and load to show before `step`: today's latest, else last time's.

        With `lighter_pain` (a check-in of 4 or more), a load that comes from an earlier
        session is offered about 20 % lighter and says why; one typed today is kept.
        """
        if is_warmup(step):  # half of what the item's first working set is offered
            working = self.prefill(first_working_step(step), session_id, today, lighter_pain)
            return warmup_prefill(working, self.units)
        last_time = self.last_sets(step.exercise_id, session_id)
        values = prefill(step, last_time, today)
        if lighter_pain is None or values.load_kg is None:
            return values
        if any(s.exercise_id == step.exercise_id for s in working_only(today)):
            return values  # today's own numbers (already the lighter offer, or typed)
        # Rounded down on the user's own grid (5 lb, not 2.5 kg, for someone in pounds).
        offer = offered_load(values.load_kg, lighter_pain, step_kg=self.units.step_kg)
        last = self.units.text(values.load_kg)
        note = f"{offer.reason} (last time {last})" if offer.reason else None
        return replace(values, load_kg=offer.load_kg, note=note)

    def last_sets(self, exercise_id: str, session_id: int) -> list[LoggedSet]:
        """The sets of the last session before `session_id` that had this exercise."""
        if exercise_id not in self._last_time and self.workouts is not None:
            workouts = self.workouts
            found = self._ask(lambda: workouts.last_sets(exercise_id, before_session_id=session_id))
            self._last_time[exercise_id] = list(found or [])
        return self._last_time.get(exercise_id, [])

    def hint(
        self, exercise_id: str, plan_id: str, session_id: int, today_pain: int | None
    ) -> ProgressionHint | None:
        """The progression hint for this exercise in this plan (None: there is none).

        Never "add load" when today's check-in is 4 or more or was skipped
        (domain.load_gate); a rise in pain after the last session already rules it out.
        """
        if exercise_id not in self.hints:
            workouts = self.workouts
            self.hints[exercise_id] = (
                None
                if workouts is None
                else self._ask(
                    lambda: workouts.progression_hint(
                        exercise_id, plan_id, before_session_id=session_id, units=self.units
                    )
                )
            )
        hint = self.hints[exercise_id]
        if hint is None or hint.kind != "add_load":
            return hint
        reason = load_increase_block(today_pain, ())
        if reason is None:
            return hint
        return ProgressionHint("ease_off", reason, exercise_id, hint.session_id)

    def _ask(self, question: Callable[[], T]) -> T | None:
        try:
            return question()
        except BacklegError as error:
            self._report(str(error))
            return None
