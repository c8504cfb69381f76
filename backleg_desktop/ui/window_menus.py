"""The main window's menu bar (File, Edit, Go, Help) and what its File and About entries do.

Built by `MainWindow.complete()`, after the first paint; the actions stay attributes of the
window (`window.quit_action`, …) because the session and the tests reach them there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from backleg_desktop.ui import message_boxes
from backleg_desktop.ui.help_menu import add_help_actions, show_about

if TYPE_CHECKING:
    from backleg_desktop.domain.records import ImportSummary
    from backleg_desktop.ui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    window.file_menu = bar.addMenu("&File")
    window.file_menu.setObjectName("fileMenu")
    window.quit_action = _action(window, "&Quit", "quitAction", window.close)
    window.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    window.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    window.import_action = _action(
        window, "&Import…", "importAction", lambda: import_history(window)
    )
    window.export_action = _action(
        window, "&Export…", "exportAction", lambda: export_history(window)
    )
    window.file_menu.addAction(window.import_action)
    window.file_menu.addAction(window.export_action)
    from backleg_desktop.ui.plans.file_actions import add_plan_file_actions

    add_plan_file_actions(window)  # Import plans…, Export plans…
    window.print_handout_action = _action(
        window, "Print &handout…", "printHandoutAction", lambda: print_handout(window)
    )
    window.print_handout_action.setShortcut(QKeySequence.StandardKey.Print)
    window.file_menu.addAction(window.print_handout_action)
    save_pdf = _action(
        window, "Save handout as P&DF…", "saveHandoutPdfAction", lambda: save_handout_pdf(window)
    )
    save_pdf.setStatusTip("Save a plan's handout as a PDF file, with a dated name.")
    window.file_menu.addAction(save_pdf)
    window.file_menu.addSeparator()
    window.file_menu.addAction(window.quit_action)

    window.go_menu = bar.addMenu("&Go")
    window.go_menu.setObjectName("goMenu")
    window.go_separator = window.go_menu.addSeparator()
    window.back_action = _action(window, "&Back", "backAction", window.go_back)
    # Alt+Left everywhere, plus the platform's own Back key when it differs
    # (the same sequence twice would make the shortcut ambiguous and dead).
    back_keys = [QKeySequence("Alt+Left")]
    back_keys += [
        k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Back) if k not in back_keys
    ]
    window.back_action.setShortcuts(back_keys)
    window.back_action.setEnabled(False)
    window.go_menu.addAction(window.back_action)

    window.help_menu = bar.addMenu("&Help")
    window.help_menu.setObjectName("helpMenu")
    window.disclaimer_action = _action(
        window, "&Disclaimer", "disclaimerAction", window.show_disclaimer
    )
    window.about_action = _action(
        window, "&About Backleg", "aboutAction", lambda: show_about(window)
    )
    window.about_action.setMenuRole(QAction.MenuRole.AboutRole)
    window.help_menu.addAction(window.disclaimer_action)
    add_help_actions(window)  # Open data folder, Report a problem
    window.help_menu.addSeparator()
    window.help_menu.addAction(window.about_action)

    from backleg_desktop.ui.dialog_focus import install_dialog_focus
    from backleg_desktop.ui.edit_undo import install_edit_undo
    from backleg_desktop.ui.preferences.install import install_preferences

    install_preferences(window)  # the Edit menu, between File and Go: Preferences…
    install_edit_undo(window)  # History's Undo and Redo above it
    # The dialogs these menus open give the keyboard back to the window when they close.
    install_dialog_focus(window)


def _action(window: MainWindow, text: str, name: str, slot: Callable[[], object]) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def import_history(window: MainWindow) -> None:
    # Imported here so the transfer code stays out of start-up.
    from backleg_desktop.ui.history.transfer_dialogs import import_history

    if window.store is None:
        _history_not_ready(window)
        return
    units = window.preferences.load_units()
    dialog = import_history(
        window, window.store.workouts, window.library, units=units, settings=window.settings
    )
    if dialog is not None:
        dialog.imported.connect(lambda summary: _after_import(window, summary))


def _after_import(window: MainWindow, _summary: ImportSummary) -> None:
    window.plan_book.reload()  # a JSON backup may bring plans of your own
    if window.history_built():  # show what was imported
        window.history_page.refresh()


def export_history(window: MainWindow) -> None:
    from backleg_desktop.ui.history.transfer_dialogs import export_history

    if window.store is None:
        _history_not_ready(window)
        return
    export_history(window, window.store.workouts, window.library, settings=window.settings)


def print_handout(window: MainWindow) -> None:
    # Imported here so QtPrintSupport stays out of start-up.
    from backleg_desktop.ui.handout_dialog import disc_caution, print_handout

    plans, caution = window.plan_book.plans(), disc_caution(getattr(window, "disc", None))
    print_handout(
        window, window.library, window.data_dir, window.settings, plans=plans, caution=caution
    )


def save_handout_pdf(window: MainWindow) -> None:
    from backleg_desktop.ui.handout_dialog import disc_caution, save_handout_pdf

    plans, caution = window.plan_book.plans(), disc_caution(getattr(window, "disc", None))
    save_handout_pdf(
        window, window.library, window.data_dir, window.settings, plans=plans, caution=caution
    )


def _history_not_ready(window: MainWindow) -> None:
    message_boxes.inform(
        window,
        "Backleg",
        "Your workout history is not open, so there is nothing to read or write.",
    )
