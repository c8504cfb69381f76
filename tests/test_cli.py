"""The headless commands against real SQLite files: import every format, export, round trip,
all-or-nothing failures with their messages, and no Qt on the way."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from backleg_desktop.__main__ import build_parser
from backleg_desktop.cli import run
from backleg_desktop.content.loader import load_library
from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.store import open_store
from backleg_desktop.services.transfer import BACKLEG_CSV_HEADER

DATA = Path(__file__).parent / "data" / "imports"
FIXTURES = sorted(DATA.glob("*.csv"))


def cli(data_dir: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(build_parser().parse_args(list(argv)), data_dir, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def session_count(data_dir: Path) -> int:
    with open_store(data_dir, load_library(), make_daily_backup=False) as store:
        return store.workouts.count_sessions()


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_import_prints_a_summary_and_a_second_import_adds_nothing(
    data_dir: Path,
) -> None:
    code, out, err = cli(data_dir, "import", str(DATA / "strong.csv"))
    assert (code, err) == (0, "")
    assert "Read 2 sessions and 9 sets" in out
    assert "Strong CSV, weights read as kg" in out
    assert "Added 2 sessions and 9 sets; skipped 0 duplicate sessions" in out
    assert "created 2 user exercises" in out  # Seated Leg Curl (Machine), Plank

    code, out, _ = cli(data_dir, "import", str(DATA / "strong.csv"))
    assert code == 0
    assert "Added 0 sessions and 0 sets; skipped 2 duplicate sessions" in out
    assert "created 0 user exercises" in out
    assert session_count(data_dir) == 2


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_every_fixture_imports(data_dir: Path, fixture: Path) -> None:
    code, out, err = cli(data_dir, "import", str(fixture))
    assert (code, err) == (0, "")
    assert session_count(data_dir) > 0
    assert "Added" in out


def test_imported_values_are_stored(data_dir: Path) -> None:
    assert cli(data_dir, "import", str(DATA / "hevy_lb.csv"))[0] == 0
    with open_store(data_dir, load_library(), make_daily_backup=False) as store:
        (summary,) = store.workouts.list_sessions()
        detail = store.workouts.session_detail(summary.session.id)
        assert detail.session.name == "Legs"
        assert detail.session.started_at.tzinfo is not None
        assert [(s.exercise_id, s.load_kg) for s in detail.sets] == [
            ("leg-extension", 22.68),
            ("leg-extension", 24.948),
            ("user:Walking", None),
        ]


def test_dry_run_reports_and_writes_nothing(data_dir: Path) -> None:
    code, out, _ = cli(data_dir, "import", str(DATA / "hevy_kg.csv"), "--dry-run")
    assert code == 0
    assert "Would add 2 sessions and 7 sets" in out
    assert "would create 1 user exercise." in out
    assert "Dry run: nothing was written." in out
    assert session_count(data_dir) == 0
    with open_store(data_dir, load_library(), make_daily_backup=False) as store:
        assert store.workouts.user_exercises() == []


def test_unit_option_applies_to_strong_and_is_reported_as_ignored_elsewhere(
    data_dir: Path,
) -> None:
    code, out, _ = cli(data_dir, "import", str(DATA / "strong.csv"), "--unit", "lb")
    assert code == 0 and "weights read as lb" in out
    code, out, _ = cli(data_dir, "import", str(DATA / "hevy_kg.csv"), "--unit", "lb")
    assert code == 0 and "--unit ignored" in out


def test_a_bad_row_late_in_the_file_imports_nothing(data_dir: Path, tmp_path: Path) -> None:
    good = (DATA / "strong.csv").read_text(encoding="utf-8")
    later = "2025-11-01 18:00:00,Legs,30m,Leg Press,1,lots,10,0,0,,,\n"
    bad = tmp_path / "bad.csv"
    bad.write_text(good + later, encoding="utf-8")
    code, out, err = cli(data_dir, "import", str(bad))
    assert code == 1
    assert out == ""
    assert err == f"{bad}, line 12: Weight: 'lots' is not a number\n"
    assert session_count(data_dir) == 0
    with open_store(data_dir, load_library(), make_daily_backup=False) as store:
        assert store.workouts.user_exercises() == []  # created inside the rolled-back import


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("", "line 1: the file is empty"),
        ("when,what\n1,2\n", "line 1: unknown header 'when,what'"),
    ],
)
def test_unusable_files_fail_with_file_line_and_reason(
    data_dir: Path, tmp_path: Path, content: str, reason: str
) -> None:
    path = tmp_path / "x.csv"
    path.write_text(content, encoding="utf-8")
    code, out, err = cli(data_dir, "import", str(path))
    assert (code, out) == (1, "")
    assert err.startswith(f"{path}, {reason}")


def test_missing_file(data_dir: Path, tmp_path: Path) -> None:
    code, _, err = cli(data_dir, "import", str(tmp_path / "nope.csv"))
    assert code == 1
    assert err == f"{tmp_path / 'nope.csv'}: no such file\n"


def test_export_to_a_missing_folder_fails_cleanly(data_dir: Path, tmp_path: Path) -> None:
    code, _, err = cli(data_dir, "export", str(tmp_path / "no" / "such" / "out.csv"))
    assert code == 1
    assert "No such file or directory" in err


def test_an_unusable_data_folder_is_reported_without_a_traceback(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    code, out, err = cli(not_a_folder, "export", str(tmp_path / "out.csv"))
    assert (code, out) == (1, "")
    assert str(not_a_folder) in err
    assert "Traceback" not in err


def test_interrupting_an_import_changes_nothing(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from backleg_desktop.services.transfer import reading  # the CLI looks it up there

    real = reading.read_sessions

    def interrupted(*args: object, **kwargs: object) -> object:
        sessions = real(*args, **kwargs)  # type: ignore[arg-type]
        yield next(sessions)
        raise KeyboardInterrupt

    monkeypatch.setattr(reading, "read_sessions", interrupted)
    code, _, err = cli(data_dir, "import", str(DATA / "hevy_kg.csv"))
    assert (code, err) == (130, "Interrupted: nothing was changed.\n")
    assert session_count(data_dir) == 0


def log_a_guided_session(data_dir: Path) -> None:
    """History as the app writes it: a plan, sides, rests, pain scores, awkward notes."""
    with open_store(data_dir, load_library(), make_daily_backup=False) as store:
        w = store.workouts
        start = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
        session = w.start_session("strength", pain_before=2, started_at=start)
        for number, (side, load) in enumerate([("left", 8.0), ("right", 8.5)], start=1):
            w.log_set(
                session.id,
                SetEntry(
                    "reverse-lunge",
                    number,
                    side=side,
                    reps=10,
                    load_kg=load,
                    rest_planned_s=60,
                    rest_taken_s=71.5,
                    completed_at=start.replace(minute=5 + number),
                    note="=SUM(A1:A9)" if number == 1 else "'quoted",
                ),
            )
        w.log_set(
            session.id,
            SetEntry(
                "goblet-squat",
                1,
                kind="warmup",
                reps=12,
                load_kg=9.0718474,
                note="-felt ok\n+",
                completed_at=start.replace(minute=20),
            ),
        )
        w.finish_session(session.id, pain_after=1, notes="@home, line one\nline two")
        other = w.start_session(
            None,
            pain_before=None,
            name="Just a check-in",
            started_at=datetime(2026, 11, 24, 7, 0, tzinfo=UTC),
        )
        w.end_session_early(other.id, pain_after=3)
        w.add_user_exercise("Seated Leg Curl (Machine)")
        third = w.start_session(
            None,
            pain_before=0,
            name="Imported",
            started_at=datetime(2026, 11, 25, 7, 0, tzinfo=UTC),
        )
        w.log_set(
            third.id,
            SetEntry(
                "user:Seated Leg Curl (Machine)",
                1,
                reps=12,
                load_kg=22.5,
                completed_at=datetime(2026, 11, 25, 7, 5, tzinfo=UTC),
            ),
        )
        w.finish_session(third.id, pain_after=0)


def without_session_id(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [{k: v for k, v in row.items() if k != "session_id"} for row in rows]


def test_csv_export_format(data_dir: Path, tmp_path: Path) -> None:
    log_a_guided_session(data_dir)
    path = tmp_path / "history.csv"
    code, out, _ = cli(data_dir, "export", str(path))
    assert code == 0
    assert out == f"Exported 3 sessions (4 sets) to {path}.\n"
    raw = path.read_bytes()
    assert raw.startswith(",".join(BACKLEG_CSV_HEADER).encode() + b"\r\n")
    with path.open(encoding="utf-8", newline="") as handle:
        assert {len(cells) for cells in csv.reader(handle)} == {22}
    rows = csv_rows(path)
    assert rows[0]["started_at"] == "2026-11-23T09:00:00+00:00"
    first = rows[0]
    assert (first["plan"], first["status"], first["pain_before"], first["pain_after"]) == (
        "strength",
        "completed",
        "2",
        "1",
    )
    assert (first["side"], first["load_kg"], first["rest_taken_s"], first["reps"]) == (
        "left",
        "8",
        "71.5",
        "10",
    )
    assert first["notes"] == "'=SUM(A1:A9)"  # a spreadsheet shows text, runs nothing
    assert rows[1]["notes"] == "''quoted"
    assert rows[2]["notes"] == "'-felt ok\n+"
    assert rows[2]["load_kg"] == "9.0718474"  # exact: the value as stored
    assert first["session_notes"] == "'@home, line one\nline two"
    empty = rows[3]  # the check-in has no sets: one row, set columns empty
    assert (empty["plan"], empty["status"], empty["pain_after"]) == (
        "Just a check-in",
        "ended_early",
        "3",
    )
    set_columns = BACKLEG_CSV_HEADER[7:19]
    assert all(empty[column] == "" for column in set_columns)
    assert rows[4]["exercise_name"] == "Seated Leg Curl (Machine)"


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_round_trip_into_a_fresh_data_dir(tmp_path: Path, suffix: str) -> None:
    first_dir, second_dir = tmp_path / "first", tmp_path / "second"
    log_a_guided_session(first_dir)
    exported = tmp_path / f"export{suffix}"
    assert cli(first_dir, "export", str(exported))[0] == 0
    code, out, err = cli(second_dir, "import", str(exported))
    assert (code, err) == (0, ""), err
    assert "Added 3 sessions and 4 sets" in out
    before, after = tmp_path / "before.csv", tmp_path / "after.csv"
    assert cli(first_dir, "export", str(before))[0] == 0
    assert cli(second_dir, "export", str(after))[0] == 0
    assert without_session_id(csv_rows(after)) == without_session_id(csv_rows(before))
    # And importing the export back into the original history is a no-op.
    assert "skipped 3 duplicate sessions" in cli(first_dir, "import", str(exported))[1]


def test_json_backup_holds_sessions_sets_and_user_exercises(data_dir: Path, tmp_path: Path) -> None:
    log_a_guided_session(data_dir)
    path = tmp_path / "backup.json"
    assert cli(data_dir, "export", str(path))[0] == 0
    backup = json.loads(path.read_text(encoding="utf-8"))
    assert (backup["format"], backup["version"]) == ("backleg-backup", 1)
    assert backup["user_exercises"] == [
        {"id": "user:Seated Leg Curl (Machine)", "name": "Seated Leg Curl (Machine)"}
    ]
    guided = backup["sessions"][0]
    assert (guided["plan_id"], guided["pain_before"], len(guided["sets"])) == ("strength", 2, 3)
    assert guided["sets"][0]["note"] == "=SUM(A1:A9)"  # JSON needs no spreadsheet escaping
    assert backup["sessions"][1]["sets"] == []


def test_export_while_the_app_holds_the_database_open(data_dir: Path, tmp_path: Path) -> None:
    """The GUI keeps its store open; the CLI opens the same WAL database alongside it."""
    with open_store(data_dir, load_library(), make_daily_backup=False) as app_store:
        session = app_store.workouts.start_session("strength", pain_before=1)
        app_store.workouts.log_set(session.id, SetEntry("goblet-squat", 1, reps=10))
        assert cli(data_dir, "import", str(DATA / "fitnotes_kgs.csv"))[0] == 0
        code, out, _ = cli(data_dir, "export", str(tmp_path / "live.csv"))
        assert code == 0 and "Exported 3 sessions (6 sets)" in out
        app_store.workouts.log_set(session.id, SetEntry("goblet-squat", 2, reps=10))
        assert app_store.workouts.count_sessions() == 3


def test_the_command_line_never_imports_qt(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from backleg_desktop.__main__ import main\n"
        f"codes = [main(['--data-dir', {str(tmp_path / 'd')!r}, 'import', "
        f"{str(DATA / 'strong.csv')!r}]),\n"
        f"         main(['--data-dir', {str(tmp_path / 'd')!r}, 'export', "
        f"{str(tmp_path / 'out.json')!r}])]\n"
        "assert codes == [0, 0], codes\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "assert not qt, qt\n"
        "print('no qt')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("no qt\n")
