"""Malformed files: each is refused with the file, the physical line and a readable reason."""

from __future__ import annotations

import json
from datetime import UTC
from pathlib import Path

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import Library
from backleg_desktop.services.errors import ImportFormatError
from backleg_desktop.services.transfer import read_sessions

STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)
STRONG_ROW = '2025-10-20 18:02:11,Legs,45m,Leg Press,{order},{weight},{reps},0,0,"",,\n'
HEVY_HEADER = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def strong_row(order: str = "1", weight: str = "100", reps: str = "10") -> str:
    return STRONG_ROW.format(order=order, weight=weight, reps=reps)


def refuse(library: Library, path: Path, text: str | bytes) -> ImportFormatError:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFormatError) as caught:
        list(read_sessions(path, library, local=UTC))
    error = caught.value
    assert error.path == str(path)
    return error


@pytest.mark.parametrize(
    ("body", "line", "reason"),
    [
        ("", 1, "the file is empty"),
        ("\n\n", 1, "the file is empty"),
        ("foo,bar,baz\n1,2,3\n", 1, "unknown header 'foo,bar,baz'"),
        (
            STRONG_HEADER + strong_row() + "2025-10-20 18:02:11,Legs,45m\n",
            3,
            "too few fields: expected 12, found 3",
        ),
        (
            STRONG_HEADER + strong_row() + strong_row()[:-1] + ",extra\n",
            3,
            "too many fields: expected 12, found 13",
        ),
        (STRONG_HEADER + strong_row(weight="12kg"), 2, "Weight: '12kg' is not a number"),
        (STRONG_HEADER + strong_row(weight="nan"), 2, "Weight: 'nan' is not a number"),
        (STRONG_HEADER + strong_row(reps="8.5"), 2, "Reps: '8.5' is not a whole number"),
        (
            STRONG_HEADER + strong_row(reps="1500"),
            2,
            "Reps: reps must be between 0 and 1000 (got 1500)",
        ),
        (
            STRONG_HEADER + strong_row(weight="1200"),
            2,
            "Weight: load in kg must be between 0 and 1000 (got 1200)",
        ),
        (STRONG_HEADER + strong_row(weight="-20"), 2, "Weight: weight -20 is negative"),
        (
            STRONG_HEADER + strong_row(order="X"),
            2,
            "Set Order: 'X' is not a set number, W, D, F or Rest Timer",
        ),
        (
            STRONG_HEADER + strong_row().replace("2025-10-20 18:02:11", "20/10/2025"),
            2,
            "Date: '20/10/2025' is not a date and time",
        ),
        (
            STRONG_HEADER + strong_row().replace("45m", "ages"),
            2,
            "Duration: 'ages' is not a duration",
        ),
        (
            STRONG_HEADER + strong_row().replace("Leg Press", " "),
            2,
            "Exercise Name: the exercise name is empty",
        ),
    ],
)
def test_strong_problems_name_line_and_reason(
    library: Library, tmp_path: Path, body: str, line: int, reason: str
) -> None:
    error = refuse(library, tmp_path / "strong.csv", body)
    assert error.line == line
    assert error.reason.startswith(reason)
    assert str(error).startswith(f"{tmp_path / 'strong.csv'}, line {line}: {reason}")


def test_line_numbers_count_physical_lines_inside_quoted_notes(
    library: Library, tmp_path: Path
) -> None:
    note_on_three_lines = strong_row().replace('""', '"first\nsecond\nthird"')
    body = STRONG_HEADER + note_on_three_lines + strong_row(reps="many")
    assert refuse(library, tmp_path / "s.csv", body).line == 5


def test_a_workout_split_across_the_file_is_refused(library: Library, tmp_path: Path) -> None:
    other = strong_row().replace("2025-10-20 18:02:11", "2025-10-22 18:00:00")
    body = STRONG_HEADER + strong_row() + other + strong_row()
    error = refuse(library, tmp_path / "s.csv", body)
    assert error.line == 4
    assert "starts on line 2" in error.reason


def test_error_after_sessions_were_yielded(library: Library, tmp_path: Path) -> None:
    """The reader streams: earlier sessions come out before a later line fails, so the
    store must (and does) roll back the whole import."""
    second = strong_row().replace("2025-10-20 18:02:11", "2025-10-22 18:00:00")
    later = strong_row(weight="heavy").replace("2025-10-20 18:02:11", "2025-10-24 18:00:00")
    path = tmp_path / "s.csv"
    path.write_text(STRONG_HEADER + strong_row() + second + later, encoding="utf-8")
    sessions = read_sessions(path, library, local=UTC)
    assert next(sessions).started_at.day == 20
    with pytest.raises(ImportFormatError, match="line 4: Weight: 'heavy' is not a number"):
        next(sessions)


