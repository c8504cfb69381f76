"""The user's own plans in Backleg's JSON backup (`backleg export FILE.json`).

The backup's top level gets a `user_plans` list next to `user_exercises`:

    "user_plans": [{"id": "user-plan:…", "name": "Home legs", "summary": "",
                    "last_used_at": "2026-11-30T08:15:00+00:00",
                    "items": [{"exercise": "glute-bridge", "sets": 3, "reps": [10, 12],
                               "rest_seconds": 30}, …]}]

`last_used_at` (ISO 8601 with a zone; left out for a plan never started) comes back too,
so the chooser still shows the plan used last first; a restore never makes it older.

each item with the keys of a `[[plan.item]]` table (services/plan_tables.py) and exercise
ids as the history stores them. Importing a backup brings the plans back by name, as a
plan file does (added, updated or unchanged: never a second copy), under their own ids
when those are free, so the restored sessions still point at their plan; and every user
exercise the backup lists, used by a set or not. A backup without `user_plans` (older
Backleg) imports as before. No Qt here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from backleg_desktop.content.field_reader import FieldReader
from backleg_desktop.content.fields import Fields
from backleg_desktop.content.model import Plan
from backleg_desktop.content.timed_plans import report_problems
from backleg_desktop.domain.history import user_exercise_name
from backleg_desktop.domain.plan_rules import ExerciseLike, plan_problems
from backleg_desktop.services import validation as check
from backleg_desktop.services.errors import ImportFormatError
from backleg_desktop.services.plan_catalog import UserExercise, is_user_plan_id
from backleg_desktop.services.plan_tables import (
    item_label,
    item_reader,
    item_table,
    read_item,
    without_empty,
)
from backleg_desktop.services.transfer.json_objects import Repeats, object_of
from backleg_desktop.services.user_plans import MergeOutcome, PlanInvalid

if TYPE_CHECKING:  # only for the types: importing it pulls in SQLAlchemy
    from backleg_desktop.services.workouts import WorkoutService

PLANS_KEY = "user_plans"
_BACKUP_FORMAT = "backleg-backup"  # transfer/backleg_json.py FORMAT_NAME


def plans_block(
    plans: Sequence[Plan], last_used: Mapping[str, datetime] | None = None
) -> list[dict[str, Any]]:
    """The `user_plans` list of a backup; `last_used`: plan id → when last started."""
    used = last_used or {}
    return [
        {
            "id": plan.id,
            "name": plan.name,
            "summary": plan.summary,
            **({"last_used_at": used[plan.id].isoformat()} if plan.id in used else {}),
            "items": [item_table(item) for item in plan.items],
        }
        for plan in plans
    ]


def restore_backup_plans(
    workouts: WorkoutService, path: Path, *, dry_run: bool = False
) -> list[tuple[str, MergeOutcome]]:
    """Bring back the plans and user exercises of the backup at `path`.

    Anything that is not a Backleg JSON backup is left to the session readers (they say
    what is wrong): nothing here, []. ImportFormatError, and nothing stored, for a plan
    that cannot be read. `dry_run`: only check.
    """
    top = _backup_top(path)
    if top is None:
        return []
    users = _user_exercise_names(top)
    known: dict[str, ExerciseLike] = dict(workouts.plans.plan_exercises())
    for name in users:
        known.setdefault(f"user:{name}", UserExercise(name))
    _refuse_repeats(path, top.get(PLANS_KEY), PLANS_KEY)
    plans, last_used = _read_plans(path, top.get(PLANS_KEY, []), known)
    try:
        if dry_run:  # the backup's user exercises are not stored yet: count them as known
            return workouts.plans.merge_preview(plans, users)
        for name in users:  # the exercises first: the plans may use them
            workouts.add_user_exercise(name)
        outcomes = workouts.plans.merge(plans)
        workouts.plans.keep_last_used(last_used)
        return outcomes
    except PlanInvalid as invalid:
        index = invalid.plan_index or 0
        reasons = "; ".join(f'field "{p.field}": {p.message}' for p in invalid.problems)
        raise ImportFormatError(
            str(path), None, f'{PLANS_KEY}[{index}] ("{plans[index].name}"): {reasons}'
        ) from None


def _backup_top(path: Path) -> Mapping[str, Any] | None:
    try:
        with path.open(encoding="utf-8") as handle:
            # Only an object can be a backup: a CSV (or anything else) is not read whole
            # into memory to find that out, which for a million rows was 500 MiB.
            start = handle.read(1 << 16).lstrip(" \t\n\r")
            if start and not start.startswith("{"):
                return None
            handle.seek(0)
            document = json.load(handle, object_pairs_hook=object_of)
    except (OSError, ValueError, RecursionError):
        return None  # the session reader reports it
    if not isinstance(document, dict) or document.get("format") != _BACKUP_FORMAT:
        return None
    return document


def _refuse_repeats(path: Path, value: object, where: str) -> None:
    """A plan's field given twice was read as its last value without a word."""
    if isinstance(value, Repeats):
        reason = f"{value.repeated!r} is given twice; keep one of them"
        raise ImportFormatError(str(path), None, f"{where}: {reason}")
    if isinstance(value, dict):
        for key, item in value.items():
            _refuse_repeats(path, item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _refuse_repeats(path, item, f"{where}[{index}]")


def _user_exercise_names(top: Mapping[str, Any]) -> list[str]:
    listed = top.get("user_exercises", [])
    names = []
    for entry in listed if isinstance(listed, list) else []:
        name = entry.get("name") if isinstance(entry, dict) else None
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return names


def _read_plans(
    path: Path, raw: object, known: Mapping[str, ExerciseLike]
) -> tuple[list[Plan], dict[str, datetime]]:
    """The backup's plans, and plan name → when it was last used (where the backup says)."""
    if not isinstance(raw, list):
        raise ImportFormatError(str(path), None, f"{PLANS_KEY}: expected a list")
    errors: list[str] = []
    plans = []
    last_used: dict[str, datetime] = {}
    for index, entry in enumerate(raw):
        where = f"{PLANS_KEY}[{index}]"
        if not isinstance(entry, dict):
            errors.append(f"{where}: expected an object")
            continue
        f = Fields(without_empty(entry), where, errors)
        plan_id = f.text("id", required=False)
        name, summary = f.text("name"), f.text("summary", required=False)
        used = _last_used(f.text("last_used_at", required=False), where, errors)
        if used is not None and name:
            last_used[name] = used
        readers = [
            item_reader(t, f"{where}.items[{i}] {item_label(i, t)}", errors)
            for i, t in enumerate(f.tables("items"))
        ]
        items = tuple(read_item(reader, _stored_id) for reader in readers)
        f.finish()
        plan = Plan(
            id=plan_id if is_user_plan_id(plan_id) else "",
            name=name,
            summary=summary,
            items=items,
            source="user",
        )
        report_problems(plan_problems(plan, known), f, readers)
        plans.append(plan)
    if errors:
        raise ImportFormatError(str(path), None, "; ".join(errors))
    return plans, last_used


def _last_used(text: str, where: str, errors: list[str]) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None or not check.plausible_time(moment):
        errors.append(
            f'{where} field "last_used_at": expected a date and time with its zone, '
            f"e.g. 2026-11-30T08:15:00+00:00 (got {text!r})"
        )
        return None
    return moment


def _stored_id(reader: FieldReader) -> str:
    exercise = reader.text("exercise")
    name = user_exercise_name(exercise)
    return exercise if name is None else f"user:{name.strip()}"
