"""The session's plan chooser (Ctrl+N): every plan, and typing filters them by name.

Built-in plans first with the Strength session first and chosen, so Ctrl+N then Enter
starts it as it always has; then your own, most recently used first (the order
services/plan_catalog.py gives). Up and Down choose, Enter starts. Typing a letter puts
it in the filter field above the list, and the list keeps only the plans whose name has
every word typed; Up and Down still move through what is left, and Esc clears the
filter.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.content.model import Library, Plan
from backleg_desktop.domain.session_flow import RestChoice
from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.session.widgets import action_button, big_label
from backleg_desktop.ui.widgets import (
    PAGE_MARGIN,
    focus_enters,
    move_in_list,
    muted,
    paragraph,
    set_scaled_font,
)

PLAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
REST_CHOICES: tuple[tuple[RestChoice, str], ...] = (
    ("bottom", "Shortest rest in each plan's range"),
    ("middle", "Middle of each plan's range"),
    ("top", "Longest rest in each plan's range"),
)
_OWN = "user"


def ordered_plans(library: Library) -> list[Plan]:
    """Strength session first, Quick add-on second, then every other plan in file order."""
    first = [p for key in ("strength", "quick-add-on") if (p := library.plans.get(key))]
    return first + [p for p in library.plans.values() if p not in first]


def plan_blurb(plan: Plan) -> str:
    sets = sum(item.sets.high for item in plan.items)
    own = "Your own plan · " if str(plan.source) == _OWN else ""
    summary = f" · {plan.summary}" if plan.summary else ""
    return f"{own}{len(plan.items)} exercises · up to {sets} sets{summary}"


def column(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(PAGE_MARGIN * 2, PAGE_MARGIN, PAGE_MARGIN * 2, PAGE_MARGIN)
    layout.setSpacing(14)
    return layout


class _PlanList(QListWidget):
    """Letters typed here go to the filter field (`typed`)."""

    typed = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        mods = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if text and text.isprintable() and not text.isspace() and not mods:
            self.typed.emit(text)
            return
        super().keyPressEvent(event)


class PlanChooser(QWidget):
    start_requested = Signal(str)  # plan id
    rest_choice_changed = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planChooser")
        self._source: Callable[[], list[Plan]] = lambda: ordered_plans(library)
        layout = column(self)
        layout.addWidget(big_label("Start a session", 2.0))
        layout.addWidget(
            muted(paragraph("Pick a plan. Up and Down choose, Enter starts it; type to filter."))
        )
        self.filter = QLineEdit(self)
        self.filter.setObjectName("planFilter")
        self.filter.setPlaceholderText("Type a name to filter the plans")
        self.filter.setAccessibleName("Filter plans by name")
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.plans = _PlanList(self)
        self.plans.setObjectName("planList")
        described(
            self.plans,
            "The plans you can start. Up and Down choose one, Enter starts it.",
            name="Plans",
        )
        self.plans.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.plans.setWordWrap(True)
        self.plans.setSpacing(4)
        set_scaled_font(self.plans, 1.15)
        self.plans.itemActivated.connect(lambda _item: self.request_start())
        layout.addWidget(self.plans, 1)
        self.no_match = muted(paragraph("No plan has that in its name. Esc clears the filter."))
        self.no_match.setObjectName("noPlanMatches")
        self.no_match.hide()
        layout.addWidget(self.no_match)

        rest_row = QHBoxLayout()
        rest_label = QLabel("&Rest between sets:", self)
        self.rest_choice = QComboBox(self)
        self.rest_choice.setObjectName("restChoice")
        for value, text in REST_CHOICES:
            self.rest_choice.addItem(text, value)
        rest_label.setBuddy(self.rest_choice)
        described(
            self.rest_choice,
            "Which rest this session uses within each plan's range: the shortest, "
            "the middle or the longest.",
            name="Rest between sets",
        )
        self.rest_choice.currentIndexChanged.connect(
            lambda _i: self.rest_choice_changed.emit(self.rest_choice.currentData())
        )
        rest_row.addWidget(rest_label)
        rest_row.addWidget(self.rest_choice)
        rest_row.addStretch(1)
        layout.addLayout(rest_row)

        self.start_button = action_button(
            "Start session",
            "Enter",
            "startPlan",
            self,
            description="Starts the chosen plan, beginning with how your back feels today.",
        )
        self.start_button.clicked.connect(self.request_start)
        self.status = muted(paragraph(""))
        self.status.setObjectName("chooserStatus")
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.plans.typed.connect(self._type)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.installEventFilter(self)
        focus_enters(self, lambda: self.plans)
        self.refresh()

    # -- the plans ---------------------------------------------------------------------------
    def set_source(self, plans: Callable[[], list[Plan]]) -> None:
        """Where the plans come from (the window's PlanBook); read again on every refresh."""
        self._source = plans
        self.refresh()

    def refresh(self) -> None:
        """Read the plans again, clear the filter and choose the first (Strength)."""
        self.plans.clear()
        line = self.plans.fontMetrics().lineSpacing()
        for plan in self._source():
            item = QListWidgetItem(f"{plan.name}\n{plan_blurb(plan)}", self.plans)
            item.setData(PLAN_ID_ROLE, plan.id)
            item.setData(NAME_ROLE, plan.name.casefold())
            item.setSizeHint(QSize(0, line * 3 + 12))
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.blockSignals(False)
        self._apply_filter("")
        self.plans.setCurrentRow(0)

    def selected_plan_id(self) -> str | None:
        item = self.plans.currentItem()
        if item is None or item.isHidden():
            return None
        return str(item.data(PLAN_ID_ROLE))

    def visible_plan_ids(self) -> list[str]:
        return [
            str(self.plans.item(row).data(PLAN_ID_ROLE))
            for row in range(self.plans.count())
            if not self.plans.item(row).isHidden()
        ]

    def request_start(self) -> None:
        plan_id = self.selected_plan_id()
        if plan_id is not None and self.start_button.isEnabled():
            self.start_requested.emit(plan_id)

    # -- filtering ---------------------------------------------------------------------------
    def _type(self, text: str) -> None:
        self.filter.setFocus(Qt.FocusReason.OtherFocusReason)
        self.filter.insert(text)

    def _apply_filter(self, text: str) -> None:
        words = text.casefold().split()  # each word somewhere in the name, in any order
        first_shown = None
        for row in range(self.plans.count()):
            item = self.plans.item(row)
            name = str(item.data(NAME_ROLE))
            hidden = not all(word in name for word in words)
            item.setHidden(hidden)
            if not hidden and first_shown is None:
                first_shown = row
        current = self.plans.currentItem()
        if first_shown is not None and (current is None or current.isHidden()):
            self.plans.setCurrentRow(first_shown)
        self.no_match.setVisible(first_shown is None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter and move_in_list(event, self.plans):
            return True  # moved through what is left
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and self.filter.text():
                self.filter.clear()
                self.plans.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    # -- the rest of the screen --------------------------------------------------------------
    def set_rest_choice(self, choice: str) -> None:
        index = self.rest_choice.findData(choice)
        self.rest_choice.blockSignals(True)
        self.rest_choice.setCurrentIndex(max(0, index))
        self.rest_choice.blockSignals(False)

    def set_ready(self, ready: bool, message: str = "") -> None:
        self.start_button.setEnabled(ready)
        self.status.setText(message)
