"""The session page: runs a guided session from plan choice to summary.

It owns a `SessionFlow` (what Space means, which set is next), a `SessionRecorder`
(one committed write per action) and two `TimerDriver`s (set and rest), and switches
between the screens. Keys arrive through one `SessionKeyFilter`, so the keyboard works
whatever has focus.

Usage (see install.py for the main window wiring)::

    page = SessionPage(library, settings, clock=window.clock)
    page.set_workouts(store.workouts)
    page.offer_resume()          # True if an unfinished session was found
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.content.model import Library, Plan
from backleg_desktop.domain.history import LoggedSet, SetEntry
from backleg_desktop.domain.pain import advise, pain_from_key
from backleg_desktop.domain.progression import ProgressionHint
from backleg_desktop.domain.session_flow import (
    RestChoice,
    RestTaken,
    SessionFlow,
    Step,
    prefill,
)
from backleg_desktop.domain.summary import summarize
from backleg_desktop.domain.timers import format_mmss
from backleg_desktop.services.errors import BacklegError
from backleg_desktop.ui.session.exercise_screen import SIDE_TEXT, ExerciseScreen, target_text
from backleg_desktop.ui.session.keys import SessionKeyFilter, plain
from backleg_desktop.ui.session.pending_retry import PendingRetry
from backleg_desktop.ui.session.recorder import SessionRecorder
from backleg_desktop.ui.session.rest_screen import ADJUST_STEP_S, RestScreen
from backleg_desktop.ui.session.screens import NoticeScreen, PainScreen, PlanChooser, ResumeScreen
from backleg_desktop.ui.session.summary_screen import SummaryScreen
from backleg_desktop.ui.session.widgets import action_button, danger
from backleg_desktop.ui.timers import RECOMMENDED_FINAL_APPROACH_MS, TimerDriver
from backleg_desktop.ui.widgets import PAGE_MARGIN, muted

REST_CHOICE_KEY = "session/rest_choice"
REST_CHOICES = ("bottom", "middle", "top")
Yes = QMessageBox.StandardButton.Yes
No = QMessageBox.StandardButton.No
K = Qt.Key


def read_rest_choice(settings: QSettings) -> RestChoice:
    value = settings.value(REST_CHOICE_KEY, "bottom")
    return value if value in REST_CHOICES else "bottom"  # type: ignore[return-value]


class SessionPage(QWidget):
    """See the module docstring. `title_prefix_changed("0:45 · Rest")` while resting,
    `""` otherwise; `active_changed(bool)` when a session starts or ends."""

    title_prefix_changed = Signal(str)
    active_changed = Signal(bool)

    def __init__(
        self,
        library: Library,
        settings: QSettings,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] | None = None,
        alert: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionPage")
        self.library = library
        self.settings = settings
        self.clock = clock
        # The wall clock catches a suspend during rest; only meaningful with the real clock.
        self.wall_clock = (
            wall_clock
            if wall_clock is not None
            else (time.time if clock is time.monotonic else None)
        )
        self._alert = alert
        self.workouts: Any = None
        self.flow: SessionFlow | None = None
        self.recorder: SessionRecorder | None = None
        self.plan: Plan | None = None
        self._pending_resume: Any = None
        self._last_time: dict[str, list[LoggedSet]] = {}
        self._hints: dict[str, ProgressionHint | None] = {}
        self._prefilled_step: int | None = None
        self._cues_for: str | None = None
        self._after_rest = False
        self._pain_after_reason = ""

        self.set_driver = TimerDriver(self)
        self.set_driver.setObjectName("sessionSetDriver")
        self.set_driver.display_changed.connect(self._show_set_seconds)
        self.rest_driver = TimerDriver(self, final_approach_ms=RECOMMENDED_FINAL_APPROACH_MS)
        self.rest_driver.setObjectName("sessionRestDriver")
        self.rest_driver.display_changed.connect(self._show_rest_seconds)
        self.rest_driver.finished.connect(self._rest_over)
        # Writes the store could not make at once are kept and retried (never dropped).
        self.saving = PendingRetry(lambda: self.recorder, self)
        self.saving.status_changed.connect(lambda text, problem: self._say(text, error=problem))

        self.chooser = PlanChooser(library, self)
        self.resume_screen = ResumeScreen(self)
        self.pain_screen = PainScreen(self)
        self.exercise_screen = ExerciseScreen(self)
        self.rest_screen = RestScreen(self)
        self.summary_screen = SummaryScreen(self)
        self.notice_screen = NoticeScreen(self)
        self.stack = QStackedWidget(self)
        for screen in (
            self.chooser,
            self.resume_screen,
            self.pain_screen,
            self.exercise_screen,
            self.rest_screen,
            self.summary_screen,
            self.notice_screen,
        ):
            self.stack.addWidget(screen)

        self.progress = muted(QLabel("", self))
        self.progress.setObjectName("sessionProgress")
        self.message = QLabel("", self)
        self.message.setObjectName("sessionMessage")
        self.message.setWordWrap(True)
        self.skip_set_button = action_button("Skip set", "S", "skipSet", self)
        self.skip_exercise_button = action_button("Skip exercise", "Shift+S", "skipExercise", self)
        self.undo_button = action_button("Undo last set", "Ctrl+Z", "undoSet", self)
        self.end_button = action_button("End session", "Ctrl+E", "endSession", self)
        self.stop_button = danger(
            action_button("Stop: sharp pain", "Ctrl+Shift+P", "stopPain", self)
        )
        self.action_bar = QWidget(self)
        bar = QHBoxLayout(self.action_bar)
        bar.setContentsMargins(PAGE_MARGIN, 6, PAGE_MARGIN, 6)
        for button in (self.skip_set_button, self.skip_exercise_button, self.undo_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.end_button)
        bar.addWidget(self.stop_button)
        top = QHBoxLayout()
        top.setContentsMargins(PAGE_MARGIN, 8, PAGE_MARGIN, 0)
        top.addWidget(self.progress)
        top.addStretch(1)
        top.addWidget(self.message, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.action_bar)

        self._connect()
        self.chooser.set_rest_choice(read_rest_choice(settings))
        self.chooser.set_ready(False, "Opening your history…")
        self.keys = SessionKeyFilter(self, self._key_action)
        self.keys.install()
        self._show(self.chooser)

    def _connect(self) -> None:
        self.chooser.start_requested.connect(self.choose_plan)
        self.chooser.rest_choice_changed.connect(
            lambda value: self.settings.setValue(REST_CHOICE_KEY, value)
        )
        self.resume_screen.resume_requested.connect(self.resume)
        self.resume_screen.end_requested.connect(self.end_unfinished)
        self.pain_screen.confirm_requested.connect(self.confirm_pain)
        self.pain_screen.skip_requested.connect(self.skip_pain)
        self.pain_screen.switch_requested.connect(self.switch_plan)
        self.pain_screen.sharp_requested.connect(self.stop_for_pain)
        self.pain_screen.scale.level_changed.connect(self._pain_level_changed)
        self.exercise_screen.primary_button.clicked.connect(self.primary_action)
        self.rest_screen.skip_button.clicked.connect(self.primary_action)
        self.rest_screen.pause_button.clicked.connect(self.toggle_pause)
        self.rest_screen.plus_button.clicked.connect(lambda: self.adjust_rest(ADJUST_STEP_S))
        self.rest_screen.minus_button.clicked.connect(lambda: self.adjust_rest(-ADJUST_STEP_S))
        self.rest_screen.correction_made.connect(self.correct_last_set)
        self.summary_screen.done_requested.connect(self.back_to_plans)
        self.notice_screen.done_requested.connect(self.back_to_plans)
        self.skip_set_button.clicked.connect(self.skip_set)
        self.skip_exercise_button.clicked.connect(self.skip_exercise)
        self.undo_button.clicked.connect(self.undo_last_set)
        self.end_button.clicked.connect(self.end_session)
        self.stop_button.clicked.connect(self.stop_for_pain)

    # -- store -------------------------------------------------------------------------
    def set_workouts(self, workouts: Any) -> None:
        self.workouts = workouts
        self._last_time.clear()
        self._hints.clear()
        self.chooser.set_ready(True, "")

    def offer_resume(self) -> bool:
        """Offer to resume an unfinished session; True if there is one."""
        if self.workouts is None or self.is_active:
            return False
        detail = self._call(self.workouts.in_progress_session)
        if detail is None:
            return False
        self._pending_resume = detail
        self.resume_screen.show_session(
            detail.session.name, detail.session.started_at, len(detail.sets)
        )
        known = detail.session.plan_id in self.library.plans
        self.resume_screen.resume_button.setEnabled(known)
        self._show(self.resume_screen)
        return True

    # -- state -------------------------------------------------------------------------
    @property
    def is_active(self) -> bool:
        """A session is stored and running (sets may be logged): closing keeps it."""
        return self.recorder is not None and self.flow is not None and self.flow.state != "ended"

    def current_screen(self) -> QWidget | None:
        return self.stack.currentWidget()

    def shutdown(self) -> None:
        """The window is closing: stop the timers. Everything logged is already stored."""
        self.set_driver.stop()
        self.rest_driver.stop()
        self._hide_tray()

    # -- keys --------------------------------------------------------------------------
    def _key_action(self, event: QKeyEvent, typing: bool) -> Callable[[], None] | None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
        screen = self.current_screen()
        if key == K.Key_P and mods == ctrl | shift and self.is_active:
            return self.stop_for_pain
        if key in (K.Key_Return, K.Key_Enter) and not mods & ctrl:
            return self._enter_action(screen)
        if key == K.Key_Escape and screen is self.pain_screen:
            return self.skip_pain
        if typing:
            return None
        if key == K.Key_Space and plain(event):
            return self.primary_action if self._space_means_something(screen) else None
        if key == K.Key_Z and mods == ctrl and self.is_active:
            return self.undo_last_set
        if screen is self.pain_screen and plain(event):
            level = pain_from_key(event.text())
            if level is not None:
                return lambda: self.pain_screen.scale.set_level(level)
            if key == K.Key_Q and self.pain_screen.suggested_plan:
                return lambda: self.switch_plan(self.pain_screen.suggested_plan or "")
            return None
        if not self.is_active:
            return None
        if key == K.Key_S and mods == shift:
            return self.skip_exercise
        if key == K.Key_S and mods == Qt.KeyboardModifier.NoModifier:
            return self.skip_set
        if screen is self.rest_screen and plain(event):
            if key == K.Key_P:
                return self.toggle_pause
            if key in (K.Key_Plus, K.Key_Equal):
                return lambda: self.adjust_rest(ADJUST_STEP_S)
            if key in (K.Key_Minus, K.Key_Underscore) or event.text() == "−":
                return lambda: self.adjust_rest(-ADJUST_STEP_S)
        if screen is self.exercise_screen and key in (K.Key_Left, K.Key_Right) and plain(event):
            delta = -1 if key == K.Key_Left else 1
            return lambda: self.exercise_screen.cues.step(delta)
        return None

    def _space_means_something(self, screen: QWidget | None) -> bool:
        return screen is not None and self.stack.indexOf(screen) >= 0  # any of our screens

    def _enter_action(self, screen: QWidget | None) -> Callable[[], None] | None:
        return {
            id(self.chooser): self.chooser.request_start,
            id(self.resume_screen): self.resume,
            id(self.pain_screen): self.confirm_pain,
            id(self.summary_screen): self.back_to_plans,
            id(self.notice_screen): self.back_to_plans,
        }.get(id(screen))

    # -- the primary action (Space) -----------------------------------------------------
    def primary_action(self) -> None:
        """What Space means now, on every screen."""
        screen = self.current_screen()
        if screen is not self.exercise_screen and screen is not self.rest_screen:
            action = self._enter_action(screen)
            if action is not None:
                action()
            return
        flow = self.flow
        if flow is None:
            return
        what = flow.primary_action()
        if what == "start_set":
            self.start_set()
        elif what == "log_set":
            self.log_set()
        elif what == "skip_rest":
            self.skip_rest()
        elif what == "finish":
            self.finish()

    # -- starting --------------------------------------------------------------------------
    def choose_plan(self, plan_id: str) -> None:
        """A plan was chosen: ask how the back feels before anything is stored."""
        if self.workouts is None or self.is_active:
            return
        self._new_flow(plan_id)
        assert self.plan is not None
        self.pain_screen.prepare_before(self.plan.name)
        self._show(self.pain_screen)

    def _new_flow(self, plan_id: str) -> None:
        self.plan = self.library.plan(plan_id)
        self.flow = SessionFlow(
            self.plan,
            self.library,
            rest_choice=read_rest_choice(self.settings),
            clock=self.clock,
            wall_clock=self.wall_clock,
            on_rest_taken=self._rest_taken,
        )
        self.recorder = None
        self._prefilled_step = None
        self._cues_for = None

    def switch_plan(self, plan_id: str) -> None:
        """Take the plan the check-in suggested instead, keeping the level chosen."""
        if self.flow is None or self.flow.state != "pain_check" or not plan_id:
            return
        level = self.pain_screen.scale.level
        self._new_flow(plan_id)
        assert self.plan is not None
        self.pain_screen.prepare_before(self.plan.name)
        if level is not None:
            self.pain_screen.scale.set_level(level)
            self._pain_level_changed(level)

    def _pain_level_changed(self, level: int) -> None:
        if self.pain_screen.after or self.plan is None:
            return
        advice = advise(self.library, level)
        suggested = advice.suggest_plan
        if suggested == self.plan.id or suggested not in self.library.plans:
            suggested = None
        name = self.library.plan(suggested).name if suggested else None
        self.pain_screen.show_guidance(advice, suggested, name)

    def confirm_pain(self) -> None:
        if self.pain_screen.after:
            self._save_pain_after(self.pain_screen.scale.level)
        else:
            self._begin(self.pain_screen.scale.level)

    def skip_pain(self) -> None:
        if self.pain_screen.after:
            self._save_pain_after(None)
        else:
            self._begin(None)

    def _begin(self, level: int | None) -> None:
        flow, plan = self.flow, self.plan
        if flow is None or plan is None or flow.state != "pain_check" or self.workouts is None:
            return
        recorder = self._call(SessionRecorder.start, self.workouts, plan.id, level)
        if recorder is None:
            return
        self.recorder = recorder
        self._last_time.clear()  # "last time" is now the session before this one
        self._hints.clear()
        flow.confirm_pain(level)
        self.active_changed.emit(True)
        self._show_current()

    def resume(self) -> None:
        detail = self._pending_resume
        if detail is None or detail.session.plan_id not in self.library.plans:
            return
        self._pending_resume = None
        self.plan = self.library.plan(detail.session.plan_id)
        self.flow = SessionFlow(
            self.plan,
            self.library,
            detail.sets,
            rest_choice=read_rest_choice(self.settings),
            ask_pain=False,
            clock=self.clock,
            wall_clock=self.wall_clock,
            on_rest_taken=self._rest_taken,
        )
        self.flow.pain_before = detail.session.pain_before
        self.recorder = SessionRecorder.resume(self.workouts, detail)
        self._last_time.clear()
        self._hints.clear()
        self._prefilled_step = None
        self._cues_for = None
        self.active_changed.emit(True)
        self._say("Resumed: everything logged before is kept.")
        self._show_current()

    def end_unfinished(self) -> None:
        """End the session offered for resuming, as ended early."""
        detail = self._pending_resume
        if detail is None:
            return
        self._pending_resume = None
        self.plan = self.library.plans.get(detail.session.plan_id or "")
        self.recorder = SessionRecorder.resume(self.workouts, detail)
        if self._call(self.recorder.end_early) is not None:
            self._show_summary()

    # -- sets and rests ----------------------------------------------------------------
    def start_set(self) -> None:
        flow = self.flow
        if flow is None or flow.state != "ready":
            return
        self._after_rest = False
        self._say("")
        flow.start_set()
        self.set_driver.start(flow.set_timer)
        self._show_current()

    def log_set(self) -> None:
        flow, recorder = self.flow, self.recorder
        if flow is None or recorder is None or flow.state != "in_set":
            return
        step = flow.current_step
        assert step is not None
        reps, load = self.exercise_screen.values()
        entry = flow.complete_set(reps, load)
        self.set_driver.stop()
        if flow.state == "resting":
            # The countdown runs before the write, so storing can never hold it up.
            self._start_rest(step)
        elif flow.state == "in_set":
            self.set_driver.start(flow.set_timer)  # the right side, straight after the left
        logged = self._call(recorder.log, entry)
        if logged is None and not recorder.pending:
            self._say("That set could not be saved; the session carries on.", error=True)
        self._show_current()
        if flow.state == "resting" and (logged is not None or recorder.pending):
            done = logged if logged is not None else entry  # kept, written on a retry
            text = self._describe(done) + ("" if logged is not None else " (not saved yet)")
            self.rest_screen.show_logged(text, done.reps, done.load_kg)

    def _start_rest(self, step: Step) -> None:
        flow = self.flow
        assert flow is not None
        following = flow.current_step
        total = int(step.rest_after_s or 0)
        if following is None:
            up_next, detail = "Finish", ""
        else:
            up_next = self._exercise_name(following.exercise_id)
            side = SIDE_TEXT[following.side]
            detail = " · ".join(
                part
                for part in (
                    f"Set {following.set_number} of {following.total_sets}",
                    side,
                    target_text(following).removeprefix("Target: "),
                )
                if part
            )
        self.rest_screen.start(total, up_next, detail)
        self.rest_driver.start(flow.rest_timer)

    def skip_rest(self) -> None:
        flow = self.flow
        if flow is None or flow.state != "resting":
            return
        self.rest_driver.stop()
        flow.skip_rest()  # records the rest taken through _rest_taken
        self._after_rest = True
        self._show_current()

    def _rest_over(self) -> None:
        flow = self.flow
        if flow is None or flow.state != "resting":
            return
        self.rest_driver.stop()
        flow.end_rest()
        self._after_rest = True
        self._show_current()
        step = flow.current_step
        self.alert.fire(
            "Rest is over",
            f"Ready for set {step.set_number}: {self._exercise_name(step.exercise_id)}"
            if step
            else "Time to finish.",
        )

    def _rest_taken(self, rest: RestTaken) -> None:
        if self.recorder is not None:
            self._call(self.recorder.record_rest, rest)

    def toggle_pause(self) -> None:
        flow = self.flow
        if flow is None or flow.state != "resting":
            return
        flow.rest_timer.toggle_pause()
        self.rest_driver.tick()
        self.rest_screen.show_paused(flow.rest_timer.is_paused)

    def adjust_rest(self, seconds: int) -> None:
        flow = self.flow
        if flow is None or flow.state != "resting":
            return
        flow.rest_timer.adjust(seconds)
        self.rest_driver.tick()  # shows the new time; ends the rest if none is left
        if flow.state == "resting":
            self._show_rest_seconds(flow.rest_timer.display_seconds())

    def correct_last_set(self, reps: int, load_kg: float | None) -> None:
        flow, recorder = self.flow, self.recorder
        if flow is None or recorder is None or flow.last_logged is None:
            return
        updated = self._call(recorder.correct, flow.last_logged, reps=reps, load_kg=load_kg)
        if updated is not None:
            self.rest_screen.correction_status.setText("Corrected and saved.")
            self.rest_screen.logged_text.setText(self._describe(updated))

    def skip_set(self) -> None:
        self._skip(SessionFlow.skip_set, "Set skipped.")

    def skip_exercise(self) -> None:
        self._skip(SessionFlow.skip_exercise, "Exercise skipped.")

    def _skip(self, skip: Callable[[SessionFlow], object], message: str) -> None:
        if self.flow is None or self.flow.state not in ("ready", "in_set", "resting"):
            return
        self._stop_drivers()
        skip(self.flow)
        self._after_rest = False
        self._say(message)
        self._show_current()

    def undo_last_set(self) -> None:
        flow, recorder = self.flow, self.recorder
        if flow is None or recorder is None or not self.is_active:
            return
        self._stop_drivers()
        undone = flow.undo_last()
        if undone is None:
            self._say("Nothing to undo yet.")
            return
        removed = self._call(recorder.undo, undone.key)
        self._after_rest = False
        self._prefilled_step = None
        self._show_current()
        if removed is not None:
            self._say(f"Undone: {self._describe(removed)}")
            self.exercise_screen.set_values(removed.reps or 0, removed.load_kg)

    # -- ending ----------------------------------------------------------------------------
    def finish(self) -> None:
        flow, recorder = self.flow, self.recorder
        if flow is None or recorder is None or not flow.can_finish:
            return
        self._stop_drivers()
        flow.finish()
        if self._call(recorder.finish, None) is None:
            return
        self._ended("Well done. Your sets are saved.")

    def end_session(self) -> None:
        """Ctrl+E: end now, keeping what was logged (after a confirmation)."""
        if self.current_screen() is self.resume_screen:
            self.end_unfinished()
            return
        flow = self.flow
        if flow is not None and flow.state == "pain_check" and self.recorder is None:
            self.back_to_plans()  # nothing was stored yet
            return
        if not self.is_active or flow is None or self.recorder is None:
            return
        done, _planned = flow.progress()
        answer = QMessageBox.question(
            self,
            "End session",
            f"End this session now? The {done} set(s) you logged are kept.",
            Yes | No,
            Yes,  # Enter means yes
        )
        if answer != Yes:
            return
        self._stop_drivers()
        flow.end_early()
        if self._call(self.recorder.end_early) is not None:
            self._ended("Ended early. Everything you logged is saved.")

    def stop_for_pain(self) -> None:
        """Sharp pain: stop. At the check-in nothing has started, so just say so."""
        flow = self.flow
        if flow is not None and flow.state == "pain_check" and self.recorder is None:
            self.flow = None
            self.notice_screen.show_notice(
                "Sharp pain: no training today", self.library.guidance.sharp_pain
            )
            self._show(self.notice_screen)
            return
        if not self.is_active or flow is None or self.recorder is None:
            return
        answer = QMessageBox.question(
            self,
            "Stop: sharp pain",
            "Stop the session because of sharp pain? What you logged is kept.",
            Yes | No,
            Yes,
        )
        if answer != Yes:
            return
        self._stop_drivers()
        where = flow.stop_for_pain()
        if self._call(self.recorder.stop_for_pain, where) is not None:
            self._ended(self.library.guidance.sharp_pain)

    def _ended(self, note: str) -> None:
        """The session is closed in the store; ask how the back is now."""
        self.title_prefix_changed.emit("")
        self._hide_tray()
        self.active_changed.emit(False)
        assert self.plan is not None
        self.pain_screen.prepare_after(f"After {self.plan.name}. 0 means no pain.", note)
        self._show(self.pain_screen)

    def _save_pain_after(self, level: int | None) -> None:
        if self.recorder is None:
            return
        notes = self.pain_screen.notes.text().strip()
        if self._call(self.recorder.set_pain_after, level, notes) is not None:
            self._show_summary()

    def back_to_plans(self) -> None:
        self._stop_drivers()
        self.flow = None
        self.recorder = None
        self.plan = None
        self._pending_resume = None
        self.title_prefix_changed.emit("")
        self._hide_tray()
        self._show(self.chooser)

    # -- showing -------------------------------------------------------------------------
    def _show(self, screen: QWidget) -> None:
        self.stack.setCurrentWidget(screen)
        active = self.is_active and screen in (self.exercise_screen, self.rest_screen)
        self.action_bar.setVisible(active)
        self.progress.setVisible(active)
        if screen is not self.rest_screen:
            self.title_prefix_changed.emit("")
        if screen is self.chooser:
            self.chooser.plans.setFocus()
        elif screen is self.pain_screen and not self.pain_screen.after:
            self.pain_screen.scale.slider.setFocus()
        else:
            self.setFocus()  # out of any spin box, so its arrows and digits don't surprise

    def _show_current(self) -> None:
        flow = self.flow
        if flow is None:
            return
        self._update_progress()
        if flow.state == "resting":
            self._show(self.rest_screen)
            return
        screen = self.exercise_screen
        step = flow.current_step
        if flow.state == "finished" or step is None:
            assert self.plan is not None
            screen.name.setText(self.plan.name)
            screen.set_label.setText("")
            screen.side.hide()
            screen.target.setText("")
            screen.next_label.setText("Next: the summary")
            screen.show_finished()
            self._show(screen)
            return
        if step.index != self._prefilled_step:
            self._prefill(step)
        screen.show_step(step, self._exercise_name(step.exercise_id), self._next_text(step))
        screen.progression.show_hint(self._hint(step.exercise_id))  # cached: asked once
        if flow.state == "in_set":
            screen.show_in_set(flow.set_timer.display_seconds(), step.side)
        else:
            screen.show_ready(step.set_number, after_rest=self._after_rest)
        self._show(screen)

    def _prefill(self, step: Step) -> None:
        """Fill in reps and load for a step the screen has not shown yet."""
        assert self.recorder is not None
        if step.exercise_id != self._cues_for:
            exercise = self.library.exercises.get(step.exercise_id)
            self.exercise_screen.cues.set_cues(exercise.cues if exercise else ())
            self.exercise_screen.illustration.show_exercise(exercise)
            self._cues_for = step.exercise_id
        values = prefill(step, self._last_sets(step.exercise_id), self.recorder.logged)
        self.exercise_screen.set_values(values.reps, values.load_kg)
        self._prefilled_step = step.index

    def _last_sets(self, exercise_id: str) -> list[LoggedSet]:
        if exercise_id not in self._last_time and self.recorder is not None:
            found = self._call(
                self.workouts.last_sets, exercise_id, before_session_id=self.recorder.session_id
            )
            self._last_time[exercise_id] = list(found or [])
        return self._last_time.get(exercise_id, [])

    def _hint(self, exercise_id: str) -> ProgressionHint | None:
        """The progression hint for this exercise, asked of the store once per session."""
        if exercise_id not in self._hints:
            ask = getattr(self.workouts, "progression_hint", None)
            hint = None
            if ask is not None and self.plan is not None and self.recorder is not None:
                hint = self._call(
                    ask, exercise_id, self.plan.id, before_session_id=self.recorder.session_id
                )
            self._hints[exercise_id] = hint
        return self._hints[exercise_id]

    def _next_text(self, step: Step) -> str:
        assert self.flow is not None
        steps = self.flow.steps
        following = steps[step.index + 1] if step.index + 1 < len(steps) else None
        if following is None:
            return "Next: finish"
        if following.exercise_id == step.exercise_id:
            if following.set_number == step.set_number:
                return f"Next: {SIDE_TEXT[following.side].lower()}, no rest"
            return f"Next: set {following.set_number} of {following.total_sets}"
        return f"Next: {self._exercise_name(following.exercise_id)}"

    def _update_progress(self) -> None:
        flow = self.flow
        if flow is None or self.plan is None:
            return
        # Count sets, not sides, as the summary does: a one-leg set is one set.
        planned = {(s.exercise_id, s.log_set_number) for s in flow.steps}
        done = {
            (s.exercise_id, s.log_set_number)
            for s in flow.steps
            if flow.step_status(s.index) == "done"
        }
        step = flow.current_step
        where = ""
        if step is not None:
            where = f" · exercise {step.item_index + 1} of {len(self.plan.items)}"
        self.progress.setText(
            f"{self.plan.name}{where} · {len(done)} of {len(planned)} sets logged"
        )

    def _show_set_seconds(self, seconds: int) -> None:
        if self.flow is not None and self.flow.state == "in_set":
            self.exercise_screen.show_elapsed(seconds)

    def _show_rest_seconds(self, seconds: int) -> None:
        self.rest_screen.ring.set_seconds(seconds)
        if self.flow is not None and self.flow.state == "resting":
            self.title_prefix_changed.emit(f"{format_mmss(seconds)} · Rest")

    def _show_summary(self) -> None:
        recorder = self.recorder
        if recorder is None or self.workouts is None:
            return
        detail = self._call(self.workouts.session_detail, recorder.session_id)
        if detail is None:
            return
        report = summarize(detail.session, detail.sets, self.plan)
        subheading = detail.session.name
        stop = detail.session.stop_exercise_id
        if detail.session.status == "stopped_pain" and stop:
            subheading += (
                f" · stopped at {self._exercise_name(stop)}, set {detail.session.stop_set_number}"
            )
        self.summary_screen.show_report(
            report,
            plan_name=detail.session.name,
            subheading=subheading,
            records=self._records_beaten(detail.session.id, detail.sets),
            exercise_names={k: e.name for k, e in self.library.exercises.items()},
        )
        self.flow = None
        self._show(self.summary_screen)

    def _records_beaten(self, session_id: int, sets: Any) -> list[str]:
        """Personal bests this session took from earlier ones (a first time is no record)."""
        lines = []
        for exercise_id in dict.fromkeys(s.exercise_id for s in sets):
            earlier = self._call(self.workouts.last_sets, exercise_id, before_session_id=session_id)
            records = self._call(self.workouts.records, exercise_id)
            if not earlier or records is None:
                continue
            name = self._exercise_name(exercise_id)
            heaviest = records.heaviest
            if heaviest is not None and heaviest.session_id == session_id:
                lines.append(f"{name}: heaviest yet, {heaviest.load_kg:g} kg × {heaviest.reps}")
            volume = records.best_volume
            if volume is not None and volume.session_id == session_id:
                lines.append(f"{name}: most volume in one session, {volume.volume_kg:,.0f} kg")
        return lines

    # -- helpers -----------------------------------------------------------------------
    @property
    def alert(self) -> Any:
        if self._alert is None:
            from backleg_desktop.ui.alerts import RestAlert

            # A child of the page: the tray icon it may make goes when the page goes.
            self._alert = RestAlert(
                self.window(), tray=getattr(self.window(), "tray", None), parent=self
            )
        return self._alert

    def _hide_tray(self) -> None:
        """The session is over: the tray icon made for rest notifications goes away."""
        hide = getattr(self._alert, "hide_tray", None)
        if hide is not None:
            hide()

    def _stop_drivers(self) -> None:
        self.set_driver.stop()
        self.rest_driver.stop()
        self.title_prefix_changed.emit("")

    def _exercise_name(self, exercise_id: str) -> str:
        exercise = self.library.exercises.get(exercise_id)
        return exercise.name if exercise else exercise_id

    def _describe(self, logged: LoggedSet | SetEntry) -> str:
        side = "" if logged.side == "both" else f" ({logged.side})"
        load = "no load" if logged.load_kg is None else f"{logged.load_kg:g} kg"
        return (
            f"{self._exercise_name(logged.exercise_id)}, set {logged.set_number}{side}: "
            f"{logged.reps or 0} reps × {load}"
        )

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)

    def _call(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run a store call; a failure becomes a message on the page, never a crash."""
        try:
            return function(*args, **kwargs)
        except BacklegError as error:
            self._say(str(error), error=True)
            return None
        finally:
            self.saving.update()  # says "Saving…" for a write that was queued
