"""A JSON backup keeps when each of your plans was last started, so after a restore the
plan chooser still shows the one used last first."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import IntRange, Plan, PlanItem
from backleg_desktop.services.store import open_store
from tests.support.cli import run_cli

LIBRARY = load_library()
BRIDGE = PlanItem("glute-bridge", IntRange(2, 3), IntRange(8, 10), False, IntRange(30, 30))
LONG_AGO = datetime(2026, 10, 1, 7, 30, tzinfo=UTC)


def three_plans(data_dir: Path) -> dict[str, datetime]:
    """Plans used long ago, just now and never; their last-used times."""
    with open_store(data_dir, LIBRARY, make_daily_backup=False) as store:
        plans = {name: store.plans.save(Plan("", name, "", (BRIDGE,), "user")) for name in "ABC"}
        store.plans.mark_used(plans["B"].id)
        store.plans.mark_used(plans["A"].id)
        with store.plans._db.write() as db:  # A was used long ago, as an old history has it
            from backleg_desktop.storage.models import UserPlanRow

            db.get(UserPlanRow, plans["A"].id).last_used_at = LONG_AGO  # type: ignore[union-attr]
        assert [p.name for p in store.plans.all()] == ["B", "A", "C"]
        return store.plans.last_used()


def test_export_and_import_keep_last_used_and_the_chooser_order(tmp_path: Path) -> None:
    first, fresh = tmp_path / "first", tmp_path / "fresh"
    used = three_plans(first)
    backup = tmp_path / "backup.json"
    assert run_cli(first, "export", str(backup))[0] == 0
    block = {p["name"]: p for p in json.loads(backup.read_text("utf-8"))["user_plans"]}
    assert block["A"]["last_used_at"] == LONG_AGO.isoformat()
    assert "last_used_at" not in block["C"]  # never started

    code, _out, err = run_cli(fresh, "import", str(backup))
    assert (code, err) == (0, "")
    with open_store(fresh, LIBRARY, make_daily_backup=False) as store:
        assert store.plans.last_used() == used
        assert [p.name for p in store.plans.all()] == ["B", "A", "C"]


def test_a_restore_never_makes_a_plan_look_used_longer_ago(tmp_path: Path) -> None:
    first = tmp_path / "first"
    three_plans(first)
    backup = tmp_path / "backup.json"
    assert run_cli(first, "export", str(backup))[0] == 0
    with open_store(first, LIBRARY, make_daily_backup=False) as store:
        a = next(p for p in store.plans.all() if p.name == "A")
        store.plans.mark_used(a.id)  # used again after the backup
        later = store.plans.last_used()[a.id]
    assert run_cli(first, "import", str(backup))[0] == 0
    with open_store(first, LIBRARY, make_daily_backup=False) as store:
        assert store.plans.last_used()[a.id] == later


def test_a_last_used_time_that_is_not_a_time_is_named_and_nothing_is_imported(
    tmp_path: Path,
) -> None:
    first, fresh = tmp_path / "first", tmp_path / "fresh"
    three_plans(first)
    backup = tmp_path / "backup.json"
    assert run_cli(first, "export", str(backup))[0] == 0
    document = json.loads(backup.read_text("utf-8"))
    document["user_plans"][0]["last_used_at"] = "yesterday"
    backup.write_text(json.dumps(document), "utf-8")
    code, _out, err = run_cli(fresh, "import", str(backup))
    assert code != 0
    assert 'user_plans[0] field "last_used_at"' in err and "'yesterday'" in err
    with open_store(fresh, LIBRARY, make_daily_backup=False) as store:
        assert store.plans.all() == []
