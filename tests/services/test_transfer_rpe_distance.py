"""A set's RPE and distance: read from Strong, Hevy and FitNotes into their own fields, and
carried by Backleg's CSV and JSON (an older CSV without the two columns still imports)."""

from __future__ import annotations

import csv
from datetime import UTC
from pathlib import Path

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import Library
from backleg_desktop.domain.history import ImportedSession
from backleg_desktop.services.errors import ImportFormatError
from backleg_desktop.services.store import open_store
from backleg_desktop.services.transfer import detect_format, read_sessions
from tests.support.cli import run_cli

DATA = Path(__file__).parent.parent / "data" / "imports"
STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
    '2025-10-23 07:30:00,"Cardio",45m,"Rowing (Machine)",1,0,0,2.5,600,"","",7.5\n'
    '2025-10-23 07:30:00,"Cardio",45m,"Plank",1,0,0,0,60,"","",\n'
)
STRONG_OLD = (
    '"Date";"Workout Name";"Exercise Name";"Set Order";"Weight";"Weight Unit";"Reps";"RPE";'
    '"Distance";"Distance Unit";"Seconds";"Notes";"Workout Notes";"Workout Duration"\n'
    '"2019-05-03 18:30:00";"Legs";"Walking";"1";"";"";"";"6,5";"800";"m";"300";"";"";"50m"\n'
)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def read(library: Library, path: Path, unit: str = "kg") -> list[ImportedSession]:
    return list(read_sessions(path, library, unit, local=UTC))  # type: ignore[arg-type]


def test_strong_distance_follows_the_unit_and_rpe_has_its_field(
    library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "strong.csv"
    path.write_text(STRONG, encoding="utf-8")
    (session,) = read(library, path)
    rowing, plank = session.sets
    assert (rowing.distance_m, rowing.duration_s, rowing.rpe, rowing.note) == (
        2500.0,
        600.0,
        7.5,
        "",
    )
    assert (plank.reps, plank.duration_s, plank.distance_m, plank.rpe) == (None, 60.0, None, None)
    (in_miles,) = read(library, path, unit="lb")  # an imperial export's distance is in miles
    assert in_miles.sets[0].distance_m == 4023.36


def test_strong_semicolon_names_the_distance_unit(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "strong-old.csv"
    path.write_text(STRONG_OLD, encoding="utf-8")
    (session,) = read(library, path)
    assert (session.sets[0].distance_m, session.sets[0].rpe) == (800.0, 6.5)


@pytest.mark.parametrize(("rpe", "reason"), [("11", "RPE must be between 0 and 10"), ("-1", "RPE")])
def test_an_rpe_outside_0_to_10_names_the_line(
    library: Library, tmp_path: Path, rpe: str, reason: str
) -> None:
    path = tmp_path / "strong.csv"
    path.write_text(STRONG.replace(",7.5\n", f",{rpe}\n"), encoding="utf-8")
    with pytest.raises(ImportFormatError) as caught:
        read(library, path)
    assert caught.value.line == 2
    assert reason in str(caught.value)


def test_an_unknown_distance_unit_is_named(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "strong-old.csv"
    path.write_text(STRONG_OLD.replace('"m";', '"parsecs";'), encoding="utf-8")
    with pytest.raises(ImportFormatError, match="'parsecs' is not a distance unit"):
        read(library, path)


def test_hevy_and_fitnotes_fill_the_fields(library: Library) -> None:
    first = read(library, DATA / "hevy_kg.csv")[0]
    treadmill = first.sets[4]
    assert (treadmill.distance_m, treadmill.duration_s) == (1500.0, 600.0)
    assert first.sets[1].rpe == 8.0
    cycling = read(library, DATA / "fitnotes_kgs.csv")[1].sets[1]
    assert (cycling.distance_m, cycling.duration_s) == (5000.0, 900.0)


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_backleg_files_carry_rpe_and_distance(tmp_path: Path, suffix: str) -> None:
    strong = tmp_path / "strong.csv"
    strong.write_text(STRONG, encoding="utf-8")
    first, second = tmp_path / "first", tmp_path / "second"
    assert run_cli(first, "import", str(strong))[0] == 0
    exported = tmp_path / f"history{suffix}"
    assert run_cli(first, "export", str(exported))[0] == 0
    if suffix == ".csv":
        rows = csv_rows(exported)
        assert [(r["rpe"], r["distance_m"], r["duration_s"]) for r in rows] == [
            ("7.5", "2500", "600"),
            ("", "", "60"),
        ]
    code, _out, err = run_cli(second, "import", str(exported))
    assert (code, err) == (0, "")
    with open_store(second, load_library(), make_daily_backup=False) as store:
        (summary,) = store.workouts.list_sessions()
        rowing, plank = store.workouts.session_detail(summary.session.id).sets
    assert (rowing.rpe, rowing.distance_m, rowing.duration_s) == (7.5, 2500.0, 600.0)
    assert (plank.rpe, plank.distance_m, plank.duration_s) == (None, None, 60.0)


def test_a_backleg_csv_from_before_the_columns_still_imports(
    library: Library, tmp_path: Path
) -> None:
    with (DATA / "backleg.csv").open(encoding="utf-8") as handle:
        assert "rpe" not in handle.readline()
    assert detect_format(DATA / "backleg.csv").id == "backleg-csv"
    sessions = read(library, DATA / "backleg.csv")
    assert sessions and all(
        s.rpe is None and s.distance_m is None for x in sessions for s in x.sets
    )
