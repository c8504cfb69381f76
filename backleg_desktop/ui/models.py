"""Qt item models over the content: the exercise cards and the filters on them.

The list model carries section headers ("Main exercises", "Supporting moves") as rows of
their own so one grid can show both groups; the proxy hides a header when its section
has no match, and filters by free text, muscle and equipment tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from backleg_desktop.content.model import EQUIPMENT_TAGS, MUSCLES, Exercise, Library

ModelIndex = QModelIndex | QPersistentModelIndex

SECTION_TITLES = {"main": "Main exercises", "supporting": "Supporting moves"}


class Roles(IntEnum):
    EXERCISE = Qt.ItemDataRole.UserRole + 1  # the Exercise dataclass; None on a header
    EXERCISE_ID = Qt.ItemDataRole.UserRole + 2
    IS_HEADER = Qt.ItemDataRole.UserRole + 3
    SECTION = Qt.ItemDataRole.UserRole + 4  # "main" or "supporting"
    SEARCH_TEXT = Qt.ItemDataRole.UserRole + 5  # lower-case name, muscles, cues, summary


@dataclass(frozen=True)
class _Row:
    section: str
    exercise: Exercise | None  # None: the section's header row


def _search_text(exercise: Exercise) -> str:
    """What a search matches: names and aliases ("RDL"), muscles and their everyday names
    ("quads", "hams"), cues and the summary."""
    muscle_names = [n for m in exercise.target_muscles for n in MUSCLES.get(filter_value(m), ())]
    parts = [
        exercise.name,
        *exercise.aliases,
        exercise.summary,
        *exercise.target_muscles,
        *muscle_names,
        *exercise.cues,
    ]
    return "\n".join(parts).casefold()


class ExerciseListModel(QAbstractListModel):
    """Main exercises first, then supporting moves, each group after its header row."""

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        for section in SECTION_TITLES:
            members = [e for e in library.exercises.values() if e.role == section]
            if members:
                self._rows.append(_Row(section, None))
                self._rows.extend(_Row(section, e) for e in members)
        self._search = [_search_text(r.exercise) if r.exercise else "" for r in self._rows]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].exercise is None:
            return Qt.ItemFlag.NoItemFlags  # headers are neither selectable nor focusable
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        exercise = row.exercise
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return exercise.name if exercise else SECTION_TITLES[row.section]
        if role == Qt.ItemDataRole.ToolTipRole and exercise:
            return exercise.summary
        if role == Roles.EXERCISE:
            return exercise
        if role == Roles.EXERCISE_ID:
            return exercise.id if exercise else None
        if role == Roles.IS_HEADER:
            return exercise is None
        if role == Roles.SECTION:
            return row.section
        if role == Roles.SEARCH_TEXT:
            return self._search[index.row()]
        return None

    def row_of(self, exercise_id: str) -> int:
        for number, row in enumerate(self._rows):
            if row.exercise and row.exercise.id == exercise_id:
                return number
        raise KeyError(exercise_id)


_ASIDE = re.compile(r"\s*\([^)]*\)")


def filter_value(text: str) -> str:
    """The name a filter uses: "Hamstrings (back of the thigh)" and "Hamstrings" match."""
    return _ASIDE.sub("", text).strip()


def unique_values(library: Library, attribute: str) -> list[str]:
    """Sorted distinct values of a text-list field (e.g. muscles), for the filter boxes."""
    seen: dict[str, str] = {}
    for exercise in library.exercises.values():
        for value in getattr(exercise, attribute):
            name = filter_value(value)
            seen.setdefault(name.casefold(), name)
    return sorted(seen.values(), key=str.casefold)


def equipment_tags_in_use(library: Library) -> list[str]:
    """The equipment tags some exercise carries, in the vocabulary's order."""
    used = {tag for exercise in library.exercises.values() for tag in exercise.equipment_tags}
    return [tag for tag in EQUIPMENT_TAGS if tag in used]


class ExerciseFilterProxy(QSortFilterProxyModel):
    """Keeps the source order; filters by search words, muscle and equipment tag."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._muscle: str | None = None
        self._equipment: str | None = None

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange()

    def set_muscle(self, muscle: str | None) -> None:
        self.beginFilterChange()
        self._muscle = muscle.casefold() if muscle else None
        self.endFilterChange()

    def set_equipment(self, equipment: str | None) -> None:
        """Show only exercises tagged with `equipment` (one of EQUIPMENT_TAGS); None: all."""
        self.beginFilterChange()
        self._equipment = equipment.casefold() if equipment else None
        self.endFilterChange()

    def is_filtered(self) -> bool:
        return bool(self._words or self._muscle or self._equipment)

    def exercise_count(self) -> int:
        return sum(1 for r in range(self.rowCount()) if not self.index(r, 0).data(Roles.IS_HEADER))

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if not index.data(Roles.IS_HEADER):
            return self._matches(index.data(Roles.EXERCISE), index.data(Roles.SEARCH_TEXT))
        # A header stays while at least one exercise of its section matches.
        section = index.data(Roles.SECTION)
        for row in range(source_row + 1, model.rowCount(source_parent)):
            other = model.index(row, 0, source_parent)
            if other.data(Roles.SECTION) != section:
                break
            if self._matches(other.data(Roles.EXERCISE), other.data(Roles.SEARCH_TEXT)):
                return True
        return False

    def _matches(self, exercise: Exercise, search_text: str) -> bool:
        if self._muscle and self._muscle not in _names(exercise.target_muscles):
            return False
        # Tags, not the free-text equipment: "Dumbbell" must find "Two dumbbells (optional)".
        if self._equipment and self._equipment not in _names(exercise.equipment_tags):
            return False
        return all(word in search_text for word in self._words)


def _names(values: tuple[str, ...]) -> set[str]:
    return {filter_value(v).casefold() for v in values}
