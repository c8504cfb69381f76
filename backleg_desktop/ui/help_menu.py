"""Help menu entries beyond the disclaimer: About, Open data folder, Report a problem.

The dialogs are built on first use and kept, so a second click brings the same one back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from backleg_desktop.ui import message_boxes

if TYPE_CHECKING:
    from backleg_desktop.ui.main_window import MainWindow


def add_help_actions(window: MainWindow) -> None:
    """Open data folder and Report a problem, above About (build_menus adds About last)."""
    menu = window.help_menu
    menu.addSeparator()
    open_action = QAction("Open &data folder", window)
    open_action.setObjectName("openDataFolderAction")
    open_action.triggered.connect(lambda _checked=False: open_data_folder(window))
    report_action = QAction("&Report a problem…", window)
    report_action.setObjectName("reportProblemAction")
    report_action.triggered.connect(lambda _checked=False: show_problem_report(window))
    menu.addAction(open_action)
    menu.addAction(report_action)


def _kept(window: MainWindow, name: str) -> QWidget | None:
    return window.findChild(QWidget, name)


def show_about(window: MainWindow) -> QWidget:
    from backleg_desktop.ui.help_dialogs import AboutDialog

    dialog = _kept(window, "aboutDialog")
    if dialog is None:
        dialog = AboutDialog(window.library.guidance.disclaimer, window)
    dialog.show()
    dialog.raise_()
    return dialog


def show_problem_report(window: MainWindow) -> QWidget:
    """A fresh report each time: the history file may have been opened meanwhile."""
    from backleg_desktop.ui.help_dialogs import ProblemReportDialog, problem_report

    old = _kept(window, "problemReportDialog")
    if old is not None:
        old.close()
        old.deleteLater()
        old.setObjectName("")
    history = window.store.db_path if window.store is not None else None
    dialog = ProblemReportDialog(problem_report(window.data_dir, history), window)
    dialog.show()
    return dialog


def open_data_folder(window: MainWindow) -> None:
    from backleg_desktop.ui.help_dialogs import open_folder

    if not open_folder(window.data_dir):
        message_boxes.inform(
            window,
            "Backleg",
            f"No file manager could be opened. Your data folder is:\n\n{window.data_dir}",
        )
