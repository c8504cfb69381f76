"""Which columns of a table are shown: the user's choice from the header's context menu,
remembered in settings, or, until they choose, the optional columns that fit.

Main columns are always shown; one of them stretches (and elides, the full text in its
tooltip), so the table never needs sideways scrolling. The stretching column's texts come
first: it is given the width of its longest text that can be shown whole beside the other
main columns, and only the room left is for the optional columns, in order of priority
(those listed in `before_names` come before the names, when they have values).
While the user has not chosen, each is shown if it has something to show and fits; those
left out for room are named in the header menu. Once the user ticks or unticks one there,
their set of hidden columns is kept under `key` and applied as it is.

Widths follow the table's font and contents: the table is fitted again when its viewport
is resized, its font changes (a new system font while the app runs) or its rows change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    SignalInstance,
)
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
        samples: Mapping[int, str] | None = None,
        before_names: Sequence[int] = (),
    ) -> None:
        """`samples`: columns as wide as a sample text in the table's font (the user may
        drag them), for lists too long to measure; the others fit their shown rows."""
        super().__init__(view)
        self.view = view
        self.key = key
        self.main = tuple(main)
        self.optional = tuple(optional)
        self.stretch = stretch
        self.min_stretch = min_stretch
        self._has_values = has_values
        self._samples = dict(samples or {})
        self.before_names = tuple(c for c in optional if c in before_names)
        self._fitting = False
        self._fit_pending = False
        self._model: QAbstractItemModel | None = None
        self._names: dict[str, int] | None = None  # the stretching column's texts → widths
        self._no_room: list[int] = []  # optional columns with values, left out for room
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
        view.installEventFilter(self)  # its font changes

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
        if self._no_room:
            left_out = ", ".join(_title(model, c) for c in self._no_room)
            note = menu.addAction(f"Not shown, for lack of room: {left_out}")
            note.setEnabled(False)
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

    def hidden_for_room(self) -> list[str]:
        """The titles of the optional columns left out because they did not fit."""
        model = self.view.model()
        return [] if model is None else [_title(model, c) for c in self._no_room]

    # --- fitting ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize and watched is self.view.viewport():
            self.fit()
        elif kind == QEvent.Type.FontChange and watched is self.view:
            # The header and the rows take the new font in the same pass: measure after it.
            self._names = None
            self._fit_soon()
        return False

    def _fit_soon(self) -> None:
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self, self._fit_now)

    def _fit_now(self) -> None:
        self._fit_pending = False
        self.fit()

    def fit(self) -> None:
        """Show the main columns, and the optional ones chosen or (by default) that fit."""
        if self._fitting or self.view.model() is None:
            return
        self._fitting = True
        try:
            self._watch_model()
            self._fit()
        finally:
            self._fitting = False

    def _fit(self) -> None:
        header = self.view.horizontalHeader()
        model = self.view.model()
        for column in range(model.columnCount()):
            if column == self.stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            elif column in self._samples:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, self._width(column))
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in self.main:
            self.view.setColumnHidden(column, False)
        self._no_room = []
        if self._chosen is not None:
            for column in self.optional:
                self.view.setColumnHidden(column, self._hidden_by_choice(column))
            self._tell_no_room()
            return
        room = self.view.viewport().width()
        room -= sum(self._width(c) for c in self.main if c != self.stretch)
        shown: set[int] = set()
        for column in self.before_names:  # beside the names' least room
            if self._wanted(column) and self._width(column) <= room - self.stretch_room():
                shown.add(column)
                room -= self._width(column)
        room -= self.names_width(room)
        for column in self.optional:
            wanted = self._wanted(column)
            later = column not in self.before_names
            if later and wanted and self._width(column) <= room:
                shown.add(column)
                room -= self._width(column)
            if wanted and column not in shown:
                self._no_room.append(column)
            self.view.setColumnHidden(column, column not in shown)
        self._tell_no_room()

    def _wanted(self, column: int) -> bool:
        return self._has_values is None or self._has_values(column)

    def _tell_no_room(self) -> None:
        tip = "Right-click to choose the columns shown."
        if self._no_room:
            tip += f" Not shown, for lack of room: {', '.join(self.hidden_for_room())}."
        self.view.horizontalHeader().setToolTip(tip)

    def names_width(self, room: int) -> int:
        """What the stretching column claims before any optional column: its longest text
        that fits whole in `room` (a longer one is cut whatever else is left out), and
        at least `stretch_room`."""
        whole = [w for w in self._name_widths().values() if w <= room]
        return max([self.stretch_room(), *whole])

    # --- measuring ----------------------------------------------------------------------

    def _watch_model(self) -> None:
        """Measure the stretching column's texts again when a new model's rows change."""
        model = self.view.model()
        if model is self._model:
            return
        if self._model is not None:
            for signal in self._model_signals(self._model):
                signal.disconnect(self._rows_changed)
            self._model.rowsInserted.disconnect(self._rows_added)
        self._model = model
        self._names = None
        for signal in self._model_signals(model):
            signal.connect(self._rows_changed)
        model.rowsInserted.connect(self._rows_added)

    @staticmethod
    def _model_signals(model: QAbstractItemModel) -> tuple[SignalInstance, ...]:
        return (model.modelReset, model.rowsRemoved, model.dataChanged, model.layoutChanged)

    def _rows_changed(self, *_args: object) -> None:
        self._names = None
        self._fit_soon()

    def _rows_added(self, _parent: object, first: int, last: int) -> None:
        if self._names is not None:  # a list's next page: measure only its rows
            self._names.update(self._measure(first, last))
        self._fit_soon()

    def _name_widths(self) -> dict[str, int]:
        """Each text of the stretching column with the width its cell needs (the delegate's
        size hint and the grid line), measured once per change of rows or font."""
        if self._names is None:
            self._names = self._measure(0, self.view.model().rowCount() - 1)
        return self._names

    def _measure(self, first: int, last: int) -> dict[str, int]:
        model = self.view.model()
        grid = 1 if self.view.showGrid() else 0
        first_row: dict[str, int] = {}
        for row in range(first, last + 1):
            first_row.setdefault(str(model.index(row, self.stretch).data() or ""), row)
        return {  # the delegate's own measure, once per distinct text
            text: self.view.sizeHintForIndex(model.index(row, self.stretch)).width() + grid
            for text, row in first_row.items()
        }

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
        header = self.view.horizontalHeader()
        if column in self._samples:  # the sample's text in today's font, with the margins
            sample = self.view.fontMetrics().horizontalAdvance(self._samples[column]) + 12
            return max(sample, header.sectionSizeHint(column))
        return max(self.view.sizeHintForColumn(column), header.sectionSizeHint(column))


def _title(model: object, column: int) -> str:
    text = model.headerData(column, Qt.Orientation.Horizontal)  # type: ignore[attr-defined]
    return str(text or column)
