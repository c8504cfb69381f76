"""Preferences → Units: kilograms or pounds, and the load step of each unit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QVBoxLayout, QWidget

from backleg_desktop.domain.units import DEFAULT_STEP, STEP_RANGE, UNIT_NAMES, UNITS, Unit
from backleg_desktop.ui.preferences.prefs import STEP_KEYS, UNIT_KEY, Preferences
from backleg_desktop.ui.preferences.section import PreferencesSection
from backleg_desktop.ui.widgets import heading, paragraph

if TYPE_CHECKING:
    from backleg_desktop.ui.main_window import MainWindow


class UnitsSection(PreferencesSection):
    title = "Units"

    def __init__(self, main_window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(main_window, parent)
        self.setObjectName("unitsSection")
        self.unit_combo = QComboBox(self)
        self.unit_combo.setObjectName("loadUnit")
        for unit in UNITS:
            self.unit_combo.addItem(UNIT_NAMES[unit].capitalize(), unit)
        self.unit_combo.setAccessibleName("Unit for loads")
        self.unit_combo.setAccessibleDescription(
            "Loads are typed and shown in this unit everywhere; history keeps kilograms."
        )
        self.step_boxes: dict[Unit, QDoubleSpinBox] = {}
        form = QFormLayout()
        form.addRow("&Loads in:", self.unit_combo)
        for unit in UNITS:
            box = QDoubleSpinBox(self)
            box.setObjectName(f"loadStep-{unit}")
            box.setRange(*STEP_RANGE[unit])
            box.setDecimals(2)
            box.setSingleStep(0.25 if unit == "kg" else 0.5)
            box.setSuffix(f" {unit}")
            box.setAccessibleName(f"Load step in {UNIT_NAMES[unit]}")
            box.setAccessibleDescription(
                "How much the load box's arrows change a load, and the grid a lighter load is "
                "rounded down to."
            )
            self.step_boxes[unit] = box
            form.addRow(f"Step in {UNIT_NAMES[unit]}:", box)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Units", 2))
        layout.addLayout(form)
        layout.addWidget(
            paragraph(
                "Your history is always kept in kilograms, so changing the unit changes only "
                "how loads are typed and shown. The step is what the load box's arrows (or "
                "Up and Down) add or take away during a session, and a lighter load offered "
                "on a sore day is rounded down to it."
            )
        )
        layout.addStretch(1)

    def load(self, settings: QSettings) -> None:
        prefs = Preferences(settings)
        self.unit_combo.setCurrentIndex(UNITS.index(prefs.load_unit()))
        for unit, box in self.step_boxes.items():
            box.setValue(prefs.load_step(unit))

    def apply(self, settings: QSettings) -> None:
        settings.setValue(UNIT_KEY, self.unit_combo.currentData())
        for unit, box in self.step_boxes.items():
            value = box.value()
            if value == DEFAULT_STEP[unit]:
                settings.remove(STEP_KEYS[unit])
            else:
                settings.setValue(STEP_KEYS[unit], value)
