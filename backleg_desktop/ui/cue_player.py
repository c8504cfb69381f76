"""Step-by-step form cues: one cue at a time in large type, plus the full numbered list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.ui.widgets import set_scaled_font


class _StepButton(QPushButton):
    """A push button that leaves Left/Right to the page (a plain one moves focus with them)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            event.ignore()
            return
        super().keyPressEvent(event)


class CuePlayer(QFrame):
    """Shows cue N of M; previous()/next() move, buttons disable themselves at the ends."""

    step_changed = Signal(int)  # 0-based index of the cue now shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cuePlayer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # AlternateBase sets the player apart from the Base-coloured section around it.
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        self._cues: tuple[str, ...] = ()
        self._index = 0

        self.step_label = QLabel(self)
        self.step_label.setObjectName("stepLabel")
        set_scaled_font(self.step_label, 1.0, bold=True)
        self.step_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.cue_label = QLabel(self)
        self.cue_label.setObjectName("cueText")
        self.cue_label.setWordWrap(True)
        self.cue_label.setTextFormat(Qt.TextFormat.PlainText)
        set_scaled_font(self.cue_label, 1.6)
        self.cue_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Room for three lines, so the buttons do not jump as cues change length.
        self.cue_label.setMinimumHeight(QFontMetrics(self.cue_label.font()).lineSpacing() * 3)
        # Keep height-for-width (set by setWordWrap): without it wrapped text is clipped.
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.cue_label.setSizePolicy(policy)

        self.previous_button = _StepButton("‹ Previous", self)
        self.previous_button.setObjectName("previousCue")
        self.previous_button.setToolTip("Previous step (Left arrow)")
        self.next_button = _StepButton("Next ›", self)
        self.next_button.setObjectName("nextCue")
        self.next_button.setToolTip("Next step (Right arrow)")
        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)

        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(self.step_label)
        layout.addWidget(self.cue_label)
        layout.addLayout(buttons)

    @property
    def index(self) -> int:
        return self._index

    @property
    def count(self) -> int:
        return len(self._cues)

    def set_cues(self, cues: tuple[str, ...]) -> None:
        self._cues = cues
        self._index = 0
        self._refresh()

    def go_to(self, index: int) -> None:
        if not self._cues:
            return
        index = max(0, min(index, len(self._cues) - 1))
        if index != self._index:
            self._index = index
            self._refresh()

    def next(self) -> None:
        self.go_to(self._index + 1)

    def previous(self) -> None:
        self.go_to(self._index - 1)

    def _refresh(self) -> None:
        if not self._cues:
            self.step_label.setText("No steps")
            self.cue_label.setText("")
        else:
            self.step_label.setText(f"Step {self._index + 1} of {len(self._cues)}")
            self.cue_label.setText(self._cues[self._index])
        at_start = self._index == 0
        at_end = self._index >= len(self._cues) - 1
        # Move focus off a button before it is disabled, so Left/Right keep working.
        if at_end and self.next_button.hasFocus() and not at_start:
            self.previous_button.setFocus(Qt.FocusReason.OtherFocusReason)
        if at_start and self.previous_button.hasFocus() and not at_end:
            self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.previous_button.setEnabled(not at_start)
        self.next_button.setEnabled(not at_end)
        self.step_changed.emit(self._index)


class StepRow(QLabel):
    """One numbered cue in the full list; clicking it jumps the player there."""

    clicked = Signal(int)

    def __init__(self, number: int, text: str, parent: QWidget | None = None) -> None:
        super().__init__(f"{number}.  {text}", parent)
        self.number = number
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setMargin(6)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.set_current(False)

    def set_current(self, current: bool) -> None:
        # Palette roles, not colours: the highlight follows light and dark themes.
        self.setAutoFillBackground(current)
        self.setBackgroundRole(
            QPalette.ColorRole.Highlight if current else QPalette.ColorRole.Window
        )
        self.setForegroundRole(
            QPalette.ColorRole.HighlightedText if current else QPalette.ColorRole.WindowText
        )
        self.setAccessibleDescription("current step" if current else "")

    def is_current(self) -> bool:
        return self.autoFillBackground()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.number - 1)
        super().mousePressEvent(event)


class StepList(QWidget):
    """The full numbered list of cues, the player's current one highlighted."""

    step_clicked = Signal(int)

    def __init__(self, cues: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.rows = [StepRow(n, cue, self) for n, cue in enumerate(cues, start=1)]
        for row in self.rows:
            row.clicked.connect(self.step_clicked)
            layout.addWidget(row)

    def set_current(self, index: int) -> None:
        for number, row in enumerate(self.rows):
            row.set_current(number == index)
