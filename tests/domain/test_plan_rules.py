"""The plan rules, shared by the shipped content, the user's plans and plan files."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest

from backleg_desktop.content.model import IntRange, Plan, PlanItem
from backleg_desktop.domain.plan_rules import PlanProblem, plan_problems


@dataclass(frozen=True)
class Move:
    one_sided: bool


EXERCISES = {"glute-bridge": Move(False), "step-up": Move(True), "user:Hip hinge": Move(False)}
BRIDGE = PlanItem("glute-bridge", IntRange(2, 3), IntRange(8, 10), False, IntRange(30, 30))
STEP_UP = PlanItem("step-up", IntRange(2, 2), IntRange(8, 8), True, IntRange(60, 75))


def plan(*items: PlanItem, name: str = "Home day") -> Plan:
    return Plan(id="", name=name, summary="", items=items, source="user")


def test_a_good_plan_has_no_problems() -> None:
    good = plan(BRIDGE, replace(STEP_UP, warmup_sets=2, note="Small step first"))
    assert plan_problems(good, EXERCISES) == []
    assert plan_problems(plan(replace(BRIDGE, exercise_id="user:Hip hinge")), EXERCISES) == []


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        (plan(BRIDGE, name="  "), PlanProblem(None, "name", "must not be empty")),
        (plan(), PlanProblem(None, "item", "a plan needs at least one exercise")),
        (
            plan(BRIDGE, replace(BRIDGE, exercise_id="leg-extension")),
            PlanProblem(1, "exercise", 'unknown exercise id "leg-extension"'),
        ),
        (plan(replace(BRIDGE, exercise_id="")), PlanProblem(0, "exercise", "choose an exercise")),
        (
            plan(replace(BRIDGE, reps=IntRange(10, 8))),
            PlanProblem(0, "reps", "low 10 is greater than high 8"),
        ),
        (
            plan(replace(BRIDGE, sets=IntRange(0, 0))),
            PlanProblem(0, "sets", "0 is less than 1"),
        ),
        (
            plan(replace(BRIDGE, rest_seconds=IntRange(-5, 60))),
            PlanProblem(0, "rest_seconds", "low -5 is negative"),
        ),
        (
            plan(replace(BRIDGE, per_leg=True)),
            PlanProblem(0, "per_leg", '"glute-bridge" is not a one-sided exercise'),
        ),
        (
            plan(replace(BRIDGE, hold_seconds=IntRange(30, 30))),
            PlanProblem(0, "hold_seconds", "an item has either reps or hold_seconds, never both"),
        ),
        (
            plan(replace(BRIDGE, reps=None)),
            PlanProblem(0, "reps", "is missing (a timed hold gives hold_seconds instead)"),
        ),
        (
            plan(replace(BRIDGE, reps=None, hold_seconds=IntRange(40, 20))),
            PlanProblem(0, "hold_seconds", "low 40 is greater than high 20"),
        ),
        (
            plan(replace(BRIDGE, warmup_sets=3)),
            PlanProblem(0, "warmup_sets", "must be 0 to 2, not 3"),
        ),
        (
            plan(replace(BRIDGE, reps=None, hold_seconds=IntRange(30, 30), warmup_sets=1)),
            PlanProblem(0, "warmup_sets", "a timed hold has no warm-up sets"),
        ),
        (
            plan(replace(BRIDGE, warmup_sets=-1)),
            PlanProblem(0, "warmup_sets", "must be 0 to 2, not -1"),
        ),
    ],
)
def test_each_rule_names_the_item_and_field(bad: Plan, expected: PlanProblem) -> None:
    assert plan_problems(bad, EXERCISES) == [expected]


def test_problems_come_plan_first_then_item_by_item() -> None:
    bad = plan(replace(STEP_UP, exercise_id="nope"), replace(BRIDGE, sets=IntRange(3, 2)), name="")
    assert [(p.item, p.field) for p in plan_problems(bad, EXERCISES)] == [
        (None, "name"),
        (0, "exercise"),
        (1, "sets"),
    ]
