"""Loads in pounds through a real session: typed in lb, stored in exact kilograms, shown
in lb again without drift; lighter loads on the lb grid; the per-dumbbell label."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt

from backleg_desktop.ui.preferences.dialog import PreferencesDialog
from backleg_desktop.ui.preferences.install import show_preferences
from backleg_desktop.ui.preferences.units_section import UnitsSection
from backleg_desktop.ui.session import texts
from tests.ui.session.test_check_in import open_check_in
from tests.ui.session.test_hints_and_tray import seed

KG_PER_LB = 0.45359237


def choose_pounds(qtbot, window, step: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    """Preferences → Units → Pounds, OK: the way a user switches."""
    dialog = show_preferences(window)
    assert isinstance(dialog, PreferencesDialog)
    dialog.show_section(UnitsSection)
    units = dialog.section(UnitsSection)
    assert isinstance(units, UnitsSection)
    units.unit_combo.setCurrentIndex(units.unit_combo.findData("lb"))
    units.step_boxes["lb"].setValue(step)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def type_load(drive, text: str) -> None:  # type: ignore[no-untyped-def]
    box = drive.page.exercise_screen.load
    box.setFocus()
    box.selectAll()
    drive.qtbot.keyClicks(box, text)
    drive.qtbot.keyClick(box, Qt.Key.Key_Tab)


def test_55_lb_typed_is_stored_in_kilograms_and_shown_as_55_lb_again(qtbot, drive) -> None:
    choose_pounds(qtbot, drive.window)
    drive.start()
    load = drive.page.exercise_screen.load
    assert load.suffix() == " lb" and load.singleStep() == 5.0
    assert "pounds" in load.accessibleName()
    type_load(drive, "55")
    assert load.text() == "55 lb"
    load.setFocus()
    drive.qtbot.keyClick(load, Qt.Key.Key_Up)  # the step, in pounds
    assert load.text() == "60 lb"
    drive.qtbot.keyClick(load, Qt.Key.Key_Down)
    assert load.text() == "55 lb"
    drive.do_set()
    [stored] = drive.stored().sets
    assert math.isclose(stored.load_kg, 55 * KG_PER_LB, abs_tol=1e-9)  # 24.95 kg, exact
    assert drive.page.rest_screen.logged_text.text().endswith("× 55 lb")
    assert drive.page.rest_screen.load.text() == "55 lb"
    drive.space()  # skip the rest: set 2 carries set 1's numbers
    assert load.text() == "55 lb"
    drive.do_set()  # logged as shown: the very same kilograms, no drift
    loads = [s.load_kg for s in drive.stored().sets]
    assert loads[0] == loads[1]


def test_a_load_stored_in_kg_is_kept_exactly_when_shown_in_lb(qtbot, drive, store) -> None:
    seed(store, 0, (15, 15, 15), pain=(2, 2))  # 40 kg last time: 88.18 lb
    choose_pounds(qtbot, drive.window)
    drive.start()
    assert drive.page.exercise_screen.load.text() == "88.18 lb"
    drive.do_set()
    assert drive.stored().sets[0].load_kg == 40.0  # not 88.18 lb's 39.9968 kg


def test_a_lighter_day_in_pounds_rounds_down_to_the_pound_step(qtbot, drive, store) -> None:
    seed(store, 0, (15, 15, 15), pain=(2, 2))  # 40 kg = 88.18 lb; 80 % is 70.5 lb
    choose_pounds(qtbot, drive.window)
    open_check_in(drive)
    drive.type("5")
    drive.enter()
    screen = drive.page.exercise_screen
    assert screen.load.text() == "70 lb"
    assert screen.load_note.text() == "lighter today: pain 5 (last time 88.18 lb)"
    _reps, load_kg = screen.values()
    assert load_kg is not None and math.isclose(load_kg, 70 * KG_PER_LB, abs_tol=1e-6)
    assert load_kg < 40.0 * 0.8 + 1e-9  # never more than 80 % of last time


def test_switching_units_mid_session_keeps_the_load_and_changes_the_words(qtbot, drive) -> None:
    drive.start()
    screen = drive.page.exercise_screen
    screen.set_values(10, 25.0)
    assert screen.load.text() == "25 kg"
    choose_pounds(qtbot, drive.window)
    assert screen.load.text() == "55.12 lb"
    assert screen.values() == (10, 25.0)  # the same load, not 55.12 lb's 25.0016 kg


def test_two_dumbbell_moves_say_the_load_is_per_dumbbell(qtbot, drive) -> None:
    drive.start()
    screen = drive.page.exercise_screen
    assert screen.name.text() == "Leg extension"
    assert screen.load_label.text() == "&Load"
    while screen.name.text() != "Reverse lunge":
        qtbot.mouseClick(drive.page.chrome.skip_exercise_button, Qt.MouseButton.LeftButton)
    assert screen.load_label.text() == "&Load per dumbbell"
    assert "per dumbbell" in screen.load.accessibleName()
    screen.set_values(8, 10.0)
    drive.do_set()
    first = drive.stored().sets[0]
    assert (first.exercise_id, first.load_kg) == ("reverse-lunge", 10.0)
    assert texts.describe_set(drive.window.library, first).endswith("× 10 kg per dumbbell")


def test_the_summary_speaks_pounds(qtbot, drive, store) -> None:
    from tests.ui.session.test_summary_records import one_set_then_end, seed_earlier

    seed_earlier(store)  # 12 × 20 kg two days ago
    choose_pounds(qtbot, drive.window)
    one_set_then_end(drive, 12, 50 * KG_PER_LB)  # 50 lb, heavier than 20 kg (44.09 lb)
    summary = drive.page.summary_screen
    assert summary.values["volume"].text() == "600 lb"
    assert "best 50 lb" in summary.exercises.text()
    qtbot.waitUntil(lambda: "heaviest" in summary.records.text(), timeout=5000)
    assert summary.records.text() == (
        "Leg extension: heaviest yet, 50 lb × 12\nLeg extension: most volume in one session, 600 lb"
    )
