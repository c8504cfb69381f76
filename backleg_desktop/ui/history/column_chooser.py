"""Which columns of a table are shown: the user's choice from the header's context menu,
remembered in settings, or, until they choose, the optional columns that fit.

Main columns are always shown; one of them stretches (and elides, the full text in its
tooltip), so the table never needs sideways scrolling. Optional columns come in order of
priority: while the user has not chosen, each is shown if it has something to show and
fits beside the columns before it; once they tick or untick one in the header menu, their
set of hidden columns is kept under `key` and applied as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

# A column the user has not chosen to hide, shown only if it has a value in some row.
HasValues = Callable[[int], bool]


class ColumnChooser(QObject):
    def __init__(
        self,
        view: QTableView,
        *,
        key: str,
        main: Sequence[int],
        optional: Sequence[int],
        stretch: int,
        min_stretch: int = 140,
        has_values: HasValues | None = None,
        widths: Mapping[int, int] | None = None,
    ) -> None:
        """`widths`: fixed widths (the user may drag them); without, columns fit their text."""
        super().__init__(view)
        self.view = view
        self.key = key
        self.main = tuple(main)
        self.optional = tuple(optional)
        self.stretch = stretch
        self.min_stretch = min_stretch
        self._has_values = has_values
        self._widths = dict(widths or {})
        self._fitting = False
        self._settings: QSettings | None = None
        self._chosen: set[str] | None = None  # titles hidden by the user's choice
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._menu_at)
        header.setToolTip("Right-click to choose the columns shown.")
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.viewport().installEventFilter(self)

    # --- settings ---------------------------------------------------------------------

    def use_settings(self, settings: QSettings) -> None:
        self._settings = settings
        stored = settings.value(self.key)
        if stored is None:
            self._chosen = None
        else:
            names = [stored] if isinstance(stored, str) else list(stored)
            self._chosen = {str(n) for n in names if n}
        self.fit()

    def _remember(self) -> None:
        if self._settings is None or self._chosen is None:
            return
        # An empty choice is stored as "" (there, unlike a choice never made).
        self._settings.setValue(self.key, sorted(self._chosen) or "")

    def _hidden_by_choice(self, column: int) -> bool:
        model = self.view.model()
        return (
            self._chosen is not None and model is not None and _title(model, column) in self._chosen
        )

    # --- the menu ---------------------------------------------------------------------

    def menu(self) -> QMenu:
        """The header's menu: one checkable entry per optional column."""
        menu = QMenu(self.view)
        model = self.view.model()
        if model is None:
            return menu
        for column in self.optional:
            action = QAction(_title(model, column), menu)
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self.choose(c, on))
            menu.addAction(action)
        menu.addSeparator()
        automatic = menu.addAction("Show what fits")
        automatic.setEnabled(self._chosen is not None)
        automatic.triggered.connect(self.reset)
        return menu

    def _menu_at(self, point: QPoint) -> None:
        self.menu().popup(self.view.horizontalHeader().mapToGlobal(point))

    def choose(self, column: int, shown: bool) -> None:
        """Show or hide an optional column as the user asked; remembered."""
        if column not in self.optional:
            return
        model = self.view.model()
        if model is None:
            return
        if self._chosen is None:  # start from what is shown now
            self._chosen = {_title(model, c) for c in self.optional if self.view.isColumnHidden(c)}
        if shown:
            self._chosen.discard(_title(model, column))
        else:
            self._chosen.add(_title(model, column))
        self._remember()
        self.fit()

    def reset(self) -> None:
        """Back to showing the optional columns that fit."""
        self._chosen = None
        if self._settings is not None:
            self._settings.remove(self.key)
        self.fit()

    def hidden_by_choice(self) -> set[str] | None:
        """The titles of the columns the user hid; None until they choose."""
        return None if self._chosen is None else set(self._chosen)

    # --- fitting ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def set_widths(self, widths: Mapping[int, int]) -> None:
        self._widths = dict(widths)
        self.fit()

    def fit(self) -> None:
        """Show the main columns, and the optional ones chosen or (by default) that fit."""
        if self._fitting or self.view.model() is None:
            return
        self._fitting = True
        try:
            self._fit()
        finally:
            self._fitting = False

    def _fit(self) -> None:
        header = self.view.horizontalHeader()
        model = self.view.model()
        for column in range(model.columnCount()):
            if column == self.stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            elif column in self._widths:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, self._widths[column])
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in self.main:
            self.view.setColumnHidden(column, False)
        if self._chosen is not None:
            for column in self.optional:
                self.view.setColumnHidden(column, self._hidden_by_choice(column))
            return
        room = self.view.viewport().width() - self.stretch_room()
        room -= sum(self._width(c) for c in self.main if c != self.stretch)
        for column in self.optional:
            wanted = self._has_values is None or self._has_values(column)
            width = self._width(column)
            show = wanted and width <= room
            if show:
                room -= width
            self.view.setColumnHidden(column, not show)

    def needed_width(self) -> int:
        """The width the main columns need (the stretching one at its minimum), with the
        table's frame and vertical scroll bar."""
        view = self.view
        columns = sum(self._width(c) for c in self.main if c != self.stretch)
        chrome = 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()
        rows = view.verticalHeader()
        return columns + self.stretch_room() + chrome + (0 if rows.isHidden() else rows.width())

    def stretch_room(self) -> int:
        """The stretching column's least width: `min_stretch`, or 14 characters of a
        larger font (a large system font would otherwise cut its names short)."""
        return max(self.min_stretch, self.view.fontMetrics().horizontalAdvance("x" * 14))

    def _width(self, column: int) -> int:
        if column in self._widths:
            return self._widths[column]
        header = self.view.horizontalHeader()
        return max(self.view.sizeHintForColumn(column), header.sectionSizeHint(column))


def _title(model: object, column: int) -> str:
    text = model.headerData(column, Qt.Orientation.Horizontal)  # type: ignore[attr-defined]
    return str(text or column)
