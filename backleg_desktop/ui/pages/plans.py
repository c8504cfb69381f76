"""The Plans page: every plan in a list (Enter starts the one chosen), and beside it the
chosen plan: where it comes from, its summary, what you can do with it, and its table.

Built-in plans (the article's and Backleg's suggestions) are read-only; any plan can be
duplicated into one of your own, and your own can be edited, renamed and deleted
(ui/plans/actions.py). The plans come from the window's `PlanBook`, so the list follows
every save, rename, delete and import.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.content.model import Library, Plan
from backleg_desktop.content.timed_plans import SOURCE_LABELS
from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.pages.plan_table import COLUMNS, LINK_ROLE, PlanTable
from backleg_desktop.ui.plans import actions
from backleg_desktop.ui.plans.book import PlanBook
from backleg_desktop.ui.widgets import (
    PAGE_MARGIN,
    ReadableColumn,
    VerticalScrollArea,
    focus_enters,
    heading,
    muted,
    paragraph,
)

__all__ = ["COLUMNS", "LINK_ROLE", "PlanTable", "PlansPage"]
PLAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OWN_LABEL = "Your own plan"
SHORT_LABELS = {"article": "The article's plan", "backleg": "Backleg's suggestion"}
BUILT_IN_NOTE = "Built in, so it stays as it is: duplicate it to make a version of your own."
INTRO = (
    "Reps marked “per leg” are done on each side; a hold is timed. Open an exercise "
    "with a double-click or Enter on its row."
)


def source_text(plan: Plan) -> str:
    return SOURCE_LABELS.get(plan.source, OWN_LABEL)


class PlanList(QListWidget):
    """The plans, one row each; Enter asks to start the chosen one."""

    start_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.start_requested.emit()
            return
        super().keyPressEvent(event)


class PlanDetail(QWidget):
    """One plan: heading, source, summary, its buttons and its table."""

    def __init__(self, plan: Plan, own: bool, table: PlanTable, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        column = ReadableColumn()
        column.add(heading(plan.name, 1))
        source = muted(paragraph(source_text(plan)))
        source.setObjectName(f"planSource-{plan.id}")
        column.add(source)
        if plan.summary:
            column.add(paragraph(plan.summary))
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        names = ("start", "duplicate") + (("edit", "rename", "delete") if own else ())
        texts = {
            "start": "&Start this plan",
            "duplicate": "D&uplicate…",
            "edit": "&Edit…",
            "rename": "Re&name…",
            "delete": "&Delete…",
        }
        does = {
            "start": f"Starts a session of {plan.name}; Enter in the list of plans does too.",
            "duplicate": "Opens the editor on a copy of this plan that you can change.",
            "edit": "Opens this plan in the editor to change its exercises and numbers.",
            "rename": "Asks for a new name for this plan.",
            "delete": "Deletes this plan after asking; History keeps its sessions.",
        }
        for name in names:
            button = QPushButton(texts[name], self)
            button.setObjectName(f"plan-{name}")
            described(button, does[name])
            row.addWidget(button)
            self.buttons[name] = button
        self.buttons["start"].setToolTip("Enter in the list of plans starts it too")
        row.addStretch(1)
        bar = QWidget()
        bar.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        column.add(bar)
        if not own:
            column.add(muted(paragraph(BUILT_IN_NOTE)))
        column.add(table)
        self.disc_mark = paragraph("")  # the herniated-disc note, when the answer is yes
        self.disc_mark.setObjectName(f"planDiscMark-{plan.id}")
        self.disc_mark.hide()
        column.add(self.disc_mark)
        notes = [
            f"{table.link_text(row)}: {item.note}"
            for row, item in enumerate(plan.items)
            if item.note
        ]
        if notes:  # shown during the session too, on the exercise's screen
            self.notes = paragraph("Notes\n" + "\n".join(notes))
            self.notes.setObjectName(f"planNotes-{plan.id}")
            column.add(self.notes)
        column.add(muted(paragraph(INTRO)))
        self.scroll_area = VerticalScrollArea(column, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        focus_enters(self, lambda: table)


class PlansPage(QWidget):
    link_activated = Signal(str)
    start_requested = Signal(str)  # plan id

    def __init__(
        self, library: Library, book: PlanBook | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("plansPage")
        self.library = library
        self.book = book if book is not None else PlanBook(library, self)
        self.tables: dict[str, PlanTable] = {}
        self.details: dict[str, PlanDetail] = {}
        self.editor: QWidget | None = None  # the editor open now, for tests
        self._marker: Callable[[], None] | None = None  # re-marks the plans after a rebuild

        self.list = PlanList(self)
        self.list.setObjectName("planChoices")
        described(
            self.list,
            "Every plan, the article's and your own. Choose one to see it; Enter starts it.",
            name="Plans",
        )
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.setMaximumWidth(self.fontMetrics().averageCharWidth() * 34)
        self.new_button = QPushButton("&New plan…", self)
        self.new_button.setObjectName("newPlan")
        described(self.new_button, "Opens the editor on an empty plan of your own.")
        self.stack = QStackedWidget(self)

        side = QVBoxLayout()
        side.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, 0, PAGE_MARGIN)
        side.addWidget(heading("Plans", 1, self))
        side.addWidget(self.list, 1)
        side.addWidget(self.new_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(side)
        layout.addWidget(self.stack, 1)

        self.list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.list.start_requested.connect(self.start_current)
        self.new_button.clicked.connect(self.new_plan)
        self.book.changed.connect(self.refresh)
        self.refresh()
        focus_enters(self, lambda: self.list)

    # -- the list ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild from the book, keeping the plan that was chosen."""
        chosen = self.current_plan_id()
        focus = QApplication.focusWidget()
        had_focus = focus is not None and any(
            detail.isAncestorOf(focus) for detail in self.details.values()
        )
        self.list.blockSignals(True)
        self.list.clear()
        for detail in self.details.values():
            self.stack.removeWidget(detail)
            detail.deleteLater()
        self.tables.clear()
        self.details.clear()
        for plan in self.book.plans():
            self._add(plan)
        if self._marker is not None:
            self._marker()
        self.list.blockSignals(False)
        ids = list(self.details)
        row = ids.index(chosen) if chosen in ids else 0
        self.list.setCurrentRow(row)
        self.stack.setCurrentIndex(row)
        self.new_button.setEnabled(self.book.ready)
        self.new_button.setToolTip("" if self.book.ready else "Your history is not open yet.")
        if had_focus:  # its buttons are gone (a rename, a delete): the keyboard goes to the list
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add(self, plan: Plan) -> None:
        own = self.book.is_own(plan)
        label = OWN_LABEL if own else SHORT_LABELS.get(str(plan.source), "")
        item = QListWidgetItem(f"{plan.name}\n{label}", self.list)
        item.setData(PLAN_ID_ROLE, plan.id)
        item.setToolTip(plan.summary)
        line = self.list.fontMetrics().lineSpacing()
        item.setSizeHint(QSize(0, line * 2 + 14))  # two lines with room between plans
        table = PlanTable(plan, self.book.exercise_name)
        table.link_activated.connect(self.link_activated)
        detail = PlanDetail(plan, own, table)
        buttons = detail.buttons
        buttons["start"].clicked.connect(lambda: self.start_requested.emit(plan.id))
        buttons["duplicate"].clicked.connect(lambda: self._duplicate(plan))
        if own:
            buttons["edit"].clicked.connect(lambda: self._edit(plan))
            buttons["rename"].clicked.connect(lambda: self._rename(plan))
            buttons["delete"].clicked.connect(lambda: actions.delete_plan(self, self.book, plan))
        for name in ("duplicate", "edit", "rename", "delete"):
            if name in buttons:
                buttons[name].setEnabled(self.book.ready)
        self.stack.addWidget(detail)
        self.tables[plan.id] = table
        self.details[plan.id] = detail

    def mark_exercises(
        self,
        marked: Callable[[str], bool],
        badge: str,
        note: str,
        summary: Callable[[list[str]], str],
    ) -> None:
        """Mark, in every plan, the exercises `marked` says to clear with a doctor first
        (`note` as their tooltip); under its table, `summary` of their names."""

        def mark() -> None:
            for plan_id, table in self.tables.items():
                table.mark_rows(marked, badge, note)
                names = [
                    table.link_text(row)
                    for row, item in enumerate(table.plan.items)
                    if marked(item.exercise_id)
                ]
                label = self.details[plan_id].disc_mark
                label.setText(summary(names) if names else "")
                label.setVisible(bool(names))

        self._marker = mark
        mark()

    def current_plan_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(PLAN_ID_ROLE))

    def start_current(self) -> None:
        plan_id = self.current_plan_id()
        if plan_id is not None:
            self.start_requested.emit(plan_id)

    def show_plan(self, plan_id: str) -> None:
        """Choose the plan and put the keyboard on its table."""
        ids = list(self.details)
        if plan_id not in ids:
            return
        self.list.setCurrentRow(ids.index(plan_id))
        table = self.tables[plan_id]
        table.setFocus(Qt.FocusReason.OtherFocusReason)
        if table.currentRow() < 0 and table.rowCount():
            table.selectRow(0)

    # -- the buttons ---------------------------------------------------------------------
    def new_plan(self) -> None:
        self._opened(actions.new_plan(self, self.book))

    def _duplicate(self, plan: Plan) -> None:
        self._opened(actions.duplicate_plan(self, self.book, plan))

    def _edit(self, plan: Plan) -> None:
        self._opened(actions.edit_plan(self, self.book, plan))

    def _rename(self, plan: Plan) -> None:
        renamed = actions.rename_plan(self, self.book, plan)
        if renamed is not None:
            self.show_plan(renamed.id)

    def _opened(self, editor: actions.PlanEditor) -> None:
        self.editor = editor
        editor.saved.connect(lambda plan: self.show_plan(plan.id))
