"""The rest screen: a countdown ring readable across the room, its controls, what's next,
and the set just logged, which can still be corrected while resting."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.load_input import LoadSpinBox
from backleg_desktop.ui.session import texts
from backleg_desktop.ui.session.back_question import BackQuestion
from backleg_desktop.ui.session.exercise_screen import MAX_REPS
from backleg_desktop.ui.session.fit import Blocks, block, flow_row, scrolling
from backleg_desktop.ui.session.widgets import CountdownRing, action_button, big_label, relabel
from backleg_desktop.ui.widgets import PAGE_MARGIN, muted, paragraph, set_scaled_font

ADJUST_STEP_S = 15
RING_LEAST = 140  # still readable across the room; at 18 pt the controls need the rest


class RingCap(QObject):
    """Keeps the ring no taller than the room the view leaves above its controls, so
    the four controls are in view without scrolling (else a tall column beside the
    ring, the "How is your back?" question, let it push them below the fold).

    It is computed from the view's height and the block's width only, never from the
    ring's own size, so the resize it causes does not change it again (no loop)."""

    def __init__(
        self, ring: QWidget, controls: QLayout, holder: QWidget, area: QScrollArea
    ) -> None:
        super().__init__(ring)
        self._ring, self._controls, self._holder, self._area = ring, controls, holder, area
        holder.installEventFilter(self)
        area.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.refit()
        return False

    def refit(self) -> None:
        content = self._area.widget()
        if content is None:
            return
        width = self._holder.width()
        bar = self._area.verticalScrollBar()
        if not bar.isVisible():  # as if the bar were there: its coming and going
            width -= bar.sizeHint().width()  # must not change the rows of controls
        top = self._holder.mapTo(content, QPoint(0, 0)).y()
        layout = self._holder.layout()
        spacing = layout.spacing() if layout is not None else 0
        room = self._area.viewport().height() - top - spacing - 8
        room -= self._controls.heightForWidth(width)
        cap = max(RING_LEAST, room)  # as at the default font: it fills the room there is
        if self._ring.maximumHeight() != cap:
            self._ring.setMaximumHeight(cap)


