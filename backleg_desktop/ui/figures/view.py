"""The animated figure: plays an exercise's keyframes at its tempo on the app's clock.

Time comes from the injected `clock` (time.monotonic in the app, a fake in tests); the
QTimer only asks for a repaint, so a late tick never changes the tempo and nothing moves
unless the clock does. The timer stops while the widget is hidden and the animation
picks up where it was when it is shown again.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from backleg_desktop.domain.figures import Figure, Pose
from backleg_desktop.ui.figures.painter import figure_bounds, paint_figure

FRAME_INTERVAL_MS = 33  # about 30 repaints a second: smooth enough for a slow rep


class FigureView(QWidget):
    """One figure, animated or still. `phase_changed(frame index)` as phases change."""

    phase_changed = Signal(int)

    def __init__(
        self, clock: Callable[[], float] = time.monotonic, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("figureView")
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 110)
        self._clock = clock
        self.figure: Figure | None = None
        self._bounds = figure_bounds(None)
        self._position = 0.0  # seconds into the loop while paused
        self._origin: float | None = None  # clock time at loop position 0 while playing
        self._playing = False
        self._phase = 0
        self._timer = QTimer(self)
        self._timer.setObjectName("figureAnimation")
        self._timer.setInterval(FRAME_INTERVAL_MS)
        self._timer.timeout.connect(self.tick)

    def sizeHint(self) -> QSize:
        return QSize(360, 240)

    # -- what is shown -----------------------------------------------------------------
    def set_figure(self, figure: Figure | None) -> None:
        """Show `figure` (None: the neutral placeholder) at its start, paused."""
        self.figure = figure
        self._bounds = figure_bounds(figure)
        self._playing = False
        self._timer.stop()
        self._position = 0.0
        self._phase = 0
        self.update()

    @property
    def is_playing(self) -> bool:
        return self._playing

    @property
    def is_running(self) -> bool:
        """The repaint timer is active (playing and visible)."""
        return self._timer.isActive()

    @property
    def position(self) -> float:
        """Seconds into the loop."""
        if self._playing and self._origin is not None and self._timer.isActive():
            return self._clock() - self._origin
        return self._position

    @property
    def phase(self) -> int:
        """Index of the keyframe whose phase is shown (moving to it or holding it)."""
        return self._phase

    def pose(self) -> Pose | None:
        if self.figure is None:
            return None
        return self.figure.at(self.position)[0]

    # -- control -----------------------------------------------------------------------
    def play(self) -> None:
        if self.figure is None or self._playing:
            return
        self._playing = True
        self._origin = self._clock() - self._position
        if self.isVisible():
            self._timer.start()
        self.tick()

    def pause(self) -> None:
        if not self._playing:
            return
        self._position = self.position
        self._playing = False
        self._timer.stop()
        self.update()

    def toggle(self) -> None:
        self.pause() if self._playing else self.play()

    def stop(self) -> None:
        """Pause and go back to the start pose."""
        self.pause()
        self.go_to_frame(0)

    def step(self, delta: int) -> None:
        """Pause and jump to the next (+1) or previous (-1) keyframe."""
        if self.figure is None:
            return
        self.pause()
        count = len(self.figure.frames)
        _pose, current = self.figure.at(self._position)
        at_frame = abs(self._position - self.figure.frame_start(current)) < 1e-6
        if delta > 0:
            target = (current + 1) % count if at_frame else current
        else:
            target = (current - 1) % count
        self.go_to_frame(target)

    def go_to_frame(self, index: int) -> None:
        if self.figure is None:
            return
        self._position = self.figure.frame_start(index) % max(self.figure.duration, 1e-9)
        if self._playing:
            self._origin = self._clock() - self._position
        self.tick()

    def tick(self) -> None:
        """Follow the clock: repaint, and report a new phase."""
        if self.figure is None:
            return
        _pose, phase = self.figure.at(self.position)
        if phase != self._phase:
            self._phase = phase
            self.phase_changed.emit(phase)
        self.update()

    # -- Qt ----------------------------------------------------------------------------
    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._playing:
            self._origin = self._clock() - self._position
            self._timer.start()

    def hideEvent(self, event: object) -> None:
        if self._playing:
            self._position = self.position
        self._timer.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_figure(
            painter,
            QRectF(self.rect()),
            self.palette(),
            self.figure,
            self.pose(),
            bounds=self._bounds,
        )
