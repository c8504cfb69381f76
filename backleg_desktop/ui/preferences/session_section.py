"""Preferences → Session: what the guided session asks for beyond reps and load."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from backleg_desktop.ui.preferences.prefs import RPE_ENTRY_KEY, Preferences
from backleg_desktop.ui.preferences.section import PreferencesSection
from backleg_desktop.ui.widgets import heading, paragraph

if TYPE_CHECKING:
    from backleg_desktop.ui.main_window import MainWindow


class SessionSection(PreferencesSection):
    title = "Session"

    def __init__(self, main_window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(main_window, parent)
        self.setObjectName("sessionSection")
        self.rpe_check = QCheckBox("Ask for &effort (RPE, 0–10) with each set", self)
        self.rpe_check.setObjectName("rpeEntry")
        self.rpe_check.setAccessibleDescription(
            "Off by default: an optional rating of how hard the set felt."
        )
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Session", 2))
        layout.addWidget(self.rpe_check)
        layout.addWidget(
            paragraph(
                "RPE is how hard a set felt, from 0 (no effort) to 10 (nothing left), in "
                "halves. The box sits beside the load and is logged with the set; leave it "
                "at – for none. Sets imported from Strong or Hevy keep theirs either way."
            )
        )
        layout.addStretch(1)

    def load(self, settings: QSettings) -> None:
        self.rpe_check.setChecked(Preferences(settings).rpe_entry())

    def apply(self, settings: QSettings) -> None:
        settings.setValue(RPE_ENTRY_KEY, self.rpe_check.isChecked())
