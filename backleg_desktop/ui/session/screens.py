"""The session's simpler screens: plan chooser, resume offer, a notice (the pain check-in
is pain_screen.py).

Screens are views: they show what the page tells them and emit what the user asked for.
The session page (page.py) decides what happens, and its key handling routes keys here.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.content.model import Library, Plan
from backleg_desktop.domain.session_flow import RestChoice
from backleg_desktop.ui.session.widgets import action_button, big_label
from backleg_desktop.ui.widgets import PAGE_MARGIN, muted, paragraph, scaled_font

PLAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1

REST_CHOICES: tuple[tuple[RestChoice, str], ...] = (
    ("bottom", "Shortest rest in each plan's range"),
    ("middle", "Middle of each plan's range"),
    ("top", "Longest rest in each plan's range"),
)


def _column(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(PAGE_MARGIN * 2, PAGE_MARGIN, PAGE_MARGIN * 2, PAGE_MARGIN)
    layout.setSpacing(14)
    return layout


def ordered_plans(library: Library) -> list[Plan]:
    """Strength session first, Quick add-on second, then every other plan in file order."""
    first = [p for key in ("strength", "quick-add-on") if (p := library.plans.get(key))]
    return first + [p for p in library.plans.values() if p not in first]


def plan_blurb(plan: Plan) -> str:
    sets = sum(item.sets.high for item in plan.items)
    return f"{len(plan.items)} exercises · up to {sets} sets · {plan.summary}"


class PlanChooser(QWidget):
    start_requested = Signal(str)  # plan id
    rest_choice_changed = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planChooser")
        layout = _column(self)
        layout.addWidget(big_label("Start a session", 2.0))
        layout.addWidget(muted(paragraph("Pick a plan. Up and Down choose, Enter starts it.")))
        self.plans = QListWidget(self)
        self.plans.setObjectName("planList")
        self.plans.setAccessibleName("Plans")
        self.plans.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.plans.setWordWrap(True)
        self.plans.setSpacing(4)
        self.plans.setFont(scaled_font(self.plans.font(), 1.15))
        line = self.plans.fontMetrics().lineSpacing()
        for plan in ordered_plans(library):
            item = QListWidgetItem(f"{plan.name}\n{plan_blurb(plan)}", self.plans)
            item.setData(PLAN_ID_ROLE, plan.id)
            item.setSizeHint(QSize(0, line * 3 + 12))
        self.plans.setCurrentRow(0)
        self.plans.itemActivated.connect(lambda _item: self.request_start())
        self.plans.setMaximumHeight(line * 3 * max(3, self.plans.count()) + 60)
        layout.addWidget(self.plans)

        rest_row = QHBoxLayout()
        rest_label = QLabel("&Rest between sets:", self)
        self.rest_choice = QComboBox(self)
        self.rest_choice.setObjectName("restChoice")
        for value, text in REST_CHOICES:
            self.rest_choice.addItem(text, value)
        rest_label.setBuddy(self.rest_choice)
        self.rest_choice.currentIndexChanged.connect(
            lambda _i: self.rest_choice_changed.emit(self.rest_choice.currentData())
        )
        rest_row.addWidget(rest_label)
        rest_row.addWidget(self.rest_choice)
        rest_row.addStretch(1)
        layout.addLayout(rest_row)

        self.start_button = action_button("Start session", "Enter", "startPlan", self)
        self.start_button.clicked.connect(self.request_start)
        self.status = muted(paragraph(""))
        self.status.setObjectName("chooserStatus")
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.setFocusProxy(self.plans)

    def selected_plan_id(self) -> str | None:
        item = self.plans.currentItem()
        return None if item is None else str(item.data(PLAN_ID_ROLE))

    def request_start(self) -> None:
        plan_id = self.selected_plan_id()
        if plan_id is not None and self.start_button.isEnabled():
            self.start_requested.emit(plan_id)

    def set_rest_choice(self, choice: str) -> None:
        index = self.rest_choice.findData(choice)
        self.rest_choice.blockSignals(True)
        self.rest_choice.setCurrentIndex(max(0, index))
        self.rest_choice.blockSignals(False)

    def set_ready(self, ready: bool, message: str = "") -> None:
        self.start_button.setEnabled(ready)
        self.status.setText(message)


class ResumeScreen(QWidget):
    """Offered at start-up when a session was left unfinished (the app quit or was killed)."""

    resume_requested = Signal()
    end_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resumeScreen")
        layout = _column(self)
        layout.addWidget(big_label("You have an unfinished session", 2.0))
        self.details = paragraph("")
        self.details.setObjectName("resumeDetails")
        self.details.setFont(big_label("", 1.3, bold=False).font())
        layout.addWidget(self.details)
        layout.addWidget(
            muted(paragraph("Everything you logged is saved. Resume carries on with the next set."))
        )
        self.resume_button = action_button("Resume", "Enter", "resumeSession", self)
        self.end_button = action_button("End it", "Ctrl+E", "endUnfinished", self)
        self.resume_button.clicked.connect(self.resume_requested)
        self.end_button.clicked.connect(self.end_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resume_button)
        buttons.addWidget(self.end_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def show_session(
        self, name: str, started_at: datetime, sets_logged: int, *, can_resume: bool
    ) -> None:
        """`can_resume` False: its plan is not in the content any more; it can only end."""
        when = started_at.astimezone().strftime("%A %d %B, %H:%M")
        sets = "1 set" if sets_logged == 1 else f"{sets_logged} sets"
        self.details.setText(f"{name}, started {when}: {sets} logged so far.")
        self.resume_button.setEnabled(can_resume)


class NoticeScreen(QWidget):
    """A full-page notice with one way on, e.g. after sharp pain at the check-in."""

    done_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeScreen")
        layout = _column(self)
        self.title = big_label("", 2.0)
        self.title.setObjectName("noticeTitle")
        self.text = paragraph("")
        self.text.setObjectName("noticeText")
        self.text.setFont(big_label("", 1.2, bold=False).font())
        self.done_button = action_button("Back to plans", "Enter", "noticeDone", self)
        self.done_button.clicked.connect(self.done_requested)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(self.done_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def show_notice(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.text.setText(text)
