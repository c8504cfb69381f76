"""Pick exercises to add to a plan: the whole library and your own exercises, searchable.

A QSortFilterProxyModel over one QStandardItemModel: every word typed must appear in the
exercise's name, equipment, muscles or sides ("one leg"). Up and Down move through the
list while you type, Enter adds what is selected (several with Ctrl or Shift), a
double-click adds one.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.content.model import Library
from backleg_desktop.ui.widgets import move_in_list, muted, paragraph

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


def exercise_model(
    library: Library, user_exercises: Sequence[tuple[str, str]], parent: QObject | None = None
) -> QStandardItemModel:
    """One row per exercise: the library's in its order, then yours ((id, name) pairs)."""
    model = QStandardItemModel(parent)
    for exercise in library.exercises.values():
        details = ", ".join(exercise.equipment_tags or exercise.equipment)
        if exercise.one_sided:
            details += " · one leg at a time"
        row = QStandardItem(f"{exercise.name}\n{details}")
        row.setData(exercise.id, ID_ROLE)
        sides = "one leg at a time" if exercise.one_sided else "both legs"
        words = (exercise.name, *exercise.equipment_tags, *exercise.target_muscles, sides)
        row.setData(" ".join(words).casefold(), SEARCH_ROLE)
        row.setEditable(False)
        model.appendRow(row)
    for exercise_id, name in user_exercises:
        row = QStandardItem(f"{name}\nYour own exercise")
        row.setData(exercise_id, ID_ROLE)
        row.setData(f"{name} your own".casefold(), SEARCH_ROLE)
        row.setEditable(False)
        model.appendRow(row)
    return model


class WordFilter(QSortFilterProxyModel):
    """Keeps the rows whose search text holds every word typed, in any order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_words(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        source = self.sourceModel()
        text = str(source.index(source_row, 0, source_parent).data(SEARCH_ROLE) or "")
        return all(word in text for word in self._words)


class ExercisePicker(QDialog):
    def __init__(
        self,
        library: Library,
        user_exercises: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
        *,
        replacing: str | None = None,
    ) -> None:
        """`replacing`: the name of the exercise one chosen here takes the place of."""
        super().__init__(parent)
        self.setObjectName("exercisePicker")
        self.setWindowTitle("Add exercises" if replacing is None else f"Replace {replacing}")
        self.source = exercise_model(library, user_exercises, self)
        self.proxy = WordFilter(self)
        self.proxy.setSourceModel(self.source)

        self.search = QLineEdit(self)
        self.search.setObjectName("exerciseSearch")
        self.search.setPlaceholderText("Search by name, equipment or muscle")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search exercises")
        search_label = QLabel("&Search:", self)
        search_label.setBuddy(self.search)
        self.list = QListView(self)
        self.list.setObjectName("exerciseChoices")
        self.list.setModel(self.proxy)
        self.list.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection
            if replacing is None
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName("Exercises")
        self.list.setAccessibleDescription(
            "The exercises you can add, library and your own; Shift or Ctrl chooses several."
            if replacing is None
            else "The exercises that can take the place of the one you are replacing."
        )
        self.empty = muted(paragraph("No exercise matches. Try fewer or shorter words."))
        self.empty.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.add_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setText("&Add to plan" if replacing is None else "&Replace")
        self.add_button.setDefault(True)  # Enter in the search adds what is selected
        self.add_button.setAccessibleDescription(
            "Adds the chosen exercises to the end of the plan and closes this list."
            if replacing is None
            else "Puts the chosen exercise in place of the old one, with the same numbers."
        )
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleDescription("Closes this list without changing the plan.")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)

        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.list.doubleClicked.connect(lambda _index: self.accept())
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self._select_first()
        self.resize(self.fontMetrics().averageCharWidth() * 70, self.fontMetrics().height() * 34)
        self.search.setFocus()

    def chosen_ids(self) -> list[str]:
        """The exercises selected, in list order."""
        rows = sorted(self.list.selectionModel().selectedRows(), key=lambda index: index.row())
        return [str(index.data(ID_ROLE)) for index in rows]

    def _filter(self, text: str) -> None:
        self.proxy.set_words(text)
        self._select_first()

    def _select_first(self) -> None:
        first = self.proxy.index(0, 0)
        if first.isValid():
            self.list.setCurrentIndex(first)
        self.empty.setVisible(not first.isValid())
        self._update()

    def _update(self) -> None:
        self.add_button.setEnabled(bool(self.list.selectionModel().selectedRows()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up and Down in the search field move through the list.
        if watched is self.search and move_in_list(event, self.list, focus_back=self.search):
            return True
        return super().eventFilter(watched, event)
