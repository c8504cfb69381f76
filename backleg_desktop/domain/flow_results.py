"""What the session flow's operations hand back: a rest taken, an undo, a stop point.

Plain frozen dataclasses, split out of session_flow.py so the state machine stays one
job; session_flow re-exports them, so callers keep importing them from there.
"""

from __future__ import annotations

from dataclasses import dataclass

from backleg_desktop.domain.session_steps import SetKey, Step


@dataclass(frozen=True)
class RestTaken:
    """A rest that just ended, for the caller to store as the set's `rest_taken_s`."""

    key: SetKey  # the set the rest followed
    planned_s: float
    taken_s: float
    skipped: bool


@dataclass(frozen=True)
class Undone:
    """What `undo_last()` removed: delete the stored rows with these `keys` (one, or the
    left and right rows of an alternating set; `key` is the last of them)."""

    key: SetKey
    step: Step | None  # where the cursor went back to; None if the set was not in the plan
    keys: tuple[SetKey, ...] = ()


@dataclass(frozen=True)
class Unskipped:
    """What `undo_last()` took back when the last action was a skip: nothing to delete;
    the flow stands ready on `step`, the first set that was skipped, again."""

    step: Step
    whole_exercise: bool


@dataclass(frozen=True)
class _Skip:
    """A skip on the undo stack: the steps it marked, and where the cursor stood."""

    indices: tuple[int, ...]
    cursor: int
    whole_exercise: bool


@dataclass(frozen=True)
class StopPoint:
    """Where a session was stopped for pain (stored as stop_exercise_id/stop_set_number)."""

    exercise_id: str
    set_number: int


class FlowError(RuntimeError):
    """An operation that makes no sense in the current state (a bug in the caller)."""
