"""A step's stored rows: the rows one step logs, and logged rows grouped back into steps.

Pure Python, split out of session_flow.py. A step logs one row, except an alternating
set (the reverse lunge: legs take turns rep by rep), which logs a left and a right row
with the same set number, one load, one duration and the rest on the right row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from backleg_desktop.domain.history import SetEntry
from backleg_desktop.domain.session_steps import SetKey, SetLike, Step


def step_rows(
    step: Step,
    reps: int | None,
    right_reps: int | None,
    load_kg: float | None,
    duration_s: float,
    completed_at: datetime,
    note: str = "",
) -> tuple[SetEntry, ...]:
    """The rows to store for `step`, in order: left (`reps`) then right (`right_reps`,
    the left's if None) for an alternating set, else one row of `reps`."""
    rest = None if step.rest_after_s is None else float(step.rest_after_s)
    right = reps if right_reps is None else right_reps
    return tuple(
        SetEntry(
            exercise_id=step.exercise_id,
            set_number=step.log_set_number,
            side=side,
            kind="working",
            reps=right if step.alternating and side == "right" else reps,
            load_kg=load_kg,
            duration_s=round(duration_s, 3),
            rest_planned_s=rest if side == step.side else None,  # the rest follows the last row
            rest_taken_s=None,
            completed_at=completed_at,
            note=note,
        )
        for side in step.logged_sides
    )


def group_logged(
    logged: Sequence[SetLike], steps_by_key: Mapping[SetKey, Step]
) -> list[tuple[SetKey, ...]]:
    """The keys of `logged` (in logging order) as one entry per logged step: the left
    and right rows of an alternating set together, every other row on its own."""
    groups: list[tuple[SetKey, ...]] = []
    for logged_set in logged:
        key = SetKey.of(logged_set)
        step = steps_by_key.get(key)
        if step is not None and step.alternating and groups and groups[-1][0] in step.keys:
            groups[-1] = (*groups[-1], key)
        else:
            groups.append((key,))
    return groups
