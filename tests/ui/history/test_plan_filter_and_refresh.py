"""The plan filter lists every plan and imported title in the history; History refreshes
when another process (a CLI import) or another connection changes the file."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from backleg_desktop.domain.history import ImportedSession, SetEntry
from backleg_desktop.services.history_watch import watch_history
from backleg_desktop.ui.history.filter_bar import TITLE_PREFIX
from backleg_desktop.ui.history.outside_changes import CHECK_INTERVAL_MS
from backleg_desktop.ui.history.table_model import PLAN
from tests.support.cli import run_cli

T0 = datetime(2026, 11, 28, 7, 0, tzinfo=UTC)
STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
    '2026-11-29 18:00:00,"Leg Day A",1h,"Goblet Squat (Kettlebell)",1,16,12,0,0,"","",\n'
)


def workout(name: str, plan_id: str | None, day: int) -> ImportedSession:
    when = T0 + timedelta(days=day)
    return ImportedSession(
        name=name,
        plan_id=plan_id,
        started_at=when,
        ended_at=when + timedelta(hours=1),
        status="completed",
        pain_before=1,
        pain_after=1,
        notes="",
        sets=(SetEntry("goblet-squat", 1, reps=10, load_kg=16.0, completed_at=when),),
    )


def test_plan_filter_lists_plans_user_plans_and_titles(page, store, qtbot) -> None:
    store.workouts.import_sessions(
        [
            workout("Leg Day A", None, 0),
            workout("Morning Core", None, 1),
            workout("My knee-friendly day", "user-plan:1234", 2),
        ]
    )
    page.refresh()
    combo = page.filters.plan_combo
    items = [
        (combo.itemText(i), combo.itemData(i)) for i in range(combo.count()) if combo.itemText(i)
    ]
    for plan in page.library.plans.values():  # every built-in plan, used or not
        assert (plan.name, plan.id) in items
    assert ("My knee-friendly day", "user-plan:1234") in items
    assert ("Leg Day A", TITLE_PREFIX + "Leg Day A") in items
    assert ("Morning Core", TITLE_PREFIX + "Morning Core") in items

    combo.setCurrentIndex(combo.findData(TITLE_PREFIX + "Leg Day A"))
    assert page.model.total() == 1
    assert page.model.index(0, PLAN).data() == "Leg Day A"
    combo.setCurrentIndex(combo.findData("user-plan:1234"))
    assert page.model.total() == 1
    assert page.model.index(0, PLAN).data() == "My knee-friendly day"


def test_session_titles_query(store) -> None:
    store.workouts.import_sessions([workout("Leg Day A", None, 0), workout("Leg Day A", None, 1)])
    titles = store.workouts.session_titles()
    assert titles.count((None, "Leg Day A")) == 1
    assert store.workouts.count_sessions(title="Leg Day A") == 2


def test_a_cli_import_in_another_process_shows_up(page, store, qtbot, data_dir, tmp_path) -> None:
    before = page.model.total()
    page.show_session(page.model.summary_at(3).session.id)
    shown = page.detail.detail.session.id
    assert not page.outside.check()  # nothing changed yet
    path = tmp_path / "strong.csv"
    path.write_text(STRONG, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "backleg_desktop", "--data-dir", str(data_dir), "import", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert done.returncode == 0, done.stderr
    assert page.outside.timer.isActive()  # polling while History is shown
    qtbot.waitUntil(lambda: page.model.total() == before + 1, timeout=CHECK_INTERVAL_MS * 3)
    assert page.detail.detail is not None and page.detail.detail.session.id == shown
    combo = page.filters.plan_combo
    assert combo.findData(TITLE_PREFIX + "Leg Day A") > 0  # the new title is offered


def test_another_connection_is_noticed_and_own_edits_are_not(page, store, data_dir) -> None:
    before = page.model.total()
    code, _out, err = run_cli(data_dir, "import", str(_strong_file(data_dir.parent)))
    assert code == 0, err
    assert page.outside.check()
    assert page.model.total() == before + 1
    assert not page.outside.check()  # once per change

    page.show_session(page.model.summary_at(0).session.id)
    page.delete_set(page.detail.sets_model.logged_set(0))  # the window's own change
    assert not page.outside.check()


def _strong_file(folder: Path) -> Path:
    path = folder / "strong.csv"
    path.write_text(STRONG, encoding="utf-8")
    return path


def test_the_timer_runs_only_while_history_is_shown(page, qtbot) -> None:
    assert page.outside.timer.isActive()
    page.hide()
    assert not page.outside.timer.isActive()
    page.show()
    assert page.outside.timer.isActive()
    page.hide()  # no timer left running after the test


def test_a_replaced_file_counts_as_a_change(tmp_path) -> None:
    import sqlite3

    db = tmp_path / "h.sqlite3"
    sqlite3.connect(db).execute("CREATE TABLE t (x)").connection.commit()
    watch = watch_history(db)
    assert not watch.changed()
    other = tmp_path / "new.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE u (y)").connection.commit()
    other.replace(db)  # as a restore swaps the file
    assert watch.changed()
    assert not watch.changed()
    watch.close()
