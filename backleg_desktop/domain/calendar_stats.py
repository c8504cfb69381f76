"""Training calendar figures: which days had a session, sessions per week, the week streak.

Pure: dates in, numbers out. Weeks are ISO weeks (Monday to Sunday) keyed by their Monday,
so a week that spans two years is still one week.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta


def week_start(day: date) -> date:
    """The Monday of `day`'s ISO week."""
    return day - timedelta(days=day.weekday())


def sessions_per_day(days: Iterable[date]) -> Counter[date]:
    """How many sessions started on each day (pass one date per session)."""
    return Counter(days)


def sessions_per_week(days: Iterable[date]) -> Counter[date]:
    """How many sessions each week had, keyed by the week's Monday."""
    return Counter(week_start(d) for d in days)


def week_streak(weeks_with_sessions: Iterable[date], today: date) -> int:
    """Consecutive weeks with at least one session, counting back from this week.

    This week counts if it already has a session; if not, it is not over yet, so the streak
    runs from last week and is not broken. Pass any day of each week (or its Monday).
    """
    trained = {week_start(d) for d in weeks_with_sessions}
    week = week_start(today)
    if week not in trained:
        week -= timedelta(weeks=1)
    streak = 0
    while week in trained:
        streak += 1
        week -= timedelta(weeks=1)
    return streak


def longest_week_streak(weeks_with_sessions: Iterable[date]) -> int:
    """The longest run of consecutive weeks with at least one session."""
    trained = sorted({week_start(d) for d in weeks_with_sessions})
    best = run = 0
    previous: date | None = None
    for week in trained:
        run = run + 1 if previous is not None and week - previous == timedelta(weeks=1) else 1
        best = max(best, run)
        previous = week
    return best


@dataclass(frozen=True)
class CalendarSummary:
    """What the calendar shows next to its grid."""

    per_day: Mapping[date, int]
    per_week: Mapping[date, int]
    current_streak_weeks: int
    longest_streak_weeks: int
    sessions_this_week: int
    training_days: int

    def sessions_in_year(self, year: int) -> int:
        return sum(n for d, n in self.per_day.items() if d.year == year)


def summarise(days: Iterable[date], today: date) -> CalendarSummary:
    """All calendar figures from one date per session (the local day it started)."""
    per_day = sessions_per_day(days)
    per_week = sessions_per_week(per_day.elements())
    return CalendarSummary(
        per_day=per_day,
        per_week=per_week,
        current_streak_weeks=week_streak(per_week, today),
        longest_streak_weeks=longest_week_streak(per_week),
        sessions_this_week=per_week.get(week_start(today), 0),
        training_days=len(per_day),
    )
