"""The editor's undo commands: every change to the draft plan is one of these on the
editor's QUndoStack, so Ctrl+Z and Ctrl+Shift+Z walk back and forth through it.

Typing in one field merges into one command (ten characters are one undo, not ten);
moving to another field or item starts the next. After each redo or undo the command
calls `after(row)` with the item it touched (None: the plan's name or summary), so the
editor shows that item and checks the plan again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from backleg_desktop.ui.plans.draft import DraftItem
from backleg_desktop.ui.plans.items_model import PlanItemsModel

After = Callable[[int | None], None]
_FIELD_NAMES = (
    "name",
    "summary",
    "exercise_id",
    "sets",
    "mode",
    "reps",
    "hold",
    "per_leg",
    "rest",
    "warmup_sets",
    "note",
)
_FIELD_IDS = {name: number for number, name in enumerate(_FIELD_NAMES, start=1)}
_LABELS = {
    "exercise_id": "exercise",
    "rest": "rest",
    "hold": "hold",
    "per_leg": "per leg",
    "warmup_sets": "warm-up sets",
    "mode": "reps or hold",
}


class PlanFields(Protocol):
    """Where the plan's own name and summary live (the editor)."""

    def plan_field(self, name: str) -> str: ...

    def set_plan_field(self, name: str, value: str) -> None: ...


class SetPlanField(QUndoCommand):
    def __init__(self, fields: PlanFields, name: str, new: str, after: After) -> None:
        super().__init__(f"Change the plan's {name}")
        self._fields, self._name, self._after = fields, name, after
        self._old, self._new = fields.plan_field(name), new

    def id(self) -> int:
        return _FIELD_IDS[self._name]

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetPlanField) or other._name != self._name:
            return False
        self._new = other._new
        return True

    def redo(self) -> None:
        self._fields.set_plan_field(self._name, self._new)
        self._after(None)

    def undo(self) -> None:
        self._fields.set_plan_field(self._name, self._old)
        self._after(None)


class SetItemField(QUndoCommand):
    def __init__(
        self, model: PlanItemsModel, row: int, name: str, new: object, after: After
    ) -> None:
        label = _LABELS.get(name, name)
        super().__init__(f"Change {label} of {model.exercise_name(row)}")
        self._model, self._row, self._name, self._after = model, row, name, after
        self._old, self._new = getattr(model.item(row), name), new
        # Text typed into a field merges; a choice (a box ticked) is a step of its own.
        self._merges = isinstance(new, str)

    def id(self) -> int:
        return 100 + _FIELD_IDS[self._name] if self._merges else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, SetItemField)
            and other._row == self._row
            and other._name == self._name
        ):
            return False
        self._new = other._new
        return True

    def _apply(self, value: object) -> None:
        self._model.set_item(self._row, self._model.item(self._row).with_field(self._name, value))
        self._after(self._row)

    def redo(self) -> None:
        self._apply(self._new)

    def undo(self) -> None:
        self._apply(self._old)


class AddItems(QUndoCommand):
    def __init__(
        self, model: PlanItemsModel, row: int, items: Sequence[DraftItem], after: After
    ) -> None:
        super().__init__("Add an exercise" if len(items) == 1 else f"Add {len(items)} exercises")
        self._model, self._row, self._items, self._after = model, row, list(items), after

    def redo(self) -> None:
        self._model.insert_items(self._row, self._items)
        self._after(self._row + len(self._items) - 1)

    def undo(self) -> None:
        self._model.take_items(self._row, len(self._items))
        self._after(min(self._row, self._model.rowCount() - 1) if self._model.rowCount() else None)


class RemoveItem(QUndoCommand):
    def __init__(self, model: PlanItemsModel, row: int, after: After) -> None:
        super().__init__(f"Remove {model.exercise_name(row)}")
        self._model, self._row, self._after = model, row, after
        self._item = model.item(row)

    def redo(self) -> None:
        self._model.take_items(self._row)
        count = self._model.rowCount()
        self._after(min(self._row, count - 1) if count else None)

    def undo(self) -> None:
        self._model.insert_items(self._row, [self._item])
        self._after(self._row)


class MoveItem(QUndoCommand):
    def __init__(self, model: PlanItemsModel, source: int, to: int, after: After) -> None:
        super().__init__(f"Move {model.exercise_name(source)}")
        self._model, self._source, self._to, self._after = model, source, to, after

    def redo(self) -> None:
        self._model.move_item(self._source, self._to)
        self._after(self._to)

    def undo(self) -> None:
        self._model.move_item(self._to, self._source)
        self._after(self._source)
