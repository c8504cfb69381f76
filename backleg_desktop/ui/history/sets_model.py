"""The sets of one session as an editable table: reps, load, RPE and note can be changed.

A hold shows its time and a distance set its distance and time in the reps column
("held 60 s", "2.5 km in 10:00 min"); RPE has its own column."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from backleg_desktop.domain.history import LoggedSet, SessionDetail
from backleg_desktop.domain.units import KILOGRAMS, LoadUnits
from backleg_desktop.ui.history import formatting as fmt
from backleg_desktop.ui.history import set_text

SET_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LOGGED_SET_ROLE = Qt.ItemDataRole.UserRole + 2

EXERCISE, SIDE, NUMBER, KIND, REPS, LOAD, RPE, REST, NOTE = range(9)
HEADERS = (
    "Exercise",
    "Side",
    "Set",
    "Kind",
    "Reps / time",
    "Load (kg)",
    "RPE",
    "Rest taken / planned",
    "Note",
)
HEADER_TIPS = {
    REPS: "Reps; a hold's time; a distance and its time",
    RPE: "Rate of perceived exertion, 0 to 10",
}
EDITABLE = {REPS: "reps", LOAD: "load_kg", RPE: "rpe", NOTE: "note"}

# (set, field, new value) -> whether the change was saved
EditHandler = Callable[[LoggedSet, str, Any], bool]
_Index = QModelIndex | QPersistentModelIndex


def parse_edit(field: str, text: Any) -> tuple[bool, Any]:
    """Turn what was typed into a value for `field`; (False, None) if it is not a number."""
    if field == "note":
        return True, str(text).strip()
    raw = str(text).strip().replace(",", ".")
    if raw in ("", fmt.NO_VALUE):
        return True, None
    try:
        number = float(raw)
    except ValueError:
        return False, None
    if field == "reps":
        if not number.is_integer():
            return False, None
        return True, int(number)
    return True, number


class SetsTableModel(QAbstractTableModel):
    def __init__(
        self,
        exercise_name: Callable[[str], str],
        on_edit: EditHandler,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._exercise_name = exercise_name
        self._on_edit = on_edit
        self._sets: list[LoggedSet] = []
        self.units: LoadUnits = KILOGRAMS  # loads shown and typed in the user's unit
        # What a load counts, per exercise: " per dumbbell" where the content says so.
        self.load_words: Callable[[str], str] = lambda _exercise_id: ""

    def set_units(self, units: LoadUnits) -> None:
        self.beginResetModel()
        self.units = units
        self.endResetModel()

    def set_detail(self, detail: SessionDetail | None) -> None:
        self.beginResetModel()
        self._sets = [] if detail is None else _by_exercise_and_side(detail.sets)
        self.endResetModel()

    def logged_set(self, row: int) -> LoggedSet:
        return self._sets[row]

    def row_of_set(self, set_id: int) -> int | None:
        return next((r for r, s in enumerate(self._sets) if s.id == set_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sets)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == LOAD:
                return f"Load ({self.units.unit})"
            if section == REPS and self._sets and all(_reps_only(s) for s in self._sets):
                return "Reps"  # no hold or distance: a narrower column, more room for names
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(section)
        return None

    def has_values(self, column: int) -> bool:
        """Whether any set shows something in `column` (an all-empty one can be left out)."""
        return any(self._display(s, column) not in ("", fmt.NO_VALUE) for s in self._sets)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._sets[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(s, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == REPS:
                return "" if s.reps is None else str(s.reps)
            if column == LOAD:
                return "" if s.load_kg is None else fmt.load(s.load_kg, self.units, unit=False)
            if column == RPE:
                return set_text.rpe(s.rpe)
            if column == NOTE:
                return s.note
            return self._display(s, column)
        if role == SET_ID_ROLE:
            return s.id
        if role == LOGGED_SET_ROLE:
            return s
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NUMBER, REPS, LOAD, RPE, REST):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == EXERCISE or (column == NOTE and s.note):  # the whole text, if elided
                return self._display(s, column)
            if column in EDITABLE:
                return "Double-click to change it; Ctrl+Z undoes the change."
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE:
            return False
        field = EDITABLE[index.column()]
        ok, parsed = parse_edit(field, value)
        if not ok:
            return False
        logged = self._sets[index.row()]
        if field == "load_kg" and parsed is not None:
            if logged.load_kg is not None and self.units.shown(logged.load_kg) == parsed:
                return False  # the load as shown: unchanged, not re-rounded
            parsed = self.units.to_kg(parsed)
        if getattr(logged, field) == parsed:
            return False
        return self._on_edit(logged, field, parsed)

    def _display(self, s: LoggedSet, column: int) -> str:
        if column == EXERCISE:
            return self._exercise_name(s.exercise_id)
        if column == SIDE:
            return fmt.SIDE_LABELS.get(s.side, s.side)
        if column == NUMBER:
            return str(s.set_number)
        if column == KIND:
            return fmt.KIND_LABELS.get(s.kind, s.kind)
        if column == REPS:
            return set_text.work(s)
        if column == LOAD:
            if s.load_kg is None:
                return fmt.NO_VALUE
            return fmt.load(s.load_kg, self.units, unit=False) + self.load_words(s.exercise_id)
        if column == RPE:
            return set_text.rpe(s.rpe)
        if column == REST:
            taken = fmt.seconds_short(s.rest_taken_s)
            if s.rest_planned_s is None:
                return taken
            return f"{taken} / {fmt.seconds_short(s.rest_planned_s)}"
        if column == NOTE:
            return s.note
        return ""


def _reps_only(s: LoggedSet) -> bool:
    """Whether the reps column shows this set's reps (not a hold's time or a distance)."""
    return s.reps is not None and s.distance_m is None


def _by_exercise_and_side(sets: tuple[LoggedSet, ...]) -> list[LoggedSet]:
    """Group sets by exercise in the order the exercises were done, then set and side."""
    first_seen: dict[str, int] = {}
    for position, s in enumerate(sets):
        first_seen.setdefault(s.exercise_id, position)
    side_order = {"both": 0, "left": 1, "right": 2}
    return sorted(
        sets,
        key=lambda s: (first_seen[s.exercise_id], s.set_number, side_order.get(s.side, 3), s.id),
    )