def test_hevy_bad_values(library: Library, tmp_path: Path) -> None:
    good = 'Legs,"21 Oct 2025, 18:04","21 Oct 2025, 19:00",,Leg Press,,,0,normal,100,10,,,\n'
    assert (
        refuse(library, tmp_path / "h.csv", HEVY_HEADER + good.replace("Oct", "Okt")).reason
        == "start_time: '21 Okt 2025, 18:04' is not a date and time"
    )
    assert refuse(
        library, tmp_path / "h.csv", HEVY_HEADER + good.replace("normal", "giant")
    ).reason.startswith("set_type: 'giant' is not a set type")
    backwards = good.replace("19:00", "17:00")
    assert refuse(library, tmp_path / "h.csv", HEVY_HEADER + backwards).reason == (
        "end_time: the workout ends before it starts"
    )
    assert (
        refuse(library, tmp_path / "h.csv", HEVY_HEADER + good.replace(",0,", ",,")).reason
        == "set_index: the set index is missing"
    )


def test_fitnotes_bad_values(library: Library, tmp_path: Path) -> None:
    header = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
    error = refuse(
        library, tmp_path / "f.csv", header + "2025-09-03,Box Squat,Legs,20,stone,10,,,,\n"
    )
    assert (error.line, error.reason) == (
        2,
        "Weight Unit: 'stone' is not a weight unit (kg or lbs)",
    )
    error = refuse(
        library, tmp_path / "f.csv", header + "03/09/2025,Box Squat,Legs,20,kgs,10,,,,\n"
    )
    assert error.reason == "Date: '03/09/2025' is not a date such as 2025-10-21"
    error = refuse(library, tmp_path / "f.csv", header + "2025-09-03,Plank,Core,,,,,,1:xx,\n")
    assert error.reason == "Time: '1:xx' is not a time such as 0:01:30"


def test_backleg_csv_bad_values(library: Library, tmp_path: Path) -> None:
    good = (Path(__file__).parent.parent / "data" / "imports" / "backleg.csv").read_text()
    header = good.splitlines()[0] + "\n"
    row = (
        "9,2026-11-23T09:00:00+00:00,,strength,{status},{pain},,goblet-squat,Goblet squat,1,"
        "{side},working,12,16,,,,,,\n"
    )
    cases = [
        (dict(status="done", pain="2", side="both"), "status: 'done' is not a session status"),
        (
            dict(status="completed", pain="11", side="both"),
            "pain_before: pain before must be between 0 and 10 (got 11)",
        ),
        (dict(status="completed", pain="2", side="middle"), "side: 'middle' is not a side"),
    ]
    for values, reason in cases:
        error = refuse(library, tmp_path / "b.csv", header + row.format(**values))
        assert error.line == 2
        assert error.reason.startswith(reason)


def test_unreadable_files(library: Library, tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="no such file"):
        list(read_sessions(tmp_path / "missing.csv", library))
    with pytest.raises(ImportFormatError, match="a folder"):
        list(read_sessions(tmp_path, library))
    latin1 = (STRONG_HEADER + strong_row().replace("Legs", "Beine für Anfänger")).encode("latin-1")
    assert "not UTF-8" in refuse(library, tmp_path / "l.csv", latin1).reason


def test_json_problems(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    error = refuse(library, path, '{\n "format": "backleg-backup",\n "version": 1,,\n}')
    assert (error.line, error.reason.split(" (")[0]) == (3, "not valid JSON")
    error = refuse(library, path, json.dumps({"format": "other", "version": 1}))
    assert error.reason.startswith("format: this is not a Backleg backup")
    error = refuse(library, path, json.dumps({"format": "backleg-backup", "version": 99}))
    assert "written by a newer Backleg" in error.reason
    session = {
        "name": "x",
        "started_at": "2026-01-01T10:00:00+00:00",
        "status": "completed",
        "sets": [{"exercise_id": "leg-press", "set_number": 1, "reps": "ten"}],
    }
    document = {"format": "backleg-backup", "version": 1, "sessions": [session]}
    error = refuse(library, path, json.dumps(document))
    assert str(error) == f"{path}: sessions[0].sets[0].reps: 'ten' is not a number"
    session["sets"] = [{"exercise_id": "leg-press", "set_number": 1, "load_kg": 2000}]
    error = refuse(library, path, json.dumps(document))
    assert error.reason == (
        "sessions[0].sets[0].load_kg: load_kg must be between 0 and 1000 (got 2000)"
    )
