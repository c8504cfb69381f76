"""Calendar figures: per day, per week, and the streak of weeks with a session."""

from __future__ import annotations

from datetime import date, timedelta

from backleg_desktop.domain.calendar_stats import (
    longest_week_streak,
    sessions_per_week,
    summarise,
    week_start,
    week_streak,
)

MONDAY = date(2026, 11, 23)


def test_week_start_is_the_monday_even_across_a_new_year() -> None:
    assert week_start(date(2026, 11, 29)) == MONDAY  # a Sunday
    assert week_start(MONDAY) == MONDAY
    assert week_start(date(2027, 1, 1)) == date(2026, 12, 28)


def test_sessions_per_week_counts_two_sessions_on_one_day() -> None:
    days = [MONDAY, MONDAY, MONDAY + timedelta(days=6), MONDAY + timedelta(days=7)]
    weeks = sessions_per_week(days)
    assert weeks[MONDAY] == 3
    assert weeks[MONDAY + timedelta(weeks=1)] == 1


def test_streak_counts_back_from_this_week() -> None:
    trained = [MONDAY - timedelta(weeks=w) for w in (0, 1, 2)] + [MONDAY - timedelta(weeks=5)]
    assert week_streak(trained, today=MONDAY + timedelta(days=3)) == 3


def test_a_week_not_yet_trained_does_not_break_the_streak() -> None:
    trained = [MONDAY - timedelta(weeks=w) for w in (1, 2)]
    assert week_streak(trained, today=MONDAY + timedelta(days=2)) == 2


def test_a_missed_full_week_ends_the_streak() -> None:
    trained = [MONDAY - timedelta(weeks=w) for w in (2, 3, 4)]
    assert week_streak(trained, today=MONDAY) == 0
    assert week_streak([], today=MONDAY) == 0


def test_longest_streak() -> None:
    weeks = [MONDAY - timedelta(weeks=w) for w in (0, 1, 4, 5, 6, 7, 9)]
    assert longest_week_streak(weeks) == 4
    assert longest_week_streak([]) == 0


def test_summary() -> None:
    days = [MONDAY, MONDAY, MONDAY - timedelta(days=1), date(2025, 5, 5)]
    summary = summarise(days, today=MONDAY + timedelta(days=1))
    assert summary.per_day[MONDAY] == 2
    assert summary.training_days == 3
    assert summary.sessions_this_week == 2
    assert summary.current_streak_weeks == 2
    assert summary.sessions_in_year(2026) == 3
    assert summary.sessions_in_year(2025) == 1
