"""Personal records for one exercise: heaviest load per rep count, most reps per load, and
the session with the most volume. Double-click a record to open its session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.content.model import Library
from backleg_desktop.domain.records import ExerciseRecords, RecordEntry
from backleg_desktop.domain.units import KILOGRAMS, LoadUnits
from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.history import formatting as fmt
from backleg_desktop.ui.history.lookup import exercise_choices, load_words
from backleg_desktop.ui.widgets import heading, muted

if TYPE_CHECKING:
    from backleg_desktop.services.workouts import WorkoutService

SESSION_ROLE = Qt.ItemDataRole.UserRole + 1


def _tree(
    parent: QWidget, name: str, headers: list[str], accessible: str, description: str
) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setObjectName(name)
    described(tree, description, name=accessible)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setHeaderLabels(headers)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    tree.header().setStretchLastSection(True)
    return tree


class RecordsView(QWidget):
    session_requested = Signal(int)

    def __init__(
        self,
        workouts: WorkoutService,
        library: Library,
        parent: QWidget | None = None,
        units: LoadUnits = KILOGRAMS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordsView")
        self.workouts = workouts
        self.units = units  # loads in the user's unit
        self.library = library
        self.exercise_combo = QComboBox(self)
        self.exercise_combo.setObjectName("recordsExercise")
        for name, exercise_id in exercise_choices(library, workouts.user_exercises()):
            self.exercise_combo.addItem(name, exercise_id)
        described(
            self.exercise_combo,
            "Which exercise's records the tables below show.",
            name="Records of exercise",
        )
        self.volume_label = QLabel(self)
        self.volume_label.setObjectName("volumeRecord")
        self.volume_label.setWordWrap(True)
        self.heaviest = _tree(
            self,
            "heaviestByReps",
            ["Reps", "Heaviest load", "When"],
            "Heaviest load for each number of reps",
            "For each number of reps, the heaviest load you lifted and when; "
            "Enter opens that session.",
        )
        self.most_reps = _tree(
            self,
            "mostRepsByLoad",
            ["Load", "Most reps", "When"],
            "Most reps at each load",
            "For each load, the most reps you did with it and when; Enter opens that session.",
        )
        for tree in (self.heaviest, self.most_reps):
            tree.itemActivated.connect(self._activated)

        controls = QHBoxLayout()
        controls.addWidget(QLabel("Exercise", self))
        controls.addWidget(self.exercise_combo)
        controls.addStretch(1)
        tables = QHBoxLayout()
        for title, tree in (
            ("Heaviest load for a rep count", self.heaviest),
            ("Most reps at a load", self.most_reps),
        ):
            column = QVBoxLayout()
            column.addWidget(heading(title, 3, self))
            column.addWidget(tree, 1)
            tables.addLayout(column)
        hint = muted(QLabel("Double-click a record to open the session it came from.", self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(heading("Most volume in one session", 3, self))
        layout.addWidget(self.volume_label)
        layout.addLayout(tables, 1)
        layout.addWidget(hint)
        self.exercise_combo.currentIndexChanged.connect(self.show_records)
        self.show_records()

    def select(self, exercise_id: str) -> None:
        self.exercise_combo.setCurrentIndex(max(self.exercise_combo.findData(exercise_id), 0))
        self.show_records()

    def show_records(self, *_args: object) -> ExerciseRecords | None:
        exercise_id = self.exercise_combo.currentData()
        self.heaviest.clear()
        self.most_reps.clear()
        if exercise_id is None:
            return None
        records = self.workouts.records(exercise_id)
        for entry in records.heaviest_by_reps:
            self._add(self.heaviest, entry, str(entry.reps), self._load(entry, exercise_id))
        for entry in records.most_reps_by_load:
            self._add(self.most_reps, entry, self._load(entry, exercise_id), str(entry.reps))
        best = records.best_volume
        if best is None:
            self.volume_label.setText(
                "No records yet: log a set with reps and a load and it will show here."
            )
        else:
            self.volume_label.setText(
                f"{self.units.volume(best.volume_kg)} on {fmt.local_date_time(best.achieved_at)}"
            )
        return records

    def _load(self, entry: RecordEntry, exercise_id: str) -> str:
        """ "55 lb per dumbbell": in the user's unit, saying what it counts."""
        return self.units.text(entry.load_kg) + load_words(self.library, exercise_id)

    @staticmethod
    def _add(tree: QTreeWidget, entry: RecordEntry, first: str, second: str) -> None:
        item = QTreeWidgetItem([first, second, fmt.local_date(entry.achieved_at)])
        item.setData(0, SESSION_ROLE, entry.session_id)
        item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        tree.addTopLevelItem(item)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.session_requested.emit(item.data(0, SESSION_ROLE))
