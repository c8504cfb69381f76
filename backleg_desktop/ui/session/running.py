"""The running part of a session on screen: the set and rest screens, their two
countdowns, and the actions taken there (Space, skip, undo, pause, ±15 s, a correction).

A helper of the session page (page.py), which owns it, the screens and the controller;
this module keeps the page to its wiring, the check-ins and the endings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from backleg_desktop.domain.last_time import last_time_text
from backleg_desktop.domain.session_flow import SessionFlow, Step
from backleg_desktop.domain.timers import format_mmss
from backleg_desktop.ui.rest_prefs import remember_rest, remembers_adjustments
from backleg_desktop.ui.session import texts
from backleg_desktop.ui.session.disc_offer import DiscOffer
from backleg_desktop.ui.sound_prefs import COUNTDOWN_SECONDS
from backleg_desktop.ui.timers import RECOMMENDED_FINAL_APPROACH_MS, TimerDriver

if TYPE_CHECKING:
    from backleg_desktop.ui.session.page import SessionPage


class RunningSession(QObject):
    """Renders the set and rest screens from the controller, and drives their timers."""

    def __init__(self, page: SessionPage) -> None:
        super().__init__(page)
        self.page = page
        self.controller = page.controller
        self.library = page.library
        self.exercise_screen = page.exercise_screen
        self.rest_screen = page.rest_screen
        self._prefilled_step: int | None = None  # the step whose values the screen shows
        self._cues_for: str | None = None
        self._after_rest = False
        self._rest_ran_out = False  # the window title says "Rest over" until the next set
        self._beeped_at: int | None = None  # the countdown second last beeped in this rest
        self._rest_adjusted = 0  # seconds added (or taken) with ± in this rest

        self.set_driver = TimerDriver(page)
        self.set_driver.setObjectName("sessionSetDriver")
        self.set_driver.display_changed.connect(self._show_set_seconds)
        self.set_driver.finished.connect(self._hold_over)  # only a hold's countdown ends
        self.rest_driver = TimerDriver(page, final_approach_ms=RECOMMENDED_FINAL_APPROACH_MS)
        self.rest_driver.setObjectName("sessionRestDriver")
        self.rest_driver.display_changed.connect(self._show_rest_seconds)
        self.rest_driver.finished.connect(self._rest_over)
        self.disc_offer = DiscOffer(self)  # the herniated-disc mark and its swap

    @property
    def flow(self) -> SessionFlow | None:
        return self.controller.flow

    def forget_shown(self) -> None:
        """A new flow: the exercise screen has shown none of its steps yet."""
        self._prefilled_step = None
        self._cues_for = None

    def stop_timers(self) -> None:
        self.set_driver.stop()
        self.rest_driver.stop()
        self.page.title_prefix_changed.emit("")

    # -- Space on the set and rest screens ------------------------------------------------
    def primary(self) -> None:
        what = self.flow.primary_action() if self.flow is not None else "none"
        if what == "start_set":
            self.start_set()
        elif what == "log_set":
            self.log_set()
        elif what == "skip_rest":
            self.skip_rest()
        elif what == "finish":
            self.page.finish()

    def start_set(self) -> None:
        if not self.controller.start_set():
            return
        self._after_rest = self._rest_ran_out = False
        self.page.say("")
        assert self.flow is not None
        self._drive_set()
        self.show_current()

    def _drive_set(self) -> None:
        """Drive the set's clock: a hold counts down its deadline, a set counts up."""
        flow = self.flow
        assert flow is not None
        step = flow.current_step
        hold = step is not None and step.is_hold
        self.set_driver.start(flow.hold_timer if hold else flow.set_timer)

    def _hold_over(self) -> None:
        """A hold's time is up: it is logged in full, as if Space had been pressed."""
        flow = self.flow
        step = None if flow is None else flow.current_step
        if flow is not None and flow.state == "in_set" and step is not None and step.is_hold:
            self.log_set()

    def log_set(self) -> None:
        if self.flow is None or self.flow.state != "in_set":
            return
        reps, load = self.exercise_screen.values()
        rpe = self.exercise_screen.rpe.value()
        left = self.exercise_screen.left_reps_value()  # an alternating set: both legs
        if left is not None:
            done = self.controller.log_set(left, load, right_reps=reps, rpe=rpe)
        else:  # set_completed starts the next timer
            done = self.controller.log_set(reps, load, rpe=rpe)
        self.exercise_screen.rpe.clear()  # each set's RPE is its own
        if done is None:
            return
        logged = done.stored
        self.show_current()  # first: a new screen clears the message line
        if logged is None and not done.queued:
            self.page.say("That set could not be saved; the session carries on.", error=True)
        if self.flow is not None and self.flow.state == "resting" and (logged or done.queued):
            shown = logged if logged is not None else done.entry  # kept, written on a retry
            rows = [s or e for s, e in zip(done.stored_rows, done.entries, strict=True)]
            description = texts.describe_rows(self.library, rows or [shown], self.page.units)
            if logged is None:
                description += " (not saved yet)"
            hold = done.step.is_hold
            left = rows[0].reps if done.step.alternating else None
            self.rest_screen.show_logged(
                description, shown.reps, shown.load_kg, hold=hold, left_reps=left
            )

    def set_completed(self, step: Step) -> None:
        """The flow moved past `step`, before the write: start what follows."""
        flow = self.flow
        assert flow is not None
        self.set_driver.stop()
        if flow.state == "resting":
            self._beeped_at = None
            self._rest_adjusted = 0
            following = texts.up_next(self.library, flow.current_step)
            self.rest_screen.start(int(step.rest_after_s or 0), *following)
            self.rest_driver.start(flow.rest_timer)
            self.page.back_check.after_set(step)  # "How is your back?" after its last set
        elif flow.state == "in_set":
            self._drive_set()  # the right side, straight after the left

    # -- rests -----------------------------------------------------------------------
    def skip_rest(self) -> None:
        if self.flow is None or self.flow.state != "resting":
            return
        self.rest_driver.stop()
        self.controller.end_rest(skipped=True)  # stores the rest taken
        self._after_rest = True
        self.show_current()

    def _rest_over(self) -> None:
        if self.flow is None or self.flow.state != "resting":
            return
        self.rest_driver.stop()
        self.controller.end_rest(skipped=False)
        self._after_rest = self._rest_ran_out = True
        self.show_current()
        message = texts.rest_over_message(self.library, self.flow.current_step)
        self.page.alert.fire("Rest is over", message)

    def toggle_pause(self) -> None:
        if self.controller.toggle_pause() and self.flow is not None:
            self.rest_driver.tick()
            self.rest_screen.show_paused(self.flow.rest_timer.is_paused)
            self._show_title()

    def adjust_rest(self, seconds: int) -> None:
        after = None if self.flow is None else self.flow.resting_after
        if not self.controller.adjust_rest(seconds):
            return
        self._rest_adjusted += seconds
        self.rest_driver.tick()  # shows the new time; ends the rest if none is left
        flow = self.flow
        if flow is not None and flow.state == "resting":
            self._show_rest_seconds(flow.rest_timer.display_seconds())
            if after is not None and after.rest_after_s:
                self._remember_rest(after.exercise_id, after.rest_after_s + self._rest_adjusted)

    def _remember_rest(self, exercise_id: str, seconds: int) -> None:
        """±15 s sets this exercise's rest for next time too (Preferences → Rest)."""
        settings = self.page.settings
        if not remembers_adjustments(settings):
            return
        kept = remember_rest(settings, exercise_id, seconds)
        name = texts.exercise_name(self.library, exercise_id)
        self.page.say(f"{name} will rest {format_mmss(kept)} from next time (Preferences → Rest).")

    def correct_last_set(self, reps: int, load_kg: float | None) -> None:
        left = self.rest_screen.left_reps_value()  # an alternating set: both legs
        updated = self.controller.correct_last_set(reps, load_kg, left_reps=left)
        recorder = self.controller.recorder
        if updated is None or recorder is None:
            return
        rows = [s for s in recorder.logged if s.exercise_id == updated.exercise_id]
        rows = [s for s in rows if s.set_number == updated.set_number]
        shown = rows if left is not None and len(rows) > 1 else [updated]
        self.rest_screen.show_corrected(texts.describe_rows(self.library, shown, self.page.units))

    # -- skip and undo ---------------------------------------------------------------
    def skip_set(self) -> None:
        self._skip(False, "Set skipped.")

    def skip_exercise(self) -> None:
        self._skip(True, "Exercise skipped.")

    def _skip(self, whole_exercise: bool, message: str) -> None:
        if not self.controller.can_skip():
            return
        self.stop_timers()  # first: the flow abandons the running set or rest
        self.controller.skip(whole_exercise=whole_exercise)
        self._after_rest = self._rest_ran_out = False
        self.show_current()  # first: a new screen clears the message line
        self.page.say(message)

    def extra_set_offered(self) -> bool:
        """Ready for a set above the plan's minimum ("2–3 sets": the third)."""
        flow = self.flow
        step = None if flow is None else flow.current_step
        return flow is not None and flow.state == "ready" and step is not None and step.optional

    def decline_extra_set(self) -> None:
        """D: leave the optional sets out; Ctrl+Z takes that back like any skip."""
        if not self.extra_set_offered():
            return
        assert self.flow is not None and self.flow.current_step is not None
        step = self.flow.current_step
        name = texts.exercise_name(self.library, step.exercise_id)
        self._skip(True, f"{name}: set {step.set_number} left out today.")

    def undo_last_set(self) -> None:
        if not self.controller.is_active:
            return
        self.stop_timers()
        undo = self.controller.undo_last_set()
        if undo is None:
            self.page.say("Nothing to undo yet.")
            return
        self._after_rest = self._rest_ran_out = False
        self._prefilled_step = None
        self.show_current()
        if undo.unskipped is not None:
            self.page.say(texts.unskipped_message(self.library, undo.unskipped))
        elif undo.removed is not None:
            rows = undo.removed_rows or (undo.removed,)
            self.page.say(f"Undone: {texts.describe_rows(self.library, rows, self.page.units)}")
            left = rows[0].reps if len(rows) > 1 else None
            self.exercise_screen.set_values(
                undo.removed.reps or 0, undo.removed.load_kg, left_reps=left
            )

    # -- showing ---------------------------------------------------------------------
    def show_current(self) -> None:
        """The set or rest screen for where the flow is now, the progress line and the
        window title."""
        self._show_screen()
        self._show_title()

    def _show_title(self) -> None:
        """ "0:45 · Rest", "Paused · 0:40 · Rest", "0:12 · Set", "0:40 · Hold", "Rest over"."""
        flow = self.flow
        step = None if flow is None else flow.current_step
        title = ""
        if flow is not None and flow.state == "resting":
            title = f"{format_mmss(flow.rest_timer.display_seconds())} · Rest"
            if flow.rest_timer.is_paused:
                title = f"Paused · {title}"
        elif flow is not None and flow.state == "in_set" and step is not None:
            timer = flow.hold_timer if step.is_hold else flow.set_timer
            what = "Hold" if step.is_hold else "Set"
            title = f"{format_mmss(timer.display_seconds())} · {what}"
        elif flow is not None and flow.state == "ready" and self._rest_ran_out:
            title = "Rest over"
        self.page.title_prefix_changed.emit(title)

    def _show_screen(self) -> None:
        flow, plan = self.flow, self.controller.plan
        if flow is None or plan is None:
            return
        step = flow.current_step
        done, planned = self.controller.progress()
        progress = texts.progress_text(plan.name, step, len(plan.items), done, planned)
        self.page.progress.setText(progress)
        if flow.state == "resting":
            self.page.show_screen(self.rest_screen)
            return
        screen = self.exercise_screen
        finished = flow.state == "finished" or step is None
        for button in (self.page.chrome.skip_set_button, self.page.chrome.skip_exercise_button):
            button.setEnabled(not finished)  # nothing is left to skip
        if finished or step is None:
            self.disc_offer.show_for(None, flow.state)
            screen.show_finished(plan.name)
            self.forget_shown()  # an undo shows the exercise, its inputs and cues afresh
            self.page.show_screen(screen)
            return
        if step.index != self._prefilled_step:
            self._prefill(step)
        name = texts.exercise_name(self.library, step.exercise_id)
        screen.show_step(step, name, texts.next_text(self.library, flow.steps, step))
        screen.show_note(plan.items[step.item_index].note)
        screen.show_hint(self.controller.hint(step.exercise_id))  # cached: asked once
        self.disc_offer.show_for(step, flow.state)
        last_time = last_time_text(
            self.controller.last_time(step.exercise_id), self.page.units
        )  # cached too
        screen.show_extras(last_time, self.page.warm_up.offer())
        if flow.state == "in_set":
            timer = flow.hold_timer if step.is_hold else flow.set_timer
            screen.show_in_set(timer.display_seconds(), step.side, hold=step.is_hold)
        else:
            warmup = step.kind == "warmup"
            screen.show_ready(
                step.set_number,
                after_rest=self._after_rest,
                hold=step.is_hold,
                extra=step.optional,
                warmup=warmup,
            )
        self.page.show_screen(screen)

    def _prefill(self, step: Step) -> None:
        """Fill in reps and load for a step the screen has not shown yet."""
        if step.exercise_id != self._cues_for:
            self.exercise_screen.show_exercise(self.library.exercises.get(step.exercise_id))
            self._cues_for = step.exercise_id
        values = self.controller.prefill(step)
        self.exercise_screen.set_values(
            values.reps, values.load_kg, values.note, left_reps=values.left_reps
        )
        self._prefilled_step = step.index

    def _show_set_seconds(self, seconds: int) -> None:
        flow = self.flow
        if flow is not None and flow.state == "in_set":
            self.exercise_screen.show_elapsed(seconds)
            self._show_title()

    def _show_rest_seconds(self, seconds: int) -> None:
        self.rest_screen.show_seconds(seconds)
        flow = self.flow
        if flow is not None and flow.state == "resting":
            self._show_title()
            # A short beep as each of the last 3 s begins (Preferences → Sound); once each.
            due = seconds in COUNTDOWN_SECONDS and seconds != self._beeped_at
            if due and not flow.rest_timer.is_paused:
                self._beeped_at = seconds
                self.page.alert.countdown(seconds)
