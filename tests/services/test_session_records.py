"""records_beaten: the records a session took from earlier ones, from a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.errors import NotFoundError
from backleg_desktop.services.session_records import RecordBeaten, records_beaten
from backleg_desktop.services.store import Store
from tests.support.stores import WallClock, open_test_store


@pytest.fixture
def clock() -> WallClock:
    return WallClock()


@pytest.fixture
def store(data_dir: Path, clock: WallClock) -> Iterator[Store]:
    with open_test_store(data_dir, clock) as opened:
        yield opened


def session(store: Store, clock: WallClock, sets: list[tuple[str, int, float]]) -> int:
    """A finished session a day after the last, with (exercise, reps, load) sets."""
    clock.advance(days=1)
    workouts = store.workouts
    started = workouts.start_session("strength", pain_before=2)
    numbers: dict[str, int] = {}
    for exercise_id, reps, load in sets:
        numbers[exercise_id] = numbers.get(exercise_id, 0) + 1
        done = clock.now + timedelta(minutes=len(numbers) + numbers[exercise_id])
        number = numbers[exercise_id]
        entry = SetEntry(exercise_id, number, reps=reps, load_kg=load, completed_at=done)
        workouts.log_set(started.id, entry)
    workouts.finish_session(started.id, pain_after=2)
    return started.id


def test_a_first_time_is_no_record(store: Store, clock: WallClock) -> None:
    first = session(store, clock, [("goblet-squat", 10, 16.0), ("goblet-squat", 10, 16.0)])
    assert records_beaten(store.workouts, first) == []


def test_heavier_and_more_volume_than_before_are_records(store: Store, clock: WallClock) -> None:
    session(store, clock, [("goblet-squat", 10, 16.0), ("leg-extension", 12, 30.0)])
    second = session(
        store,
        clock,
        [("leg-extension", 12, 30.0), ("goblet-squat", 8, 20.0), ("goblet-squat", 8, 20.0)],
    )
    # Leg extension: the same as last time, so no record (a record belongs to who set it first).
    assert records_beaten(store.workouts, second) == [
        RecordBeaten("goblet-squat", "heaviest", load_kg=20.0, reps=8),
        RecordBeaten("goblet-squat", "volume", volume_kg=320.0),
    ]


def test_a_lighter_session_beats_nothing(store: Store, clock: WallClock) -> None:
    session(store, clock, [("goblet-squat", 10, 20.0)])
    lighter = session(store, clock, [("goblet-squat", 10, 12.0)])
    assert records_beaten(store.workouts, lighter) == []


def test_a_session_that_is_gone_is_a_clear_error(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no session 42"):
        records_beaten(store.workouts, 42)
