"""The Exercises page: a searchable, filterable grid of exercise cards."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.content.model import Library
from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.card_delegate import CardDelegate
from backleg_desktop.ui.links import exercise_link
from backleg_desktop.ui.models import (
    ExerciseFilterProxy,
    ExerciseListModel,
    Roles,
    equipment_tags_in_use,
    unique_values,
)
from backleg_desktop.ui.widgets import PAGE_MARGIN, focus_enters, heading, muted, paragraph

ALL_MUSCLES = "All muscles"
ALL_EQUIPMENT = "All equipment"
NO_MATCH = "No exercises match"


class CardGridView(QListView):
    """A wrapping grid of cards; the keyboard never lands on a section header."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setSpacing(8)
        self.setMovement(QListView.Movement.Static)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)  # hover outline on cards
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        described(
            self,
            "One card per exercise, grouped by kind. Arrow keys move between cards; "
            "Enter or a double-click opens one.",
            name="Exercise cards",
        )

    def first_card(self) -> QModelIndex:
        model = self.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if not index.data(Roles.IS_HEADER):
                return index
        return QModelIndex()

    def focusInEvent(self, event: QFocusEvent) -> None:
        current = self.currentIndex()
        if not current.isValid() or current.data(Roles.IS_HEADER):
            self.select_card(self.first_card())
        super().focusInEvent(event)

    def select_card(self, index: QModelIndex) -> None:
        if index.isValid():
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.scrollTo(index)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # headers span the new width

    def relayout(self) -> None:
        """The cards' size or badges changed (a herniated-disc answer): lay out again."""
        self.scheduleDelayedItemsLayout()
        self.viewport().update()


class ExercisesPage(QWidget):
    link_activated = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exercisesPage")
        self._model = ExerciseListModel(library, self)
        self.proxy = ExerciseFilterProxy(self)
        self.proxy.setSourceModel(self._model)

        self.search = QLineEdit(self)
        self.search.setObjectName("exerciseSearch")
        self.search.setPlaceholderText("Search by name, muscle or cue")
        self.search.setClearButtonEnabled(True)
        described(
            self.search,
            "Shows only the cards whose name, muscles or cues contain what you type; "
            "Down moves to the cards.",
            name="Search exercises",
        )
        self.muscle_filter = self._combo(ALL_MUSCLES, unique_values(library, "target_muscles"))
        described(
            self.muscle_filter,
            "Shows only the exercises that train the muscle chosen here.",
            name="Filter by muscle",
        )
        # The cards show each exercise's own equipment text; the filter offers the tags.
        self.equipment_filter = self._combo(ALL_EQUIPMENT, equipment_tags_in_use(library))
        described(
            self.equipment_filter,
            "Shows only the exercises you can do with the equipment chosen here.",
            name="Filter by equipment",
        )

        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 3)
        filters.addWidget(self.muscle_filter, 1)
        filters.addWidget(self.equipment_filter, 1)

        self.grid = CardGridView(self)
        self.grid.setModel(self.proxy)
        self.grid.setItemDelegate(CardDelegate(self.grid, library.figures))
        self.grid.activated.connect(self._open)

        self.empty_state = self._build_empty_state()
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.grid)
        self._stack.addWidget(self.empty_state)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN - 8, 0)
        layout.setSpacing(12)
        layout.addWidget(heading("Exercises", 1))
        layout.addWidget(
            muted(
                paragraph(
                    "The five main exercises of the plans, then the supporting moves used as "
                    "easier options, safer swaps and core work. Press Enter to open a card."
                )
            )
        )
        layout.addLayout(filters)
        layout.addWidget(self._stack, 1)

        self.search.textChanged.connect(self._on_search)
        self.search.returnPressed.connect(self.focus_grid)
        self.search.installEventFilter(self)
        self.muscle_filter.currentIndexChanged.connect(self._on_filters)
        self.equipment_filter.currentIndexChanged.connect(self._on_filters)
        self.setTabOrder(self.search, self.muscle_filter)
        self.setTabOrder(self.muscle_filter, self.equipment_filter)
        self.setTabOrder(self.equipment_filter, self.grid)
        # Coming back to the page (‹ Back, Escape, Alt+Left) puts the keyboard on the cards,
        # on the card that was opened: the view keeps its current index.
        focus_enters(self, lambda: self.grid)

    # -- public ---------------------------------------------------------------------
    def visible_exercise_ids(self) -> list[str]:
        ids = (self.proxy.index(r, 0).data(Roles.EXERCISE_ID) for r in range(self.proxy.rowCount()))
        return [i for i in ids if i]

    def focus_grid(self) -> None:
        if self._stack.currentWidget() is self.grid:
            self.grid.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_filters(self) -> None:
        self.search.clear()
        self.muscle_filter.setCurrentIndex(0)
        self.equipment_filter.setCurrentIndex(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the search box goes to the cards, as in a launcher.
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self.focus_grid()
            return True
        return super().eventFilter(watched, event)

    # -- internals ------------------------------------------------------------------
    def _combo(self, everything: str, values: list[str]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, None)
        for value in values:
            combo.addItem(value, value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _build_empty_state(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.addStretch(1)
        title = heading(NO_MATCH, 2)
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        hint = muted(paragraph("Try fewer words, or another muscle or piece of equipment."))
        hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.clear_button = QPushButton("Clear search and filters", box)
        self.clear_button.clicked.connect(self.clear_filters)
        described(self.clear_button, "Empties the search box and shows every exercise again.")
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.empty_label = title
        return box

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._after_filter()

    def _on_filters(self) -> None:
        self.proxy.set_muscle(self.muscle_filter.currentData())
        self.proxy.set_equipment(self.equipment_filter.currentData())
        self._after_filter()

    def _after_filter(self) -> None:
        empty = self.proxy.exercise_count() == 0
        self._stack.setCurrentWidget(self.empty_state if empty else self.grid)
        if not empty:
            self.grid.select_card(self.grid.first_card())

    def _open(self, index: QModelIndex) -> None:
        exercise_id = index.data(Roles.EXERCISE_ID)
        if exercise_id:
            self.link_activated.emit(exercise_link(exercise_id))
