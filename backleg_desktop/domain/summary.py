"""The end-of-session summary: duration, sets done against planned, volume, pain before → after.

Pure Python, computed from what was stored (a `SessionRecord` and its `LoggedSet`s) and
the plan it followed, so the same figures show after a finish, a stop or an import.
Records beaten are another module's job; the page shows them next to this.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from backleg_desktop.domain.history import LoggedSet, SessionRecord, SessionStatus
from backleg_desktop.domain.pain import format_pain_change, pain_change
from backleg_desktop.domain.session_steps import PlanLike
from backleg_desktop.domain.set_count import (
    counts_as_done,
    sets_done,
    sets_planned,
    sets_planned_min,
)


@dataclass(frozen=True)
class ExerciseLine:
    """One exercise's part of the session."""

    exercise_id: str
    sets_done: int  # domain.set_count.sets_done: a one-sided set counts once, warm-ups not
    sets_planned: int  # 0 for an exercise that was not in the plan
    reps_total: int
    volume_kg: float
    best_load_kg: float | None


@dataclass(frozen=True)
class SessionReport:
    status: SessionStatus
    duration_s: float | None
    sets_done: int
    sets_planned: int  # the top of each item's range ("2–3 sets" plans 3)
    sets_planned_min: int  # the bottom: optional sets left out
    volume_kg: float  # reps × load, summed over every logged side
    pain_before: int | None
    pain_after: int | None
    exercises: tuple[ExerciseLine, ...]  # in plan order, then anything else logged

    @property
    def pain_change(self) -> int | None:
        """After minus before; negative means it eased. None if a check-in was skipped."""
        return pain_change(self.pain_before, self.pain_after)

    @property
    def pain_text(self) -> str:
        return format_pain_change(self.pain_before, self.pain_after)

    @property
    def all_planned_done(self) -> bool:
        return self.sets_done >= self.sets_planned_min and self.sets_planned > 0


def summarize(
    session: SessionRecord,
    sets: Sequence[LoggedSet],
    plan: PlanLike | None,
    *,
    now: datetime | None = None,
) -> SessionReport:
    """Figures for the summary screen.

    Duration runs from the start to `ended_at`; for a session not ended yet, to `now`
    if given, else to its last logged set (None if there is none).
    Sets done are counted by domain.set_count, as History counts them; warm-ups are
    neither sets done nor volume.
    """
    planned: dict[str, int] = {}
    for item in plan.items if plan is not None else ():
        planned[item.exercise_id] = planned.get(item.exercise_id, 0) + item.sets.high
    sets = [s for s in sets if counts_as_done(s.kind)]

    order = dict.fromkeys([*planned, *(s.exercise_id for s in sets)])
    lines = []
    for exercise_id in order:
        mine = [s for s in sets if s.exercise_id == exercise_id]
        loads = [s.load_kg for s in mine if s.load_kg is not None]
        lines.append(
            ExerciseLine(
                exercise_id=exercise_id,
                sets_done=sets_done(mine),
                sets_planned=planned.get(exercise_id, 0),
                reps_total=sum(s.reps or 0 for s in mine),
                volume_kg=sum(s.volume_kg for s in mine),
                best_load_kg=max(loads) if loads else None,
            )
        )

    return SessionReport(
        status=session.status,
        duration_s=_duration(session, sets, now),
        sets_done=sets_done(sets),
        sets_planned=sets_planned(plan),
        sets_planned_min=sets_planned_min(plan),
        volume_kg=sum(line.volume_kg for line in lines),
        pain_before=session.pain_before,
        pain_after=session.pain_after,
        exercises=tuple(lines),
    )


def _duration(
    session: SessionRecord, sets: Sequence[LoggedSet], now: datetime | None
) -> float | None:
    end = session.ended_at or now
    if end is None and sets:
        end = max(s.completed_at for s in sets)
    if end is None:
        return None
    return max(0.0, (end - session.started_at).total_seconds())


def format_duration(seconds: float | None) -> str:
    """ "42 min", "1 h 05 min", "under a minute"; "–" when unknown."""
    if seconds is None:
        return "–"
    minutes = int(seconds // 60)
    if minutes < 1:
        return "under a minute"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def format_volume(volume_kg: float) -> str:
    """ "1,240 kg" (whole kilograms; a bodyweight session shows "0 kg")."""
    return f"{round(volume_kg):,} kg"
