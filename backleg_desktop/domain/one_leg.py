"""How a one-leg move is done, and so how its sets are logged.

Pure Python. The content says which way each one-sided exercise goes:

* "alternate": legs take turns rep by rep (the reverse lunge). One set is one step that
  logs the left and the right reps together, as two rows (left, right) with the same set
  number, so per-side history and records stay as they are.
* "one-side-then-other": all reps on one leg, then all on the other (the split-stance
  RDL). One set is two steps, left then right, with no rest between (today's flow).

A two-sided exercise has no mode (None) and one step per set that logs side "both".
"""

from __future__ import annotations

from typing import Literal, get_args

from backleg_desktop.domain.history import Side

OneLegMode = Literal["alternate", "one-side-then-other"]
ONE_LEG_MODES: tuple[OneLegMode, ...] = get_args(OneLegMode)
DEFAULT_ONE_LEG_MODE: OneLegMode = "one-side-then-other"  # what the flow has always done


def one_leg_mode_problem(value: str, one_sided: bool) -> str | None:
    """Why `value` cannot be an exercise's mode, or None if it can."""
    if value not in ONE_LEG_MODES:
        return f"must be one of {', '.join(ONE_LEG_MODES)}, not {value!r}"
    if not one_sided:
        return "only a one-sided exercise (one_sided = true) has a one-leg mode"
    return None


def effective_mode(one_sided: bool, mode: OneLegMode | None) -> OneLegMode | None:
    """The mode the session uses: None for two-sided moves, the default if unset."""
    if not one_sided:
        return None
    return mode or DEFAULT_ONE_LEG_MODE


def set_steps(one_sided: bool, mode: OneLegMode | None) -> tuple[tuple[Side, ...], ...]:
    """The steps of one set, each with the sides it logs: ((both,),), ((left, right),)
    for alternating legs, or ((left,), (right,)) for one side then the other."""
    chosen = effective_mode(one_sided, mode)
    if chosen is None:
        return (("both",),)
    if chosen == "alternate":
        return (("left", "right"),)
    return (("left",), ("right",))


def how_to_do_the_set(mode: OneLegMode, reps: str) -> str:
    """The line the exercise screen shows for a one-leg move; `reps` is e.g. "8"."""
    if mode == "alternate":
        return f"Alternate legs rep by rep: {reps} on each leg. Log both legs' reps together."
    return f"Do all {reps} reps on one leg, then the same on the other."
