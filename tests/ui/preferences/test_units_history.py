"""History in pounds: the list, the session's sets (shown and edited), records, charts
and the import dialog, all through the real window on a real SQLite history."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.ui import message_boxes
from backleg_desktop.ui.history.history_page import PROGRESS_TAB, RECORDS_TAB
from backleg_desktop.ui.history.sets_model import LOAD
from backleg_desktop.ui.history.table_model import VOLUME
from backleg_desktop.ui.history.transfer_dialogs import ImportDialog
from tests.ui.preferences.test_units_session import KG_PER_LB, choose_pounds

START = datetime(2026, 11, 20, 17, 0, tzinfo=UTC)


def seed(store) -> int:  # type: ignore[no-untyped-def]
    """Leg extensions at 40 kg (typed in kg) and reverse lunges at 55 lb (typed in lb)."""
    workouts = store.workouts
    session = workouts.start_session("strength", pain_before=2, started_at=START)
    sets = [
        SetEntry("leg-extension", 1, reps=10, load_kg=40.0),
        SetEntry("reverse-lunge", 1, side="left", reps=8, load_kg=55 * KG_PER_LB),
        SetEntry("reverse-lunge", 1, side="right", reps=8, load_kg=55 * KG_PER_LB),
    ]
    for minute, entry in enumerate(sets, start=1):
        done = START + timedelta(minutes=minute)
        workouts.log_set(session.id, entry.__class__(**{**entry.__dict__, "completed_at": done}))
    workouts.finish_session(session.id, pain_after=2, ended_at=START + timedelta(hours=1))
    return session.id


def test_history_shows_and_edits_loads_in_pounds(qtbot, session_window, store, monkeypatch) -> None:
    session_id = seed(store)
    window = session_window
    choose_pounds(qtbot, window)
    window.show_page("history")
    page = window.history_page
    qtbot.waitUntil(lambda: page.model is not None and page.model.rowCount() == 1)
    volume = page.model.index(0, VOLUME).data()
    assert volume == f"{round((400 + 2 * 8 * 55 * KG_PER_LB) / KG_PER_LB):,} lb"  # 1,762 lb

    page.show_session(session_id)
    sets = page.detail.sets_model
    assert sets.headerData(LOAD, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == (
        "Load (lb)"
    )
    shown = {sets.logged_set(r).exercise_id: sets.index(r, LOAD) for r in range(sets.rowCount())}
    assert shown["leg-extension"].data() == "88.18"
    assert shown["reverse-lunge"].data() == "55 per dumbbell"
    assert shown["reverse-lunge"].data(Qt.ItemDataRole.EditRole) == "55"

    # The load as shown, typed back: nothing changes (40 kg stays 40 kg, not 39.9968).
    assert not sets.setData(shown["leg-extension"], "88.18")
    detail = store.workouts.session_detail(session_id)
    assert [s.load_kg for s in detail.sets if s.exercise_id == "leg-extension"] == [40.0]
    # A new value is typed in pounds and stored in kilograms.
    assert sets.setData(shown["leg-extension"], "90")
    detail = store.workouts.session_detail(session_id)
    [edited] = [s.load_kg for s in detail.sets if s.exercise_id == "leg-extension"]
    assert math.isclose(edited, 90 * KG_PER_LB)

    told: list[str] = []
    monkeypatch.setattr(message_boxes, "warn", lambda _parent, _title, text: told.append(text))
    assert not sets.setData(shown["leg-extension"], "5000")  # 2,268 kg: refused
    assert told == ["A load must be between 0 and 2,204.62 lb. Nothing was changed."]

    page.tabs.setCurrentIndex(RECORDS_TAB)
    records = page.tab_widget(RECORDS_TAB)
    records.select("reverse-lunge")
    assert records.heaviest.topLevelItem(0).text(1) == "55 lb per dumbbell"
    assert records.volume_label.text().startswith("880 lb on ")

    page.tabs.setCurrentIndex(PROGRESS_TAB)
    progress = page.tab_widget(PROGRESS_TAB)
    progress.select("leg-extension", "top_load")
    chart = progress.exercise_chart
    assert chart._left.titleText() == "Top-set load (lb)"
    [point] = chart.series["Top-set load"].points()
    assert math.isclose(point.y(), 90.0)
    assert progress.metric_combo.itemText(0) == "Top-set load and estimated 1RM (lb)"


def test_switching_back_to_kilograms_updates_history_live(qtbot, session_window, store) -> None:
    session_id = seed(store)
    window = session_window
    choose_pounds(qtbot, window)
    window.show_page("history")
    page = window.history_page
    page.show_session(session_id)
    window.settings.setValue("units/load", "kg")
    window.preferences.changed.emit()  # what Preferences → OK does after writing
    sets = page.detail.sets_model
    assert sets.headerData(LOAD, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == (
        "Load (kg)"
    )
    rows = {sets.logged_set(r).exercise_id: sets.index(r, LOAD).data() for r in range(3)}
    assert rows == {"leg-extension": "40", "reverse-lunge": "24.95 per dumbbell"}


def test_the_import_dialog_defaults_to_pounds_and_shows_a_set_in_pounds(
    qtbot, session_window, store, tmp_path
) -> None:
    choose_pounds(qtbot, session_window)
    strong = tmp_path / "strong.csv"
    strong.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes,RPE\n"
        '2026-11-02 18:00:00,"Legs",45m,"Squat (Barbell)",1,85,5,0,0,"","",\n',
        encoding="utf-8",
    )
    dialog = ImportDialog(
        store.workouts,
        session_window.library,
        strong,
        session_window,
        units=session_window.preferences.load_units(),
    )
    qtbot.addWidget(dialog)
    assert dialog.unit() == "lb"
    qtbot.waitUntil(lambda: dialog.preview_data is not None, timeout=5000)
    assert dialog.counts["sample"].text().endswith(": 5 × 85 lb")
    dialog.reject()
