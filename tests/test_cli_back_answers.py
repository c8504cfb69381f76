"""The "How is your back?" answers travel in the JSON backup and come back on import:
once, however often the file is imported; an older backup without them still imports."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from backleg_desktop.content.loader import load_library
from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.store import open_store
from tests.support.cli import run_cli, sessions_in

START = datetime(2026, 11, 20, 17, 0, tzinfo=UTC)


def seed(data_dir: Path) -> tuple[int, int]:
    """Two sessions: the first with two answers, the second with none."""
    with open_store(data_dir, load_library(), make_daily_backup=False) as store:
        workouts = store.workouts
        ids = []
        for day in (0, 1):
            start = START + timedelta(days=day)
            session = workouts.start_session("strength", pain_before=3, started_at=start)
            at = start + timedelta(minutes=5)
            workouts.log_set(
                session.id, SetEntry("leg-extension", 1, reps=12, load_kg=20.0, completed_at=at)
            )
            workouts.finish_session(session.id, pain_after=3, ended_at=start + timedelta(hours=1))
            ids.append(session.id)
        workouts.set_exercise_pain(ids[0], "leg-extension", 4)
        workouts.set_exercise_pain(ids[0], "goblet-squat", 6)
        return ids[0], ids[1]


def answers_by_start(data_dir: Path) -> dict[datetime, dict[str, int]]:
    with open_store(data_dir, load_library(), make_daily_backup=False) as store:
        workouts = store.workouts
        return {
            s.session.started_at: workouts.exercise_pains(s.session.id)
            for s in workouts.list_sessions(limit=100)
        }


def test_back_answers_round_trip_through_export_and_import(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    seed(first)
    backup = tmp_path / "backup.json"
    assert run_cli(first, "export", str(backup))[0] == 0
    written = json.loads(backup.read_text(encoding="utf-8"))["sessions"]
    assert [(a["exercise_id"], a["pain"]) for a in written[0]["exercise_pain"]] == [
        ("leg-extension", 4),
        ("goblet-squat", 6),
    ]
    assert written[1]["exercise_pain"] == []

    code, _out, err = run_cli(second, "import", str(backup))
    assert (code, err) == (0, ""), err
    expected = {START: {"leg-extension": 4, "goblet-squat": 6}, START + timedelta(days=1): {}}
    assert answers_by_start(second) == expected
    # Re-importing adds nothing, answers included; nor does importing it back home.
    assert run_cli(second, "import", str(backup))[0] == 0
    assert run_cli(first, "import", str(backup))[0] == 0
    assert answers_by_start(second) == expected
    assert answers_by_start(first) == expected
    assert sessions_in(second) == 2
    # And a backup of the imported history carries them again, unchanged.
    again = tmp_path / "again.json"
    assert run_cli(second, "export", str(again))[0] == 0
    rewritten = json.loads(again.read_text(encoding="utf-8"))["sessions"]
    assert [s["exercise_pain"] for s in rewritten] == [s["exercise_pain"] for s in written]


def test_an_older_backup_without_answers_still_imports(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    seed(first)
    backup = tmp_path / "backup.json"
    assert run_cli(first, "export", str(backup))[0] == 0
    document = json.loads(backup.read_text(encoding="utf-8"))
    for session in document["sessions"]:
        del session["exercise_pain"]
    older = tmp_path / "older.json"
    older.write_text(json.dumps(document), encoding="utf-8")
    code, out, err = run_cli(second, "import", str(older))
    assert (code, err) == (0, ""), err
    assert "Added 2 sessions" in out
    assert all(answers == {} for answers in answers_by_start(second).values())


def test_a_bad_answer_names_its_place_and_imports_nothing(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    seed(first)
    backup = tmp_path / "backup.json"
    assert run_cli(first, "export", str(backup))[0] == 0
    document = json.loads(backup.read_text(encoding="utf-8"))
    document["sessions"][0]["exercise_pain"][1]["pain"] = 11
    backup.write_text(json.dumps(document), encoding="utf-8")
    code, _out, err = run_cli(second, "import", str(backup))
    assert code != 0
    assert "sessions[0].exercise_pain[1].pain" in err
    assert sessions_in(second) == 0


def test_a_restored_backup_has_its_answers(tmp_path: Path) -> None:
    """`backleg restore` puts back a daily backup, the answers' table with it."""
    from datetime import date

    from backleg_desktop.services.backups import make_daily_backup

    data = tmp_path / "data"
    first, _second = seed(data)
    backup = make_daily_backup(data, date(2026, 11, 22))
    assert backup is not None
    with open_store(data, load_library(), make_daily_backup=False) as store:
        store.workouts.set_exercise_pain(first, "leg-extension", 9)  # after the backup
    code, _out, err = run_cli(data, "restore", str(backup))
    assert (code, err) == (0, ""), err
    assert answers_by_start(data)[START] == {"leg-extension": 4, "goblet-squat": 6}
