"""WorkoutService: each write commits on its own, bad values write nothing, undo works."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.errors import NotFoundError, ValidationError
from backleg_desktop.services.store import Store
from backleg_desktop.services.workouts import WorkoutService
from tests.support.stores import WallClock, open_test_store


@pytest.fixture
def clock() -> WallClock:
    return WallClock()


@pytest.fixture
def store(data_dir: Path, clock: WallClock) -> Iterator[Store]:
    with open_test_store(data_dir, clock) as opened:
        yield opened


@pytest.fixture
def workouts(store: Store) -> WorkoutService:
    return store.workouts


def rows_in_db(store: Store, table: str) -> int:
    """Count rows with a separate plain connection: proves the data is committed."""
    conn = sqlite3.connect(store.db_path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_a_logged_set_is_committed_before_log_set_returns(
    store: Store, workouts: WorkoutService, clock: WallClock
) -> None:
    session = workouts.start_session("strength", pain_before=3)
    assert session.name == "Strength session"
    assert session.status == "in_progress" and session.started_at == clock.now
    clock.advance(minutes=2)
    logged = workouts.log_set(
        session.id, SetEntry("reverse-lunge", 1, side="left", reps=8, load_kg=6.0)
    )
    assert rows_in_db(store, "sets") == 1
    assert logged.completed_at == clock.now and logged.completed_at.tzinfo is not None
    assert logged.session_id == session.id and logged.side == "left"


@pytest.mark.parametrize(
    ("entry", "field", "value"),
    [
        (SetEntry("goblet-squat", 1, reps=1500), "reps", 1500),
        (SetEntry("goblet-squat", 1, reps=-1), "reps", -1),
        (SetEntry("goblet-squat", 1, load_kg=1000.5), "load_kg", 1000.5),
        (SetEntry("goblet-squat", 1, load_kg=float("nan")), "load_kg", None),
        (SetEntry("goblet-squat", 1, duration_s=86401), "duration_s", 86401),
        (SetEntry("goblet-squat", 1, rest_taken_s=-5), "rest_taken_s", -5),
        (SetEntry("deadlift", 1), "exercise_id", "deadlift"),
        (SetEntry("user:Never made", 1), "exercise_id", "user:Never made"),
        (SetEntry("goblet-squat", 0), "set_number", 0),
        (SetEntry("goblet-squat", 1, side="middle"), "side", "middle"),  # type: ignore[arg-type]
        (SetEntry("goblet-squat", 1, completed_at=datetime(2025, 1, 1)), "completed_at", None),
    ],
)
def test_a_bad_set_names_field_and_value_and_writes_nothing(
    store: Store, workouts: WorkoutService, entry: SetEntry, field: str, value: object
) -> None:
    session = workouts.start_session("strength", pain_before=1)
    with pytest.raises(ValidationError) as caught:
        workouts.log_set(session.id, entry)
    assert caught.value.field == field
    if value is not None:
        assert caught.value.value == value
        assert str(value) in str(caught.value)
    assert field in str(caught.value)
    assert rows_in_db(store, "sets") == 0


def test_the_message_reads_well() -> None:
    with pytest.raises(ValidationError, match=r"^reps must be between 0 and 1000 \(got 1500\)$"):
        from backleg_desktop.services import validation

        validation.whole_number("reps", 1500, 0, 1000)


def test_pain_is_checked_on_start_and_finish(store: Store, workouts: WorkoutService) -> None:
    with pytest.raises(ValidationError, match=r"pain_before.*11"):
        workouts.start_session("strength", pain_before=11)
    assert rows_in_db(store, "sessions") == 0
    session = workouts.start_session("strength", pain_before=2)
    with pytest.raises(ValidationError, match="pain_after"):
        workouts.finish_session(session.id, pain_after=-1)
    assert workouts.session_detail(session.id).session.status == "in_progress"


def test_unknown_plan_and_missing_session(workouts: WorkoutService) -> None:
    with pytest.raises(ValidationError, match="plan_id"):
        workouts.start_session("marathon", pain_before=0)
    with pytest.raises(NotFoundError):
        workouts.log_set(999, SetEntry("goblet-squat", 1))
    with pytest.raises(NotFoundError):
        workouts.session_detail(999)


def test_finish_end_early_and_stop_for_pain(workouts: WorkoutService, clock: WallClock) -> None:
    done = workouts.start_session("strength", pain_before=2)
    clock.advance(minutes=40)
    finished = workouts.finish_session(done.id, pain_after=1, notes="good")
    assert (finished.status, finished.pain_after, finished.notes) == ("completed", 1, "good")
    assert finished.ended_at == clock.now
    with pytest.raises(ValidationError, match="already ended"):
        workouts.end_session_early(done.id)

    early = workouts.start_session("quick-add-on", pain_before=4)
    assert workouts.end_session_early(early.id, notes="tired").status == "ended_early"

    hurt = workouts.start_session("strength", pain_before=3)
    stopped = workouts.stop_for_pain(
        hurt.id, exercise_id="split-stance-rdl", set_number=2, pain_after=6
    )
    assert stopped.status == "stopped_pain"
    assert (stopped.stop_exercise_id, stopped.stop_set_number) == ("split-stance-rdl", 2)

    later = workouts.set_pain_after(hurt.id, 4, notes="eased off by evening")
    assert (later.pain_after, later.notes) == (4, "eased off by evening")
    assert workouts.in_progress_session() is None


def test_resume_finds_the_newest_unfinished_session_with_its_sets(
    workouts: WorkoutService, clock: WallClock
) -> None:
    old = workouts.start_session("strength", pain_before=1)
    workouts.end_session_early(old.id)
    clock.advance(days=1)
    current = workouts.start_session("quick-add-on", pain_before=2)
    first = workouts.log_set(current.id, SetEntry("leg-extension", 1, reps=12, load_kg=20))
    clock.advance(minutes=2)
    second = workouts.log_set(current.id, SetEntry("leg-extension", 2, reps=12, load_kg=20))
    resumed = workouts.in_progress_session()
    assert resumed is not None and resumed.session.id == current.id
    assert [s.id for s in resumed.sets] == [first.id, second.id]


def test_update_delete_and_restore_a_set(store: Store, workouts: WorkoutService) -> None:
    session = workouts.start_session("strength", pain_before=1)
    logged = workouts.log_set(session.id, SetEntry("goblet-squat", 1, reps=10, load_kg=16.0))
    updated = workouts.update_set(logged.id, reps=9, note="last rep slow")
    assert (updated.reps, updated.load_kg, updated.note) == (9, 16.0, "last rep slow")
    cleared = workouts.update_set(logged.id, load_kg=None)
    assert cleared.load_kg is None and cleared.reps == 9
    with pytest.raises(ValidationError, match="reps"):
        workouts.update_set(logged.id, reps=5000)
    assert workouts.session_detail(session.id).sets[0].reps == 9

    deleted = workouts.delete_set(logged.id)
    assert rows_in_db(store, "sets") == 0
    restored = workouts.restore_set(deleted)
    assert restored == deleted  # same id, same values
    with pytest.raises(ValidationError, match="already"):
        workouts.restore_set(deleted)


def test_delete_and_restore_a_session_with_its_sets(store: Store, workouts: WorkoutService) -> None:
    session = workouts.start_session("strength", pain_before=1)
    for n in (1, 2):
        workouts.log_set(session.id, SetEntry("leg-extension", n, reps=12, load_kg=20.0))
    workouts.finish_session(session.id, pain_after=1)
    detail = workouts.delete_session(session.id)
    assert rows_in_db(store, "sets") == 0  # cascade
    newer = workouts.start_session("strength", pain_before=0)
    assert newer.id != session.id  # ids are never reused, so undo can put it back
    assert workouts.restore_session(detail) == detail
    assert workouts.session_detail(session.id) == detail


def test_last_sets_prefill_from_the_newest_earlier_session(
    workouts: WorkoutService, clock: WallClock
) -> None:
    assert workouts.last_sets("goblet-squat") == []
    first = workouts.start_session("strength", pain_before=1)
    workouts.log_set(first.id, SetEntry("goblet-squat", 1, reps=10, load_kg=14.0))
    workouts.log_set(first.id, SetEntry("goblet-squat", 2, reps=9, load_kg=14.0))
    workouts.finish_session(first.id, pain_after=1)
    clock.advance(days=2)
    current = workouts.start_session("strength", pain_before=1)
    workouts.log_set(current.id, SetEntry("goblet-squat", 1, reps=10, load_kg=16.0))
    assert [s.load_kg for s in workouts.last_sets("goblet-squat")] == [16.0]
    earlier = workouts.last_sets("goblet-squat", before_session_id=current.id)
    assert [(s.set_number, s.reps) for s in earlier] == [(1, 10), (2, 9)]


def test_user_exercises(workouts: WorkoutService) -> None:
    hip = workouts.add_user_exercise("Hip Thrust (Barbell)")
    assert hip == ("user:Hip Thrust (Barbell)", "Hip Thrust (Barbell)")
    assert workouts.add_user_exercise("hip thrust (barbell)") == hip  # same name, any case
    session = workouts.start_session(None, pain_before=None)
    assert session.name == "Workout"
    logged = workouts.log_set(session.id, SetEntry("user:HIP THRUST (BARBELL)", 1, reps=8))
    assert logged.exercise_id == hip[0]
    assert workouts.user_exercises() == [hip]


def test_list_filters_and_summary_figures(workouts: WorkoutService, clock: WallClock) -> None:
    start = clock.now
    for day in range(5):
        plan = "strength" if day % 2 == 0 else "quick-add-on"
        session = workouts.start_session(plan, pain_before=1)
        workouts.log_set(
            session.id, SetEntry("leg-extension", 1, kind="warmup", reps=15, load_kg=10)
        )
        workouts.log_set(session.id, SetEntry("leg-extension", 2, reps=12, load_kg=20.0 + day))
        if plan == "strength":
            workouts.log_set(session.id, SetEntry("lying-leg-curl", 1, reps=10, load_kg=15))
        clock.advance(minutes=30)
        workouts.finish_session(session.id, pain_after=1)
        clock.advance(days=1)

    newest = workouts.list_sessions()
    assert [s.session.started_at for s in newest] == [
        start + timedelta(days=d, minutes=30 * d) for d in (4, 3, 2, 1, 0)
    ]
    top = newest[0]
    assert top.sets_done == 2  # the warm-up is neither a set done against the plan…
    assert top.volume_kg == 12 * 24.0 + 10 * 15  # …nor volume
    assert top.duration_s == 30 * 60
    uncounted = workouts.list_sessions(count_sets=False)  # for views that show no counts
    assert [s.sets_done for s in uncounted] == [None] * 5
    assert [s.session for s in uncounted] == [s.session for s in newest]

    assert workouts.count_sessions(plan_id="quick-add-on") == 2
    assert workouts.count_sessions(exercise_id="lying-leg-curl") == 3
    since = start + timedelta(days=2)
    oldest_first = workouts.list_sessions(since=since, newest_first=False)
    assert [s.session.started_at >= since for s in oldest_first] == [True] * 3
    assert oldest_first[0].session.started_at < oldest_first[-1].session.started_at
    page = workouts.list_sessions(offset=1, limit=2)
    assert [s.session.id for s in page] == [s.session.id for s in newest[1:3]]
    assert workouts.count_sessions(until=since) == 2
    with pytest.raises(ValidationError, match="since"):
        workouts.list_sessions(since=datetime(2025, 1, 1))  # naive: ambiguous


def test_series_and_records_for_a_one_leg_move(workouts: WorkoutService, clock: WallClock) -> None:
    for day, (left, right) in enumerate([(6.0, 8.0), (8.0, 8.0)]):
        session = workouts.start_session("strength", pain_before=day + 1)
        rdl = "split-stance-rdl"
        workouts.log_set(session.id, SetEntry(rdl, 1, side="left", reps=10, load_kg=left))
        workouts.log_set(session.id, SetEntry(rdl, 1, side="right", reps=9, load_kg=right))
        workouts.log_set(session.id, SetEntry(rdl, 2, kind="warmup", reps=20, load_kg=30.0))
        workouts.finish_session(session.id, pain_after=day)
        clock.advance(days=1)
    first, second = workouts.exercise_series("split-stance-rdl")
    assert (first.top_load_left_kg, first.top_load_right_kg, first.top_load_kg) == (6, 8, 8)
    assert first.volume_kg == 10 * 6.0 + 9 * 8.0 and first.total_reps == 19 and first.sets == 2
    assert (first.pain_before, first.pain_after) == (1, 0)
    assert second.started_at == first.started_at + timedelta(days=1)
    records = workouts.records("split-stance-rdl")
    ten = records.heaviest_for(10)
    assert ten is not None and ten.load_kg == 8.0 and ten.session_id == second.session_id
    assert records.heaviest is not None and records.heaviest.load_kg == 8.0  # warm-up ignored
    assert records.best_volume is not None and records.best_volume.session_id == second.session_id


def test_times_in_any_zone_are_stored_as_utc(workouts: WorkoutService) -> None:
    from datetime import timezone

    local = datetime(2026, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    session = workouts.start_session("strength", pain_before=1, started_at=local)
    stored = workouts.session_detail(session.id).session.started_at
    assert stored == local and stored.utcoffset() == timedelta(0)
