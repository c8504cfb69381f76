"""Every plan Backleg can run, in the order the chooser and the Plans page show them.

Built-in plans first, in the library's order (the Strength session first, so Ctrl+N
then Enter still starts it), then the user's own, most recently used first. Also what
a plan may contain: the library's exercises and the user's own (`user:<name>` ids, see
services/exercise_ids.py), which count as two-sided, as the session does
(domain/session_steps.py). No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from backleg_desktop.content.model import Library, Plan
from backleg_desktop.domain.plan_rules import ExerciseLike

if TYPE_CHECKING:  # only for the types: importing the store pulls in SQLAlchemy
    from backleg_desktop.services.store import Store

USER_PLAN_PREFIX = "user-plan:"  # a user plan's id is this and a uuid4


@dataclass(frozen=True)
class UserExercise:
    """A user exercise as the plan rules see it: the session counts it as two-sided."""

    name: str
    one_sided: bool = False


def is_user_plan_id(plan_id: str | None) -> bool:
    return bool(plan_id) and str(plan_id).startswith(USER_PLAN_PREFIX)


def every_plan(library: Library, store: Store | None) -> list[Plan]:
    """Built-in plans in library order, then the user's (most recently used first).

    Without a store (the history could not be opened) only the built-in plans.
    """
    plans = list(library.plans.values())
    if store is not None:
        plans += store.plans.all()
    return plans


def find_plan(library: Library, store: Store | None, plan_id: str) -> Plan | None:
    """The plan with `plan_id`, built-in or the user's; None if there is none."""
    if plan_id in library.plans:
        return library.plans[plan_id]
    if store is not None and is_user_plan_id(plan_id):
        return store.plans.get(plan_id)
    return None


def known_exercises(
    library: Library, user_exercises: Iterable[tuple[str, str]]
) -> Mapping[str, ExerciseLike]:
    """What plan items may name: library ids, and `(id, name)` pairs of user exercises."""
    known: dict[str, ExerciseLike] = dict(library.exercises)
    for exercise_id, name in user_exercises:
        known[exercise_id] = UserExercise(name)
    return known
