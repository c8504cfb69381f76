"""import_sessions and iter_export_rows: one transaction, duplicates skipped, streaming."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backleg_desktop.domain.history import ImportedSession, LoggedSet, SessionRecord, SetEntry
from backleg_desktop.services.errors import ImportCancelled, ImportFormatError, ValidationError
from backleg_desktop.services.store import Store
from tests.support.stores import open_test_store
from tests.support.synthetic import generate_history

T0 = datetime(2025, 10, 21, 18, 4, tzinfo=UTC)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    with open_test_store(data_dir) as opened:
        yield opened


def workout(n: int, *exercises: str, name: str = "Leg Day") -> ImportedSession:
    return ImportedSession(
        name=name,
        plan_id=None,
        started_at=T0 + timedelta(days=n),
        ended_at=T0 + timedelta(days=n, hours=1),
        status="completed",
        pain_before=None,
        pain_after=None,
        notes="",
        sets=tuple(
            SetEntry(e, i + 1, reps=8, load_kg=20.0, completed_at=T0 + timedelta(days=n, minutes=i))
            for i, e in enumerate(exercises)
        ),
    )


def count(store: Store, table: str) -> int:
    conn = sqlite3.connect(store.db_path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_import_adds_sessions_and_user_exercises_and_skips_duplicates(store: Store) -> None:
    batch = [
        workout(0, "goblet-squat", "user:Hip Thrust (Barbell)"),
        workout(1, "user:hip thrust (barbell)", "user:Calf Raise"),
        workout(1, "goblet-squat"),  # same start and name as the one before: a duplicate
        workout(1, "goblet-squat", name="Evening"),  # same start, other name: kept
    ]
    seen: list[int] = []
    summary = store.workouts.import_sessions(batch, progress=seen.append)
    assert (summary.sessions_added, summary.sets_added) == (3, 5)
    assert (summary.duplicates_skipped, summary.user_exercises_created) == (1, 2)
    assert seen == [1, 2, 3, 4]
    assert store.workouts.user_exercises() == [
        ("user:Calf Raise", "Calf Raise"),
        ("user:Hip Thrust (Barbell)", "Hip Thrust (Barbell)"),
    ]
    again = store.workouts.import_sessions(batch)
    assert (again.sessions_added, again.duplicates_skipped) == (0, 4)
    assert count(store, "sessions") == 3


def test_an_error_late_in_the_stream_imports_nothing(store: Store) -> None:
    def sessions() -> Iterator[ImportedSession]:
        for n in range(50):
            yield workout(n, "leg-extension", "user:Made Up")
        raise ImportFormatError("history.csv", 90_000, "weight 'abc' is not a number")

    with pytest.raises(ImportFormatError, match=r"history\.csv, line 90000"):
        store.workouts.import_sessions(sessions())
    assert count(store, "sessions") == count(store, "sets") == count(store, "user_exercises") == 0


def test_an_invalid_value_imports_nothing(store: Store) -> None:
    bad = replace(workout(2, "goblet-squat"), sets=(SetEntry("goblet-squat", 1, reps=1001),))
    with pytest.raises(ValidationError, match="reps"):
        store.workouts.import_sessions([workout(0, "goblet-squat"), bad])
    with pytest.raises(ValidationError, match="exercise_id"):
        store.workouts.import_sessions([workout(0, "hack-squat")])
    assert count(store, "sessions") == 0


def test_dry_run_counts_but_writes_nothing(store: Store) -> None:
    summary = store.workouts.import_sessions(
        [workout(0, "user:Sled Push"), workout(1, "goblet-squat")], dry_run=True
    )
    assert (summary.sessions_added, summary.user_exercises_created, summary.dry_run) == (
        2,
        1,
        True,
    )
    assert count(store, "sessions") == count(store, "user_exercises") == 0


def test_cancelling_rolls_back(store: Store) -> None:
    asked = iter([False, False, True])
    with pytest.raises(ImportCancelled):
        store.workouts.import_sessions(
            (workout(n, "goblet-squat") for n in range(10)), should_cancel=lambda: next(asked)
        )
    assert count(store, "sessions") == 0


def test_export_rows_are_ordered_streamed_and_include_empty_sessions(store: Store) -> None:
    w = store.workouts
    w.import_sessions([workout(1, "goblet-squat", "leg-extension"), workout(0)])
    rows = list(w.iter_export_rows())
    assert [(s.started_at, st.exercise_id if st else None) for s, st in rows] == [
        (T0, None),
        (T0 + timedelta(days=1), "goblet-squat"),
        (T0 + timedelta(days=1), "leg-extension"),
    ]
    stream = w.iter_export_rows()
    next(stream)
    w.log_set(rows[1][0].id, SetEntry("goblet-squat", 9))  # a writer is not blocked meanwhile
    stream.close()


def test_round_trip_through_export_and_import(tmp_path: Path) -> None:
    """The generated history, exported row by row and imported into a fresh store."""
    with open_test_store(tmp_path / "a") as first:
        first.workouts.import_sessions(generate_history(years=1, seed=7))
        first.workouts.add_user_exercise("Step-up")
        session = first.workouts.start_session(None, pain_before=2)
        first.workouts.log_set(session.id, SetEntry("user:Step-up", 1, reps=10, note="box"))
        rows = list(first.workouts.iter_export_rows())

    def as_imported() -> Iterator[ImportedSession]:
        by_session: dict[int, list[SetEntry]] = {}
        records = {}
        for record, logged in rows:
            records[record.id] = record
            sets = by_session.setdefault(record.id, [])
            if logged is not None:
                sets.append(
                    SetEntry(
                        logged.exercise_id, logged.set_number, logged.side, logged.kind,
                        logged.reps, logged.load_kg, logged.duration_s, logged.rest_planned_s,
                        logged.rest_taken_s, logged.completed_at, logged.note,
                    )
                )  # fmt: skip
        for sid, r in records.items():
            yield ImportedSession(
                r.name, r.plan_id, r.started_at, r.ended_at, r.status, r.pain_before,
                r.pain_after, r.notes, tuple(by_session[sid]), r.stop_exercise_id,
                r.stop_set_number,
            )  # fmt: skip

    with open_test_store(tmp_path / "b") as second:
        summary = second.workouts.import_sessions(as_imported())
        assert summary.sessions_added == 366 and summary.user_exercises_created == 1
        copied = list(second.workouts.iter_export_rows())

    def comparable(
        pairs: list[tuple[SessionRecord, LoggedSet | None]],
    ) -> list[tuple[SessionRecord, LoggedSet | None]]:
        """Ids differ between the two files; everything else must not."""
        return [
            (replace(r, id=0), replace(s, id=0, session_id=0) if s is not None else None)
            for r, s in pairs
        ]

    assert comparable(copied) == comparable(rows)
