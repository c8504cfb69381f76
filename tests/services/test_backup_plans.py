"""Backups carry the user's plans and exercises: JSON export and import, and restore."""

from __future__ import annotations

import json
import tracemalloc
from datetime import date
from pathlib import Path

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import IntRange, Plan, PlanItem
from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.backup_plans import restore_backup_plans
from backleg_desktop.services.backups import make_daily_backup
from backleg_desktop.services.store import open_store
from tests.support.cli import run_cli, sessions_in

LIBRARY = load_library()
BRIDGE = PlanItem(
    "glute-bridge", IntRange(2, 3), IntRange(8, 10), False, IntRange(30, 30), None, 1, "Slow"
)
HOLD = PlanItem("wall-squat", IntRange(2, 2), None, False, IntRange(45, 45), IntRange(20, 30))


def history_with_a_plan(data_dir: Path) -> Plan:
    """A user plan using a user exercise, a session run on it, and an unused exercise."""
    with open_store(data_dir, LIBRARY, make_daily_backup=False) as store:
        store.workouts.add_user_exercise("Hip Thrust")
        store.workouts.add_user_exercise("Nordic curl")  # in no set and no plan
        thrust = PlanItem(
            "user:Hip Thrust", IntRange(2, 2), IntRange(10, 10), False, IntRange(60, 60)
        )
        plan = store.plans.save(Plan("", "Home legs", "Mine", (BRIDGE, HOLD, thrust), "user"))
        session = store.workouts.start_session(plan.id, pain_before=2)
        store.workouts.log_set(session.id, SetEntry("glute-bridge", 1, reps=10))
        store.workouts.finish_session(session.id, pain_after=1)
        return plan


def plans_and_exercises(data_dir: Path) -> tuple[list[Plan], list[tuple[str, str]], list[object]]:
    with open_store(data_dir, LIBRARY, make_daily_backup=False) as store:
        sessions = [(s.session.plan_id, s.session.name) for s in store.workouts.list_sessions()]
        return store.plans.all(), store.workouts.user_exercises(), sessions


def test_a_json_backup_brings_plans_and_exercises_back_without_copies(tmp_path: Path) -> None:
    first, fresh = tmp_path / "first", tmp_path / "fresh"
    plan = history_with_a_plan(first)
    backup = tmp_path / "history.json"
    assert run_cli(first, "export", str(backup))[0] == 0
    block = json.loads(backup.read_text("utf-8"))["user_plans"]
    assert [entry["id"] for entry in block] == [plan.id]
    code, out, err = run_cli(fresh, "import", str(backup))
    assert (code, err) == (0, "")
    assert 'Plan "Home legs": added.' in out
    plans, exercises, sessions = plans_and_exercises(fresh)
    assert plans == [plan]  # the same id, so the session still points at its plan
    assert exercises == [("user:Hip Thrust", "Hip Thrust"), ("user:Nordic curl", "Nordic curl")]
    assert sessions == [(plan.id, "Home legs")]
    # Again: nothing new.
    code, out, _ = run_cli(fresh, "import", str(backup))
    assert code == 0 and 'Plan "Home legs": unchanged.' in out
    assert plans_and_exercises(fresh) == (plans, exercises, sessions)
    assert sessions_in(fresh) == 1


def test_an_older_backup_without_plans_still_imports(tmp_path: Path) -> None:
    first = tmp_path / "first"
    history_with_a_plan(first)
    backup = tmp_path / "old.json"
    run_cli(first, "export", str(backup))
    document = json.loads(backup.read_text("utf-8"))
    del document["user_plans"]
    backup.write_text(json.dumps(document), encoding="utf-8")
    code, out, err = run_cli(tmp_path / "fresh", "import", str(backup))
    assert (code, err) == (0, "") and "Plan " not in out
    plans, _, sessions = plans_and_exercises(tmp_path / "fresh")
    assert plans == [] and len(sessions) == 1


def test_a_bad_plan_in_a_backup_imports_nothing_at_all(tmp_path: Path) -> None:
    first, fresh = tmp_path / "first", tmp_path / "fresh"
    history_with_a_plan(first)
    backup = tmp_path / "history.json"
    run_cli(first, "export", str(backup))
    document = json.loads(backup.read_text("utf-8"))
    document["user_plans"][0]["items"][0]["reps"] = [10, 8]
    backup.write_text(json.dumps(document), encoding="utf-8")
    code, _, err = run_cli(fresh, "import", str(backup))
    assert code == 1
    assert 'user_plans[0].items[0] item 1 (glute-bridge): field "reps": low 10 is greater' in err
    assert sessions_in(fresh) == 0 and plans_and_exercises(fresh)[0] == []


def test_restoring_a_daily_backup_brings_the_plans_back(tmp_path: Path) -> None:
    data = tmp_path / "d"
    plan = history_with_a_plan(data)
    backup = make_daily_backup(data, date(2026, 11, 30))
    assert backup is not None
    with open_store(data, LIBRARY, make_daily_backup=False) as store:
        store.plans.delete(plan.id)
    assert run_cli(data, "restore", str(backup))[0] == 0
    assert plans_and_exercises(data)[0] == [plan]


def test_a_backup_with_blank_lines_before_it_still_brings_its_plans(tmp_path: Path) -> None:
    first = tmp_path / "first"
    plan = history_with_a_plan(first)
    backup = tmp_path / "history.json"
    run_cli(first, "export", str(backup))
    backup.write_text("\n \r\n\t" + backup.read_text("utf-8"), encoding="utf-8")
    code, out, err = run_cli(tmp_path / "fresh", "import", str(backup))
    assert (code, err) == (0, "") and 'Plan "Home legs": added.' in out
    assert plans_and_exercises(tmp_path / "fresh")[0] == [plan]


def test_a_csv_is_not_read_whole_to_look_for_a_backups_plans(tmp_path: Path) -> None:
    # An import asks every file for a backup's plans, twice; json.load of a 1,000,000-row
    # CSV held the whole text (500 MiB) only to find it is not JSON.
    big = tmp_path / "history.csv"
    row = "1,2026-11-23T09:00:00+00:00,,strength,completed,2,,goblet-squat,Goblet squat\r\n"
    big.write_text("session_id,started_at\r\n" + row * 100_000, encoding="utf-8")
    with open_store(tmp_path / "data", LIBRARY, make_daily_backup=False) as store:
        tracemalloc.start()
        try:
            assert restore_backup_plans(store.workouts, big, dry_run=True) == []
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert big.stat().st_size > 7 * 2**20
    assert peak < 2**20  # a peek at its start, not its 7 MiB
