"""What the ready screen and the warm-up offer say Space starts: the set, a hold, or a
plan's warm-up set (a plan of your own may begin with one)."""

from __future__ import annotations

import pytest

from backleg_desktop.content.model import IntRange, Plan, PlanItem

SQUAT_WITH_WARMUP = PlanItem(
    "goblet-squat", IntRange(2, 2), IntRange(8, 10), False, IntRange(60, 60), None, 1
)
WALL_SIT = PlanItem("wall-squat", IntRange(2, 2), None, False, IntRange(45, 45), IntRange(20, 30))


@pytest.mark.parametrize(
    ("item", "first"),
    [(SQUAT_WITH_WARMUP, "warm-up set"), (WALL_SIT, "hold")],
)
def test_space_is_said_to_start_what_it_starts(drive, item, first) -> None:
    drive.window.plan_book.save(Plan("", "Mine", "", (item,), "user"))
    drive.start(plan_index=4)  # after the four built-in plans
    screen = drive.page.exercise_screen
    assert drive.page.plan.name == "Mine"
    assert screen.hint.text() == f"Press Space to start the {first}."
    assert screen.warm_up_offer.text().endswith(f"Press W to run it; Space starts the {first}.")
    drive.space()
    assert drive.page.flow.state == "in_set"
    assert drive.page.flow.current_step.kind == ("warmup" if first == "warm-up set" else "working")


def test_after_a_warm_up_set_the_working_set_is_a_set_again(drive) -> None:
    drive.window.plan_book.save(Plan("", "Mine", "", (SQUAT_WITH_WARMUP,), "user"))
    drive.start(plan_index=4)
    drive.do_set()
    drive.space()  # skip the rest
    assert drive.page.exercise_screen.hint.text() == "Press Space to start the set."
