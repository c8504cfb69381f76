"""The reps and load to show before a set, from last time and from today. Pure Python."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from backleg_desktop.domain.session_steps import SetLike, Step


@dataclass(frozen=True)
class Prefill:
    """The reps and load to show before a set."""

    reps: int
    load_kg: float | None
    note: str | None = None  # why the load differs from last time's ("lighter today: pain 5")
    left_reps: int | None = None  # an alternating set: the left leg's (`reps` is the right's)


def prefill(
    step: Step, last_time: Sequence[SetLike], this_session: Sequence[SetLike] = ()
) -> Prefill:
    """The reps and load to show for `step`.

    `last_time` holds the sets of the last session that had this exercise; `this_session`
    the sets logged so far today (each list in logging order; other exercises are
    ignored). In order of preference:

    1. the latest set of this exercise today (same side if there is one), so what was
       typed for set 1 carries to set 2 instead of reverting to last time's numbers;
    2. last time's values for the same set number and side;
    3. last time's closest set on the same side (or any side);
    4. the bottom of the rep range and no load.

    An alternating set (both legs in one step) gets each leg's reps this way, and the
    load of its right row (both rows carry the same load).
    """
    if step.alternating:
        left = _prefill_side(replace(step, side="left", sides=()), last_time, this_session)
        right = _prefill_side(replace(step, sides=()), last_time, this_session)
        return replace(right, left_reps=left.reps)
    return _prefill_side(step, last_time, this_session)


def _prefill_side(
    step: Step, last_time: Sequence[SetLike], this_session: Sequence[SetLike]
) -> Prefill:
    before = [s for s in last_time if s.exercise_id == step.exercise_id]
    today = [s for s in this_session if s.exercise_id == step.exercise_id]

    def values(logged: SetLike) -> Prefill:
        reps = logged.reps if logged.reps is not None else step.reps_low
        return Prefill(reps=reps, load_kg=logged.load_kg)

    same_side_today = [s for s in today if s.side == step.side]
    if same_side_today or today:
        return values((same_side_today or today)[-1])
    for logged in before:
        if logged.set_number == step.log_set_number and logged.side == step.side:
            return values(logged)
    candidates = [s for s in before if s.side == step.side] or before
    if candidates:
        closest = min(
            candidates,
            key=lambda s: (abs(s.set_number - step.log_set_number), -s.set_number),
        )
        return values(closest)
    return Prefill(reps=step.reps_low, load_kg=None)
