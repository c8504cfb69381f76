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
from collections.abc import Callable, Mapping, Sequence, Set
from pathlib import Path
from typing import Protocol, get_args

from backleg_desktop.content.field_reader import FieldReader, FieldsFactory
from backleg_desktop.content.model import Plan, PlanItem, PlanSource
from backleg_desktop.domain.plan_rules import (
    PlanProblem,
    problem_text,
    reference_problems,
    shape_problems,
)

# What plans.toml may say; "user" plans live in the history, never in the content.
PLAN_SOURCES: tuple[PlanSource, ...] = tuple(s for s in get_args(PlanSource) if s != "user")
GENTLE_DAY_ID = "gentle-day"
HOME_BODYWEIGHT_ID = "home-bodyweight"
SOURCE_LABELS: Mapping[PlanSource, str] = {
    "article": "From the trainer's article",
    "backleg": "Backleg's suggestion, built on the article",
    "user": "Your own plan",
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


def read_plan_item(
    item: FieldReader, exercise: Callable[[FieldReader], str] | None = None
) -> TimedPlanItem:
    """One `[[plan.item]]` as written; the plan rules are checked by `read_timed_plan`.

    `exercise` reads the item's exercise id; by default a content id (plan files of the
    user's own also name user exercises, see services/plan_tables.py).
    """
    # Read whichever of the two is there; "both" or "neither" is a plan rule.
    reps = item.int_pair("reps") if "reps" in item.table else None
    hold = item.int_pair("hold_seconds") if "hold_seconds" in item.table else None
    result = PlanItem(
        exercise_id=item.ident("exercise") if exercise is None else exercise(item),
        sets=item.int_pair("sets"),
        reps=reps,
        hold_seconds=hold,
        per_leg=item.boolean("per_leg", default=False),
        rest_seconds=item.int_pair("rest_seconds"),
        warmup_sets=item.whole_number("warmup_sets", default=0),
        note=item.text("note", required=False),
    )
    item.finish()
    return result


def read_timed_plan(f: FieldReader, fields: FieldsFactory) -> TimedPlan:
    """One `[[plan]]` table; `fields` builds the reader for each `[[plan.item]]`.

    The plan's own rules (domain/plan_rules.py, all but the exercise references, which
    need the other file) are reported here, each under its item and field.
    """
    plan_id = f.ident()
    name = f.text("name")
    source_text = f.text("source")
    if source_text and source_text not in PLAN_SOURCES:
        f.error("source", f"must be one of {', '.join(PLAN_SOURCES)}, not {source_text!r}")
    source: PlanSource = "article" if source_text == "article" else "backleg"
    summary = f.text("summary")
    readers: list[FieldReader] = []
    for index, table in enumerate(f.tables("item"), start=1):
        exercise = table.get("exercise")
        label = f"item {index}" + (f" ({exercise})" if isinstance(exercise, str) else "")
        readers.append(fields(table, f"{f.where}, {label}", f.errors))
    items = tuple(read_plan_item(reader) for reader in readers)
    f.finish()
    plan = Plan(id=plan_id, name=name, summary=summary, items=items, source=source)
    report_problems(shape_problems(plan), f, readers)
    return plan


def report_problems(
    problems: Sequence[PlanProblem], plan: FieldReader, items: Sequence[FieldReader]
) -> None:
    """Record each plan-rule problem under its plan or item reader (file, entry, field).

    A field the reader already found wrong (missing, not a number) is reported once.
    """
    for problem in problems:
        reader = plan if problem.item is None else items[problem.item]
        prefix = f'{reader.where}: field "{problem.field}":'
        if not any(error.startswith(prefix) for error in reader.errors):
            reader.error(problem.field, problem.message)


def check_exercises(
    file: str,
    plans: Sequence[TimedPlan],
    exercises: Mapping[str, OneSided],
    errors: list[str],
    flawed: Set[str] = frozenset(),
) -> None:
    """Every item names a known exercise, and per_leg only a one-sided one.

    `flawed`: ids of exercises with errors of their own (see entries.exercises); they
    count as known, but per_leg is not checked against their placeholder fields.
    """
    for plan in plans:
        for index, item in enumerate(plan.items, start=1):
            where = f'{file}: plan "{plan.id}", item {index} ({item.exercise_id})'
            if not item.exercise_id:  # an invalid id is reported where it was read
                continue
            for problem in _references(item, exercises):
                if problem.field != "per_leg" or item.exercise_id not in flawed:
                    errors.append(f"{where}: {problem_text(problem)}")


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


def _references(item: PlanItem, exercises: Mapping[str, OneSided]) -> list[PlanProblem]:
    one = Plan(id="", name="", summary="", items=(item,))
    return reference_problems(one, exercises)