class RestScreen(QWidget):
    correction_made = Signal(int, object)  # reps, load_kg (None: no load)
    skip_requested = Signal()
    pause_requested = Signal()
    adjust_requested = Signal(int)  # seconds to add (negative: take away)

    def __init__(
        self, parent: QWidget | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restScreen")
        self.back = BackQuestion(self, clock=clock)  # after an exercise's last set
        self.ring = CountdownRing(self)
        self.minus_button = action_button(
            f"−{ADJUST_STEP_S} s",
            "−",
            "restMinus",
            self,
            description=f"Shortens this rest by {ADJUST_STEP_S} seconds.",
        )
        self.pause_button = action_button("Pause", "P", "restPause", self)
        self.show_paused(False)
        self.plus_button = action_button(
            f"+{ADJUST_STEP_S} s",
            "+",
            "restPlus",
            self,
            description=f"Lengthens this rest by {ADJUST_STEP_S} seconds.",
        )
        self.skip_button = action_button(
            "Skip rest",
            "Space",
            "skipRest",
            self,
            description="Ends the rest now and gets the next set ready.",
        )
        self.skip_button.clicked.connect(self.skip_requested)
        self.pause_button.clicked.connect(self.pause_requested)
        self.plus_button.clicked.connect(lambda: self.adjust_requested.emit(ADJUST_STEP_S))
        self.minus_button.clicked.connect(lambda: self.adjust_requested.emit(-ADJUST_STEP_S))
        controls = (self.minus_button, self.pause_button, self.plus_button, self.skip_button)
        for button in controls:
            set_scaled_font(button, 1.15)

        self.up_next_title = QLabel("Up next", self)
        set_scaled_font(self.up_next_title, 1.0, bold=True)
        self.up_next = big_label("", 1.6)
        self.up_next.setObjectName("upNext")
        self.up_next_detail = big_label("", 1.25, bold=False)
        self.up_next_detail.setObjectName("upNextDetail")

        self.logged_title = QLabel("Just logged (you can correct it now)", self)
        set_scaled_font(self.logged_title, 1.0, bold=True)
        self.logged_title.setWordWrap(True)
        self.logged_text = paragraph("")
        self.logged_text.setObjectName("loggedText")
        self.reps = QSpinBox(self)
        self.reps.setObjectName("correctReps")
        self.reps.setRange(0, MAX_REPS)
        described(
            self.reps,
            "Changes the reps stored for the set you just logged, if you miscounted.",
            name="Correct the reps of the set just logged",
        )
        self.left_reps = QSpinBox(self)  # an alternating set: the left leg's reps too
        self.left_reps.setObjectName("correctLeftReps")
        self.left_reps.setRange(0, MAX_REPS)
        described(
            self.left_reps,
            "Changes the left leg's reps stored for the alternating set you just logged.",
            name="Correct the left leg's reps of the set just logged",
        )
        self.load = LoadSpinBox(
            "Correct the load of the set just logged",
            self,
            purpose="Changes the load stored for the set you just logged.",
        )
        self.load.setObjectName("correctLoad")
        grid = self._grid = QGridLayout()
        self.reps_label, load_label = QLabel("Reps", self), QLabel("Load", self)
        self._load_label = load_label
        self.left_reps_label = QLabel("Left reps", self)
        self._correction = (self.reps_label, load_label, self.reps, self.load)
        self._left_correction = (self.left_reps_label, self.left_reps)
        grid.addWidget(self.left_reps_label, 0, 0)
        grid.addWidget(self.reps_label, 0, 1)
        grid.addWidget(load_label, 0, 2)
        grid.addWidget(self.left_reps, 1, 0)
        grid.addWidget(self.reps, 1, 1)
        grid.addWidget(self.load, 1, 2)
        for widget in self._left_correction:
            widget.hide()
        for box in (self.left_reps, self.reps, self.load):
            box.setKeyboardTracking(False)  # one write per committed value, not per digit
            set_scaled_font(box, 1.3)
            box.valueChanged.connect(self._corrected)
        self.correction_status = muted(paragraph(""))
        self.correction_status.setObjectName("correctionStatus")
        logged_box = QFrame(self)
        logged_box.setFrameShape(QFrame.Shape.StyledPanel)
        logged_layout = QVBoxLayout(logged_box)
        logged_layout.addWidget(self.logged_title)
        logged_layout.addWidget(self.logged_text)
        logged_layout.addLayout(grid)
        logged_layout.addWidget(self.correction_status)

        # Side by side, the ring on the left; when they do not fit (a large font), what
        # comes next first, so the exercise and set stay in view, then the ring.
        self._controls = flow_row(controls)
        self._ring_block = block(self.ring, self._controls, stretch_last=True)
        self.blocks = Blocks(
            (
                self._ring_block,
                block(self.up_next_title, self.up_next, self.up_next_detail),
                block(
                    logged_box,
                    self.back,
                    muted(paragraph("P pauses · + and − change the rest by 15 s")),
                ),
            ),
            wide=((0, 0, 2, 1), (0, 1, 1, 1), (1, 1, 1, 1)),
            narrow=((1, 0, 1, 1), (0, 0, 1, 1), (2, 0, 1, 1)),
            columns=((0,), (1, 2)),
            stretch=(2, 1),  # the four controls in one row at the default font
            spacing=PAGE_MARGIN,
        )
        scrolling(self, self.blocks, (PAGE_MARGIN, PAGE_MARGIN // 2, PAGE_MARGIN, PAGE_MARGIN // 2))
        self.scroll_area: QScrollArea
        self.ring.setMinimumSize(RING_LEAST, RING_LEAST)
        self._cap = RingCap(self.ring, self._controls, self._ring_block, self.scroll_area)
        self._loading = False

    def start(self, total_s: int, up_next: str, up_next_detail: str) -> None:
        self.ring.set_total(total_s)
        self.ring.set_seconds(total_s)
        self.ring.set_caption("Rest")
        relabel(self.pause_button, "Pause", "P", texts.PAUSE_TEXT)
        self.up_next.setText(up_next)
        self.up_next_detail.setText(up_next_detail)

    def show_logged(
        self,
        description: str,
        reps: int | None,
        load_kg: float | None,
        *,
        hold: bool = False,
        left_reps: int | None = None,
    ) -> None:
        """The set just logged; a timed hold has no reps or load to correct. An
        alternating set (`left_reps` given) shows both legs' reps; `reps` is the right's."""
        self._loading = True
        self.logged_text.setText(description)
        for widget in self._correction:
            widget.setVisible(not hold)
        for widget in self._left_correction:
            widget.setVisible(left_reps is not None)
        self._place_load(under=left_reps is not None)
        self.left_reps.setValue(left_reps or 0)
        self.reps_label.setText("Reps" if left_reps is None else "Right reps")
        self.logged_title.setText("Just logged" if hold else "Just logged (you can correct it now)")
        self.reps.setValue(reps or 0)
        self.load.set_load_kg(load_kg)
        self.correction_status.setText("")
        self._loading = False

    def _place_load(self, *, under: bool) -> None:
        """An alternating set's load goes under its two reps boxes: three boxes in a row
        made the right column so wide at 18 pt that the four controls beside it wrapped
        into a column taller than the view, and Skip rest was cut at the fold."""
        row, column = (2, 0) if under else (0, 2)
        self._grid.addWidget(self._load_label, row, column)
        self._grid.addWidget(self.load, row + 1, column)

    def left_reps_value(self) -> int | None:
        """The left leg's corrected reps of an alternating set; None for any other set."""
        return self.left_reps.value() if self.left_reps.isVisibleTo(self) else None

    def show_seconds(self, seconds: int) -> None:
        self.ring.set_seconds(seconds)

    def show_corrected(self, description: str) -> None:
        self.correction_status.setText("Corrected and saved.")
        self.logged_text.setText(description)

    def show_paused(self, paused: bool) -> None:
        self.ring.set_caption("Paused" if paused else "Rest")
        if paused:
            relabel(self.pause_button, "Resume", "P", "Starts the paused rest countdown again.")
        else:
            relabel(self.pause_button, "Pause", "P", texts.PAUSE_TEXT)

    def _corrected(self) -> None:
        if self._loading:
            return
        self.correction_made.emit(self.reps.value(), self.load.load_kg())
