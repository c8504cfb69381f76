"""The sidebar that lists the main window's pages."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListWidget, QListWidgetItem, QWidget

from backleg_desktop.ui.widgets import scaled_font

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class NavigationSidebar(QListWidget):
    """One row per page; selecting a row asks for that page (page_requested(key))."""

    page_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setAccessibleName("Pages")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(22, 22))
        self.setFont(scaled_font(self.font(), 1.1))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.currentItemChanged.connect(self._on_current_changed)
        self._updating = False

    def add_entry(self, key: str, title: str, icon: QIcon | None = None) -> QListWidgetItem:
        item = QListWidgetItem(icon or QIcon(), title, self)
        item.setData(KEY_ROLE, key)
        item.setSizeHint(QSize(0, round(self.fontMetrics().height() * 2.2)))  # roomy rows
        self._fit_width()
        return item

    def keys(self) -> list[str]:
        return [str(self.item(r).data(KEY_ROLE)) for r in range(self.count())]

    def mark_current(self, key: str) -> None:
        """Highlight `key` without asking for the page again."""
        self._updating = True
        try:
            for row in range(self.count()):
                if self.item(row).data(KEY_ROLE) == key:
                    self.setCurrentRow(row)
                    break
        finally:
            self._updating = False

    def current_key(self) -> str | None:
        item = self.currentItem()
        return None if item is None else str(item.data(KEY_ROLE))

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None and not self._updating:
            self.page_requested.emit(str(current.data(KEY_ROLE)))

    def _fit_width(self) -> None:
        widest = max(
            (
                self.fontMetrics().horizontalAdvance(self.item(r).text())
                for r in range(self.count())
            ),
            default=0,
        )
        self.setFixedWidth(widest + self.iconSize().width() + 64)
