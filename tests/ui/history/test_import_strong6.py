"""History → Import… with Strong 6 exports, on the real seeded SQLite history: the
preview (a dry run), the import, a second import that adds nothing, and a bad cell."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from backleg_desktop.ui.history import transfer_dialogs
from tests.ui.history.conftest import SEEDED_SESSIONS

DATA = Path(__file__).resolve().parents[2] / "data"


def open_dialog(qtbot, monkeypatch, page, store, path: Path):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = transfer_dialogs.import_history(page, store.workouts, page.library)
    qtbot.addWidget(dialog)
    return dialog


def test_strong6_preview_then_import_then_nothing_new(qtbot, monkeypatch, page, store) -> None:
    path = DATA / "imports" / "strong6_kg.csv"
    dialog = open_dialog(qtbot, monkeypatch, page, store, path)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    assert dialog.format_label.text() == "Strong 6 CSV, kg"
    assert not dialog.unit_combo.isVisibleTo(dialog)  # the header names the unit
    assert dialog.counts["sessions"].text() == "2"
    assert dialog.counts["sets"].text() == "8"  # no rest timer, note or empty row
    assert dialog.counts["new_sessions"].text() == "2 (8 sets)"
    assert dialog.counts["duplicates"].text() == "0 (skipped)"
    assert dialog.counts["exercises"].text().startswith("3 — ")
    assert store.workouts.count_sessions() == SEEDED_SESSIONS  # the preview wrote nothing
    # The rows that hold no set are said, as `backleg import` says them.
    assert dialog.status.text().endswith(
        "Skipped 1 rest timer row, 1 exercise note row and 1 empty row: they hold no set; "
        "the note is kept in the workout's notes."
    )

    with qtbot.waitSignal(dialog.imported, timeout=10000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert (blocker.args[0].sessions_added, blocker.args[0].sets_added) == (2, 8)
    assert store.workouts.count_sessions() == SEEDED_SESSIONS + 2
    names = {name for _id, name in store.workouts.user_exercises()}
    assert {"Plank", "Walking", "Seated Leg Curl (Machine)"} <= names
    dialog.close()

    again = open_dialog(qtbot, monkeypatch, page, store, path)
    qtbot.waitUntil(lambda: again.preview_data is not None and again.job is None, timeout=10000)
    assert again.counts["duplicates"].text() == "2 (skipped)"
    assert again.status.text() == "Everything in this file is already in your history."
    assert not again.import_button.isEnabled()


def test_strong6_pounds_file_imports_in_kg(qtbot, monkeypatch, page, store) -> None:
    dialog = open_dialog(qtbot, monkeypatch, page, store, DATA / "imports" / "strong6_lb.csv")
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    assert dialog.format_label.text() == "Strong 6 CSV, lb"
    assert not dialog.unit_combo.isVisibleTo(dialog)
    assert dialog.preview_data is not None
    loads = [s.load_kg for s in dialog.preview_data.sample[0].sets]
    assert loads == [102.058, 12.474, None]  # 225 lb and 27.5 lb; the walk has no load
    with qtbot.waitSignal(dialog.imported, timeout=10000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].sets_added == 3


def test_strong6_bad_cell_names_the_line_and_imports_nothing(
    qtbot, monkeypatch, page, store
) -> None:
    dialog = open_dialog(qtbot, monkeypatch, page, store, DATA / "strong6_bad_cell.csv")
    qtbot.waitUntil(lambda: "cannot be imported" in dialog.status.text(), timeout=10000)
    assert "line 14: Reps: 'ten' is not a number" in dialog.status.text()
    assert not dialog.import_button.isEnabled()
    assert store.workouts.count_sessions() == SEEDED_SESSIONS
