"""The guided session as a pure state machine: which set is next, what Space means, when to rest.

Built from a plan and the sets already logged (so a crashed session resumes where it
stopped). It owns the session's `SetTimer` and `RestTimer` (on an injected clock), but
no Qt and no database: it returns `SetEntry` objects for the caller to store and
`SetKey`s for the caller to update or delete.

The steps and the planned rest come from session_steps.py (after a left side the right
side starts at once; the rest follows the right side); what to prefill, from prefill.py.

States::

    pain_check → ready → in_set ─┬─ (left side logged) → in_set (right side)
                   ↑             ├─ (rest planned) → resting → ready
                   └─────────────┴─ (last set logged) → finished → ended
    any state → ended (end early, stop for pain)
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Literal

from backleg_desktop.domain.flow_results import (
    FlowError,
    RestTaken,
    StopPoint,
    Undone,
    Unskipped,
    _Skip,
)
from backleg_desktop.domain.history import SessionStatus, SetEntry
from backleg_desktop.domain.hold_timer import HoldTimer
from backleg_desktop.domain.logged_rows import group_logged, step_rows
from backleg_desktop.domain.pain import validate_pain_level
from backleg_desktop.domain.prefill import Prefill, prefill
from backleg_desktop.domain.session_steps import (
    ExerciseSource,
    PlanLike,
    RestChoice,
    SetKey,
    SetLike,
    Step,
    build_steps,
    planned_rest,
)
from backleg_desktop.domain.timers import Clock, RestTimer, SetTimer

# Step, prefill and the rest are re-exported: callers import the session's vocabulary here.
__all__ = [
    "FlowError",
    "FlowState",
    "Prefill",
    "PrimaryAction",
    "RestChoice",
    "RestTaken",
    "SessionFlow",
    "SetKey",
    "Step",
    "StopPoint",
    "Undone",
    "Unskipped",
    "build_steps",
    "planned_rest",
    "prefill",
]

FlowState = Literal["pain_check", "ready", "in_set", "resting", "finished", "ended"]
PrimaryAction = Literal["confirm_pain", "start_set", "log_set", "skip_rest", "finish", "none"]
StepStatus = Literal["pending", "done", "skipped"]


_PRIMARY_ACTIONS: dict[FlowState, PrimaryAction] = {
    "pain_check": "confirm_pain",
    "ready": "start_set",
    "in_set": "log_set",
    "resting": "skip_rest",
    "finished": "finish",
    "ended": "none",
}


def _utc_now() -> datetime:
    return datetime.now(UTC)


class SessionFlow:
    """The guided session's cursor and state; see the module docstring for the states.

    The caller (the session page) maps keys to operations: Space to whatever
    `primary_action()` names, P to `rest_timer.toggle_pause()`, +/− to
    `rest_timer.adjust(±15)`, Ctrl+Z to `undo_last()`. It stores what `complete_set()`
    returns at once, drives `set_timer`/`rest_timer` with a `TimerDriver`, and calls
    `end_rest()` when the rest timer reports its end.
    """

    def __init__(
        self,
        plan: PlanLike,
        library: ExerciseSource,
        logged: Sequence[SetLike] = (),
        *,
        rest_choice: RestChoice = "bottom",
        rest_overrides: Mapping[str, int] | None = None,
        ask_pain: bool | None = None,
        clock: Clock = time.monotonic,
        wall_clock: Clock | None = None,
        utc_now: Callable[[], datetime] = _utc_now,
        on_rest_taken: Callable[[RestTaken], None] | None = None,
    ) -> None:
        """Start a session, or resume one from the sets already `logged` (in logging order).

        `ask_pain` defaults to asking for a check-in only when nothing is logged yet.
        `on_rest_taken` is called whenever a rest ends, however it ends, so the caller
        can store `rest_taken_s` on the set the rest followed.
        """
        self.plan = plan
        self.steps: tuple[Step, ...] = build_steps(plan, library, rest_choice, rest_overrides)
        self.set_timer = SetTimer(clock)
        self.hold_timer = HoldTimer(clock, wall_clock)  # a hold counts down its seconds
        self.rest_timer = RestTimer(clock, wall_clock)
        self._utc_now = utc_now
        self._on_rest_taken = on_rest_taken
        self._status: list[StepStatus] = ["pending"] * len(self.steps)
        self._by_key = {key: step for step in self.steps for key in step.keys}
        # Logged sets, oldest first (the last is corrected); an alternating set is one
        # entry of two rows (left, right), so one undo takes back both.
        self._log: list[tuple[SetKey, ...]] = group_logged(logged, self._by_key)
        self._actions: list[tuple[SetKey, ...] | _Skip] = list(self._log)  # what undo walks back
        self._resting_after: Step | None = None
        self._end_status: SessionStatus | None = None
        self._stop_point: StopPoint | None = None
        self.pain_before: int | None = None

        furthest = -1
        for keys in self._log:
            step = self._by_key.get(keys[0])
            if step is not None:  # an alternating set with one row stored counts as done
                self._status[step.index] = "done"
                furthest = max(furthest, step.index)
        self._cursor = furthest + 1
        if ask_pain is None:
            ask_pain = not logged
        self._state: FlowState = "pain_check" if ask_pain else self._ready_or_finished()

    # -- what the screen shows -------------------------------------------------------
    @property
    def state(self) -> FlowState:
        return self._state

    @property
    def current_step(self) -> Step | None:
        """The set being done, or to do next (while resting: the one after the rest)."""
        return self.steps[self._cursor] if self._cursor < len(self.steps) else None

    @property
    def last_logged(self) -> SetKey | None:
        """The most recent logged set still standing (what a correction or undo targets)."""
        return self._log[-1][-1] if self._log else None

    @property
    def last_logged_rows(self) -> tuple[SetKey, ...]:
        """Every row of the most recent logged set (two for an alternating set)."""
        return self._log[-1] if self._log else ()

    @property
    def resting_after(self) -> Step | None:
        """While resting: the step whose rest this is."""
        return self._resting_after if self._state == "resting" else None

    @property
    def end_status(self) -> SessionStatus | None:
        """Once ended: "completed", "ended_early" or "stopped_pain"."""
        return self._end_status

    @property
    def stop_point(self) -> StopPoint | None:
        return self._stop_point

    @property
    def can_finish(self) -> bool:
        """All planned sets are done or skipped, or only optional sets remain."""
        if self._state in ("pain_check", "ended"):
            return False
        return all(step.optional for step in self.steps[self._cursor :])

    def step_status(self, index: int) -> StepStatus:
        return self._status[index]

    def progress(self) -> tuple[int, int]:
        """(steps logged, steps planned)."""
        return self._status.count("done"), len(self.steps)

    def primary_action(self) -> PrimaryAction:
        """What Space means now."""
        return _PRIMARY_ACTIONS[self._state]

    # -- operations --------------------------------------------------------------------
    def confirm_pain(self, level: int | None) -> None:
        """Record the check-in before the first set (None: skipped) and get ready."""
        self._require("pain_check")
        self.pain_before = None if level is None else validate_pain_level(level)
        self._state = self._ready_or_finished()

    def start_set(self) -> Step:
        """Start the current set and its set timer."""
        self._require("ready")
        step = self.current_step
        assert step is not None  # "ready" always has a step
        self.set_timer.start()
        if step.hold_s is not None:
            self.hold_timer.start(step.hold_s)
        self._state = "in_set"
        return step

    def complete_set(self, reps: int | None, load_kg: float | None, *, note: str = "") -> SetEntry:
        """Log the current set with the values shown and move on; returns what to store
        (for an alternating set, its right row: see `complete_set_rows`)."""
        return self.complete_set_rows(reps, load_kg, note=note)[-1]

    def complete_set_rows(
        self,
        reps: int | None,
        load_kg: float | None,
        *,
        note: str = "",
        right_reps: int | None = None,
    ) -> tuple[SetEntry, ...]:
        """Log the current set and move on; returns the rows to store, in order.

        An alternating set is two rows, left (`reps`) then right (`right_reps`, or the
        same as the left if None), with one load, one duration and the rest on the right.
        After a left side the right side starts at once (state stays ``in_set``, the set
        timer restarts); otherwise the planned rest starts (``resting``), or the session
        is ``finished`` after the last step.
        """
        self._require("in_set")
        step = self.current_step
        assert step is not None
        duration = self.set_timer.stop()
        if step.hold_s is not None:  # the time held: the target, or less if ended early
            duration, reps, load_kg = self.hold_timer.end_early(), None, None
        entries = step_rows(step, reps, right_reps, load_kg, duration, self._utc_now(), note)
        self._status[step.index] = "done"
        self._log.append(step.keys)
        self._actions.append(step.keys)
        self._cursor = step.index + 1
        following = self.current_step
        if step.side == "left" and following is not None and following.side == "right":
            self.set_timer.start()
            if following.hold_s is not None:
                self.hold_timer.start(following.hold_s)
            self._state = "in_set"
        elif following is None:
            self._state = "finished"
        elif step.rest_after_s:
            self._resting_after = step
            self.rest_timer.start(step.rest_after_s)
            self._state = "resting"
        else:
            self._state = "ready"
        return entries

    def end_rest(self) -> RestTaken | None:
        """The rest is over (its deadline passed, or the caller ends it): get ready.

        Safe to call in any state; returns None when not resting.
        """
        if self._state != "resting":
            return None
        if not self.rest_timer.is_over:
            self.rest_timer.skip()
        return self._close_rest()

    def skip_rest(self) -> RestTaken | None:
        """Cut the rest short (Space while resting)."""
        if self._state == "resting":
            self.rest_timer.skip()
        return self.end_rest()

    def skip_set(self) -> None:
        """Skip the current set (both sides if on the left side) without logging it."""
        self._require("ready", "in_set", "resting")
        self._leave_set_or_rest()
        step = self.current_step
        assert step is not None
        skipped = [step.index]
        if step.side == "left" and step.index + 1 < len(self.steps):
            skipped.append(step.index + 1)
        for index in skipped:
            self._status[index] = "skipped"
        self._actions.append(_Skip(tuple(skipped), step.index, whole_exercise=False))
        self._cursor = skipped[-1] + 1
        self._state = self._ready_or_finished()

    def skip_exercise(self) -> None:
        """Skip what is left of the current exercise and get ready for the next one."""
        self._require("ready", "in_set", "resting")
        self._leave_set_or_rest()
        step = self.current_step
        assert step is not None
        index, skipped = step.index, []
        while index < len(self.steps) and self.steps[index].item_index == step.item_index:
            if self._status[index] == "pending":
                self._status[index] = "skipped"
                skipped.append(index)
            index += 1
        self._actions.append(_Skip(tuple(skipped), step.index, whole_exercise=True))
        self._cursor = index
        self._state = self._ready_or_finished()

    def undo_last(self) -> Undone | Unskipped | None:
        """Take back the last action: a logged set (the caller deletes the rows in
        `Undone.keys`, both rows of an alternating set) or a skip (`Unskipped`: nothing
        was stored, so nothing to delete).

        Any running set or rest is abandoned and the cursor goes back to the undone
        step, ready to do it again. Returns None when nothing was logged or skipped.
        """
        if self._state in ("pain_check", "ended") or not self._actions:
            return None
        action = self._actions.pop()
        if isinstance(action, _Skip):
            return self._unskip(action)
        keys = self._log.pop()
        assert keys == action  # every logged set is on the undo stack too
        if self._state == "resting":
            self.rest_timer.skip()  # its set is going away: no rest to record
            self._resting_after = None
        self.set_timer.reset()
        step = self._by_key.get(keys[0])
        if step is not None:
            self._status[step.index] = "pending"
            self._cursor = step.index
        self._state = self._ready_or_finished()
        return Undone(key=keys[-1], step=step, keys=keys)

    def finish(self) -> None:
        """End a session whose sets are done (Space in ``finished``): status completed."""
        if not self.can_finish:
            raise FlowError(f"cannot finish while {self._state} with sets left")
        self._leave_set_or_rest()
        self._end("completed")

    def end_early(self) -> None:
        """End the session now, keeping what was logged: status ended_early."""
        self._require("pain_check", "ready", "in_set", "resting", "finished")
        self._leave_set_or_rest()
        self._end("ended_early")

    def stop_for_pain(self) -> StopPoint | None:
        """Stop for sharp pain: status stopped_pain, recording where.

        During a set, that set; between sets, the last set logged (the one that hurt);
        before any set, the first set. None if the plan is empty.
        """
        self._require("pain_check", "ready", "in_set", "resting", "finished")
        where: Step | None = None
        if self._state != "in_set" and self._log:
            where = self._by_key.get(self._log[-1][0])
        if where is None:
            where = self.current_step or (self.steps[-1] if self.steps else None)
        self._leave_set_or_rest()
        self._stop_point = StopPoint(where.exercise_id, where.log_set_number) if where else None
        self._end("stopped_pain")
        return self._stop_point

    # -- internals ---------------------------------------------------------------------
    def _unskip(self, skip: _Skip) -> Unskipped:
        if self._state == "resting":  # a set logged after the skip would be on top: no rest
            self.rest_timer.skip()
            self._resting_after = None
        self.set_timer.reset()  # a set started after the skip is abandoned
        for index in skip.indices:
            self._status[index] = "pending"
        self._cursor = skip.cursor
        self._state = self._ready_or_finished()
        return Unskipped(self.steps[skip.cursor], skip.whole_exercise)

    def _require(self, *states: FlowState) -> None:
        if self._state not in states:
            raise FlowError(f"not allowed while {self._state}")

    def _ready_or_finished(self) -> FlowState:
        return "ready" if self._cursor < len(self.steps) else "finished"

    def _leave_set_or_rest(self) -> None:
        if self._state == "resting":
            self.end_rest()
        self.set_timer.reset()

    def _close_rest(self) -> RestTaken:
        step = self._resting_after
        assert step is not None
        taken = RestTaken(
            key=step.key,
            planned_s=float(step.rest_after_s or 0),
            taken_s=round(self.rest_timer.elapsed_total(), 3),
            skipped=self.rest_timer.is_skipped,
        )
        self._resting_after = None
        self._state = self._ready_or_finished()
        if self._on_rest_taken is not None:
            self._on_rest_taken(taken)
        return taken

    def _end(self, status: SessionStatus) -> None:
        self._end_status = status
        self._state = "ended"
