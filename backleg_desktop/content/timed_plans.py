"""The plan reader: items of reps or timed holds, and a source, the article or Backleg.

plans.toml is read through `read_timed_plan` (content/entries.py): an item has either
`reps` or `hold_seconds`, never both, and a plan says whether it is the trainer's
(`source = "article"`) or Backleg's suggestion built on it ("backleg"), as the gentle
day is. `load_timed_plans` reads a separate file of the same shape.

The readers take the loader's field reader (a `FieldReader`), so their problems are
reported like every other content problem: file, entry and field.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol, get_args

from backleg_desktop.content.field_reader import FieldReader, FieldsFactory
from backleg_desktop.content.model import IntRange, Plan, PlanItem, PlanSource

PLAN_SOURCES: tuple[PlanSource, ...] = get_args(PlanSource)
GENTLE_DAY_ID = "gentle-day"
SOURCE_LABELS: Mapping[PlanSource, str] = {
    "article": "From the trainer's article",
    "backleg": "Backleg's suggestion, built on the article",
}


# The app's own plan types: plans.toml is read through this module.
TimedPlanItem = PlanItem
TimedPlan = Plan


def source_label(source: PlanSource) -> str:
    """What the Plans page says about where a plan comes from."""
    return SOURCE_LABELS[source]


class OneSided(Protocol):
    @property
    def one_sided(self) -> bool: ...


def read_plan_item(item: FieldReader) -> TimedPlanItem:
    has_reps, has_hold = "reps" in item.table, "hold_seconds" in item.table
    if has_reps and has_hold:
        item.error("hold_seconds", "an item has either reps or hold_seconds, never both")
    elif not has_reps and not has_hold:
        item.error("reps", "is missing (a timed hold gives hold_seconds instead)")
    reps = item.int_range("reps", minimum=1) if has_reps else None
    hold = item.int_range("hold_seconds", minimum=1) if has_hold else None
    # After an error above, keep the item well-formed; the loader raises before it is used.
    if reps is not None and hold is not None:
        hold = None
    if reps is None and hold is None:
        reps = IntRange(1, 1)
    result = PlanItem(
        exercise_id=item.ident("exercise"),
        sets=item.int_range("sets", minimum=1),
        reps=reps,
        hold_seconds=hold,
        per_leg=item.boolean("per_leg", default=False),
        rest_seconds=item.int_range("rest_seconds", minimum=0),
    )
    item.finish()
    return result


def read_timed_plan(f: FieldReader, fields: FieldsFactory) -> TimedPlan:
    """One `[[plan]]` table; `fields` builds the reader for each `[[plan.item]]`."""
    plan_id = f.ident()
    name = f.text("name")
    source_text = f.text("source")
    if source_text and source_text not in PLAN_SOURCES:
        f.error("source", f"must be one of {', '.join(PLAN_SOURCES)}, not {source_text!r}")
    source: PlanSource = "article" if source_text == "article" else "backleg"
    summary = f.text("summary")
    items = []
    for index, table in enumerate(f.tables("item"), start=1):
        exercise = table.get("exercise")
        label = f"item {index}" + (f" ({exercise})" if isinstance(exercise, str) else "")
        items.append(read_plan_item(fields(table, f"{f.where}, {label}", f.errors)))
    f.finish()
    return Plan(id=plan_id, name=name, summary=summary, items=tuple(items), source=source)


def check_exercises(
    file: str, plans: Sequence[TimedPlan], exercises: Mapping[str, OneSided], errors: list[str]
) -> None:
    """Every item names a known exercise, and per_leg only a one-sided one."""
    for plan in plans:
        for index, item in enumerate(plan.items, start=1):
            where = f'{file}: plan "{plan.id}", item {index} ({item.exercise_id})'
            target = exercises.get(item.exercise_id)
            if item.exercise_id and target is None:
                errors.append(
                    f'{where}: field "exercise": unknown exercise id "{item.exercise_id}"'
                )
            elif target is not None and item.per_leg and not target.one_sided:
                errors.append(
                    f'{where}: field "per_leg": "{item.exercise_id}" is not a one-sided exercise'
                )


def load_timed_plans(
    path: Path, exercises: Mapping[str, OneSided], fields: FieldsFactory
) -> tuple[TimedPlan, ...]:
    """Read and check a plans file of this shape; raise ContentError listing every problem.

    `fields` is the loader's field reader class (content.loader.Fields).
    """
    from backleg_desktop.content.loader import ContentError

    file = path.name
    errors: list[str] = []
    try:
        root = tomllib.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError([f"{file}: cannot be read: {exc}"]) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ContentError([f"{file}: invalid TOML: {exc}"]) from exc
    top = fields(root, file, errors)
    plans = []
    for index, table in enumerate(top.tables("plan"), start=1):
        plan_id = table.get("id")
        label = f'plan "{plan_id}"' if isinstance(plan_id, str) else f"plan {index}"
        plans.append(read_timed_plan(fields(table, f"{file}: {label}", errors), fields))
    top.finish()
    check_exercises(file, plans, exercises, errors)
    if errors:
        raise ContentError(errors)
    return tuple(plans)
