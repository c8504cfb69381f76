"""The Plans page: each plan as a table of exercise, sets, reps and rest."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.content.model import Library, Plan
from backleg_desktop.content.timed_plans import source_label
from backleg_desktop.ui.formatting import format_reps, format_rest, format_sets
from backleg_desktop.ui.links import exercise_link
from backleg_desktop.ui.widgets import (
    ReadableColumn,
    Section,
    VerticalScrollArea,
    heading,
    muted,
    paragraph,
)

COLUMNS = ("Exercise", "Sets", "Reps", "Rest")
LINK_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2  # the exercise's name without a mark


class PlanTable(QTableWidget):
    """A read-only plan table sized to its rows; Enter or double-click opens the exercise."""

    link_activated = Signal(str)

    def __init__(self, plan: Plan, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(len(plan.items), len(COLUMNS), parent)
        self.plan = plan
        self.setObjectName(f"planTable-{plan.id}")
        self.setAccessibleName(f"{plan.name} exercises")
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
            name = library.exercise(item.exercise_id).name
            cells = (name, format_sets(item), format_reps(item), format_rest(item.rest_seconds))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(LINK_ROLE, exercise_link(item.exercise_id))
                if column == 0:
                    cell.setToolTip(f"Open {name}")
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

    def mark_rows(self, marked: Callable[[str], bool], badge: str, note: str) -> None:
        """Mark the exercises `marked` says to clear first (the herniated-disc answer)."""
        for row, item in enumerate(self.plan.items):
            cell = self.item(row, 0)
            if cell is None:
                continue
            name = str(cell.data(NAME_ROLE) or cell.text())
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


class PlansPage(QWidget):
    link_activated = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plansPage")
        self.tables: dict[str, PlanTable] = {}
        self._sections: dict[str, Section] = {}
        self._marks: dict[str, QLabel] = {}  # the herniated-disc note under each table
        page = ReadableColumn()
        page.add(heading("Plans", 1))
        page.add(
            muted(
                paragraph(
                    "The trainer's article gives two ways to use its five main exercises; the "
                    "gentle day is Backleg's own suggestion for a sore day, built on the "
                    "article. Reps marked “per leg” are done on each side; a hold is timed. "
                    "Open an exercise with a double-click or Enter on its row."
                )
            )
        )
        for plan in library.plans.values():
            section = Section(plan.name)
            source = muted(paragraph(source_label(plan.source)))
            source.setObjectName(f"planSource-{plan.id}")
            section.add(source)
            section.add(paragraph(plan.summary))
            table = PlanTable(plan, library)
            table.link_activated.connect(self.link_activated)
            section.add(table)
            mark = section.add(paragraph(""))
            mark.setObjectName(f"planDiscMark-{plan.id}")
            mark.hide()
            self._marks[plan.id] = cast(QLabel, mark)
            page.add(section)
            self.tables[plan.id] = table
            self._sections[plan.id] = section
        self._scroll = VerticalScrollArea(page, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scroll)
        first = next(iter(self.tables.values()), None)
        if first is not None:
            self.setFocusProxy(first)

    def mark_exercises(
        self,
        marked: Callable[[str], bool],
        badge: str,
        note: str,
        summary: Callable[[list[str]], str],
    ) -> None:
        """Mark, in every plan, the exercises `marked` says to clear with a doctor first
        (`note` as their tooltip); under its table, `summary` of their names."""
        for plan_id, table in self.tables.items():
            table.mark_rows(marked, badge, note)
            names = [
                str(cell.data(NAME_ROLE))
                for r, item in enumerate(table.plan.items)
                if marked(item.exercise_id) and (cell := table.item(r, 0)) is not None
            ]
            label = self._marks[plan_id]
            label.setText(summary(names) if names else "")
            label.setVisible(bool(names))

    def show_plan(self, plan_id: str) -> None:
        """Scroll the plan into view and put the keyboard on its table."""
        table = self.tables[plan_id]
        self._scroll.ensureWidgetVisible(self._sections[plan_id], 0, 0)
        table.setFocus(Qt.FocusReason.OtherFocusReason)
        if table.currentRow() < 0:
            table.selectRow(0)
