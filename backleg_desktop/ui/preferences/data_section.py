"""Preferences → Data folder: where the history lives, Open folder, Back up now and
Restore backup…. These act at once (they are not settings), so load/apply do nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.preferences import backups_ui
from backleg_desktop.ui.preferences.section import PreferencesSection
from backleg_desktop.ui.widgets import heading, paragraph

if TYPE_CHECKING:
    from backleg_desktop.ui.main_window import MainWindow


class DataFolderSection(PreferencesSection):
    title = "Data folder"

    def __init__(self, main_window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(main_window, parent)
        self.setObjectName("dataFolderSection")
        self.restore_dialog: backups_ui.RestoreDialog | None = None
        self.path_label = paragraph(str(main_window.data_dir))
        self.path_label.setObjectName("dataFolderPath")
        self.path_label.setAccessibleName("Data folder")
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = self._button("&Open folder", "openDataFolder", self.open_folder)
        described(self.open_button, "Opens the data folder in your file manager.")
        self.backup_button = self._button("&Back up now", "backUpNow", self.back_up_now)
        described(
            self.backup_button, "Brings today's copy of your history in the backups up to date."
        )
        self.restore_button = self._button("&Restore backup…", "restoreBackup", self.choose_backup)
        described(
            self.restore_button,
            "Lists your backups to choose one to restore; the history it replaces is kept.",
        )
        self.status = paragraph("")
        self.status.setObjectName("dataFolderStatus")
        self.status.setAccessibleName("Data folder status")
        buttons = QHBoxLayout()
        for button in (self.open_button, self.backup_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Data folder", 2))
        layout.addWidget(paragraph("Your history, settings and backups are kept in this folder:"))
        layout.addWidget(self.path_label)
        layout.addLayout(buttons)
        layout.addWidget(
            paragraph(
                "Backleg copies the history into the backups folder once a day. Back up now "
                "brings today's copy up to date. Restoring a backup keeps the history it "
                "replaces beside it, so nothing is lost."
            )
        )
        layout.addWidget(self.status)
        layout.addStretch(1)

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return button

    def load(self, settings: QSettings) -> None:
        pass  # nothing stored: the buttons act at once

    def apply(self, settings: QSettings) -> None:
        pass

    def open_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.main_window.data_dir)))

    def back_up_now(self) -> None:
        self._tell(backups_ui.back_up_now(self.main_window))

    def choose_backup(self) -> backups_ui.RestoreDialog:
        dialog = backups_ui.RestoreDialog(self.main_window.data_dir, self)
        dialog.accepted.connect(lambda: self._restore_chosen(dialog))
        self.restore_dialog = dialog
        dialog.open()
        return dialog

    def _restore_chosen(self, dialog: backups_ui.RestoreDialog) -> None:
        chosen = dialog.chosen()
        if chosen is not None:
            self._tell(backups_ui.restore(self.main_window, chosen))

    def _tell(self, message: str) -> None:
        self.status.setText(message)
