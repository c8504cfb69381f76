"""Values no reader may let through: implausible dates, numbers too long to be numbers,
broken text, the store's limits, and ambiguous headers. Each is refused with the file, the
line (or the JSON field) and the column, before anything reaches the store."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
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
HEVY_HEADER = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
)
FITNOTES_HEADER = "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time,Comment\n"
BACKLEG_HEADER = (
    "session_id,started_at,ended_at,plan,status,pain_before,pain_after,exercise_id,"
    "exercise_name,set_number,side,set_kind,reps,load_kg,duration_s,rest_planned_s,"
    "rest_taken_s,completed_at,notes,session_notes\n"
)
HUGE = "9" * 400
TOMORROW_AND_A_BIT = (datetime.now(UTC) + timedelta(days=2)).strftime("%Y-%m-%d %H:%M:%S")


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def strong(date: str = "2025-10-20 18:02:11", **cells: str) -> str:
    values = {"weight": "100", "reps": "10", "distance": "0", "seconds": "0", "rpe": ""}
    values.update(cells)
    return (
        f"{date},Legs,45m,Leg Press,1,{values['weight']},{values['reps']},"
        f'{values["distance"]},{values["seconds"]},"",,{values["rpe"]}\n'
    )


def hevy(start: str = "21 Oct 2025, 18:04", end: str = "", **cells: str) -> str:
    values = {"weight": "100", "distance": "", "rpe": "", "duration": ""}
    values.update(cells)
    return (
        f'Legs,"{start}","{end}",,Leg Press,,,0,normal,{values["weight"]},10,'
        f"{values['distance']},{values['duration']},{values['rpe']}\n"
    )


def backleg(started: str = "2025-10-20T18:02:11+00:00", completed: str = "", **cells: str) -> str:
    values = {"load": "20", "duration": "", "rest": ""}
    values.update(cells)
    return (
        f"1,{started},,Legs,completed,,,leg-press,Leg Press,1,both,working,10,"
        f"{values['load']},{values['duration']},{values['rest']},,{completed},,\n"
    )


def refuse(library: Library, path: Path, text: str) -> ImportFormatError:
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFormatError) as caught:
        list(read_sessions(path, library, local=UTC))
    assert caught.value.path == str(path)
    return caught.value


def refuse_naive(library: Library, path: Path, text: str) -> ImportFormatError:
    """As `refuse`, but naive times in the machine's zone, as the CLI and the window read them."""
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFormatError) as caught:
        list(read_sessions(path, library))
    return caught.value


# --- dates ------------------------------------------------------------------------------

IMPLAUSIBLE = "is not a plausible date: Backleg takes dates from 1900 up to tomorrow"


@pytest.mark.parametrize(
    ("body", "column"),
    [
        (STRONG_HEADER + strong("0001-01-01 00:00:00"), "Date"),
        (STRONG_HEADER + strong("0001-01-01T00:00:00+05:00"), "Date"),
        (STRONG_HEADER + strong("9999-12-31 23:59:59"), "Date"),
        (STRONG_HEADER + strong("9999-12-31T23:59:59-05:00"), "Date"),
        (STRONG_HEADER + strong("1899-12-31 23:00:00"), "Date"),
        (STRONG_HEADER + strong(TOMORROW_AND_A_BIT), "Date"),
        (HEVY_HEADER + hevy("1 Jan 0001, 00:00"), "start_time"),
        (HEVY_HEADER + hevy("31 Dec 9999, 23:59"), "start_time"),
        (HEVY_HEADER + hevy(end="31 Dec 9999, 23:59"), "end_time"),
        (FITNOTES_HEADER + "0001-01-01,Leg Press,Legs,100,10,,,,\n", "Date"),
        (FITNOTES_HEADER + "9999-12-31,Leg Press,Legs,100,10,,,,\n", "Date"),
        (BACKLEG_HEADER + backleg("0001-01-01T00:00:00-01:00"), "started_at"),
        (BACKLEG_HEADER + backleg(completed="9999-12-31T23:59:59-05:00"), "completed_at"),
    ],
)
def test_implausible_dates_are_refused_with_line_and_column(
    library: Library, tmp_path: Path, body: str, column: str
) -> None:
    for read in (refuse, refuse_naive):
        error = read(library, tmp_path / "dates.csv", body)
        assert error.line == 2
        assert error.reason.startswith(f"{column}: ")
        assert IMPLAUSIBLE in error.reason


