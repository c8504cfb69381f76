"""Chart edge cases: the e1RM line beside the top-set load, weekly sets and volume, time
axes for one session or several on one day, and an exercise with no data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from backleg_desktop.domain.history import ImportedSession, SetEntry
from backleg_desktop.domain.strength_trend import epley
from backleg_desktop.ui.history.charts import E1RM_SERIES, ProgressView, time_axis
from tests.ui.history.test_fits_1024 import dispose

T0 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def session(when: datetime, *sets: SetEntry) -> ImportedSession:
    return ImportedSession(
        name="Legs",
        plan_id=None,
        started_at=when,
        ended_at=when + timedelta(hours=1),
        status="completed",
        pain_before=2,
        pain_after=2,
        notes="",
        sets=sets,
    )


def squat(n: int, reps: int, load: float, when: datetime) -> SetEntry:
    return SetEntry("goblet-squat", n, reps=reps, load_kg=load, completed_at=when)


@pytest.fixture
def view(qtbot, data_dir, real_library):  # type: ignore[no-untyped-def]
    from backleg_desktop.services.store import open_store
    from tests.support.stores import close_when_jobs_are_done

    store = open_store(data_dir, real_library, make_daily_backup=False)
    store.workouts.import_sessions(
        [
            session(T0, squat(1, 10, 16.0, T0), squat(2, 5, 20.0, T0)),
            session(T0 + timedelta(hours=4), squat(1, 8, 18.0, T0 + timedelta(hours=4))),
        ]
    )
    widget = ProgressView(store.workouts, real_library)
    widget.resize(900, 600)
    widget.show()
    yield widget
    dispose(widget)
    close_when_jobs_are_done(store)


def test_e1rm_line_beside_the_top_set_load(view) -> None:
    view.select("goblet-squat", "top_load")
    series = view.exercise_chart.series
    assert "Epley" in E1RM_SERIES and E1RM_SERIES in series  # the formula is named
    assert [p.y() for p in series[E1RM_SERIES].points()] == pytest.approx(
        [max(epley(16.0, 10), epley(20.0, 5)), epley(18.0, 8)]
    )
    assert [p.y() for p in series["Top-set load"].points()] == [20.0, 18.0]
    assert "estimated 1RM" in view.exercise_chart.chart().title()


def test_weekly_sets_and_volume(view) -> None:
    view.select("goblet-squat", "weekly_sets")
    (weekly,) = [s for k, s in view.exercise_chart.series.items() if k == "Weekly sets"]
    assert [p.y() for p in weekly.points()] == [3.0]  # both sessions are in one week
    view.select("goblet-squat", "weekly_volume")
    volume = view.exercise_chart.series["Weekly volume"]
    assert [p.y() for p in volume.points()] == [10 * 16 + 5 * 20 + 8 * 18]


def test_no_data_clears_the_chart(view) -> None:
    view.select("goblet-squat", "top_load")
    assert view.exercise_chart.series
    view.select("lying-leg-curl", "top_load")
    chart = view.exercise_chart
    assert not chart.series and not chart.chart().series()
    assert not any(axis.isVisible() for axis in chart.chart().axes())
    assert "no sessions yet" in chart.chart().title()
    assert "No sessions with" in view.empty_label.text()
    view.select("goblet-squat", "top_load")  # and back: axes again
    assert all(axis.isVisible() for axis in chart.chart().axes())


@pytest.mark.parametrize(
    ("span", "fmt"),
    [
        (timedelta(0), "d MMM HH:mm"),  # one session
        (timedelta(hours=4), "d MMM HH:mm"),  # several sessions on one day
        (timedelta(days=3), "d MMM"),
        (timedelta(days=119), "d MMM"),
        (timedelta(days=125), "d MMM"),
        (timedelta(days=400), "MMM yyyy"),
        (timedelta(days=3650), "MMM yyyy"),
    ],
)
def test_time_axis_labels_never_repeat(qtbot, span: timedelta, fmt: str) -> None:
    plan = time_axis(T0, T0 + span)
    assert plan.format == fmt
    assert plan.start_ms < T0.timestamp() * 1000 <= (T0 + span).timestamp() * 1000 < plan.end_ms
    labels = plan.labels()
    assert len(labels) == len(set(labels)) >= 2, labels


def test_one_session_axis_shows_its_day_and_time(view) -> None:
    view.select("goblet-squat", "top_load")
    axis = view.exercise_chart._x_axis
    assert axis.format() == "d MMM HH:mm"
    assert axis.min().toMSecsSinceEpoch() < T0.timestamp() * 1000 < axis.max().toMSecsSinceEpoch()
