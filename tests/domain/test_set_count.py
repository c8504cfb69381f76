"""domain.set_count: a set done is a distinct (exercise, set number), warm-ups left out."""

from __future__ import annotations

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.domain.set_count import (
    format_sets_done,
    sets_done,
    sets_done_of,
    sets_planned,
    sets_planned_min,
)
from tests.support.library import STRENGTH

SETS = [
    SetEntry("leg-extension", 1, kind="warmup"),
    SetEntry("leg-extension", 2),
    SetEntry("reverse-lunge", 1, side="left"),
    SetEntry("reverse-lunge", 1, side="right"),  # the same set: one
    SetEntry("split-stance-rdl", 1, side="left", kind="drop"),  # one side logged: one
    SetEntry("goblet-squat", 3, kind="failure"),
]


def test_one_leg_sets_count_once_and_warm_ups_not_at_all() -> None:
    assert sets_done(SETS) == 4
    assert sets_done_of((s.exercise_id, s.set_number, s.kind) for s in SETS) == 4
    assert sets_done([]) == 0


def test_a_plan_plans_the_top_of_each_range_and_a_one_leg_item_once() -> None:
    assert sets_planned(STRENGTH) == 3 + 3 + 3 + 3 + 2
    assert sets_planned_min(STRENGTH) == 3 + 3 + 3 + 2 + 2
    assert sets_planned(None) == 0
    assert format_sets_done(5, 14) == "5 of 14"
    assert format_sets_done(5, 0) == "5"
