"""File → Import…/Export… dialogs: preview from a dry run, import in a worker, cancel."""

from __future__ import annotations

import threading
from dataclasses import replace
from itertools import islice
from pathlib import Path

from PySide6.QtCore import QRunnable, Qt, QThreadPool
from PySide6.QtWidgets import QFileDialog

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.store import open_store
from backleg_desktop.services.transfer import ExerciseMatcher, export_to_path
from backleg_desktop.ui import message_boxes
from backleg_desktop.ui.history import transfer_dialogs
from tests.support.synthetic import generate_history
from tests.ui.history.conftest import SEEDED_SESSIONS

DATA = Path(__file__).resolve().parents[2] / "data" / "imports"


def export_file(tmp_path: Path, library) -> Path:
    """A Backleg CSV with 3 sessions already in the seeded history and 40 new ones."""
    known = list(islice(generate_history(years=1, seed=3), 3))
    new = [
        replace(s, name=f"Evening {i}") for i, s in enumerate(islice(generate_history(1, 9), 40))
    ]
    hip = SetEntry("user:Hip thrust", 1, reps=10, load_kg=30.0)
    new[0] = replace(new[0], sets=(*new[0].sets, hip))
    with open_store(tmp_path / "other", library, make_daily_backup=False) as other:
        other.workouts.import_sessions([*known, *new])
        users = dict(other.workouts.user_exercises())
        matcher = ExerciseMatcher(library)
        path = tmp_path / "export.csv"
        export_to_path(
            path,
            other.workouts.iter_export_rows(),
            lambda i: users.get(i) or matcher.display_name(i),
        )
    return path


def open_dialog(qtbot, monkeypatch, page, store, path: Path, pool=None):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = transfer_dialogs.import_history(page, store.workouts, page.library, pool=pool)
    qtbot.addWidget(dialog)
    return dialog


def test_import_shows_a_preview_then_imports(qtbot, monkeypatch, page, store, tmp_path) -> None:
    path = export_file(tmp_path, page.library)
    dialog = open_dialog(qtbot, monkeypatch, page, store, path)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    assert dialog.counts["sessions"].text() == "43"
    assert dialog.counts["new_sessions"].text().startswith("40 (")
    assert dialog.counts["duplicates"].text() == "3 (skipped)"
    assert dialog.counts["exercises"].text() == "1 — Hip thrust"
    assert dialog.format_label.text() == "Backleg CSV"
    assert not dialog.unit_combo.isVisible()
    assert store.workouts.count_sessions() == SEEDED_SESSIONS  # the preview wrote nothing

    with qtbot.waitSignal(dialog.imported, timeout=10000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].sessions_added == 40
    assert store.workouts.count_sessions() == SEEDED_SESSIONS + 40
    assert ("user:Hip thrust", "Hip thrust") in store.workouts.user_exercises()
    assert "Added 40 sessions" in dialog.status.text()


