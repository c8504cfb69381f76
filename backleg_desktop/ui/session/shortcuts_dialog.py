"""Help → Keyboard shortcuts: every key the app offers, in one table (shortcut_list.py)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.session.shortcut_list import shortcut_entries


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.entries = shortcut_entries(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.table = QTableWidget(len(self.entries), 3, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        described(
            self.table,
            "Every key Backleg knows: where it works, the keys and what they do.",
            name="Keyboard shortcuts",
        )
        self.table.setHorizontalHeaderLabels(["Where", "Keys", "What it does"])
        for row, values in enumerate(self.entries):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        described(close, "Closes the list of keyboard shortcuts.")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def keys(self) -> list[str]:
        items = (self.table.item(row, 1) for row in range(self.table.rowCount()))
        return [item.text() for item in items if item is not None]
