"""The bar above the sessions list: plan, exercise and date filters, and the count shown."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from backleg_desktop.content.model import Library
from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.history.table_model import HistoryFilter
from backleg_desktop.ui.widgets import muted

ANY_DATE = QDate(2000, 1, 1)  # the date edits show "Any" at this date
TITLE_PREFIX = "title:"  # the plan filter's data for an imported workout's title


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone()


def _day(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class FilterDateEdit(QDateEdit):
    """A date box whose Tab moves on while it shows "Any": Qt's keeps the focus there,
    stepping between day, month and year sections that are not shown (a Tab trap)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        if self.specialValueText() and self.date() == self.minimumDate():
            return QAbstractSpinBox.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)


class HistoryFilterBar(QWidget):
    changed = Signal()  # a filter was changed by the user (not by clear() or a refill)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.plan_combo = QComboBox(self)
        self.plan_combo.setObjectName("planFilter")
        self.fill_plans([])
        self.exercise_combo = QComboBox(self)
        self.exercise_combo.setObjectName("exerciseFilter")
        self.fill_exercises([])
        self.since_edit = self._date_edit("sinceFilter")
        self.until_edit = self._date_edit("untilFilter")
        self.clear_button = QPushButton("Clear filters", self)
        self.clear_button.setObjectName("clearFilters")
        described(
            self.plan_combo, "Shows only the sessions done with the plan chosen here.", name="Plan"
        )
        described(
            self.exercise_combo,
            "Shows only the sessions with at least one set of this exercise.",
            name="Exercise",
        )
        described(self.since_edit, "Shows only sessions on or after this day.", name="From")
        described(self.until_edit, "Shows only sessions on or before this day.", name="To")
        described(self.clear_button, "Sets every filter back to any, so all sessions show.")
        self.count_label = muted(QLabel(self))
        self.count_label.setObjectName("sessionCount")

        # Two halves side by side, one above the other when a large system font makes
        # them wider than the page (at 1024×700 with 14 pt they were squeezed and cut).
        self._bar = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._bar.setContentsMargins(0, 0, 0, 0)
        self._halves = (QHBoxLayout(), QHBoxLayout())
        for half, pairs in zip(
            self._halves,
            (
                (("Plan", self.plan_combo), ("Exercise", self.exercise_combo)),
                (("From", self.since_edit), ("To", self.until_edit)),
            ),
            strict=True,
        ):
            for text, widget in pairs:
                label = QLabel(text, self)
                label.setBuddy(widget)
                half.addWidget(label)
                half.addWidget(widget)
            self._bar.addLayout(half)
        self._halves[1].addWidget(self.clear_button)
        self._halves[1].addStretch(1)
        self._halves[1].addWidget(self.count_label)
        for combo in (self.plan_combo, self.exercise_combo):
            combo.currentIndexChanged.connect(self.changed)
        for edit in (self.since_edit, self.until_edit):
            edit.dateChanged.connect(self.changed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        one_row = sum(half.sizeHint().width() for half in self._halves) + self._bar.spacing()
        wide = event.size().width() >= one_row
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._bar.direction() != direction:
            self._bar.setDirection(direction)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = FilterDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd MMM yyyy")
        edit.setMinimumDate(ANY_DATE)
        edit.setSpecialValueText("Any")  # shown at the minimum date: no limit
        edit.setDate(ANY_DATE)
        return edit

    def fill_exercises(self, user_exercises: list[tuple[str, str]]) -> None:
        """The library's exercises and the user's own, by name; the choice is kept."""
        combo = self.exercise_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("Any exercise", None)
        names = [(e.name, e.id) for e in self.library.exercises.values()]
        names += [(name, exercise_id) for exercise_id, name in user_exercises]
        for name, exercise_id in sorted(names, key=lambda pair: pair[0].casefold()):
            combo.addItem(name, exercise_id)
        found = combo.findData(current)
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def fill_plans(self, titles: list[tuple[str | None, str]]) -> None:
        """The built-in plans, then each other plan and imported workout title the history
        holds (`WorkoutService.session_titles`); the choice is kept."""
        combo = self.plan_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("Any plan", None)
        for plan in self.library.plans.values():
            combo.addItem(plan.name, plan.id)
        others = sorted(
            ((name, plan_id) for plan_id, name in titles if plan_id not in self.library.plans),
            key=lambda pair: (pair[1] is None, pair[0].casefold()),
        )
        if others:
            combo.insertSeparator(combo.count())
        for name, plan_id in others:  # user plans by id, then imported titles by name
            combo.addItem(name, plan_id if plan_id is not None else TITLE_PREFIX + name)
            if plan_id is None:
                combo.setItemData(combo.count() - 1, "An imported workout", 3)  # ToolTipRole
        found = combo.findData(current)
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def exercise_ids(self) -> list[str]:
        combo = self.exercise_combo
        return [combo.itemData(i) for i in range(1, combo.count())]

    def current_filter(self) -> HistoryFilter:
        since = until = None
        if self.since_edit.date() != ANY_DATE:
            since = local_midnight(_day(self.since_edit.date()))
        if self.until_edit.date() != ANY_DATE:
            until = local_midnight(_day(self.until_edit.date()) + timedelta(days=1))
        chosen = self.plan_combo.currentData()
        title = None
        if isinstance(chosen, str) and chosen.startswith(TITLE_PREFIX):
            title = chosen.removeprefix(TITLE_PREFIX)
            chosen = None
        return HistoryFilter(
            title=title,
            plan_id=chosen,
            exercise_id=self.exercise_combo.currentData(),
            since=since,
            until=until,
        )

    def clear(self) -> None:
        """Back to no filters, without a `changed` per widget."""
        widgets = (self.plan_combo, self.exercise_combo, self.since_edit, self.until_edit)
        for widget in widgets:
            widget.blockSignals(True)
        self.plan_combo.setCurrentIndex(0)
        self.exercise_combo.setCurrentIndex(0)
        self.since_edit.setDate(ANY_DATE)
        self.until_edit.setDate(ANY_DATE)
        for widget in widgets:
            widget.blockSignals(False)

    def set_usable(self, usable: bool) -> None:
        for widget in (self.plan_combo, self.exercise_combo, self.since_edit, self.until_edit):
            widget.setEnabled(usable)
        self.clear_button.setEnabled(usable)
        if not usable:
            self.count_label.setText("Your history appears here once it is open.")

    def show_count(self, total: int) -> None:
        noun = "session" if total == 1 else "sessions"
        self.count_label.setText(f"{total:,} {noun}")
