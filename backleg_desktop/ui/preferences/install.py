"""Put Preferences into the window: `window.preferences` (the typed settings and their
`changed` signal) and Edit → Preferences… (Ctrl+, and the platform's own key)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from backleg_desktop.ui.preferences.prefs import Preferences

if TYPE_CHECKING:
    from backleg_desktop.ui.main_window import MainWindow
    from backleg_desktop.ui.preferences.dialog import PreferencesDialog


def install_preferences(window: MainWindow) -> None:
    window.preferences = Preferences(window.settings, window)
    window.preferences_dialog = None
    window.edit_menu = window.menuBar().addMenu("&Edit")
    window.edit_menu.setObjectName("editMenu")
    # Between File and Go, where every desktop app keeps it.
    window.menuBar().insertMenu(window.go_menu.menuAction(), window.edit_menu)
    action = QAction("&Preferences…", window)
    action.setObjectName("preferencesAction")
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    keys = [QKeySequence("Ctrl+,")]
    keys += [
        k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences) if k not in keys
    ]
    action.setShortcuts(keys)
    action.triggered.connect(lambda _checked=False: show_preferences(window))
    window.edit_menu.addAction(action)
    window.preferences_action = action


def show_preferences(window: MainWindow) -> PreferencesDialog:
    """Open the dialog (one at a time), showing what is stored now."""
    from backleg_desktop.ui.preferences.dialog import PreferencesDialog

    dialog = window.preferences_dialog
    if dialog is None:
        dialog = window.preferences_dialog = PreferencesDialog(window)
    else:
        dialog.load()
    dialog.open()
    return dialog
