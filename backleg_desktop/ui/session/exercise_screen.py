"""The exercise screen: what to do now, the set timer, reps and load, form cues, what's next."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.content.model import Exercise
from backleg_desktop.domain.figures import FigureBook
from backleg_desktop.domain.progression import ProgressionHint
from backleg_desktop.domain.session_flow import Step
from backleg_desktop.domain.timers import format_mmss
from backleg_desktop.ui.figures.panel import FigurePanel
from backleg_desktop.ui.session.rpe_field import RpeField
from backleg_desktop.ui.session.texts import SIDE_TEXT, set_text, target_text
from backleg_desktop.ui.session.widgets import READY_COLOR, action_button, big_label
from backleg_desktop.ui.widgets import PAGE_MARGIN, muted, paragraph, scaled_font

MAX_REPS = 999
MAX_LOAD_KG = 1000.0


class CueList(QFrame):
    """The exercise's form cues, numbered, with the current one emphasised."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cueList")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 10, 12, 10)
        self._layout.setSpacing(6)
        self._title = QLabel("Form cues  (Left / Right to step through)", self)
        self._title.setFont(scaled_font(self._title.font(), 1.0, bold=True))
        self._layout.addWidget(self._title)
        self._layout.addStretch(1)  # cues sit at the top; labels go in before this
        self._labels: list[QLabel] = []
        self._current = 0
        self._base_font = self.font()

    @property
    def current(self) -> int:
        return self._current

    @property
    def count(self) -> int:
        return len(self._labels)

    def current_text(self) -> str:
        return self._labels[self._current].property("cue") if self._labels else ""

    def set_cues(self, cues: tuple[str, ...]) -> None:
        for label in self._labels:
            self._layout.removeWidget(label)
            label.hide()  # at once: deleteLater waits for the event loop
            label.deleteLater()
        self._labels = []
        for number, cue in enumerate(cues, start=1):
            label = QLabel(f"{number}. {cue}", self)
            label.setProperty("cue", cue)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self._layout.insertWidget(self._layout.count() - 1, label)
            self._labels.append(label)
        self.set_current(0)

    def set_current(self, index: int) -> None:
        if not self._labels:
            return
        self._current = max(0, min(len(self._labels) - 1, index))
        for i, label in enumerate(self._labels):
            now = i == self._current
            label.setFont(scaled_font(self._base_font, 1.25 if now else 1.0, bold=now))
            label.setForegroundRole(
                QPalette.ColorRole.WindowText if now else QPalette.ColorRole.PlaceholderText
            )
            label.setAccessibleDescription("current cue" if now else "")

    def step(self, delta: int) -> None:
        self.set_current(self._current + delta)


