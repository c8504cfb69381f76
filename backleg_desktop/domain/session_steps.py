"""A plan laid out as the session's steps, and the rest planned after each.

Each plan item is done for sets 1..sets.high (a "2–3 sets" item plans the top of the
range; the sets above the bottom are `optional`). A one-sided exercise is done as its
content says (domain.one_leg): one side then the other is a left and a right step per
set, the right following the left with no rest between them; alternating legs (the
reverse lunge) is one step per set that logs both sides at once, as a left and a right
row with the same set number, so History, records and counts read it like any other
one-leg set.

The plan and library are typed structurally (`PlanLike`, `ExerciseSource`) because the
domain layer sits below the content layer; `content.model.Plan` and `Library` fit.
Pure Python.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from backleg_desktop.domain.history import SetKind, Side
from backleg_desktop.domain.one_leg import OneLegMode, set_steps
from backleg_desktop.domain.plan_rules import PlanItemLike
from backleg_desktop.domain.set_work import RangeLike

RestChoice = Literal["bottom", "middle", "top"]


# -- the shapes of content the flow reads (a plan item's is the plan rules' own) ---------
class PlanLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def items(self) -> Sequence[PlanItemLike]: ...


class ExerciseLike(Protocol):
    @property
    def one_sided(self) -> bool: ...
    @property
    def one_leg_mode(self) -> OneLegMode | None: ...


class ExerciseSource(Protocol):
    """A content `Library`: the flow only asks whether an exercise is one-sided, and how."""

    @property
    def exercises(self) -> Mapping[str, ExerciseLike]: ...


class SetLike(Protocol):
    """A logged set as the flow needs it: `LoggedSet` and `SetEntry` both fit."""

    @property
    def exercise_id(self) -> str: ...
    @property
    def set_number(self) -> int: ...
    @property
    def side(self) -> Side: ...
    @property
    def reps(self) -> int | None: ...
    @property
    def load_kg(self) -> float | None: ...
    @property
    def kind(self) -> SetKind: ...


@dataclass(frozen=True)
class SetKey:
    """Identifies a logged set within a session (unique: see `Step.log_set_number`)."""

    exercise_id: str
    set_number: int
    side: Side

    @classmethod
    def of(cls, logged: SetLike) -> SetKey:
        return cls(logged.exercise_id, logged.set_number, logged.side)


@dataclass(frozen=True)
class Step:
    """One set (or one side of a set) in the session's order."""

    index: int  # position in `SessionFlow.steps`
    item_index: int  # which plan item
    exercise_id: str
    set_number: int  # 1-based within the plan item: "Set 2 of 3"
    total_sets: int  # sets planned for the item: the top of its range
    min_sets: int  # the bottom of the range; sets above it are optional
    side: Side
    reps_low: int
    reps_high: int
    per_leg: bool  # the reps count for each leg
    rest_after_s: int | None  # rest that follows; None after a left side and the last step
    log_set_number: int  # set_number as stored; counts on if an exercise recurs in a plan
    hold_s: int | None = None  # a timed hold: its countdown (no reps); None for reps
    # Alternating legs: the sides this one step logs, ("left", "right"); `side` is then
    # "right", the row the rest is stored on. Empty: the step logs `side` alone.
    sides: tuple[Side, ...] = ()
    # "warmup": one of the item's warm-up sets (set_number counts them, 1..total_sets),
    # before its working sets; stored as kind "warmup", never a working set or record.
    kind: SetKind = "working"

    @property
    def is_hold(self) -> bool:
        return self.hold_s is not None

    @property
    def alternating(self) -> bool:
        """Legs take turns rep by rep: one step logs the left and the right reps."""
        return len(self.sides) > 1

    @property
    def logged_sides(self) -> tuple[Side, ...]:
        return self.sides or (self.side,)

    @property
    def keys(self) -> tuple[SetKey, ...]:
        """Every row this step logs (two for an alternating set)."""
        return tuple(SetKey(self.exercise_id, self.log_set_number, s) for s in self.logged_sides)

    @property
    def optional(self) -> bool:
        return self.set_number > self.min_sets

    @property
    def key(self) -> SetKey:
        return SetKey(self.exercise_id, self.log_set_number, self.side)

    @property
    def reps_text(self) -> str:
        """ "12–15" or "8"; the caller adds "per leg" when `per_leg`."""
        if self.reps_low == self.reps_high:
            return str(self.reps_low)
        return f"{self.reps_low}–{self.reps_high}"


def planned_rest(rest: RangeLike, choice: RestChoice = "bottom") -> int:
    """The rest to count down from a plan's range, by the user's setting."""
    if choice == "top":
        return rest.high
    if choice == "middle":
        return (rest.low + rest.high) // 2
    return rest.low


def warmup_then_working(warmups: int, working: int) -> list[tuple[int, SetKind]]:
    """(set number shown, kind) for an item's warm-ups, then its working sets."""
    return [(n, "warmup") for n in range(1, warmups + 1)] + [
        (n, "working") for n in range(1, working + 1)
    ]


def build_steps(
    plan: PlanLike,
    library: ExerciseSource,
    rest_choice: RestChoice = "bottom",
    rest_overrides: Mapping[str, int] | None = None,
) -> tuple[Step, ...]:
    """Every set of the plan in order: one step per set, or per side for a one-sided
    exercise done one side then the other (see the module docstring).

    An exercise the library does not know (a user exercise) counts as two-sided.
    `rest_overrides` (exercise id → seconds) are the user's own rest lengths; they take
    the place of the plan's range for those exercises.
    """
    overrides = rest_overrides or {}
    planned: list[tuple[int, PlanItemLike, int, tuple[Side, ...], int, SetKind]] = []
    sets_before: dict[str, int] = {}  # sets of the same exercise earlier in the plan
    for item_index, item in enumerate(plan.items):
        exercise = library.exercises.get(item.exercise_id)
        one_sided = exercise is not None and exercise.one_sided
        mode = exercise.one_leg_mode if exercise is not None else None
        per_set = set_steps(one_sided, mode)
        offset = sets_before.get(item.exercise_id, 0)
        warmups = item.warmup_sets if item.reps is not None else 0  # a hold has none
        sets_before[item.exercise_id] = offset + warmups + item.sets.high
        for number, kind in warmup_then_working(warmups, item.sets.high):
            offset += 1  # stored set numbers count the warm-ups too, in the order done
            for sides in per_set:
                planned.append((item_index, item, number, sides, offset, kind))
    steps: list[Step] = []
    for index, (item_index, item, set_number, sides, log_set_number, kind) in enumerate(planned):
        side = sides[-1]  # an alternating set's rest goes on its right row
        warmup = kind == "warmup"
        no_rest = index == len(planned) - 1 or side == "left"
        steps.append(
            Step(
                index=index,
                item_index=item_index,
                exercise_id=item.exercise_id,
                set_number=set_number,
                total_sets=item.warmup_sets if warmup else item.sets.high,
                min_sets=item.warmup_sets if warmup else item.sets.low,
                side=side,
                reps_low=item.reps.low if item.reps is not None else 0,
                reps_high=item.reps.high if item.reps is not None else 0,
                per_leg=item.per_leg,
                rest_after_s=None
                if no_rest
                else overrides.get(item.exercise_id)
                or planned_rest(item.rest_seconds, rest_choice),
                log_set_number=log_set_number,
                # A hold counts down the low end of its range: the gentler choice.
                hold_s=None if item.hold_seconds is None else item.hold_seconds.low,
                sides=sides if len(sides) > 1 else (),
                kind=kind,
            )
        )
    return tuple(steps)
