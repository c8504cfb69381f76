"""Preferences → Safety: the herniated-disc answer the session asks at first start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWidget

from backleg_desktop.ui.preferences.prefs import HERNIATED_DISC_KEY, Preferences
from backleg_desktop.ui.preferences.section import PreferencesSection
from backleg_desktop.ui.widgets import heading, paragraph

if TYPE_CHECKING:
    from backleg_desktop.ui.main_window import MainWindow

CHOICES = (("yes", "&Yes"), ("no", "&No"), ("", "Not &answered (ask me again)"))


class SafetySection(PreferencesSection):
    title = "Safety"

    def __init__(self, main_window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(main_window, parent)
        self.setObjectName("safetySection")
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Safety", 2))
        layout.addWidget(
            paragraph("Has a doctor told you that you have a herniated (slipped) disc?")
        )
        for value, text in CHOICES:
            button = QRadioButton(text, self)
            button.setObjectName(f"herniatedDisc-{value or 'unanswered'}")
            button.setAccessibleDescription("Your answer to the herniated-disc question")
            self.group.addButton(button)
            self.buttons[value] = button
            layout.addWidget(button)
        layout.addWidget(
            paragraph(
                "Backleg asks this once, at the first start. Change the answer here if it "
                "was wrong or has changed. If you are not sure, choose Yes: it is the more "
                "careful answer."
            )
        )
        layout.addStretch(1)

    def load(self, settings: QSettings) -> None:
        self.buttons[Preferences(settings).herniated_disc() or ""].setChecked(True)

    def chosen(self) -> str:
        return next((value for value, b in self.buttons.items() if b.isChecked()), "")

    def apply(self, settings: QSettings) -> None:
        value = self.chosen()
        if value:
            settings.setValue(HERNIATED_DISC_KEY, value)
        else:
            settings.remove(HERNIATED_DISC_KEY)  # absent: asked again at the next start
