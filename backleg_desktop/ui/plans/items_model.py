"""The editor's list of plan items as a Qt model that reorders by drag and drop.

The model only changes its rows when asked (`insert_items`, `take_items`, `move_item`,
`set_item`); those are what the undo commands call. A drag or Alt+Up/Down does not move a
row itself: it asks `move_requested(from_row, to_row)`, and the editor pushes a command
that moves it, so every reorder can be undone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from backleg_desktop.ui.plans.draft import DraftItem, parse_range

ROW_MIME = "application/x-backleg-plan-item-row"
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex


def item_summary(item: DraftItem) -> str:
    """ "3 sets × 8–10 per leg · rest 60 s · 1 warm-up set" (the text as typed)."""
    sets = item.sets.strip() or "?"
    work = f"{item.reps.strip() or '?'}" if item.mode == "reps" else f"{item.hold.strip()} s hold"
    if item.per_leg:
        work += " per leg"
    single = parse_range(item.sets)
    unit = "set" if single is not None and single.high == 1 else "sets"
    parts = [f"{sets} {unit} × {work}", f"rest {item.rest.strip() or '?'} s"]
    if item.warmup_sets:
        parts.append(
            "1 warm-up set" if item.warmup_sets == 1 else f"{item.warmup_sets} warm-up sets"
        )
    return " · ".join(parts)


class PlanItemsModel(QAbstractListModel):
    move_requested = Signal(int, int)  # from row, to row (its place once moved)

    def __init__(
        self,
        name_of: Callable[[str], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._items: list[DraftItem] = []
        self._problems: dict[int, list[str]] = {}
        self._name_of = name_of

    # -- reading ---------------------------------------------------------------------------
    @property
    def items(self) -> tuple[DraftItem, ...]:
        return tuple(self._items)

    def item(self, row: int) -> DraftItem:
        return self._items[row]

    def exercise_name(self, row: int) -> str:
        return self._name_of(self._items[row].exercise_id)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        row = index.row()
        item = self._items[row]
        problems = self._problems.get(row, [])
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "⚠ " if problems else ""
            return f"{mark}{row + 1}. {self._name_of(item.exercise_id)}\n{item_summary(item)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row + 1}. {self._name_of(item.exercise_id)}, {item_summary(item)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(problems) or None
        if role == ITEM_ROLE:
            return item
        if role == PROBLEM_ROLE:
            return problems
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled  # between rows (the invalid index)
        if not index.isValid():
            return base
        return (
            base
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | (Qt.ItemFlag.ItemIsDragEnabled)
        )

    # -- changing (the undo commands call these) ---------------------------------------------
    def set_items(self, items: Sequence[DraftItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._problems = {}
        self.endResetModel()

    def insert_items(self, row: int, items: Sequence[DraftItem]) -> None:
        self.beginInsertRows(QModelIndex(), row, row + len(items) - 1)
        self._items[row:row] = list(items)
        self.endInsertRows()

    def take_items(self, row: int, count: int = 1) -> list[DraftItem]:
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        taken = self._items[row : row + count]
        del self._items[row : row + count]
        self.endRemoveRows()
        return taken

    def move_item(self, source: int, to: int) -> None:
        """Move row `source` so that it ends up at row `to`."""
        if source == to:
            return
        # Qt counts the destination before the move: one past `to` when moving down.
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), to + (to > source))
        self._items.insert(to, self._items.pop(source))
        self.endMoveRows()

    def set_item(self, row: int, item: DraftItem) -> None:
        self._items[row] = item
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def set_problems(self, problems: dict[int, list[str]]) -> None:
        """Messages per row: a row with any shows a warning mark and says them as a tip."""
        if problems == self._problems:
            return
        self._problems = problems
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))

    # -- drag and drop: a drop only asks for a move --------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        mime.setData(ROW_MIME, QByteArray(",".join(map(str, rows)).encode()))
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return action == Qt.DropAction.MoveAction and data.hasFormat(ROW_MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """A dragged row dropped before `row` (-1: at the end, or onto `parent`'s row)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        text = bytes(data.data(ROW_MIME).data()).decode()
        rows = [int(part) for part in text.split(",") if part.isdigit()]
        if len(rows) != 1 or not 0 <= rows[0] < len(self._items):
            return False
        before = row if row >= 0 else (parent.row() if parent.isValid() else len(self._items))
        return self._request_move(rows[0], before)

    def moveRows(
        self,
        sourceParent: AnyIndex,
        sourceRow: int,
        count: int,
        destinationParent: AnyIndex,
        destinationChild: int,
    ) -> bool:
        # QListView's internal move calls this; the move happens through the editor's command.
        if count != 1 or sourceParent.isValid() or destinationParent.isValid():
            return False
        return self._request_move(sourceRow, destinationChild)

    def _request_move(self, source: int, before: int) -> bool:
        to = before - 1 if before > source else before
        to = max(0, min(to, len(self._items) - 1))
        if to != source:
            self.move_requested.emit(source, to)
        return True


def items_view(model: PlanItemsModel, parent: QWidget) -> QListView:
    """The editor's list of items: one chosen at a time, reordered by dragging."""
    view = QListView(parent)
    view.setObjectName("planItems")
    view.setAccessibleName("Exercises in the plan, in order")
    view.setAccessibleDescription(
        "The plan's exercises as the session runs them; choose one to edit it below. "
        "Alt+Up and Alt+Down move it."
    )
    view.setModel(model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)  # moveRows, above
    view.setDefaultDropAction(Qt.DropAction.MoveAction)
    view.setDropIndicatorShown(True)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.setSpacing(2)
    view.setMinimumWidth(view.fontMetrics().averageCharWidth() * 36)
    return view
