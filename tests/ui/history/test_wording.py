"""Plurals and the import dialog's summary: "1 set", never "set(s)"; the new exercises'
count and names agree, and a long list wraps inside the dialog."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from backleg_desktop.domain.wording import count_of
from backleg_desktop.ui.history import transfer_dialogs

PACKAGE = Path(__file__).resolve().parents[3] / "backleg_desktop"
STRONG_HEAD = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)


def test_count_of() -> None:
    assert count_of(1, "set") == "1 set"
    assert count_of(0, "session") == "0 sessions"
    assert count_of(1200, "set") == "1,200 sets"
    assert count_of(2, "exercise", "exercises") == "2 exercises"


def test_no_text_in_the_package_says_set_s() -> None:
    # "set(s)" inside a string literal (code such as f(s) has no quotes around it).
    pattern = re.compile(r"['\"][^'\"]*[A-Za-z]\(s\)[^'\"]*['\"]")
    found = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in PACKAGE.rglob("*.py")
        if path.name != "wording.py"  # its docstring names what it avoids
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []


def test_import_summary_names_only_exercises_it_will_create(
    qtbot, monkeypatch, page, store, tmp_path
) -> None:
    store.workouts.add_user_exercise("Seated Calf Raise")  # already in the history
    names = ["Seated Calf Raise", "Nordic Curl", "Copenhagen Plank", "Sissy Squat", "Hack Squat"]
    rows = "".join(f'2025-10-20 18:02:11,"Legs",1h,"{name}",1,10,10,0,0,"","",\n' for name in names)
    path = tmp_path / "strong.csv"
    path.write_text(STRONG_HEAD + rows, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = transfer_dialogs.import_history(page, store.workouts, page.library)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    label = dialog.counts["exercises"]
    assert label.text() == "4 — Nordic Curl, Copenhagen Plank, Sissy Squat, Hack Squat"
    assert dialog.counts["new_sessions"].text() == "1 (5 sets)"
    assert label.wordWrap()
    dialog.show()
    qtbot.waitExposed(dialog)
    assert label.geometry().right() <= dialog.contentsRect().right()  # not cut at the edge
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.start_import()
    assert dialog.status.text().startswith("Added 1 session and 5 sets;")
