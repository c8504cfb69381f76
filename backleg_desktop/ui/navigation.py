"""The sidebar that lists the main window's pages.

It is part of the first frame the user sees, so building it touches neither the Qt
namespace (its enums cost about 11 ms on first use) nor the viewport's Python wrapper
(about 6 ms): see `finish_setup()` for what waits until after the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListWidget, QListWidgetItem, QWidget

from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.fonts import set_scaled_font

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon  # its first use costs about 1 ms: not in the first frame

# Qt.ItemDataRole.UserRole + 1, spelled as a number so this module never loads the Qt namespace.
KEY_ROLE = 0x0100 + 1
_FONT_SCALE = 1.1


class NavigationSidebar(QListWidget):
    """One row per page; selecting a row asks for that page (page_requested(key))."""

    page_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        described(
            self,
            "The pages of Backleg. Up and Down choose one; Ctrl and a digit go to it anywhere.",
            name="Pages",
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(22, 22))
        set_scaled_font(self, _FONT_SCALE)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        # The window's colour behind the rows. For the first frame the viewport gets it
        # through the palette; finish_setup() sets the role itself, which follows themes.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        self.setPalette(palette)
        self.currentItemChanged.connect(self._on_current_changed)
        self._updating = False

    def finish_setup(self) -> None:
        """The rest of the set-up, once the first frame has been painted."""
        from PySide6.QtCore import Qt

        from backleg_desktop.ui.focus_ring import FocusRowDelegate

        self.setItemDelegate(FocusRowDelegate(self))  # its focus shows at the window's edge

        self.setPalette(QPalette())  # inherit the application's palette again
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def add_entry(self, key: str, title: str, icon: QIcon | None = None) -> QListWidgetItem:
        """A row for `key`; a row reserved for it earlier (see `reserve`) is filled in."""
        for row in range(self.count()):
            item = self.item(row)
            if item.data(KEY_ROLE) == key:
                item.setText(title)
                if icon is not None:
                    item.setIcon(icon)
                self._fit_width()
                return item
        item = QListWidgetItem(title, self)
        if icon is not None:
            item.setIcon(icon)
        item.setData(KEY_ROLE, key)
        item.setSizeHint(self._row_size())
        self._fit_width()
        return item

    def _row_size(self) -> QSize:
        return QSize(0, round(self.fontMetrics().height() * 2.2))  # roomy rows

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the system font changed while running
            for row in range(self.count()):
                self.item(row).setSizeHint(self._row_size())
            self._fit_width()

    def reserve(self, key: str, title: str) -> None:
        """Show a page's name before the page exists (the first frame of the window)."""
        self.add_entry(key, title)

    def remove_entry(self, key: str) -> None:
        for row in range(self.count()):
            if self.item(row).data(KEY_ROLE) == key:
                self.takeItem(row)
                self._fit_width()
                return

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
