"""Strong 6's export (units in the column names): detection, every kind of row, the
errors with file, line and field, and the import through `backleg import`."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backleg_desktop.__main__ import build_parser
from backleg_desktop.cli import run
from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import Library
from backleg_desktop.domain.history import ImportedSession
from backleg_desktop.services.errors import ImportFormatError
from backleg_desktop.services.store import open_store
from backleg_desktop.services.transfer import detect_format, read_sessions

DATA = Path(__file__).parent.parent / "data"
IMPORTS = DATA / "imports"
KG_HEADER = (
    "Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,"
    "Distance (meters),Seconds,Notes,Workout Notes,RPE"
)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def read(
    library: Library, path: Path, skipped: Counter[str] | None = None
) -> list[ImportedSession]:
    return list(read_sessions(path, library, local=UTC, skipped=skipped))


def sets_of(session: ImportedSession) -> list[tuple[object, ...]]:
    return [
        (s.exercise_id, s.set_number, s.kind, s.reps, s.load_kg, s.duration_s, s.distance_m)
        for s in session.sets
    ]


def cli(data_dir: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(build_parser().parse_args(list(argv)), data_dir, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def session_count(data_dir: Path) -> int:
    with open_store(data_dir, load_library(), make_daily_backup=False) as store:
        return store.workouts.count_sessions()


@pytest.mark.parametrize(
    ("name", "format_id", "delimiter", "label"),
    [
        ("strong6_kg.csv", "strong6", ",", "Strong 6 CSV, kg"),
        ("strong6_semicolon.csv", "strong6", ";", "Strong 6 CSV, kg"),
        ("strong6_lb.csv", "strong6-lb", ",", "Strong 6 CSV, lb"),
    ],
)
def test_strong6_headers_are_recognised(
    name: str, format_id: str, delimiter: str, label: str
) -> None:
    fmt = detect_format(IMPORTS / name)
    assert (fmt.id, fmt.delimiter, fmt.label) == (format_id, delimiter, label)
    assert not fmt.uses_unit_option  # the header names the unit


def test_kg_file_sets_timed_and_distance_sets_and_skipped_rows(library: Library) -> None:
    skipped: Counter[str] = Counter()
    leg_day, core = read(library, IMPORTS / "strong6_kg.csv", skipped)
    assert leg_day.name == "Leg Day A"
    assert leg_day.started_at == datetime(2025, 3, 10, 18, 2, 11, tzinfo=UTC)
    assert leg_day.ended_at == leg_day.started_at + timedelta(seconds=3900)  # Duration (sec)
    # The note row's text follows the workout notes, under its exercise's name.
    assert leg_day.notes == (
        "Back felt fine\nSlept badly\nGoblet Squat (Kettlebell): Heels on a plate"
    )
    # The rest timer, the note row and the empty row are no sets; W/D/F keep their kinds.
    assert sets_of(leg_day) == [
        ("goblet-squat", 1, "warmup", 10, 8.0, None, None),
        ("goblet-squat", 2, "working", 12, 16.0, None, None),
        ("goblet-squat", 3, "working", 12, 16.0, None, None),
        ("leg-extension", 1, "working", 15, 27.5, None, None),
        ("leg-extension", 2, "drop", 10, 20.0, None, None),
        ("user:Seated Leg Curl (Machine)", 1, "failure", 9, 32.5, None, None),
    ]
    assert [s.rpe for s in leg_day.sets[:3]] == [None, 7.0, 8.5]
    assert leg_day.sets[1].note == "Slow on the way down"
    assert core.ended_at == core.started_at + timedelta(minutes=45)
    assert sets_of(core) == [
        ("user:Plank", 1, "working", None, None, 45.0, None),  # Seconds: a timed set
        ("user:Walking", 1, "working", None, None, 900.0, 1200.0),  # Distance (meters)
    ]
    assert skipped == Counter({"rest timer": 1, "note": 1, "empty": 1})


def test_semicolon_file_with_rpe_after_reps(library: Library) -> None:
    skipped: Counter[str] = Counter()
    (session,) = read(library, IMPORTS / "strong6_semicolon.csv", skipped)
    assert session.ended_at == session.started_at + timedelta(seconds=1834)
    assert sets_of(session) == [
        ("leg-press", 1, "working", 10, 100.0, None, None),
        ("leg-press", 2, "working", 10, 102.5, None, None),  # "102,5"
        ("reverse-lunge", 1, "working", 8, 11.0, None, None),
    ]
    assert [s.rpe for s in session.sets] == [None, 8.0, None]
    assert skipped == Counter({"empty": 1})


def test_pounds_and_miles_come_from_the_column_names(library: Library) -> None:
    (session,) = read(library, IMPORTS / "strong6_lb.csv")
    assert sets_of(session) == [
        ("leg-press", 1, "working", 10, 102.058, None, None),  # 225 lb
        ("leg-press", 2, "working", 12, 12.474, None, None),  # 27.5 lb
        ("user:Walking", 1, "working", None, None, 1800.0, 2414.016),  # 1.5 miles
    ]
    # --unit has no say: the header names the unit.
    in_kg_option = list(read_sessions(IMPORTS / "strong6_lb.csv", library, "kg", local=UTC))
    assert in_kg_option == [session]


def write(tmp_path: Path, *lines: str, header: str = KG_HEADER) -> Path:
    path = tmp_path / "strong6.csv"
    path.write_text("\n".join((header, *lines)) + "\n", encoding="utf-8")
    return path


GOOD_ROW = '1,2025-03-10 18:02:11,"Legs",3600,"Leg Press",1,100,10,,,"","",'


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ('2,2025-03-11 18:02:11,"Legs",3600,"Leg Press",X,100,10,,,"","",', "Set Order: 'X' is"),
        ('2,2025-03-11 18:02:11,"Legs",3600,"Leg Press",,100,10,,,"","",', "Set Order: empty"),
        ('2,2025-03-11 18:02:11,"Legs",3600,"Leg Press",1,-5,10,,,"","",', "Weight (kg): weight"),
        ('2,2025-03-11 18:02:11,"Legs",an hour,"Leg Press",1,5,10,,,"","",', "Duration (sec):"),
        ('2,10/03/2025,"Legs",3600,"Leg Press",1,5,10,,,"","",', "Date: '10/03/2025' is not"),
        ('2,2025-03-11 18:02:11,"Legs",3600,"Leg Press",1,5,10,,,"","",12', "RPE: RPE must"),
        ('2,2025-03-11 18:02:11,"Legs",3600,"Leg Press",1,,,,,"","",8', "RPE: this row has"),
        ('x,2025-03-11 18:02:11,"Legs",3600,"Leg Press",1,5,10,,,"","",', "Workout #: 'x' is"),
    ],
)
def test_a_bad_cell_names_its_line_and_column(
    library: Library, tmp_path: Path, row: str, reason: str
) -> None:
    path = write(tmp_path, GOOD_ROW, GOOD_ROW, row)
    with pytest.raises(ImportFormatError) as caught:
        read(library, path)
    assert str(caught.value).startswith(f"{path}, line 4: {reason}")


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        (KG_HEADER.replace(",Weight (kg)", ""), "has no weight column"),
        (KG_HEADER.replace("Weight (kg)", "Weight (stone)"), "needs exactly one weight column"),
        (KG_HEADER + ",Weight (lbs)", "needs exactly one weight column"),
    ],
)
def test_a_weight_column_without_a_known_unit_is_refused(
    tmp_path: Path, header: str, reason: str
) -> None:
    path = write(tmp_path, header=header)
    with pytest.raises(ImportFormatError) as caught:
        detect_format(path)
    assert f"line 1: this Strong 6 export {reason}" in str(caught.value)


def test_an_unknown_distance_unit_is_refused_at_the_header(
    library: Library, tmp_path: Path
) -> None:
    path = write(tmp_path, GOOD_ROW, header=KG_HEADER.replace("(meters)", "(furlongs)"))
    with pytest.raises(ImportFormatError) as caught:
        read(library, path)
    assert "line 1: 'Distance (furlongs)': expected one column such as" in str(caught.value)


def test_cli_imports_reports_skipped_rows_and_reimports_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    path = IMPORTS / "strong6_kg.csv"
    code, out, err = cli(data_dir, "import", str(path), "--dry-run")
    assert (code, err) == (0, "")
    assert "Read 2 sessions and 8 sets" in out
    assert "(Strong 6 CSV, kg)." in out
    assert "Would add 2 sessions and 8 sets" in out
    assert (
        "Skipped 1 rest timer row, 1 exercise note row and 1 empty row: they hold no set; "
        "the note is kept in the workout's notes." in out
    )
    assert "Dry run: nothing was written." in out
    assert session_count(data_dir) == 0

    code, out, err = cli(data_dir, "import", str(path), "--unit", "lb")
    assert (code, err) == (0, "")
    assert "(Strong 6 CSV, kg (--unit ignored: the file gives its own unit))." in out
    assert "Added 2 sessions and 8 sets" in out
    exported = tmp_path / "out.csv"
    assert cli(data_dir, "export", str(exported))[0] == 0
    with exported.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    squats = {row["load_kg"] for row in rows if row["exercise_id"] == "goblet-squat"}
    assert squats == {"8", "16"}  # kg as written: --unit lb changed nothing
    walk = next(row for row in rows if row["exercise_name"] == "Walking")
    assert (walk["duration_s"], walk["distance_m"]) == ("900", "1200")

    code, out, _ = cli(data_dir, "import", str(path))
    assert code == 0
    assert "Added 0 sessions and 0 sets; skipped 2 duplicate sessions" in out
    assert session_count(data_dir) == 2


def test_cli_bad_cell_late_in_the_file_imports_nothing(data_dir: Path) -> None:
    bad = DATA / "strong6_bad_cell.csv"
    code, out, err = cli(data_dir, "import", str(bad))
    assert (code, out) == (1, "")
    assert err == f"{bad}, line 14: Reps: 'ten' is not a number\n"
    assert session_count(data_dir) == 0
    with open_store(data_dir, load_library(), make_daily_backup=False) as store:
        assert store.workouts.user_exercises() == []


def test_the_older_strong_format_counts_its_rest_timer_rows_too(data_dir: Path) -> None:
    code, out, _ = cli(data_dir, "import", str(IMPORTS / "strong.csv"), "--dry-run")
    assert code == 0
    assert "Skipped 1 rest timer row: it holds no set." in out
    code, out, _ = cli(data_dir, "import", str(IMPORTS / "hevy_kg.csv"), "--dry-run")
    assert code == 0
    assert "Skipped" not in out  # nothing to count: the line is left out


def test_the_skipped_rows_sentence_agrees_with_its_count() -> None:
    from backleg_desktop.services.transfer.reading import (
        SKIPPED_EMPTY,
        SKIPPED_NOTE,
        SKIPPED_REST_TIMER,
        skipped_rows_text,
    )

    assert skipped_rows_text(Counter({SKIPPED_REST_TIMER: 1})) == (
        "Skipped 1 rest timer row: it holds no set."
    )
    assert (
        skipped_rows_text(Counter({SKIPPED_EMPTY: 2})) == "Skipped 2 empty rows: they hold no set."
    )
    assert skipped_rows_text(Counter({SKIPPED_NOTE: 1})) == (
        "Skipped 1 exercise note row: it holds no set; the note is kept in the workout's notes."
    )
    assert skipped_rows_text(Counter({SKIPPED_NOTE: 3})).endswith(
        "they hold no set; the notes are kept in the workout's notes."
    )
