"""The exercise screen: what to do now, the set timer, reps and load, form cues, what's next."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.content.model import Exercise
from backleg_desktop.domain.figures import FigureBook
from backleg_desktop.domain.progression import ProgressionHint
from backleg_desktop.domain.session_flow import Step
from backleg_desktop.domain.timers import format_mmss
from backleg_desktop.domain.units import load_label
from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.colours import tint
from backleg_desktop.ui.load_input import LoadSpinBox
from backleg_desktop.ui.session import texts
from backleg_desktop.ui.session.exercise_header import ExerciseHeader
from backleg_desktop.ui.session.exercise_panels import CueList, HintPanel, IllustrationArea
from backleg_desktop.ui.session.fit import (
    follow_font,
    scroll_to_top_of,
    show_from_first_fitting,
    show_span,
)
from backleg_desktop.ui.session.rpe_field import RpeField
from backleg_desktop.ui.session.safety_panel import SafetyPanel
from backleg_desktop.ui.session.texts import how_text, set_text, side_text, target_text
from backleg_desktop.ui.session.widgets import action_button, big_label, relabel, text_width
from backleg_desktop.ui.widgets import (
    PAGE_MARGIN,
    VerticalScrollArea,
    muted,
    paragraph,
    set_scaled_font,
)

MAX_REPS = 999


def first_step_word(hold: bool, warmup: bool) -> str:
    """What Space starts on a ready screen: "hold", "warm-up set" or "set"."""
    if warmup:
        return "warm-up hold" if hold else "warm-up set"
    return "hold" if hold else "set"


def fit_width(box: QWidget, widest: str) -> None:
    box.setMinimumWidth(text_width(box, widest) + 60)


class ExerciseScreen(QWidget):
    """Shown before, during and between the sides of a set; the page fills it in."""

    primary_requested = Signal()  # the big button: start, log or finish
    decline_requested = Signal()  # leave an optional extra set out (D)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        figures: FigureBook | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exerciseScreen")
        self.name = big_label("", 2.4)
        self.name.setObjectName("exerciseName")
        self.set_label = big_label("", 1.7)
        self.set_label.setObjectName("setLabel")
        self.side = big_label("", 1.7)
        self.side.setObjectName("sideLabel")
        self.target = big_label("", 1.4, bold=False)
        self.target.setObjectName("targetLabel")
        self.how = muted(paragraph(""))  # a one-leg move: alternate, or one side then the other
        self.how.setObjectName("howToDoTheSet")
        self.last_time = muted(paragraph(""))  # "Last time: 3 × 13 at 25 kg"
        self.last_time.setObjectName("lastTimeLabel")
        self.warm_up_offer = paragraph("")  # the first exercise: W runs the mobility warm-up
        self.warm_up_offer.setObjectName("warmUpOffer")
        self.item_note = big_label("", 1.1, bold=False)  # the plan item's own note
        self.item_note.setObjectName("itemNote")
        self.item_note.hide()
        self.progression = HintPanel(self)

        self.status = big_label("", 2.2)
        self.status.setObjectName("statusLabel")
        self.timer = big_label("", 7.0)
        self.timer.setObjectName("setTimer")
        self.timer.setWordWrap(False)
        self.hint = muted(paragraph(""))
        self.hint.setObjectName("primaryHint")
        set_scaled_font(self.hint, 1.2)

        self.reps = QSpinBox(self)
        self.reps.setObjectName("repsInput")
        self.reps.setRange(0, MAX_REPS)
        described(
            self.reps,
            "The reps you did in this set, logged when you press Space. "
            "Up and Down change it by one.",
            name="Reps",
        )
        # An alternating set (legs take turns) logs both legs' reps on this one screen.
        self.left_reps = QSpinBox(self)
        self.left_reps.setObjectName("leftRepsInput")
        self.left_reps.setRange(0, MAX_REPS)
        described(
            self.left_reps,
            "The reps your left leg did in this alternating set; the Reps box is the right leg.",
            name="Left leg reps",
        )
        self.load = LoadSpinBox("Load", self, purpose="The load for this set, logged with it.")
        self.load.setObjectName("loadInput")
        for box in (self.left_reps, self.reps, self.load):
            set_scaled_font(box, 1.6, bold=True)
            box.setKeyboardTracking(False)
            # Reps need room for three digits, the load for "000.00 lb": wider reps boxes
            # pushed the lunge's three boxes and the RPE box over each other at 1024 px.
            widest = "000.00 lb" if box is self.load else "000"
            follow_font(box, partial(fit_width, box, widest))
        inputs = QGridLayout()
        self.left_reps_label = QLabel("L&eft leg reps", self)
        self.left_reps_label.setBuddy(self.left_reps)
        self.reps_label = QLabel("&Reps", self)
        self.reps_label.setBuddy(self.reps)
        self.load_label = load_label = QLabel("&Load", self)
        load_label.setObjectName("loadLabel")  # "Load per dumbbell" where the content says
        load_label.setBuddy(self.load)
        self._inputs = (self.reps_label, load_label, self.reps, self.load)  # hidden for a hold
        self._left_inputs = (self.left_reps_label, self.left_reps)  # alternating sets only
        inputs.addWidget(self.left_reps_label, 0, 0)
        inputs.addWidget(self.reps_label, 0, 1)
        inputs.addWidget(load_label, 0, 2)
        inputs.addWidget(self.left_reps, 1, 0)
        inputs.addWidget(self.reps, 1, 1)
        inputs.addWidget(self.load, 1, 2)
        self.rpe = RpeField(self)  # optional, off unless the preference is on
        inputs.addWidget(self.rpe, 0, 3, 2, 1, Qt.AlignmentFlag.AlignLeft)
        self.load_note = big_label("", 1.1, bold=True)
        self.load_note.setObjectName("loadNote")  # "lighter today: pain 5 (was 25 kg)"
        self.load_note.hide()
        inputs.addWidget(self.load_note, 2, 0, 1, 4)
        inputs.setColumnStretch(3, 1)
        for widget in self._left_inputs:
            widget.hide()

        self.primary_button = action_button("Start set", "Space", "primaryAction", self)
        self._primary("Start set")
        set_scaled_font(self.primary_button, 1.3, bold=True)
        self.primary_button.extra_height = 12  # kept on a font change too
        self.primary_button.fit_height()
        self.primary_button.clicked.connect(self.primary_requested)
        self.decline_button = action_button(
            "Leave it out",
            "D",
            "declineExtraSet",
            self,
            description="Skips this optional extra set today; the exercise counts as done.",
        )
        self.decline_button.clicked.connect(self.decline_requested)
        self.decline_button.hide()
        self.next_label = big_label("", 1.2, bold=False)
        self.next_label.setObjectName("nextLabel")

        self.cues = CueList(self)
        self.illustration = IllustrationArea(self, clock=clock, figures=figures)
        self.safety = SafetyPanel(self)
        # Open, the lists take the figure's place, so the cues stay in view.
        self.safety.toggle.toggled.connect(lambda open_: self.illustration.setVisible(not open_))
        self.safety.toggle.toggled.connect(self._safety_toggled)

        # The exercise and set stay above the scrolling part: at a large font the
        # screen scrolls to the timer and button during a set, and the name stays.
        self.header = header = ExerciseHeader(self, self.name, self.set_label, self.side)
        header.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN // 2, PAGE_MARGIN, 4)
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(self.target)
        left.addWidget(self.how)
        left.addWidget(self.last_time)
        left.addWidget(self.warm_up_offer)
        left.addWidget(self.item_note)
        left.addWidget(self.progression)
        self.notices = QVBoxLayout()  # marks others add (the herniated-disc one)
        left.addLayout(self.notices)
        left.addSpacing(8)
        left.addWidget(self.status)
        left.addWidget(self.timer)
        left.addWidget(self.hint)
        left.addLayout(inputs)
        left.addSpacing(6)
        button_row = QHBoxLayout()
        button_row.addWidget(self.primary_button)
        button_row.addWidget(self.decline_button)
        button_row.addStretch(1)
        left.addLayout(button_row)
        left.addStretch(1)
        left.addWidget(self.safety)  # its line here; open, its lists take the figure's place
        left.addWidget(self.next_label)

        right = QVBoxLayout()
        right.addWidget(self.safety.body)
        right.addWidget(self.illustration, 1)  # the figure gives up its height first
        right.addWidget(self.cues)

        # Side by side when both columns fit; with a large font the figure and cues go
        # under the set, and the whole screen scrolls rather than squeeze its lines.
        content = QWidget()
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, content)
        self.columns.setContentsMargins(PAGE_MARGIN, 4, PAGE_MARGIN, PAGE_MARGIN // 2)
        self.columns.setSpacing(PAGE_MARGIN)
        self.columns.addLayout(left, 3)
        self.columns.addLayout(right, 2)
        self._left, self._right = left, right
        self.scroll_area = VerticalScrollArea(content, self)
        self.scroll_area.setObjectName("exerciseScroll")
        self.cues.scroll_area = self.scroll_area  # Left/Right bring the cue into view
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addLayout(header)
        outer.addWidget(self.scroll_area)
        self._alternating = False

    def _safety_toggled(self, open_: bool) -> None:
        # Stacked under the set at a large font, the opened lists would be out of view.
        if open_:
            QTimer.singleShot(0, self, lambda: scroll_to_top_of(self.scroll_area, self.safety.body))

    def _keep_set_in_view(self, hold: bool) -> None:
        # At a large font the screen scrolls, once the layout has settled. During a set
        # the reps, load and button must be in view (the timer wholly or not at all,
        # never cut in half); a hold has nothing to type, and its countdown comes first.
        area = self.scroll_area
        if hold:
            QTimer.singleShot(0, self, lambda: scroll_to_top_of(area, self.timer, 0))
        else:
            QTimer.singleShot(0, self, lambda: show_span(area, self.timer, self.primary_button))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit()

    def refit(self) -> None:
        """Stack the columns when both at their smallest are wider than the screen."""
        margins = self.columns.contentsMargins()
        need = (
            self._left.minimumSize().width()
            + self._right.minimumSize().width()
            + self.columns.spacing()
            + margins.left()
            + margins.right()
        )
        stacked = need > self.width()
        self.header.refit()
        direction = (
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
            self.columns.setStretch(0, 0 if stacked else 3)
            self.columns.setStretch(1, 0 if stacked else 2)

    # -- what the page shows ---------------------------------------------------------
    def show_exercise(self, exercise: Exercise | None) -> None:
        """A new exercise comes up: its form cues and what it works."""
        self.cues.show()
        self.illustration.show()
        self.cues.set_cues(exercise.cues if exercise else ())
        self.illustration.show_exercise(exercise)
        what = load_label(exercise.load_is if exercise else None)
        self.load_label.setText(f"&Load{what}")
        self.load.set_counts(what.strip(" ()"))
        self.safety.show_exercise(exercise)  # collapsed again for each new exercise

    def show_extras(self, last_time: str, warm_up_offer: str) -> None:
        """Last time's numbers, and the warm-up's offer on the first exercise ("": none)."""
        for label, text in ((self.last_time, last_time), (self.warm_up_offer, warm_up_offer)):
            label.setText(text)
            label.setVisible(bool(text))

    def show_hint(self, hint: ProgressionHint | None) -> None:
        self.progression.show_hint(hint)

    def step_cue(self, delta: int) -> None:
        self.cues.step(delta)

    def show_step(self, step: Step, exercise_name: str, next_text: str) -> None:
        self.name.setText(exercise_name)
        self.set_label.setText(set_text(step))
        self.side.setText(side_text(step))
        self.side.setVisible(step.side != "both")
        self.target.setText(target_text(step))
        self.how.setText(how_text(step))
        self.how.setVisible(bool(self.how.text()))
        self.next_label.setText(next_text)
        self._alternating = step.alternating
        for widget in self._inputs:
            widget.setVisible(not step.is_hold)  # a hold logs its time, not reps or load
        self.rpe.show_for(hold=step.is_hold)
        for widget in self._left_inputs:
            widget.setVisible(step.alternating and not step.is_hold)
        self.reps_label.setText("R&ight leg reps" if step.alternating else "&Reps")
        self.header.refit()

    def show_note(self, note: str) -> None:
        """The plan item's note ("Elbows inside the knees"); hidden when it has none."""
        self.item_note.setText(f"Note: {note}" if note else "")
        self.item_note.setVisible(bool(note))

    def set_values(
        self,
        reps: int,
        load_kg: float | None,
        note: str | None = None,
        *,
        left_reps: int | None = None,
    ) -> None:
        """Pre-fill the inputs; `note` says why the load is not last time's. An
        alternating set shows `left_reps` beside `reps` (the right leg's)."""
        self.left_reps.setValue(reps if left_reps is None else left_reps)
        self.reps.setValue(reps)
        self.load.set_load_kg(load_kg)
        self.load_note.setText(note or "")
        self.load_note.setVisible(bool(note))

    def values(self) -> tuple[int, float | None]:
        """The reps and load shown (spin boxes commit any typed text first)."""
        self.reps.interpretText()
        return self.reps.value(), self.load.load_kg()

    def left_reps_value(self) -> int | None:
        """An alternating set's left-leg reps; None for any other set."""
        if not self._alternating:
            return None
        self.left_reps.interpretText()
        return self.left_reps.value()

    def show_ready(
        self,
        set_number: int,
        *,
        after_rest: bool,
        hold: bool = False,
        extra: bool = False,
        warmup: bool = False,
    ) -> None:
        """Ready for a set; `extra`: an optional set above the plan's minimum ("2–3 sets"),
        which D leaves out."""
        self.status.setText(f"Ready for {'warm-up' if warmup else 'set'} {set_number}")
        tint(self.status, QPalette.ColorRole.WindowText, "ready" if after_rest else None)
        self.status.show()
        self.timer.hide()
        self.hint.setText(f"Press Space to start the {first_step_word(hold, warmup)}.")
        self.decline_button.setVisible(extra)
        if extra:
            self.status.setText(f"Set {set_number} is an extra set")
            self.hint.setText(
                "You have done the sets the plan asks for. Space starts this one; "
                "D leaves it out today."
            )
        self._primary("Start hold" if hold else "Start set")
        self.illustration.figure.stop()
        # The name is in the header; what matters here is what Space starts: the
        # status line, the boxes and the button (from the top when they fit there; with
        # less room, from the hint or the boxes' labels, never a line cut in half).
        self.scroll_area.verticalScrollBar().setValue(0)
        area = self.scroll_area
        firsts = (self.status, self.hint, self.left_reps_label, self.reps_label)
        QTimer.singleShot(
            0, self, lambda: show_from_first_fitting(area, firsts, self.primary_button)
        )

    def show_in_set(self, seconds: int, side: str, *, hold: bool = False) -> None:
        """A set under way: `seconds` counts up, or for a hold down to 0."""
        self.decline_button.hide()
        self.status.hide()
        self.timer.show()
        self.timer.setText(format_mmss(seconds))
        then = "switch to the right leg" if side == "left" else "log it and rest"
        if self._alternating:
            then = "log both legs and rest"
        if hold:
            self.hint.setText("Hold. It is logged when the time is up; Space ends it early.")
        else:
            self.hint.setText(f"Set in progress. Press Space when done to {then}.")
        done = "End hold" if hold else "Log both legs" if self._alternating else "Log set"
        self._primary("Done: right leg next" if side == "left" else done)
        self.illustration.figure.play()
        self._keep_set_in_view(hold)

    def show_elapsed(self, seconds: int) -> None:
        self.timer.setText(format_mmss(seconds))

    def show_finished(self, plan_name: str) -> None:
        """Every set is done or skipped: only finishing is left."""
        self.name.setText(plan_name)
        self.set_label.setText("")
        self.side.hide()
        self.header.refit()
        self.target.setText("")
        self.item_note.hide()
        self.next_label.setText("Next: the summary")
        self.progression.show_hint(None)
        self.load_note.hide()
        self.how.hide()
        self.show_extras("", "")
        tint(self.status, QPalette.ColorRole.WindowText, None)
        self.status.setText("All sets done")
        self.status.show()
        self.timer.hide()
        self.hint.setText("Press Space to finish the session.")
        self._primary("Finish")
        self.decline_button.hide()
        self.illustration.figure.stop()
        self.safety.set_expanded(False)
        for widget in (
            *self._inputs,
            *self._left_inputs,
            self.rpe,
            self.cues,
            self.illustration,
            self.safety,
        ):
            widget.hide()  # nothing is left to type in or to do

    def _primary(self, text: str) -> None:
        relabel(self.primary_button, text, "Space", texts.PRIMARY_TEXTS[text])
