"""One-leg moves: alternating legs logs both in one step; one side then the other, two."""

from __future__ import annotations

import pytest

from backleg_desktop.domain.one_leg import (
    DEFAULT_ONE_LEG_MODE,
    ONE_LEG_MODES,
    effective_mode,
    how_to_do_the_set,
    one_leg_mode_problem,
    set_steps,
)


def test_the_two_modes() -> None:
    assert ONE_LEG_MODES == ("alternate", "one-side-then-other")
    assert DEFAULT_ONE_LEG_MODE == "one-side-then-other"


def test_alternating_legs_is_one_step_logging_both_sides() -> None:
    assert set_steps(True, "alternate") == (("left", "right"),)


def test_one_side_then_the_other_is_two_steps() -> None:
    assert set_steps(True, "one-side-then-other") == (("left",), ("right",))
    assert set_steps(True, None) == (("left",), ("right",))  # the default: today's flow


def test_a_two_sided_move_has_one_step_and_no_mode() -> None:
    assert set_steps(False, None) == (("both",),)
    assert set_steps(False, "alternate") == (("both",),)
    assert effective_mode(False, "alternate") is None
    assert effective_mode(True, None) == DEFAULT_ONE_LEG_MODE


def test_the_instructions_say_which_way() -> None:
    alternate = how_to_do_the_set("alternate", "8")
    assert "Alternate legs rep by rep: 8 on each leg" in alternate
    assert "then" not in alternate  # no "finish one side, then switch"
    sides = how_to_do_the_set("one-side-then-other", "8–10")
    assert sides == "Do all 8–10 reps on one leg, then the same on the other."


@pytest.mark.parametrize(
    ("value", "one_sided", "problem"),
    [
        ("alternate", True, None),
        ("one-side-then-other", True, None),
        ("alternating", True, "must be one of alternate, one-side-then-other"),
        ("alternate", False, "only a one-sided exercise"),
    ],
)
def test_mode_problems(value: str, one_sided: bool, problem: str | None) -> None:
    found = one_leg_mode_problem(value, one_sided)
    assert (found is None) if problem is None else (found is not None and problem in found)
