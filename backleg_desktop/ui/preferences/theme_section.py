"""Preferences → Theme: follow the desktop, or always light, or always dark."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from backleg_desktop.ui.preferences.section import PreferencesSection

if TYPE_CHECKING:
    from backleg_desktop.ui.main_window import MainWindow
from backleg_desktop.ui.theme import (
    THEME_CHOICES,
    THEME_KEY,
    ThemeChoice,
    read_theme,
    system_scheme,
    theme_controller,
)
from backleg_desktop.ui.widgets import heading, muted

_LABELS: dict[ThemeChoice, str] = {
    "system": "&System: follow the desktop's light or dark setting",
    "light": "&Light",
    "dark": "&Dark",
}
_DESCRIPTIONS: dict[ThemeChoice, str] = {
    "system": "Switches with the desktop, also while Backleg is open",
    "light": "Dark text on light backgrounds, whatever the desktop uses",
    "dark": "Light text on dark backgrounds, whatever the desktop uses",
}


class ThemeSection(PreferencesSection):
    title = "Theme"

    def __init__(self, main_window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(main_window, parent)
        self.setObjectName("themeSection")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Theme", 2))
        self.group = QButtonGroup(self)
        self.buttons: dict[ThemeChoice, QRadioButton] = {}
        for choice in THEME_CHOICES:
            button = QRadioButton(_LABELS[choice], self)
            button.setObjectName(f"theme-{choice}")
            button.setAccessibleDescription(_DESCRIPTIONS[choice])
            self.group.addButton(button)
            self.buttons[choice] = button
            layout.addWidget(button)
        self.note = muted(QLabel(self))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def choice(self) -> ThemeChoice:
        return next((c for c, b in self.buttons.items() if b.isChecked()), "system")

    def load(self, settings: QSettings) -> None:
        self.buttons[read_theme(settings)].setChecked(True)
        application = QGuiApplication.instance()
        assert isinstance(application, QGuiApplication)
        if application.styleHints().colorScheme() == Qt.ColorScheme.Unknown:
            now = "Your desktop does not say whether it is light or dark, so System means light."
        else:
            now = f"Your desktop asks for {system_scheme(application)} colours now."
        self.note.setText(
            f"{now} Both themes keep text at a contrast of at least 4.5 to 1, and "
            "outlines, chart lines and the keyboard's focus ring at 3 to 1, so they stay "
            "clear in a bright room or a dim one. A change shows at once."
        )

    def apply(self, settings: QSettings) -> None:
        choice = self.choice()
        controller = theme_controller()
        # At once, no restart; an OK that changed nothing leaves the palette alone.
        if choice != read_theme(settings) or choice != controller.choice:
            controller.set_choice(choice)
        settings.setValue(THEME_KEY, choice)
