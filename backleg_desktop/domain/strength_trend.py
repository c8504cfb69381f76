"""Figures for the progress charts: an estimated one-rep max per session (Epley's formula)
and each week's sets and volume. Pure functions, no Qt."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from backleg_desktop.domain.calendar_stats import week_start
from backleg_desktop.domain.records import ExercisePoint, SetFigures

FORMULA = "Epley"
FORMULA_TEXT = "Epley: load × (1 + reps ÷ 30)"
# Beyond about a dozen reps every formula guesses wildly; such sets give no estimate.
MAX_REPS_FOR_ESTIMATE = 12


def epley(load_kg: float, reps: int) -> float | None:
    """The estimated one-rep max of one set; None for no load, no reps or more than 12."""
    if load_kg <= 0 or reps < 1 or reps > MAX_REPS_FOR_ESTIMATE:
        return None
    if reps == 1:
        return load_kg  # a single is its own maximum
    return load_kg * (1 + reps / 30)


@dataclass(frozen=True)
class EstimatePoint:
    session_id: int
    started_at: datetime
    e1rm_kg: float
    load_kg: float  # the set it came from
    reps: int


def session_estimates(sets: Iterable[SetFigures]) -> list[EstimatePoint]:
    """The best estimate of each session, oldest first (sessions without one left out)."""
    best: dict[int, EstimatePoint] = {}
    for s in sets:
        value = epley(s.load_kg, s.reps)
        if value is None:
            continue
        known = best.get(s.session_id)
        if known is None or value > known.e1rm_kg:
            best[s.session_id] = EstimatePoint(
                s.session_id, s.performed_at, value, s.load_kg, s.reps
            )
    return sorted(best.values(), key=lambda p: (p.started_at, p.session_id))


@dataclass(frozen=True)
class WeekTotal:
    monday: date  # local
    sets: int
    volume_kg: float
    sessions: int
    last_session_id: int


def weekly_totals(points: Sequence[ExercisePoint]) -> list[WeekTotal]:
    """Sets and volume per local week (Monday first), oldest first; weeks without a session
    are left out."""
    weeks: dict[date, list[ExercisePoint]] = defaultdict(list)
    for p in points:
        weeks[week_start(p.started_at.astimezone().date())].append(p)
    totals = []
    for monday in sorted(weeks):
        group = weeks[monday]
        last = max(group, key=lambda p: (p.started_at, p.session_id))
        totals.append(
            WeekTotal(
                monday,
                sum(p.sets for p in group),
                sum(p.volume_kg for p in group),
                len(group),
                last.session_id,
            )
        )
    return totals
