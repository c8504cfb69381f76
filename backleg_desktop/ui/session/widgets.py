"""Widgets for the session screens: the countdown ring, the pain scale, big labels, key hints.

Sizes scale with the widget (the countdown) or with the application font (everything
else), and colours come from the palette, so light, dark and 200 % scaling all work.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontInfo, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.domain.pain import PAIN_MAX, PAIN_MIN
from backleg_desktop.domain.timers import format_mmss
from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.colours import colours_of, tint
from backleg_desktop.ui.session.fit import follow_font
from backleg_desktop.ui.widgets import set_scaled_font


def big_label(
    text: str = "", scale: float = 2.0, *, bold: bool = True, parent: QWidget | None = None
) -> QLabel:
    label = QLabel(text, parent)
    set_scaled_font(label, scale, bold=bold)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def text_width(widget: QWidget, text: str) -> int:
    return widget.fontMetrics().horizontalAdvance(text)


class SessionButton(QPushButton):
    """A push button two text lines high, in whatever font it has now (a system font
    change while the app runs included)."""

    extra_height = 8

    def fit_height(self) -> None:
        self.setMinimumHeight(self.fontMetrics().height() * 2 + self.extra_height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_height()


def action_button(
    text: str,
    key_hint: str,
    object_name: str,
    parent: QWidget | None = None,
    *,
    description: str = "",
) -> SessionButton:
    """A session button that never takes focus, so Space always reaches the session.

    The key is shown on the button itself: people learn the keys by seeing them.
    """
    button = SessionButton(parent)
    button.setObjectName(object_name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    relabel(button, text, key_hint, description)
    button.fit_height()
    return button


def relabel(button: QPushButton, text: str, key_hint: str, description: str = "") -> None:
    """Text, tooltip, accessible name and description together, so a screen reader
    says what the button says now, what it does and its key."""
    button.setText(f"{text}  [{key_hint}]" if key_hint else text)
    button.setToolTip(f"{text} ({key_hint})" if key_hint else text)
    button.setAccessibleName(text)
    if description:
        key = f" Key: {key_hint}." if key_hint else ""
        button.setAccessibleDescription(f"{description}{key}")


def danger(button: SessionButton) -> SessionButton:
    """Red text for the stop button, readable on light and dark backgrounds."""
    tint(button, QPalette.ColorRole.ButtonText, "stop")  # the theme's red, after switches too
    font = button.font()
    font.setBold(True)
    button.setFont(font)
    return button


class CountdownRing(QWidget):
    """A ring that empties as the rest runs down, with M:SS in the middle.

    The digits are sized from the widget's height, so they stay readable from a few
    metres away at any window size.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdownRing")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 220)
        self._total = 1
        self._seconds = 0
        self._caption = "Rest"
        self._ready = False
        self.align_top = False  # beside a tall column of text: at its top, not its middle
        self.setAccessibleName("Rest countdown")

    def sizeHint(self) -> QSize:
        # Its least size: it grows into the room there is, and in a scroll area (a large
        # font) a bigger hint would push the rest of the screen out of view.
        return self.minimumSize()

    # -- state -----------------------------------------------------------------------
    @property
    def text(self) -> str:
        return format_mmss(self._seconds)

    @property
    def caption(self) -> str:
        return self._caption

    def set_total(self, seconds: int) -> None:
        self._total = max(1, seconds)
        self.update()

    def set_seconds(self, seconds: int) -> None:
        self._seconds = max(0, seconds)
        self._total = max(self._total, self._seconds)  # +15 s may go past the start
        self.setAccessibleDescription(self.text)
        self.update()

    def set_caption(self, caption: str, *, ready: bool = False) -> None:
        self._caption = caption
        self._ready = ready
        self.update()

    # -- painting --------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height())
        thickness = max(8.0, side * 0.055)
        rect = QRectF(
            (self.width() - side) / 2 + thickness / 2,
            (0 if self.align_top else (self.height() - side) / 2) + thickness / 2,
            side - thickness,
            side - thickness,
        )
        palette = self.palette()
        # The ring turns from the accent colour to the theme's green once the rest is over.
        ready = colours_of(palette).colour("ready")
        accent = ready if self._ready else palette.color(QPalette.ColorRole.Highlight)
        track = palette.color(QPalette.ColorRole.Mid)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(track, thickness)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawEllipse(rect)
        fraction = 1.0 if self._ready else self._seconds / self._total
        if fraction > 0:
            pen.setColor(accent)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawArc(rect, 90 * 16, -round(360 * 16 * fraction))

        text_color = palette.color(QPalette.ColorRole.WindowText)
        digits = QFont(self.font())
        em = QFontInfo(self.font()).pixelSize()  # the system font size, as a floor
        digits.setPixelSize(max(2 * em, round(side * 0.26)))
        digits.setBold(True)
        digits.setStyleHint(QFont.StyleHint.SansSerif)
        painter.setFont(digits)
        painter.setPen(text_color)
        digits_rect = QRectF(rect)
        digits_rect.setHeight(rect.height() * 0.62)
        digits_rect.moveTop(rect.top() + rect.height() * 0.12)
        painter.drawText(digits_rect, Qt.AlignmentFlag.AlignCenter, self.text)
        caption = QFont(self.font())
        caption.setPixelSize(max(em, round(side * 0.075)))
        caption.setBold(self._ready)
        painter.setFont(caption)
        painter.setPen(accent if self._ready else text_color)
        caption_rect = QRectF(rect)
        caption_rect.setTop(rect.top() + rect.height() * 0.66)
        caption_rect.setHeight(rect.height() * 0.16)
        painter.drawText(caption_rect, Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()


class PainScale(QWidget):
    """A 0–10 pain level: a slider, the number in large type, and the level's words.

    Keys 0–9 are routed here by the session's key handling (`set_level`); the slider
    reaches 10. `level` is None until something is chosen.
    """

    level_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._level: int | None = None
        self.number = big_label("–", 3.2)
        self.number.setObjectName("painNumber")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        number = self.number
        follow_font(number, lambda: number.setMinimumWidth(text_width(number, "10") + 24))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("painSlider")
        self.slider.setRange(PAIN_MIN, PAIN_MAX)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        described(
            self.slider,
            "How much your back hurts now, from 0 (no pain) to 10 (worst imaginable). "
            "Left and Right or a digit key change it; Enter confirms.",
            name="Pain level from 0 to 10",
        )
        self.slider.valueChanged.connect(self._slider_moved)
        self.slider.setMinimumHeight(36)
        ends = QHBoxLayout()
        ends.addWidget(QLabel("0  no pain"))
        ends.addStretch(1)
        ends.addWidget(QLabel("worst imaginable  10"))
        column = QVBoxLayout()
        column.addWidget(self.slider)
        column.addLayout(ends)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.number)
        row.addLayout(column, 1)

    @property
    def level(self) -> int | None:
        return self._level

    def clear(self) -> None:
        self._level = None
        self.slider.blockSignals(True)
        self.slider.setValue(0)
        self.slider.blockSignals(False)
        self.number.setText("–")

    def set_level(self, level: int) -> None:
        level = max(PAIN_MIN, min(PAIN_MAX, level))
        changed = level != self._level
        self._level = level
        self.slider.blockSignals(True)
        self.slider.setValue(level)
        self.slider.blockSignals(False)
        self.number.setText(str(level))
        if changed:
            self.level_changed.emit(level)

    def _slider_moved(self, value: int) -> None:
        self.set_level(value)
