"""What counts as a set done, and how many sets a plan plans: the one definition.

The session summary, the History list and the History detail all count through these,
so one session reads "11 of 14" everywhere. A set is done when any side of it was logged
(a one-leg set logged left and right is ONE set, as the plan counts it); warm-ups are
not sets done against the plan, and a skipped set is not stored, so it never counts.
Pure Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

NOT_DONE_KINDS = frozenset({"warmup"})


class SetKey(Protocol):
    """What counting needs of a logged set (LoggedSet fits, and so does a stored row)."""

    @property
    def exercise_id(self) -> str: ...
    @property
    def set_number(self) -> int: ...
    @property
    def kind(self) -> str: ...


class _Range(Protocol):
    @property
    def low(self) -> int: ...
    @property
    def high(self) -> int: ...


class _Item(Protocol):
    @property
    def sets(self) -> _Range: ...


class _Plan(Protocol):
    @property
    def items(self) -> Sequence[_Item]: ...


def counts_as_done(kind: str) -> bool:
    return kind not in NOT_DONE_KINDS


def sets_done(sets: Iterable[SetKey]) -> int:
    """How many sets were done: distinct (exercise, set number), warm-ups left out."""
    return sets_done_of((s.exercise_id, s.set_number, s.kind) for s in sets)


def sets_done_of(keys: Iterable[tuple[str, int, str]]) -> int:
    """The same count from plain (exercise id, set number, kind) rows: what History's
    list reads from the database for thousands of sessions at once."""
    return len(
        {(exercise_id, number) for exercise_id, number, kind in keys if kind not in NOT_DONE_KINDS}
    )


def sets_planned(plan: _Plan | None) -> int:
    """The top of each item's range ("2–3 sets" plans 3); a one-leg item counts once."""
    return sum(item.sets.high for item in plan.items) if plan is not None else 0


def sets_planned_min(plan: _Plan | None) -> int:
    """The bottom of each item's range: what is left when the optional sets are declined."""
    return sum(item.sets.low for item in plan.items) if plan is not None else 0


def format_sets_done(done: int, planned: int) -> str:
    """ "11 of 14", or "11" when there was no plan to count against."""
    return f"{done} of {planned}" if planned else str(done)
