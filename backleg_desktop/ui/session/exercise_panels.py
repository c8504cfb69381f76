"""The exercise screen's panels: the form cues, the animated figure, the progression hint.

Split out of exercise_screen.py, which lays them out with the set's own widgets.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QRect, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.content.model import Exercise
from backleg_desktop.domain.figures import FigureBook
from backleg_desktop.domain.progression import ProgressionHint
from backleg_desktop.ui.figures.panel import FigurePanel
from backleg_desktop.ui.session.fit import settle_layouts
from backleg_desktop.ui.widgets import paragraph, set_scaled_font

FIGURE_MIN_HEIGHT = 120
LAYOUT_ROUNDS = 4


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
        set_scaled_font(self._title, 1.0, bold=True)
        self._title.setWordWrap(True)  # a large system font: two lines, not cut
        self._layout.addWidget(self._title)
        # The cues take the height their lines need (no box of their own that scrolls:
        # at a large font it showed one cue at a time); the screen around them scrolls,
        # and the figure above gives up its height first.
        self._cue_layout = QVBoxLayout()
        self._cue_layout.setContentsMargins(0, 0, 0, 0)
        self._cue_layout.setSpacing(6)
        self._layout.addLayout(self._cue_layout)
        self._layout.addStretch(1)
        self.scroll_area: QScrollArea | None = None  # the screen's, set by the screen
        self._labels: list[QLabel] = []
        self._current = 0

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
            self._cue_layout.removeWidget(label)
            label.hide()  # at once: deleteLater waits for the event loop
            label.deleteLater()
        self._labels = []
        for number, cue in enumerate(cues, start=1):
            label = QLabel(f"{number}. {cue}")
            label.setProperty("cue", cue)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self._cue_layout.addWidget(label)
            self._labels.append(label)
        self.set_current(0)

    def set_current(self, index: int, *, reveal: bool = False) -> None:
        """Emphasise cue `index`; `reveal`: scroll the screen to it (Left / Right)."""
        if not self._labels:
            return
        self._current = max(0, min(len(self._labels) - 1, index))
        for i, label in enumerate(self._labels):
            now = i == self._current
            set_scaled_font(label, 1.25 if now else 1.0, bold=now)
            label.setForegroundRole(
                QPalette.ColorRole.WindowText if now else QPalette.ColorRole.PlaceholderText
            )
            label.setAccessibleDescription("current cue" if now else "")
        if reveal and self.scroll_area is not None:
            # Once the emphasised cue's larger lines are laid out.
            QTimer.singleShot(0, self, self._reveal)

    def _reveal(self) -> None:
        area = self.scroll_area
        if self._labels and area is not None:
            # Lay out first: the emphasised cue's larger lines move the ones after it.
            settle_layouts(LAYOUT_ROUNDS)  # the list, the screen, then the scroll area
            area.ensureWidgetVisible(self._labels[self._current], 0, 8)

    def step(self, delta: int) -> None:
        self.set_current(self._current + delta, reveal=True)


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
        # A drawing, not text: it keeps a fixed least height and gives up room before
        # the cues under it do, whatever the font size.
        self.figure.setMinimumHeight(FIGURE_MIN_HEIGHT)
        layout = QVBoxLayout(self)
        layout.addWidget(self.figure, 1)
        layout.addWidget(self.text)

    # It asks for no more height than the figure's least plus its text: in the screen's
    # scroll area the cues get the height their lines need first, and the figure grows
    # into what is left. (A layout's height-for-width would ask for the figure's full
    # preferred height, so it is turned off and the hint computed for the width it has.)
    def hasHeightForWidth(self) -> bool:
        return False

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        layout = self.layout()
        if layout is None:
            return hint
        width = self.width() if self.width() > 0 else hint.width()
        spare = max(0, self.figure.sizeHint().height() - self.figure.minimumSizeHint().height())
        least = self.minimumSizeHint().height()
        return QSize(hint.width(), max(least, layout.totalHeightForWidth(width) - spare))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the text's wrapping, so the hint, depends on the width

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
        set_scaled_font(self.title, 1.0, bold=True)
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
