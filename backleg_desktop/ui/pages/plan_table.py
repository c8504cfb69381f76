"""A plan as a read-only table of exercise, sets, reps and rest, sized to its rows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from backleg_desktop.content.model import Plan, PlanItem
from backleg_desktop.domain.history import user_exercise_name
from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.formatting import format_reps, format_rest, format_sets
from backleg_desktop.ui.links import exercise_link

COLUMNS = ("Exercise", "Sets", "Reps", "Rest")
LINK_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2  # the exercise's name without a mark


def sets_text(item: PlanItem) -> str:
    """ "3", or with warm-up sets "1 warm-up + 3" (they come first)."""
    warmup = item.warmup_sets
    sets = format_sets(item)
    return f"{warmup} warm-up + {sets}" if warmup else sets


class PlanTable(QTableWidget):
    """A read-only plan table sized to its rows; Enter or double-click opens the exercise."""

    link_activated = Signal(str)

    def __init__(
        self, plan: Plan, name_of: Callable[[str], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(len(plan.items), len(COLUMNS), parent)
        self.plan = plan
        self.setObjectName(f"planTable-{plan.id}")
        described(
            self,
            "Each exercise of the plan with its sets, reps and rest; Enter opens the exercise.",
            name=f"{plan.name} exercises",
        )
        self.setHorizontalHeaderLabels(COLUMNS)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)  # one line per row keeps the fitted height exact
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between rows
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for row, item in enumerate(plan.items):
            name = name_of(item.exercise_id)
            cells = (name, sets_text(item), format_reps(item), format_rest(item.rest_seconds))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                # Your own exercises have no page to open.
                own = user_exercise_name(item.exercise_id) is not None
                cell.setData(LINK_ROLE, "" if own else exercise_link(item.exercise_id))
                if column == 0 and not own:
                    note = item.note
                    cell.setToolTip(f"Open {name}" + (f"\nNote: {note}" if note else ""))
                self.setItem(row, column, cell)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        padding = 2 * self.fontMetrics().averageCharWidth()
        for column in range(1, len(COLUMNS)):
            # Fitted to the widest value plus some air, so numbers never touch the grid.
            self.resizeColumnToContents(column)
            self.setColumnWidth(column, self.columnWidth(column) + padding)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.activated.connect(self._open)
        self._fit_height()

    def _fit_height(self) -> None:
        # Roomy rows, from the font so they scale with it.
        self.verticalHeader().setDefaultSectionSize(round(self.fontMetrics().height() * 1.9))
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        header = self.horizontalHeader().sizeHint().height()
        self.setFixedHeight(rows + header + 2 * self.frameWidth())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        self._fit_height()  # font or style changes alter row heights

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_height()  # the style is final once shown

    def link_text(self, row: int) -> str:
        """The exercise's name on `row` (without a mark)."""
        item = self.item(row, 0)
        return "" if item is None else str(item.data(NAME_ROLE) or item.text())

    def mark_rows(self, marked: Callable[[str], bool], badge: str, note: str) -> None:
        """Mark the exercises `marked` says to clear first (the herniated-disc answer)."""
        for row, item in enumerate(self.plan.items):
            cell = self.item(row, 0)
            if cell is None:
                continue
            name = self.link_text(row)
            cell.setData(NAME_ROLE, name)
            on = marked(item.exercise_id)
            cell.setText(f"{name}   {badge}" if on else name)
            cell.setToolTip(note if on else f"Open {name}")

    def link_at(self, row: int) -> str:
        item = self.item(row, 0)
        return "" if item is None else str(item.data(LINK_ROLE))

    def _open(self, index: QModelIndex) -> None:
        link = self.link_at(index.row()) if index.isValid() else ""
        if link:
            self.link_activated.emit(link)
