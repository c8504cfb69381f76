"""The guided session without Qt: the plan, its `SessionFlow`, the store writes and resume.

The session page (ui/session/page.py) builds the widgets, drives the timers and asks
for confirmations; this controller decides what each action means for the session and
stores it. It sits in services/ because it joins the domain's flow with the store's
writes (`SessionRecorder`), and the import contract there keeps it free of Qt, so a
whole plan can be driven in a test without a window.

It tells its owner what happened through a `SessionEvents` object. A store failure
never raises out of here: it becomes `events.store_failed(message)` and the operation
reports that it did nothing (None or False), so the session carries on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from backleg_desktop.content.model import Library, Plan
from backleg_desktop.domain.checkin import GENTLE_DAY_ID, QUICK_ADD_ON_ID, CheckIn
from backleg_desktop.domain.history import LoggedSet, SessionDetail
from backleg_desktop.domain.lighter_loads import is_lighter_day
from backleg_desktop.domain.pain import advise
from backleg_desktop.domain.progression import ProgressionHint
from backleg_desktop.domain.session_flow import (
    Prefill,
    RestChoice,
    RestTaken,
    SessionFlow,
    Step,
    Unskipped,
)
from backleg_desktop.domain.summary import summarize
from backleg_desktop.services import validation as check
from backleg_desktop.services.errors import BacklegError
from backleg_desktop.services.session_lookups import SessionLookups
from backleg_desktop.services.session_plans import SessionPlans
from backleg_desktop.services.session_recorder import SessionRecorder
from backleg_desktop.services.session_results import (
    CheckInAdvice,
    SessionEvents,
    SetLogged,
    Summary,
    Undo,
)
from backleg_desktop.services.session_swap import with_stored_swaps
from backleg_desktop.services.session_swaps import Swap

if TYPE_CHECKING:  # only for the types: importing it pulls in SQLAlchemy
    from backleg_desktop.services.user_plans import UserPlans
    from backleg_desktop.services.workouts import WorkoutService

# The results are re-exported: callers import the session's answers here.
__all__ = ["CheckInAdvice", "SessionController", "SessionEvents", "SetLogged", "Summary", "Undo"]

P = ParamSpec("P")
T = TypeVar("T")


class SessionController:
    """See the module docstring."""

    def __init__(
        self,
        library: Library,
        events: SessionEvents,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] | None = None,
        rest_lengths: Callable[[], Mapping[str, int]] | None = None,
    ) -> None:
        """`rest_lengths` gives the user's own rest per exercise id, asked for each new flow."""
        self.library = library
        self.rest_lengths = rest_lengths
        self.events = events
        self.clock = clock
        self.wall_clock = wall_clock  # catches a suspend during rest (see RestTimer)
        self.workouts: WorkoutService | None = None
        self.plan: Plan | None = None
        self.flow: SessionFlow | None = None
        self.recorder: SessionRecorder | None = None
        self.pending_resume: SessionDetail | None = None
        self.check_in: CheckIn | None = None  # the check-in before the session, while shown
        self.lighter_pain: int | None = None  # loads offered lighter because of this level
        self.back_pain: int | None = None  # the latest "How is your back?" answer today
        self.swaps: dict[int, Swap] = {}  # plan item → the disc swap done instead (stored)
        self.lookups = SessionLookups(events.store_failed)
        self.plans = SessionPlans(library)  # built-in plans, and the user's once attached

    def attach(self, workouts: WorkoutService, plans: UserPlans | None = None) -> None:
        self.workouts = self.lookups.workouts = workouts
        self.plans.user = plans
        self.lookups.forget()

    # -- state -------------------------------------------------------------------------
    @property
    def is_active(self) -> bool:
        """A session is stored and running (sets may be logged): closing keeps it."""
        return self.recorder is not None and self.flow is not None and self.flow.state != "ended"

    @property
    def at_check_in(self) -> bool:
        """At the pain check-in before a session: nothing is stored yet."""
        flow = self.flow
        return flow is not None and flow.state == "pain_check" and self.recorder is None

    @property
    def can_finish(self) -> bool:
        return self.flow is not None and self.recorder is not None and self.flow.can_finish

    def progress(self) -> tuple[int, int]:
        """(sets logged, sets planned), counted as the summary counts them."""
        recorder, plan = self.recorder, self.plan
        if recorder is None or plan is None:
            return 0, 0
        report = summarize(recorder.session, recorder.logged, plan)
        return report.sets_done, report.sets_planned

    # -- resuming ----------------------------------------------------------------------
    def find_unfinished(self) -> SessionDetail | None:
        """The unfinished session to offer resuming (kept for `resume`), or None."""
        if self.workouts is None or self.is_active:
            return None
        detail = self._call(self.workouts.in_progress_session)
        if detail is not None:
            self.pending_resume = detail
        return detail

    @property
    def can_resume(self) -> bool:
        """The unfinished session's plan is one we know (else it can only be ended)."""
        detail = self.pending_resume
        return detail is not None and self.plans.find(detail.session.plan_id) is not None

    def resume(self, rest_choice: RestChoice) -> bool:
        detail = self.pending_resume
        plan = self.plans.find(detail.session.plan_id) if detail else None
        if detail is None or plan is None or self.workouts is None:
            return False
        self.pending_resume = None
        stored = self._call(self.workouts.session_swaps, detail.session.id) or []
        self.swaps = {swap.item_index: swap for swap in stored}
        self.plan = plan = with_stored_swaps(self.library, plan, stored)
        self.flow = self._flow(plan, rest_choice, detail)
        self.flow.pain_before = detail.session.pain_before
        pain = detail.session.pain_before
        self.lighter_pain = pain if is_lighter_day(pain) else None
        self.recorder = SessionRecorder.resume(self.workouts, detail)
        self.lookups.forget()
        self.events.session_active(True)
        return True

    def end_unfinished(self) -> bool:
        """End the session offered for resuming, as ended early."""
        detail = self.pending_resume
        if detail is None or self.workouts is None:
            return False
        self.pending_resume = None
        self.plan = self.plans.find(detail.session.plan_id)
        self.recorder = SessionRecorder.resume(self.workouts, detail)
        return self._call(self.recorder.end_early) is not None

    # -- starting ----------------------------------------------------------------------
    def choose(self, plan_id: str, rest_choice: RestChoice) -> Plan | None:
        """A plan was chosen: a new flow at its check-in; nothing is stored yet."""
        if self.workouts is None or self.is_active:
            return None
        return self._new_flow(plan_id, rest_choice)

    def switch_plan(self, plan_id: str, rest_choice: RestChoice) -> Plan | None:
        """At the check-in, take the plan it suggested instead."""
        if self.flow is None or self.flow.state != "pain_check" or not plan_id:
            return None
        return self._new_flow(plan_id, rest_choice)

    def check_in_advice(self) -> CheckInAdvice | None:
        """What the level chosen at the check-in means; None while no level is chosen."""
        offer = None if self.check_in is None else self.check_in.offer()
        if offer is None:
            return None
        return CheckInAdvice(advise(self.library, offer.level), offer)

    def begin(self, pain_before: int | None, *, lighter: bool = False) -> bool:
        """The check-in is done (None: skipped): store the session and get ready.
        `lighter`: offer every load from an earlier session about 20 % lighter."""
        flow, plan = self.flow, self.plan
        if flow is None or plan is None or flow.state != "pain_check" or self.workouts is None:
            return False
        recorder = self._call(SessionRecorder.start, self.workouts, plan.id, pain_before)
        if recorder is None:
            return False
        self.recorder = recorder
        self.swaps = {}  # a new session: nothing swapped in yet
        self._call(self.plans.started, plan)  # a user plan moves to the front of the list
        self.check_in = self.back_pain = None
        self.lighter_pain = pain_before if lighter and is_lighter_day(pain_before) else None
        self.lookups.forget()  # "last time" is now the session before this one
        flow.confirm_pain(pain_before)
        self.events.session_active(True)
        return True

    # -- sets and rests ----------------------------------------------------------------
    def start_set(self) -> bool:
        flow = self.flow
        if flow is None or flow.state != "ready":
            return False
        flow.start_set()
        return True

    def log_set(
        self,
        reps: int | None,
        load_kg: float | None,
        *,
        right_reps: int | None = None,
        rpe: float | None = None,
    ) -> SetLogged | None:
        """Log the set under way with these values (an alternating set: `reps` for the
        left leg, `right_reps` for the right); None when no set is under way. `rpe`: the
        optional exertion, 0 to 10 in halves (ValidationError otherwise)."""
        flow, recorder = self.flow, self.recorder
        if flow is None or recorder is None or flow.state != "in_set":
            return None
        check.rpe_entry(rpe)  # before the flow moves on
        step = flow.current_step
        assert step is not None  # "in_set" always has a step
        entries = flow.complete_set_rows(reps, load_kg, right_reps=right_reps)
        if rpe is not None and step.hold_s is None:
            entries = tuple(replace(entry, rpe=rpe) for entry in entries)
        self.events.set_completed(step)
        stored = tuple(self._call(recorder.log, entry) for entry in entries)
        queued = stored[-1] is None and bool(recorder.pending)
        return SetLogged(step, entries[-1], stored[-1], queued, entries, stored)

    @property
    def resting(self) -> bool:
        return self.flow is not None and self.flow.state == "resting"

    def end_rest(self, *, skipped: bool) -> bool:
        """The rest is over: its time ran out, or it was cut short (`skipped`). What was
        taken is stored on the set it followed (through the flow's `on_rest_taken`)."""
        if self.flow is None or not self.resting:
            return False
        if skipped:
            self.flow.skip_rest()
        else:
            self.flow.end_rest()
        return True

    def toggle_pause(self) -> bool:
        if self.flow is None or not self.resting:
            return False
        self.flow.rest_timer.toggle_pause()
        return True

    def adjust_rest(self, seconds: int) -> bool:
        if self.flow is None or not self.resting:
            return False
        self.flow.rest_timer.adjust(seconds)
        return True

    def correct_last_set(
        self, reps: int, load_kg: float | None, *, left_reps: int | None = None
    ) -> LoggedSet | None:
        """Correct the set just logged; for an alternating set, the load of both rows,
        `left_reps` on the left row and `reps` on the right. Returns the last row."""
        flow, recorder = self.flow, self.recorder
        if flow is None or recorder is None or flow.last_logged is None:
            return None
        updated = None
        for key in flow.last_logged_rows:
            side_reps = left_reps if key.side == "left" and left_reps is not None else reps
            updated = self._call(recorder.correct, key, reps=side_reps, load_kg=load_kg)
        return updated

    def can_skip(self) -> bool:
        return self.flow is not None and self.flow.state in ("ready", "in_set", "resting")

    def skip(self, *, whole_exercise: bool = False) -> bool:
        """Skip this set (both sides of a one-leg set), or what is left of the exercise;
        nothing is stored for what was skipped."""
        if self.flow is None or not self.can_skip():
            return False
        if whole_exercise:
            self.flow.skip_exercise()
        else:
            self.flow.skip_set()
        return True

    def undo_last_set(self) -> Undo | None:
        """Take back the last action: a logged set (deleted from the store) or a skip
        (nothing stored to delete); None if there is none."""
        flow, recorder = self.flow, self.recorder
        if flow is None or recorder is None or not self.is_active:
            return None
        undone = flow.undo_last()
        if undone is None:
            return None
        if isinstance(undone, Unskipped):
            return Undo(None, undone)
        removed = [self._call(recorder.undo, key) for key in undone.keys or (undone.key,)]
        rows = tuple(row for row in removed if row is not None)
        return Undo(removed[-1], removed_rows=rows)

    def prefill(self, step: Step) -> Prefill:
        """The reps and load to show before `step`: today's latest, else last time's."""
        recorder = self.recorder
        if recorder is None:
            return Prefill(reps=step.reps_low, load_kg=None)
        return self.lookups.prefill(step, recorder.session_id, recorder.logged, self.lighter_pain)

    def last_time(self, exercise_id: str) -> list[LoggedSet]:
        """The sets of the last session before this one that had `exercise_id`."""
        recorder = self.recorder
        return [] if recorder is None else self.lookups.last_sets(exercise_id, recorder.session_id)

    def hint(self, exercise_id: str) -> ProgressionHint | None:
        """The progression hint for this exercise, asked of the store once per session."""
        if self.plan is None or self.recorder is None or self.flow is None:
            return None
        today = self.flow.pain_before  # None: the check-in was skipped, and stays unknown
        if today is not None and self.back_pain is not None:
            today = max(today, self.back_pain)  # the back got worse since the check-in
        return self.lookups.hint(exercise_id, self.plan.id, self.recorder.session_id, today)

    def record_back_pain(self, exercise_id: str, level: int) -> bool:
        """ "How is your back?" after `exercise_id`'s last set, stored for that exercise."""
        recorder, workouts = self.recorder, self.workouts
        if recorder is None or workouts is None or not self.is_active:
            return False
        self.back_pain = level
        store = workouts.set_exercise_pain
        return self._call(store, recorder.session_id, exercise_id, level) is None

    # -- ending ------------------------------------------------------------------------
    def finish(self) -> bool:
        """All sets done (or only optional ones left): the session is completed."""
        flow, recorder = self.flow, self.recorder
        if flow is None or recorder is None or not flow.can_finish:
            return False
        flow.finish()
        return self._ended(self._call(recorder.finish, None) is not None)

    def end_early(self) -> bool:
        """End now, keeping what was logged."""
        flow, recorder = self.flow, self.recorder
        if flow is None or recorder is None or not self.is_active:
            return False
        flow.end_early()
        return self._ended(self._call(recorder.end_early) is not None)

    def stop_for_pain(self) -> bool:
        """Sharp pain: stop, storing where. (At the check-in, see `cancel_check_in`.)"""
        flow, recorder = self.flow, self.recorder
        if flow is None or recorder is None or not self.is_active:
            return False
        where = flow.stop_for_pain()
        return self._ended(self._call(recorder.stop_for_pain, where) is not None)

    def cancel_check_in(self) -> None:
        """No session today (sharp pain, or rest at the check-in): nothing was stored."""
        self.flow = self.check_in = None

    def save_pain_after(self, pain_after: int | None, notes: str) -> bool:
        """The check-in after an ended session (None: skipped), with the notes."""
        if self.recorder is None:
            return False
        return self._call(self.recorder.set_pain_after, pain_after, notes) is not None

    def summary(self) -> Summary | None:
        """The stored session and its figures; the flow is over once this is asked."""
        recorder = self.recorder
        if recorder is None or self.workouts is None:
            return None
        detail = self._call(self.workouts.session_detail, recorder.session_id)
        if detail is None:
            return None
        self.flow = None
        return Summary(detail, summarize(detail.session, detail.sets, self.plan))

    def reset(self) -> None:
        """Back to choosing a plan: forget the session (it is stored already)."""
        self.flow = self.recorder = self.plan = self.pending_resume = self.check_in = None
        self.lighter_pain = self.back_pain = None
        self.swaps = {}

    # -- internals ---------------------------------------------------------------------
    def _ended(self, stored: bool) -> bool:
        if stored:
            self.events.session_active(False)
        return stored

    def _new_flow(self, plan_id: str, rest_choice: RestChoice) -> Plan | None:
        self.plan = self.plans.find(plan_id)
        if self.plan is None:  # a user plan deleted since the list was shown
            return None
        self.flow = self._flow(self.plan, rest_choice, None)
        self.recorder = None
        plans = self.library.plans
        self.check_in = CheckIn(
            self.plan,
            quick=plans.get(QUICK_ADD_ON_ID),
            gentle=plans.get(GENTLE_DAY_ID),
            clock=self.clock,
        )
        return self.plan

    def _flow(
        self, plan: Plan, rest_choice: RestChoice, resumed: SessionDetail | None
    ) -> SessionFlow:
        return SessionFlow(
            plan,
            self.library,
            resumed.sets if resumed is not None else (),
            rest_choice=rest_choice,
            rest_overrides=self.rest_lengths() if self.rest_lengths is not None else None,
            ask_pain=False if resumed is not None else None,
            clock=self.clock,
            wall_clock=self.wall_clock,
            on_rest_taken=self._rest_taken,
        )

    def _rest_taken(self, rest: RestTaken) -> None:
        if self.recorder is not None:
            self._call(self.recorder.record_rest, rest)

    def _call(self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T | None:
        """Run a store call; a failure is reported to the owner, never raised."""
        try:
            return function(*args, **kwargs)
        except BacklegError as error:
            self.events.store_failed(str(error))
            return None
        finally:
            self.events.store_called()
