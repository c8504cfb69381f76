"""Edit → Preferences…: Ctrl+, opens it, OK/Apply write settings.ini and tell the window,
Cancel keeps what was stored, and the choices survive a restart."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from backleg_desktop.app import create_main_window
from backleg_desktop.ui.disclaimer import remember_accepted
from backleg_desktop.ui.preferences.dialog import SECTIONS, PreferencesDialog
from backleg_desktop.ui.preferences.safety_section import SafetySection
from backleg_desktop.ui.preferences.session_section import SessionSection
from backleg_desktop.ui.preferences.units_section import UnitsSection


def open_with_keys(qtbot, window) -> PreferencesDialog:  # type: ignore[no-untyped-def]
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.preferences_dialog
    assert isinstance(dialog, PreferencesDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_ctrl_comma_opens_preferences_from_the_edit_menu(qtbot, main_window) -> None:
    assert main_window.preferences_dialog is None
    titles = [a.text() for a in main_window.menuBar().actions()]
    assert titles.index("&Edit") == titles.index("&File") + 1
    assert main_window.preferences_action in main_window.edit_menu.actions()
    dialog = open_with_keys(qtbot, main_window)
    listed = [dialog.section_list.item(i).text() for i in range(dialog.section_list.count())]
    assert listed == [cls.title for cls in SECTIONS]
    assert {"Units", "Session", "Safety", "Data folder"} <= set(listed)


def test_ok_stores_the_choices_and_tells_the_window(qtbot, main_window) -> None:
    dialog = open_with_keys(qtbot, main_window)
    units = dialog.section(UnitsSection)
    assert isinstance(units, UnitsSection)
    units.unit_combo.setCurrentIndex(units.unit_combo.findData("lb"))
    units.step_boxes["lb"].setValue(2.5)
    session = dialog.section(SessionSection)
    assert isinstance(session, SessionSection)
    session.rpe_check.setChecked(True)
    safety = dialog.section(SafetySection)
    assert isinstance(safety, SafetySection)
    safety.buttons["yes"].setChecked(True)
    with qtbot.waitSignal(main_window.preferences.changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    stored = QSettings(main_window.settings.fileName(), QSettings.Format.IniFormat)
    assert stored.value("units/load") == "lb"
    assert float(stored.value("units/step_lb")) == 2.5
    assert stored.value("session/rpe_entry", type=bool) is True
    assert stored.value("safety/herniated_disc") == "yes"
    prefs = main_window.preferences
    assert (prefs.load_unit(), prefs.load_step(), prefs.rpe_entry()) == ("lb", 2.5, True)
    assert prefs.herniated_disc() == "yes"


def test_cancel_keeps_what_was_stored(qtbot, main_window) -> None:
    dialog = open_with_keys(qtbot, main_window)
    units = dialog.section(UnitsSection)
    assert isinstance(units, UnitsSection)
    units.unit_combo.setCurrentIndex(units.unit_combo.findData("lb"))
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert main_window.preferences.load_unit() == "kg"
    dialog = open_with_keys(qtbot, main_window)  # opened again: shows what is stored
    assert units.unit_combo.currentData() == "kg"


def test_not_answered_removes_the_disc_answer(qtbot, main_window) -> None:
    main_window.settings.setValue("safety/herniated_disc", "no")
    dialog = open_with_keys(qtbot, main_window)
    safety = dialog.section(SafetySection)
    assert isinstance(safety, SafetySection)
    assert safety.buttons["no"].isChecked()
    safety.buttons[""].setChecked(True)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # Apply keeps it open
    assert not main_window.settings.contains("safety/herniated_disc")
    assert main_window.preferences.herniated_disc() is None


def test_preferences_survive_a_restart(qtbot, data_dir, library, fake_clock) -> None:
    first = create_main_window(data_dir=data_dir, library=library, clock=fake_clock)
    remember_accepted(first.settings)
    qtbot.addWidget(first)
    first.show()
    dialog = open_with_keys(qtbot, first)
    units = dialog.section(UnitsSection)
    assert isinstance(units, UnitsSection)
    units.unit_combo.setCurrentIndex(units.unit_combo.findData("lb"))
    units.step_boxes["kg"].setValue(1.25)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    first.close()

    second = create_main_window(data_dir=data_dir, library=library, clock=fake_clock)
    qtbot.addWidget(second)
    second.show()
    assert second.preferences.load_unit() == "lb"
    assert second.preferences.load_step("kg") == 1.25
    assert second.preferences.load_step("lb") == 5.0
    dialog = open_with_keys(qtbot, second)
    units = dialog.section(UnitsSection)
    assert isinstance(units, UnitsSection)
    assert units.unit_combo.currentData() == "lb"
    assert units.step_boxes["kg"].value() == 1.25