def test_dates_from_1900_to_now_are_taken(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    path.write_text(
        STRONG_HEADER + strong("1900-01-01 00:00:00") + strong(now).replace("Legs", "Today"),
        encoding="utf-8",
    )
    starts = [s.started_at for s in read_sessions(path, library, local=UTC)]
    assert starts[0] == datetime(1900, 1, 1, tzinfo=UTC)
    assert len(starts) == 2


def json_backup(session: dict[str, object], raw: dict[str, str] | None = None) -> str:
    """A backup holding one session; `raw` replaces placeholders with text json cannot make."""
    text = json.dumps({"format": "backleg-backup", "version": 1, "sessions": [session]})
    for placeholder, value in (raw or {}).items():
        text = text.replace(json.dumps(placeholder), value)
    return text


SESSION: dict[str, object] = {
    "name": "Legs",
    "started_at": "2025-01-01T10:00:00+00:00",
    "sets": [{"exercise_id": "leg-press", "set_number": 1, "reps": 10}],
}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("started_at", "0001-01-01T00:00:00+05:00"),
        ("started_at", "9999-12-31T23:59:59-05:00"),
        ("ended_at", "9999-12-31T23:59:59"),
    ],
)
def test_json_implausible_dates(library: Library, tmp_path: Path, key: str, value: str) -> None:
    error = refuse(library, tmp_path / "b.json", json_backup({**SESSION, key: value}))
    assert error.reason.startswith(f"sessions[0].{key}: ")
    assert IMPLAUSIBLE in error.reason


# --- numbers too long to be numbers -----------------------------------------------------


@pytest.mark.parametrize(
    ("body", "column"),
    [
        (STRONG_HEADER + strong(weight=HUGE), "Weight"),
        (STRONG_HEADER + strong(distance=HUGE), "Distance"),
        (STRONG_HEADER + strong(rpe=HUGE), "RPE"),
        (STRONG_HEADER + strong(reps=HUGE), "Reps"),
        (STRONG_HEADER + strong(seconds=HUGE), "Seconds"),
        (STRONG_HEADER + strong(weight="1" + "0" * 300 + ".5"), "Weight"),
        (HEVY_HEADER + hevy(weight=HUGE), "weight_kg"),
        (HEVY_HEADER + hevy(distance=HUGE), "distance_km"),
        (HEVY_HEADER + hevy(rpe=HUGE), "rpe"),
        (HEVY_HEADER + hevy(duration=HUGE), "duration_seconds"),
        (FITNOTES_HEADER + f"2025-10-21,Leg Press,Legs,{HUGE},10,,,,\n", "Weight (kgs)"),
        (FITNOTES_HEADER + f"2025-10-21,Leg Press,Legs,100,10,{HUGE},km,,\n", "Distance"),
        (FITNOTES_HEADER + f"2025-10-21,Leg Press,Legs,100,10,,,{HUGE}:00:00,\n", "Time"),
        (BACKLEG_HEADER + backleg(load=HUGE), "load_kg"),
        (BACKLEG_HEADER + backleg(rest=HUGE), "rest_planned_s"),
    ],
)
def test_numbers_too_long_are_refused_with_line_and_column(
    library: Library, tmp_path: Path, body: str, column: str
) -> None:
    error = refuse(library, tmp_path / "numbers.csv", body)
    assert error.line == 2
    assert error.reason.startswith(f"{column}: ")
    assert "too long" in error.reason or "is not a time" in error.reason
    assert len(str(error)) < 300  # the value is cut short, not quoted whole


def test_strong_workout_duration_too_long(library: Library, tmp_path: Path) -> None:
    body = STRONG_HEADER + strong().replace(",45m,", f",{HUGE}m,")
    error = refuse(library, tmp_path / "d.csv", body)
    assert (error.line, error.reason.split(":")[0]) == (2, "Duration")


LONG = "too long"
HUGE = "is too large for a number Backleg stores"


@pytest.mark.parametrize(
    ("where", "session", "raw", "says"),
    [
        ("sessions[0].pain_before", {**SESSION, "pain_before": "@"}, {"@": "1" * 4300}, LONG),
        ("sessions[0].pain_before", {**SESSION, "pain_before": "@"}, {"@": "1" * 5000}, LONG),
        (
            "sessions[0].sets[0].load_kg",
            {**SESSION, "sets": [{"exercise_id": "leg-press", "set_number": 1, "load_kg": "@"}]},
            {"@": "1" + "0" * 400 + ".5"},
            LONG,
        ),
        (
            "sessions[0].sets[0].reps",
            {**SESSION, "sets": [{"exercise_id": "leg-press", "set_number": 1, "reps": "@"}]},
            {"@": "1e400"},
            f"1e400 {HUGE}",
        ),
        (  # short but huge: it used to say "a number of 6 characters is too long"
            "sessions[0].sets[0].rest_taken_s",
            {
                **SESSION,
                "sets": [{"exercise_id": "leg-press", "set_number": 1, "rest_taken_s": "@"}],
            },
            {"@": "1e+300"},
            f"1e+300 {HUGE}",
        ),
        (
            "sessions[0].sets[0].set_number",
            {**SESSION, "sets": [{"exercise_id": "leg-press", "set_number": "@"}]},
            {"@": "9" * 4300},
            LONG,
        ),
    ],
)
def test_json_numbers_too_long_name_their_field(
    library: Library,
    tmp_path: Path,
    where: str,
    session: dict[str, object],
    raw: dict[str, str],
    says: str,
) -> None:
    error = refuse(library, tmp_path / "b.json", json_backup(session, raw))
    assert error.reason.startswith(f"{where}: ")
    assert says in error.reason
    assert len(str(error)) < 300


