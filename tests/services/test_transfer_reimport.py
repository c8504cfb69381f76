"""Re-importing a file adds nothing, whatever the machine's time zone and however the
title is padded: sessions are matched on what the file says."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import Library
from backleg_desktop.services.store import open_store
from backleg_desktop.services.transfer import export_to_path, read_sessions

STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
    '2025-10-20 18:02:11,Legs,45m,Leg Press,1,100,10,0,0,"",,\n'
    '2025-10-21 07:30:00,Legs,45m,Leg Press,1,100,10,0,0,"",,\n'
)
HEVY = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
    'Legs,"21 Oct 2025, 18:04","21 Oct 2025, 18:50",,Leg Press,,,0,normal,100,10,,,\n'
    'Legs,"22 Oct 2025, 12:04","22 Oct 2025, 12:50",,Leg Press,,,0,normal,100,10,,,\n'
)
FITNOTES = (
    "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time,Comment\n"
    "2025-10-21,Leg Press,Legs,100,10,,,,\n"
    "2025-10-22,Leg Press,Legs,100,10,,,,\n"
)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def zone() -> Iterator[object]:
    old = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


@pytest.mark.parametrize("body", [STRONG, HEVY, FITNOTES], ids=["strong", "hevy", "fitnotes"])
def test_the_same_file_under_another_time_zone_adds_nothing(
    library: Library, data_dir: Path, tmp_path: Path, zone, body: str
) -> None:
    path = tmp_path / "export.csv"
    path.write_text(body, encoding="utf-8")
    with open_store(data_dir, library, make_daily_backup=False) as store:
        zone("Europe/Berlin")
        first = store.workouts.import_sessions(read_sessions(path, library))
        zone("America/New_York")
        again = store.workouts.import_sessions(read_sessions(path, library))
        zone("Asia/Tokyo")
        dry = store.workouts.import_sessions(read_sessions(path, library), dry_run=True)
    assert first.sessions_added == 2
    assert (again.sessions_added, again.duplicates_skipped) == (0, 2)
    assert (dry.sessions_added, dry.duplicates_skipped) == (0, 2)


def test_different_days_at_the_same_hour_stay_apart(
    library: Library, data_dir: Path, tmp_path: Path, zone
) -> None:
    """Matching on the file's text must not merge Monday 18:00 with Tuesday 18:00."""
    path = tmp_path / "export.csv"
    path.write_text(STRONG.replace("2025-10-21 07:30:00", "2025-10-21 18:02:11"), "utf-8")
    with open_store(data_dir, library, make_daily_backup=False) as store:
        zone("Europe/Berlin")
        first = store.workouts.import_sessions(read_sessions(path, library))
    assert first.sessions_added == 2


def test_a_padded_title_matches_on_the_second_import(
    library: Library, data_dir: Path, tmp_path: Path
) -> None:
    """A Backleg CSV keeps the title as written ("  Legs  "); its JSON backup, read back,
    collapses the spaces. Either way it is the same session."""
    csv_path = tmp_path / "padded.csv"
    csv_path.write_text(
        "session_id,started_at,ended_at,plan,status,pain_before,pain_after,exercise_id,"
        "exercise_name,set_number,side,set_kind,reps,load_kg,duration_s,rest_planned_s,"
        "rest_taken_s,completed_at,notes,session_notes\n"
        "1,2025-01-01T10:00:00+00:00,,  Legs  ,completed,,,leg-press,Leg Press,1,both,"
        "working,10,20,,,,,,\n",
        encoding="utf-8",
    )
    with open_store(data_dir, library, make_daily_backup=False) as store:
        store.workouts.import_sessions(read_sessions(csv_path, library))
        json_path = tmp_path / "backup.json"
        export_to_path(json_path, store.workouts.iter_export_rows(), lambda i: i)
        again = store.workouts.import_sessions(read_sessions(json_path, library))
        twice = store.workouts.import_sessions(read_sessions(csv_path, library))
    assert (again.sessions_added, again.duplicates_skipped) == (0, 1)
    assert (twice.sessions_added, twice.duplicates_skipped) == (0, 1)


def test_a_json_backup_keeps_what_the_file_said(
    library: Library, data_dir: Path, tmp_path: Path, zone
) -> None:
    """Strong file → history → JSON backup → another history: the Strong file re-imported
    there under another zone still adds nothing."""
    strong = tmp_path / "strong.csv"
    strong.write_text(STRONG, encoding="utf-8")
    backup = tmp_path / "backup.json"
    zone("Europe/Berlin")
    with open_store(data_dir, library, make_daily_backup=False) as store:
        store.workouts.import_sessions(read_sessions(strong, library))
        export_to_path(backup, store.workouts.iter_export_rows(), lambda i: i)
    zone("America/New_York")
    with open_store(tmp_path / "other", library, make_daily_backup=False) as other:
        restored = other.workouts.import_sessions(read_sessions(backup, library))
        again = other.workouts.import_sessions(read_sessions(strong, library))
    assert restored.sessions_added == 2
    assert (again.sessions_added, again.duplicates_skipped) == (0, 2)
