"""The user's own plans, stored in the history file: `store.plans.save(plan)` and friends.

One row of `user_plans` a plan (migration 0005), its items as JSON in the shape of a
`[[plan.item]]` table (services/plan_tables.py). A plan is checked by the same rules as
the shipped ones (domain/plan_rules.py) before anything is written, so nothing invalid
is ever stored. Sessions keep a plan's id and a snapshot of its name, so deleting a
plan leaves its history as it was. No Qt here.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Literal

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from backleg_desktop.content.field_reader import FieldReader
from backleg_desktop.content.model import Library, Plan, PlanItem
from backleg_desktop.domain.history import user_exercise_id, user_exercise_name
from backleg_desktop.domain.plan_rules import (
    ExerciseLike,
    PlanProblem,
    name_key,
    plan_problems,
)
from backleg_desktop.services.errors import BacklegError, StorageError
from backleg_desktop.services.history_db import HistoryDb
from backleg_desktop.services.plan_catalog import (
    USER_PLAN_PREFIX,
    is_user_plan_id,
    known_exercises,
)
from backleg_desktop.services.plan_tables import item_label, item_reader, item_table, read_item
from backleg_desktop.storage import repository as repo
from backleg_desktop.storage.models import UserPlanRow

MergeOutcome = Literal["added", "updated", "unchanged"]


class PlanInvalid(BacklegError):
    """A plan that breaks the plan rules (or whose name is taken); nothing was stored."""

    def __init__(self, problems: Sequence[PlanProblem], plan_index: int | None = None) -> None:
        self.problems = list(problems)
        self.plan_index = plan_index  # which plan of a `save_all` batch (0-based)
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = []
        for p in self.problems:
            where = "the plan" if p.item is None else f"item {p.item + 1}"
            parts.append(f'{where}, field "{p.field}": {p.message}')
        return "The plan was not saved: " + "; ".join(parts) + "."


def new_plan_id() -> str:
    return f"{USER_PLAN_PREFIX}{uuid.uuid4()}"


class UserPlans:
    """See the module docstring. `now` gives aware UTC datetimes."""

    def __init__(self, db: HistoryDb, library: Library, now: Callable[[], datetime]) -> None:
        self._db = db
        self._library = self.library = library
        self._now = now

    def all(self) -> list[Plan]:
        """Every user plan: the most recently used first, then those never used, by name."""
        with self._db.read() as db:
            rows = db.execute(
                select(UserPlanRow).order_by(
                    UserPlanRow.last_used_at.is_(None),
                    UserPlanRow.last_used_at.desc(),
                    UserPlanRow.name,
                )
            ).scalars()
            return [_plan_of(row) for row in rows]

    def get(self, plan_id: str) -> Plan | None:
        with self._db.read() as db:
            row = db.get(UserPlanRow, plan_id)
            return None if row is None else _plan_of(row)

    def save(self, plan: Plan) -> Plan:
        """Create (`plan.id == ""`: a new stable id) or replace a user plan; return it as stored.

        A plan with an id that is not stored yet is created under that id (undoing a
        delete, or a restore). PlanInvalid, and nothing stored, if any rule is broken
        or another plan has the name.
        """
        return self.save_all([plan])[0]

    def save_all(self, plans: Sequence[Plan]) -> list[Plan]:
        """`save` for several plans in one transaction: all are stored, or none.

        PlanInvalid names the first plan refused (`plan_index`) and why.
        """
        with self._db.write() as db:
            saved = []
            for index, plan in enumerate(plans):
                try:
                    saved.append(self._write(db, plan))
                except PlanInvalid as invalid:
                    raise PlanInvalid(invalid.problems, index) from None
            return saved

    def merge(self, plans: Sequence[Plan]) -> list[tuple[str, MergeOutcome]]:
        """Bring in plans from a file or a backup, matched to the stored ones by name (any
        case): a new name is "added" (keeping its `user-plan:` id when that is free, so
        restored sessions still point at it), a plan that differs "updated" in place, an
        identical one "unchanged". One transaction: all, or PlanInvalid and none."""
        outcomes: list[tuple[str, MergeOutcome]] = []
        with self._db.write() as db:
            rows = db.execute(select(UserPlanRow)).scalars()
            stored = {name_key(row.name): _plan_of(row) for row in rows}
            for index, plan in enumerate(plans):
                old = stored.get(name_key(plan.name))
                try:
                    if old is None:
                        free = is_user_plan_id(plan.id) and db.get(UserPlanRow, plan.id) is None
                        saved = self._write(db, replace(plan, id=plan.id if free else ""))
                        outcomes.append((saved.name, "added"))
                        continue
                    candidate = self._checked(db, replace(plan, id=old.id))
                    if (candidate.name, candidate.summary, candidate.items) == (
                        old.name,
                        old.summary,
                        old.items,
                    ):
                        outcomes.append((old.name, "unchanged"))
                    else:
                        outcomes.append((self._write(db, candidate).name, "updated"))
                except PlanInvalid as invalid:
                    raise PlanInvalid(invalid.problems, index) from None
        return outcomes

    def merge_preview(
        self, plans: Sequence[Plan], new_exercises: Sequence[str] = ()
    ) -> list[tuple[str, MergeOutcome]]:
        """What `merge(plans)` would do, writing nothing; PlanInvalid as it would.

        `new_exercises`: names of user exercises that will be added first (a backup's).
        """
        outcomes: list[tuple[str, MergeOutcome]] = []
        with self._db.read() as db:
            rows = db.execute(select(UserPlanRow)).scalars()
            stored = {name_key(row.name): _plan_of(row) for row in rows}
            for index, plan in enumerate(plans):
                old = stored.get(name_key(plan.name))
                try:
                    new_id = old.id if old else ""
                    candidate = self._checked(db, replace(plan, id=new_id), new_exercises)
                except PlanInvalid as invalid:
                    raise PlanInvalid(invalid.problems, index) from None
                if old is None:
                    outcomes.append((candidate.name, "added"))
                elif (candidate.name, candidate.summary, candidate.items) == (
                    old.name,
                    old.summary,
                    old.items,
                ):
                    outcomes.append((old.name, "unchanged"))
                else:
                    outcomes.append((candidate.name, "updated"))
        return outcomes

    def _write(self, db: Session, plan: Plan) -> Plan:
        if plan.id and not is_user_plan_id(plan.id):
            message = f'"{plan.id}" is a built-in plan; save a copy of it instead'
            raise PlanInvalid([PlanProblem(None, "id", message)])
        stored = self._checked(db, plan)
        row = db.get(UserPlanRow, stored.id)
        now = self._now()
        if row is None:
            row = UserPlanRow(id=stored.id, created_at=now, last_used_at=None)
            db.add(row)
        row.name = stored.name
        row.summary = stored.summary
        row.items_json = items_json(stored.items)
        row.updated_at = now
        db.flush()  # the next plan of a batch sees this one's name
        return stored

    def delete(self, plan_id: str) -> None:
        """Remove the plan; its sessions keep their plan id and name. No plan: nothing."""
        with self._db.write() as db:
            db.execute(delete(UserPlanRow).where(UserPlanRow.id == plan_id))

    def mark_used(self, plan_id: str) -> None:
        """The plan was started now (it moves to the front of `all()`)."""
        if not is_user_plan_id(plan_id):
            return
        with self._db.write() as db:
            db.execute(
                update(UserPlanRow)
                .where(UserPlanRow.id == plan_id)
                .values(last_used_at=self._now())
            )

    def last_used(self) -> dict[str, datetime]:
        """Plan id → when it was last started, for the plans that ever were (the backup)."""
        with self._db.read() as db:
            rows = db.execute(
                select(UserPlanRow.id, UserPlanRow.last_used_at).where(
                    UserPlanRow.last_used_at.is_not(None)
                )
            )
            return {plan_id: used for plan_id, used in rows if used is not None}

    def keep_last_used(self, by_name: Mapping[str, datetime]) -> None:
        """After a restore: each named plan (any case) was last used at the later of its
        stored time and the backup's, so the chooser keeps its order."""
        if not by_name:
            return
        wanted = {name_key(name): used for name, used in by_name.items()}
        with self._db.write() as db:
            for row in db.execute(select(UserPlanRow)).scalars():
                used = wanted.get(name_key(row.name))
                if used is not None and (row.last_used_at is None or row.last_used_at < used):
                    row.last_used_at = used

    def problems(self, plan: Plan) -> list[PlanProblem]:
        """What `save` would refuse `plan` for ([] if it would store it); nothing written."""
        try:
            with self._db.read() as db:
                self._checked(db, plan)
        except PlanInvalid as invalid:
            return invalid.problems
        return []

    def known_exercises(self) -> dict[str, str]:
        """Exercise id → name of every exercise a plan may use: library, then user's."""
        with self._db.read() as db:
            users = repo.user_exercises(db)
        names = {e.id: e.name for e in self._library.exercises.values()}
        return names | dict(users)

    def plan_exercises(self) -> Mapping[str, ExerciseLike]:
        """The exercises plan items may name, as the plan rules take them (plan_problems)."""
        with self._db.read() as db:
            return known_exercises(self._library, repo.user_exercises(db))

    # -- checks ----------------------------------------------------------------------

    def _checked(self, db: Session, plan: Plan, new_exercises: Sequence[str] = ()) -> Plan:
        """`plan` as it would be stored (id, trimmed name, user exercise ids as stored);
        `new_exercises`: user exercise names to count as stored too."""
        users = repo.user_exercises(db)
        names = {name.casefold() for _, name in users}
        users += [(user_exercise_id(n), n) for n in new_exercises if n.casefold() not in names]
        by_name = {name.casefold(): exercise_id for exercise_id, name in users}
        items = tuple(_canonical(item, by_name) for item in plan.items)
        stored = replace(
            plan,
            id=plan.id or new_plan_id(),
            name=plan.name.strip(),
            summary=plan.summary.strip(),
            items=items,
            source="user",
        )
        problems = plan_problems(stored, known_exercises(self._library, users))
        if stored.name and not any(p.field == "name" for p in problems):
            taken = self._name_taken(db, stored)
            if taken:
                problems.insert(0, PlanProblem(None, "name", taken))
        if problems:
            raise PlanInvalid(problems)
        return stored

    def _name_taken(self, db: Session, plan: Plan) -> str | None:
        key = name_key(plan.name)
        if any(name_key(p.name) == key for p in self._library.plans.values()):
            return f'a built-in plan is already called "{plan.name}"'
        other = db.execute(
            select(UserPlanRow.name).where(UserPlanRow.name == plan.name, UserPlanRow.id != plan.id)
        ).scalar_one_or_none()
        if other is None:  # NOCASE covers ASCII; name_key the rest
            names = db.execute(select(UserPlanRow.name).where(UserPlanRow.id != plan.id))
            other = next((n for n in names.scalars() if name_key(n) == key), None)
        return None if other is None else f'you already have a plan called "{other}"'


def items_json(items: Sequence[PlanItem]) -> str:
    return json.dumps([item_table(item) for item in items], ensure_ascii=False)


def _canonical(item: PlanItem, user_ids: dict[str, str]) -> PlanItem:
    """A `user:<name>` id spelled as the user exercise is stored (names match in any case)."""
    name = user_exercise_name(item.exercise_id)
    if name is None:
        return item
    stored = user_ids.get(name.strip().casefold())
    return replace(item, exercise_id=stored or user_exercise_id(name.strip()))


def _exercise_id(reader: FieldReader) -> str:
    return reader.text("exercise")


def _plan_of(row: UserPlanRow) -> Plan:
    errors: list[str] = []
    items: list[PlanItem] = []
    where = f'user plan "{row.name}"'
    try:
        tables = json.loads(row.items_json)
    except ValueError:
        tables = None
    if not isinstance(tables, list):
        errors.append(f"{where}: its items are not a list")
        tables = []
    for index, table in enumerate(tables):
        if not isinstance(table, dict):
            errors.append(f"{where}, item {index + 1}: not a table")
            continue
        reader = item_reader(table, f"{where}, {item_label(index, table)}", errors)
        items.append(read_item(reader, _exercise_id))
    if errors:
        # Only a hand-edited or damaged file gets here: say which plan, never guess.
        raise StorageError(
            "A plan of yours in the history file could not be read: " + "; ".join(errors)
        )
    return Plan(id=row.id, name=row.name, summary=row.summary, items=tuple(items), source="user")
