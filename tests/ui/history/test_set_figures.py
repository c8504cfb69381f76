"""A timed hold, a distance and an RPE show in the session detail with their units."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from backleg_desktop.domain.history import ImportedSession, LoggedSet, SetEntry
from backleg_desktop.ui.history import set_text
from backleg_desktop.ui.history.sets_model import LOAD, REPS, RPE

T0 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def logged(**values: object) -> LoggedSet:
    base = dict(
        id=1,
        session_id=1,
        exercise_id="x",
        set_number=1,
        side="both",
        kind="working",
        reps=None,
        load_kg=None,
        duration_s=None,
        rest_planned_s=None,
        rest_taken_s=None,
        completed_at=T0,
        note="",
    )
    base.update(values)
    return LoggedSet(**base)  # type: ignore[arg-type]


def test_set_text() -> None:
    assert set_text.work(logged(duration_s=60.0)) == "held 60 s"
    assert set_text.work(logged(distance_m=2500.0, duration_s=600.0)) == "2.5 km in 10:00 min"
    assert set_text.work(logged(distance_m=800.0)) == "800 m"
    assert set_text.work(logged(reps=12, duration_s=45.0)) == "12"  # the set timer's time
    assert set_text.work(logged(reps=12)) == "12"
    assert set_text.work(logged()) == "–"
    assert set_text.distance(1609.344) == "1.61 km"
    assert (set_text.rpe(7.5), set_text.rpe(8.0), set_text.rpe(None)) == ("7.5", "8", "")


def test_detail_shows_time_distance_and_rpe(page, store, qtbot) -> None:
    store.workouts.import_sessions(
        [
            ImportedSession(
                name="Core and cardio",
                plan_id=None,
                started_at=T0,
                ended_at=T0 + timedelta(minutes=30),
                status="completed",
                pain_before=1,
                pain_after=1,
                notes="",
                sets=(
                    SetEntry("user:Plank", 1, duration_s=60.0, completed_at=T0),
                    SetEntry(
                        "user:Rowing",
                        1,
                        duration_s=600.0,
                        distance_m=2500.0,
                        rpe=7.5,
                        completed_at=T0 + timedelta(minutes=10),
                    ),
                ),
            )
        ]
    )
    session_id = store.workouts.list_sessions(limit=1)[0].session.id
    page.refresh()
    page.show_session(session_id)
    model = page.detail.sets_model
    shown = [
        (model.index(r, REPS).data(), model.index(r, LOAD).data(), model.index(r, RPE).data())
        for r in range(model.rowCount())
    ]
    assert shown == [("held 60 s", "–", ""), ("2.5 km in 10:00 min", "–", "7.5")]
    assert model.headerData(REPS, Qt.Orientation.Horizontal) == "Reps / time"
    assert "– / –" not in {s[0] for s in shown}
    assert not page.detail.sets_view.isColumnHidden(RPE)
    assert "1 set" not in page.detail.meta.text() and "2 sets" in page.detail.meta.text()
