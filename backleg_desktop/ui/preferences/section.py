"""The one interface every Preferences section honours, so the dialog can hold any of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from backleg_desktop.ui.main_window import MainWindow


class PreferencesSection(QWidget):
    """A page of the Preferences dialog: it reads its keys, and writes them on OK/Apply.

    The dialog builds each section as `SectionClass(main_window)`; a section that needs
    more than the settings (the data folder, the store) finds it on `self.main_window`.
    """

    title = ""  # the name in the dialog's list of sections

    def __init__(self, main_window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main_window = main_window

    def load(self, settings: QSettings) -> None:
        """Show the stored values (or the defaults where nothing is stored)."""
        raise NotImplementedError

    def apply(self, settings: QSettings) -> None:
        """Store what the user chose; the window re-reads the settings afterwards."""
        raise NotImplementedError
