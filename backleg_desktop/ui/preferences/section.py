"""The one interface every Preferences section honours, so the dialog can hold any of them."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget


class PreferencesSection(QWidget):
    """A page of the Preferences dialog: it reads its keys, and writes them on OK/Apply."""

    title = ""  # the name in the dialog's list of sections

    def load(self, settings: QSettings) -> None:
        """Show the stored values (or the defaults where nothing is stored)."""
        raise NotImplementedError

    def apply(self, settings: QSettings) -> None:
        """Store what the user chose; the window re-reads the settings afterwards."""
        raise NotImplementedError