class Blocker(QRunnable):
    """Holds the pool's only thread until released, so a test controls when a job starts."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.started = threading.Event()

    def run(self) -> None:
        self.started.set()
        self.release.wait(10)


def test_cancel_imports_nothing(qtbot, monkeypatch, page, store, tmp_path) -> None:
    path = export_file(tmp_path, page.library)
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    dialog = open_dialog(qtbot, monkeypatch, page, store, path, pool)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)

    blocker = Blocker()
    pool.start(blocker)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # before it starts
    assert dialog.status.text() == "Cancelling…"
    blocker.release.set()
    qtbot.waitUntil(lambda: "cancelled" in dialog.status.text(), timeout=5000)
    pool.waitForDone()
    assert store.workouts.count_sessions() == SEEDED_SESSIONS
    assert store.workouts.user_exercises() == []
    assert dialog.cancel_button.text() == "Close"


def test_strong_file_offers_the_unit_and_rereads_in_pounds(qtbot, monkeypatch, page, store) -> None:
    dialog = open_dialog(qtbot, monkeypatch, page, store, DATA / "strong.csv")
    qtbot.waitUntil(lambda: dialog.preview_data is not None, timeout=5000)
    assert dialog.unit_combo.isVisibleTo(dialog)
    assert dialog.format_label.text().startswith("Strong")
    first = dialog.dry_run
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData("lb"))
    qtbot.waitUntil(lambda: dialog.dry_run is not first and dialog.job is None, timeout=5000)
    assert dialog.unit() == "lb"


def test_a_broken_file_says_why_and_changes_nothing(
    qtbot, monkeypatch, page, store, tmp_path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("this,is,not\na,known,format\n", encoding="utf-8")
    dialog = open_dialog(qtbot, monkeypatch, page, store, bad)
    qtbot.waitUntil(lambda: "cannot be imported" in dialog.status.text(), timeout=5000)
    assert not dialog.import_button.isEnabled()
    assert store.workouts.count_sessions() == SEEDED_SESSIONS


def test_no_file_chosen_opens_nothing(monkeypatch, page, store) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert transfer_dialogs.import_history(page, store.workouts, page.library) is None


def test_export_writes_the_cli_format(qtbot, monkeypatch, page, store, tmp_path) -> None:
    target = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    told: list[str] = []
    monkeypatch.setattr(message_boxes, "inform", lambda *a: told.append(a[2]))
    transfer_dialogs.export_history(page, store.workouts, page.library)
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    assert f"Exported {SEEDED_SESSIONS} sessions" in told[0]
    assert target.read_text(encoding="utf-8").startswith("session_id,started_at,ended_at,plan")


def test_export_never_writes_over_the_history_it_reads(qtbot, monkeypatch, page, store) -> None:
    """File → Export… named the live history: it used to be replaced by the CSV."""
    before = store.db_path.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(store.db_path), ""))
    told: list[str] = []
    for kind in ("warn", "inform"):
        monkeypatch.setattr(message_boxes, kind, lambda *a: told.append(a[2]))
    transfer_dialogs.export_history(page, store.workouts, page.library)
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    assert "one of Backleg's own files" in told[0]
    assert store.db_path.read_bytes() == before


def test_an_unexpected_error_ends_the_dialog_with_a_sentence(
    qtbot, monkeypatch, page, store, tmp_path
) -> None:
    """Not a BacklegError nor an OSError: the dialog used to wait at 'Reading the file…'."""

    def broken_preview(*_args, **_kwargs):
        raise KeyError("started_at")

    monkeypatch.setattr(transfer_dialogs, "preview", broken_preview)
    path = export_file(tmp_path, page.library)
    dialog = open_dialog(qtbot, monkeypatch, page, store, path)
    qtbot.waitUntil(lambda: "cannot be imported" in dialog.status.text(), timeout=5000)
    text = dialog.status.text()
    assert "unexpected problem (KeyError: 'started_at')" in text
    assert "Traceback" not in text
    assert dialog.job is None
    assert dialog.cancel_button.isEnabled() and dialog.cancel_button.text() == "Close"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert store.workouts.count_sessions() == SEEDED_SESSIONS


def test_an_unexpected_error_during_the_import_ends_it(
    qtbot, monkeypatch, page, store, tmp_path
) -> None:
    path = export_file(tmp_path, page.library)
    dialog = open_dialog(qtbot, monkeypatch, page, store, path)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)

    def broken_import(*_args, **_kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(dialog.workouts, "import_sessions", broken_import)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "unexpected problem" in dialog.status.text(), timeout=5000)
    assert dialog.cancel_button.isEnabled()
    assert store.workouts.count_sessions() == SEEDED_SESSIONS


def test_cancel_while_reading_closes_at_once(qtbot, monkeypatch, page, store, tmp_path) -> None:
    """A preview writes nothing, so Cancel need not wait for it (a big file takes a while)."""
    path = export_file(tmp_path, page.library)
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    blocker = Blocker()
    pool.start(blocker)  # the preview cannot even start
    dialog = open_dialog(qtbot, monkeypatch, page, store, path, pool)
    assert dialog.status.text() == "Reading the file…"
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    blocker.release.set()
    pool.waitForDone()
    assert store.workouts.count_sessions() == SEEDED_SESSIONS


def test_cancel_that_comes_too_late_still_leaves_a_close_button(
    qtbot, monkeypatch, page, store, tmp_path
) -> None:
    """Cancel pressed as the import finishes: it finishes, and the dialog can still close."""
    path = export_file(tmp_path, page.library)
    dialog = open_dialog(qtbot, monkeypatch, page, store, path)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        dialog.cancel_button.setEnabled(False)  # as a Cancel click that arrived too late
    assert dialog.cancel_button.isEnabled()
    assert dialog.cancel_button.text() == "Close"


def test_a_new_unit_replaces_the_running_preview(qtbot, monkeypatch, page, store) -> None:
    """Changing the unit mid-preview: the older preview's figures never show, and Import
    stays off until the newest preview is in (else it would import in the old unit)."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    first_hold, second_hold = Blocker(), Blocker()
    pool.start(first_hold)
    dialog = open_dialog(qtbot, monkeypatch, page, store, DATA / "strong.csv", pool)
    first = dialog.job
    pool.start(second_hold)  # runs after the kg preview, before the lb one
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData("lb"))
    assert dialog.job is not first
    first_hold.release.set()
    assert second_hold.started.wait(5)  # the kg preview is over
    qtbot.wait(50)  # its signals are delivered
    assert dialog.job is not None
    assert dialog.dry_run is None
    assert not dialog.import_button.isEnabled()
    second_hold.release.set()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=5000)
    pool.waitForDone()
    assert dialog.dry_run is not None
    assert dialog.import_button.isEnabled()
    assert dialog.cancel_button.isEnabled()


def test_a_json_backup_brings_back_plans_even_with_no_new_session(
    qtbot, monkeypatch, page, store, tmp_path
) -> None:
    from backleg_desktop.content.model import IntRange, Plan, PlanItem

    item = PlanItem("glute-bridge", IntRange(2, 2), IntRange(10, 10), False, IntRange(30, 30))
    with open_store(tmp_path / "other", page.library, make_daily_backup=False) as other:
        mine = other.plans.save(Plan("", "Bridges", "", (item,), "user"))
        backup = tmp_path / "backup.json"
        from backleg_desktop.services.history_export import export_history

        export_history(other.workouts, page.library, backup)
    dialog = open_dialog(qtbot, monkeypatch, page, store, backup)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    assert "brings back your plans: Bridges" in dialog.status.text()
    assert store.plans.all() == []  # the preview wrote nothing
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert store.plans.all() == [mine]
    again = open_dialog(qtbot, monkeypatch, page, store, backup)
    qtbot.waitUntil(lambda: "already in your history" in again.status.text(), timeout=5000)
    assert not again.import_button.isEnabled()
