"""Back up now and Restore backup… from the window, over services/backups.py.

A restore follows the CLI's rules: refused while a session runs or while another
Backleg (an import, an export) holds the data folder; the replaced history is kept
beside it; afterwards the window opens the restored history and every page shows it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.services import backups
from backleg_desktop.services.errors import BacklegError, FolderInUseError
from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.widgets import paragraph

if TYPE_CHECKING:
    from backleg_desktop.ui.main_window import MainWindow


def back_up_now(window: MainWindow) -> str:
    """Bring today's backup up to date; returns the sentence to show."""
    try:
        made = backups.make_daily_backup(window.data_dir, datetime.now().date(), replace=True)
    except BacklegError as error:
        return str(error)
    if made is None:
        return "There is no history to back up yet: log a set first."
    return f"Backed up your history to {made}."


def session_running(window: MainWindow) -> bool:
    session = getattr(window, "session", None)
    return bool(session is not None and session.built and session.page.is_active)


def restore(window: MainWindow, backup_path: Path) -> str:
    """Replace the history with `backup_path` and reopen it; returns what happened."""
    from backleg_desktop.services.pending_writes import WINDOW_BUSY_TIMEOUT_MS
    from backleg_desktop.services.store import open_store

    if session_running(window):
        return "A session is running: end it first, then restore. Nothing was changed."
    old = window.store
    if old is not None:
        old.close()  # no connection of ours stays open on the file being replaced
    try:
        kept = backups.restore_backup(window.data_dir, backup_path)
    except FolderInUseError:
        outcome = (
            f"Another Backleg (an import or export on the command line) is using "
            f"{window.data_dir} right now. Restore again when it has finished. "
            "Nothing was changed."
        )
    except BacklegError as error:
        outcome = str(error)
    else:
        outcome = f"Restored your history from {backup_path.name}."
        if kept is not None:
            outcome += f" The history it replaced is kept as {kept}."
    try:
        store = open_store(window.data_dir, window.library, busy_timeout_ms=WINDOW_BUSY_TIMEOUT_MS)
    except BacklegError as error:
        window.store = None
        return f"{outcome}\n\nThe history could not be opened again: {error}"
    window.attach_store(store)
    if store.notices:
        outcome += "\n\n" + "\n\n".join(store.notices)
    return outcome


class RestoreDialog(QDialog):
    """The list of backups, newest first, with their dates and sizes."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore a backup")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.backups = backups.list_backups(data_dir)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("backupList")
        described(
            self.tree,
            "Your backups with their dates and sizes; choose the one to restore.",
            name="Backups",
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(["Date", "Size", "File"])
        locale = QLocale()
        for info in self.backups:
            day = f"{info.day:%a} {info.day.day} {info.day:%b %Y}"
            if info.kept:
                day += " (kept)"
            item = QTreeWidgetItem([day, locale.formattedDataSize(info.size_bytes), info.path.name])
            item.setData(0, Qt.ItemDataRole.UserRole, str(info.path))
            self.tree.addTopLevelItem(item)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(
            "&Restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        described(
            self.restore_button,
            "Puts the chosen backup in place of your history; the replaced file is kept beside it.",
        )
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        described(cancel, "Closes this list without restoring anything.")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tree.currentItemChanged.connect(lambda *_: self._update())
        self.tree.itemDoubleClicked.connect(lambda *_: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(
                "Choose the backup to go back to. The history you have now is not lost: "
                "it is kept beside it in the data folder."
                if self.backups
                else f"There are no backups yet in {backups.backups_dir(data_dir)}."
            )
        )
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self._update()
        columns = sum(self.tree.columnWidth(c) for c in range(3))
        self.resize(max(columns + 64, self.fontMetrics().averageCharWidth() * 60), 360)

    def chosen(self) -> Path | None:
        item = self.tree.currentItem()
        return None if item is None else Path(item.data(0, Qt.ItemDataRole.UserRole))

    def _update(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)
