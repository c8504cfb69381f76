"""File → Import plans… and Export plans…: your own plans as a TOML plan file.

The file format, its checks and the matching by name are services/plan_files.py's, the
same as `backleg plans import` and `backleg plans export`. Here: the file dialogs (a
dated name such as backleg-plans-2026-12-01.toml, the folder used last), the problems
of a bad file in a message box (it names the file and the line, or the plan, item and
field; nothing was imported), and what became of each plan (added, updated, unchanged).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from backleg_desktop.services.errors import BacklegError
from backleg_desktop.ui import message_boxes

if TYPE_CHECKING:
    from backleg_desktop.ui.main_window import MainWindow

FOLDER_KEY = "plans/last_folder"
FILTER = "Plan files (*.toml);;All files (*)"
OUTCOME_WORDS = {"added": "added", "updated": "updated", "unchanged": "unchanged, already here"}


def default_file_name(today: date) -> str:
    return f"backleg-plans-{today.isoformat()}.toml"


def add_plan_file_actions(window: MainWindow) -> None:
    """Import plans… and Export plans… in the File menu, after Export…."""
    window.import_plans_action = QAction("Import &plans…", window)
    window.import_plans_action.setObjectName("importPlansAction")
    window.import_plans_action.triggered.connect(lambda _checked=False: import_plan_file(window))
    window.export_plans_action = QAction("Export p&lans…", window)
    window.export_plans_action.setObjectName("exportPlansAction")
    window.export_plans_action.triggered.connect(lambda _checked=False: export_plan_file(window))
    new = [window.import_plans_action, window.export_plans_action]
    actions = window.file_menu.actions()
    after = actions.index(window.export_action) + 1
    if after < len(actions):
        window.file_menu.insertActions(actions[after], new)
    else:
        window.file_menu.addActions(new)


def _folder(window: MainWindow) -> Path:
    stored = window.settings.value(FOLDER_KEY)
    if isinstance(stored, str) and Path(stored).is_dir():
        return Path(stored)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def _not_open(window: MainWindow) -> None:
    message_boxes.inform(
        window, "Backleg", "Your history is not open yet, so your plans cannot be read or saved."
    )


def export_plan_file(window: MainWindow, today: date | None = None) -> Path | None:
    """Ask where, write every plan of your own there, and say how many."""
    from backleg_desktop.services.plan_files import write_plan_file

    store = window.store
    if store is None:
        _not_open(window)
        return None
    try:
        plans = store.plans.all()
    except BacklegError as error:
        message_boxes.warn(window, "Plans not exported", str(error))
        return None
    if not plans:
        message_boxes.inform(
            window,
            "Export plans",
            "You have no plans of your own yet. Make one on the Plans page (New plan, or "
            "Duplicate a built-in plan), then export it.",
        )
        return None
    suggested = _folder(window) / default_file_name(today or date.today())
    chosen, _filter = QFileDialog.getSaveFileName(window, "Export plans", str(suggested), FILTER)
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        path = path.with_suffix(".toml")
    try:
        write_plan_file(path, plans, window.data_dir)  # never over Backleg's own files
    except BacklegError as error:
        message_boxes.warn(window, "Plans not exported", f"Nothing was written.\n\n{error}")
        return None
    window.settings.setValue(FOLDER_KEY, str(path.parent))
    count = "your plan" if len(plans) == 1 else f"your {len(plans)} plans"
    message_boxes.inform(window, "Plans exported", f"Wrote {count} to {path}.")
    return path


def import_plan_file(window: MainWindow) -> Sequence[tuple[str, str]] | None:
    """Ask which file, import it whole or not at all, and say what became of each plan."""
    from backleg_desktop.services.plan_files import import_plans

    store = window.store
    if store is None:
        _not_open(window)
        return None
    chosen, _filter = QFileDialog.getOpenFileName(
        window, "Import plans", str(_folder(window)), FILTER
    )
    if not chosen:
        return None
    path = Path(chosen)
    try:
        results = import_plans(store, path)
    except BacklegError as error:
        # The message names the file and the line, or the plan, item and field, and
        # says that nothing was imported.
        message_boxes.warn(window, "Plans not imported", str(error))
        return None
    window.settings.setValue(FOLDER_KEY, str(path.parent))
    window.plan_book.reload()
    message_boxes.inform(window, "Plans imported", import_report(path, results))
    return results


def import_report(path: Path, results: Sequence[tuple[str, str]]) -> str:
    if not results:
        return f"{path.name} has no plans in it: nothing was imported."
    lines = [f"From {path.name}:"]
    lines += [f"• {name}: {OUTCOME_WORDS.get(outcome, outcome)}" for name, outcome in results]
    return "\n".join(lines)
