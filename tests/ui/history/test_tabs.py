"""The Progress, Records and Calendar tabs, built on first show, on a real history."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QPointF

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.ui.history.charts import E1RM_SERIES
from backleg_desktop.ui.history.history_page import (
    CALENDAR_TAB,
    PROGRESS_TAB,
    RECORDS_TAB,
)


def ms(when: datetime) -> float:
    return when.timestamp() * 1000.0


def test_charts_are_built_lazily_and_plot_the_exercise_series(page, store) -> None:
    assert page.tab_widget(PROGRESS_TAB) is None
    page.tabs.setCurrentIndex(PROGRESS_TAB)
    view = page.tab_widget(PROGRESS_TAB)
    assert view is not None
    view.select("goblet-squat", "top_load")
    series = view.exercise_chart.series
    assert set(series) == {"Top-set load", E1RM_SERIES, "Pain after (weekly average)"}
    expected = store.workouts.exercise_series("goblet-squat")
    points = series["Top-set load"].points()
    assert [(p.x(), p.y()) for p in points] == [(ms(e.started_at), e.top_load_kg) for e in expected]

    view.select("goblet-squat", "volume")
    volume = view.exercise_chart.series["Volume"].points()
    assert [p.y() for p in volume] == [e.volume_kg for e in expected]


def test_one_leg_exercise_shows_left_and_right(page, store) -> None:
    page.tabs.setCurrentIndex(PROGRESS_TAB)
    view = page.tab_widget(PROGRESS_TAB)
    view.select("reverse-lunge")
    series = view.exercise_chart.series
    assert {"Left leg", "Right leg"} <= set(series)
    expected = store.workouts.exercise_series("reverse-lunge")
    assert [p.y() for p in series["Right leg"].points()] == [e.top_load_right_kg for e in expected]


def test_a_hovered_point_describes_its_session(page, store) -> None:
    page.tabs.setCurrentIndex(PROGRESS_TAB)
    view = page.tab_widget(PROGRESS_TAB)
    view.select("goblet-squat")
    newest = store.workouts.exercise_series("goblet-squat")[-1]
    point = view.exercise_chart.nearest("Top-set load", QPointF(ms(newest.started_at), 0))
    assert point is not None and point.session_id == newest.session_id
    # Made on hover, not for every point up front; still the whole description.
    assert f"{newest.total_reps} reps" in point.label and "top set" in point.label
    assert newest.started_at.astimezone().strftime("%Y") in point.label


def test_pain_trend_is_weekly_and_clicking_a_point_opens_its_session(page, store) -> None:
    page.tabs.setCurrentIndex(PROGRESS_TAB)
    view = page.tab_widget(PROGRESS_TAB)
    after = view.pain_chart.series["Pain after"].points()
    assert 50 <= len(after) <= 54  # one point per week of a year
    assert all(0 <= p.y() <= 10 for p in after)

    newest = store.workouts.exercise_series("goblet-squat")[-1]
    view.exercise_chart._clicked("Top-set load", QPointF(ms(newest.started_at) + 1000, 0))
    assert page.tabs.currentIndex() == 0
    assert page.detail.detail.session.id == newest.session_id


def test_records_tab_lists_the_stored_records(page, store) -> None:
    page.tabs.setCurrentIndex(RECORDS_TAB)
    view = page.tab_widget(RECORDS_TAB)
    view.select("leg-extension")
    records = store.workouts.records("leg-extension")
    assert view.heaviest.topLevelItemCount() == len(records.heaviest_by_reps)
    first = view.heaviest.topLevelItem(0)
    assert first.text(0) == str(records.heaviest_by_reps[0].reps)
    assert view.most_reps.topLevelItemCount() == len(records.most_reps_by_load)
    # The whole figure, in kg, and the day it was achieved (not just its first digits).
    shown, _, when = view.volume_label.text().partition(" kg on ")
    assert float(shown.replace(",", "")) == pytest.approx(records.best_volume.volume_kg, abs=0.05)
    assert records.best_volume.achieved_at.astimezone().strftime("%Y") in when
    view.most_reps.itemActivated.emit(view.most_reps.topLevelItem(0), 0)
    assert page.detail.detail.session.id == records.most_reps_by_load[0].session_id


def test_calendar_counts_and_streak(qtbot, data_dir, real_library) -> None:
    from backleg_desktop.services.store import open_store
    from backleg_desktop.ui.history.calendar_view import CalendarView

    today = date(2026, 11, 25)  # a Wednesday
    with open_store(data_dir / "cal", real_library, make_daily_backup=False) as store:
        w = store.workouts
        for days_ago in (0, 1, 8, 14, 14, 30):
            start = datetime.combine(today - timedelta(days=days_ago), datetime.min.time())
            s = w.start_session(
                "strength", pain_before=1, started_at=start.replace(hour=9).astimezone(UTC)
            )
            w.log_set(s.id, SetEntry("goblet-squat", 1, reps=8, load_kg=12.0))
            w.finish_session(s.id, pain_after=1)
        view = CalendarView(w, today=today)
        qtbot.addWidget(view)
        summary = view.summary
        assert summary.sessions_this_week == 2
        assert summary.current_streak_weeks == 3  # this week, last week, the week before
        assert summary.per_day[today - timedelta(days=14)] == 2
        assert view.this_week.text() == "This week: 2 sessions"
        assert "3 weeks" in view.streak.text()
        assert view.year_total.text().startswith("6 sessions in 2026, on 5 days")
        assert view.year_grid.per_day[today] == 1
        fmt = view.month.dateTextFormat()
        assert len(fmt) == 5
        opened: list[int] = []
        view.session_requested.connect(opened.append)
        from PySide6.QtCore import QDate

        view.month.activated.emit(QDate(2026, 11, 24))
        assert len(opened) == 1


def test_calendar_tab_on_the_page(page) -> None:
    page.tabs.setCurrentIndex(CALENDAR_TAB)
    view = page.tab_widget(CALENDAR_TAB)
    assert sum(view.summary.per_day.values()) == 365
    assert view.summary.longest_streak_weeks >= 52
