"""The figure with its controls and the cue of the phase it shows, for the exercise page
and the session's exercise screen.

Keys (handled by the page that holds the panel, see `handle_key`): K pauses and plays,
comma and full stop step one keyframe back and forward.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from backleg_desktop.domain.figures import Figure
from backleg_desktop.ui.cue_player import StepRow
from backleg_desktop.ui.figures.view import FigureView
from backleg_desktop.ui.widgets import set_scaled_font

PAUSE_KEY = Qt.Key.Key_K
STEP_KEYS = {Qt.Key.Key_Comma: -1, Qt.Key.Key_Period: 1}
NO_FIGURE_TEXT = "No drawing of this move yet: follow the steps below."


class _QuietButton(QPushButton):
    """Leaves Left/Right to the page (they step through the cues there)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            event.ignore()
            return
        super().keyPressEvent(event)


class FigurePanel(QFrame):
    """FigureView on the left, the phase cues on the right with the current one marked."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
        *,
        with_cues: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("figurePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.view = FigureView(clock, self)
        self.view.phase_changed.connect(self._show_phase)
        self.play_button = _QuietButton("Pause", self)
        self.play_button.setObjectName("figurePlay")
        self.play_button.setToolTip("Pause or play the animation (K)")
        self.play_button.setAccessibleDescription(
            "Pauses the moving drawing of the exercise, or plays it again (K)."
        )
        self.play_button.clicked.connect(self.toggle)
        self.back_button = _QuietButton("‹ Frame", self)
        self.back_button.setObjectName("figureBack")
        self.back_button.setToolTip("Previous position (,)")
        self.back_button.setAccessibleDescription(
            "Shows the drawing's previous position and its cue (comma)."
        )
        self.back_button.clicked.connect(lambda: self.step(-1))
        self.forward_button = _QuietButton("Frame ›", self)
        self.forward_button.setObjectName("figureForward")
        self.forward_button.setToolTip("Next position (.)")
        self.forward_button.setAccessibleDescription(
            "Shows the drawing's next position and its cue (full stop)."
        )
        self.forward_button.clicked.connect(lambda: self.step(1))
        self.empty = QLabel(NO_FIGURE_TEXT, self)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.play_button)
        buttons.addWidget(self.forward_button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.view, 1)
        left.addLayout(buttons)
        left.addWidget(self.empty)

        self.phase_title = QLabel("Now", self)
        set_scaled_font(self.phase_title, 1.0, bold=True)
        self._cue_box = QVBoxLayout()
        self._cue_box.setSpacing(2)
        right = QVBoxLayout()
        right.addWidget(self.phase_title)
        right.addLayout(self._cue_box)
        right.addStretch(1)
        self._cue_widget = QWidget(self)
        self._cue_widget.setLayout(right)
        self._cue_widget.setVisible(with_cues)
        self._with_cues = with_cues
        self.rows: list[StepRow] = []
        self._cues: tuple[str, ...] = ()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(left, 3)
        layout.addWidget(self._cue_widget, 2)

    # -- content -------------------------------------------------------------------------
    def set_figure(self, figure: Figure | None, cues: tuple[str, ...] = ()) -> None:
        self.view.set_figure(figure)
        self._cues = cues
        for row in self.rows:
            self._cue_box.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = []
        if figure is not None:
            # One row per cue the phases show, once each, in the exercise's own order
            # (a loop that starts at the top would otherwise list "come back up" first).
            shown = sorted({f.cue for f in figure.frames if 0 <= f.cue < len(cues)})
            for cue in shown:
                row = StepRow(cue + 1, cues[cue], self._cue_widget)
                row.setProperty("cueIndex", cue)
                self._cue_box.addWidget(row)
                self.rows.append(row)
        for widget in (self.play_button, self.back_button, self.forward_button):
            widget.setEnabled(figure is not None)
        self.empty.setVisible(figure is None)
        self._cue_widget.setVisible(self._with_cues and figure is not None)
        self._show_phase(0)
        self._update_button()

    def current_cue(self) -> str:
        """The cue highlighted beside the figure ("" when there is none)."""
        return next((row.text() for row in self.rows if row.is_current()), "")

    # -- control -------------------------------------------------------------------------
    def play(self) -> None:
        self.view.play()
        self._update_button()

    def pause(self) -> None:
        self.view.pause()
        self._update_button()

    def stop(self) -> None:
        self.view.stop()
        self._update_button()

    def toggle(self) -> None:
        self.view.toggle()
        self._update_button()

    def step(self, delta: int) -> None:
        self.view.step(delta)
        self._update_button()

    def handle_key(self, event: QKeyEvent) -> bool:
        """K, comma and full stop; True when the key was used."""
        if event.modifiers() not in (Qt.KeyboardModifier.NoModifier,):
            return False
        if event.key() == PAUSE_KEY:
            self.toggle()
            return True
        delta = STEP_KEYS.get(Qt.Key(event.key()))
        if delta is not None:
            self.step(delta)
            return True
        return False

    def _update_button(self) -> None:
        self.play_button.setText("Pause" if self.view.is_playing else "Play")

    def _show_phase(self, phase: int) -> None:
        figure = self.view.figure
        cue = figure.frames[phase].cue if figure is not None else -1
        for row in self.rows:
            row.set_current(row.property("cueIndex") == cue)
