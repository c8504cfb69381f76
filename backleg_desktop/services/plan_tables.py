"""A user plan's items as tables with the keys of a `[[plan.item]]`, and back.

One shape for both places a user plan is written down: the history stores the items as
JSON (`user_plans.items_json`), and a plan file (services/plan_files.py) is TOML in the
shape of resources/content/plans.toml. Reading goes through the content loader's own
field reader and plan-item reader, so a wrong type is reported exactly as in the
shipped content (file, entry, field). No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from backleg_desktop.content.field_reader import FieldReader
from backleg_desktop.content.fields import Fields
from backleg_desktop.content.model import IntRange, PlanItem
from backleg_desktop.content.timed_plans import read_plan_item

Table = dict[str, Any]
ItemTable = Mapping[str, object]


def range_value(value: IntRange) -> int | list[int]:
    """`3` for a single number, `[12, 15]` for a range: as plans.toml writes them."""
    return value.low if value.is_single else [value.low, value.high]


def item_table(item: PlanItem, exercise: str | None = None) -> Table:
    """The item as a `[[plan.item]]` table; `exercise` replaces its id (a user
    exercise's name in a plan file). Defaults are left out, as plans.toml does."""
    table: Table = {"exercise": item.exercise_id if exercise is None else exercise}
    table["sets"] = range_value(item.sets)
    if item.reps is not None:
        table["reps"] = range_value(item.reps)
    if item.hold_seconds is not None:
        table["hold_seconds"] = range_value(item.hold_seconds)
    if item.per_leg:
        table["per_leg"] = True
    table["rest_seconds"] = range_value(item.rest_seconds)
    if item.warmup_sets:
        table["warmup_sets"] = item.warmup_sets
    if item.note:
        table["note"] = item.note
    return table


def item_reader(table: ItemTable, where: str, errors: list[str]) -> FieldReader:
    return Fields(without_empty(table), where, errors)


def without_empty(table: ItemTable) -> ItemTable:
    """`table` without an empty `summary` or `note`: optional text left blank is no text
    (the content loader, for its own files, insists that what is there says something)."""
    return {k: v for k, v in table.items() if not (k in ("summary", "note") and v == "")}


def read_item(reader: FieldReader, exercise: Callable[[FieldReader], str]) -> PlanItem:
    """One item table; wrong types go to the reader's errors (see content.fields)."""
    return read_plan_item(reader, exercise)


def item_label(index: int, table: ItemTable) -> str:
    """`item 2 (glute-bridge)`: 1-based, with the exercise as written when it is text."""
    exercise = table.get("exercise")
    return f"item {index + 1}" + (f" ({exercise})" if isinstance(exercise, str) else "")
