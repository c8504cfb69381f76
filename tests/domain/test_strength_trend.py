"""The estimated one-rep max (Epley) and the weekly sets and volume behind the charts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from backleg_desktop.domain.records import ExercisePoint, SetFigures
from backleg_desktop.domain.strength_trend import epley, session_estimates, weekly_totals

T0 = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # a Monday


@pytest.mark.parametrize(
    ("load", "reps", "expected"),
    [(100.0, 1, 100.0), (100.0, 10, 100 * (1 + 10 / 30)), (60.0, 5, 70.0), (16.0, 12, 22.4)],
)
def test_epley(load: float, reps: int, expected: float) -> None:
    assert epley(load, reps) == pytest.approx(expected)


@pytest.mark.parametrize(("load", "reps"), [(0.0, 10), (20.0, 0), (20.0, 13), (-5.0, 5)])
def test_no_estimate_without_load_reps_or_past_twelve_reps(load: float, reps: int) -> None:
    assert epley(load, reps) is None


def test_each_session_keeps_its_best_estimate_oldest_first() -> None:
    later = T0 + timedelta(days=2)
    estimates = session_estimates(
        [
            SetFigures(2, later, 8, 20.0),
            SetFigures(1, T0, 12, 16.0),
            SetFigures(1, T0, 5, 18.0),  # 21.0: below 22.4 from 12 × 16
            SetFigures(1, T0, 20, 30.0),  # too many reps to estimate from
            SetFigures(3, later, 15, 10.0),  # only high-rep sets: no point at all
        ]
    )
    assert [(e.session_id, round(e.e1rm_kg, 2), e.reps, e.load_kg) for e in estimates] == [
        (1, 22.4, 12, 16.0),
        (2, 25.33, 8, 20.0),
    ]


def point(session_id: int, when: datetime, sets: int, volume: float) -> ExercisePoint:
    return ExercisePoint(session_id, when, 16.0, volume, 10 * sets, None, None, sets=sets)


def test_weekly_totals_sum_each_local_week() -> None:
    weeks = weekly_totals(
        [
            point(1, T0, 3, 480.0),
            point(2, T0 + timedelta(hours=3), 2, 320.0),  # two sessions on one day
            point(3, T0 + timedelta(days=8), 4, 640.0),
        ]
    )
    assert [(w.sets, w.volume_kg, w.sessions, w.last_session_id) for w in weeks] == [
        (5, 800.0, 2, 2),
        (4, 640.0, 1, 3),
    ]
    assert all(w.monday.weekday() == 0 for w in weeks)
    assert weeks[0].monday <= T0.astimezone().date() < weeks[0].monday + timedelta(days=7)
    assert weekly_totals([]) == []
    assert isinstance(weeks[0].monday, date)