class IllustrationArea(QFrame):
    """The exercise's animated figure (playing during a set), and what it works and needs."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        figures: FigureBook | None = None,
    ) -> None:
        super().__init__(parent)
        self._figures = figures or FigureBook()
        self.setObjectName("illustrationArea")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.text = paragraph("")
        self.text.setObjectName("illustrationText")
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.figure = FigurePanel(clock, self, with_cues=False)
        self.figure.setFrameShape(QFrame.Shape.NoFrame)
        self.figure.setMinimumHeight(self.fontMetrics().height() * 11)
        layout = QVBoxLayout(self)
        layout.addWidget(self.figure, 1)
        layout.addWidget(self.text)

    def show_exercise(self, exercise: Exercise | None) -> None:
        self.figure.set_figure(
            self._figures.get(exercise.id) if exercise else None,
            exercise.cues if exercise else (),
        )
        if exercise is None:
            self.text.setText("")
            return
        self.text.setText(
            f"Works: {', '.join(exercise.target_muscles)}\n"
            f"Equipment: {', '.join(exercise.equipment)}"
        )


class HintPanel(QFrame):
    """A progression hint: a quiet box in the palette's alternate base with a thin accent
    strip, so it reads as a suggestion beside the set, never as a warning."""

    STRIP_WIDTH = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressionHint")
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        self.title = QLabel("A suggestion for today", self)
        self.title.setObjectName("progressionHintTitle")
        self.title.setFont(scaled_font(self.title.font(), 1.0, bold=True))
        self.text = paragraph("")
        self.text.setObjectName("progressionHintText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12 + self.STRIP_WIDTH, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        self.hint: ProgressionHint | None = None
        self.hide()

    def show_hint(self, hint: ProgressionHint | None) -> None:
        """Show `hint`, or hide the panel when there is none."""
        self.hint = hint
        self.text.setText(hint.text if hint else "")
        self.setProperty("kind", hint.kind if hint else "")
        self.setAccessibleName(f"Suggestion: {hint.text}" if hint else "")
        self.setVisible(hint is not None)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        # Read from the palette at paint time, so a switch to dark mode follows at once.
        painter = QPainter(self)
        painter.fillRect(
            QRect(0, 0, self.STRIP_WIDTH, self.height()),
            self.palette().color(QPalette.ColorRole.Highlight),
        )


class ExerciseScreen(QWidget):
    """Shown before, during and between the sides of a set; the page fills it in."""

    primary_requested = Signal()  # the big button: start, log or finish

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
        self.progression = HintPanel(self)

        self.status = big_label("", 2.2)
        self.status.setObjectName("statusLabel")
        self.timer = big_label("", 7.0)
        self.timer.setObjectName("setTimer")
        self.timer.setWordWrap(False)
        self.hint = muted(paragraph(""))
        self.hint.setObjectName("primaryHint")
        self.hint.setFont(scaled_font(self.hint.font(), 1.2))

        self.reps = QSpinBox(self)
        self.reps.setObjectName("repsInput")
        self.reps.setRange(0, MAX_REPS)
        self.reps.setAccessibleName("Reps")
        self.load = QDoubleSpinBox(self)
        self.load.setObjectName("loadInput")
        self.load.setRange(0.0, MAX_LOAD_KG)
        self.load.setDecimals(1)
        self.load.setSingleStep(1.0)
        self.load.setSuffix(" kg")
        self.load.setSpecialValueText("no load")  # 0 means bodyweight: stored as no load
        self.load.setAccessibleName("Load in kilograms")
        for box in (self.reps, self.load):
            box.setFont(scaled_font(box.font(), 1.6, bold=True))
            box.setKeyboardTracking(False)
            box.setMinimumWidth(box.fontMetrics().horizontalAdvance("000.0 kg") + 60)
        inputs = QGridLayout()
        reps_label = QLabel("&Reps", self)
        reps_label.setBuddy(self.reps)
        load_label = QLabel("&Load", self)
        load_label.setBuddy(self.load)
        self._inputs = (reps_label, load_label, self.reps, self.load)  # hidden for a hold
        inputs.addWidget(reps_label, 0, 0)
        inputs.addWidget(load_label, 0, 1)
        inputs.addWidget(self.reps, 1, 0)
        inputs.addWidget(self.load, 1, 1)
        self.rpe = RpeField(self)  # optional, off unless the preference is on
        inputs.addWidget(self.rpe, 0, 2, 2, 1, Qt.AlignmentFlag.AlignLeft)
        self.load_note = big_label("", 1.1, bold=True)
        self.load_note.setObjectName("loadNote")  # "lighter today: pain 5 (was 25 kg)"
        self.load_note.hide()
        inputs.addWidget(self.load_note, 2, 0, 1, 3)
        inputs.setColumnStretch(2, 1)

        self.primary_button = action_button("Start set", "Space", "primaryAction", self)
        self.primary_button.setFont(scaled_font(self.primary_button.font(), 1.3, bold=True))
        self.primary_button.setMinimumHeight(self.primary_button.fontMetrics().height() * 2 + 12)
        self.primary_button.clicked.connect(self.primary_requested)
        self.next_label = big_label("", 1.2, bold=False)
        self.next_label.setObjectName("nextLabel")

        self.cues = CueList(self)
        self.illustration = IllustrationArea(self, clock=clock, figures=figures)

        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(self.name)
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.set_label)
        heading_row.addSpacing(24)
        heading_row.addWidget(self.side)
        heading_row.addStretch(1)
        left.addLayout(heading_row)
        left.addWidget(self.target)
        left.addWidget(self.progression)
        left.addSpacing(8)
        left.addWidget(self.status)
        left.addWidget(self.timer)
        left.addWidget(self.hint)
        left.addLayout(inputs)
        left.addSpacing(6)
        button_row = QHBoxLayout()
        button_row.addWidget(self.primary_button)
        button_row.addStretch(1)
        left.addLayout(button_row)
        left.addStretch(1)
        left.addWidget(self.next_label)

        right = QVBoxLayout()
        right.addWidget(self.illustration)
        right.addWidget(self.cues, 1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN // 2, PAGE_MARGIN, PAGE_MARGIN // 2)
        layout.setSpacing(PAGE_MARGIN)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self._normal_status_palette = self.status.palette()

    # -- what the page shows ---------------------------------------------------------
    def show_exercise(self, exercise: Exercise | None) -> None:
        """A new exercise comes up: its form cues and what it works."""
        self.cues.show()
        self.illustration.show()
        self.cues.set_cues(exercise.cues if exercise else ())
        self.illustration.show_exercise(exercise)

    def show_hint(self, hint: ProgressionHint | None) -> None:
        self.progression.show_hint(hint)

    def step_cue(self, delta: int) -> None:
        self.cues.step(delta)

    def show_step(self, step: Step, exercise_name: str, next_text: str) -> None:
        self.name.setText(exercise_name)
        self.set_label.setText(set_text(step))
        self.side.setText(SIDE_TEXT[step.side])
        self.side.setVisible(step.side != "both")
        self.target.setText(target_text(step))
        self.next_label.setText(next_text)
        for widget in self._inputs:
            widget.setVisible(not step.is_hold)  # a hold logs its time, not reps or load
        self.rpe.show_for(hold=step.is_hold)

    def set_values(self, reps: int, load_kg: float | None, note: str | None = None) -> None:
        """Pre-fill the inputs; `note` says why the load is not last time's."""
        self.reps.setValue(reps)
        self.load.setValue(load_kg or 0.0)
        self.load_note.setText(note or "")
        self.load_note.setVisible(bool(note))

    def values(self) -> tuple[int, float | None]:
        """The reps and load shown (spin boxes commit any typed text first)."""
        for box in (self.reps, self.load):
            box.interpretText()
        load = round(self.load.value(), 2)
        return self.reps.value(), (load if load > 0 else None)

    def show_ready(self, set_number: int, *, after_rest: bool, hold: bool = False) -> None:
        self.status.setText(f"Ready for set {set_number}")
        palette = self.status.palette()
        if after_rest:
            palette.setColor(QPalette.ColorRole.WindowText, READY_COLOR)
        self.status.setPalette(palette if after_rest else self._normal_status_palette)
        self.status.show()
        self.timer.hide()
        self.hint.setText(f"Press Space to start the {'hold' if hold else 'set'}.")
        self.primary_button.setText("Start hold  [Space]" if hold else "Start set  [Space]")
        self.illustration.figure.stop()

    def show_in_set(self, seconds: int, side: str, *, hold: bool = False) -> None:
        """A set under way: `seconds` counts up, or for a hold down to 0."""
        self.status.hide()
        self.timer.show()
        self.timer.setText(format_mmss(seconds))
        then = "switch to the right leg" if side == "left" else "log it and rest"
        if hold:
            self.hint.setText("Hold. It is logged when the time is up; Space ends it early.")
        else:
            self.hint.setText(f"Set in progress. Press Space when done to {then}.")
        done = "End hold" if hold else "Log set"
        self.primary_button.setText(
            "Done: right leg next  [Space]" if side == "left" else f"{done}  [Space]"
        )
        self.illustration.figure.play()

    def show_elapsed(self, seconds: int) -> None:
        self.timer.setText(format_mmss(seconds))

    def show_finished(self, plan_name: str) -> None:
        """Every set is done or skipped: only finishing is left."""
        self.name.setText(plan_name)
        self.set_label.setText("")
        self.side.hide()
        self.target.setText("")
        self.next_label.setText("Next: the summary")
        self.progression.show_hint(None)
        self.load_note.hide()
        self.status.setPalette(self._normal_status_palette)
        self.status.setText("All sets done")
        self.status.show()
        self.timer.hide()
        self.hint.setText("Press Space to finish the session.")
        self.primary_button.setText("Finish  [Space]")
        self.illustration.figure.stop()
        for widget in (*self._inputs, self.rpe, self.cues, self.illustration):
            widget.hide()  # nothing is left to type in or to do
