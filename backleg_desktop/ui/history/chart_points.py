"""The points the progress charts draw, made from the history's figures: per session,
per side, pain after, weekly means and totals, and the estimated one-rep max."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from functools import partial
from typing import Any, NamedTuple

from backleg_desktop.domain.calendar_stats import week_start
from backleg_desktop.domain.records import ExercisePoint
from backleg_desktop.domain.strength_trend import FORMULA, EstimatePoint, WeekTotal
from backleg_desktop.domain.units import KILOGRAMS, LoadUnits, from_kg
from backleg_desktop.domain.wording import count_of
from backleg_desktop.ui.history import formatting as fmt

TOP_LOAD, VOLUME, REPS = "top_load", "volume", "reps"
WEEKLY_SETS, WEEKLY_VOLUME = "weekly_sets", "weekly_volume"


class ChartPoint(NamedTuple):
    # A tuple, not a frozen dataclass: a chart makes thousands of these each time an
    # exercise is chosen, and a frozen dataclass sets each field through __setattr__.
    when: datetime
    value: float
    session_id: int
    # What the tooltip says, made when a point is hovered: formatting a date and three
    # figures for each of 3,650 points took longer than drawing the chart.
    describe: Callable[[], str]

    @property
    def label(self) -> str:
        return self.describe()


def _text(label: str) -> Callable[[], str]:
    return lambda: label


def exercise_points(
    points: Sequence[ExercisePoint], metric: str, units: LoadUnits = KILOGRAMS
) -> list[ChartPoint]:
    chosen: list[ChartPoint] = []
    for p in points:
        value: float | None
        if metric == TOP_LOAD:
            value = p.top_load_kg
        elif metric == VOLUME:
            value = p.volume_kg
        else:
            value = float(p.total_reps)
        if value is None:
            continue
        if metric != REPS:
            value = from_kg(value, units.unit)
        chosen.append(ChartPoint(p.started_at, value, p.session_id, partial(_label, p, units)))
    return chosen


def side_points(
    points: Sequence[ExercisePoint], side: str, units: LoadUnits = KILOGRAMS
) -> list[ChartPoint]:
    chosen = []
    for p in points:
        value = p.top_load_left_kg if side == "left" else p.top_load_right_kg
        if value is not None:
            shown = from_kg(value, units.unit)
            chosen.append(ChartPoint(p.started_at, shown, p.session_id, partial(_label, p, units)))
    return chosen


def pain_after_points(points: Sequence[ExercisePoint]) -> list[ChartPoint]:
    return [
        ChartPoint(p.started_at, float(p.pain_after), p.session_id, partial(_label, p))
        for p in points
        if p.pain_after is not None
    ]


def weekly_mean(points: Sequence[ChartPoint], what: str) -> list[ChartPoint]:
    """One point per week (its Monday): the mean value; it opens the week's last session."""
    weeks: dict[Any, list[ChartPoint]] = defaultdict(list)
    for p in points:
        weeks[week_start(p.when.astimezone().date())].append(p)
    averaged = []
    for monday in sorted(weeks):
        group = weeks[monday]
        mean = sum(p.value for p in group) / len(group)
        when = datetime.combine(monday, datetime.min.time()).astimezone()
        label = f"Week of {monday:%d %b %Y} ({count_of(len(group), 'session')}): {what} {mean:.1f}"
        averaged.append(ChartPoint(when, mean, group[-1].session_id, _text(label)))
    return averaged


def _label(p: ExercisePoint, units: LoadUnits = KILOGRAMS) -> str:
    load = fmt.load(p.top_load_kg, units)
    return (
        f"{fmt.local_date_time(p.started_at)}: top set {load}, volume {units.volume(p.volume_kg)}, "
        f"{p.total_reps} reps, pain {fmt.pain_change(p.pain_before, p.pain_after)}"
    )


def weekly_pain(summaries: Sequence[Any]) -> tuple[list[ChartPoint], list[ChartPoint]]:
    """Average pain before and after per week; a point opens the week's last session."""
    weeks: dict[Any, list[Any]] = defaultdict(list)
    for summary in summaries:
        local = summary.session.started_at.astimezone()
        weeks[week_start(local.date())].append(summary.session)
    before: list[ChartPoint] = []
    after: list[ChartPoint] = []
    for monday in sorted(weeks):
        sessions = weeks[monday]
        last = max(sessions, key=lambda s: s.started_at)
        when = datetime.combine(monday, datetime.min.time()).astimezone()
        label_head = f"Week of {monday:%d %b %Y} ({count_of(len(sessions), 'session')})"
        for values, target, name in (
            ([s.pain_before for s in sessions if s.pain_before is not None], before, "before"),
            ([s.pain_after for s in sessions if s.pain_after is not None], after, "after"),
        ):
            if values:
                mean = sum(values) / len(values)
                label = f"{label_head}: average pain {name} {mean:.1f}"
                target.append(ChartPoint(when, mean, last.id, _text(label)))
    return before, after


def _monday(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone()


def estimate_points(
    points: Sequence[EstimatePoint], units: LoadUnits = KILOGRAMS
) -> list[ChartPoint]:
    def label(p: EstimatePoint) -> str:
        return (
            f"{fmt.local_date_time(p.started_at)}: estimated 1RM {fmt.load(p.e1rm_kg, units)} "
            f"({FORMULA}, from {count_of(p.reps, 'rep')} × {fmt.load(p.load_kg, units)})"
        )

    return [
        ChartPoint(p.started_at, from_kg(p.e1rm_kg, units.unit), p.session_id, partial(label, p))
        for p in points
    ]


def weekly_points(
    weeks: Sequence[WeekTotal], metric: str, units: LoadUnits = KILOGRAMS
) -> list[ChartPoint]:
    """One point per week at its Monday: its sets or its volume; it opens the week's last
    session."""
    chosen = []
    for w in weeks:
        value = float(w.sets) if metric == WEEKLY_SETS else from_kg(w.volume_kg, units.unit)
        label = (
            f"Week of {w.monday:%d %b %Y} ({count_of(w.sessions, 'session')}): "
            f"{count_of(w.sets, 'set')}, volume {units.volume(w.volume_kg)}"
        )
        chosen.append(ChartPoint(_monday(w.monday), value, w.last_session_id, _text(label)))
    return chosen
