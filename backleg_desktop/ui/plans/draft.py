"""A plan as the editor holds it while you type: each number field as its text.

Text, not numbers, because a half-typed "12–" must survive undo and redo and show its
own message; `to_plan` turns the draft into a `Plan` for the shared validation
(domain/plan_rules.py) and for saving. No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from backleg_desktop.content.model import IntRange, Library, Plan, PlanItem

WorkMode = Literal["reps", "hold"]
MAX_WARMUP_SETS = 2
# One value or an inclusive range: "8", "12-15", "12–15", "12 to 15".
_RANGE = re.compile(r"^\s*(\d{1,4})\s*(?:(?:-|–|—|to)\s*(\d{1,4})\s*)?$")
RANGE_HINT = "Write a number, or a range such as 12–15."
# The placeholder a field that does not parse gets in `to_plan`, so the shared rules
# still see every item at its own position (their messages name items by index).
_PLACEHOLDER = IntRange(1, 1)


@dataclass(frozen=True)
class DraftItem:
    exercise_id: str
    sets: str = "2"
    mode: WorkMode = "reps"
    reps: str = "10"
    hold: str = "30"
    per_leg: bool = False
    rest: str = "60"
    warmup_sets: int = 0
    note: str = ""

    def with_field(self, name: str, value: object) -> DraftItem:
        return replace(self, **{name: value})  # type: ignore[arg-type]


@dataclass(frozen=True)
class Draft:
    """What the editor edits: `plan_id` "" for a plan not saved yet."""

    plan_id: str = ""
    name: str = ""
    summary: str = ""
    items: tuple[DraftItem, ...] = field(default=())


def parse_range(text: str) -> IntRange | None:
    """The range `text` writes, backwards ones included (the rules name those); None if
    it is not a number or a range."""
    found = _RANGE.match(text)
    if found is None:
        return None
    low = int(found.group(1))
    high = int(found.group(2)) if found.group(2) is not None else low
    return IntRange(low, high)


def range_text(value: IntRange | None) -> str:
    return "" if value is None else str(value)


def unparsed_fields(item: DraftItem) -> list[str]:
    """The item's number fields that are not a number or a range (draft field names)."""
    names = ["sets", "rest", "reps" if item.mode == "reps" else "hold"]
    return [name for name in names if parse_range(getattr(item, name)) is None]


def item_from_plan(item: PlanItem) -> DraftItem:
    hold = item.hold_seconds
    return DraftItem(
        exercise_id=item.exercise_id,
        sets=range_text(item.sets),
        mode="hold" if hold is not None else "reps",
        reps=range_text(item.reps) if item.reps is not None else "10",
        hold=range_text(hold) if hold is not None else "30",
        per_leg=item.per_leg,
        rest=range_text(item.rest_seconds),
        warmup_sets=item.warmup_sets,
        note=item.note,
    )


def draft_from_plan(plan: Plan, *, keep_id: bool = True) -> Draft:
    return Draft(
        plan_id=plan.id if keep_id else "",
        name=plan.name,
        summary=plan.summary,
        items=tuple(item_from_plan(item) for item in plan.items),
    )


def _range(text: str) -> IntRange:
    return parse_range(text) or _PLACEHOLDER


def to_plan_item(item: DraftItem) -> PlanItem:
    reps = _range(item.reps) if item.mode == "reps" else None
    hold = _range(item.hold) if item.mode == "hold" else None
    return PlanItem(
        exercise_id=item.exercise_id,
        sets=_range(item.sets),
        reps=reps,
        per_leg=item.per_leg,
        rest_seconds=_range(item.rest),
        hold_seconds=hold,
        warmup_sets=item.warmup_sets,
        note=item.note.strip(),
    )


def to_plan(draft: Draft) -> Plan:
    return Plan(
        id=draft.plan_id,
        name=draft.name.strip(),
        summary=draft.summary.strip(),
        items=tuple(to_plan_item(item) for item in draft.items),
        source="user",
    )


def new_item(exercise_id: str, library: Library) -> DraftItem:
    """A new item for `exercise_id`: the numbers the first built-in plan that has the
    exercise gives it, else two sets of ten (per leg for a one-leg move) with a minute's
    rest; no warm-up sets and no note either way."""
    for plan in library.plans.values():
        for item in plan.items:
            if item.exercise_id == exercise_id:
                return replace(item_from_plan(item), warmup_sets=0, note="")
    exercise = library.exercises.get(exercise_id)
    return DraftItem(exercise_id, per_leg=exercise is not None and exercise.one_sided)
