"""Each import format read from a realistic fixture file into domain sessions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import Library
from backleg_desktop.domain.history import ImportedSession
from backleg_desktop.services.transfer import detect_format, preview, read_sessions
from backleg_desktop.services.transfer.names import ExerciseMatcher

DATA = Path(__file__).parent.parent / "data" / "imports"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def read(library: Library, name: str, unit: str = "kg") -> list[ImportedSession]:
    return list(read_sessions(DATA / name, library, unit, local=UTC))  # type: ignore[arg-type]


def sets_of(session: ImportedSession) -> list[tuple[object, ...]]:
    return [(s.exercise_id, s.set_number, s.kind, s.reps, s.load_kg) for s in session.sets]


@pytest.mark.parametrize(
    ("name", "format_id"),
    [
        ("strong.csv", "strong"),
        ("strong_semicolon.csv", "strong-semicolon"),
        ("hevy_kg.csv", "hevy"),
        ("hevy_lb.csv", "hevy-lb"),
        ("fitnotes_kgs.csv", "fitnotes"),
        ("fitnotes_lbs.csv", "fitnotes-lb"),
        ("fitnotes_unit.csv", "fitnotes-unit"),
        ("backleg.csv", "backleg-csv"),
    ],
)
def test_format_is_detected_from_the_header(name: str, format_id: str) -> None:
    assert detect_format(DATA / name).id == format_id


def test_strong_current_format(library: Library) -> None:
    leg_day, core = read(library, "strong.csv")
    assert leg_day.name == "Leg Day A"
    assert leg_day.started_at == datetime(2025, 10, 20, 18, 2, 11, tzinfo=UTC)
    assert leg_day.ended_at == leg_day.started_at + timedelta(hours=1, minutes=5)
    assert leg_day.notes == "Back felt fine\nSlept badly"  # a literal \n is a newline
    # The rest timer row is not a set; W/D/F are warm-up, drop and failure sets.
    assert sets_of(leg_day) == [
        ("goblet-squat", 1, "warmup", 10, 8.0),
        ("goblet-squat", 2, "working", 12, 16.0),
        ("goblet-squat", 3, "working", 12, 16.0),
        ("leg-extension", 1, "working", 15, 27.5),
        ("leg-extension", 2, "drop", 10, 20.0),
        ("user:Seated Leg Curl (Machine)", 1, "working", 12, 32.5),
        ("user:Seated Leg Curl (Machine)", 2, "failure", 9, 32.5),
    ]
    # RPE has its own field now; the note stays the file's note.
    assert leg_day.sets[1].note == "Slow on the way down"
    assert [s.rpe for s in leg_day.sets[:3]] == [None, 7.0, 8.0]
    assert core.ended_at == core.started_at + timedelta(minutes=45)
    # Strong's zeros for unused columns are "no value": a bodyweight move, a timed hold.
    plank = core.sets[1]
    assert (plank.exercise_id, plank.reps, plank.load_kg, plank.duration_s) == (
        "user:Plank",
        None,
        None,
        45.0,
    )


def test_strong_unit_option_converts_pounds_exactly(library: Library) -> None:
    leg_day = read(library, "strong.csv", unit="lb")[0]
    assert leg_day.sets[1].load_kg == round(16 * 0.45359237, 3) == 7.257
    assert leg_day.sets[3].load_kg == 12.474  # 27.5 lb


def test_strong_semicolon_format_has_a_unit_per_row(library: Library) -> None:
    first, second = read(library, "strong_semicolon.csv")
    assert sets_of(first) == [
        ("leg-press", 1, "working", 10, 100.0),
        ("leg-press", 2, "working", 10, 102.5),  # decimal comma
        ("reverse-lunge", 1, "working", 8, 11.34),  # 25 lbs
    ]
    assert first.ended_at == first.started_at + timedelta(minutes=50)
    assert sets_of(second) == [("user:Romanian Deadlift (Barbell)", 1, "working", 8, 61.235)]
    assert (second.sets[0].note, second.sets[0].rpe) == ("", 8.5)  # RPE "8,5"


def test_hevy_metric(library: Library) -> None:
    first, second = read(library, "hevy_kg.csv")
    assert first.name == "Lower body"
    assert first.started_at == datetime(2025, 10, 21, 18, 4, tzinfo=UTC)
    assert first.ended_at == datetime(2025, 10, 21, 19, 1, tzinfo=UTC)
    assert first.notes == "Knee a bit stiff"
    # set_index counts from 0 in Hevy; Backleg numbers sets from 1.
    assert sets_of(first) == [
        ("lying-leg-curl", 1, "warmup", 12, 15.0),
        ("lying-leg-curl", 2, "working", 12, 25.0),
        ("lying-leg-curl", 3, "drop", 10, 17.5),
        ("glute-bridge", 1, "working", 15, None),
        ("user:Treadmill", 1, "working", None, None),
    ]
    assert [s.note for s in first.sets] == ["Seat on notch 4", "", "", "", ""]
    assert [s.rpe for s in first.sets] == [None, 8.0, None, None, None]
    assert first.sets[4].distance_m == 1500.0
    assert first.sets[4].duration_s == 600
    assert sets_of(second)[1] == ("goblet-squat", 2, "failure", 14, 20.0)


def test_hevy_imperial(library: Library) -> None:
    (session,) = read(library, "hevy_lb.csv")
    assert sets_of(session)[:2] == [
        ("leg-extension", 1, "working", 15, 22.68),  # 50 lb
        ("leg-extension", 2, "working", 12, 24.948),  # 55 lb
    ]
    assert (session.sets[2].note, session.sets[2].distance_m) == ("", 1609.344)


@pytest.mark.parametrize(
    ("name", "loads"),
    [
        ("fitnotes_kgs.csv", [16.0, 16.0, None]),
        ("fitnotes_lbs.csv", [90.718, 99.79]),
        ("fitnotes_unit.csv", [20.0, 20.412, None]),
    ],
)
def test_fitnotes_weight_variants(library: Library, name: str, loads: list[float | None]) -> None:
    first = read(library, name)[0]
    assert [s.load_kg for s in first.sets] == loads


def test_fitnotes_groups_sets_by_day(library: Library) -> None:
    first, second = read(library, "fitnotes_kgs.csv")
    assert first.started_at == datetime(2025, 9, 1, tzinfo=UTC)
    assert [s.exercise_id for s in first.sets] == ["goblet-squat", "goblet-squat", "wall-squat"]
    assert first.sets[2].duration_s == 60  # Time 0:01:00
    assert second.started_at == datetime(2025, 9, 4, tzinfo=UTC)
    assert (second.sets[1].note, second.sets[1].distance_m) == ("", 5000.0)


def test_times_without_a_zone_are_local_time(library: Library) -> None:
    berlin_summer = timezone(timedelta(hours=2))
    session = next(read_sessions(DATA / "hevy_kg.csv", library, local=berlin_summer))
    assert session.started_at == datetime(2025, 10, 21, 16, 4, tzinfo=UTC)
    assert session.started_at.tzinfo is UTC


def test_backleg_csv_reads_plans_titles_and_escaped_text(library: Library) -> None:
    guided, stopped, imported = read(library, "backleg.csv")
    assert (guided.plan_id, guided.name, guided.pain_before, guided.pain_after) == (
        "strength",
        "Strength session",
        2,
        1,
    )
    assert guided.notes == "Good day, \ntwo lines"
    assert [s.note for s in guided.sets] == ["", "=not a formula", "'quoted note"]
    assert guided.sets[1].side == "left"
    assert guided.sets[0].rest_planned_s == 90 and guided.sets[0].rest_taken_s == 95
    assert guided.sets[2].exercise_id == "user:Seated Leg Curl (Machine)"
    assert guided.sets[0].completed_at == datetime(2026, 11, 23, 9, 5, 10, tzinfo=UTC)
    assert (stopped.status, stopped.sets, stopped.ended_at) == ("stopped_pain", (), None)
    assert (imported.plan_id, imported.name) == (None, "Leg Day A")


def test_preview_summarises_without_writing(library: Library) -> None:
    summary = preview(DATA / "strong.csv", library, local=UTC)
    assert (summary.format.id, summary.sessions, summary.sets) == ("strong", 2, 9)
    assert summary.first_started_at == datetime(2025, 10, 20, 18, 2, 11, tzinfo=UTC)
    assert summary.last_started_at == datetime(2025, 10, 23, 7, 30, tzinfo=UTC)
    assert summary.matched["Goblet Squat (Kettlebell)"] == "goblet-squat"
    assert summary.new_user_exercises == ("Seated Leg Curl (Machine)", "Plank")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Leg Extension (Machine)", "leg-extension"),
        ("Lying Leg Curl (Machine)", "lying-leg-curl"),
        ("Goblet Squat (Kettlebell)", "goblet-squat"),
        ("Goblet Squat (Dumbbell)", "goblet-squat"),
        ("Reverse Lunge (Dumbbell)", "reverse-lunge"),
        ("Dumbbell Reverse Lunge", "reverse-lunge"),
        ("Glute Bridge", "glute-bridge"),
        ("Leg Press", "leg-press"),
        ("leg-press", "leg-press"),
        ("STEP-UP", "step-up"),
        ("Kickstand RDL", "split-stance-rdl"),
        ("Seated Leg Curl", "user:Seated Leg Curl"),
        ("Romanian Deadlift (Barbell)", "user:Romanian Deadlift (Barbell)"),
        ("Squat (Barbell)", "user:Squat (Barbell)"),
        ("Hip Thrust (Barbell)", "user:Hip Thrust (Barbell)"),
        ("  Sissy   Squat ", "user:Sissy Squat"),
    ],
)
def test_exercise_names_map_only_the_same_movement(
    library: Library, name: str, expected: str
) -> None:
    assert ExerciseMatcher(library).exercise_id(name) == expected
