"""The session page: the widgets of a guided session, from plan choice to summary.

What the session is (the plan, its `SessionFlow`, the store writes, resume) lives in the
Qt-free `SessionController` (services/session_controller.py); this page builds the
screens, wires them, renders what the controller says and asks for confirmation. The
set and rest screens and their two countdowns are running.py's part. Keys arrive
through one `SessionKeyFilter` and mean what key_table.py says, so the keyboard works
whatever has focus.

Usage (see install.py for the main window wiring)::

    page = SessionPage(library, settings, clock=window.clock)
    page.set_workouts(store.workouts)
    page.offer_resume()          # True if an unfinished session was found
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings, QThreadPool, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from backleg_desktop.content.model import Library, Plan
from backleg_desktop.domain.session_caution import cheer_records, session_caution
from backleg_desktop.domain.session_flow import RestChoice, SessionFlow, Step
from backleg_desktop.domain.units import KILOGRAMS, LoadUnits
from backleg_desktop.domain.wording import count_of
from backleg_desktop.services.session_controller import SessionController
from backleg_desktop.services.session_recorder import SessionRecorder
from backleg_desktop.ui import message_boxes
from backleg_desktop.ui.preferences.prefs import Preferences
from backleg_desktop.ui.rest_prefs import read_custom_rests
from backleg_desktop.ui.session import key_table, texts
from backleg_desktop.ui.session.back_check import BackCheckActions
from backleg_desktop.ui.session.check_in import CheckInActions
from backleg_desktop.ui.session.chrome import SessionChrome
from backleg_desktop.ui.session.exercise_screen import ExerciseScreen
from backleg_desktop.ui.session.keys import SessionKeyFilter
from backleg_desktop.ui.session.pain_screen import PainScreen
from backleg_desktop.ui.session.pending_retry import PendingRetry
from backleg_desktop.ui.session.rest_screen import RestScreen
from backleg_desktop.ui.session.running import RunningSession
from backleg_desktop.ui.session.screens import NoticeScreen, PlanChooser, ResumeScreen
from backleg_desktop.ui.session.summary_screen import SummaryScreen
from backleg_desktop.ui.session.warm_up import WarmUpActions

if TYPE_CHECKING:
    from backleg_desktop.services.user_plans import UserPlans
    from backleg_desktop.services.workouts import WorkoutService

REST_CHOICE_KEY = "session/rest_choice"
REST_CHOICES: tuple[RestChoice, ...] = ("bottom", "middle", "top")
Yes = QMessageBox.StandardButton.Yes
No = QMessageBox.StandardButton.No


def read_rest_choice(settings: QSettings) -> RestChoice:
    value = settings.value(REST_CHOICE_KEY, "bottom")
    return next((choice for choice in REST_CHOICES if choice == value), "bottom")


class SessionAlert(Protocol):
    """What the page needs of `ui.alerts.RestAlert` (tests pass one that records)."""

    def fire(self, title: str = ..., message: str = ...) -> object: ...

    def countdown(self, seconds_left: int) -> object: ...

    def hide_tray(self) -> None: ...


class SessionPage(QWidget):
    """See the module docstring. `title_prefix_changed("0:45 · Rest")` while resting,
    `""` otherwise; `active_changed(bool)` when a session starts or ends;
    `red_flags_requested` to open the red-flag card on the Guidance page;
    `screen_changed` after a screen is shown (the Session menu follows)."""

    title_prefix_changed = Signal(str)
    active_changed = Signal(bool)
    red_flags_requested = Signal()
    screen_changed = Signal()

    def __init__(
        self,
        library: Library,
        settings: QSettings,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] | None = None,
        alert: SessionAlert | None = None,
        pool: QThreadPool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionPage")
        self.library = library
        self.settings = settings
        # The wall clock catches a suspend during rest; only meaningful with the real clock.
        if wall_clock is None and clock is time.monotonic:
            wall_clock = time.time
        self.controller = SessionController(
            library,
            self,
            clock=clock,
            wall_clock=wall_clock,
            rest_lengths=lambda: read_custom_rests(settings),  # Preferences → Rest
        )
        # Writes the store could not make at once are kept and retried (never dropped).
        self.saving = PendingRetry(lambda: self.controller.recorder, self)
        self.saving.status_changed.connect(lambda text, problem: self.say(text, error=problem))
        self._alert = alert

        self.chooser = PlanChooser(library, self)
        self.resume_screen = ResumeScreen(self)
        self.pain_screen = PainScreen(self, clock=clock)
        self.exercise_screen = ExerciseScreen(self, clock=clock, figures=library.figures)
        self.exercise_screen.rpe.use_settings(settings)  # the optional RPE box
        self.rest_screen = RestScreen(self, clock=clock)
        self.summary_screen = SummaryScreen(library, pool or QThreadPool.globalInstance(), self)
        self.notice_screen = NoticeScreen(self)
        self.warm_up = WarmUpActions(self)  # W on the first exercise's screen
        self._screens: dict[QWidget, str] = {
            self.chooser: "chooser",
            self.resume_screen: "resume",
            self.pain_screen: "pain",
            self.exercise_screen: "exercise",
            self.rest_screen: "rest",
            self.summary_screen: "summary",
            self.notice_screen: "notice",
        }
        if self.warm_up.screen is not None:
            self._screens[self.warm_up.screen] = "warmup"
        self.stack = QStackedWidget(self)
        for screen in self._screens:
            self.stack.addWidget(screen)
        self.chrome = SessionChrome(self, clock)
        self.progress, self.message = self.chrome.progress, self.chrome.message
        self.action_bar = self.chrome.action_bar
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.chrome.top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.action_bar)
        self.running = RunningSession(self)
        self.check_in = CheckInActions(self)
        self.back_check = BackCheckActions(self)
        self.set_driver, self.rest_driver = self.running.set_driver, self.running.rest_driver

        self.units = KILOGRAMS
        self.set_units(Preferences(settings).load_units())
        self._connect()
        self.chooser.set_rest_choice(read_rest_choice(settings))
        self.chooser.set_ready(False, "Opening your history…")
        self.keys = SessionKeyFilter(self, self._key_action)
        self.keys.install()
        self.show_screen(self.chooser)

    def _connect(self) -> None:
        self.chooser.start_requested.connect(self.choose_plan)
        self.chooser.rest_choice_changed.connect(
            lambda value: self.settings.setValue(REST_CHOICE_KEY, value)
        )
        self.resume_screen.resume_requested.connect(self.resume)
        self.resume_screen.end_requested.connect(self.end_unfinished)
        check_in = self.check_in
        self.pain_screen.confirm_requested.connect(check_in.confirm)
        self.pain_screen.skip_requested.connect(check_in.skip)
        self.pain_screen.choice_requested.connect(check_in.choose)
        self.pain_screen.red_flags_requested.connect(self.red_flags_requested)
        self.pain_screen.sharp_requested.connect(self.stop_for_pain)
        self.pain_screen.level_changed.connect(check_in.level_changed)
        running = self.running
        self.exercise_screen.primary_requested.connect(self.primary_action)
        self.exercise_screen.decline_requested.connect(running.decline_extra_set)
        self.rest_screen.skip_requested.connect(self.primary_action)
        self.rest_screen.pause_requested.connect(running.toggle_pause)
        self.rest_screen.adjust_requested.connect(running.adjust_rest)
        self.rest_screen.correction_made.connect(running.correct_last_set)
        self.summary_screen.done_requested.connect(self.back_to_plans)
        self.summary_screen.red_flags_requested.connect(self.red_flags_requested)
        self.summary_screen.records_failed.connect(lambda message: self.say(message, error=True))
        self.notice_screen.done_requested.connect(self.back_to_plans)
        self.screen_changed.connect(self.warm_up.left)  # another screen: the warm-up stops
        chrome = self.chrome
        chrome.skip_set_button.clicked.connect(running.skip_set)
        chrome.skip_exercise_button.clicked.connect(running.skip_exercise)
        chrome.undo_button.clicked.connect(self.undo_last_set)
        chrome.end_button.clicked.connect(self.end_session)
        chrome.stop_button.clicked.connect(self.stop_for_pain)

    def set_units(self, units: LoadUnits) -> None:
        """Type and show loads in `units` from now on (Preferences → Units)."""
        self.units = units
        self.exercise_screen.load.set_units(units)
        self.rest_screen.load.set_units(units)
        self.summary_screen.units = units
        self.controller.lookups.set_units(units)

    # -- store -------------------------------------------------------------------------
    def set_workouts(self, workouts: WorkoutService, plans: UserPlans | None = None) -> None:
        """The open history; `plans`: the user's own plans, so they can be run too."""
        self.controller.attach(workouts, plans)
        self.chooser.set_ready(True, "")

    def offer_resume(self) -> bool:
        """Offer to resume an unfinished session; True if there is one."""
        detail = self.controller.find_unfinished()
        if detail is None:
            return False
        session = detail.session
        self.resume_screen.show_session(
            session.name,
            session.started_at,
            len(detail.sets),
            can_resume=self.controller.can_resume,
        )
        self.show_screen(self.resume_screen)
        return True

    # -- state -------------------------------------------------------------------------
    @property
    def is_active(self) -> bool:
        """A session is stored and running (sets may be logged): closing keeps it."""
        return self.controller.is_active

    @property
    def flow(self) -> SessionFlow | None:
        return self.controller.flow

    @property
    def recorder(self) -> SessionRecorder | None:
        return self.controller.recorder

    @property
    def plan(self) -> Plan | None:
        return self.controller.plan

    def current_screen(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _screen_name(self) -> str | None:
        """The current screen's name in the key table ("chooser", "pain", "rest", …)."""
        screen = self.current_screen()
        return None if screen is None else self._screens.get(screen)

    def shutdown(self) -> None:
        """The window is closing: stop the timers. Everything logged is already stored."""
        self.set_driver.stop()
        self.rest_driver.stop()
        self.chrome.clear_message()  # and its timer
        self._hide_tray()
        self.summary_screen.wait_for_records()

    # -- what the controller reports (SessionEvents) --------------------------------------
    def store_failed(self, message: str) -> None:
        self.say(message, error=True)

    def session_active(self, active: bool) -> None:
        self.active_changed.emit(active)

    def set_completed(self, step: Step) -> None:
        self.running.set_completed(step)

    def store_called(self) -> None:
        self.saving.update()  # says "Saving…" for a write that was queued

    # -- keys --------------------------------------------------------------------------
    def _key_action(self, event: QKeyEvent, typing: bool) -> Callable[[], None] | None:
        screen = self._screen_name()
        row = key_table.find(event, screen=screen, active=self.is_active, typing=typing)
        return None if row is None or screen is None else key_table.bind(self, row, event)

    # -- the primary action (Space) -----------------------------------------------------
    def primary_action(self) -> None:
        """What Space means now, on every screen."""
        screen = self.current_screen()
        if screen is not self.exercise_screen and screen is not self.rest_screen:
            row = key_table.ENTER_ROWS.get(self._screen_name() or "")
            action = None if row is None else key_table.bind(self, row, None)
            if action is not None:
                action()
            return
        self.running.primary()

    # -- starting --------------------------------------------------------------------------
    def choose_plan(self, plan_id: str) -> None:
        """A plan was chosen: ask how the back feels before anything is stored."""
        plan = self.controller.choose(plan_id, read_rest_choice(self.settings))
        if plan is None:
            return
        self.running.forget_shown()
        assert self.controller.check_in is not None  # a new flow comes with its check-in
        self.pain_screen.prepare_before(plan.name, self.controller.check_in.entry)
        self.show_screen(self.pain_screen)

    def resume(self) -> None:
        if self.controller.resume(read_rest_choice(self.settings)):
            self.running.forget_shown()
            self.running.show_current()  # first: a new screen clears the message line
            self.say("Resumed: everything logged before is kept.")

    def end_unfinished(self) -> None:
        """End the session offered for resuming, as ended early."""
        if self.controller.end_unfinished():
            self._show_summary()

    def undo_last_set(self) -> None:
        """Ctrl+Z (and Session → Undo last action)."""
        self.running.undo_last_set()

    # -- ending ----------------------------------------------------------------------------
    def finish(self) -> None:
        if not self.controller.can_finish:
            return
        self.running.stop_timers()
        if self.controller.finish():
            self._ended("Well done. Your sets are saved.")

    def end_session(self) -> None:
        """Ctrl+E: end now, keeping what was logged (after a confirmation)."""
        if self.current_screen() is self.resume_screen:
            self.end_unfinished()
            return
        if self.controller.at_check_in:
            self.back_to_plans()  # nothing was stored yet
            return
        if not self.is_active:
            return
        done, _planned = self.controller.progress()
        kept = "is" if done == 1 else "are"
        question = f"End this session now? The {count_of(done, 'set')} you logged {kept} kept."
        if self._confirm("End session", question):  # Enter means yes
            self.running.stop_timers()
            if self.controller.end_early():
                self._ended("Ended early. Everything you logged is saved.")

    def stop_for_pain(self) -> None:
        """Sharp pain: stop. At the check-in nothing has started, so just say so."""
        if self.controller.at_check_in:
            self.controller.cancel_check_in()
            sharp = self.library.guidance.sharp_pain
            self.notice_screen.show_notice("Sharp pain: no training today", sharp)
            self.show_screen(self.notice_screen)
            return
        if not self.is_active:
            return
        question = "Stop the session because of sharp pain? What you logged is kept."
        if self._confirm("Stop: sharp pain", question):
            self.running.stop_timers()
            if self.controller.stop_for_pain():
                self._ended(self.library.guidance.sharp_pain)

    def _confirm(self, title: str, question: str) -> bool:
        # End and Stop both end the session; Enter (the default) means yes, as before.
        return message_boxes.ask(
            self,
            title,
            question,
            default=Yes,
            yes="Ends the session here; every set you logged stays in your history.",
            no="Goes back to the session where you left it.",
        )

    def show_summary(self) -> None:
        self._show_summary()

    def _ended(self, note: str) -> None:
        """The session is closed in the store; ask how the back is now."""
        self.title_prefix_changed.emit("")
        self._hide_tray()
        assert self.plan is not None
        self.pain_screen.prepare_after(f"After {self.plan.name}. 0 means no pain.", note)
        self.show_screen(self.pain_screen)

    def back_to_plans(self) -> None:
        self.running.stop_timers()
        self.controller.reset()
        self._hide_tray()
        self.show_screen(self.chooser)

    # -- showing -------------------------------------------------------------------------
    def show_screen(self, screen: QWidget) -> None:
        if self.stack.currentWidget() is not screen:
            self.chrome.clear_message()  # a message never outlives its screen
            if self.saving.count:
                self.saving.update()  # but a write that still waits says so again
        self.stack.setCurrentWidget(screen)
        active = self.is_active and screen in (self.exercise_screen, self.rest_screen)
        self.action_bar.setVisible(active)
        self.progress.setVisible(active)
        if screen is not self.rest_screen:
            self.title_prefix_changed.emit("")
        if screen is self.chooser:
            self.chooser.refresh()  # plans saved or used since; the Strength session chosen
            self.chooser.setFocus()  # its list of plans
        elif screen is self.pain_screen and not self.pain_screen.after:
            self.pain_screen.focus_level()
        else:
            self.setFocus()  # out of any spin box, so its arrows and digits don't surprise
        self.screen_changed.emit()

    def _show_summary(self) -> None:
        summary = self.controller.summary()
        if summary is None or self.controller.workouts is None:
            return
        session = summary.detail.session
        sharp = session.status == "stopped_pain"
        caution = session_caution(
            session.pain_before, session.pain_after, stopped_for_sharp_pain=sharp
        )
        self.summary_screen.show_report(
            summary.report,
            plan_name=session.name,
            subheading=texts.summary_subheading(self.library, session),
            caution=caution,
        )
        if cheer_records(caution):  # no "records beaten" next to a caution
            self.summary_screen.find_records(self.controller.workouts, session.id)
        self.show_screen(self.summary_screen)

    # -- helpers -----------------------------------------------------------------------
    @property
    def alert(self) -> SessionAlert:
        if self._alert is None:
            from backleg_desktop.ui.alerts import RestAlert
            from backleg_desktop.ui.sound_prefs import read_sound_prefs

            # A child of the page: the tray icon it may make goes when the page goes.
            # Preferences → Sound is read before each sound, so changes count at once.
            self._alert = RestAlert(
                self.window(), parent=self, prefs=lambda: read_sound_prefs(self.settings)
            )
        return self._alert

    def _hide_tray(self) -> None:
        """The session is over: the tray icon made for rest notifications goes away."""
        if self._alert is not None:
            self._alert.hide_tray()

    def say(self, text: str, *, error: bool = False) -> None:
        """The message line above the screens, for a few seconds (chrome.py)."""
        self.chrome.say(text, error=error)
