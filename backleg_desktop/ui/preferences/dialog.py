"""Edit → Preferences…: a list of sections on the left, the chosen one on the right,
OK / Apply / Cancel below. Applying writes settings.ini, then `preferences.changed`
tells the window to re-read what it shows.

It opens window-modal with open(), not exec(), as the disclaimer does: nothing blocks,
so tests press its buttons the way a user does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
)

from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.preferences.data_section import DataFolderSection
from backleg_desktop.ui.preferences.rest_section import RestSection
from backleg_desktop.ui.preferences.safety_section import SafetySection
from backleg_desktop.ui.preferences.section import PreferencesSection
from backleg_desktop.ui.preferences.session_section import SessionSection
from backleg_desktop.ui.preferences.sound_section import SoundSection
from backleg_desktop.ui.preferences.theme_section import ThemeSection
from backleg_desktop.ui.preferences.units_section import UnitsSection

if TYPE_CHECKING:
    from backleg_desktop.ui.main_window import MainWindow

# Every section of the dialog, in the order of its list. Add a section here.
SECTIONS: tuple[type[PreferencesSection], ...] = (
    UnitsSection,
    SessionSection,
    SafetySection,
    RestSection,
    SoundSection,
    ThemeSection,
    DataFolderSection,
)


class PreferencesDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.sections: list[PreferencesSection] = [cls(window) for cls in SECTIONS]

        self.section_list = QListWidget(self)
        self.section_list.setObjectName("preferencesSections")
        described(
            self.section_list,
            "The groups of settings; choose one to show its settings beside the list.",
            name="Preferences sections",
        )
        self.stack = QStackedWidget(self)
        for section in self.sections:
            self.section_list.addItem(section.title)
            self.stack.addWidget(section)
        self.section_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        width = max(
            self.section_list.fontMetrics().horizontalAdvance(s.title) for s in self.sections
        )
        self.section_list.setFixedWidth(width + 48)
        self.section_list.setSpacing(3)
        # Room for a section's explanations without wrapping every few words. The floor is
        # on the stack, not the dialog: a minimum set on the dialog itself would override
        # its layout's, and the dialog could then open narrower than a check box's label.
        chars = self.fontMetrics().averageCharWidth()
        self.stack.setMinimumSize(chars * 64, self.fontMetrics().height() * 21)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        described(self.ok_button, "Saves the changes in every section and closes Preferences.")
        described(self.apply_button, "Saves the changes in every section; Preferences stays open.")
        described(self.cancel_button, "Closes Preferences; changes not yet applied are not saved.")
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.apply_button.clicked.connect(self.apply)

        body = QHBoxLayout()
        body.addWidget(self.section_list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.load()
        self.section_list.setCurrentRow(0)

    def section(self, cls: type[PreferencesSection]) -> PreferencesSection:
        return next(s for s in self.sections if isinstance(s, cls))

    def show_section(self, cls: type[PreferencesSection]) -> None:
        self.section_list.setCurrentRow(self.sections.index(self.section(cls)))

    def load(self) -> None:
        settings = self.main_window.settings
        for section in self.sections:
            section.load(settings)

    def apply(self) -> None:
        """Write every section, make it durable, then let the window re-read it."""
        settings = self.main_window.settings
        for section in self.sections:
            section.apply(settings)
        settings.sync()
        self.main_window.preferences.changed.emit()

    def _ok(self) -> None:
        self.apply()
        self.accept()
