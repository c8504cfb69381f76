"""Preferences → Rest, and the rest per exercise that ± during a session remembers."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QLabel

from backleg_desktop.ui.preferences.rest_section import RestSection
from backleg_desktop.ui.rest_prefs import (
    read_custom_rests,
    remember_rest,
    remembers_adjustments,
)
from backleg_desktop.ui.session.page import read_rest_choice


def ini(folder) -> QSettings:  # type: ignore[no-untyped-def]
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def test_remembered_rests_are_kept_within_bounds_and_bad_ones_ignored(tmp_path) -> None:
    settings = ini(tmp_path)
    assert remember_rest(settings, "leg-extension", 5) == 15
    assert remember_rest(settings, "goblet-squat", 3600) == 600
    settings.setValue("rest/custom/wall-sit", "soon")
    settings.sync()
    assert read_custom_rests(ini(tmp_path)) == {"leg-extension": 15, "goblet-squat": 600}


def test_rest_section_shows_edits_forgets_and_stores(qtbot, tmp_path, library, main_window) -> None:
    settings = ini(tmp_path)
    remember_rest(settings, "leg-extension", 75)
    remember_rest(settings, "goblet-squat", 120)
    section = RestSection(main_window)
    qtbot.addWidget(section)
    section.show()
    section.load(settings)
    assert section.choices["bottom"].isChecked() and section.remember.isChecked()
    example = section.findChild(QLabel, "restExample")
    assert example is not None and example.text().endswith(" s.")  # "…: 45 s, 52 s or 60 s."
    names = [section.table.item(r, 0).text() for r in range(section.table.rowCount())]
    assert names == sorted(names) and len(names) == 2
    assert not section.forget_button.isEnabled()
    row = names.index(library.exercises["goblet-squat"].name)
    section.table.selectRow(row)
    qtbot.mouseClick(section.forget_button, Qt.MouseButton.LeftButton)
    assert section.rests() == {"leg-extension": 75}
    section.table.cellWidget(0, 1).setValue(90)
    qtbot.mouseClick(section.choices["top"], Qt.MouseButton.LeftButton)
    section.remember.setChecked(False)
    section.apply(settings)
    settings.sync()
    again = ini(tmp_path)
    assert read_custom_rests(again) == {"leg-extension": 90}
    assert read_rest_choice(again) == "top" and not remembers_adjustments(again)
    section.forget_all()
    assert section.table.isHidden() and section.empty.isVisibleTo(section)
    section.apply(settings)
    assert read_custom_rests(settings) == {}


def test_preferences_rest_changes_the_default_beside_the_plans(qtbot, main_window) -> None:
    from backleg_desktop.ui.preferences.install import show_preferences

    main_window.session.start()
    chooser = main_window.session.page.chooser
    assert chooser.rest_choice.currentData() == "bottom"
    dialog = show_preferences(main_window)
    section = dialog.section(RestSection)
    assert isinstance(section, RestSection)
    dialog.show_section(RestSection)
    middle = section.choices["middle"]
    qtbot.mouseClick(middle, Qt.MouseButton.LeftButton, pos=QPoint(12, middle.height() // 2))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert chooser.rest_choice.currentData() == "middle"
    assert read_rest_choice(main_window.settings) == "middle"