# --- broken text ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "session"),
    [
        ("sessions[0].notes", {**SESSION, "notes": "@"}),
        ("sessions[0].name", {**SESSION, "name": "@"}),
        (
            "sessions[0].sets[0].note",
            {**SESSION, "sets": [{"exercise_id": "leg-press", "set_number": 1, "note": "@"}]},
        ),
        (
            "sessions[0].sets[0].exercise_name",
            {
                **SESSION,
                "sets": [{"exercise_id": "user:x", "exercise_name": "@", "set_number": 1}],
            },
        ),
    ],
)
def test_json_lone_surrogate_is_refused_naming_the_field(
    library: Library, tmp_path: Path, where: str, session: dict[str, object]
) -> None:
    error = refuse(library, tmp_path / "b.json", json_backup(session, {"@": '"ok \\ud800 no"'}))
    assert error.reason.startswith(f"{where}: contains \\ud800")


# --- the store's limits, checked where the line is known ----------------------------------


def test_more_sets_of_one_exercise_than_the_store_keeps(library: Library, tmp_path: Path) -> None:
    error = refuse(library, tmp_path / "many.csv", STRONG_HEADER + strong() * 1001)
    assert error.line == 1002
    assert "more than 1000 sets" in error.reason


def test_hevy_more_sets_than_the_store_keeps(library: Library, tmp_path: Path) -> None:
    error = refuse(library, tmp_path / "many.csv", HEVY_HEADER + hevy() * 1001)
    assert error.line == 1002


@pytest.mark.parametrize(
    ("where", "session"),
    [
        ("sessions[0].name", {**SESSION, "name": "n" * 201}),
        ("sessions[0].notes", {**SESSION, "notes": "n" * 10_001}),
        (
            "sessions[0].sets[0].note",
            {
                **SESSION,
                "sets": [{"exercise_id": "leg-press", "set_number": 1, "note": "n" * 10_001}],
            },
        ),
        ("user_exercises[0].name", {**SESSION}),
    ],
)
def test_json_text_limits_name_the_field(
    library: Library, tmp_path: Path, where: str, session: dict[str, object]
) -> None:
    document = json.loads(json_backup(session))
    if where.startswith("user_exercises"):
        document["user_exercises"] = [{"id": "user:x", "name": "n" * 201}]
    error = refuse(library, tmp_path / "b.json", json.dumps(document))
    assert error.reason.startswith(f"{where}: more than ")


def test_csv_note_limit_names_the_line(library: Library, tmp_path: Path) -> None:
    body = STRONG_HEADER + strong() + strong().replace(',"",', f',"{"n" * 10_001}",')
    error = refuse(library, tmp_path / "note.csv", body)
    assert error.line == 3
    assert "more than 10000 characters" in error.reason


# --- headers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "column"),
    [
        (STRONG_HEADER[:-1] + ",Weight\n" + strong()[:-1] + ",5\n", "Weight"),
        (STRONG_HEADER[:-1] + ", Reps \n" + strong()[:-1] + ",5\n", "Reps"),
        (HEVY_HEADER[:-1] + ",reps\n" + hevy()[:-1] + ",12\n", "reps"),
        (
            "Date,Exercise,Category,Weight (kgs),Reps,Reps\n2025-10-21,Leg Press,Legs,100,10,12\n",
            "Reps",
        ),
        (
            "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;Weight\n"
            "2025-10-20 18:02:11;Legs;Leg Press;1;100;kg;10;5\n",
            "Weight",
        ),
    ],
)
def test_a_column_named_twice_is_refused(
    library: Library, tmp_path: Path, body: str, column: str
) -> None:
    error = refuse(library, tmp_path / "dup.csv", body)
    assert error.line == 1
    assert repr(column) in error.reason and "twice" in error.reason


def test_empty_column_names_may_repeat(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "trailing.csv"
    path.write_text(STRONG_HEADER[:-1] + ",,\n" + strong()[:-1] + ",,\n", encoding="utf-8")
    assert len(list(read_sessions(path, library, local=UTC))) == 1
